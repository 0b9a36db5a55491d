import { type Involvement, londonDateOf, secureAccommodationAdvocacy } from '@footprint/domain';
import { type EpisodeFacts, periodsOfRequiredEpisodes, requiredEpisodeType } from '@footprint/graphql';
import { builder } from '../builder.ts';
import type { InvolvementRow } from '../data/find-involvements.ts';
import { loaders } from '../loaders.ts';

/** The children subgraph's Episode, declared so the secure-accommodation rule can require it. */
const EpisodeValue = requiredEpisodeType(builder);

const toDomainInvolvement = (row: InvolvementRow): Involvement => ({
  id: row.id,
  child: row.childId,
  provider: row.providerId,
  referralDate: row.referralDate,
  // Not recorded in some imported history; the secure-accommodation rule does not read it.
  source: row.source ?? '',
  reasons: row.reasons,
  start: row.startDate,
  end: row.endDate,
  outcome: row.outcome,
});

/** The children subgraph's Child, by the council's CHILD reference, extended with advocacy. */
export const Child = builder.externalRef('Child', builder.selection<{ id: string }>('id')).implement({
  externalFields: (t) => ({
    episodes: t.field({ type: [EpisodeValue] }),
  }),
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The council’s CHILD identifier (SSDA903)' }),
    advocacyRequiredInSecurePlacement: t.boolean({
      nullable: true,
      description:
        'True when a spell of the child in secure accommodation, up to today, had no advocacy involvement open on any of its days: a breach of the rule that a child placed in secure accommodation must have an advocate (statutory-rules §10)',
      authScopes: { anyRole: ['manager', 'iro'] },
      requires: builder.selection<{ episodes?: EpisodeFacts[] | null }>(
        'episodes { startDate endDate reasonNewEpisode legalStatus placement reasonEnded }',
      ),
      resolve: async (child, _args, ctx) => {
        if (!child.episodes) return null;
        const periods = periodsOfRequiredEpisodes(child.episodes);
        const involvements = (await loaders(ctx).involvementsOfChild.load(child.id)).map(toDomainInvolvement);
        return secureAccommodationAdvocacy(periods, involvements, londonDateOf(new Date())).some(
          (spell) => !spell.covered,
        );
      },
    }),
  }),
});

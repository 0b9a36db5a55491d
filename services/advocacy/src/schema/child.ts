import {
  type Episode,
  type Involvement,
  londonDateOf,
  periodsOfCare,
  secureAccommodationAdvocacy,
} from '@footprint/domain';
import { builder } from '../builder.ts';
import type { InvolvementRow } from '../data/find-involvements.ts';
import { loaders } from '../loaders.ts';

/** The fields of the children subgraph's Episode that the secure-accommodation rule reads. */
export type EpisodeFields = {
  startDate: string;
  endDate: string | null;
  reasonNewEpisode: string;
  legalStatus: string;
  placement: string;
  reasonEnded: string | null;
};

// Fed 2 lets a value type be declared with every field @external when the subgraph only names it
// in @requires; the children subgraph resolves it, and this subgraph never does.
const external = { directives: [{ name: 'external', args: {} }] };

const EpisodeValue = builder.objectRef<EpisodeFields>('Episode').implement({
  fields: (t) => ({
    startDate: t.expose('startDate', { type: 'Date', ...external }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true, ...external }),
    reasonNewEpisode: t.exposeString('reasonNewEpisode', external),
    legalStatus: t.exposeString('legalStatus', external),
    placement: t.exposeString('placement', external),
    reasonEnded: t.exposeString('reasonEnded', { nullable: true, ...external }),
  }),
});

const toDomainEpisode = (episode: EpisodeFields): Episode => ({
  decom: episode.startDate,
  rne: episode.reasonNewEpisode,
  ls: episode.legalStatus,
  place: episode.placement,
  dec: episode.endDate,
  rec: episode.reasonEnded,
});

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
      requires: builder.selection<{ episodes?: EpisodeFields[] | null }>(
        'episodes { startDate endDate reasonNewEpisode legalStatus placement reasonEnded }',
      ),
      resolve: async (child, _args, ctx) => {
        if (!child.episodes) return null;
        const { periods } = periodsOfCare(child.episodes.map(toDomainEpisode));
        const involvements = (await loaders(ctx).involvementsOfChild.load(child.id)).map(toDomainInvolvement);
        return secureAccommodationAdvocacy(periods, involvements, londonDateOf(new Date())).some(
          (spell) => !spell.covered,
        );
      },
    }),
  }),
});

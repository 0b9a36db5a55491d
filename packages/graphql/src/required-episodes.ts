import { type Episode, type PeriodOfCare, periodsOfCare } from '@footprint/domain';
import type { FootprintBuilder } from './builder.ts';

/** The fields of the children subgraph's Episode that other subgraphs `@requires` to run the rules. */
export type EpisodeFacts = {
  startDate: string;
  endDate: string | null;
  reasonNewEpisode: string;
  legalStatus: string;
  placement: string;
  reasonEnded: string | null;
};

type EpisodeRef = ReturnType<typeof declareEpisode>;

// One declaration per schema, however many modules ask for it.
const episodeRefs = new WeakMap<FootprintBuilder, EpisodeRef>();

const external = [{ name: 'external', args: {} }];

function declareEpisode(builder: FootprintBuilder) {
  return builder.objectRef<EpisodeFacts>('Episode').implement({
    fields: (t) => ({
      startDate: t.expose('startDate', { type: 'Date', directives: external }),
      endDate: t.expose('endDate', { type: 'Date', nullable: true, directives: external }),
      reasonNewEpisode: t.exposeString('reasonNewEpisode', { directives: external }),
      legalStatus: t.exposeString('legalStatus', { directives: external }),
      placement: t.exposeString('placement', { directives: external }),
      reasonEnded: t.exposeString('reasonEnded', { nullable: true, directives: external }),
    }),
  });
}

/**
 * Declares the children subgraph's Episode in a subgraph that only requires it (`Child.episodes`):
 * Fed 2 accepts a value type named only in `@requires` when every field is `@external`. Calling it
 * again for the same builder returns the same type.
 */
export function requiredEpisodeType(builder: FootprintBuilder): EpisodeRef {
  let ref = episodeRefs.get(builder);
  if (!ref) {
    ref = declareEpisode(builder);
    episodeRefs.set(builder, ref);
  }
  return ref;
}

/** The domain's SSDA903 shape of a required episode. */
export const toDomainEpisode = (episode: EpisodeFacts): Episode => ({
  decom: episode.startDate,
  rne: episode.reasonNewEpisode,
  ls: episode.legalStatus,
  place: episode.placement,
  dec: episode.endDate,
  rec: episode.reasonEnded,
});

/** The periods of care of a child's required episodes, as the domain forms them. */
export const periodsOfRequiredEpisodes = (episodes: readonly EpisodeFacts[]): PeriodOfCare[] =>
  periodsOfCare(episodes.map(toDomainEpisode)).periods;

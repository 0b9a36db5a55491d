import { builder } from '../builder.ts';

/** The episode fields the review schedule needs, as the children subgraph serves them. */
export type EpisodeFacts = {
  startDate: string;
  endDate: string | null;
  reasonNewEpisode: string;
  legalStatus: string;
  placement: string;
  reasonEnded: string | null;
};

/**
 * The children subgraph's Episode, declared here only so `Child.episodes` can be required
 * (`@requires`); this subgraph never resolves one itself.
 */
const external = [{ name: 'external', args: {} }];

export const Episode = builder.objectRef<EpisodeFacts>('Episode');

Episode.implement({
  fields: (t) => ({
    startDate: t.expose('startDate', { type: 'Date', directives: external }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true, directives: external }),
    reasonNewEpisode: t.exposeString('reasonNewEpisode', { directives: external }),
    legalStatus: t.exposeString('legalStatus', { directives: external }),
    placement: t.exposeString('placement', { directives: external }),
    reasonEnded: t.exposeString('reasonEnded', { nullable: true, directives: external }),
  }),
});

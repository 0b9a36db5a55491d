import { builder } from '../builder.ts';
import type { EpisodeRow } from '../data/find-episodes.ts';

/** One SSDA903 episode, with the DfE's codes (shared/spec/codes). */
export const Episode = builder.objectRef<EpisodeRow>('Episode').implement({
  description: 'A spell of care with one legal status and placement (SSDA903 episode)',
  fields: (t) => ({
    startDate: t.expose('startDate', { type: 'Date', description: 'DECOM' }),
    reasonNewEpisode: t.exposeString('reasonNewEpisode', { description: 'RNE code' }),
    legalStatus: t.exposeString('legalStatus', { description: 'LS code' }),
    categoryOfNeed: t.exposeString('categoryOfNeed', { nullable: true, description: 'CIN code' }),
    placement: t.exposeString('placement', { description: 'PLACE code' }),
    placementProvider: t.exposeString('placementProvider', { nullable: true }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true, description: 'DEC' }),
    reasonEnded: t.exposeString('reasonEnded', { nullable: true, description: 'REC code' }),
    reasonPlaceChange: t.exposeString('reasonPlaceChange', { nullable: true }),
    homePostcode: t.exposeString('homePostcode', { nullable: true, description: 'HOME_POST sector' }),
    placementPostcode: t.exposeString('placementPostcode', { nullable: true, description: 'PL_POST sector' }),
    urn: t.exposeString('urn', { nullable: true }),
  }),
});

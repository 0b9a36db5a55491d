import type { Episode } from '@footprint/domain';
import type { EpisodeRow } from './find-episodes.ts';

/** The domain's SSDA903 shape of a stored episode. */
export const toDomainEpisode = (row: EpisodeRow): Episode => ({
  decom: row.startDate,
  rne: row.reasonNewEpisode,
  ls: row.legalStatus,
  cin: row.categoryOfNeed,
  place: row.placement,
  placeProvider: row.placementProvider,
  dec: row.endDate,
  rec: row.reasonEnded,
  reasonPlaceChange: row.reasonPlaceChange,
  homePost: row.homePostcode,
  plPost: row.placementPostcode,
  urn: row.urn,
});

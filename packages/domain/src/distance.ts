import { addBehind, type Behind, countOf, emptyBehind } from './behind.ts';
import { reportingYear } from './calendar.ts';
import { percent } from './numbers.ts';
import { type ChildPeriods, episodeOpenAt, isOpenAtEndOf } from './periods-of-care.ts';

/** A postcode sector's centroid (the `postcode_sectors` file), in degrees. */
export type SectorCentroid = { sector: string; latitude: number; longitude: number };

export const EARTH_RADIUS_KM = 6371;
export const KM_PER_MILE = 1.609344;
/** Far from home: more than this many miles (further-tables §2). */
export const FAR_FROM_HOME_MILES = 20;

/** The form HOME_POST, PL_POST and SECTOR match on: upper case without spaces (`br1 3` → `BR13`). */
export const sectorKey = (sector: string): string => sector.toUpperCase().replace(/\s+/g, '');

/** The centroids by `sectorKey`. Two rows of one sector are an import error; here the first stands. */
export const sectorCentroids = <S extends SectorCentroid>(rows: readonly S[]): ReadonlyMap<string, S> => {
  const byKey = new Map<string, S>();
  for (const row of rows) {
    const key = sectorKey(row.sector);
    if (!byKey.has(key)) byKey.set(key, row);
  }
  return byKey;
};

type Point = Pick<SectorCentroid, 'latitude' | 'longitude'>;

const radians = (degrees: number): number => (degrees * Math.PI) / 180;

/** Great-circle distance by the haversine formula on a sphere of radius 6,371 km. */
export const haversineKm = (a: Point, b: Point): number => {
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
};

/** Great-circle miles between two points (1 mile = 1.609344 km). */
export const milesBetween = (a: Point, b: Point): number => haversineKm(a, b) / KM_PER_MILE;

/** The centroid of a sector as written in HOME_POST or PL_POST; undefined when empty or not in `centroids`. */
export const centroidOf = <S extends SectorCentroid>(
  centroids: ReadonlyMap<string, S>,
  sector: string | null | undefined,
): S | undefined => {
  const key = sectorKey(sector ?? '');
  return key === '' ? undefined : centroids.get(key);
};

/** Miles between two sectors' centroids, or null when either is empty or has no centroid. */
export const milesBetweenSectors = (
  centroids: ReadonlyMap<string, SectorCentroid>,
  home: string | null | undefined,
  placed: string | null | undefined,
): number | null => {
  const a = centroidOf(centroids, home);
  const b = centroidOf(centroids, placed);
  return a && b ? milesBetween(a, b) : null;
};

/** A child looked after at 31 March, the episode open then and the miles from home (null: unknown). */
export type DistanceMember<C extends ChildPeriods> = {
  child: C;
  episode: C['periods'][number]['episodes'][number];
  miles: number | null;
};

export type PlacementDistance = { known: number; over20Miles: number; percent: number | null };

/**
 * Distance from home at 31 March (further-tables §2, §2a): for each child looked after at the end of
 * 31 March (a period that is not short-break-only), the miles between the centroids of HOME_POST and
 * PL_POST of the episode open then. Children with either sector empty or unknown are left out of
 * the denominator. Paths: `placement.distance.known`, `.over20Miles`, and `.unknown` (those left
 * out, for the data-quality list; not a figure of the report).
 */
export const placementDistanceBehind = <C extends ChildPeriods>(
  children: readonly C[],
  centroids: ReadonlyMap<string, SectorCentroid>,
  year: number,
): { figures: PlacementDistance; behind: Behind<DistanceMember<C>> } => {
  const { end } = reportingYear(year);
  const behind = emptyBehind<DistanceMember<C>>([
    'placement.distance.known',
    'placement.distance.over20Miles',
    'placement.distance.unknown',
  ]);
  for (const child of children) {
    const period = child.periods.find((p) => !p.shortBreakOnly && isOpenAtEndOf(p, end));
    const episode = period && episodeOpenAt(period, end);
    if (!episode) continue;
    const miles = milesBetweenSectors(centroids, episode.homePost, episode.plPost);
    const member: DistanceMember<C> = { child, episode, miles };
    if (miles === null) {
      addBehind(behind, 'placement.distance.unknown', member);
      continue;
    }
    addBehind(behind, 'placement.distance.known', member);
    if (miles > FAR_FROM_HOME_MILES) addBehind(behind, 'placement.distance.over20Miles', member);
  }
  const known = countOf(behind, 'placement.distance.known');
  const over20Miles = countOf(behind, 'placement.distance.over20Miles');
  return { figures: { known, over20Miles, percent: percent(over20Miles, known) }, behind };
};

/** `placement.distance` of reporting year `year`; see `placementDistanceBehind`. */
export const placementDistance = (
  children: readonly ChildPeriods[],
  centroids: ReadonlyMap<string, SectorCentroid>,
  year: number,
): PlacementDistance => placementDistanceBehind(children, centroids, year).figures;

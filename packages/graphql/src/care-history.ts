import { isIsoDate } from '@footprint/domain';
import type { FootprintBuilder } from './builder.ts';
import type { EpisodeFacts } from './required-episodes.ts';

/** One child's periods of care that touch a reporting year: what `AnnualReport.careHistory` carries. */
export type CareHistoryFacts = { childId: string; dateOfBirth: string; episodes: EpisodeFacts[] };

type EncodedEpisode = [
  startDate: string,
  endDate: string | null,
  reasonNewEpisode: string,
  legalStatus: string,
  placement: string,
  reasonEnded: string | null,
];
/** `[childId, dateOfBirth, episodes]`, each episode a tuple in EncodedEpisode's order. */
export type EncodedCareHistory = [childId: string, dateOfBirth: string, episodes: EncodedEpisode[]][];

/**
 * The care history goes from the children subgraph to others through the gateway for every
 * report: a large council's is tens of thousands of episodes. As one JSON value of tuples it is
 * a third of the size of GraphQL objects, and neither subgraph nor gateway resolves a field per
 * episode date.
 */
export const encodeCareHistory = (children: readonly CareHistoryFacts[]): EncodedCareHistory =>
  children.map(({ childId, dateOfBirth, episodes }) => [
    childId,
    dateOfBirth,
    episodes.map((e) => [
      e.startDate,
      e.endDate,
      e.reasonNewEpisode,
      e.legalStatus,
      e.placement,
      e.reasonEnded,
    ]),
  ]);

const isText = (value: unknown): value is string => typeof value === 'string';
const isChildId = (value: unknown): value is string => isText(value) && value.length > 0;

const decodeEpisode = (value: unknown): EpisodeFacts | null => {
  if (!Array.isArray(value) || value.length !== 6) return null;
  // Indexed rather than destructured: destructuring walks the array's iterator, per episode.
  const startDate: unknown = value[0];
  const endDate: unknown = value[1];
  const reasonNewEpisode: unknown = value[2];
  const legalStatus: unknown = value[3];
  const placement: unknown = value[4];
  const reasonEnded: unknown = value[5];
  if (!isIsoDate(startDate) || !(endDate === null || isIsoDate(endDate))) return null;
  if (!isText(reasonNewEpisode) || !isText(legalStatus) || !isText(placement)) return null;
  if (!(reasonEnded === null || isText(reasonEnded))) return null;
  return { startDate, endDate, reasonNewEpisode, legalStatus, placement, reasonEnded };
};

/**
 * The care history a representation carries. The gateway fills it for `@requires`, but a direct
 * `_entities` call could send anything: null unless the shape and every date are sound. Checked
 * by hand rather than with a zod schema: a large council's trend carries tens of thousands of
 * episodes, and this runs on every report.
 */
export function decodeCareHistory(value: unknown): CareHistoryFacts[] | null {
  if (!Array.isArray(value)) return null;
  const children: CareHistoryFacts[] = new Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const child: unknown = value[i];
    if (!Array.isArray(child) || child.length !== 3) return null;
    const childId: unknown = child[0];
    const dateOfBirth: unknown = child[1];
    const encodedEpisodes: unknown = child[2];
    if (!isChildId(childId) || !isIsoDate(dateOfBirth) || !Array.isArray(encodedEpisodes)) return null;
    const episodes: EpisodeFacts[] = new Array(encodedEpisodes.length);
    for (let e = 0; e < encodedEpisodes.length; e++) {
      const episode = decodeEpisode(encodedEpisodes[e]);
      if (!episode) return null;
      episodes[e] = episode;
    }
    children[i] = { childId, dateOfBirth, episodes };
  }
  return children;
}

/** The scalar, in the children subgraph that gives it and in each subgraph that `@requires` it. */
export function careHistoryScalar(builder: FootprintBuilder) {
  return builder.scalarType('CareHistory', {
    description:
      'Every child with a period of care touching a reporting year, for the rules other subgraphs run: JSON [[childId, dateOfBirth, [[startDate, endDate, reasonNewEpisode, legalStatus, placement, reasonEnded], …]], …], episodes oldest first',
    serialize: (value) => value,
    parseValue: (value) => {
      if (decodeCareHistory(value) === null) throw new TypeError('CareHistory is not a valid care history');
      return value as EncodedCareHistory;
    },
  });
}

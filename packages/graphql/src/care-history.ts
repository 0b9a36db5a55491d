import { isIsoDate } from '@footprint/domain';
import { z } from 'zod';
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

const isoDate = z.string().refine(isIsoDate);
const encoded = z.array(
  z.tuple([
    z.string().min(1),
    isoDate,
    z.array(
      z.tuple([isoDate, isoDate.nullable(), z.string(), z.string(), z.string(), z.string().nullable()]),
    ),
  ]),
);

/**
 * The care history a representation carries. The gateway fills it for `@requires`, but a direct
 * `_entities` call could send anything: null unless the shape and every date are sound.
 */
export function decodeCareHistory(value: unknown): CareHistoryFacts[] | null {
  const parsed = encoded.safeParse(value);
  if (!parsed.success) return null;
  return parsed.data.map(([childId, dateOfBirth, episodes]) => ({
    childId,
    dateOfBirth,
    episodes: episodes.map(([startDate, endDate, reasonNewEpisode, legalStatus, placement, reasonEnded]) => ({
      startDate,
      endDate,
      reasonNewEpisode,
      legalStatus,
      placement,
      reasonEnded,
    })),
  }));
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

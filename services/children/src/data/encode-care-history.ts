import { type EncodedCareHistory, encodeEpisodes } from '@footprint/graphql';
import type { ChildCareHistory } from './compute-annual-report.ts';

/**
 * The care histories of one request as the CareHistory scalar sends them, each period's text made
 * once: the report year's history, the year before's and the trend's share most of their periods
 * (one council history serves them all, so a period is one object throughout the request).
 */
export function careHistoryEncoder(): (history: readonly ChildCareHistory[]) => EncodedCareHistory {
  const texts = new WeakMap<ChildCareHistory['periods'][number], string>();
  const textOf = (period: ChildCareHistory['periods'][number]) => {
    let text = texts.get(period);
    if (text === undefined) {
      text = encodeEpisodes(period.episodes.map((episode) => episode.row));
      texts.set(period, text);
    }
    return text;
  };
  return (history) =>
    history.map(({ childId, dateOfBirth, periods }) => [childId, dateOfBirth, periods.map(textOf).join(';')]);
}

import { isIsoDate } from '@footprint/domain';
import type { FootprintBuilder } from './builder.ts';
import type { EpisodeFacts } from './required-episodes.ts';

/** One child's periods of care that touch a reporting year: what `AnnualReport.careHistory` carries. */
export type CareHistoryFacts = { childId: string; dateOfBirth: string; episodes: EpisodeFacts[] };

/**
 * `[childId, dateOfBirth, episodes]`, the episodes one text: each episode's startDate, endDate,
 * reasonNewEpisode, legalStatus, placement and reasonEnded joined by `,` (a null as nothing), the
 * episodes joined by `;`, oldest first.
 */
export type EncodedCareHistory = [childId: string, dateOfBirth: string, episodes: string][];

/**
 * The care history goes from the children subgraph to others through the gateway for every report
 * and every night's checks: a large council's trend is twenty thousand episodes. Each child's
 * episodes as one text rather than nested JSON arrays make the JSON a third smaller and a fifth
 * as many values, which every hop (subgraph, gateway, subgraph) parses and prints in a fraction of
 * the time. Dates and codes never hold `,` or `;`; were one to, the decoder would refuse the whole
 * history (an episode would not have six fields), never misread it.
 */
export const encodeCareHistory = (children: readonly CareHistoryFacts[]): EncodedCareHistory =>
  children.map(({ childId, dateOfBirth, episodes }) => [childId, dateOfBirth, encodeEpisodes(episodes)]);

/** Episodes as the text of EncodedCareHistory: a giver may join the texts of several periods with `;`. */
export const encodeEpisodes = (episodes: readonly EpisodeFacts[]): string =>
  episodes
    .map(
      (e) =>
        `${e.startDate},${e.endDate ?? ''},${e.reasonNewEpisode},${e.legalStatus},${e.placement},${e.reasonEnded ?? ''}`,
    )
    .join(';');

/**
 * A child's episodes from their text, read in one pass by position: splitting into arrays of
 * fields took twice as long over a large council's twenty thousand episodes.
 */
const decodeEpisodes = (text: string): EpisodeFacts[] | null => {
  const episodes: EpisodeFacts[] = [];
  if (text === '') return episodes;
  let at = 0;
  for (;;) {
    const c1 = text.indexOf(',', at);
    const c2 = c1 < 0 ? -1 : text.indexOf(',', c1 + 1);
    const c3 = c2 < 0 ? -1 : text.indexOf(',', c2 + 1);
    const c4 = c3 < 0 ? -1 : text.indexOf(',', c3 + 1);
    const c5 = c4 < 0 ? -1 : text.indexOf(',', c4 + 1);
    if (c5 < 0) return null;
    let end = text.indexOf(';', c5 + 1);
    if (end < 0) end = text.length;
    // A `;` before the fifth `,` means an episode of fewer than six fields.
    if (text.lastIndexOf(';', c5) >= at) return null;
    const startDate = text.slice(at, c1);
    const endDate = text.slice(c1 + 1, c2);
    const reasonEnded = text.slice(c5 + 1, end);
    if (!isIsoDate(startDate) || !(endDate === '' || isIsoDate(endDate)) || reasonEnded.includes(','))
      return null;
    episodes.push({
      startDate,
      endDate: endDate === '' ? null : endDate,
      reasonNewEpisode: text.slice(c2 + 1, c3),
      legalStatus: text.slice(c3 + 1, c4),
      placement: text.slice(c4 + 1, c5),
      reasonEnded: reasonEnded === '' ? null : reasonEnded,
    });
    if (end === text.length) return episodes;
    at = end + 1;
  }
};

/**
 * A decoder of the care histories of one request, which decodes each distinct text of episodes
 * once: the report year's history, the year before's and the trend's name mostly the same children
 * with the same periods, and a child decoded once has one episodes array in all of them.
 */
export function careHistoryDecoder(): (value: unknown) => CareHistoryFacts[] | null {
  const decoded = new Map<string, EpisodeFacts[] | null>();
  const episodesOf = (text: string) => {
    let episodes = decoded.get(text);
    if (episodes === undefined) {
      episodes = decodeEpisodes(text);
      decoded.set(text, episodes);
    }
    return episodes;
  };
  return (value) => {
    if (!Array.isArray(value)) return null;
    const children: CareHistoryFacts[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (!Array.isArray(child) || child.length !== 3) return null;
      const childId: unknown = child[0];
      const dateOfBirth: unknown = child[1];
      const encodedEpisodes: unknown = child[2];
      if (typeof childId !== 'string' || childId === '' || !isIsoDate(dateOfBirth)) return null;
      if (typeof encodedEpisodes !== 'string') return null;
      const episodes = episodesOf(encodedEpisodes);
      if (!episodes) return null;
      children[i] = { childId, dateOfBirth, episodes };
    }
    return children;
  };
}

/**
 * The care history a representation carries. The gateway fills it for `@requires`, but a direct
 * `_entities` call could send anything: null unless the shape and every date are sound. Checked
 * by hand rather than with a zod schema: it runs over every episode of every report.
 */
export const decodeCareHistory = (value: unknown): CareHistoryFacts[] | null => careHistoryDecoder()(value);

/** The scalar, in the children subgraph that gives it and in each subgraph that `@requires` it. */
export function careHistoryScalar(builder: FootprintBuilder) {
  return builder.scalarType('CareHistory', {
    description:
      'Every child with a period of care touching a reporting year, for the rules other subgraphs run: JSON [[childId, dateOfBirth, episodes], …], episodes one text "startDate,endDate,reasonNewEpisode,legalStatus,placement,reasonEnded;…" oldest first, a null as nothing',
    serialize: (value) => value,
    parseValue: (value) => {
      if (decodeCareHistory(value) === null) throw new TypeError('CareHistory is not a valid care history');
      return value as EncodedCareHistory;
    },
  });
}

import { describe, expect, it } from 'vitest';
import { type CareHistoryFacts, decodeCareHistory, encodeCareHistory } from './care-history.ts';

const history: CareHistoryFacts[] = [
  {
    childId: 'A1',
    dateOfBirth: '2012-02-29',
    episodes: [
      {
        startDate: '2020-04-01',
        endDate: '2021-01-31',
        reasonNewEpisode: 'S',
        legalStatus: 'C2',
        placement: 'U1',
        reasonEnded: 'X1',
      },
      {
        startDate: '2021-01-31',
        endDate: null,
        reasonNewEpisode: 'P',
        legalStatus: 'C2',
        placement: 'U3',
        reasonEnded: null,
      },
    ],
  },
  { childId: 'B2', dateOfBirth: '2019-07-01', episodes: [] },
];

describe('the care history between subgraphs', () => {
  it('decodes what it encodes', () => {
    expect(decodeCareHistory(encodeCareHistory(history))).toEqual(history);
    expect(decodeCareHistory(JSON.parse(JSON.stringify(encodeCareHistory(history))))).toEqual(history);
    expect(decodeCareHistory([])).toEqual([]);
  });

  const child = encodeCareHistory(history)[0]! as [string, string, unknown[][]];
  const episode = child[2][0]!;
  const withEpisode = (changed: unknown[]) => [[child[0], child[1], [changed]]];

  it.each([
    ['nothing', undefined],
    ['an object', { childId: 'A1' }],
    ['the GraphQL object form', history],
    ['a child of two parts', [[child[0], child[1]]]],
    ['a child of four parts', [[...child, 'extra']]],
    ['an empty child id', [['', child[1], child[2]]]],
    ['a numeric child id', [[7, child[1], child[2]]]],
    ['an impossible date of birth', [[child[0], '2011-02-29', child[2]]]],
    ['a date of birth in the 903 form', [[child[0], '29/02/2012', child[2]]]],
    ['episodes that are not a list', [[child[0], child[1], 'none']]],
    ['an episode of five parts', withEpisode(episode.slice(0, 5))],
    ['an episode of seven parts', withEpisode([...episode, 'x'])],
    ['an impossible start date', withEpisode(['2021-04-31', ...episode.slice(1)])],
    ['an end date that is not a date', withEpisode([episode[0], 'open', ...episode.slice(2)])],
    ['a null legal status', withEpisode([...episode.slice(0, 3), null, ...episode.slice(4)])],
    ['a numeric placement', withEpisode([...episode.slice(0, 4), 3, episode[5]])],
    ['a missing reason ended', withEpisode([...episode.slice(0, 5), undefined])],
  ])('refuses %s', (_what, value) => {
    expect(decodeCareHistory(value)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import {
  type CareHistoryFacts,
  careHistoryDecoder,
  decodeCareHistory,
  encodeCareHistory,
} from './care-history.ts';

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

  it('sends each child’s episodes as one text, a null as nothing', () => {
    expect(encodeCareHistory(history)).toEqual([
      ['A1', '2012-02-29', '2020-04-01,2021-01-31,S,C2,U1,X1;2021-01-31,,P,C2,U3,'],
      ['B2', '2019-07-01', ''],
    ]);
  });

  const [id, dob] = ['A1', '2012-02-29'];
  const withEpisodes = (episodes: string) => [[id, dob, episodes]];

  it.each([
    ['nothing', undefined],
    ['an object', { childId: 'A1' }],
    ['the GraphQL object form', history],
    ['episodes as JSON arrays', [[id, dob, [['2020-04-01', null, 'S', 'C2', 'U1', null]]]]],
    ['a child of two parts', [[id, dob]]],
    ['a child of four parts', [[id, dob, '', 'extra']]],
    ['an empty child id', [['', dob, '']]],
    ['a numeric child id', [[7, dob, '']]],
    ['an impossible date of birth', [[id, '2011-02-29', '']]],
    ['a date of birth in the 903 form', [[id, '29/02/2012', '']]],
    ['episodes that are not text', [[id, dob, null]]],
    ['an episode of five fields', withEpisodes('2020-04-01,,S,C2,U1')],
    ['an episode of seven fields', withEpisodes('2020-04-01,,S,C2,U1,,X')],
    ['an empty episode between two', withEpisodes('2020-04-01,2020-05-01,S,C2,U1,X1;;2020-05-01,,P,C2,U1,')],
    ['a trailing separator', withEpisodes('2020-04-01,,S,C2,U1,;')],
    ['an impossible start date', withEpisodes('2021-04-31,,S,C2,U1,')],
    ['no start date', withEpisodes(',,S,C2,U1,')],
    ['an end date that is not a date', withEpisodes('2020-04-01,open,S,C2,U1,')],
    ['a code holding the separator', withEpisodes('2020-04-01,,S,C;2,U1,')],
  ])('refuses %s', (_what, value) => {
    expect(decodeCareHistory(value)).toBeNull();
  });

  it('decodes each text of episodes once per decoder, and still refuses a bad history after a good one', () => {
    const decode = careHistoryDecoder();
    const encoded = encodeCareHistory(history);
    const first = decode(encoded)!;
    const again = decode(JSON.parse(JSON.stringify(encoded)))!;
    expect(again).toEqual(first);
    expect(again[0]!.episodes).toBe(first[0]!.episodes);
    expect(decode([[encoded[0]![0], encoded[0]![1], `${encoded[0]![2]};2020-04-01`]])).toBeNull();
    expect(decode([[encoded[0]![0], '2011-02-29', encoded[0]![2]]])).toBeNull();
    expect(careHistoryDecoder()(encoded)![0]!.episodes).not.toBe(first[0]!.episodes);
  });
});

import { describe, expect, it } from 'vitest';
import {
  advocacyFigures,
  advocacyMembers,
  childrenWithIndependentVisitorAt,
  childrenWithIndependentVisitorDuring,
  type Involvement,
  independentVisitorsAt,
  independentVisitorsDuring,
  secureAccommodationAdvocacy,
  secureSpells,
} from './advocacy.ts';
import { periodsOfCare } from './periods-of-care.ts';
import { episode } from './testing/builders.ts';

const involvement = (id: string, child: string, overrides: Partial<Involvement>): Involvement => ({
  id,
  child,
  provider: 'advocates',
  referralDate: '2022-05-01',
  source: 'self',
  reasons: ['care_plan'],
  start: null,
  end: null,
  ...overrides,
});

describe('advocacy figures (§10)', () => {
  it('counts involvements referred in the year, children, reasons and sources', () => {
    const f = advocacyFigures(
      [
        involvement('1', 'a', { reasons: ['care_plan', 'placement'] }),
        involvement('2', 'a', { source: 'iro' }),
        involvement('3', 'b', { referralDate: '2023-03-31' }),
        involvement('4', 'c', { referralDate: '2023-04-01' }),
      ],
      2022,
      40,
    );
    expect(f).toEqual({
      involvements: 3,
      children: 2,
      childrenPercent: 5,
      byReason: { care_plan: 3, placement: 1 },
      bySource: { self: 2, iro: 1 },
    });
  });

  it('names the involvements behind each figure, each count the length of its list', () => {
    const all = [
      involvement('1', 'a', { reasons: ['care_plan', 'placement', 'care_plan'] }),
      involvement('2', 'a', { source: 'iro', referralDate: '2022-04-01' }),
      involvement('3', 'b', { referralDate: '2023-03-31' }),
      involvement('4', 'c', { referralDate: '2022-03-31' }),
    ];
    const m = advocacyMembers(all, 2022);
    const ids = (list: readonly Involvement[]) => list.map((i) => i.id);
    expect(ids(m.involvements)).toEqual(['1', '2', '3']);
    expect(m.children.map((c) => [c.child, ids(c.records)])).toEqual([
      ['a', ['1', '2']],
      ['b', ['3']],
    ]);
    expect(Object.fromEntries(Object.entries(m.byReason).map(([k, v]) => [k, ids(v)]))).toEqual({
      care_plan: ['1', '2', '3'],
      placement: ['1'],
    });
    expect(Object.fromEntries(Object.entries(m.bySource).map(([k, v]) => [k, ids(v)]))).toEqual({
      self: ['1', '3'],
      iro: ['2'],
    });
    expect(advocacyFigures(all, 2022, 0)).toEqual({
      involvements: 3,
      children: 2,
      childrenPercent: null,
      byReason: { care_plan: 3, placement: 1 },
      bySource: { self: 2, iro: 1 },
    });
  });
});

describe('secure accommodation needs an advocate (§10)', () => {
  const [period] = periodsOfCare([
    episode('2022-01-01', '2022-06-01', 'X1', { place: 'U6' }),
    episode('2022-06-01', '2022-07-01', 'X1', { rne: 'P', place: 'K1' }),
    episode('2022-07-01', '2022-08-01', 'X1', { rne: 'L', place: 'K1', ls: 'C1' }),
    episode('2022-08-01', '2023-01-01', 'X1', { rne: 'P', place: 'U4' }),
    episode('2023-01-01', null, null, { rne: 'P', place: 'K1' }),
  ]).periods;

  it('joins consecutive secure episodes into spells', () => {
    expect(secureSpells(period!)).toEqual([
      { start: '2022-06-01', end: '2022-08-01' },
      { start: '2023-01-01', end: null },
    ]);
  });

  it('a spell with no involvement open on any of its days is a breach', () => {
    const checks = secureAccommodationAdvocacy(
      [period!],
      [involvement('1', 'a', { referralDate: '2022-05-20', start: '2022-06-10', end: '2022-06-30' })],
      '2023-03-31',
    );
    expect(checks.map((c) => [c.start, c.covered, c.involvements])).toEqual([
      ['2022-06-01', true, ['1']],
      ['2023-01-01', false, []],
    ]);
  });

  it('an involvement referred but not started counts from its referral', () => {
    const checks = secureAccommodationAdvocacy(
      [period!],
      [involvement('2', 'a', { referralDate: '2023-02-01' })],
      '2023-03-31',
    );
    expect(checks[1]!.covered).toBe(true);
    expect(
      secureAccommodationAdvocacy(
        [period!],
        [involvement('2', 'a', { referralDate: '2023-02-01' })],
        '2023-01-31',
      )[1]!.covered,
    ).toBe(false);
  });
});

describe('Independent Visitors (§10, §14)', () => {
  const visitors = [
    { child: 'a', start: '2021-01-01', end: null },
    { child: 'b', start: '2021-01-01', end: '2023-03-31' },
    { child: 'c', start: '2023-04-01', end: null },
    { child: 'd', start: '2020-01-01', end: '2022-03-31' },
  ];

  it('at 31 March: open at the end of the day', () => {
    expect(childrenWithIndependentVisitorAt(visitors, '2023-03-31')).toBe(1);
  });

  it('during the year: overlapping it', () => {
    expect(childrenWithIndependentVisitorDuring(visitors, 2022)).toBe(2);
  });

  it('names the children and allocations behind each count', () => {
    const twice = [...visitors, { child: 'a', start: '2019-01-01', end: '2020-06-01' }];
    expect(independentVisitorsAt(twice, '2023-03-31')).toEqual([{ child: 'a', records: [visitors[0]] }]);
    expect(independentVisitorsDuring(twice, 2022)).toEqual([
      { child: 'a', records: [visitors[0]] },
      { child: 'b', records: [visitors[1]] },
    ]);
    expect(independentVisitorsDuring(twice, 2020).map((c) => [c.child, c.records.length])).toEqual([
      ['a', 2],
      ['b', 1],
      ['d', 1],
    ]);
  });
});

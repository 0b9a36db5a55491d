import { describe, expect, it } from 'vitest';
import {
  adoptionChanges,
  childrenLookedAfterFigures,
  childrenLookedAfterFiguresBehind,
  episodeOpenAt,
  isInPeriodOn,
  isOpenAtEndOf,
  isShortBreakOn,
  lookedAfterForAtLeast,
  periodsOfCare,
  periodsWithoutStartInYear,
} from './periods-of-care.ts';
import { episode } from './testing/builders.ts';

describe('periods of care (§2, §14)', () => {
  it('chains X1 episodes into one period', () => {
    const { periods, problems } = periodsOfCare([
      episode('2020-01-10', '2020-06-01', 'X1', { ls: 'C1', place: 'U6' }),
      episode('2020-06-01', '2021-02-01', 'X1', { rne: 'P', ls: 'C1', place: 'U4' }),
      episode('2021-02-01', '2022-07-15', 'E4A', { rne: 'L', ls: 'C2', place: 'U4' }),
    ]);
    expect(problems).toEqual([]);
    expect(periods).toHaveLength(1);
    expect(periods[0]).toMatchObject({
      start: '2020-01-10',
      end: '2022-07-15',
      shortBreakOnly: false,
      legalStatusAtEntry: 'C1',
      reasonCeased: 'E4A',
      startedWithS: true,
    });
    expect(periods[0]!.episodes).toHaveLength(3);
  });

  it('sorts episodes by DECOM before chaining', () => {
    const { periods } = periodsOfCare([
      episode('2021-02-01', null, null, { rne: 'L' }),
      episode('2020-01-10', '2021-02-01', 'X1'),
    ]);
    expect(periods).toHaveLength(1);
    expect(periods[0]).toMatchObject({ start: '2020-01-10', end: null, reasonCeased: null });
  });

  it('a child with three periods', () => {
    const { periods } = periodsOfCare([
      episode('2015-03-01', '2016-01-01', 'E4A'),
      episode('2018-05-05', '2018-09-09', 'X1'),
      episode('2018-09-09', '2019-02-02', 'E13', { rne: 'P' }),
      episode('2021-11-11', null, null),
    ]);
    expect(periods.map((p) => [p.start, p.end])).toEqual([
      ['2015-03-01', '2016-01-01'],
      ['2018-05-05', '2019-02-02'],
      ['2021-11-11', null],
    ]);
  });

  it('an S episode straight after an X1 end starts a new period', () => {
    const { periods, problems } = periodsOfCare([
      episode('2020-01-10', '2020-06-01', 'X1'),
      episode('2020-06-01', null, null, { rne: 'S' }),
    ]);
    expect(problems).toEqual([]);
    expect(periods.map((p) => [p.start, p.end])).toEqual([
      ['2020-01-10', '2020-06-01'],
      ['2020-06-01', null],
    ]);
  });

  it('an episode without RNE S after a closed period starts one, reported as period_without_start', () => {
    const { periods, problems } = periodsOfCare([
      episode('2020-01-10', '2020-06-01', 'E8'),
      episode('2020-09-01', null, null, { rne: 'P' }),
    ]);
    expect(periods).toHaveLength(2);
    expect(periods[1]!.startedWithS).toBe(false);
    expect(problems.map((p) => p.code)).toEqual(['period_without_start']);
  });

  it('an X1 end with nothing after it ends the period and is reported', () => {
    const { periods, problems } = periodsOfCare([episode('2020-01-10', '2020-06-01', 'X1')]);
    expect(periods[0]!.end).toBe('2020-06-01');
    expect(problems.map((p) => p.code)).toEqual(['x1_without_next_episode']);
  });

  it('both ends are inside the period; at 31 March means the end of the day', () => {
    const period = { start: '2022-04-01', end: '2023-03-31' };
    expect(isInPeriodOn(period, '2022-04-01')).toBe(true);
    expect(isInPeriodOn(period, '2023-03-31')).toBe(true);
    expect(isOpenAtEndOf(period, '2023-03-31')).toBe(false);
    expect(isOpenAtEndOf({ start: '2022-04-01', end: '2023-04-01' }, '2023-03-31')).toBe(true);
    expect(isOpenAtEndOf({ start: '2023-03-31', end: null }, '2023-03-31')).toBe(true);
  });

  it('looked after continuously for 28 days counts days inclusively', () => {
    const [p4] = periodsOfCare([episode('2023-03-04', null, null)]).periods;
    const [p5] = periodsOfCare([episode('2023-03-05', null, null)]).periods;
    expect(lookedAfterForAtLeast(p4!, '2023-03-31', 28)).toBe(true);
    expect(lookedAfterForAtLeast(p5!, '2023-03-31', 28)).toBe(false);
  });

  it('the episode open at the end of a day is the later of an X1 pair', () => {
    const [period] = periodsOfCare([
      episode('2020-01-10', '2023-03-31', 'X1', { place: 'U6' }),
      episode('2023-03-31', null, null, { rne: 'P', place: 'K2' }),
    ]).periods;
    expect(episodeOpenAt(period!, '2023-03-31')?.place).toBe('K2');
    expect(episodeOpenAt(period!, '2023-03-30')?.place).toBe('U6');
  });
});

describe('short breaks (§2, §14)', () => {
  it('a period of only V3/V4 episodes is short-break-only', () => {
    const [period] = periodsOfCare([episode('2021-09-01', '2023-08-31', 'E4A', { ls: 'V4' })]).periods;
    expect(period!.shortBreakOnly).toBe(true);
    expect(period!.shortBreakUntil).toBeUndefined();
  });

  it('a period that starts as short breaks and changes status is not short-break-only', () => {
    const [period] = periodsOfCare([
      episode('2021-09-01', '2022-01-10', 'X1', { ls: 'V3' }),
      episode('2022-01-10', null, null, { rne: 'L', ls: 'V2' }),
    ]).periods;
    expect(period).toMatchObject({
      shortBreakOnly: false,
      shortBreakUntil: '2022-01-10',
      start: '2021-09-01',
    });
    expect(isShortBreakOn(period!, '2022-01-09')).toBe(true);
    expect(isShortBreakOn(period!, '2022-01-10')).toBe(false);
  });

  it('counts children as the DfE does: short-break-only apart, a changed period for its whole length', () => {
    const onlyShortBreaks = periodsOfCare([episode('2021-09-01', null, null, { ls: 'V4' })]).periods;
    const changed = periodsOfCare([
      episode('2021-09-01', '2022-05-10', 'X1', { ls: 'V3' }),
      episode('2022-05-10', null, null, { rne: 'L', ls: 'C1' }),
    ]).periods;
    const ordinary = periodsOfCare([episode('2019-01-01', '2021-06-30', 'E13', { ls: 'C2' })]).periods;
    const figures = childrenLookedAfterFigures(
      [
        { child: 'a', periods: onlyShortBreaks },
        { child: 'b', periods: changed },
        { child: 'c', periods: ordinary },
      ],
      2021,
    );
    expect(figures).toMatchObject({
      lookedAfterAt31March: 1,
      lookedAfterDuringYear: 2,
      shortBreaksDuringYear: 1,
      startedInYear: 1,
      ceasedInYear: 1,
      byLegalStatus: { V3: 1 },
      byLegalStatusAtEntry: { V3: 1 },
      byReasonCeased: { E13: 1 },
      childrenAt31March: ['b'],
    });
  });
});

describe('the records behind the children figures', () => {
  // Reporting year 2022: 1 April 2022 – 31 March 2023.
  const children = [
    // In care all year, moved placement in the year: counted at 31 March with the U4 episode.
    {
      child: 'a',
      periods: periodsOfCare([
        episode('2020-01-10', '2022-09-01', 'X1', { ls: 'C2', place: 'U6' }),
        episode('2022-09-01', null, null, { rne: 'P', ls: 'C2', place: 'U4' }),
      ]).periods,
    },
    // Started and ceased in the year; came back without RNE S and is in care at 31 March.
    {
      child: 'b',
      periods: periodsOfCare([
        episode('2022-05-01', '2022-08-01', 'E11', { ls: 'C1', place: 'U1' }),
        episode('2022-10-01', null, null, { rne: 'P', ls: 'V2', place: 'K2' }),
      ]).periods,
    },
    // Ceased on 31 March: not looked after at 31 March, ceased in the year.
    {
      child: 'c',
      periods: periodsOfCare([episode('2019-01-01', '2023-03-31', 'E13', { ls: 'C2' })]).periods,
    },
    // Short breaks only.
    { child: 'd', periods: periodsOfCare([episode('2022-06-01', null, null, { ls: 'V4' })]).periods },
    // Left before the year: in nothing.
    { child: 'e', periods: periodsOfCare([episode('2018-01-01', '2021-06-30', 'E4A')]).periods },
  ];
  const { figures, behind } = childrenLookedAfterFiguresBehind(children, 2022);
  const who = (path: string) => behind[path]?.map((m) => m.child);

  it('lists the members of every count; each count is the length of its list', () => {
    expect(who('children.lookedAfterAt31March')).toEqual(['a', 'b']);
    expect(who('children.lookedAfterDuringYear')).toEqual(['a', 'b', 'c']);
    expect(who('children.shortBreaksDuringYear')).toEqual(['d']);
    expect(who('children.startedInYear')).toEqual(['b', 'b']);
    expect(who('children.ceasedInYear')).toEqual(['b', 'c']);
    expect(who('children.byPlacement.U4')).toEqual(['a']);
    expect(who('children.byLegalStatus.V2')).toEqual(['b']);
    expect(who('children.byLegalStatusAtEntry.C1')).toEqual(['b']);
    expect(who('children.byReasonCeased.E13')).toEqual(['c']);
    expect(figures).toEqual({
      lookedAfterAt31March: 2,
      lookedAfterDuringYear: 3,
      shortBreaksDuringYear: 1,
      startedInYear: 2,
      ceasedInYear: 2,
      byLegalStatus: { C2: 1, V2: 1 },
      byLegalStatusAtEntry: { C1: 1, V2: 1 },
      byPlacement: { U4: 1, K2: 1 },
      byReasonCeased: { E11: 1, E13: 1 },
      childrenAt31March: ['a', 'b'],
    });
    for (const [path, list] of Object.entries(behind)) {
      const [, name, code] = path.split('.');
      const count = (figures as unknown as Record<string, number | Record<string, number>>)[name!];
      expect(code ? (count as Record<string, number>)[code] : count, path).toBe(list.length);
    }
    expect(childrenLookedAfterFigures(children, 2022)).toEqual(figures);
  });

  it('names the period and, at 31 March, the episode open then', () => {
    const [a] = behind['children.lookedAfterAt31March']!;
    expect(a!.period.start).toBe('2020-01-10');
    expect(a!.episode).toMatchObject({ decom: '2022-09-01', place: 'U4' });
    expect(behind['children.ceasedInYear']![0]!.episode).toMatchObject({ rec: 'E11' });
  });

  it('every single count has a list, even when empty', () => {
    const empty = childrenLookedAfterFiguresBehind([], 2022).behind;
    expect(Object.keys(empty).sort()).toEqual([
      'children.ceasedInYear',
      'children.lookedAfterAt31March',
      'children.lookedAfterDuringYear',
      'children.shortBreaksDuringYear',
      'children.startedInYear',
    ]);
  });

  it('lists periods started in the year without RNE S, short-break-only ones too', () => {
    const withShortBreaks = [
      ...children,
      {
        child: 'f',
        periods: periodsOfCare([episode('2022-07-01', null, null, { rne: 'B', ls: 'V3' })]).periods,
      },
      // Started before the year: not the year's problem.
      { child: 'g', periods: periodsOfCare([episode('2021-07-01', null, null, { rne: 'P' })]).periods },
    ];
    expect(
      periodsWithoutStartInYear(withShortBreaks, 2022).map((m) => [m.child, m.period.start, m.episode?.rne]),
    ).toEqual([
      ['b', '2022-10-01', 'P'],
      ['f', '2022-07-01', 'B'],
    ]);
  });
});

describe('placement for adoption (§3.3, §14)', () => {
  it('a placement starts when an A3–A6 episode follows another, not on a change between A codes', () => {
    const [period] = periodsOfCare([
      episode('2020-01-10', '2020-06-01', 'X1', { place: 'U6', ls: 'C2' }),
      episode('2020-06-01', '2020-08-01', 'X1', { rne: 'P', place: 'A5', ls: 'E1' }),
      episode('2020-08-01', '2020-09-01', 'X1', { rne: 'T', place: 'A6', ls: 'E1' }),
      episode('2020-09-01', '2020-12-01', 'X1', { rne: 'P', place: 'U4', ls: 'E1' }),
      episode('2020-12-01', null, null, { rne: 'P', place: 'A4', ls: 'E1' }),
    ]).periods;
    expect(adoptionChanges(period!)).toEqual({ placed: ['2020-06-01', '2020-12-01'], left: ['2020-09-01'] });
  });
});

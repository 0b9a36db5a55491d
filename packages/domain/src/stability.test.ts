import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, reportingYear } from './calendar.ts';
import { isTemporaryPlacement } from './codes.ts';
import type { ChildWithBirth } from './health.ts';
import { type Episode, episodeOpenAt, isOpenAtEndOf, overlaps, periodsOfCare } from './periods-of-care.ts';
import {
  isSamePlacement,
  longTermStabilityBehind,
  longTermStabilityDates,
  placementOpenAt,
  placementsOf,
  shortTermStabilityBehind,
} from './stability.ts';
import { isoDates } from './testing/arbitraries.ts';

const year = 2023; // 31 March 2024
const carer = { place: 'U4', placeProvider: 'PR1', urn: 'SC1', plPost: 'XS1 1' };
const other = { place: 'U4', placeProvider: 'PR1', urn: 'SC2', plPost: 'XS2 2' };

/** Episodes chained end to end from `from`: each [days, RNE, placement fields]. */
const chain = (from: string, steps: [number | null, string, Partial<Episode>][]): Episode[] => {
  let decom = from;
  return steps.map(([days, rne, fields], i) => {
    const dec = days === null ? null : addDays(decom, days);
    const e: Episode = {
      decom,
      rne,
      ls: 'C2',
      dec,
      rec: dec === null ? null : i === steps.length - 1 ? 'E11' : 'X1',
      ...carer,
      ...fields,
    };
    decom = dec ?? decom;
    return e;
  });
};
const periodOf = (episodes: Episode[]) => periodsOfCare(episodes).periods[0]!;
const childOf = (id: string, episodes: Episode[], dateOfBirth = '2012-06-01'): ChildWithBirth => ({
  child: id,
  dateOfBirth,
  periods: periodsOfCare(episodes).periods,
});

describe('placements (further-tables §2, §2a)', () => {
  it('a temporary placement and the return to the same carer are one placement spanning the holiday', () => {
    const period = periodOf(
      chain('2023-01-01', [
        [100, 'S', {}],
        [7, 'P', { place: 'T3', placeProvider: 'PR4', urn: null, plPost: 'XS9 9' }],
        [7, 'P', { place: 'T3', placeProvider: 'PR4', urn: null, plPost: 'XS9 9' }],
        [null, 'P', { plPost: 'xs11' }], // same carer, written differently
      ]),
    );
    const placements = placementsOf(period);
    expect(placements).toHaveLength(1);
    expect(placements[0]).toMatchObject({ start: '2023-01-01', end: null });
    expect(placements[0]!.episodes).toHaveLength(2);
    expect(placements[0]!.temporary).toHaveLength(2);
    // During the temporary spell the child is still in that placement.
    expect(placementOpenAt(placements, '2023-04-15')).toBe(placements[0]);
  });

  it('after a temporary placement another carer is a new placement, even with RNE L; the first ended before the holiday', () => {
    const period = periodOf(
      chain('2023-01-01', [
        [100, 'S', {}],
        [7, 'P', { place: 'T3' }],
        [null, 'L', other],
      ]),
    );
    const placements = placementsOf(period);
    expect(placements.map((p) => [p.start, p.end])).toEqual([
      ['2023-01-01', '2023-04-11'],
      ['2023-04-18', null],
    ]);
    expect(placementOpenAt(placements, '2023-04-12')).toBeUndefined();
  });

  it('a change with RNE T (legal status and placement) is a new placement; RNE L continues', () => {
    const period = periodOf(
      chain('2020-01-01', [
        [100, 'S', {}],
        [100, 'L', { ls: 'C1' }],
        [100, 'T', { ls: 'C2', place: 'A3' }],
        [100, 'P', other],
        [null, 'B', {}],
      ]),
    );
    expect(placementsOf(period).map((p) => p.episodes.length)).toEqual([2, 1, 1, 1]);
  });

  it('a period of temporary episodes only has no placement; the first placement is the first non-temporary episode', () => {
    expect(placementsOf(periodOf(chain('2023-01-01', [[null, 'S', { place: 'T0' }]])))).toEqual([]);
    const placements = placementsOf(
      periodOf(
        chain('2023-01-01', [
          [10, 'S', { place: 'T1' }],
          [null, 'L', {}],
        ]),
      ),
    );
    expect(placements.map((p) => p.start)).toEqual(['2023-01-11']);
  });

  it('compares the carer ignoring case and spaces, an empty URN equal to an empty one', () => {
    const a = chain('2023-01-01', [[null, 'S', { urn: null }]])[0]!;
    expect(isSamePlacement(a, { ...a, plPost: 'xs 1 1', place: 'u4' })).toBe(true);
    expect(isSamePlacement(a, { ...a, urn: 'SC1' })).toBe(false);
  });

  it('gives every non-temporary episode to exactly one placement, in order, and a child looked after at 31 March in a placement has one overlapping the year', () => {
    const step = fc.tuple(
      fc.integer({ min: 1, max: 400 }),
      fc.constantFrom('P', 'L', 'T', 'B', 'U'),
      fc.constantFrom<Partial<Episode>>(
        {},
        other,
        { place: 'T3' },
        { place: 'T0', plPost: 'XS9 9' },
        { place: 'A4' },
      ),
    );
    fc.assert(
      fc.property(
        isoDates('2015-01-01', '2023-12-31'),
        fc.array(step, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        (from, steps, open) => {
          const list: [number | null, string, Partial<Episode>][] = steps.map(([d, r, f], i) => [
            d,
            i === 0 ? 'S' : r,
            f,
          ]);
          if (open) list[list.length - 1]![0] = null;
          const period = periodOf(chain(from, list));
          const placements = placementsOf(period);
          expect(placements.flatMap((p) => p.episodes)).toEqual(
            period.episodes.filter((e) => !isTemporaryPlacement(e.place)),
          );
          for (let i = 1; i < placements.length; i++)
            expect(placements[i]!.start >= placements[i - 1]!.end!).toBe(true);
          const { start, end } = reportingYear(year);
          const atEnd = isOpenAtEndOf(period, end) ? episodeOpenAt(period, end) : undefined;
          if (atEnd && !isTemporaryPlacement(atEnd.place)) {
            expect(placements.some((p) => overlaps(p, start, end))).toBe(true);
            expect(placementOpenAt(placements, end)?.episodes).toContain(atEnd);
          }
        },
      ),
    );
  });
});

describe('short-term stability', () => {
  const moves = (from: string, days: number[]) =>
    chain(from, [
      ...days.map((d, i): [number, string, Partial<Episode>] => [d, i === 0 ? 'S' : 'P', i % 2 ? other : {}]),
      [null, 'P', {}],
    ]);

  it('counts placements overlapping the year: one ending on 1 April counts, one ending on 31 March the year before does not', () => {
    // Placements: to 2023-03-31 (out), 2023-03-31 to 2023-04-01 … (in), then two more.
    const out = childOf(
      'out',
      chain('2023-01-01', [
        [89, 'S', {}],
        [1, 'P', other],
        [100, 'P', {}],
        [null, 'P', other],
      ]),
    );
    expect(out.periods[0]!.episodes[0]!.dec).toBe('2023-03-31');
    const inYear = childOf(
      'in',
      chain('2023-01-01', [
        [90, 'S', {}],
        [1, 'P', other],
        [null, 'P', {}],
      ]),
    );
    expect(inYear.periods[0]!.episodes[0]!.dec).toBe('2023-04-01');
    const { figures, behind } = shortTermStabilityBehind([out, inYear], year);
    expect(figures).toEqual({ eligible: 2, threeOrMore: 2, percent: 100 });
    expect(behind['stability.shortTerm.eligible']!.map((m) => m.placements.length)).toEqual([3, 3]);
  });

  it('counts over every period of the child touching the year, and only children looked after at 31 March', () => {
    const twoPeriods = childOf('two', [
      ...chain('2023-05-01', [
        [10, 'S', {}],
        [10, 'P', other],
      ]),
      ...chain('2023-09-01', [[null, 'S', {}]]),
    ]);
    const left = childOf(
      'left',
      moves('2023-05-01', [10, 10, 10]).map((e, i, a) =>
        i === a.length - 1 ? { ...e, dec: '2024-03-31', rec: 'E11' } : e,
      ),
    );
    const { figures, behind } = shortTermStabilityBehind([twoPeriods, left], year);
    expect(figures).toEqual({ eligible: 1, threeOrMore: 1, percent: 100 });
    expect(behind['stability.shortTerm.threeOrMore']!.map((m) => m.child.child)).toEqual(['two']);
  });

  it('does not count temporary placements', () => {
    const holiday = childOf(
      'holiday',
      chain('2023-05-01', [
        [10, 'S', {}],
        [10, 'P', { place: 'T3' }],
        [10, 'P', {}],
        [10, 'P', { place: 'T3' }],
        [null, 'P', {}],
      ]),
    );
    expect(shortTermStabilityBehind([holiday], year).figures.threeOrMore).toBe(0);
  });
});

describe('long-term stability', () => {
  const { lookedAfterSince, placedSince } = longTermStabilityDates(year);

  it('tests month-rule dates: 30 and 24 months before 31 March', () => {
    expect([lookedAfterSince, placedSince]).toEqual(['2021-09-30', '2022-03-31']);
    expect(longTermStabilityDates(2021)).toEqual({
      lookedAfterSince: '2019-09-30',
      placedSince: '2020-03-31',
    });
  });

  it('is eligible from a period started on 30 September two and a half years before, not 1 October', () => {
    const on = childOf('on', chain(lookedAfterSince, [[null, 'S', {}]]));
    const after = childOf('after', chain(addDays(lookedAfterSince, 1), [[null, 'S', {}]]));
    const { figures } = longTermStabilityBehind([on, after], year);
    expect(figures.eligible).toBe(1);
  });

  it('is stable when the placement open at 31 March started on or before 31 March two years before, not the day after', () => {
    const onTheDay = childOf(
      'onTheDay',
      chain('2021-01-01', [
        [454, 'S', other],
        [null, 'P', {}],
      ]),
    );
    const dayAfter = childOf(
      'dayAfter',
      chain('2021-01-01', [
        [455, 'S', other],
        [null, 'P', {}],
      ]),
    );
    expect(onTheDay.periods[0]!.episodes[1]!.decom).toBe(placedSince);
    expect(dayAfter.periods[0]!.episodes[1]!.decom).toBe('2022-04-01');
    const { figures, behind } = longTermStabilityBehind([onTheDay, dayAfter], year);
    expect(figures).toEqual({ eligible: 2, stable: 1, percent: 50 });
    expect(behind['stability.longTerm.stable']!.map((m) => m.child.child)).toEqual(['onTheDay']);
  });

  it('counts only children under 16 at 31 March', () => {
    const episodes = chain('2015-01-01', [[null, 'S', {}]]);
    const fifteen = childOf('fifteen', episodes, '2008-04-01');
    const sixteen = childOf('sixteen', episodes, '2008-03-31');
    expect(longTermStabilityBehind([fifteen, sixteen], year).figures).toEqual({
      eligible: 1,
      stable: 1,
      percent: 100,
    });
  });

  it('counts a child placed for adoption (A3, RNE T) with the long-term foster carers when the placement before it meets the date', () => {
    const fostered = chain('2019-11-26', [
      [1560, 'S', {}],
      [null, 'T', { place: 'A3', ls: 'E1' }],
    ]);
    expect(fostered[1]!.decom).toBe('2024-03-04');
    const adopted = childOf('adopted', fostered);
    expect(placementsOf(adopted.periods[0]!)).toHaveLength(2);
    const { behind } = longTermStabilityBehind([adopted], year);
    const member = behind['stability.longTerm.stable']![0]!;
    expect(member.beforeAdoption?.start).toBe('2019-11-26');
    expect(member.testedStart).toBe('2019-11-26');
    // The placement before adoption started too late: not stable.
    const recent = childOf(
      'recent',
      chain('2021-01-01', [
        [500, 'S', other],
        [400, 'P', {}],
        [null, 'T', { place: 'A3' }],
      ]),
    );
    expect(longTermStabilityBehind([recent], year).figures.stable).toBe(0);
    // Not placed for adoption at 31 March: the new placement alone is tested.
    const foster = childOf(
      'foster',
      chain('2019-11-26', [
        [1560, 'S', {}],
        [null, 'T', other],
      ]),
    );
    expect(longTermStabilityBehind([foster], year).figures.stable).toBe(0);
  });

  it('a temporary placement open at 31 March: the placement returned to counts, none when not returned to', () => {
    const returned = childOf(
      'returned',
      chain('2019-01-01', [
        [1910, 'S', {}],
        [10, 'P', { place: 'T3' }],
        [null, 'P', {}],
      ]),
    );
    expect(returned.periods[0]!.episodes[1]!.decom <= '2024-03-31').toBe(true);
    expect(returned.periods[0]!.episodes[1]!.dec! > '2024-03-31').toBe(true);
    const stillAway = childOf(
      'away',
      chain('2019-01-01', [
        [1910, 'S', {}],
        [null, 'P', { place: 'T3' }],
      ]),
    );
    const { figures, behind } = longTermStabilityBehind([returned, stillAway], year);
    expect(figures).toEqual({ eligible: 2, stable: 1, percent: 50 });
    expect(behind['stability.longTerm.eligible']![1]!.placement).toBeNull();
  });
});

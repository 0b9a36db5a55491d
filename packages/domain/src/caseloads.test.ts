import { describe, expect, it } from 'vitest';
import {
  type Allocation,
  caseloads,
  childrenWithoutIro,
  continuity,
  type Iro,
  iroAllocationTimeliness,
  iroChanges,
  iroOf,
  isInPostAt,
  isOverCapacity,
  splitSiblingGroups,
  workforceFigures,
  workforceFiguresBehind,
} from './caseloads.ts';
import { periodsOfCare } from './periods-of-care.ts';
import { episode } from './testing/builders.ts';

const at = '2023-03-31';

describe('caseloads (§8, §14)', () => {
  const allocations: Allocation[] = [
    { child: 'a', iro: 'X', start: '2022-01-01', end: null },
    { child: 'b', iro: 'X', start: '2022-01-01', end: '2023-03-31' }, // ended on the day: not open at its end
    { child: 'c', iro: 'X', start: '2022-01-01', end: '2023-04-01' },
    { child: 'd', iro: 'Y', start: '2023-03-31', end: null },
    { child: 'e', iro: 'Y', start: '2022-01-01', end: null }, // no longer in care
  ];
  const inCare = (child: string) => child !== 'e';

  it('counts children in care whose allocation is open at the end of the day', () => {
    expect(Object.fromEntries(caseloads(allocations, inCare, at))).toEqual({ X: 2, Y: 1 });
    expect(iroOf(allocations, 'b', at)).toBeNull();
    expect(iroOf(allocations, 'c', at)).toBe('X');
  });

  it('caseload per FTE over IROs in post: mean of unrounded values rounded once', () => {
    const iros: Iro[] = [
      { iro: 'X', role: 'iro', fte: 0.6, start: '2010-01-01', end: null },
      { iro: 'Y', role: 'iro', fte: 1, start: '2010-01-01', end: '2023-04-01' },
      { iro: 'Z', role: 'iro', fte: 1, start: '2010-01-01', end: '2023-03-31' }, // left on the day
      { iro: 'F', role: 'fcro', fte: 1, start: '2010-01-01', end: null },
    ];
    const loads = new Map([
      ['X', 43],
      ['Y', 71],
    ]);
    // 43 / 0.6 = 71.666…, 71 / 1 = 71: mean 71.333… → 71.3
    expect(workforceFigures(iros, loads, at, 70)).toEqual({
      iros: 2,
      fte: 1.6,
      caseloadPerFte: { mean: 71.3, min: 71, max: 71.7 },
      overCapacity: 2,
    });
    expect(workforceFigures(iros, loads, at, 72).overCapacity).toBe(0);
    expect(isInPostAt(iros[2]!, at)).toBe(false);
    expect(isOverCapacity(70, 70)).toBe(false);
    expect(isOverCapacity(70.1, 70)).toBe(true);
  });
});

describe('the people behind the workforce figures', () => {
  const iros: Iro[] = [
    { iro: 'X', role: 'iro', fte: 0.6, start: '2010-01-01', end: null },
    { iro: 'Y', role: 'iro', fte: 1, start: '2010-01-01', end: null },
    { iro: 'Z', role: 'iro', fte: 1, start: '2010-01-01', end: '2023-03-31' }, // left on the day
    { iro: 'F', role: 'fcro', fte: 1, start: '2010-01-01', end: null },
  ];
  const loads = new Map([
    ['X', 43],
    ['Y', 60],
    ['Z', 90],
  ]);

  it('lists IROs in post and those above the band; each count is the length of its list', () => {
    const { figures, behind } = workforceFiguresBehind(iros, loads, at, 70);
    expect(behind['workforce.iros'].map((p) => [p.person.iro, p.caseload])).toEqual([
      ['X', 43],
      ['Y', 60],
    ]);
    expect(behind['workforce.overCapacity'].map((p) => p.person.iro)).toEqual(['X']);
    expect(behind['workforce.overCapacity'][0]!.perFte).toBeCloseTo(71.667, 3);
    expect(figures.iros).toBe(behind['workforce.iros'].length);
    expect(figures.overCapacity).toBe(behind['workforce.overCapacity'].length);
    expect(figures).toEqual(workforceFigures(iros, loads, at, 70));
  });

  it('keeps the caller’s own record type on each person', () => {
    const named = iros.map((p) => ({ ...p, name: `Person ${p.iro}` }));
    const { behind } = workforceFiguresBehind(named, loads, at, 70);
    expect(behind['workforce.iros'].map((p) => p.person.name)).toEqual(['Person X', 'Person Y']);
  });

  it('lists nobody when nobody is in post', () => {
    const { figures, behind } = workforceFiguresBehind([], loads, at, 70);
    expect(behind).toEqual({ 'workforce.iros': [], 'workforce.overCapacity': [] });
    expect(figures.caseloadPerFte).toEqual({ mean: null, min: null, max: null });
  });
});

describe('continuity (§8, §14)', () => {
  const throughout = periodsOfCare([episode('2020-01-01', null, null)]).periods;
  const startedLate = periodsOfCare([episode('2022-04-02', null, null)]).periods;
  const endedOn31March = periodsOfCare([episode('2020-01-01', '2023-03-31', 'E4A')]).periods;

  it('children looked after throughout the year who had exactly one IRO', () => {
    const result = continuity(
      [
        {
          child: 'a',
          periods: throughout,
          allocations: [
            { child: 'a', iro: 'X', start: '2020-01-02', end: '2022-06-01' },
            { child: 'a', iro: 'X', start: '2022-06-01', end: null },
          ],
        },
        {
          child: 'b',
          periods: endedOn31March,
          allocations: [
            { child: 'b', iro: 'X', start: '2020-01-02', end: '2022-06-01' },
            { child: 'b', iro: 'Y', start: '2022-06-01', end: null },
          ],
        },
        { child: 'c', periods: throughout, allocations: [] },
        {
          child: 'd',
          periods: startedLate,
          allocations: [{ child: 'd', iro: 'X', start: '2022-04-02', end: null }],
        },
      ],
      2022,
    );
    expect(result).toEqual({ eligible: 3, oneIro: 1, percent: 33.3 });
  });

  it('counts IRO changes', () => {
    const allocations: Allocation[] = [
      { child: 'a', iro: 'X', start: '2022-01-01', end: '2022-05-01' },
      { child: 'a', iro: 'Y', start: '2022-05-01', end: '2022-08-01' },
      { child: 'a', iro: 'Y', start: '2022-08-01', end: '2022-09-01' },
      { child: 'a', iro: 'X', start: '2022-09-01', end: null },
    ];
    expect(iroChanges(allocations, '2022-04-01', '2023-03-31')).toBe(2);
  });

  it('lists children looked after with no IRO allocated', () => {
    expect(
      childrenWithoutIro(
        [
          { child: 'a', periods: throughout, allocations: [] },
          {
            child: 'b',
            periods: throughout,
            allocations: [{ child: 'b', iro: 'X', start: '2020-01-01', end: null }],
          },
          { child: 'c', periods: endedOn31March, allocations: [] },
        ],
        at,
      ),
    ).toEqual(['a']);
  });
});

describe('IRO allocated within 5 working days (§8)', () => {
  const period = { start: '2022-12-22', end: null };

  it('counts working days from the day the child became looked after', () => {
    const onTime = iroAllocationTimeliness(period, [{ start: '2023-01-03', end: null }]);
    expect(onTime).toEqual({
      periodStart: '2022-12-22',
      deadline: '2023-01-03',
      allocatedOn: '2023-01-03',
      onTime: true,
    });
    expect(iroAllocationTimeliness(period, [{ start: '2023-01-04', end: null }]).onTime).toBe(false);
    expect(iroAllocationTimeliness(period, []).allocatedOn).toBeNull();
    // an allocation already open when the period starts counts from the start
    expect(iroAllocationTimeliness(period, [{ start: '2021-01-01', end: null }]).allocatedOn).toBe(
      '2022-12-22',
    );
  });
});

describe('sibling groups (§8)', () => {
  it('flags a group whose children have more than one IRO', () => {
    const iros: Record<string, string | null> = { a: 'X', b: 'X', c: 'Y', d: null };
    expect(
      splitSiblingGroups(
        [
          ['a', 'b'],
          ['a', 'c', 'd'],
        ],
        (child) => iros[child] ?? null,
      ),
    ).toEqual([{ children: ['a', 'c', 'd'], iros: ['X', 'Y'] }]);
  });
});

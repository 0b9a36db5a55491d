import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addWorkingDays } from './calendar.ts';
import type { Allocation, ChildAllocations, Iro } from './caseloads.ts';
import {
  allocatedIrosOn,
  caseloadOverCapacity,
  childrenComplianceChecks,
  iroAllocationLate,
  siblingGroupSplit,
} from './children-compliance.ts';
import { COMPLIANCE_CHECKS } from './compliance.ts';
import type { LocalPolicyVersion } from './local-policy.ts';
import { type Episode, periodsOfCare } from './periods-of-care.ts';
import { isoDates } from './testing/arbitraries.ts';
import { episode } from './testing/builders.ts';

const child = (id: string, episodes: Episode[], allocations: Omit<Allocation, 'child'>[] = []) =>
  ({
    child: id,
    periods: periodsOfCare(episodes).periods,
    allocations: allocations.map((a) => ({ child: id, ...a })),
  }) satisfies ChildAllocations;

const iro = (id: string, fte = 1, start = '2010-01-01', end: string | null = null): Iro => ({
  iro: id,
  role: 'iro',
  fte,
  start,
  end,
});

/** `n` children in care since 2020, allocated to `iroId` since then. */
const caseload = (iroId: string, n: number, prefix = iroId) =>
  Array.from({ length: n }, (_, i) =>
    child(
      `${prefix}-${i}`,
      [episode('2020-01-01', null, null)],
      [{ iro: iroId, start: '2020-01-02', end: null }],
    ),
  );

const band = (value: number, effective = '2000-01-01'): LocalPolicyVersion => ({
  effective,
  settings: { capacityBand: value },
});

const asOf = '2024-06-03';

describe('caseload_over_capacity (§8, §14)', () => {
  it('lists an IRO above 70 per FTE, saying by how much', () => {
    const items = caseloadOverCapacity({
      asOf,
      children: [...caseload('A', 78), ...caseload('B', 70)],
      people: [iro('A'), iro('B')],
      policy: [],
    });
    // B at exactly 70 per FTE is within the band.
    expect(items).toEqual([
      {
        childId: null,
        reference: 'A',
        what: '78 children, 1.0 FTE: 78 per FTE, band 70',
        dueDate: null,
        daysOverdue: null,
        iroId: 'A',
      },
    ]);
  });

  it('divides by FTE: 36 children at 0.5 FTE are 72 per FTE; a sessional IRO with one child is over', () => {
    const items = caseloadOverCapacity({
      asOf,
      children: [...caseload('H', 36), ...caseload('S', 1)],
      people: [iro('H', 0.5), iro('S', 0.01)],
      policy: [],
    });
    expect(items.map((i) => i.what)).toEqual([
      '36 children, 0.5 FTE: 72 per FTE, band 70',
      '1 child, 0.01 FTE: 100 per FTE, band 70',
    ]);
  });

  it('uses the council’s stricter band in force on the date, not a later one', () => {
    const input = { asOf, children: caseload('A', 65), people: [iro('A')] };
    expect(caseloadOverCapacity({ ...input, policy: [band(60, '2024-01-01')] })).toHaveLength(1);
    expect(caseloadOverCapacity({ ...input, policy: [band(60, '2024-06-04')] })).toEqual([]);
    expect(caseloadOverCapacity({ ...input, policy: [band(60, '2024-06-03')] })[0]?.what).toBe(
      '65 children, 1.0 FTE: 65 per FTE, band 60',
    );
  });

  it('counts short breaks, not children out of care, not allocations ended on the day, not IROs out of post', () => {
    const shortBreaks = child(
      'sb',
      [episode('2023-01-01', null, null, { ls: 'V4' })],
      [{ iro: 'A', start: '2023-01-01', end: null }],
    );
    const left = child(
      'left',
      [episode('2020-01-01', '2024-06-01', 'E11')],
      [{ iro: 'A', start: '2020-01-01', end: null }],
    );
    const handedOver = child(
      'ho',
      [episode('2020-01-01', null, null)],
      [
        { iro: 'A', start: '2020-01-01', end: asOf },
        { iro: 'B', start: asOf, end: null },
      ],
    );
    const policy = [band(2)];
    const items = caseloadOverCapacity({
      asOf,
      children: [...caseload('A', 2), shortBreaks, left, handedOver, ...caseload('C', 5)],
      // C left post on the date: not in post at its end.
      people: [iro('A'), iro('B'), iro('C', 1, '2010-01-01', asOf)],
      policy,
    });
    expect(items.map((i) => i.what)).toEqual(['3 children, 1.0 FTE: 3 per FTE, band 2']);
  });
});

describe('iro_allocation_late (§8)', () => {
  // Monday 8 January 2024: 5 working days later is Monday 15 January.
  const start = '2024-01-08';
  const late = (allocations: Omit<Allocation, 'child'>[], date = asOf, policy: LocalPolicyVersion[] = []) =>
    iroAllocationLate({
      asOf: date,
      children: [child('c', [episode(start, null, null)], allocations)],
      policy,
    });

  it('accepts an IRO allocated on the 5th working day and flags the 6th', () => {
    expect(late([{ iro: 'A', start: '2024-01-15', end: null }])).toEqual([]);
    expect(late([{ iro: 'A', start: '2024-01-16', end: null }])).toEqual([
      {
        childId: 'c',
        reference: start,
        what: 'IRO allocated on 2024-01-16, 6 working days after care began on 2024-01-08 (due within 5)',
        dueDate: '2024-01-15',
        daysOverdue: 140,
        iroId: null,
      },
    ]);
  });

  it('counts working days over Christmas and New Year bank holidays', () => {
    // Friday 22 December 2023: 25, 26 December and 1 January are bank holidays.
    const christmas = (allocatedOn: string) =>
      iroAllocationLate({
        asOf: '2024-02-01',
        children: [
          child('x', [episode('2023-12-22', null, null)], [{ iro: 'A', start: allocatedOn, end: null }]),
        ],
        policy: [],
      });
    expect(addWorkingDays('2023-12-22', 5)).toBe('2024-01-03');
    expect(christmas('2024-01-03')).toEqual([]);
    expect(christmas('2024-01-04')[0]?.dueDate).toBe('2024-01-03');
  });

  it('with no IRO yet: nothing while the deadline is today or ahead, an item the day after', () => {
    expect(late([], '2024-01-12')).toEqual([]);
    expect(late([], '2024-01-15')).toEqual([]); // due today is not overdue
    expect(late([], '2024-01-16')).toEqual([
      {
        childId: 'c',
        reference: start,
        what: 'No IRO allocated since care began on 2024-01-08 (due within 5 working days)',
        dueDate: '2024-01-15',
        daysOverdue: 1,
        iroId: null,
      },
    ]);
  });

  it('ignores an allocation made after the date asked about', () => {
    expect(late([{ iro: 'A', start: '2024-01-20', end: null }], '2024-01-17')[0]?.what).toMatch(
      /^No IRO allocated/,
    );
  });

  it('holds the council to a stricter local deadline in force when care began', () => {
    const three = { effective: '2023-01-01', settings: { iroAllocationDays: 3 } };
    const allocated = [{ iro: 'A', start: '2024-01-12', end: null }];
    expect(late(allocated)).toEqual([]);
    expect(late(allocated, asOf, [three])).toMatchObject([
      { dueDate: '2024-01-11', what: expect.stringContaining('(due within 3)') },
    ]);
    // Set after care began: the deadline of the day care began stands.
    expect(late(allocated, asOf, [{ ...three, effective: '2024-01-09' }])).toEqual([]);
  });

  it('lists periods that began in the last 12 months, and older ones only while still without an IRO', () => {
    const lateOld = (began: string) =>
      iroAllocationLate({
        asOf,
        children: [
          child(
            'o',
            [episode(began, null, null)],
            [{ iro: 'A', start: addWorkingDays(began, 9), end: null }],
          ),
        ],
        policy: [],
      });
    expect(lateOld('2023-06-03')).toHaveLength(1); // the same day 12 months before
    expect(lateOld('2023-06-02')).toEqual([]);
    const unallocated = iroAllocationLate({
      asOf,
      children: [
        child(
          'u',
          [episode('2020-01-06', null, null)],
          [{ iro: 'A', start: '2020-01-07', end: '2024-05-01' }],
        ),
      ],
      policy: [],
    });
    expect(unallocated).toEqual([
      {
        childId: 'u',
        reference: '2020-01-06',
        what: 'No IRO allocated on 2024-06-03; in care since 2020-01-06',
        dueDate: '2020-01-13',
        daysOverdue: 1603,
        iroId: null,
      },
    ]);
  });

  it('whatever the start and the N, lists an allocation exactly when it came after the Nth working day', () => {
    fc.assert(
      fc.property(
        isoDates('2010-01-01', '2030-12-31'),
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 0, max: 40 }),
        (began, days, after) => {
          const allocatedOn = addDays(began, after);
          const items = iroAllocationLate({
            asOf: addDays(began, 60),
            children: [
              child('p', [episode(began, null, null)], [{ iro: 'A', start: allocatedOn, end: null }]),
            ],
            policy: [{ effective: '2000-01-01', settings: { iroAllocationDays: days } }],
          });
          expect(items.length).toBe(allocatedOn > addWorkingDays(began, days) ? 1 : 0);
        },
      ),
    );
  });

  it('leaves out short-break-only periods and children out of care', () => {
    const items = iroAllocationLate({
      asOf,
      children: [
        child('sb', [episode('2024-05-01', null, null, { ls: 'V3' })]),
        child('out', [episode('2024-04-01', '2024-05-01', 'E11')]),
        child('ended-today', [episode('2024-04-01', asOf, 'E11')]),
      ],
      policy: [],
    });
    expect(items).toEqual([]);
  });
});

describe('sibling_group_split (§8)', () => {
  const children = [
    child('a', [episode('2022-01-01', null, null)], [{ iro: 'A', start: '2022-01-01', end: null }]),
    child('b', [episode('2022-01-01', null, null)], [{ iro: 'B', start: '2022-01-01', end: null }]),
    child('c', [episode('2022-01-01', null, null)], [{ iro: 'A', start: '2022-01-01', end: null }]),
    child('d', [episode('2022-01-01', null, null)]),
    child(
      'gone',
      [episode('2022-01-01', '2024-01-01', 'E11')],
      [{ iro: 'B', start: '2022-01-01', end: null }],
    ),
  ];

  it('lists a group whose members in care have more than one IRO, naming each', () => {
    expect(
      siblingGroupSplit({ asOf, children, siblingGroups: [{ group: 'g1', children: ['c', 'b', 'a', 'd'] }] }),
    ).toEqual([
      {
        childId: 'a',
        reference: 'g1',
        what: 'Siblings with 2 IROs: a (A), b (B), c (A), d (no IRO)',
        dueDate: null,
        daysOverdue: null,
        iroId: null,
      },
    ]);
  });

  it('passes a group with one IRO, a member without one, or a split only among those out of care', () => {
    expect(
      siblingGroupSplit({
        asOf,
        children,
        siblingGroups: [
          { group: 'same', children: ['a', 'c'] },
          { group: 'unallocated', children: ['a', 'd'] },
          { group: 'left', children: ['a', 'gone'] },
          { group: 'unknown', children: ['b', 'nobody'] },
        ],
      }),
    ).toEqual([]);
  });

  it('reads the IROs of the date: a later move that splits the group is not yet a split', () => {
    const moving = [
      children[0]!,
      child(
        'e',
        [episode('2022-01-01', null, null)],
        [
          { iro: 'A', start: '2022-01-01', end: '2024-07-01' },
          { iro: 'B', start: '2024-07-01', end: null },
        ],
      ),
    ];
    const groups = [{ group: 'g', children: ['a', 'e'] }];
    expect(siblingGroupSplit({ asOf, children: moving, siblingGroups: groups })).toEqual([]);
    expect(siblingGroupSplit({ asOf: '2024-07-01', children: moving, siblingGroups: groups })).toHaveLength(
      1,
    );
  });
});

describe('the children checks together', () => {
  it('give every check of the children service in order, empty where nothing is found', () => {
    const checks = childrenComplianceChecks({
      asOf,
      children: [],
      people: [],
      policy: [],
      siblingGroups: [],
    });
    expect(checks).toEqual(COMPLIANCE_CHECKS.children.map((check) => ({ check, items: [] })));
  });

  it('name the IRO allocated to each child at the end of the date', () => {
    const list = [
      child('a', [], [{ iro: 'A', start: '2020-01-01', end: null }]),
      child('b', [], [{ iro: 'B', start: '2020-01-01', end: asOf }]),
    ];
    expect(allocatedIrosOn(list, asOf)).toEqual([
      { childId: 'a', iroId: 'A' },
      { childId: 'b', iroId: null },
    ]);
  });
});

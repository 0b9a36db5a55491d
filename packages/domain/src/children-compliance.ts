import { addMonths, type IsoDate, workingDaysBetween } from './calendar.ts';
import {
  type Allocation,
  type ChildAllocations,
  caseloads,
  type Iro,
  iroAllocationTimeliness,
  iroOf,
  splitSiblingGroups,
  workforceFiguresBehind,
} from './caseloads.ts';
import { type ComplianceCheck, type ComplianceItem, complianceCheck, daysOverdue } from './compliance.ts';
import { type LocalPolicyVersion, policyOn } from './local-policy.ts';
import { roundHalfUp } from './numbers.ts';
import { isOpenAtEndOf } from './periods-of-care.ts';

/*
 * The children service's compliance checks (issue #6, statutory-rules §8): IROs over the council's
 * capacity band, IROs allocated late, sibling groups split across IROs. Each is as-at the end of
 * `asOf` (§14): an event dated after it is ignored, as the report ignores events after 31 March.
 */

/** A sibling group as the council recorded it: its id and its children. */
export type SiblingGroup = { group: string; children: readonly string[] };

/** Everything the children checks read, arranged per child. */
export type ChildrenComplianceInput = {
  asOf: IsoDate;
  /** Each child's periods of care and IRO allocations. */
  children: readonly ChildAllocations[];
  /** The council's staff (only IROs in post on `asOf` carry a caseload). */
  people: readonly Iro[];
  /** The council's local policy over time. */
  policy: readonly LocalPolicyVersion[];
  siblingGroups: readonly SiblingGroup[];
};

/** How far back `iro_allocation_late` lists periods whose first IRO came late: 12 months. */
export const IRO_ALLOCATION_LOOKBACK_MONTHS = 12;

/** In a period of care (short breaks included) at the end of `asOf`, as caseloads count it (§14). */
const isInCareAtEndOf = (child: Pick<ChildAllocations, 'periods'>, asOf: IsoDate): boolean =>
  child.periods.some((p) => isOpenAtEndOf(p, asOf));

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** 1 FTE reads "1.0 FTE", a sessional 0.02 "0.02 FTE". */
const formatFte = (fte: number): string =>
  Number.isInteger(roundHalfUp(fte * 10, 6)) ? fte.toFixed(1) : String(roundHalfUp(fte, 2));

/**
 * `caseload_over_capacity` (§8, §14): each IRO in post at the end of `asOf` whose caseload per FTE
 * (children in any period of care, short breaks included, allocated to them then) is above the
 * council's capacity band in force on `asOf` (70 unless its local policy sets another). One item per
 * IRO: no child, the IRO as reference and as the IRO it falls to, nothing due.
 */
export const caseloadOverCapacity = (
  input: Pick<ChildrenComplianceInput, 'asOf' | 'children' | 'people' | 'policy'>,
): ComplianceItem[] => {
  const { asOf } = input;
  const inCare = new Set(input.children.filter((c) => isInCareAtEndOf(c, asOf)).map((c) => c.child));
  const allocations: Allocation[] = input.children.flatMap((c) => c.allocations);
  const loads = caseloads(allocations, (child) => inCare.has(child), asOf);
  const band = policyOn(input.policy, asOf).capacityBand;
  const over = workforceFiguresBehind(input.people, loads, asOf, band).behind['workforce.overCapacity'];
  return over.map(({ person, caseload, perFte }) => ({
    childId: null,
    reference: person.iro,
    what: `${plural(caseload, 'child', 'children')}, ${formatFte(person.fte)} FTE: ${roundHalfUp(perFte, 1)} per FTE, band ${band}`,
    dueDate: null,
    daysOverdue: null,
    iroId: person.iro,
  }));
};

/**
 * `iro_allocation_late` (§8): good practice is an IRO allocated within N working days (local policy
 * `iroAllocationDays`, default 5) of the child becoming looked after. For each child looked after at
 * the end of `asOf` (a short-break-only period is left out, as for `no_iro_allocated`), its current
 * period is listed when
 * - it started in the 12 months up to `asOf` (on or after the same day 12 months before) and its
 *   first IRO allocation (the rule of `iroAllocationTimeliness`, over allocations started by `asOf`)
 *   came after the deadline, or none has come and the deadline has passed (is before `asOf`); or
 * - it started earlier and the child still has no IRO allocated at the end of `asOf`: older late
 *   allocations that have since been made are history, not something to act on.
 * N is the one in force on the period's start, when the obligation arose. Reference: the period's
 * start; due date: the deadline (start + N working days, §1); IRO: none (the caller names the
 * child's IRO on the date).
 */
export const iroAllocationLate = (
  input: Pick<ChildrenComplianceInput, 'asOf' | 'children' | 'policy'>,
): ComplianceItem[] => {
  const { asOf } = input;
  const lookbackFrom = addMonths(asOf, -IRO_ALLOCATION_LOOKBACK_MONTHS);
  const items: ComplianceItem[] = [];
  for (const child of input.children) {
    const period = child.periods.find((p) => !p.shortBreakOnly && isOpenAtEndOf(p, asOf));
    if (!period) continue;
    const days = policyOn(input.policy, period.start).iroAllocationDays;
    const known = child.allocations.filter((a) => a.start <= asOf);
    const { deadline, allocatedOn, onTime } = iroAllocationTimeliness(period, known, days);
    const base = { childId: child.child, reference: period.start, dueDate: deadline, iroId: null };
    const overdue = daysOverdue(deadline, asOf);
    if (period.start >= lookbackFrom) {
      if (onTime) continue;
      if (allocatedOn !== null) {
        const after = workingDaysBetween(period.start, allocatedOn);
        items.push({
          ...base,
          what: `IRO allocated on ${allocatedOn}, ${plural(after, 'working day', 'working days')} after care began on ${period.start} (due within ${days})`,
          daysOverdue: overdue,
        });
      } else if (deadline < asOf) {
        items.push({
          ...base,
          what: `No IRO allocated since care began on ${period.start} (due within ${plural(days, 'working day', 'working days')})`,
          daysOverdue: overdue,
        });
      }
    } else if (iroOf(child.allocations, child.child, asOf) === null) {
      items.push({
        ...base,
        what: `No IRO allocated on ${asOf}; in care since ${period.start}`,
        daysOverdue: overdue,
      });
    }
  }
  return items;
};

/**
 * `sibling_group_split` (§8): the Handbook expects one IRO for a sibling group unless there is a
 * conflict. Each recorded group whose members in a period of care at the end of `asOf` are allocated
 * to more than one IRO then (`splitSiblingGroups`) is one item: the group as reference, its first
 * member in care (by id) as the child, a line naming each member in care and their IRO, nothing due,
 * no IRO of its own (the caller names that member's).
 */
export const siblingGroupSplit = (
  input: Pick<ChildrenComplianceInput, 'asOf' | 'children' | 'siblingGroups'>,
): ComplianceItem[] => {
  const { asOf } = input;
  const byChild = new Map(input.children.map((c) => [c.child, c]));
  const iroAt = (child: string) => {
    const c = byChild.get(child);
    return c ? iroOf(c.allocations, child, asOf) : null;
  };
  const inCareMembers = input.siblingGroups.map((g) => ({
    group: g.group,
    children: [...g.children]
      .filter((child) => {
        const c = byChild.get(child);
        return c !== undefined && isInCareAtEndOf(c, asOf);
      })
      .sort(),
  }));
  const groupOf = new Map<readonly string[], string>(inCareMembers.map((g) => [g.children, g.group]));
  return splitSiblingGroups(
    inCareMembers.map((g) => g.children),
    iroAt,
  ).map(({ children, iros }) => ({
    childId: children[0]!,
    reference: groupOf.get(children)!,
    what: `Siblings with ${iros.length} IROs: ${children.map((c) => `${c} (${iroAt(c) ?? 'no IRO'})`).join(', ')}`,
    dueDate: null,
    daysOverdue: null,
    iroId: null,
  }));
};

/**
 * The children service's checks on `asOf`, every one of COMPLIANCE_CHECKS.children in its order,
 * each with its items in urgency order (empty when it found nothing).
 */
export const childrenComplianceChecks = (input: ChildrenComplianceInput): ComplianceCheck[] => [
  complianceCheck('caseload_over_capacity', caseloadOverCapacity(input)),
  complianceCheck('iro_allocation_late', iroAllocationLate(input)),
  complianceCheck('sibling_group_split', siblingGroupSplit(input)),
];

/** The IRO allocated to each of `children` at the end of `asOf` (§14), null where none is. */
export const allocatedIrosOn = (
  children: readonly Pick<ChildAllocations, 'child' | 'allocations'>[],
  asOf: IsoDate,
): { childId: string; iroId: string | null }[] =>
  children.map((c) => ({ childId: c.child, iroId: iroOf(c.allocations, c.child, asOf) }));

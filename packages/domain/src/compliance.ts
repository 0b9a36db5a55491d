import { addDays, daysBetween, type IsoDate } from './calendar.ts';

/*
 * Where a council stands against the statutory rules on one date (issue #6): each check lists the
 * items that breach it or are about to. Each service computes its own checks from the rules of
 * this package; this module fixes what every check gives, so that the nightly snapshot, the
 * `footprint compliance` command and the portal read them alike.
 */

/** How far ahead "due soon" looks: items falling due within this many days of the date, the date included. */
export const DUE_SOON_DAYS = 28;

/**
 * Every check, by the service that owns its data, in the order lists show them. `local_` checks
 * read the council's stricter local review intervals (statutory-rules §3.4) beside the statutory ones.
 */
export const COMPLIANCE_CHECKS = {
  reviews: [
    'review_overdue',
    'review_due_soon',
    'local_review_overdue',
    'local_review_due_soon',
    'midway_review_due',
    'paperwork_overdue',
    'recommendation_overdue',
  ],
  escalations: ['escalation_response_overdue', 'escalation_stages_over_20_days'],
  advocacy: ['secure_without_advocate'],
  'foster-carer-reviews': ['foster_carer_review_overdue'],
  children: ['caseload_over_capacity', 'iro_allocation_late', 'sibling_group_split'],
} as const;

export type ComplianceService = keyof typeof COMPLIANCE_CHECKS;
export type ComplianceCheckName = (typeof COMPLIANCE_CHECKS)[ComplianceService][number];

export const ALL_COMPLIANCE_CHECKS: readonly ComplianceCheckName[] = Object.values(COMPLIANCE_CHECKS).flat();

/**
 * One thing a check found. `reference` names the record (a review date, an escalation id, a
 * household, an IRO); `what` says in a line what is due or wrong. `dueDate` and `daysOverdue` are
 * null where nothing falls due (a caseload over capacity, a split sibling group).
 */
export type ComplianceItem = {
  childId: string | null;
  reference: string;
  what: string;
  dueDate: IsoDate | null;
  /** Calendar days from the due date to the date asked about: negative while not yet due. */
  daysOverdue: number | null;
  /** The IRO the item falls to: the child's allocated IRO on the date, or the IRO the record names. */
  iroId: string | null;
};

export type ComplianceCheck = { check: ComplianceCheckName; items: ComplianceItem[] };

/** Calendar days from `dueDate` to `asOf`: 1 the day after the due date, negative before it. */
export const daysOverdue = (dueDate: IsoDate, asOf: IsoDate): number => daysBetween(dueDate, asOf);

/** A date is missed once the day has ended: on `asOf` an item due that day is still in time. */
export const isOverdue = (dueDate: IsoDate, asOf: IsoDate): boolean => dueDate < asOf;

/** Not yet overdue, and due within DUE_SOON_DAYS of `asOf` (the date itself included). */
export const isDueSoon = (dueDate: IsoDate, asOf: IsoDate): boolean =>
  dueDate >= asOf && dueDate <= addDays(asOf, DUE_SOON_DAYS);

/** Items in the order every list shows them: most overdue first, then by child and reference. */
export const byUrgency = (a: ComplianceItem, b: ComplianceItem): number =>
  (b.daysOverdue ?? Number.NEGATIVE_INFINITY) - (a.daysOverdue ?? Number.NEGATIVE_INFINITY) ||
  (a.childId ?? '').localeCompare(b.childId ?? '') ||
  a.reference.localeCompare(b.reference);

/** A check's result with its items in urgency order. */
export const complianceCheck = (
  check: ComplianceCheckName,
  items: readonly ComplianceItem[],
): ComplianceCheck => ({
  check,
  items: [...items].sort(byUrgency),
});

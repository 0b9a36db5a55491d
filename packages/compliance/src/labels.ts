import { COMPLIANCE_CHECKS, type ComplianceCheckName, type ComplianceService } from '@footprint/domain';

/**
 * Every check in plain words, the one place the portal (and anything else that shows checks to
 * people) takes them from: `label` names what the check counts, `short` heads a column.
 */
export const COMPLIANCE_CHECK_LABELS: Readonly<
  Record<ComplianceCheckName, { label: string; short: string }>
> = {
  review_overdue: { label: 'Reviews overdue', short: 'Reviews overdue' },
  review_due_soon: { label: 'Reviews due in the next 28 days', short: 'Reviews due soon' },
  local_review_overdue: {
    label: 'Reviews overdue under the council’s own timescales',
    short: 'Overdue (local timescales)',
  },
  local_review_due_soon: {
    label: 'Reviews due in the next 28 days under the council’s own timescales',
    short: 'Due soon (local timescales)',
  },
  midway_review_due: { label: 'Midway reviews due', short: 'Midway reviews due' },
  paperwork_overdue: { label: 'Review records not yet written up', short: 'Paperwork overdue' },
  recommendation_overdue: {
    label: 'Review recommendations past their date',
    short: 'Recommendations overdue',
  },
  escalation_response_overdue: {
    label: 'Escalations waiting past their stage’s deadline',
    short: 'Escalations overdue',
  },
  escalation_stages_over_20_days: {
    label: 'Escalations open for more than 20 working days in all',
    short: 'Escalations over 20 days',
  },
  secure_without_advocate: {
    label: 'Children in secure placements without an advocate',
    short: 'Secure without advocate',
  },
  foster_carer_review_overdue: { label: 'Foster carer reviews overdue', short: 'Foster carer reviews' },
  caseload_over_capacity: { label: 'IRO caseloads over capacity', short: 'Caseloads over capacity' },
  iro_allocation_late: { label: 'IROs allocated late', short: 'Late allocations' },
  sibling_group_split: { label: 'Sibling groups placed apart', short: 'Siblings placed apart' },
};

/** Which service owns each check, for grouping lists by area. */
export const COMPLIANCE_SERVICE_LABELS: Readonly<Record<ComplianceService, string>> = {
  reviews: 'Reviews',
  escalations: 'Escalations',
  advocacy: 'Advocacy',
  'foster-carer-reviews': 'Foster carer reviews',
  children: 'Children and caseloads',
};

/**
 * The checks an IRO's own work is measured by: the columns of a by-IRO table and the lines of a
 * trend chart (the others are counted in full elsewhere).
 */
export const MAIN_COMPLIANCE_CHECKS: readonly ComplianceCheckName[] = [
  'review_overdue',
  'review_due_soon',
  'midway_review_due',
  'paperwork_overdue',
  'recommendation_overdue',
  'escalation_response_overdue',
];

export const complianceCheckLabel = (check: string): string =>
  COMPLIANCE_CHECK_LABELS[check as ComplianceCheckName]?.label ?? check;

export const isComplianceCheck = (check: string): check is ComplianceCheckName =>
  Object.hasOwn(COMPLIANCE_CHECK_LABELS, check);

/** The service that owns `check`. */
export const serviceOfCheck = (check: ComplianceCheckName): ComplianceService =>
  (Object.keys(COMPLIANCE_CHECKS) as ComplianceService[]).find((service) =>
    (COMPLIANCE_CHECKS[service] as readonly string[]).includes(check),
  )!;

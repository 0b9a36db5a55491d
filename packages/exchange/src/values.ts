import {
  type AuditGrade,
  type ChairedByChild,
  type CodeListName,
  type ConsultationRespondent,
  codeLists,
  ESCALATION_EVENT_KINDS,
  type FosterHouseholdType,
  type FosterReviewOutcome,
  type Iro,
  type ReviewFormat,
} from '@footprint/domain';

// The value lists that data-exchange.md §3 fixes in the file columns themselves. The domain has their
// types but no runtime lists; `satisfies` ties each list to the domain's words.

export const IRO_ROLES = ['iro', 'fcro', 'manager'] as const satisfies readonly Iro['role'][];
export const EMPLOYMENT_TYPES = ['permanent', 'agency', 'sessional', 'commissioned'] as const;
export const REVIEW_FORMATS = ['in_person', 'virtual', 'hybrid'] as const satisfies readonly ReviewFormat[];
export const CHAIRED_BY_CHILD = ['no', 'chair', 'co_chair'] as const satisfies readonly ChairedByChild[];
export const RECOMMENDATION_OWNERS = ['social_worker', 'team_manager', 'carer', 'iro', 'other'] as const;
export const ESCALATION_EVENTS = ESCALATION_EVENT_KINDS;
export const FOSTER_HOUSEHOLD_TYPES = [
  'mainstream',
  'connected_person',
] as const satisfies readonly FosterHouseholdType[];
export const FOSTER_REVIEW_OUTCOMES = [
  'continued',
  'terms_changed',
  'ended',
  'resigned',
] as const satisfies readonly FosterReviewOutcome[];
export const CONSULTATION_RESPONDENTS = [
  'child',
  'carer',
  'parent',
] as const satisfies readonly ConsultationRespondent[];
export const AUDIT_GRADES = [
  'outstanding',
  'good',
  'requires_improvement',
  'inadequate',
] as const satisfies readonly AuditGrade[];
/** The 903 `missing` file: M missing, A away without authorisation (further-tables §2a). */
export const MISSING_TYPES = ['M', 'A'] as const;
/** OC2 SDQ_REASON. */
export const SDQ_REASONS = ['SDQ1', 'SDQ2', 'SDQ3', 'SDQ4', 'SDQ5'] as const;
/** The DfE's symbols for a figure not shown, kept as text (further-tables §1 comparators). */
export const COMPARATOR_SYMBOLS = ['c', 'k', 'u', 'x', 'z'] as const;

export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
export type RecommendationOwner = (typeof RECOMMENDATION_OWNERS)[number];
export type MissingType = (typeof MISSING_TYPES)[number];
export type ComparatorSymbol = (typeof COMPARATOR_SYMBOLS)[number];

/** How a code list is named in a message. */
export const CODE_LIST_NAMES: Readonly<Record<CodeListName, string>> = {
  'advocacy-reasons': 'advocacy reason',
  'advocacy-referral-sources': 'advocacy referral source',
  'category-of-need': 'category of need',
  'escalation-themes': 'escalation theme',
  ethnicity: 'ethnicity',
  'late-review-reasons': 'late review reason',
  'legal-status': 'legal status',
  participation: 'participation',
  placement: 'placement',
  'placement-provider': 'placement provider',
  'reason-episode-ceased': 'reason episode ceased',
  'reason-new-episode': 'reason for new episode',
  'reason-place-change': 'reason for placement change',
  sex: 'sex',
};

/**
 * Files are read case-insensitively (`m` for `M`, `IN_PERSON` for `in_person`); records carry the
 * code as its list spells it. This index maps the upper-case form to that spelling.
 */
export type CaseInsensitiveIndex = ReadonlyMap<string, string>;

export const caseInsensitiveIndex = (values: Iterable<string>): CaseInsensitiveIndex => {
  const index = new Map<string, string>();
  for (const v of values) if (!index.has(v.toUpperCase())) index.set(v.toUpperCase(), v);
  return index;
};

const listIndexes = new Map<CodeListName, CaseInsensitiveIndex>();

export const codeListIndex = (list: CodeListName): CaseInsensitiveIndex => {
  let index = listIndexes.get(list);
  if (!index) {
    index = caseInsensitiveIndex(codeLists[list].map((c) => c.code));
    listIndexes.set(list, index);
  }
  return index;
};

/** The position of a code in its list (episodes are kept compactly as numbers between passes). */
export const codePosition = (list: CodeListName, code: string): number =>
  codeLists[list].findIndex((c) => c.code === code);

export const codeAt = (list: CodeListName, position: number): string => codeLists[list][position]!.code;

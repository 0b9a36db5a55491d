// The public face of the package; the other modules' exports are internal to it.

export { csvField, csvLine } from './csv.ts';
export {
  type ExportRecord,
  type RecordSource,
  type Records903,
  type Written903,
  write903Files,
} from './export-903.ts';
export {
  type ColumnSpec,
  FILE_COLUMNS,
  FILE_NAMES,
  FILES_903,
  type FileName,
  type FoundFile,
  fileNameOf,
  findFiles,
  type ImportSet,
} from './files.ts';
export {
  formatProblem,
  formatProblems,
  formatProblemsJson,
  type Problem,
  problemsAsJson,
} from './problems.ts';
export {
  InvalidImportError,
  type ReadRecordsOptions,
  readAllRecords,
  readLocalPolicyVersions,
  readRecords,
} from './read-records.ts';
export type {
  AdvocacyRecord,
  AllocationRecord,
  AuditRecord,
  ComparatorRecord,
  ConsultationRecord,
  EpisodeRecord,
  EscalationEventRecord,
  EscalationRecord,
  ExchangeRecords,
  FeedbackRecord,
  FosterHouseholdRecord,
  FosterReviewRecord,
  HeaderRecord,
  IndependentVisitorRecord,
  IroRecord,
  LocalPolicyRecord,
  MidwayReviewRecord,
  MissingRecord,
  Oc2Record,
  PopulationRecord,
  PostcodeSectorRecord,
  RecommendationRecord,
  ReviewDetailsRecord,
  ReviewRecord,
  UascRecord,
} from './records.ts';
export {
  type ExistingIds,
  type Progress,
  type ValidateOptions,
  type ValidationResult,
  validateFolder,
  validateImportSet,
} from './validate.ts';
export {
  AUDIT_GRADES,
  CHAIRED_BY_CHILD,
  COMPARATOR_SYMBOLS,
  CONSULTATION_RESPONDENTS,
  type ComparatorSymbol,
  EMPLOYMENT_TYPES,
  type EmploymentType,
  ESCALATION_EVENTS,
  FOSTER_HOUSEHOLD_TYPES,
  FOSTER_REVIEW_OUTCOMES,
  IRO_ROLES,
  MISSING_TYPES,
  type MissingType,
  RECOMMENDATION_OWNERS,
  REVIEW_FORMATS,
  type RecommendationOwner,
  SDQ_REASONS,
} from './values.ts';

import {
  type AuditGrade,
  type ChairedByChild,
  type ConsultationRespondent,
  type EscalationEventKind,
  type FosterHouseholdType,
  type FosterReviewOutcome,
  feedbackQuestions,
  formatUkDate,
  type Iro,
  type IsoDate,
  isKnownCode,
  isValidLegalStatusOn,
  type ParticipationCode,
  parseDate,
  placementProblem,
  type ReviewFormat,
} from '@footprint/domain';
import type { FileName } from './files.ts';
import type { RowReader } from './row-reader.ts';
import {
  AUDIT_GRADES,
  type CaseInsensitiveIndex,
  CHAIRED_BY_CHILD,
  COMPARATOR_SYMBOLS,
  CONSULTATION_RESPONDENTS,
  type ComparatorSymbol,
  caseInsensitiveIndex,
  codeListIndex,
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

// One normalised record type per file: ISO dates, `null` for an empty cell ("not recorded"), arrays
// for `;` fields, codes trimmed and spelled as their list spells them. `row` is the record's row in
// its file (header = row 1). Field names are the file's columns in camelCase, which makes several of
// them the domain's own types (EpisodeRecord is an Episode, AllocationRecord an Allocation, ...).

type Row = { row: number };

export type HeaderRecord = Row & {
  child: string;
  /** As written: `1`/`2` (to 2023-24) or `M`/`F`/`U` (from 2024-25); the domain's `sexOf` reads both. */
  sex: string;
  dob: IsoDate;
  ethnic: string | null;
  upn: string | null;
  /** MOTHER: the child is a mother (1), is not (0), not recorded. */
  mother: boolean | null;
  mcDob: IsoDate | null;
};

export type EpisodeRecord = Row & {
  child: string;
  decom: IsoDate;
  rne: string;
  ls: string;
  cin: string | null;
  place: string;
  placeProvider: string | null;
  dec: IsoDate | null;
  rec: string | null;
  reasonPlaceChange: string | null;
  homePost: string | null;
  plPost: string | null;
  urn: string | null;
};

export type ReviewRecord = Row & {
  child: string;
  dob: IsoDate;
  review: IsoDate;
  /** REVIEW_CODE: the participation code, null when not recorded. */
  code: ParticipationCode | null;
  /** 1 for the first row of this (CHILD, REVIEW) in file order, 2 for a second (a duplicate review), … */
  sequence: number;
};

export type UascRecord = Row & { child: string; sex: string | null; dob: IsoDate; duc: IsoDate | null };

export type MissingRecord = Row & {
  child: string;
  dob: IsoDate;
  missing: MissingType | null;
  misStart: IsoDate;
  misEnd: IsoDate | null;
};

export type Oc2Record = Row & {
  child: string;
  dob: IsoDate;
  sdqScore: number | null;
  sdqReason: string | null;
  convicted: boolean | null;
  healthCheck: boolean | null;
  immunisations: boolean | null;
  teethCheck: boolean | null;
  healthAssessment: boolean | null;
  substanceMisuse: boolean | null;
  interventionReceived: boolean | null;
  interventionOffered: boolean | null;
  /** The row's YEAR, or the import's `--year` when the cell or the column is empty. */
  year: number;
};

export type IroRecord = Row & {
  iro: string;
  name: string | null;
  role: Iro['role'];
  fte: number;
  employment: EmploymentType | null;
  start: IsoDate;
  end: IsoDate | null;
  ethnicity: string | null;
  sex: string | null;
};

export type AllocationRecord = Row & { child: string; iro: string; start: IsoDate; end: IsoDate | null };

export type ReviewDetailsRecord = Row & {
  child: string;
  review: IsoDate;
  iro: string | null;
  format: ReviewFormat | null;
  chairedByChild: ChairedByChild | null;
  lateReason: string | null;
  outcomesIssued: IsoDate | null;
  recordCompleted: IsoDate | null;
  recordDistributed: IsoDate | null;
};

export type MidwayReviewRecord = Row & { child: string; date: IsoDate; iro: string | null };

export type RecommendationRecord = Row & {
  child: string;
  review: IsoDate;
  recommendation: string;
  owner: RecommendationOwner | null;
  due: IsoDate;
  completed: IsoDate | null;
  /** 1, 2, … for the recommendations of one (CHILD, REVIEW), in file order. */
  sequence: number;
};

export type ConsultationRecord = Row & {
  child: string;
  review: IsoDate | null;
  respondent: ConsultationRespondent;
  received: IsoDate;
};

export type FeedbackRecord = Row & { child: string; review: IsoDate; question: string; answer: string };

export type EscalationRecord = Row & {
  escalation: string;
  child: string;
  iro: string | null;
  raised: IsoDate;
  themes: string[];
};

export type EscalationEventRecord = Row & {
  escalation: string;
  date: IsoDate;
  event: EscalationEventKind;
  stage: string;
  /** 1, 2, … for the events of one escalation on one date, in file order (the order of a day's events). */
  sequence: number;
};

export type AdvocacyRecord = Row & {
  involvement: string;
  child: string;
  provider: string;
  referralDate: IsoDate;
  source: string | null;
  reasons: string[];
  start: IsoDate | null;
  end: IsoDate | null;
  outcome: string | null;
};

export type IndependentVisitorRecord = Row & { child: string; start: IsoDate; end: IsoDate | null };

export type FosterHouseholdRecord = Row & {
  household: string;
  type: FosterHouseholdType;
  approved: IsoDate;
  ended: IsoDate | null;
  fcro: string | null;
};

export type FosterReviewRecord = Row & {
  household: string;
  date: IsoDate;
  outcome: FosterReviewOutcome | null;
  fcro: string | null;
};

export type AuditRecord = Row & {
  audit: string;
  child: string;
  date: IsoDate;
  auditor: string | null;
  grade: AuditGrade | null;
};

export type PostcodeSectorRecord = Row & {
  /** As written, upper case with single spaces (`BR1 3`). */
  sector: string;
  /** Upper case without spaces (`BR13`): HOME_POST and PL_POST match on this form. */
  key: string;
  latitude: number;
  longitude: number;
};

export type PopulationRecord = Row & { year: number; population: number };

export type ComparatorRecord = Row & {
  year: number;
  area: string;
  measure: string;
  value: number | ComparatorSymbol;
};

/** A local_policy row; `policyVersionsFromRows` (domain) turns the rows into versions. */
export type LocalPolicyRecord = Row & { key: string; value: string; effective: IsoDate };

/** The record type of each file. */
export type ExchangeRecords = {
  local_policy: LocalPolicyRecord;
  header: HeaderRecord;
  episodes: EpisodeRecord;
  reviews: ReviewRecord;
  uasc: UascRecord;
  missing: MissingRecord;
  oc2: Oc2Record;
  iros: IroRecord;
  allocations: AllocationRecord;
  review_details: ReviewDetailsRecord;
  midway_reviews: MidwayReviewRecord;
  recommendations: RecommendationRecord;
  consultations: ConsultationRecord;
  feedback: FeedbackRecord;
  escalations: EscalationRecord;
  escalation_events: EscalationEventRecord;
  advocacy: AdvocacyRecord;
  independent_visitors: IndependentVisitorRecord;
  foster_households: FosterHouseholdRecord;
  foster_reviews: FosterReviewRecord;
  audits: AuditRecord;
  postcode_sectors: PostcodeSectorRecord;
  population: PopulationRecord;
  comparators: ComparatorRecord;
};

// --- reading one row ------------------------------------------------------------------------------

/** A record being read: a field the row could not supply is `undefined` (its problem is reported). */
export type Draft<R> = { [K in keyof Omit<R, 'row' | 'sequence'>]: R[K] | undefined };

/** What a row's reading depends on beyond the row itself. */
export type ParseContext = {
  /** The import's `--year` (oc2 rows without YEAR). */
  year: number | undefined;
  /** Escalation themes: the spec's list and the council's own (local policy). */
  themes: CaseInsensitiveIndex;
  /** Escalation stage keys of the council (defaults and local policy). */
  stages: CaseInsensitiveIndex;
};

type Parser<F extends FileName> = (r: RowReader, ctx: ParseContext) => Draft<ExchangeRecords[F]>;

/** END not before START (allocations, IRO posts, Independent Visitors, advocacy, households, missing). */
const notBefore = (
  r: RowReader,
  column: string,
  later: IsoDate | null | undefined,
  otherColumn: string,
  earlier: IsoDate | null | undefined,
): void => {
  if (later && earlier && later < earlier)
    r.report(
      column,
      r.raw(column),
      'date_order',
      `${column} ${formatUkDate(later)} is before ${otherColumn} ${formatUkDate(earlier)}`,
    );
};

const question = new Map(feedbackQuestions.map((q) => [q.code, q]));
const questionIndex = caseInsensitiveIndex(feedbackQuestions.map((q) => q.code));

const PROVIDER_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const episode: Parser<'episodes'> = (r) => {
  const decom = r.date('DECOM', true);
  const ls = r.code('LS', 'legal-status', true);
  if (ls && decom && !isValidLegalStatusOn(ls, decom)) {
    r.report(
      'LS',
      r.raw('LS'),
      'legal_status_not_valid_on_decom',
      ls === 'D1'
        ? `D1 is valid only for episodes starting up to 31/12/2005; DECOM is ${formatUkDate(decom)}`
        : `E1 is valid only for episodes starting from 01/12/2005; DECOM is ${formatUkDate(decom)}`,
    );
  }
  let place: string | undefined;
  const placeText = r.raw('PLACE').toUpperCase();
  if (placeText === '') place = r.text('PLACE', true);
  else if (!isKnownCode('placement', placeText)) {
    r.report('PLACE', r.raw('PLACE'), 'code', placementProblem(placeText, decom ?? '0000-01-01')!);
  } else if (decom && placementProblem(placeText, decom) !== null) {
    const problem = placementProblem(placeText, decom)!;
    r.report(
      'PLACE',
      r.raw('PLACE'),
      'placement_not_valid_on_decom',
      `${problem}; DECOM is ${formatUkDate(decom)}`,
    );
  } else place = placeText;
  const dec = r.date('DEC');
  notBefore(r, 'DEC', dec, 'DECOM', decom);
  const rec = r.code('REC', 'reason-episode-ceased');
  if (dec && rec === null && r.has('REC'))
    r.report('REC', '', 'required', 'REC is required when DEC is given');
  if (rec && dec === null && r.has('DEC'))
    r.report('REC', r.raw('REC'), 'rec_without_dec', 'REC is given but DEC is empty');
  return {
    child: r.text('CHILD', true),
    decom,
    rne: r.code('RNE', 'reason-new-episode', true),
    ls,
    cin: r.code('CIN', 'category-of-need'),
    place,
    placeProvider: r.code('PLACE_PROVIDER', 'placement-provider'),
    dec,
    rec,
    reasonPlaceChange: r.code('REASON_PLACE_CHANGE', 'reason-place-change'),
    homePost: r.text('HOME_POST'),
    plPost: r.text('PL_POST'),
    urn: r.text('URN'),
  };
};

export const PARSERS: { readonly [F in FileName]: Parser<F> } = {
  // The domain's policyVersionsFromRows checks these rows (validate.ts); here only the cells.
  local_policy: (r) => ({
    key: r.raw('KEY').toLowerCase(),
    value: r.raw('VALUE'),
    effective: parseDate(r.raw('EFFECTIVE')) ?? undefined,
  }),
  header: (r) => ({
    child: r.text('CHILD', true),
    sex: r.code('SEX', 'sex', true),
    dob: r.date('DOB', true),
    ethnic: r.code('ETHNIC', 'ethnicity'),
    upn: r.text('UPN'),
    mother: r.flag('MOTHER'),
    mcDob: r.date('MC_DOB'),
  }),
  episodes: episode,
  reviews: (r) => {
    const dob = r.date('DOB', true);
    const review = r.date('REVIEW', true);
    if (dob && review && review < dob)
      r.report(
        'REVIEW',
        r.raw('REVIEW'),
        'review_before_dob',
        `REVIEW ${formatUkDate(review)} is before DOB ${formatUkDate(dob)}`,
      );
    return {
      child: r.text('CHILD', true),
      dob,
      review,
      code: r.code('REVIEW_CODE', 'participation') as ParticipationCode | null | undefined,
    };
  },
  uasc: (r) => {
    const dob = r.date('DOB', true);
    const duc = r.date('DUC');
    notBefore(r, 'DUC', duc, 'DOB', dob);
    return { child: r.text('CHILD', true), sex: r.code('SEX', 'sex'), dob, duc };
  },
  missing: (r) => {
    const misStart = r.date('MIS_START', true);
    const misEnd = r.date('MIS_END');
    notBefore(r, 'MIS_END', misEnd, 'MIS_START', misStart);
    return {
      child: r.text('CHILD', true),
      dob: r.date('DOB', true),
      missing: r.oneOf('MISSING', MISSING_TYPES),
      misStart,
      misEnd,
    };
  },
  oc2: (r, ctx) => {
    let year: number | null | undefined = r.year('YEAR');
    // A row's own YEAR wins; an empty one takes --year; with neither the row is an error, reported
    // here only when the file has a YEAR column (without one the file is rejected at row 1).
    if (year === null) {
      year = ctx.year;
      if (year === undefined && r.has('YEAR'))
        r.report('YEAR', '', 'required', 'YEAR is empty and the import has no --year');
    }
    const sdqScore = r.wholeNumber('SDQ_SCORE');
    if (typeof sdqScore === 'number' && sdqScore > 40) {
      r.report('SDQ_SCORE', r.raw('SDQ_SCORE'), 'range', `SDQ_SCORE ${sdqScore} is not between 0 and 40`);
    }
    return {
      child: r.text('CHILD', true),
      dob: r.date('DOB', true),
      sdqScore: typeof sdqScore === 'number' && sdqScore > 40 ? undefined : sdqScore,
      sdqReason: r.oneOf('SDQ_REASON', SDQ_REASONS),
      convicted: r.flag('CONVICTED'),
      healthCheck: r.flag('HEALTH_CHECK'),
      immunisations: r.flag('IMMUNISATIONS'),
      teethCheck: r.flag('TEETH_CHECK'),
      healthAssessment: r.flag('HEALTH_ASSESSMENT'),
      substanceMisuse: r.flag('SUBSTANCE_MISUSE'),
      interventionReceived: r.flag('INTERVENTION_RECEIVED'),
      interventionOffered: r.flag('INTERVENTION_OFFERED'),
      year: year ?? undefined,
    };
  },
  iros: (r) => {
    let fte = r.number('FTE', true);
    if (typeof fte === 'number' && !(fte > 0 && fte <= 1)) {
      r.report('FTE', r.raw('FTE'), 'range', `FTE ${r.raw('FTE')} is not above 0 and at most 1`);
      fte = undefined;
    }
    const start = r.date('START', true);
    const end = r.date('END');
    notBefore(r, 'END', end, 'START', start);
    return {
      iro: r.text('IRO', true),
      name: r.text('NAME'),
      role: r.oneOf('ROLE', IRO_ROLES, true),
      fte,
      employment: r.oneOf('EMPLOYMENT', EMPLOYMENT_TYPES),
      start,
      end,
      ethnicity: r.code('ETHNICITY', 'ethnicity'),
      sex: r.code('SEX', 'sex'),
    };
  },
  allocations: (r) => {
    const start = r.date('START', true);
    const end = r.date('END');
    notBefore(r, 'END', end, 'START', start);
    return { child: r.text('CHILD', true), iro: r.text('IRO', true), start, end };
  },
  review_details: (r) => ({
    child: r.text('CHILD', true),
    review: r.date('REVIEW', true),
    iro: r.text('IRO'),
    format: r.oneOf('FORMAT', REVIEW_FORMATS),
    chairedByChild: r.oneOf('CHAIRED_BY_CHILD', CHAIRED_BY_CHILD),
    lateReason: r.code('LATE_REASON', 'late-review-reasons'),
    outcomesIssued: r.date('OUTCOMES_ISSUED'),
    recordCompleted: r.date('RECORD_COMPLETED'),
    recordDistributed: r.date('RECORD_DISTRIBUTED'),
  }),
  midway_reviews: (r) => ({ child: r.text('CHILD', true), date: r.date('DATE', true), iro: r.text('IRO') }),
  recommendations: (r) => ({
    child: r.text('CHILD', true),
    review: r.date('REVIEW', true),
    recommendation: r.text('RECOMMENDATION', true),
    owner: r.oneOf('OWNER', RECOMMENDATION_OWNERS),
    due: r.date('DUE', true),
    completed: r.date('COMPLETED'),
  }),
  consultations: (r) => ({
    child: r.text('CHILD', true),
    review: r.date('REVIEW'),
    respondent: r.oneOf('RESPONDENT', CONSULTATION_RESPONDENTS, true),
    received: r.date('RECEIVED', true),
  }),
  feedback: (r) => {
    const code = r.fromIndex('QUESTION', questionIndex, 'feedback question', true) ?? undefined;
    const answers = code ? question.get(code)!.answers : undefined;
    let answer: string | undefined;
    if (answers) answer = r.oneOf('ANSWER', answers, true);
    else r.text('ANSWER', true);
    return { child: r.text('CHILD', true), review: r.date('REVIEW', true), question: code, answer };
  },
  escalations: (r, ctx) => ({
    escalation: r.text('ESCALATION', true),
    child: r.text('CHILD', true),
    iro: r.text('IRO'),
    raised: r.date('RAISED', true),
    themes: r.codes('THEMES', ctx.themes, 'escalation theme', true),
  }),
  escalation_events: (r, ctx) => ({
    escalation: r.text('ESCALATION', true),
    date: r.date('DATE', true),
    event: r.oneOf('EVENT', ESCALATION_EVENTS, true),
    stage: r.fromIndex('STAGE', ctx.stages, 'escalation stage', true) ?? undefined,
  }),
  advocacy: (r) => {
    const referralDate = r.date('REFERRAL_DATE', true);
    const start = r.date('START');
    const end = r.date('END');
    notBefore(r, 'END', end, 'START', start);
    let provider = r.text('PROVIDER', true)?.toLowerCase();
    if (provider !== undefined && !PROVIDER_SLUG.test(provider)) {
      r.report(
        'PROVIDER',
        r.raw('PROVIDER'),
        'slug',
        `${r.raw('PROVIDER')} is not a provider slug (lower-case letters, digits and hyphens)`,
      );
      provider = undefined;
    }
    return {
      involvement: r.text('INVOLVEMENT', true),
      child: r.text('CHILD', true),
      provider,
      referralDate,
      source: r.code('SOURCE', 'advocacy-referral-sources'),
      reasons: r.codes('REASONS', codeListIndex('advocacy-reasons'), 'advocacy reason'),
      start,
      end,
      outcome: r.text('OUTCOME'),
    };
  },
  independent_visitors: (r) => {
    const start = r.date('START', true);
    const end = r.date('END');
    notBefore(r, 'END', end, 'START', start);
    return { child: r.text('CHILD', true), start, end };
  },
  foster_households: (r) => {
    const approved = r.date('APPROVED', true);
    const ended = r.date('ENDED');
    notBefore(r, 'ENDED', ended, 'APPROVED', approved);
    return {
      household: r.text('HOUSEHOLD', true),
      type: r.oneOf('TYPE', FOSTER_HOUSEHOLD_TYPES, true),
      approved,
      ended,
      fcro: r.text('FCRO'),
    };
  },
  foster_reviews: (r) => ({
    household: r.text('HOUSEHOLD', true),
    date: r.date('DATE', true),
    outcome: r.oneOf('OUTCOME', FOSTER_REVIEW_OUTCOMES),
    fcro: r.text('FCRO'),
  }),
  audits: (r) => ({
    audit: r.text('AUDIT', true),
    child: r.text('CHILD', true),
    date: r.date('DATE', true),
    auditor: r.text('AUDITOR'),
    grade: r.oneOf('GRADE', AUDIT_GRADES),
  }),
  postcode_sectors: (r) => {
    const text = r.text('SECTOR', true);
    const latitude = inRange(r, 'LATITUDE', -90, 90);
    const longitude = inRange(r, 'LONGITUDE', -180, 180);
    return {
      sector: text?.toUpperCase().replace(/\s+/g, ' '),
      key: text?.toUpperCase().replace(/\s+/g, ''),
      latitude,
      longitude,
    };
  },
  population: (r) => {
    let population = r.wholeNumber('POPULATION', true);
    if (population === 0) {
      r.report('POPULATION', r.raw('POPULATION'), 'range', 'POPULATION must be above 0');
      population = undefined;
    }
    return { year: r.year('YEAR', true), population };
  },
  comparators: (r) => {
    const text = r.text('VALUE', true);
    let value: number | ComparatorSymbol | undefined;
    if (text !== undefined) {
      const symbol = COMPARATOR_SYMBOLS.find((s) => s === text.toLowerCase());
      if (symbol) value = symbol;
      else if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) value = Number(text);
      else
        r.report(
          'VALUE',
          text,
          'value',
          `${text} is not a number or one of ${COMPARATOR_SYMBOLS.join(', ')}`,
        );
    }
    return {
      year: r.year('YEAR', true),
      area: r.text('AREA', true),
      measure: r.text('MEASURE', true),
      value,
    };
  },
};

const inRange = (r: RowReader, column: string, min: number, max: number): number | undefined => {
  const n = r.number(column, true);
  if (typeof n !== 'number') return undefined;
  if (n < min || n > max) {
    r.report(column, r.raw(column), 'range', `${column} ${r.raw(column)} is not between ${min} and ${max}`);
    return undefined;
  }
  return n;
};

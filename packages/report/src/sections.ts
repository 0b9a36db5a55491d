import {
  type CodeListName,
  codeLists,
  DATA_QUALITY_MESSAGES,
  DEFAULT_ESCALATION_STAGES,
  roundHalfUp,
} from '@footprint/domain';
import type { AnnualReport, CountMap, DataQualityItem } from './annual-report.ts';
import { formatFigure, type ReportUnit, yearLabel } from './format.ts';
import { NARRATIVE_HEADINGS, type NarrativeSection, type Narratives } from './narratives.ts';
import { type TrendTable, trendCharts, trendTable } from './trend.ts';

export type ReportRow = {
  label: string;
  /** The figure's path in the report's JSON: "children.byPlacement.U4", "reviews.onTimePercent". */
  figure: string;
  current: number | null;
  previous: number | null;
  /** current − previous; for a percentage, percentage points to one decimal; null when either is null. */
  change: number | null;
  /** How the figure reads. Tables mix counts with their percentages, so each row says. */
  unit: ReportUnit;
  /** A count, with records behind it to list; a percentage, mean or median has none. */
  traceable: boolean;
  /**
   * further-tables §3 `comparators` whose `measure` is this row's figure, as printed: "England 2023: 71.0".
   * The label carries them too, so every rendering shows them beside the figure.
   */
  comparators?: string[];
};

export type ReportTable = {
  id: string;
  caption: string;
  rows: ReportRow[];
  /** The unit most of its rows have; a row's own `unit` is the one to format it with. */
  unit: ReportUnit;
};

/** A chart's data only: the portal draws it; Word and HTML show a chart without a table as a table. */
export type ChartSpec = {
  id: string;
  title: string;
  kind: 'bar' | 'line';
  categories: string[];
  series: { name: string; values: number[] }[];
  /** What the categories are ("Month"), for a table of the chart's data. */
  axis?: string;
  /** The id of the table in the same section whose figures it draws, if it draws one. */
  table?: string;
};

export type ReportSection = {
  id: string;
  heading: string;
  /** The managers' part this section carries (also when nothing is written yet). */
  narrativeSection?: NarrativeSection;
  /** Their text, when there is any. */
  narrative?: string;
  /** A line the report adds itself where a section has no table (no data-quality problems). */
  note?: string;
  tables: ReportTable[];
  /** further-tables §3's five-year trend, in the section that carries it. */
  trend?: TrendTable;
  charts: ChartSpec[];
};

// ---------------------------------------------------------------------------------------------
// The report's layout, as data: what figureLabel and reportSections both read.

/** `own`: a key Footprint adds to a DfE list (notRecorded), labelled without a code. */
type Key = { code: string; label: string; always?: boolean; own?: boolean };
type KeyList = { keys: readonly Key[]; prefixCode?: boolean };

type FigurePart = { kind: 'figure'; path: string; label: string; unit?: ReportUnit; optional?: boolean };
/** One row per key of one or more count maps at `paths`; several maps interleave, key by key. */
type MapPart = { kind: 'map'; paths: readonly string[]; suffixes?: readonly string[]; keys: KeyList };
/** A map of maps (`{ band: { male, female, unknown } }`): one row per outer key, then inner key. */
type NestedPart = { kind: 'nested'; path: string; keys: KeyList };
type DataQualityPart = { kind: 'dataQuality' };
type Part = FigurePart | MapPart | NestedPart | DataQualityPart;

type TableDef = { id: string; caption: string; parts: readonly Part[]; optional?: boolean };
type SectionDef = {
  id: string;
  heading: string;
  narrative?: NarrativeSection;
  tables: readonly TableDef[];
  emptyNote?: string;
  /** The section carries the report's five-year trend. */
  trend?: true;
};

const fromList = (list: CodeListName): readonly Key[] => codeLists[list];
const fixed = (entries: Record<string, string>): readonly Key[] =>
  Object.entries(entries).map(([code, label]) => ({ code, label, always: true }));

const KEYS = {
  legalStatus: { keys: fromList('legal-status'), prefixCode: true },
  placement: { keys: fromList('placement'), prefixCode: true },
  ethnicity: { keys: fromList('ethnicity'), prefixCode: true },
  reasonCeased: { keys: fromList('reason-episode-ceased'), prefixCode: true },
  ageBand: {
    keys: fixed({
      under1: 'Under 1',
      '1-4': '1 to 4',
      '5-9': '5 to 9',
      '10-15': '10 to 15',
      '16+': '16 and over',
    }),
  },
  sex: { keys: fixed({ male: 'Male', female: 'Female', unknown: 'Unknown' }) },
  /** The council's own age bands: no fixed list, the codes as they come. */
  localAgeBand: { keys: [] },
  missingType: {
    keys: fixed({
      M: 'Missing from placement',
      A: 'Away from placement without authorisation',
      notRecorded: 'Not recorded',
    }),
  },
  ethnicGroup: {
    keys: fixed({
      white: 'White',
      mixed: 'Mixed or multiple ethnic groups',
      asian: 'Asian or Asian British',
      black: 'Black, Black British, Caribbean or African',
      other: 'Other ethnic group',
      notRecorded: 'Not recorded or refused',
    }),
  },
  participation: {
    keys: [
      ...fromList('participation').map((c) => ({ ...c, always: true })),
      { code: 'notRecorded', label: 'Not recorded', always: true, own: true },
    ],
    prefixCode: true,
  },
  chairedByChild: { keys: fixed({ chair: 'Chaired by the child', co_chair: 'Co-chaired by the child' }) },
  format: {
    keys: fixed({
      in_person: 'In person',
      virtual: 'Virtual',
      hybrid: 'Hybrid (in person and virtual)',
      notRecorded: 'Not recorded',
    }),
  },
  consultation: {
    keys: fixed({ child: 'From children and young people', carer: 'From carers', parent: 'From parents' }),
  },
  stage: { keys: DEFAULT_ESCALATION_STAGES.map((s) => ({ code: s.key, label: s.name })) },
  theme: { keys: fromList('escalation-themes') },
  advocacyReason: { keys: fromList('advocacy-reasons') },
  advocacySource: { keys: fromList('advocacy-referral-sources') },
  household: {
    keys: fixed({
      mainstream: 'Mainstream foster households',
      connected_person: 'Connected person (family and friends) households',
    }),
  },
  grade: {
    keys: [
      ...fixed({
        outstanding: 'Graded outstanding',
        good: 'Graded good',
        requires_improvement: 'Graded requires improvement',
        inadequate: 'Graded inadequate',
      }),
      { code: 'notRecorded', label: 'No grade recorded' },
    ],
  },
} satisfies Record<string, KeyList>;

const figure = (path: string, label: string, unit?: ReportUnit, optional?: boolean): FigurePart => ({
  kind: 'figure',
  path,
  label,
  ...(unit ? { unit } : {}),
  ...(optional ? { optional } : {}),
});
const map = (path: string, keys: KeyList): MapPart => ({ kind: 'map', paths: [path], keys });
/** A further-tables §3 figure: a row only when the current report has it. */
const further = (path: string, label: string, unit: ReportUnit = 'count'): FigurePart =>
  figure(path, label, unit, true);

const LAYOUT: readonly SectionDef[] = [
  {
    id: 'service_profile',
    heading: 'Service profile and workforce',
    narrative: 'service_profile',
    tables: [
      {
        id: 'workforce',
        caption: 'IROs and their caseloads at 31 March',
        parts: [
          figure('workforce.iros', 'IROs in post'),
          figure('workforce.fte', 'Full-time equivalent (FTE) IROs', 'number'),
          figure('workforce.caseloadPerFte.mean', 'Mean caseload per full-time IRO', 'number'),
          figure('workforce.caseloadPerFte.min', 'Lowest caseload per full-time IRO', 'number'),
          figure('workforce.caseloadPerFte.max', 'Highest caseload per full-time IRO', 'number'),
          figure('workforce.overCapacity', 'IROs above the council’s caseload band'),
          figure(
            'workforce.continuityPercent',
            'Children looked after all year who kept one IRO (%)',
            'percent',
          ),
        ],
      },
    ],
  },
  {
    id: 'children',
    heading: 'Children looked after',
    tables: [
      {
        id: 'children.summary',
        caption: 'Children looked after',
        parts: [
          figure('children.lookedAfterAt31March', 'Children looked after at 31 March'),
          further('children.ratePer10000', 'Children looked after at 31 March per 10,000 children', 'number'),
          figure('children.lookedAfterDuringYear', 'Children looked after at any time in the year'),
          figure('children.startedInYear', 'Periods of care that started in the year'),
          further(
            'children.startedRatePer10000',
            'Periods of care that started in the year per 10,000 children',
            'number',
          ),
          figure('children.ceasedInYear', 'Periods of care that ended in the year'),
          further(
            'children.ceasedRatePer10000',
            'Periods of care that ended in the year per 10,000 children',
            'number',
          ),
          figure('children.shortBreaksDuringYear', 'Children with short breaks only (not counted above)'),
        ],
      },
      {
        id: 'children.byLegalStatus',
        caption: 'Legal status of children looked after at 31 March',
        parts: [map('children.byLegalStatus', KEYS.legalStatus)],
      },
      {
        id: 'children.byPlacement',
        caption: 'Placements of children looked after at 31 March',
        parts: [map('children.byPlacement', KEYS.placement)],
      },
      {
        id: 'placement.distance',
        caption: 'Distance from home of children looked after at 31 March',
        parts: [
          further('placement.distance.known', 'Children whose placement’s distance from home is known'),
          further('placement.distance.over20Miles', 'Of those, placed more than 20 miles from home'),
          further('placement.distance.percent', 'Placed more than 20 miles from home (%)', 'percent'),
        ],
        optional: true,
      },
      {
        id: 'missing',
        caption: 'Children missing or away from placement without authorisation during the year',
        parts: [
          further('missing.episodes', 'Episodes of going missing or away without authorisation'),
          further('missing.children', 'Children who went missing or away without authorisation'),
          map('missing.byType', KEYS.missingType),
        ],
        optional: true,
      },
      {
        id: 'secure',
        caption: 'Children placed in secure accommodation during the year',
        parts: [
          further('secure.welfare', 'On welfare grounds (secure accommodation order)'),
          further('secure.youthJustice', 'On youth justice grounds (remanded or sentenced)'),
        ],
        optional: true,
      },
      {
        id: 'children.byAgeBand',
        caption: 'Age of children looked after at 31 March',
        parts: [map('children.byAgeBand', KEYS.ageBand)],
      },
      {
        id: 'children.byLocalAgeBand',
        caption: 'Age of children looked after at 31 March, in the council’s age bands',
        parts: [map('children.byLocalAgeBand', KEYS.localAgeBand)],
        optional: true,
      },
      {
        id: 'children.bySex',
        caption: 'Sex of children looked after at 31 March',
        parts: [map('children.bySex', KEYS.sex)],
      },
      {
        id: 'children.byEthnicGroup',
        caption: 'Ethnic group of children looked after at 31 March',
        parts: [map('children.byEthnicGroup', KEYS.ethnicGroup)],
        optional: true,
      },
      {
        id: 'workforce.diversity',
        caption: 'Sex and ethnic group of IROs and FCROs in post at 31 March',
        parts: [map('workforce.bySex', KEYS.sex), map('workforce.byEthnicGroup', KEYS.ethnicGroup)],
        optional: true,
      },
      {
        id: 'children.byEthnicity',
        caption: 'Ethnicity of children looked after at 31 March',
        parts: [map('children.byEthnicity', KEYS.ethnicity)],
      },
      {
        id: 'health',
        caption: 'Health of children looked after for 12 months or more at 31 March',
        parts: [
          further('health.cohort', 'Children looked after for 12 months or more at 31 March'),
          further('health.healthAssessmentPercent', 'Health assessment up to date (%)', 'percent'),
          further('health.immunisationsPercent', 'Immunisations up to date (%)', 'percent'),
          further('health.teethCheckPercent', 'Teeth checked by a dentist (%)', 'percent'),
          further(
            'health.healthCheckUnder5Percent',
            'Development assessment up to date, children under 5 (%)',
            'percent',
          ),
          further(
            'health.substanceMisusePercent',
            'Identified as having a substance misuse problem (%)',
            'percent',
          ),
          further(
            'health.convictedAged10PlusPercent',
            'Convicted or subject to a final warning or reprimand, aged 10 or over (%)',
            'percent',
          ),
        ],
        optional: true,
      },
      {
        id: 'health.sdq',
        caption: 'Strengths and Difficulties Questionnaire (SDQ), children aged 5 to 16',
        parts: [
          further('health.sdq.eligible', 'Children aged 5 to 16 looked after for 12 months or more'),
          further('health.sdq.scored', 'Of those, children with an SDQ score'),
          further('health.sdq.mean', 'Mean SDQ score', 'number'),
          further('health.sdq.normal', 'Score normal (0 to 13)'),
          further('health.sdq.borderline', 'Score borderline (14 to 16)'),
          further('health.sdq.concern', 'Score a cause for concern (17 or more)'),
        ],
        optional: true,
      },
      {
        id: 'stability',
        caption: 'Stability of placements',
        parts: [
          further('stability.shortTerm.eligible', 'Short-term stability: children looked after at 31 March'),
          further(
            'stability.shortTerm.threeOrMore',
            'Of those, children with three or more placements in the year',
          ),
          further('stability.shortTerm.percent', 'Three or more placements in the year (%)', 'percent'),
          further(
            'stability.longTerm.eligible',
            'Long-term stability: children under 16 looked after for 2½ years or more at 31 March',
          ),
          further('stability.longTerm.stable', 'Of those, in the same placement for 2 years or more'),
          further('stability.longTerm.percent', 'In the same placement for 2 years or more (%)', 'percent'),
        ],
        optional: true,
      },
      {
        id: 'children.byLegalStatusAtEntry',
        caption: 'Legal status on entering care (periods of care that started in the year)',
        parts: [map('children.byLegalStatusAtEntry', KEYS.legalStatus)],
      },
      {
        id: 'children.startedByAgeBandAndSex',
        caption:
          'Age and sex on entering care (periods of care that started in the year), in the council’s age bands',
        parts: [{ kind: 'nested', path: 'children.startedByAgeBandAndSex', keys: KEYS.sex }],
        optional: true,
      },
      {
        id: 'children.byReasonCeased',
        caption: 'Why care ended (periods of care that ended in the year)',
        parts: [map('children.byReasonCeased', KEYS.reasonCeased)],
      },
      {
        id: 'children.ceasedByAgeBand',
        caption: 'Age on leaving care (periods of care that ended in the year), in the council’s age bands',
        parts: [map('children.ceasedByAgeBand', KEYS.localAgeBand)],
        optional: true,
      },
      {
        id: 'children.uasc',
        caption: 'Unaccompanied asylum-seeking children',
        parts: [
          figure('children.uascAt31March', 'Unaccompanied asylum-seeking children looked after at 31 March'),
        ],
      },
      {
        id: 'children.uascByEthnicity',
        caption: 'Ethnicity of unaccompanied asylum-seeking children looked after at 31 March',
        parts: [map('children.uascByEthnicity', KEYS.ethnicity)],
        optional: true,
      },
    ],
  },
  { id: 'trend', heading: 'Five-year trend', tables: [], trend: true },
  {
    id: 'reviews',
    heading: 'Reviews',
    tables: [
      {
        id: 'reviews.timeliness',
        caption: 'Timeliness of reviews',
        parts: [
          figure('reviews.held', 'Reviews held in the year'),
          figure('reviews.onTime', 'Reviews held on time'),
          figure('reviews.late', 'Reviews held late'),
          figure('reviews.onTimePercent', 'Reviews held on time (%)', 'percent'),
          figure(
            'reviews.childrenAllOnTime.eligible',
            'Children looked after for 28 days or more at 31 March',
          ),
          figure(
            'reviews.childrenAllOnTime.allOnTime',
            'Of those, children whose reviews due in the year were all on time',
          ),
          figure(
            'reviews.childrenAllOnTime.percent',
            'Children whose reviews were all on time (%)',
            'percent',
          ),
        ],
      },
      {
        id: 'reviews.participation',
        caption: 'How children took part in their reviews',
        parts: [
          map('reviews.participation', KEYS.participation),
          figure(
            'reviews.participationRate4Plus',
            'Participation rate, children aged 4 and over (%)',
            'percent',
          ),
        ],
      },
      {
        id: 'reviews.chairedByChild',
        caption: 'Reviews chaired by the child',
        parts: [map('reviews.chairedByChild', KEYS.chairedByChild)],
      },
      {
        id: 'reviews.format',
        caption: 'How reviews were held',
        parts: [map('reviews.format', KEYS.format)],
      },
      {
        id: 'reviews.paperwork',
        caption: 'Review paperwork on time',
        parts: [
          figure('reviews.paperwork.outcomesOnTimePercent', 'Review outcomes issued on time (%)', 'percent'),
          figure(
            'reviews.paperwork.recordCompletedOnTimePercent',
            'Review record completed on time (%)',
            'percent',
          ),
          figure(
            'reviews.paperwork.recordDistributedOnTimePercent',
            'Review record distributed on time (%)',
            'percent',
          ),
        ],
      },
      {
        id: 'reviews.betweenReviews',
        caption: 'Midway reviews and overdue reviews',
        parts: [
          figure('reviews.midwayReviews', 'Midway reviews held in the year'),
          figure('reviews.overdueAt31March', 'Children overdue for a review at 31 March'),
        ],
      },
    ],
  },
  {
    id: 'consultation',
    heading: 'Consultation and the child’s voice',
    tables: [
      {
        id: 'consultation',
        caption: 'Consultation forms received before reviews',
        parts: [map('consultation', KEYS.consultation)],
      },
    ],
  },
  {
    id: 'escalations',
    heading: 'Escalations',
    tables: [
      {
        id: 'escalations.raised',
        caption: 'Escalations raised',
        parts: [
          figure('escalations.raised', 'Escalations raised in the year'),
          figure('escalations.children', 'Children they were about'),
        ],
      },
      {
        id: 'escalations.stages',
        caption:
          'Escalations raised in the year by stage: the highest stage reached, and resolved at that stage',
        parts: [
          {
            kind: 'map',
            paths: ['escalations.highestStage', 'escalations.resolvedAtStage'],
            suffixes: ['highest stage reached', 'resolved at this stage'],
            keys: KEYS.stage,
          },
        ],
      },
      {
        id: 'escalations.byTheme',
        caption: 'Escalations raised in the year by theme',
        parts: [map('escalations.byTheme', KEYS.theme)],
      },
      {
        id: 'escalations.outcomes',
        caption: 'Outcomes of escalations',
        parts: [
          figure('escalations.referredToCafcass', 'Referred to Cafcass'),
          figure('escalations.withdrawn', 'Withdrawn'),
          figure('escalations.openAt31March', 'Open at 31 March (raised in any year)'),
          figure('escalations.medianWorkingDaysToResolve', 'Median working days to resolve', 'number'),
        ],
      },
    ],
  },
  {
    id: 'escalation_examples',
    heading: NARRATIVE_HEADINGS.escalation_examples,
    narrative: 'escalation_examples',
    tables: [],
  },
  {
    id: 'advocacy',
    heading: 'Advocacy and Independent Visitors',
    tables: [
      {
        id: 'advocacy.summary',
        caption: 'Advocacy',
        parts: [
          figure('advocacy.involvements', 'Advocacy involvements (referrals in the year)'),
          figure('advocacy.children', 'Children referred for advocacy'),
          figure(
            'advocacy.childrenPercent',
            'Children looked after in the year who were referred (%)',
            'percent',
          ),
        ],
      },
      {
        id: 'advocacy.byReason',
        caption: 'Reasons for advocacy (an involvement counts under each of its reasons)',
        parts: [map('advocacy.byReason', KEYS.advocacyReason)],
      },
      {
        id: 'advocacy.bySource',
        caption: 'Who made the referral for advocacy',
        parts: [map('advocacy.bySource', KEYS.advocacySource)],
      },
      {
        id: 'advocacy.independentVisitors',
        caption: 'Independent Visitors',
        parts: [
          figure('advocacy.independentVisitorsAt31March', 'Children with an Independent Visitor at 31 March'),
          figure(
            'advocacy.independentVisitorsDuringYear',
            'Children with an Independent Visitor during the year',
            'count',
            true,
          ),
        ],
      },
    ],
  },
  {
    id: 'foster_carer_reviews',
    heading: 'Foster carer reviews',
    tables: [
      {
        id: 'fosterCarerReviews.householdsAt31March',
        caption: 'Foster households approved at 31 March',
        parts: [map('fosterCarerReviews.householdsAt31March', KEYS.household)],
      },
      {
        id: 'fosterCarerReviews.timeliness',
        caption: 'Foster carer reviews due in the year',
        parts: [
          figure('fosterCarerReviews.due', 'Reviews due in the year'),
          figure('fosterCarerReviews.onTime', 'Held by their due date'),
          figure('fosterCarerReviews.onTimePercent', 'Held on time (%)', 'percent'),
          figure('fosterCarerReviews.overdueAt31March', 'Households overdue for a review at 31 March'),
        ],
      },
    ],
  },
  {
    id: 'audits',
    heading: 'Audits',
    tables: [
      {
        id: 'audits',
        caption: 'Case file audits',
        parts: [
          figure('audits.completed', 'Audits completed in the year'),
          map('audits.byGrade', KEYS.grade),
        ],
      },
    ],
  },
  { id: 'good_practice', heading: NARRATIVE_HEADINGS.good_practice, narrative: 'good_practice', tables: [] },
  { id: 'case_examples', heading: NARRATIVE_HEADINGS.case_examples, narrative: 'case_examples', tables: [] },
  {
    id: 'data_quality',
    heading: 'Data quality',
    tables: [
      {
        id: 'dataQuality',
        caption: 'Records that break a rule the figures rely on',
        parts: [{ kind: 'dataQuality' }],
      },
    ],
    emptyNote: 'No records broke a rule the figures rely on, in this year or the year before.',
  },
  { id: 'priorities', heading: NARRATIVE_HEADINGS.priorities, narrative: 'priorities', tables: [] },
];

/** The sections' ids, in the report's order. */
export const SECTION_IDS: readonly string[] = LAYOUT.map((s) => s.id);

// ---------------------------------------------------------------------------------------------
// Reading the JSON.

/** The value at a dotted path of the report's JSON (undefined where there is none). */
export const valueAt = (report: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => {
    if (node === null || typeof node !== 'object') return undefined;
    return Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  }, report);

const numberAt = (report: AnnualReport | null, path: string): number | null => {
  const value = valueAt(report, path);
  return typeof value === 'number' ? value : null;
};

const mapAt = (report: AnnualReport | null, path: string): CountMap | undefined => {
  const value = valueAt(report, path);
  return value !== null && typeof value === 'object' ? (value as CountMap) : undefined;
};

const change = (current: number | null, previous: number | null, unit: ReportUnit): number | null => {
  if (current === null || previous === null) return null;
  const difference = current - previous;
  const rounded = unit === 'count' ? difference : roundHalfUp(difference, unit === 'percent' ? 1 : 2);
  return rounded === 0 ? 0 : rounded; // never −0
};

const row = (
  label: string,
  path: string,
  current: number | null,
  previous: number | null,
  unit: ReportUnit,
): ReportRow => ({
  label,
  figure: path,
  current,
  previous,
  change: change(current, previous, unit),
  unit,
  traceable: unit === 'count',
});

const keyLabel = (keys: KeyList, code: string): string => {
  const key = keys.keys.find((k) => k.code === code);
  if (!key) return code;
  return keys.prefixCode && !key.own ? `${key.code} — ${key.label}` : key.label;
};

/** The list's keys that always show or occur in either map, in list order; others after, as they come. */
const keysOf = (keys: KeyList, maps: readonly (CountMap | undefined)[]): string[] => {
  const present = new Set(maps.flatMap((m) => Object.keys(m ?? {})));
  const listed = keys.keys.filter((k) => k.always || present.has(k.code)).map((k) => k.code);
  const known = new Set(keys.keys.map((k) => k.code));
  return [...listed, ...[...present].filter((code) => !known.has(code))];
};

const mapRows = (part: MapPart, current: AnnualReport, previous: AnnualReport | null): ReportRow[] => {
  const currentMaps = part.paths.map((p) => mapAt(current, p));
  const previousMaps = part.paths.map((p) => mapAt(previous, p));
  return keysOf(part.keys, [...currentMaps, ...previousMaps]).flatMap((code) =>
    part.paths.map((path, i) => {
      const suffix = part.suffixes?.[i];
      const label = suffix ? `${keyLabel(part.keys, code)}: ${suffix}` : keyLabel(part.keys, code);
      // A code missing from a map that exists is 0; a map missing altogether is no figure.
      const value = (m: CountMap | undefined) => (m ? (m[code] ?? 0) : null);
      return row(label, `${path}.${code}`, value(currentMaps[i]), value(previousMaps[i]), 'count');
    }),
  );
};

/** `{ band: { male, female, unknown } }`: the outer keys of both years as they come, each with the inner list. */
const nestedRows = (part: NestedPart, current: AnnualReport, previous: AnnualReport | null): ReportRow[] => {
  const outer = keysOf({ keys: [] }, [mapAt(current, part.path), mapAt(previous, part.path)]);
  return outer.flatMap((key) =>
    mapRows({ kind: 'map', paths: [`${part.path}.${key}`], keys: part.keys }, current, previous).map((r) => ({
      ...r,
      label: `${key}: ${r.label}`,
    })),
  );
};

const DATA_QUALITY_ORDER = Object.keys(DATA_QUALITY_MESSAGES);

const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const dataQualityLabel = (code: string, items: readonly DataQualityItem[]): string => {
  const message =
    items.find((i) => i.code === code)?.message ??
    (DATA_QUALITY_MESSAGES as Readonly<Record<string, string>>)[code] ??
    code;
  return sentence(message);
};

const dataQualityRows = (current: AnnualReport, previous: AnnualReport | null): ReportRow[] => {
  const items = [...current.dataQuality, ...(previous?.dataQuality ?? [])];
  const codes = [...new Set(items.map((i) => i.code))].sort(
    (a, b) =>
      (DATA_QUALITY_ORDER.indexOf(a) + 1 || Number.MAX_SAFE_INTEGER) -
      (DATA_QUALITY_ORDER.indexOf(b) + 1 || Number.MAX_SAFE_INTEGER),
  );
  const countIn = (report: AnnualReport | null, code: string) =>
    report ? (report.dataQuality.find((i) => i.code === code)?.count ?? 0) : null;
  return codes.map((code) =>
    row(
      dataQualityLabel(code, items),
      `dataQuality.${code}`,
      countIn(current, code),
      countIn(previous, code),
      'count',
    ),
  );
};

const tableRows = (def: TableDef, current: AnnualReport, previous: AnnualReport | null): ReportRow[] =>
  def.parts.flatMap((part) => {
    if (part.kind === 'map') return mapRows(part, current, previous);
    if (part.kind === 'nested') return nestedRows(part, current, previous);
    if (part.kind === 'dataQuality') return dataQualityRows(current, previous);
    if (part.optional && valueAt(current, part.path) === undefined) return [];
    return [
      row(
        part.label,
        part.path,
        numberAt(current, part.path),
        numberAt(previous, part.path),
        part.unit ?? 'count',
      ),
    ];
  });

const mainUnit = (rows: readonly ReportRow[]): ReportUnit => {
  const tally = new Map<ReportUnit, number>();
  for (const r of rows) tally.set(r.unit, (tally.get(r.unit) ?? 0) + 1);
  return [...tally].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'count';
};

const partPaths = (part: Part): readonly string[] =>
  part.kind === 'map' ? part.paths : part.kind === 'dataQuality' ? ['dataQuality'] : [part.path];

/** The comparators of further-tables §3 whose measure is the row's figure, printed for the row. */
const withComparators = (r: ReportRow, current: AnnualReport): ReportRow => {
  const notes = (current.comparators ?? [])
    .filter((c) => c.measure === r.figure)
    .map((c) => {
      const value =
        typeof c.value === 'number'
          ? r.unit === 'count'
            ? formatFigure(c.value, 'count')
            : `${c.value.toFixed(1)}${r.unit === 'percent' ? '%' : ''}`
          : (c.value ?? '—');
      return `${c.area} ${c.year}: ${value}`;
    });
  return notes.length === 0 ? r : { ...r, label: `${r.label} (${notes.join('; ')})`, comparators: notes };
};

const tableOf = (def: TableDef, current: AnnualReport, previous: AnnualReport | null): ReportTable | null => {
  // A further table the current report lacks altogether (an older report) is left out.
  if (def.optional && def.parts.every((p) => partPaths(p).every((x) => valueAt(current, x) === undefined)))
    return null;
  const rows = tableRows(def, current, previous).map((r) => withComparators(r, current));
  if (rows.length === 0) return null;
  return { id: def.id, caption: def.caption, rows, unit: mainUnit(rows) };
};

// ---------------------------------------------------------------------------------------------
// Charts.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** further-tables §3 `reviews.byMonth`: the twelve months of the year, April first, zeros included. */
const reviewsByMonthChart = (current: AnnualReport): ChartSpec | null => {
  const byMonth = current.reviews.byMonth;
  if (!byMonth) return null;
  const months = Array.from({ length: 12 }, (_, i) => {
    const month = (3 + i) % 12; // April = 3
    const year = current.year + (i >= 9 ? 1 : 0);
    return { key: `${year}-${String(month + 1).padStart(2, '0')}`, label: `${MONTHS[month]} ${year}` };
  });
  return {
    id: 'reviews.byMonth',
    title: 'Reviews held, and held on time, by month',
    kind: 'bar',
    axis: 'Month',
    categories: months.map((m) => m.label),
    series: [
      { name: 'Held', values: months.map((m) => byMonth[m.key]?.held ?? 0) },
      { name: 'On time', values: months.map((m) => byMonth[m.key]?.onTime ?? 0) },
    ],
  };
};

/** A bar chart of the rows of `table` under `prefix`, one series a year (the year before first). */
const yearsChart = (
  id: string,
  title: string,
  table: ReportTable | undefined,
  prefix: string,
  category: (row: ReportRow) => string,
  current: AnnualReport,
  previous: AnnualReport | null,
): ChartSpec | null => {
  const rows = table?.rows.filter((r) => r.figure.startsWith(`${prefix}.`)) ?? [];
  if (!table || rows.length === 0) return null;
  const series = [
    ...(previous && rows.every((r) => r.previous !== null)
      ? [{ name: yearLabel(previous.year), values: rows.map((r) => r.previous!) }]
      : []),
    { name: yearLabel(current.year), values: rows.map((r) => r.current ?? 0) },
  ];
  return { id, title, kind: 'bar', categories: rows.map(category), series, table: table.id };
};

const codeOf = (r: ReportRow): string => r.figure.slice(r.figure.lastIndexOf('.') + 1);

const chartsOf = (
  sectionId: string,
  tables: readonly ReportTable[],
  current: AnnualReport,
  previous: AnnualReport | null,
): ChartSpec[] => {
  const table = (id: string) => tables.find((t) => t.id === id);
  const charts =
    sectionId === 'reviews'
      ? [
          reviewsByMonthChart(current),
          yearsChart(
            'reviews.participation',
            'Reviews by participation code',
            table('reviews.participation'),
            'reviews.participation',
            (r) => (codeOf(r) === 'notRecorded' ? 'Not recorded' : codeOf(r)),
            current,
            previous,
          ),
        ]
      : sectionId === 'escalations'
        ? [
            yearsChart(
              'escalations.highestStage',
              'Escalations by the highest stage they reached',
              table('escalations.stages'),
              'escalations.highestStage',
              (r) => keyLabel(KEYS.stage, codeOf(r)),
              current,
              previous,
            ),
          ]
        : [];
  return charts.filter((c): c is ChartSpec => c !== null);
};

// ---------------------------------------------------------------------------------------------

/**
 * The report's presentation model, one for every format (annual-report.md "Presentation"): each
 * section in the source reports' order, each table with the year before beside this one and the
 * change. `previous` is the year before's report, or null when there is none.
 */
export const reportSections = (
  current: AnnualReport,
  previous: AnnualReport | null,
  narratives: Narratives,
): ReportSection[] =>
  LAYOUT.map((def) => {
    const tables = def.tables
      .map((t) => tableOf(t, current, previous))
      .filter((t): t is ReportTable => t !== null);
    const text = def.narrative ? narratives[def.narrative] : undefined;
    const trend = def.trend ? trendTable(current) : null;
    return {
      id: def.id,
      heading: def.heading,
      ...(def.narrative ? { narrativeSection: def.narrative } : {}),
      ...(text?.trim() ? { narrative: text } : {}),
      ...(def.emptyNote && tables.length === 0 ? { note: def.emptyNote } : {}),
      tables,
      ...(trend ? { trend } : {}),
      charts: [...(trend ? trendCharts(trend) : []), ...chartsOf(def.id, tables, current, previous)],
    };
  });

/** Whether a section has anything to print: the files leave out a narrative section nobody wrote. */
export const hasContent = (section: ReportSection): boolean =>
  section.narrative !== undefined ||
  section.note !== undefined ||
  section.tables.length > 0 ||
  section.trend !== undefined ||
  section.charts.length > 0;

export type PrintItem =
  | { kind: 'table'; table: ReportTable }
  | { kind: 'trend'; trend: TrendTable }
  | { kind: 'chart'; chart: ChartSpec };

/**
 * A section's tables and charts in print order: a chart follows the table it draws; a chart of no
 * table follows the section's first table (the monthly reviews follow their timeliness).
 */
export const printOrder = (section: ReportSection): PrintItem[] => {
  const chartsOf = (table: string | undefined): PrintItem[] =>
    section.charts.filter((c) => c.table === table).map((chart) => ({ kind: 'chart', chart }));
  return [
    ...(section.trend
      ? [{ kind: 'trend' as const, trend: section.trend }, ...chartsOf(section.trend.id)]
      : []),
    ...section.tables.flatMap((table, i): PrintItem[] => [
      { kind: 'table', table },
      ...chartsOf(table.id),
      ...(i === 0 ? chartsOf(undefined) : []),
    ]),
  ];
};

/**
 * The words for a figure's path, for a page about it: "Reviews held late", "Placements of children
 * looked after at 31 March: U4 — Foster placement with other foster carer(s)…"; null for a path the
 * report does not show.
 */
export const figureLabel = (path: string): string | null => {
  for (const section of LAYOUT) {
    for (const table of section.tables) {
      for (const part of table.parts) {
        if (part.kind === 'figure' && part.path === path) return part.label;
        if (part.kind === 'dataQuality' && path.startsWith('dataQuality.')) {
          const code = path.slice('dataQuality.'.length);
          return code ? `${table.caption}: ${dataQualityLabel(code, [])}` : null;
        }
        if (part.kind === 'nested' && path.startsWith(`${part.path}.`)) {
          const [outer, inner, ...rest] = path.slice(part.path.length + 1).split('.');
          if (!outer || !inner || rest.length > 0) return null;
          return `${table.caption}: ${outer}, ${keyLabel(part.keys, inner)}`;
        }
        if (part.kind === 'map') {
          const i = part.paths.findIndex((p) => path.startsWith(`${p}.`));
          const mapPath = part.paths[i];
          if (mapPath === undefined) continue;
          const code = path.slice(mapPath.length + 1);
          if (!code) return null;
          const suffix = part.suffixes?.[i];
          return `${table.caption}: ${keyLabel(part.keys, code)}${suffix ? `, ${suffix}` : ''}`;
        }
      }
    }
  }
  return null;
};

import { z } from 'zod';
import { type IsoDate, isIsoDate, reportingYear } from './calendar.ts';

/**
 * A council's local policy (statutory-rules §3.4, §6, §7, §8, §9, §13; further-tables age bands).
 * It never changes a statutory date or figure: it adds its own (local due dates, paperwork
 * deadlines, capacity band) and is shown beside every figure it changes.
 */

const isoDate = z.string().refine(isIsoDate, { message: 'must be a real date written YYYY-MM-DD' });

export const escalationStageSchema = z.object({
  key: z.string().regex(/^[a-z0-9_]+$/, 'stage keys are lower-case letters, digits and underscores'),
  name: z.string().min(1),
  goesTo: z.string().min(1),
  responseWorkingDays: z.number().int().min(1),
  // The Handbook's 20-working-day limit is on the formal stages only.
  formal: z.boolean(),
});

export const reviewIntervalRuleSchema = z
  .object({
    // Ages in completed years on the date the interval counts from, both ends included ("aged 0–5").
    fromAge: z.number().int().min(0),
    toAge: z.number().int().min(0),
    months: z.number().int().min(1).max(6),
  })
  .refine((rule) => rule.toAge >= rule.fromAge, { message: 'toAge must not be below fromAge' });

const ageBandsSchema = z
  .array(z.number().int().min(0))
  .min(1)
  .refine((bands) => bands[0] === 0, { message: 'age bands start at 0' })
  .refine((bands) => bands.every((b, i) => i === 0 || b > bands[i - 1]!), {
    message: 'age bands must be strictly ascending',
  });

export const localPolicySchema = z.object({
  paperwork: z.object({
    outcomesIssuedDays: z.number().int().min(0),
    recordCompletedDays: z.number().int().min(0),
    recordDistributedDays: z.number().int().min(0),
  }),
  midwayReviews: z.boolean(),
  capacityBand: z.number().positive(),
  iroAllocationDays: z.number().int().min(0),
  escalationStages: z
    .array(escalationStageSchema)
    .min(1)
    .refine((stages) => new Set(stages.map((s) => s.key)).size === stages.length, {
      message: 'stage keys must be unique',
    }),
  escalationThemes: z.array(z.object({ code: z.string().min(1), label: z.string().min(1) })),
  // DfE practice suppresses 1–5; a council may suppress more, never less.
  disclosureThreshold: z.number().int().min(5),
  ageBands: ageBandsSchema,
  reviewIntervals: z.array(reviewIntervalRuleSchema),
});

export type EscalationStage = z.infer<typeof escalationStageSchema>;
export type ReviewIntervalRule = z.infer<typeof reviewIntervalRuleSchema>;
export type LocalPolicy = z.infer<typeof localPolicySchema>;

export const DEFAULT_ESCALATION_STAGES: readonly EscalationStage[] = [
  {
    key: 'informal',
    name: 'Informal',
    goesTo: 'Social worker / team manager',
    responseWorkingDays: 5,
    formal: false,
  },
  { key: 'stage1', name: 'Stage 1', goesTo: 'Team manager', responseWorkingDays: 5, formal: true },
  { key: 'stage2', name: 'Stage 2', goesTo: 'Service manager', responseWorkingDays: 5, formal: true },
  { key: 'stage3', name: 'Stage 3', goesTo: 'Head of service', responseWorkingDays: 10, formal: true },
];

/** The spec's defaults: what a council has until it sets its own. */
export const defaultLocalPolicy: LocalPolicy = Object.freeze({
  paperwork: { outcomesIssuedDays: 5, recordCompletedDays: 15, recordDistributedDays: 20 },
  midwayReviews: true,
  capacityBand: 70,
  iroAllocationDays: 5,
  escalationStages: DEFAULT_ESCALATION_STAGES.map((s) => ({ ...s })),
  escalationThemes: [],
  disclosureThreshold: 5,
  ageBands: [0, 1, 5, 10, 16],
  reviewIntervals: [],
});

/** One change of policy: the settings it sets, in force from `effective`. */
export type LocalPolicyVersion = { effective: IsoDate; settings: Partial<LocalPolicy> };

export const localPolicyVersionSchema = z.object({
  effective: isoDate,
  settings: localPolicySchema.partial(),
});

/**
 * The policy in force on `date`: each setting from the version with the latest `effective` on or
 * before the date that sets it, else the default (further-tables §2a reads local policy per key).
 */
export const policyOn = (versions: readonly LocalPolicyVersion[], date: IsoDate): LocalPolicy => {
  const inForce = versions
    .filter((v) => v.effective <= date)
    .sort((a, b) => (a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : 0));
  const merged: LocalPolicy = { ...defaultLocalPolicy };
  for (const version of inForce) Object.assign(merged, version.settings);
  return merged;
};

/** Validates a whole policy, returning the messages zod gives (path: message). */
export const localPolicyProblems = (policy: unknown): string[] => {
  const result = localPolicySchema.safeParse(policy);
  return result.success
    ? []
    : result.error.issues.map((i) => `${i.path.join('.') || '(policy)'}: ${i.message}`);
};

// --- the local_policy import file (KEY, VALUE, EFFECTIVE) ------------------------------------------

export type LocalPolicyRow = { key: string; value: string; effective: string };
export type LocalPolicyRowProblem = { row: number; column: 'KEY' | 'VALUE' | 'EFFECTIVE'; message: string };

const numberSetting =
  (apply: (n: number) => Partial<LocalPolicy>) =>
  (value: string): Partial<LocalPolicy> | string => {
    const n = Number(value.trim());
    return value.trim() === '' || !Number.isFinite(n) ? 'must be a number' : apply(n);
  };

const jsonSetting =
  (apply: (v: unknown) => Partial<LocalPolicy>) =>
  (value: string): Partial<LocalPolicy> | string => {
    try {
      return apply(JSON.parse(value));
    } catch {
      return 'must be JSON';
    }
  };

// Paperwork days are separate keys in the file; they are merged onto the paperwork in force.
const PAPERWORK_KEYS = {
  outcomes_issued_days: 'outcomesIssuedDays',
  record_completed_days: 'recordCompletedDays',
  record_distributed_days: 'recordDistributedDays',
} as const;

const SETTINGS: Readonly<Record<string, (value: string) => Partial<LocalPolicy> | string>> = {
  age_bands: (value) => {
    const parts = value.split(',').map((p) => p.trim());
    if (parts.some((p) => !/^\d+$/.test(p))) return 'must be whole numbers separated by commas';
    return { ageBands: parts.map(Number) };
  },
  midway_reviews: (value) => {
    const v = value.trim().toLowerCase();
    if (['true', 'yes', 'on', '1'].includes(v)) return { midwayReviews: true };
    if (['false', 'no', 'off', '0'].includes(v)) return { midwayReviews: false };
    return 'must be yes or no';
  },
  capacity_band: numberSetting((n) => ({ capacityBand: n })),
  iro_allocation_days: numberSetting((n) => ({ iroAllocationDays: n })),
  disclosure_threshold: numberSetting((n) => ({ disclosureThreshold: n })),
  escalation_stages: jsonSetting((v) => ({ escalationStages: v as EscalationStage[] })),
  escalation_themes: jsonSetting((v) => ({ escalationThemes: v as LocalPolicy['escalationThemes'] })),
  review_intervals: jsonSetting((v) => ({ reviewIntervals: v as ReviewIntervalRule[] })),
};

/**
 * Reads the rows of a `local_policy` file into versions. Row numbers count the header as row 1.
 * Unknown keys are warnings (ignored); a bad value, a missing EFFECTIVE, or two rows of one KEY and
 * one EFFECTIVE are problems (further-tables §2a).
 */
export const policyVersionsFromRows = (
  rows: readonly LocalPolicyRow[],
): {
  versions: LocalPolicyVersion[];
  problems: LocalPolicyRowProblem[];
  warnings: LocalPolicyRowProblem[];
} => {
  const problems: LocalPolicyRowProblem[] = [];
  const warnings: LocalPolicyRowProblem[] = [];
  const seen = new Set<string>();
  const byEffective = new Map<IsoDate, Partial<LocalPolicy>>();
  const paperworkByEffective = new Map<IsoDate, Partial<LocalPolicy['paperwork']>>();
  rows.forEach((row, index) => {
    const rowNumber = index + 2;
    const key = row.key.trim().toLowerCase();
    const effectiveText = row.effective.trim();
    const paperworkField = PAPERWORK_KEYS[key as keyof typeof PAPERWORK_KEYS];
    const setting = SETTINGS[key];
    if (!setting && !paperworkField) {
      warnings.push({ row: rowNumber, column: 'KEY', message: `unknown setting ${row.key}, ignored` });
      return;
    }
    if (effectiveText === '') {
      problems.push({ row: rowNumber, column: 'EFFECTIVE', message: 'EFFECTIVE is required' });
      return;
    }
    const effective = parseEffective(effectiveText);
    if (effective === null) {
      problems.push({ row: rowNumber, column: 'EFFECTIVE', message: `not a valid date: ${effectiveText}` });
      return;
    }
    if (seen.has(`${key}|${effective}`)) {
      problems.push({ row: rowNumber, column: 'KEY', message: `${key} is set twice for ${effective}` });
      return;
    }
    seen.add(`${key}|${effective}`);
    if (paperworkField) {
      const n = Number(row.value.trim());
      if (row.value.trim() === '' || !Number.isInteger(n) || n < 0) {
        problems.push({ row: rowNumber, column: 'VALUE', message: 'must be a whole number of working days' });
        return;
      }
      paperworkByEffective.set(effective, { ...paperworkByEffective.get(effective), [paperworkField]: n });
      return;
    }
    const parsed = setting!(row.value);
    if (typeof parsed === 'string') {
      problems.push({ row: rowNumber, column: 'VALUE', message: parsed });
      return;
    }
    const check = localPolicySchema.partial().safeParse(parsed);
    if (!check.success) {
      for (const issue of check.error.issues)
        problems.push({ row: rowNumber, column: 'VALUE', message: issue.message });
      return;
    }
    byEffective.set(effective, { ...byEffective.get(effective), ...check.data });
  });
  const versions: LocalPolicyVersion[] = [...byEffective].map(([effective, settings]) => ({
    effective,
    settings,
  }));
  // Paperwork keys are independent settings: resolve each at every date it changes.
  const paperworkDates = [...paperworkByEffective.keys()].sort();
  for (const effective of paperworkDates) {
    const paperwork = { ...defaultLocalPolicy.paperwork };
    for (const date of paperworkDates)
      if (date <= effective) Object.assign(paperwork, paperworkByEffective.get(date));
    const existing = versions.find((v) => v.effective === effective);
    if (existing) existing.settings.paperwork = paperwork;
    else versions.push({ effective, settings: { paperwork } });
  }
  versions.sort((a, b) => (a.effective < b.effective ? -1 : 1));
  return { versions, problems, warnings };
};

const parseEffective = (text: string): IsoDate | null => {
  if (isIsoDate(text)) return text;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
};

// --- age bands ----------------------------------------------------------------------------------

/**
 * Labels of the bands made by ascending lower bounds (further-tables §2): `under1` for [0,1), `a+`
 * for the last, `a-c` with c = next bound − 1 otherwise (a one-year band other than [0,1) is `a-a`).
 */
export const ageBandLabels = (bounds: readonly number[]): string[] =>
  bounds.map((lower, i) => {
    const next = bounds[i + 1];
    if (next === undefined) return `${lower}+`;
    if (lower === 0 && next === 1) return 'under1';
    return `${lower}-${next - 1}`;
  });

/** The label of the band an age (completed years) falls in. */
export const ageBandOf = (age: number, bounds: readonly number[]): string => {
  const labels = ageBandLabels(bounds);
  let index = 0;
  for (let i = 0; i < bounds.length; i++) if (age >= bounds[i]!) index = i;
  return labels[index]!;
};

/**
 * The stricter local interval (months) for a child of `age`, if the council set one for that age
 * (e.g. Bromley: aged 0–5 every 3 months). The first rule that matches applies.
 */
export const localReviewIntervalMonths = (policy: LocalPolicy, age: number): number | null =>
  policy.reviewIntervals.find((rule) => age >= rule.fromAge && age <= rule.toAge)?.months ?? null;

/** The age bands of reporting year `year`: those in force on its 31 March apply to the whole year (further-tables §2). */
export const ageBandsForYear = (versions: readonly LocalPolicyVersion[], year: number): number[] =>
  policyOn(versions, reportingYear(year).end).ageBands;

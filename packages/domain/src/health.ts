import { addBehind, type Behind, countOf, emptyBehind } from './behind.ts';
import { ageOn, type IsoDate, reportingYear } from './calendar.ts';
import { percent } from './numbers.ts';
import { type ChildPeriods, type Episode, isOpenAtEndOf, type PeriodOfCare } from './periods-of-care.ts';

/**
 * One row of the OC2 file (further-tables §1) as the health figures read it: a flag is true for `1`,
 * false for `0`, null when empty. `year` is the reporting year the return is for (2020 for 2020-21).
 */
export type Oc2Row = {
  child: string;
  year: number;
  sdqScore: number | null;
  convicted: boolean | null;
  healthCheck: boolean | null;
  immunisations: boolean | null;
  teethCheck: boolean | null;
  healthAssessment: boolean | null;
  substanceMisuse: boolean | null;
};

/** A child's periods and date of birth (ages are at 31 March, from the 903 header). */
export type ChildWithBirth<E extends Episode = Episode> = ChildPeriods<E> & { dateOfBirth: IsoDate };

/**
 * In the OC2 cohort of reporting year `year` (further-tables §2, §2a): a period of care that is not
 * short-break-only, started (its first DECOM, short breaks included) on or before 1 April of the
 * year and open at the end of 31 March. A period starting on 2 April is not.
 */
export const isInOc2Cohort = (period: PeriodOfCare, year: number): boolean => {
  const { start, end } = reportingYear(year);
  return !period.shortBreakOnly && period.start <= start && isOpenAtEndOf(period, end);
};

/** A child of the OC2 cohort: the period that put them in it, their age at 31 March, their OC2 row of the year (null: none). */
export type Oc2CohortMember<C extends ChildWithBirth, R extends Oc2Row> = {
  child: C;
  period: C['periods'][number];
  ageAt31March: number;
  row: R | null;
};

/** The SDQ bands of the DfE: 0–13 normal, 14–16 borderline, 17–40 cause for concern. */
export type SdqBand = 'normal' | 'borderline' | 'concern';
export const sdqBandOf = (score: number): SdqBand =>
  score <= 13 ? 'normal' : score <= 16 ? 'borderline' : 'concern';

/** A score counts when it is a whole number 0–40 (SDQ_REASON is not read). */
export const isSdqScore = (score: number | null | undefined): score is number =>
  typeof score === 'number' && Number.isInteger(score) && score >= 0 && score <= 40;

/** SDQ ages: 5 to 16 inclusive at 31 March, as the DfE's published SDQ figures. */
export const SDQ_AGES = { from: 5, to: 16 } as const;

export type HealthFigures = {
  cohort: number;
  healthAssessmentPercent: number | null;
  immunisationsPercent: number | null;
  teethCheckPercent: number | null;
  healthCheckUnder5Percent: number | null;
  substanceMisusePercent: number | null;
  convictedAged10PlusPercent: number | null;
  sdq: {
    eligible: number;
    scored: number;
    mean: number | null;
    normal: number;
    borderline: number;
    concern: number;
  };
};

/** Each percentage: its flag and which of the cohort it is over. */
const PERCENTAGES = [
  { key: 'healthAssessmentPercent', flag: 'healthAssessment', over: () => true },
  { key: 'immunisationsPercent', flag: 'immunisations', over: () => true },
  { key: 'teethCheckPercent', flag: 'teethCheck', over: () => true },
  { key: 'healthCheckUnder5Percent', flag: 'healthCheck', over: (age: number) => age < 5 },
  { key: 'substanceMisusePercent', flag: 'substanceMisuse', over: () => true },
  { key: 'convictedAged10PlusPercent', flag: 'convicted', over: (age: number) => age >= 10 },
] as const;

type PercentKey = (typeof PERCENTAGES)[number]['key'];

/**
 * The `health.*` figures of reporting year `year` (further-tables §2 Health, §2a) with the cohort
 * children behind each count. Paths: `health.cohort`; for each percentage
 * `health.<key>.denominator` (the children it is over) and `health.<key>.numerator` (those with
 * `1`); `health.sdq.eligible`, `.scored`, `.normal`, `.borderline`, `.concern`. The OC2 rows read are
 * the cohort's rows whose YEAR is `year`; a cohort child with no such row counts in every
 * denominator as not done. A child in the cohort by more than one period (impossible with one
 * period open at a time) counts once.
 */
export const healthFiguresBehind = <C extends ChildWithBirth, R extends Oc2Row>(
  children: readonly C[],
  oc2: readonly R[],
  year: number,
): { figures: HealthFigures; behind: Behind<Oc2CohortMember<C, R>> } => {
  const { end } = reportingYear(year);
  const rows = new Map<string, R>();
  // One row per (CHILD, YEAR) after import; the first in the order given stands.
  for (const row of oc2) if (row.year === year && !rows.has(row.child)) rows.set(row.child, row);
  const behind = emptyBehind<Oc2CohortMember<C, R>>([
    'health.cohort',
    ...PERCENTAGES.flatMap((p) => [`health.${p.key}.denominator`, `health.${p.key}.numerator`]),
    ...['eligible', 'scored', 'normal', 'borderline', 'concern'].map((k) => `health.sdq.${k}`),
  ]);
  let scoreTotal = 0;
  for (const child of children) {
    const period = child.periods.find((p) => isInOc2Cohort(p, year));
    if (!period) continue;
    const ageAt31March = ageOn(child.dateOfBirth, end);
    const row = rows.get(child.child) ?? null;
    const member: Oc2CohortMember<C, R> = { child, period, ageAt31March, row };
    addBehind(behind, 'health.cohort', member);
    for (const p of PERCENTAGES) {
      if (!p.over(ageAt31March)) continue;
      addBehind(behind, `health.${p.key}.denominator`, member);
      if (row?.[p.flag] === true) addBehind(behind, `health.${p.key}.numerator`, member);
    }
    if (ageAt31March >= SDQ_AGES.from && ageAt31March <= SDQ_AGES.to) {
      addBehind(behind, 'health.sdq.eligible', member);
      const score = row?.sdqScore;
      if (isSdqScore(score)) {
        addBehind(behind, 'health.sdq.scored', member);
        addBehind(behind, `health.sdq.${sdqBandOf(score)}`, member);
        scoreTotal += score;
      }
    }
  }
  const percentOf = (key: PercentKey) =>
    percent(countOf(behind, `health.${key}.numerator`), countOf(behind, `health.${key}.denominator`));
  const scored = countOf(behind, 'health.sdq.scored');
  return {
    figures: {
      cohort: countOf(behind, 'health.cohort'),
      healthAssessmentPercent: percentOf('healthAssessmentPercent'),
      immunisationsPercent: percentOf('immunisationsPercent'),
      teethCheckPercent: percentOf('teethCheckPercent'),
      healthCheckUnder5Percent: percentOf('healthCheckUnder5Percent'),
      substanceMisusePercent: percentOf('substanceMisusePercent'),
      convictedAged10PlusPercent: percentOf('convictedAged10PlusPercent'),
      sdq: {
        eligible: countOf(behind, 'health.sdq.eligible'),
        scored,
        // Whole scores: half up to one decimal in integer arithmetic, exact where 13.05 in floating point is not.
        mean: scored === 0 ? null : Math.floor((scoreTotal * 20 + scored) / (2 * scored)) / 10,
        normal: countOf(behind, 'health.sdq.normal'),
        borderline: countOf(behind, 'health.sdq.borderline'),
        concern: countOf(behind, 'health.sdq.concern'),
      },
    },
    behind,
  };
};

/** The `health.*` figures of reporting year `year`; see `healthFiguresBehind`. */
export const healthFigures = (
  children: readonly ChildWithBirth[],
  oc2: readonly Oc2Row[],
  year: number,
): HealthFigures => healthFiguresBehind(children, oc2, year).figures;

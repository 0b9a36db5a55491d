import { builder } from '../builder.ts';
import type { AnnualReportFigures } from '../data/compute-annual-report.ts';
import { CodeCount } from './children-figures.ts';

type Figures = AnnualReportFigures;

const percentField = (description: string) => ({ nullable: true as const, description });

const SdqFigures = builder.objectRef<Figures['health']['sdq']>('SdqFigures').implement({
  description: 'Strengths and Difficulties Questionnaire scores of the OC2 cohort aged 5 to 16 at 31 March',
  fields: (t) => ({
    eligible: t.exposeInt('eligible', { description: 'Cohort children aged 5 to 16 at 31 March' }),
    scored: t.exposeInt('scored', { description: 'Of them, those with a score 0–40' }),
    mean: t.exposeFloat('mean', {
      nullable: true,
      description: 'Their mean score (one decimal); null with none',
    }),
    normal: t.exposeInt('normal', { description: 'Scores 0–13' }),
    borderline: t.exposeInt('borderline', { description: 'Scores 14–16' }),
    concern: t.exposeInt('concern', { description: 'Scores 17–40 (cause for concern)' }),
  }),
});

/** health.* (further-tables §2 Health): the OC2 outcomes of children looked after for 12 months. */
export const HealthFigures = builder.objectRef<Figures['health']>('HealthFigures').implement({
  description:
    'OC2 outcomes: the cohort is the children in a period of care (not short-break-only) started on or before 1 April and open at the end of 31 March; a cohort child with no OC2 row of the year counts as not done',
  fields: (t) => ({
    cohort: t.exposeInt('cohort', { description: 'Children in the OC2 cohort' }),
    healthAssessmentPercent: t.exposeFloat(
      'healthAssessmentPercent',
      percentField('Health assessments done'),
    ),
    immunisationsPercent: t.exposeFloat('immunisationsPercent', percentField('Immunisations up to date')),
    teethCheckPercent: t.exposeFloat('teethCheckPercent', percentField('Dental (teeth) checks')),
    healthCheckUnder5Percent: t.exposeFloat(
      'healthCheckUnder5Percent',
      percentField('Development (health) checks, of the cohort aged under 5'),
    ),
    substanceMisusePercent: t.exposeFloat(
      'substanceMisusePercent',
      percentField('Identified substance misuse'),
    ),
    convictedAged10PlusPercent: t.exposeFloat(
      'convictedAged10PlusPercent',
      percentField('Convicted during the year, of the cohort aged 10 or over'),
    ),
    sdq: t.field({ type: SdqFigures, resolve: (h) => h.sdq }),
  }),
});

const ShortTermStability = builder
  .objectRef<Figures['stability']['shortTerm']>('ShortTermStability')
  .implement({
    description:
      'Of the children looked after at 31 March, those with three or more placements overlapping the year',
    fields: (t) => ({
      eligible: t.exposeInt('eligible'),
      threeOrMore: t.exposeInt('threeOrMore'),
      percent: t.exposeFloat('percent', { nullable: true }),
    }),
  });

const LongTermStability = builder.objectRef<Figures['stability']['longTerm']>('LongTermStability').implement({
  description:
    'Of the children under 16 at 31 March looked after for two and a half years, those in the same placement for two years',
  fields: (t) => ({
    eligible: t.exposeInt('eligible'),
    stable: t.exposeInt('stable'),
    percent: t.exposeFloat('percent', { nullable: true }),
  }),
});

export const StabilityFigures = builder.objectRef<Figures['stability']>('StabilityFigures').implement({
  description: 'Placement stability (further-tables §2 Placements)',
  fields: (t) => ({
    shortTerm: t.field({ type: ShortTermStability, resolve: (s) => s.shortTerm }),
    longTerm: t.field({ type: LongTermStability, resolve: (s) => s.longTerm }),
  }),
});

const DistanceFigures = builder.objectRef<Figures['placement']['distance']>('DistanceFromHome').implement({
  description:
    'Children looked after at 31 March whose home and placement postcode sectors are both known, and those placed more than 20 miles from home',
  fields: (t) => ({
    known: t.exposeInt('known'),
    over20Miles: t.exposeInt('over20Miles'),
    percent: t.exposeFloat('percent', { nullable: true }),
  }),
});

export const PlacementFigures = builder.objectRef<Figures['placement']>('PlacementFigures').implement({
  fields: (t) => ({ distance: t.field({ type: DistanceFigures, resolve: (p) => p.distance }) }),
});

export const MissingFigures = builder.objectRef<Figures['missing']>('MissingFigures').implement({
  description: 'Missing and away-from-placement episodes starting in the year (903 missing file)',
  fields: (t) => ({
    episodes: t.exposeInt('episodes'),
    children: t.exposeInt('children', { description: 'Distinct children among the episodes' }),
    byType: t.field({
      type: [CodeCount],
      description: 'M (missing), A (away without authorisation), notRecorded (all three)',
      resolve: (m) => m.byType,
    }),
  }),
});

export const SecureFigures = builder.objectRef<Figures['secure']>('SecureFigures').implement({
  description: 'Children in a secure placement during the year',
  fields: (t) => ({
    welfare: t.exposeInt('welfare', { description: 'PLACE K1 with LS not J1–J3' }),
    youthJustice: t.exposeInt('youthJustice', { description: 'LS J1–J3 in PLACE K1 or R5' }),
  }),
});

export const ComparatorFigure = builder
  .objectRef<Figures['comparators'][number]>('ComparatorFigure')
  .implement({
    description:
      'Another area’s published figure for a report key, shown beside the council’s own: per (area, measure), the latest year up to the report’s',
    fields: (t) => ({
      year: t.exposeInt('year', { description: 'The reporting year the figure describes' }),
      area: t.exposeString('area', { description: 'England, the region, statistical neighbours …' }),
      measure: t.exposeString('measure', { description: 'The report key, e.g. children.ratePer10000' }),
      value: t.exposeFloat('value', {
        nullable: true,
        description: 'The figure; null when not shown (see symbol)',
      }),
      symbol: t.exposeString('symbol', {
        nullable: true,
        description: 'The DfE’s symbol for a figure not shown (c, k, u, x, z); null when there is a value',
      }),
    }),
  });

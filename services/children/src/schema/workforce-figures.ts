import { builder } from '../builder.ts';
import type { AnnualReportFigures } from '../data/compute-annual-report.ts';
import { CodeCount } from './children-figures.ts';

type Workforce = AnnualReportFigures['workforce'];

const CaseloadPerFte = builder.objectRef<Workforce['caseloadPerFte']>('CaseloadPerFte').implement({
  description: 'Caseload per FTE at 31 March over IROs in post (one decimal); null with no IRO in post',
  fields: (t) => ({
    mean: t.exposeFloat('mean', { nullable: true }),
    min: t.exposeFloat('min', { nullable: true }),
    max: t.exposeFloat('max', { nullable: true }),
  }),
});

/** The workforce.* figures of the annual report (statutory-rules §8, §14). */
export const WorkforceFigures = builder.objectRef<Workforce>('WorkforceFigures').implement({
  fields: (t) => ({
    iros: t.exposeInt('iros', { description: 'People with ROLE iro in post at 31 March' }),
    fte: t.exposeFloat('fte', { description: 'Their total FTE (two decimals)' }),
    caseloadPerFte: t.field({ type: CaseloadPerFte, resolve: (w) => w.caseloadPerFte }),
    overCapacity: t.exposeInt('overCapacity', { description: 'IROs above the council’s band at 31 March' }),
    continuityPercent: t.exposeFloat('continuityPercent', {
      nullable: true,
      description: 'Children looked after all year who had one IRO all year (§8); null with none eligible',
    }),
    bySex: t.field({
      type: [CodeCount],
      description: 'IROs and FCROs in post at 31 March by SEX: male, female, unknown (all three)',
      resolve: (w) => w.bySex,
    }),
    byEthnicGroup: t.field({
      type: [CodeCount],
      description:
        'IROs and FCROs in post at 31 March by ethnic group: white, mixed, asian, black, other, notRecorded (all six)',
      resolve: (w) => w.byEthnicGroup,
    }),
  }),
});

import { codeCountType } from '@footprint/graphql';
import type { AdvocacyReportFigures } from '../annual-report.ts';
import { builder } from '../builder.ts';

const CodeCount = codeCountType(builder);

export const AdvocacyFigures = builder.objectRef<AdvocacyReportFigures>('AdvocacyFigures').implement({
  description: 'Advocacy and Independent Visitors in a reporting year (statutory-rules §10)',
  fields: (t) => ({
    involvements: t.exposeInt('involvements', { description: 'Involvements referred in the year' }),
    children: t.exposeInt('children', { description: 'Distinct children among them' }),
    childrenPercent: t.exposeFloat('childrenPercent', {
      nullable: true,
      description: 'Of the children looked after during the year; null when there were none',
    }),
    byReason: t.expose('byReason', {
      type: [CodeCount],
      description: 'By reason, in code order: an involvement counts under each of its reasons',
    }),
    bySource: t.expose('bySource', {
      type: [CodeCount],
      description: 'By referral source, in code order (notRecorded: the imported records did not say)',
    }),
    independentVisitorsAt31March: t.exposeInt('independentVisitorsAt31March', {
      description: 'Children with an Independent Visitor allocation open at the end of 31 March',
    }),
    independentVisitorsDuringYear: t.exposeInt('independentVisitorsDuringYear', {
      description: 'Children with an Independent Visitor allocation on at least one day of the year',
    }),
  }),
});

import { codeCountType } from '@footprint/graphql';
import type { AuditFigures as AuditFiguresShape } from '../annual-report.ts';
import { builder } from '../builder.ts';

// Declared without descriptions, as this subgraph first printed it (see SharedTypeOptions).
const CodeCount = codeCountType(builder, { descriptions: false });

/** Case audits dated in the year (statutory-rules §14). */
export const AuditFigures = builder.objectRef<AuditFiguresShape>('AuditFigures').implement({
  description: 'Case audits dated in the year',
  fields: (t) => ({
    completed: t.exposeInt('completed'),
    byGrade: t.field({
      type: [CodeCount],
      description: 'Grades that occur, in code order; a blank grade is notRecorded',
      resolve: (f) => f.byGrade,
    }),
  }),
});

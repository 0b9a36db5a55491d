import { codeCountType } from '@footprint/graphql';
import { builder } from '../builder.ts';
import type { AnnualReportFigures } from '../data/compute-annual-report.ts';

// Declared without descriptions, as this subgraph first printed it (see SharedTypeOptions).
const CodeCount = codeCountType(builder, { descriptions: false });

/** The children.* figures of the annual report (annual-report.md; byEthnicGroup from further-tables.md). */
export const ChildrenFigures = builder
  .objectRef<AnnualReportFigures['children']>('ChildrenFigures')
  .implement({
    description:
      'Children looked after in the reporting year; short-break-only periods are left out except in shortBreaksDuringYear',
    fields: (t) => ({
      lookedAfterAt31March: t.exposeInt('lookedAfterAt31March', {
        description: 'Children in a period of care at the end of 31 March',
      }),
      shortBreaksDuringYear: t.exposeInt('shortBreaksDuringYear', {
        description: 'Children with a short-break-only period (LS V3/V4) on at least one day of the year',
      }),
      lookedAfterDuringYear: t.exposeInt('lookedAfterDuringYear', {
        description: 'Children in a period of care on at least one day of the year',
      }),
      startedInYear: t.exposeInt('startedInYear', {
        description: 'Periods of care that started in the year',
      }),
      ceasedInYear: t.exposeInt('ceasedInYear', { description: 'Periods of care that ended in the year' }),
      byLegalStatus: t.field({
        type: [CodeCount],
        description: 'At 31 March, LS of the open episode; codes that occur, in code order',
        resolve: (f) => f.byLegalStatus,
      }),
      byLegalStatusAtEntry: t.field({
        type: [CodeCount],
        description: 'Periods started in the year, LS of their first episode',
        resolve: (f) => f.byLegalStatusAtEntry,
      }),
      byPlacement: t.field({
        type: [CodeCount],
        description: 'At 31 March, PLACE of the open episode',
        resolve: (f) => f.byPlacement,
      }),
      byAgeBand: t.field({
        type: [CodeCount],
        description: 'Age at 31 March: under1, 1-4, 5-9, 10-15, 16+ (all five)',
        resolve: (f) => f.byAgeBand,
      }),
      bySex: t.field({
        type: [CodeCount],
        description: 'At 31 March: male, female, unknown (all three)',
        resolve: (f) => f.bySex,
      }),
      byEthnicity: t.field({
        type: [CodeCount],
        description: 'At 31 March, ETHNIC code (notRecorded when empty)',
        resolve: (f) => f.byEthnicity,
      }),
      byReasonCeased: t.field({
        type: [CodeCount],
        description: 'Periods ended in the year, REC of their last episode',
        resolve: (f) => f.byReasonCeased,
      }),
      uascAt31March: t.exposeInt('uascAt31March', {
        description: 'Looked after at 31 March with a uasc row whose DUC is after that date or empty',
      }),
      byEthnicGroup: t.field({
        type: [CodeCount],
        description: 'At 31 March: white, mixed, asian, black, other, notRecorded (all six)',
        resolve: (f) => f.byEthnicGroup,
      }),
      dataQuality: t.field({
        type: [CodeCount],
        description:
          'period_without_start (periods started in the year), no_iro_allocated (at 31 March); only those above 0',
        resolve: (f) => f.dataQuality,
      }),
    }),
  });

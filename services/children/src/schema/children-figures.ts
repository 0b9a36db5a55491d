import { codeCountType } from '@footprint/graphql';
import { builder } from '../builder.ts';
import type { AnnualReportFigures } from '../data/compute-annual-report.ts';

// Declared without descriptions, as this subgraph first printed it (see SharedTypeOptions).
export const CodeCount = codeCountType(builder, { descriptions: false });

const StartedByAgeBandAndSex = builder
  .objectRef<AnnualReportFigures['children']['startedByAgeBandAndSex'][number]>('AgeBandBySex')
  .implement({
    description: 'Periods of care started in the year in one of the council’s age bands, by sex',
    fields: (t) => ({
      band: t.exposeString('band', { description: 'The age band at the period’s start: under1, 0-4, 16+ …' }),
      male: t.exposeInt('male'),
      female: t.exposeInt('female'),
      unknown: t.exposeInt('unknown', { description: 'SEX U or not recorded' }),
    }),
  });

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
      byLocalAgeBand: t.field({
        type: [CodeCount],
        description:
          'At 31 March, age in the council’s own bands (local policy age_bands in force on 31 March; default 0,1,5,10,16), every band',
        resolve: (f) => f.byLocalAgeBand,
      }),
      startedByAgeBandAndSex: t.field({
        type: [StartedByAgeBandAndSex],
        description:
          'Periods started in the year by age at their start, in the council’s bands (every band), and sex',
        resolve: (f) => f.startedByAgeBandAndSex,
      }),
      ceasedByAgeBand: t.field({
        type: [CodeCount],
        description: 'Periods ended in the year by age at their DEC, in the council’s bands (every band)',
        resolve: (f) => f.ceasedByAgeBand,
      }),
      uascByEthnicity: t.field({
        type: [CodeCount],
        description:
          'The children of uascAt31March by ETHNIC code (notRecorded when empty); codes that occur',
        resolve: (f) => f.uascByEthnicity,
      }),
      ratePer10000: t.exposeFloat('ratePer10000', {
        nullable: true,
        description:
          'lookedAfterAt31March per 10,000 of the population aged 0–17 (one decimal); null with no population for the year',
      }),
      startedRatePer10000: t.exposeFloat('startedRatePer10000', {
        nullable: true,
        description:
          'startedInYear per 10,000 of the population aged 0–17; null with no population for the year',
      }),
      ceasedRatePer10000: t.exposeFloat('ceasedRatePer10000', {
        nullable: true,
        description:
          'ceasedInYear per 10,000 of the population aged 0–17; null with no population for the year',
      }),
    }),
  });

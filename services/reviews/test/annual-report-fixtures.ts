import { encodeCareHistory } from '@footprint/graphql';
import { annualReport } from '@footprint/testing';
import type pg from 'pg';

/**
 * A small hand-made reporting year 2023 (1 April 2023 – 31 March 2024) for two councils that share
 * every CHILD reference (A, B, C, D, F, G), AUDIT reference (X1…) and even the midway review key.
 * North's answer is worked out from the spec in successful-annual-report.int.test.ts; south's rows
 * would change every north figure if they leaked.
 */
export async function seedAnnualReportCouncils(db: pg.Pool) {
  await db.query(`
    insert into reviews.reviews
      (tenant_id, child_id, review_date, sequence, participation, format, chaired_by_child,
       outcomes_issued, record_completed, record_distributed) values
      ('north', 'A', '2022-02-01', 1, 'PN1', null, null, null, null, null),
      ('north', 'A', '2022-05-01', 1, 'PN1', null, null, null, null, null),
      ('north', 'A', '2022-10-20', 1, 'PN1', null, null, null, null, null),
      ('north', 'A', '2023-04-18', 1, 'PN1', 'in_person', 'chair', '2023-04-20', '2023-05-11', null),
      ('north', 'A', '2023-10-25', 1, 'PN0', 'virtual', 'co_chair', null, null, null),
      ('north', 'B', '2023-06-28', 1, 'PN0', 'hybrid', 'no', '2023-07-10', null, '2023-07-20'),
      ('north', 'B', '2023-06-28', 2, 'PN2', 'in_person', 'chair', '2023-06-29', '2023-06-29', '2023-06-29'),
      ('north', 'B', '2023-09-28', 1, 'PN7', null, null, null, null, null),
      ('north', 'C', '2023-04-12', 1, null, 'in_person', null, '2023-04-14', null, null),
      ('north', 'C', '2023-07-01', 1, 'PN5', 'virtual', null, null, null, null),
      ('north', 'D', '2023-08-01', 1, 'PN6', 'virtual', 'chair', null, null, null),
      ('north', 'F', '2022-01-01', 1, 'PN1', null, null, null, null, null),
      ('north', 'F', '2023-07-07', 1, 'PN1', null, null, null, null, null),
      ('south', 'A', '2023-05-05', 1, 'PN2', 'virtual', 'chair', '2023-05-06', '2023-05-06', '2023-05-06'),
      ('south', 'B', '2023-06-28', 1, 'PN3', 'hybrid', 'co_chair', null, null, null),
      ('south', 'G', '2023-04-02', 1, 'PN4', 'in_person', null, null, null, null),
      ('south', 'F', '2023-11-11', 1, null, null, null, null, null, null);
    insert into reviews.midway_reviews (tenant_id, child_id, midway_date) values
      ('north', 'A', '2023-03-01'),
      ('north', 'A', '2023-07-20'),
      ('north', 'A', '2024-04-05'),
      ('north', 'B', '2023-08-10'),
      ('south', 'A', '2023-07-20'),
      ('south', 'G', '2023-09-09');
    insert into reviews.consultations (tenant_id, child_id, respondent, received_on, sequence, review_date) values
      ('north', 'A', 'child', '2023-06-20', 1, '2023-10-25'),
      ('north', 'A', 'carer', '2023-06-21', 1, null),
      ('north', 'B', 'carer', '2024-03-31', 1, null),
      ('north', 'B', 'parent', '2023-03-31', 1, '2023-06-28'),
      ('south', 'A', 'parent', '2023-06-20', 1, null),
      ('south', 'A', 'child', '2023-06-20', 1, null);
    insert into reviews.audits (tenant_id, audit_id, child_id, audit_date, grade) values
      ('north', 'X1', 'A', '2023-04-01', 'good'),
      ('north', 'X2', 'B', '2023-09-09', null),
      ('north', 'X3', 'C', '2024-04-01', 'inadequate'),
      ('north', 'X4', 'C', '2024-03-31', 'good'),
      ('south', 'X1', 'A', '2023-04-01', 'outstanding'),
      ('south', 'X5', 'B', '2023-05-05', 'inadequate');
  `);
}

type Episode = {
  startDate: string;
  endDate: string | null;
  reasonNewEpisode: string;
  legalStatus: string;
  placement: string;
  reasonEnded: string | null;
};

const episode = (
  startDate: string,
  endDate: string | null,
  reasonEnded: string | null,
  legalStatus = 'C2',
  placement = 'U4',
): Episode => ({ startDate, endDate, reasonNewEpisode: 'S', legalStatus, placement, reasonEnded });

export type CareHistory = { childId: string; dateOfBirth: string; episodes: Episode[] }[];

/** North's children with a period of care touching 2023, as the children subgraph gives them (F has none). */
export const northCareHistory: CareHistory = [
  { childId: 'A', dateOfBirth: '2012-05-10', episodes: [episode('2022-01-10', null, null)] },
  { childId: 'B', dateOfBirth: '2020-09-01', episodes: [episode('2023-06-05', null, null, 'C2', 'U1')] },
  {
    childId: 'C',
    dateOfBirth: '2008-01-15',
    episodes: [episode('2023-03-20', '2023-05-31', 'E4A', 'C2', 'U3')],
  },
  { childId: 'D', dateOfBirth: '2010-03-03', episodes: [episode('2023-05-01', null, null, 'V3', 'U1')] },
  { childId: 'G', dateOfBirth: '2015-12-12', episodes: [episode('2024-03-01', null, null)] },
];

/** South's: A since January 2023; G for a short period around its one review. */
export const southCareHistory: CareHistory = [
  { childId: 'A', dateOfBirth: '2009-01-01', episodes: [episode('2023-01-02', null, null)] },
  { childId: 'G', dateOfBirth: '2011-11-11', episodes: [episode('2023-03-27', '2023-06-30', 'E11')] },
];

/** An AnnualReport representation as the gateway sends it once it has the children subgraph's careHistory. */
export const reportRepresentation = (year: number, careHistory: CareHistory) =>
  annualReport(year, { careHistory: encodeCareHistory(careHistory) });

/** A representation carrying whatever a direct `_entities` caller chooses to send. */
export const forgedRepresentation = (year: number, careHistory: unknown) =>
  annualReport(year, { careHistory });

/** Every figure of the three sections this subgraph adds to the report. */
export const REPORT_FIGURES = `reviews {
  held onTime late onTimePercent childrenAllOnTime { eligible allOnTime percent }
  participation { code count } participationRate4Plus chairedByChild { code count } format { code count }
  paperwork { outcomesOnTimePercent recordCompletedOnTimePercent recordDistributedOnTimePercent }
  midwayReviews overdueAt31March orphanReviews byMonth { month held onTime } dataQuality { code count }
}
consultation { child carer parent }
audits { completed byGrade { code count } }`;

export type CodeCounts = { code: string; count: number }[];

export type ReportFigures = {
  reviews: {
    held: number;
    onTime: number;
    late: number;
    onTimePercent: number | null;
    childrenAllOnTime: { eligible: number; allOnTime: number; percent: number | null };
    participation: CodeCounts;
    participationRate4Plus: number | null;
    chairedByChild: CodeCounts;
    format: CodeCounts;
    paperwork: Record<string, number | null>;
    midwayReviews: number;
    overdueAt31March: number;
    orphanReviews: number;
    byMonth: { month: string; held: number; onTime: number }[];
    dataQuality: CodeCounts;
  };
  consultation: { child: number; carer: number; parent: number };
  audits: { completed: number; byGrade: CodeCounts };
};

/** Every count of the figures with its path in the report's JSON: what `reviewsRecordsBehind` must trace. */
export function countsByFigure(figures: ReportFigures): [string, number][] {
  const { reviews, consultation, audits } = figures;
  const map = (path: string, list: CodeCounts) =>
    list.map(({ code, count }): [string, number] => [`${path}.${code}`, count]);
  return [
    ['reviews.held', reviews.held],
    ['reviews.onTime', reviews.onTime],
    ['reviews.late', reviews.late],
    ['reviews.childrenAllOnTime.eligible', reviews.childrenAllOnTime.eligible],
    ['reviews.childrenAllOnTime.allOnTime', reviews.childrenAllOnTime.allOnTime],
    ...map('reviews.participation', reviews.participation),
    ...map('reviews.chairedByChild', reviews.chairedByChild),
    ...map('reviews.format', reviews.format),
    ['reviews.midwayReviews', reviews.midwayReviews],
    ['reviews.overdueAt31March', reviews.overdueAt31March],
    ['reviews.orphanReviews', reviews.orphanReviews],
    ...map('dataQuality', reviews.dataQuality),
    ...Object.entries(consultation).map(([code, count]): [string, number] => [`consultation.${code}`, count]),
    ['audits.completed', audits.completed],
    ...map('audits.byGrade', audits.byGrade),
  ];
}

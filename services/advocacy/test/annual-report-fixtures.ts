import { annualReport, entitiesQuery, recordBehindFields } from '@footprint/testing';
import type pg from 'pg';

/**
 * Two councils that share CHILD and INVOLVEMENT references, arranged around the edges of
 * reporting year 2023 (1 April 2023 – 31 March 2024). North commissions two providers, and its
 * managers' report counts both.
 *
 * North's involvements:
 * - INV1 C1 voice   2023-04-01 (the year's first day)   iro    review_participation, placement
 * - INV2 C1 speakup 2023-09-10                          self   placement, contact
 * - INV3 C2 voice   2024-03-31 (the year's last day)    self   complaint
 * - INV4 C3 voice   2023-03-31 (the day before: 2022)   self   care_plan
 * - INV5 C4 speakup 2024-04-01 (the day after: 2024)    iro    placement
 * - INV6 C5 voice   2023-12-01, imported with no source and no reasons
 * North's Independent Visitor allocations:
 * - C1 from 2022-01-01, open
 * - C2 2023-06-01 – 2024-03-31 (ends on 31 March: not open at the end of it)
 * - C3 2020-01-01 – 2023-04-01 (ends on the year's first day)
 * - C4 from 2024-04-01 (after the year)
 * - C5 2019-01-01 – 2023-03-31 (ends the day before the year)
 * - C6 2023-05-01 – 2023-08-01, and again from 2024-01-01, open
 */
export async function seedAnnualReport(db: pg.Pool) {
  await db.query(`
    insert into advocacy.providers (id, name, suspended) values
      ('voice', 'Voice Advocacy', false),
      ('speakup', 'SpeakUp', false);
    insert into advocacy.commissions (tenant_id, provider_id, from_date) values
      ('north', 'voice', '2020-01-01'),
      ('north', 'speakup', '2020-01-01'),
      ('south', 'voice', '2020-01-01');
    insert into advocacy.involvements
      (tenant_id, id, child_id, provider_id, referral_date, source, reasons, start_date, end_date, outcome) values
      ('north', 'INV1', 'C1', 'voice', '2023-04-01', 'iro', '{review_participation,placement}', null, null, null),
      ('north', 'INV2', 'C1', 'speakup', '2023-09-10', 'self', '{placement,contact}', '2023-09-12', '2023-11-01', 'Resolved'),
      ('north', 'INV3', 'C2', 'voice', '2024-03-31', 'self', '{complaint}', null, null, null),
      ('north', 'INV4', 'C3', 'voice', '2023-03-31', 'self', '{care_plan}', null, null, null),
      ('north', 'INV5', 'C4', 'speakup', '2024-04-01', 'iro', '{placement}', null, null, null),
      ('north', 'INV6', 'C5', 'voice', '2023-12-01', null, '{}', null, null, null),
      ('south', 'INV1', 'C1', 'voice', '2023-05-05', 'carer', '{complaint}', null, null, null),
      ('south', 'INV9', 'S9', 'voice', '2023-06-01', 'self', '{care_plan}', null, null, null);
    insert into advocacy.independent_visitors (tenant_id, child_id, start_date, end_date) values
      ('north', 'C1', '2022-01-01', null),
      ('north', 'C2', '2023-06-01', '2024-03-31'),
      ('north', 'C3', '2020-01-01', '2023-04-01'),
      ('north', 'C4', '2024-04-01', null),
      ('north', 'C5', '2019-01-01', '2023-03-31'),
      ('north', 'C6', '2023-05-01', '2023-08-01'),
      ('north', 'C6', '2024-01-01', null),
      ('south', 'C1', '2023-01-01', null);
  `);
}

/** The annual report as the gateway asks this subgraph for it, with the children figure it requires. */
export const report = (year: unknown, lookedAfterDuringYear: unknown = 40) =>
  annualReport(year, { children: { lookedAfterDuringYear } });

export const advocacyQuery = entitiesQuery(
  'AnnualReport',
  `year advocacy { involvements children childrenPercent byReason { code count }
    bySource { code count } independentVisitorsAt31March independentVisitorsDuringYear }`,
);

export const recordsBehindQuery = entitiesQuery(
  'AnnualReport',
  `advocacyRecordsBehind(figure: $figure) { ${recordBehindFields} }`,
  '$figure: String!',
);

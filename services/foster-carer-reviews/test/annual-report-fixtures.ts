import { annualReport, entitiesQuery, recordBehindFields } from '@footprint/testing';
import type pg from 'pg';

/**
 * Two councils that share HOUSEHOLD references, arranged around the edges of reporting year 2023
 * (1 April 2023 – 31 March 2024). Each review is due 12 months after approval, then 12 months after
 * the previous review held (statutory-rules §11, §14). North:
 * - H1 mainstream approved 2022-05-10, reviewed 2023-05-10: due 2023-05-10, held on it (on time)
 * - H2 connected approved 2022-06-15, never reviewed: due 2023-06-15, not held, overdue at 31 March
 * - H3 mainstream approved 2022-04-01, reviewed 2023-04-20: due 2023-04-01 (the year's first day), late
 * - H4 mainstream approved 2021-03-01, ended 2023-02-28: nothing in the year
 * - H5 connected approved 2022-09-30, ended 2023-09-29: ended the day before its due date, nothing due
 * - H6 mainstream approved 2022-10-01, ended 2023-10-01: ended on its due date, so due (not held)
 * - H7 mainstream approved 2024-03-31: approved at 31 March, nothing due yet (no name recorded)
 * - H8 connected approved 2022-03-15, reviewed 2023-03-10 and 2024-04-02: due 2024-03-10, held after
 *   31 March (late), and overdue at 31 March (a review after it does not count then)
 * - H9 mainstream approved 2022-12-01, reviewed 2023-11-30: due 2023-12-01, held early (on time)
 */
export async function seedAnnualReport(db: pg.Pool) {
  await db.query(`
    insert into foster_carer_reviews.households (tenant_id, id, name, type, approved_on, ended_on, fcro_id) values
      ('north', 'H1', 'The Smith household', 'mainstream', '2022-05-10', null, 'F1'),
      ('north', 'H2', 'The Patel household', 'connected_person', '2022-06-15', null, 'F1'),
      ('north', 'H3', 'The Okafor household', 'mainstream', '2022-04-01', null, 'F2'),
      ('north', 'H4', 'The Evans household', 'mainstream', '2021-03-01', '2023-02-28', 'F2'),
      ('north', 'H5', 'The Nowak household', 'connected_person', '2022-09-30', '2023-09-29', null),
      ('north', 'H6', 'The Brown household', 'mainstream', '2022-10-01', '2023-10-01', 'F1'),
      ('north', 'H7', null, 'mainstream', '2024-03-31', null, null),
      ('north', 'H8', 'The Khan household', 'connected_person', '2022-03-15', null, 'F2'),
      ('north', 'H9', 'The Green household', 'mainstream', '2022-12-01', null, 'F1'),
      ('south', 'H1', 'The Jones household', 'mainstream', '2022-06-01', null, 'F1'),
      ('south', 'H2', 'The Ahmed household', 'connected_person', '2023-01-01', null, 'F1');
    insert into foster_carer_reviews.reviews (tenant_id, household_id, review_date, outcome, fcro_id) values
      ('north', 'H1', '2023-05-10', 'continued', 'F1'),
      ('north', 'H3', '2023-04-20', 'continued', 'F2'),
      ('north', 'H8', '2023-03-10', 'continued', 'F2'),
      ('north', 'H8', '2024-04-02', 'terms_changed', 'F2'),
      ('north', 'H9', '2023-11-30', 'continued', 'F1'),
      ('south', 'H2', '2023-12-15', 'continued', 'F1');
  `);
}

/** The annual report as the gateway asks this subgraph for it: by its key alone. */
export const report = (year: unknown) => annualReport(year);

export const figuresQuery = entitiesQuery(
  'AnnualReport',
  `year fosterCarerReviews { householdsAt31March { code count } due onTime
    onTimePercent overdueAt31March }`,
);

export const recordsBehindQuery = entitiesQuery(
  'AnnualReport',
  `fosterCarerReviewsRecordsBehind(figure: $figure) { ${recordBehindFields} }`,
  '$figure: String!',
);

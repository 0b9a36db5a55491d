import type pg from 'pg';

/**
 * Two councils that deliberately share HOUSEHOLD references (H1, H2) and a staff reference (F1).
 * North's households are arranged around the rules of statutory-rules §11 and §14:
 * - H1 approved 31 August 2022 (first review due 31 August 2023), one review held on its due date;
 * - H2 approved 15 March 2023, no review yet (due 15 March 2024);
 * - H3 approved 29 February 2024 (the month rule: due 28 February 2025);
 * - H4 approved 10 January 2020, reviewed 5 January 2021, still approved;
 * - H5 approved 1 June 2024; H6 ended on 30 June 2023.
 */
export async function seedTwoCouncils(db: pg.Pool) {
  await db.query(`
    insert into foster_carer_reviews.households (tenant_id, id, name, type, approved_on, ended_on, fcro_id) values
      ('north', 'H1', 'The Smith household', 'mainstream', '2022-08-31', null, 'F1'),
      ('north', 'H2', 'The Patel household', 'mainstream', '2023-03-15', null, 'F1'),
      ('north', 'H3', null, 'connected_person', '2024-02-29', null, 'F2'),
      ('north', 'H4', 'The Okafor household', 'mainstream', '2020-01-10', null, 'F2'),
      ('north', 'H5', 'The Nowak household', 'connected_person', '2024-06-01', null, null),
      ('north', 'H6', 'The Evans household', 'mainstream', '2021-05-01', '2023-06-30', 'F1'),
      ('south', 'H1', 'The Jones household', 'connected_person', '2021-01-04', null, 'F1'),
      ('south', 'H9', 'The Brown household', 'mainstream', '2022-02-01', null, 'F1');
    insert into foster_carer_reviews.reviews (tenant_id, household_id, review_date, outcome, fcro_id, notes) values
      ('north', 'H1', '2023-08-31', 'continued', 'F1', null),
      ('north', 'H4', '2021-01-05', 'continued', 'F2', null),
      ('north', 'H6', '2022-04-20', 'terms_changed', 'F1', 'Approved for two children'),
      ('south', 'H1', '2022-01-10', 'continued', 'F1', null);
  `);
}

/** Every row of the service's two tables, in a stable order: to prove a refused change wrote nothing. */
export async function snapshot(db: pg.Pool) {
  const households = await db.query('select * from foster_carer_reviews.households order by tenant_id, id');
  const reviews = await db.query(
    'select * from foster_carer_reviews.reviews order by tenant_id, household_id, review_date',
  );
  return { households: households.rows, reviews: reviews.rows };
}

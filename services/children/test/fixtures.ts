import type pg from 'pg';

/** Two councils that deliberately share a CHILD reference and an IRO reference. */
export async function seedTwoCouncils(db: pg.Pool) {
  await db.query(`
    insert into children.children (tenant_id, id, given_name, family_name, sex, date_of_birth, ethnicity) values
      ('north', 'C1', 'Ada', 'North', 'F', '2012-05-01', 'WBRI'),
      ('north', 'C2', 'Ben', 'North', 'M', '2019-02-10', 'BAFR'),
      ('south', 'C1', 'Cleo', 'South', 'F', '2010-09-09', 'MWBC'),
      ('south', 'S9', 'Dev', 'South', 'M', '2015-01-20', 'AIND');
    insert into children.episodes (tenant_id, child_id, start_date, reason_new_episode, legal_status, placement, end_date, reason_ended) values
      ('north', 'C1', '2023-01-10', 'S', 'C2', 'U1', null, null),
      ('north', 'C2', '2022-03-01', 'S', 'V2', 'U3', '2023-03-01', 'E11'),
      ('south', 'C1', '2021-06-01', 'S', 'C2', 'K2', null, null);
    insert into children.staff (tenant_id, id, name, role, fte, start_date) values
      ('north', 'I1', 'Nadia Reviewer', 'iro', 1, '2015-01-01'),
      ('north', 'I2', 'Omar Reviewer', 'iro', 0.5, '2018-01-01'),
      ('north', 'M1', 'Priya Manager', 'manager', 1, '2010-01-01'),
      ('south', 'I1', 'Sam Reviewer', 'iro', 1, '2016-01-01');
    insert into children.allocations (tenant_id, child_id, iro_id, start_date, end_date) values
      ('north', 'C1', 'I1', '2023-01-11', null),
      ('north', 'C2', 'I2', '2022-03-02', null),
      ('south', 'C1', 'I1', '2021-06-02', null);
  `);
}

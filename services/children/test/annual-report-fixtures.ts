import type pg from 'pg';

/**
 * Two councils for the annual report of 2023 (1 April 2023 – 31 March 2024) that share CHILD and
 * IRO references. North is small enough to work out by hand; what each child is there for:
 *
 * - C1 (SEX 2, born 2012-05-01, WBRI): in care since 2020-06-01, moved U4 → U6 on 2023-09-01 (LS C2,
 *   URN SC123); IRO I1 all year.
 * - C2 (SEX M, born 2023-06-15, BAFR): started 2023-07-01 (RNE S, LS V2, U3); no IRO; a uasc row whose
 *   DUC is 31 March 2024 (not UASC at the end of that day).
 * - C3 (SEX 1, born 2007-01-01, WBRI): in care since 2019, ended on 31 March 2024 (E13): ceased in the
 *   year, not looked after at 31 March; IRO I2 until that day.
 * - C4 (SEX F, born 2010-03-01, WBRI): short breaks only (V4) since 2022; IRO I2 (in the caseload).
 * - C5 (SEX U, born 2007-03-31, NOBT): an earlier period 2021-01-01 – 2022-01-01 (E11), then back on
 *   2023-04-20 with RNE P (period_without_start), LS C1, U1; UASC (no DUC); IRO I1.
 * - C6 (SEX F, born 2015-01-01, MWBC): in care since 2018 (LS C2, U4); IRO I1 then I2 from 2023-06-30;
 *   a uasc row that ceased in 2020.
 * - C7: in the header, never in care. C8: left care in 2020.
 * Staff: I1 (IRO, 1 FTE), I2 (IRO, 0.02 FTE: a sessional IRO), I3 (IRO, left on 31 March 2024), M1
 * (manager).
 *
 * South reuses C1, C2 and I1 for its own children and IRO; none of it may count in north's report.
 */
export async function seedAnnualReportCouncils(db: pg.Pool) {
  await db.query(`
    insert into children.children (tenant_id, id, given_name, family_name, sex, date_of_birth, ethnicity) values
      ('north', 'C1', 'Ada', 'North', '2', '2012-05-01', 'WBRI'),
      ('north', 'C2', 'Ben', 'North', 'M', '2023-06-15', 'BAFR'),
      ('north', 'C3', 'Cal', 'North', '1', '2007-01-01', 'WBRI'),
      ('north', 'C4', 'Dot', 'North', 'F', '2010-03-01', 'WBRI'),
      ('north', 'C5', 'Eli', 'North', 'U', '2007-03-31', 'NOBT'),
      ('north', 'C6', 'Fay', 'North', 'F', '2015-01-01', 'MWBC'),
      ('north', 'C7', 'Gus', 'North', 'M', '2016-01-01', 'WBRI'),
      ('north', 'C8', 'Hal', 'North', 'M', '2005-01-01', 'WBRI'),
      ('south', 'C1', 'Ida', 'South', 'M', '2011-01-01', 'AIND'),
      ('south', 'C2', 'Jon', 'South', 'M', '2009-01-01', 'AIND'),
      ('south', 'S9', 'Kim', 'South', 'F', '2020-01-01', 'CHNE');
    insert into children.episodes (tenant_id, child_id, start_date, reason_new_episode, legal_status, placement, end_date, reason_ended) values
      ('north', 'C1', '2020-06-01', 'S', 'C2', 'U4', '2023-09-01', 'X1'),
      ('north', 'C1', '2023-09-01', 'P', 'C2', 'U6', null, null),
      ('north', 'C2', '2023-07-01', 'S', 'V2', 'U3', null, null),
      ('north', 'C3', '2019-01-01', 'S', 'C2', 'K2', '2024-03-31', 'E13'),
      ('north', 'C4', '2022-01-01', 'S', 'V4', 'U6', null, null),
      ('north', 'C5', '2021-01-01', 'S', 'C1', 'P1', '2022-01-01', 'E11'),
      ('north', 'C5', '2023-04-20', 'P', 'C1', 'U1', null, null),
      ('north', 'C6', '2018-01-01', 'S', 'C2', 'U4', null, null),
      ('north', 'C8', '2015-01-01', 'S', 'C2', 'U4', '2020-01-01', 'E4A'),
      ('south', 'C1', '2021-06-01', 'S', 'J1', 'K2', null, null),
      ('south', 'C2', '2023-05-01', 'S', 'C1', 'R1', '2023-12-01', 'E11'),
      ('south', 'S9', '2022-02-02', 'S', 'C2', 'U1', null, null);
    update children.episodes set urn = 'SC123', placement_postcode = 'XS1 1'
      where tenant_id = 'north' and child_id = 'C1' and start_date = '2023-09-01';
    insert into children.uasc (tenant_id, child_id, uasc_ceased) values
      ('north', 'C2', '2024-03-31'),
      ('north', 'C5', null),
      ('north', 'C6', '2020-01-01'),
      ('south', 'C1', null),
      ('south', 'S9', null);
    insert into children.staff (tenant_id, id, name, role, fte, start_date, end_date) values
      ('north', 'I1', 'Nadia Reviewer', 'iro', 1, '2015-01-01', null),
      ('north', 'I2', 'Omar Reviewer', 'iro', 0.02, '2018-01-01', null),
      ('north', 'I3', 'Rita Reviewer', 'iro', 1, '2010-01-01', '2024-03-31'),
      ('north', 'M1', 'Priya Manager', 'manager', 1, '2010-01-01', null),
      ('south', 'I1', 'Sam Reviewer', 'iro', 1, '2016-01-01', null);
    insert into children.allocations (tenant_id, child_id, iro_id, start_date, end_date) values
      ('north', 'C1', 'I1', '2020-06-02', null),
      ('north', 'C3', 'I2', '2019-01-02', '2024-03-31'),
      ('north', 'C4', 'I2', '2022-01-02', null),
      ('north', 'C5', 'I1', '2023-04-21', null),
      ('north', 'C6', 'I1', '2018-01-02', '2023-06-30'),
      ('north', 'C6', 'I2', '2023-06-30', null),
      ('south', 'C1', 'I1', '2021-06-02', null),
      ('south', 'C2', 'I1', '2023-05-02', '2023-12-01'),
      ('south', 'S9', 'I1', '2022-02-03', null);
  `);
}

import type pg from 'pg';

/** The date the live checks are asked about: Monday 3 June 2024 (27 May was a bank holiday). */
export const AS_OF = '2024-06-03';

/**
 * Two councils for the children checks on 3 June 2024 that share CHILD, IRO and sibling group
 * references. What each of north's children is there for:
 *
 * - C1: in care since 2020-01-06, IRO I1 since the next day; sibling of C2 (group G1).
 * - C2: in care since Monday 2024-03-04; I2 allocated on 2024-03-15, 9 working days later (due by
 *   2024-03-11): late. With C1 on I1, group G1 is split.
 * - C3: in care since Monday 2024-05-20, no IRO; due by 2024-05-28 (27 May a bank holiday): late.
 * - C4: short breaks only (V4) since 2023; IRO I2 (counts in I2's caseload, as §14 says).
 * - C5: in care since Thursday 2024-05-30, no IRO yet; due by 2024-06-06: not yet late.
 * - C6, C7: siblings (group G2), both with I3: not split.
 * - C8: in care since 2019-01-07; I1 until 2024-01-01, no IRO since: still without one.
 * - C9: left care on 3 June itself (in the care history, in no caseload or check); I1.
 * Staff: I1 and I3 (IROs, 1 FTE), I2 (a sessional IRO, 0.02 FTE: 2 children are 100 per FTE),
 * M1 (manager).
 *
 * South reuses C1, C2, I1 and G1: C1 came into care on 2024-05-01 and had I1 the next day; C2 since
 * 2023; both I1, both in G1. Its local policy sets a capacity band of 1 from 2020, so its I1 (2 per
 * FTE) is over capacity — and nothing of it may reach north's checks.
 */
export async function seedComplianceCouncils(db: pg.Pool) {
  await db.query(`
    insert into children.children (tenant_id, id, given_name, family_name, sex, date_of_birth) values
      ('north', 'C1', 'Ada', 'North', '2', '2012-05-01'),
      ('north', 'C2', 'Ben', 'North', '1', '2014-06-15'),
      ('north', 'C3', 'Cal', 'North', '1', '2010-01-01'),
      ('north', 'C4', 'Dot', 'North', '2', '2010-03-01'),
      ('north', 'C5', 'Eli', 'North', '1', '2009-03-31'),
      ('north', 'C6', 'Fay', 'North', '2', '2015-01-01'),
      ('north', 'C7', 'Gus', 'North', '1', '2016-01-01'),
      ('north', 'C8', 'Hal', 'North', '1', '2008-01-01'),
      ('north', 'C9', 'Ivy', 'North', '2', '2007-01-01'),
      ('north', 'C10', 'Jo', 'North', '2', '2011-01-01'),
      ('south', 'C1', 'Kit', 'South', '1', '2011-01-01'),
      ('south', 'C2', 'Lou', 'South', '2', '2009-01-01');
    insert into children.episodes (tenant_id, child_id, start_date, reason_new_episode, legal_status, placement, end_date, reason_ended) values
      ('north', 'C1', '2020-01-06', 'S', 'C2', 'U4', null, null),
      ('north', 'C2', '2024-03-04', 'S', 'C2', 'U4', null, null),
      ('north', 'C3', '2024-05-20', 'S', 'V2', 'U1', null, null),
      ('north', 'C4', '2023-01-02', 'S', 'V4', 'U6', null, null),
      ('north', 'C5', '2024-05-30', 'S', 'C1', 'U4', null, null),
      ('north', 'C6', '2018-01-01', 'S', 'C2', 'U4', null, null),
      ('north', 'C7', '2018-01-01', 'S', 'C2', 'U4', null, null),
      ('north', 'C8', '2019-01-07', 'S', 'C2', 'K2', null, null),
      ('north', 'C9', '2021-01-04', 'S', 'C2', 'U4', '2024-06-03', 'E11'),
      ('south', 'C1', '2024-05-01', 'S', 'C2', 'U4', null, null),
      ('south', 'C2', '2023-01-02', 'S', 'C2', 'U4', null, null);
    insert into children.staff (tenant_id, id, name, role, fte, start_date) values
      ('north', 'I1', 'Nadia Reviewer', 'iro', 1, '2015-01-01'),
      ('north', 'I2', 'Omar Reviewer', 'iro', 0.02, '2018-01-01'),
      ('north', 'I3', 'Rita Reviewer', 'iro', 1, '2010-01-01'),
      ('north', 'M1', 'Priya Manager', 'manager', 1, '2010-01-01'),
      ('south', 'I1', 'Sam Reviewer', 'iro', 1, '2016-01-01');
    insert into children.allocations (tenant_id, child_id, iro_id, start_date, end_date) values
      ('north', 'C1', 'I1', '2020-01-07', null),
      ('north', 'C2', 'I2', '2024-03-15', null),
      ('north', 'C4', 'I2', '2023-01-03', null),
      ('north', 'C6', 'I3', '2018-01-02', null),
      ('north', 'C7', 'I3', '2018-01-02', null),
      ('north', 'C8', 'I1', '2019-01-08', '2024-01-01'),
      ('north', 'C9', 'I1', '2021-01-05', null),
      ('south', 'C1', 'I1', '2024-05-02', null),
      ('south', 'C2', 'I1', '2023-01-03', null);
    insert into children.sibling_groups (tenant_id, group_id, child_id) values
      ('north', 'G1', 'C1'), ('north', 'G1', 'C2'),
      ('north', 'G2', 'C6'), ('north', 'G2', 'C7'),
      ('south', 'G1', 'C1'), ('south', 'G1', 'C2');
    insert into children.local_policy (tenant_id, key, effective, value) values
      ('south', 'capacity_band', '2020-01-01', '1');
  `);
}

/** A stored item as the nightly run writes it (its IRO filled in). */
const item = (
  childId: string | null,
  reference: string,
  what: string,
  iroId: string | null,
  dueDate: string | null = null,
  daysOverdue: number | null = null,
) => ({ childId, reference, what, dueDate, daysOverdue, iroId });

export const STORED_NORTH = {
  caseload_over_capacity: [item(null, 'I2', '2 children, 0.02 FTE: 100 per FTE, band 70', 'I2')],
  iro_allocation_late: [
    item('C2', '2024-03-04', 'IRO allocated late', 'I2', '2024-03-11', 83),
    item('C3', '2024-05-20', 'No IRO allocated', null, '2024-05-28', 5),
  ],
  sibling_group_split: [item('C1', 'G1', 'Siblings with 2 IROs: C1 (I1), C2 (I2)', 'I1')],
};

/** Nights of stored checks: north on 1 and 2 June, south on 2 June only (with an item of its own). */
export async function seedStoredChecks(db: pg.Pool) {
  const row = (tenant: string, date: string, check: string, items: unknown[]) =>
    db.query(
      `insert into children.compliance_snapshots (tenant_id, snapshot_date, "check", count, items) values ($1, $2, $3, $4, $5)`,
      [tenant, date, check, items.length, JSON.stringify(items)],
    );
  for (const [check, items] of Object.entries(STORED_NORTH)) await row('north', '2024-06-02', check, items);
  await row('north', '2024-06-01', 'caseload_over_capacity', []);
  await row('south', '2024-06-02', 'caseload_over_capacity', [
    item(null, 'I1', '2 children, 1.0 FTE: 2 per FTE, band 1', 'I1'),
  ]);
  // A check this service does not own is never shown as one of its own.
  await row('north', '2024-06-02', 'review_overdue', [item('C1', 'x', 'not ours', 'I1')]);
}

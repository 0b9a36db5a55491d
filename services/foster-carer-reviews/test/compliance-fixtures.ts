import type pg from 'pg';

/**
 * Two councils on Monday 11 March 2024 that share the HOUSEHOLD reference H1, worked out by hand
 * from statutory-rules §11 and §14 (first review 12 months after approval, then 12 months after
 * the last review held; overdue once the due date has passed while still approved):
 *
 * North
 *   H1  approved 2023-03-10, no review, FCRO R1         → due 2024-03-10, 1 day overdue
 *   H2  approved 2020-01-15, reviews to 2023-01-31, R2  → due 2024-01-31, 40 days overdue
 *   H3  approved 2023-03-11                             → due 2024-03-11, the date itself: in time
 *   H4  approved 2020-06-01, ended 2023-12-31           → no longer approved: nothing
 *   H5  approved 2022-05-01, reviewed 2023-04-30        → due 2024-04-30: not yet
 *   H6  approved 2023-01-20, reviewed 2024-03-15 (after the date), no FCRO → due 2024-01-20, 51 days
 *   H7  approved 2022-01-01, ending 2024-03-20, no review, R1 → due 2023-01-01, 435 days
 * South
 *   H1  approved 2023-06-01                             → due 2024-06-01: not yet
 *   S2  approved 2022-12-01, R1                         → due 2023-12-01, 101 days overdue
 */
export async function seedCompliance(db: pg.Pool) {
  await db.query(`
    insert into foster_carer_reviews.households (tenant_id, id, name, type, approved_on, ended_on, fcro_id) values
      ('north', 'H1', 'Ash', 'mainstream', '2023-03-10', null, 'R1'),
      ('north', 'H2', 'Birch', 'connected_person', '2020-01-15', null, 'R2'),
      ('north', 'H3', 'Cedar', 'mainstream', '2023-03-11', null, 'R1'),
      ('north', 'H4', 'Damson', 'mainstream', '2020-06-01', '2023-12-31', 'R1'),
      ('north', 'H5', 'Elm', 'mainstream', '2022-05-01', null, 'R2'),
      ('north', 'H6', 'Fir', 'mainstream', '2023-01-20', null, null),
      ('north', 'H7', 'Gean', 'mainstream', '2022-01-01', '2024-03-20', 'R1'),
      ('south', 'H1', 'Holly', 'mainstream', '2023-06-01', null, 'R1'),
      ('south', 'S2', 'Ivy', 'connected_person', '2022-12-01', null, 'R1');
    insert into foster_carer_reviews.reviews (tenant_id, household_id, review_date, outcome, fcro_id) values
      ('north', 'H2', '2021-01-10', 'continued', 'R2'),
      ('north', 'H2', '2022-01-05', 'continued', 'R2'),
      ('north', 'H2', '2023-01-31', 'terms_changed', 'R2'),
      ('north', 'H5', '2023-04-30', 'continued', 'R2'),
      ('north', 'H6', '2024-03-15', 'continued', null);
  `);
}

type ApiItem = {
  child: null;
  reference: string;
  what: string;
  dueDate: string | null;
  daysOverdue: number | null;
  iroId: string | null;
};

/** What the nightly run stored on 10 March 2024. */
export const storedItems: { north: ApiItem[]; south: ApiItem[] } = {
  north: [
    {
      child: null,
      reference: 'H2',
      what: 'Foster carer review due 2024-01-31 (last review 2023-01-31)',
      dueDate: '2024-01-31',
      daysOverdue: 39,
      iroId: 'R2',
    },
    {
      child: null,
      reference: 'H7',
      what: 'Foster carer review due 2023-01-01 (approved 2022-01-01)',
      dueDate: '2023-01-01',
      daysOverdue: 434,
      iroId: 'R1',
    },
  ],
  south: [
    {
      child: null,
      reference: 'S2',
      what: 'Foster carer review due 2023-12-01 (approved 2022-12-01)',
      dueDate: '2023-12-01',
      daysOverdue: 100,
      iroId: 'R1',
    },
  ],
};

export async function seedSnapshots(db: pg.Pool) {
  const stored = (items: ApiItem[]) =>
    JSON.stringify(items.map(({ child, ...rest }) => ({ childId: child, ...rest })));
  await db.query(
    `insert into foster_carer_reviews.compliance_snapshots (tenant_id, snapshot_date, "check", count, items) values
      ('north', '2024-03-10', 'foster_carer_review_overdue', 2, $1),
      ('north', '2024-03-10', 'secure_without_advocate', 0, '[]'),
      ('south', '2024-03-10', 'foster_carer_review_overdue', 1, $2)`,
    [stored(storedItems.north), stored(storedItems.south)],
  );
}

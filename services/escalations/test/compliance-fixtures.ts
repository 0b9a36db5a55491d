import type pg from 'pg';

/**
 * Two councils for the compliance checks on Monday 11 March 2024, sharing escalation (E1) and
 * child (C1) references, worked out by hand from statutory-rules §9 and §1:
 *
 * North works with the default stages (formal stages 5 + 5 + 10 = 20 working days: no warning).
 *   E1 C1 I1   raised Fri 2024-03-01 at stage1: 5 working days → due Fri 03-08, 3 days overdue
 *   E2 C2 I2   raised 2024-02-01 informal, escalated Mon 02-05 to stage2: due Mon 02-12, 28 overdue
 *   E3 C3 I1   raised Tue 2024-03-05 at stage1: due Tue 03-12, not yet due
 *   E4 C4 —    raised 2024-01-10 informal, resolved 01-12: closed
 *   E5 C5 I2   raised 2024-03-12, after the date: not counted
 *   E6 C6 —    raised Tue 2024-02-20 at stage3: 10 working days → due Tue 03-05, 6 overdue, no IRO
 *   E7 C7 I1   raised 2024-03-01 at stage1, resolved 03-20, after the date: open and overdue on
 *              03-11 (3 days); on 2024-03-21 closed
 *
 * South configures First (10, formal) and Second (15, formal): 25 working days, over 20.
 *   E1 C1 I1   raised Fri 2024-03-01 at first: 10 working days → due Fri 03-15, not yet due
 *   S2 C9 I1   raised Tue 2024-01-02 at second: 15 working days → due Tue 01-23, 48 overdue
 */
export async function seedCompliance(db: pg.Pool) {
  await db.query(`
    insert into escalations.stages (tenant_id, key, name, goes_to, responds_within_working_days, formal, position) values
      ('south', 'first', 'First', 'Team manager', 10, true, 1),
      ('south', 'second', 'Second', 'Head of service', 15, true, 2);
    insert into escalations.escalations (tenant_id, id, child_id, iro_id, raised_on, themes) values
      ('north', 'E1', 'C1', 'I1', '2024-03-01', '{drift_delay}'),
      ('north', 'E2', 'C2', 'I2', '2024-02-01', '{placement}'),
      ('north', 'E3', 'C3', 'I1', '2024-03-05', '{health}'),
      ('north', 'E4', 'C4', null, '2024-01-10', '{education}'),
      ('north', 'E5', 'C5', 'I2', '2024-03-12', '{health}'),
      ('north', 'E6', 'C6', null, '2024-02-20', '{placement}'),
      ('north', 'E7', 'C7', 'I1', '2024-03-01', '{placement}'),
      ('south', 'E1', 'C1', 'I1', '2024-03-01', '{health}'),
      ('south', 'S2', 'C9', 'I1', '2024-01-02', '{education}');
    insert into escalations.escalation_events (tenant_id, escalation_id, sequence, event_date, event, stage) values
      ('north', 'E1', 1, '2024-03-01', 'raised', 'stage1'),
      ('north', 'E2', 1, '2024-02-01', 'raised', 'informal'),
      ('north', 'E2', 1, '2024-02-05', 'escalated', 'stage2'),
      ('north', 'E3', 1, '2024-03-05', 'raised', 'stage1'),
      ('north', 'E4', 1, '2024-01-10', 'raised', 'informal'),
      ('north', 'E4', 1, '2024-01-12', 'resolved', 'informal'),
      ('north', 'E5', 1, '2024-03-12', 'raised', 'stage1'),
      ('north', 'E6', 1, '2024-02-20', 'raised', 'stage3'),
      ('north', 'E7', 1, '2024-03-01', 'raised', 'stage1'),
      ('north', 'E7', 1, '2024-03-20', 'resolved', 'stage1'),
      ('south', 'E1', 1, '2024-03-01', 'raised', 'first'),
      ('south', 'S2', 1, '2024-01-02', 'raised', 'second');
  `);
}

/** An item as the API gives it: the child as an entity reference. */
type ApiItem = {
  child: { id: string } | null;
  reference: string;
  what: string;
  dueDate: string | null;
  daysOverdue: number | null;
  iroId: string | null;
};

const item = (fields: Partial<ApiItem> & { reference: string }): ApiItem => ({
  child: null,
  what: '',
  dueDate: null,
  daysOverdue: null,
  iroId: null,
  ...fields,
});

/** The nights the nightly run stored, as SQL would: north 2024-03-10 with items of I1 and I2; south the same night. */
export const storedItems = {
  north: [
    item({
      child: { id: 'C2' },
      reference: 'E2',
      what: 'Stage 2 (Service manager) response due 2024-02-12',
      dueDate: '2024-02-12',
      daysOverdue: 27,
      iroId: 'I2',
    }),
    item({
      child: { id: 'C1' },
      reference: 'E1',
      what: 'Stage 1 (Team manager) response due 2024-03-08',
      dueDate: '2024-03-08',
      daysOverdue: 2,
      iroId: 'I1',
    }),
  ],
  south: [
    item({
      child: { id: 'C9' },
      reference: 'S2',
      what: 'Second (Head of service) response due 2024-01-23',
      dueDate: '2024-01-23',
      daysOverdue: 47,
      iroId: 'I1',
    }),
  ],
};

export async function seedSnapshots(db: pg.Pool) {
  const stored = (items: ApiItem[]) =>
    JSON.stringify(items.map(({ child, ...rest }) => ({ childId: child?.id ?? null, ...rest })));
  await db.query(
    `insert into escalations.compliance_snapshots (tenant_id, snapshot_date, "check", count, items) values
      ('north', '2024-03-10', 'escalation_response_overdue', 2, $1),
      ('north', '2024-03-10', 'escalation_stages_over_20_days', 0, '[]'),
      ('north', '2024-03-10', 'review_overdue', 1, '[{"childId":"C1","reference":"x","what":"not ours","dueDate":null,"daysOverdue":null,"iroId":"I1"}]'),
      ('south', '2024-03-10', 'escalation_response_overdue', 1, $2),
      ('south', '2024-03-10', 'escalation_stages_over_20_days', 1, $3),
      ('north', '2024-03-09', 'escalation_response_overdue', 0, '[]')`,
    [
      stored(storedItems.north),
      stored(storedItems.south),
      stored([item({ reference: 'stages', what: 'over' })]),
    ],
  );
}

import type pg from 'pg';

/**
 * Two councils that deliberately share an ESCALATION reference (E1), a CHILD reference (C1) and an
 * IRO reference (I1). North works with the default stages and has a theme of its own; south has
 * configured stages of its own.
 */
export async function seedTwoCouncils(db: pg.Pool) {
  await db.query(`
    insert into escalations.themes (tenant_id, code, label) values
      ('north', 'court_timescales', 'Court timescales (PLO) not met');
    insert into escalations.stages (tenant_id, key, name, goes_to, responds_within_working_days, formal, position) values
      ('south', 'alert', 'Practice alert', 'Team manager', 3, false, 1),
      ('south', 'stage1', 'Stage 1', 'Service manager', 5, true, 2),
      ('south', 'stage2', 'Stage 2', 'Head of service', 10, true, 3);
    insert into escalations.escalations (tenant_id, id, child_id, iro_id, raised_on, themes) values
      ('north', 'E1', 'C1', 'I1', '2024-03-04', '{drift_delay,care_plan_quality}'),
      ('north', 'E2', 'C2', 'I2', '2024-02-01', '{placement}'),
      ('south', 'E1', 'C1', 'I1', '2023-11-01', '{education}'),
      ('south', 'S2', 'C9', 'I1', '2024-01-15', '{health}');
    insert into escalations.escalation_events (tenant_id, escalation_id, sequence, event_date, event, stage, note) values
      ('north', 'E1', 1, '2024-03-04', 'raised', 'informal', 'Care plan not updated since the last review'),
      ('north', 'E2', 1, '2024-02-01', 'raised', 'informal', null),
      ('north', 'E2', 1, '2024-02-08', 'escalated', 'stage1', null),
      ('north', 'E2', 1, '2024-02-12', 'resolved', 'stage1', 'Placement plan agreed'),
      ('south', 'E1', 1, '2023-11-01', 'raised', 'stage1', null),
      ('south', 'E1', 1, '2023-11-20', 'referred_to_cafcass', 'stage1', null),
      ('south', 'S2', 1, '2024-01-15', 'raised', 'alert', null);
  `);
}

import type pg from 'pg';

/**
 * Two councils that deliberately share references: CHILD C1, IRO I1, household and escalation
 * ids differ only by council. Written as a superuser, straight into each service's own tables.
 */
export async function seedTwoCouncils(db: pg.Pool) {
  await db.query(`
    insert into children.children (tenant_id, id, given_name, family_name, sex, date_of_birth, ethnicity) values
      ('north', 'C1', 'Ada', 'North', 'F', '2012-05-01', 'WBRI'),
      ('north', 'C2', 'Ben', 'North', 'M', '2019-02-10', 'BAFR'),
      ('south', 'C1', 'Cleo', 'South', 'F', '2010-09-09', 'MWBC'),
      ('south', 'S9', 'Dev', 'South', 'M', '2015-01-20', 'AIND');
    insert into children.episodes (tenant_id, child_id, start_date, reason_new_episode, legal_status, placement, end_date, reason_ended) values
      ('north', 'C1', '2023-01-10', 'S', 'C2', 'U1', null, null),
      ('north', 'C2', '2022-03-01', 'S', 'C2', 'U3', null, null),
      ('south', 'C1', '2021-06-01', 'S', 'C2', 'K2', null, null),
      ('south', 'S9', '2024-01-05', 'S', 'V2', 'U1', null, null);
    insert into children.staff (tenant_id, id, name, role, fte, start_date) values
      ('north', 'I1', 'Nadia Reviewer', 'iro', 1, '2015-01-01'),
      ('north', 'I2', 'Omar Reviewer', 'iro', 0.5, '2018-01-01'),
      ('north', 'F1', 'Fran Fostering', 'fcro', 1, '2018-01-01'),
      ('south', 'I1', 'Sam Reviewer', 'iro', 1, '2016-01-01');
    insert into children.allocations (tenant_id, child_id, iro_id, start_date, end_date) values
      ('north', 'C1', 'I1', '2023-01-11', null),
      ('north', 'C2', 'I2', '2022-03-02', null),
      ('south', 'C1', 'I1', '2021-06-02', null),
      ('south', 'S9', 'I1', '2024-01-06', null);
    insert into reviews.reviews (tenant_id, child_id, review_date, sequence, participation, iro_id) values
      ('north', 'C1', '2023-02-01', 1, 'PN1', 'I1'),
      ('north', 'C2', '2022-03-20', 1, 'PN0', 'I2'),
      ('south', 'S9', '2024-01-30', 1, 'PN3', 'I1');
    insert into escalations.escalations (tenant_id, id, child_id, iro_id, raised_on, themes) values
      ('north', 'E1', 'C1', 'I1', '2023-06-01', '{drift_delay}'),
      ('south', 'ES', 'S9', 'I1', '2024-03-01', '{care_plan_quality}');
    insert into escalations.escalation_events (tenant_id, escalation_id, sequence, event_date, event, stage) values
      ('north', 'E1', 1, '2023-06-01', 'raised', 'informal'),
      ('south', 'ES', 1, '2024-03-01', 'raised', 'informal');
    insert into advocacy.providers (id, name) values ('voice', 'Voice Advocacy') on conflict do nothing;
    insert into advocacy.commissions (tenant_id, provider_id, from_date) values
      ('north', 'voice', '2020-01-01'), ('south', 'voice', '2020-01-01');
    insert into advocacy.involvements (tenant_id, id, child_id, provider_id, referral_date, source, reasons) values
      ('north', 'A1', 'C1', 'voice', '2023-03-01', 'self', '{care_plan}'),
      ('south', 'A1', 'S9', 'voice', '2024-02-01', 'iro', '{placement}');
    insert into foster_carer_reviews.households (tenant_id, id, name, type, approved_on, fcro_id) values
      ('north', 'HN', 'The Ash household', 'mainstream', '2022-05-01', 'F1'),
      ('south', 'HS', 'The Birch household', 'connected_person', '2023-01-15', null);
  `);
}

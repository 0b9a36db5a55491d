import { snapshotTables } from '@footprint/testing';
import type pg from 'pg';

/**
 * Two councils that deliberately share CHILD and INVOLVEMENT references, and providers:
 * `voice` is commissioned by both, `speakup` and the suspended `gone` by north only, `later` by
 * south only from a date still to come, and `nyas` by neither.
 */
export async function seedTwoCouncils(db: pg.Pool) {
  await db.query(`
    insert into advocacy.providers (id, name, suspended) values
      ('voice', 'Voice Advocacy', false),
      ('speakup', 'SpeakUp', false),
      ('gone', 'Gone Advocacy', true),
      ('later', 'Later Advocacy', false),
      ('nyas', 'NYAS', false);
    insert into advocacy.commissions (tenant_id, provider_id, from_date) values
      ('north', 'voice', '2020-01-01'),
      ('north', 'speakup', '2020-01-01'),
      ('north', 'gone', '2020-01-01'),
      ('south', 'voice', '2021-01-01'),
      ('south', 'later', '2999-01-01');
    insert into advocacy.involvements
      (tenant_id, id, child_id, provider_id, referral_date, source, reasons, start_date, end_date, outcome) values
      ('north', 'INV1', 'C1', 'voice', '2023-04-10', 'iro', '{review_participation}', '2023-04-12', null, null),
      ('north', 'INV2', 'C1', 'speakup', '2023-06-01', 'self', '{placement,contact}', '2023-06-05', '2023-07-01', 'Moved placement'),
      ('north', 'INV3', 'C2', 'voice', '2024-01-15', 'social_worker', '{secure_accommodation}', null, null, null),
      ('south', 'INV1', 'C1', 'voice', '2022-05-05', 'carer', '{complaint}', '2022-05-06', null, null),
      ('south', 'INV9', 'S9', 'voice', '2023-09-01', 'self', '{care_plan}', null, null, null);
    insert into advocacy.independent_visitors (tenant_id, child_id, start_date, end_date) values
      ('north', 'C1', '2022-01-01', null),
      ('north', 'C2', '2020-01-01', '2021-01-01'),
      ('south', 'C1', '2023-03-03', null);
  `);
}

export const tables = [
  'providers',
  'commissions',
  'involvements',
  'independent_visitors',
  'audit_events',
  'compliance_snapshots',
] as const;

/** Every row of the advocacy schema but recorded reads, to prove a refused change changed (and audited) nothing. */
export async function snapshot(db: pg.Pool) {
  const result = await snapshotTables(
    db,
    'advocacy',
    tables.filter((t) => t !== 'audit_events'),
  );
  result.changes = (
    await db.query(`select * from advocacy.audit_events where action <> 'read' order by at, id`)
  ).rows;
  return result;
}

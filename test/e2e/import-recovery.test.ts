import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@footprint/db';
import { createTenant } from '@footprint/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticCouncil } from '../../scripts/bench/synthetic-council.ts';
import { footprint } from '../support/footprint-command.ts';
import { type System, startSystem } from '../support/system.ts';
import { startWorkerProcess } from '../support/worker-process.ts';

let system: System;
let env: Record<string, string>;
let files: string;

beforeAll(async () => {
  system = await startSystem();
  const identity = connect(system.database.urlFor('identity'), { max: 1 });
  for (const slug of ['crashed', 'clean']) await createTenant(identity.db, { slug, name: slug });
  await identity.close();
  files = await mkdtemp(join(tmpdir(), 'footprint-synthetic-'));
  await writeSyntheticCouncil(files, { children: 1_200 });
  env = {
    FOOTPRINT_QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}`,
    FOOTPRINT_IMPORTS_DIR: await mkdtemp(join(tmpdir(), 'footprint-staging-')),
    // A dead worker's import is taken over once its lock lapses: quickly, for the test.
    IMPORT_LOCK_MS: '2000',
  };
});

afterAll(async () => {
  await system?.stop();
});

/** A council's rows in every service, keyed without the council: what "the same import" means. */
async function councilRows(tenant: string) {
  const { rows: tables } = await system.database.superuser.query(
    `select table_schema, table_name from information_schema.columns
     where column_name = 'tenant_id' and table_schema in ('children','reviews','escalations','advocacy','foster_carer_reviews')
       and table_name not in ('audit_events', 'import_runs') order by 1, 2`,
  );
  const data: Record<string, unknown[]> = {};
  for (const { table_schema, table_name } of tables) {
    const { rows } = await system.database.superuser.query(
      `select * from ${table_schema}."${table_name}" t where tenant_id = $1 order by t::text`,
      [tenant],
    );
    data[`${table_schema}.${table_name}`] = rows.map(
      ({ tenant_id: _t, updated_at: _u, created_at: _c, ...row }) => row,
    );
  }
  return data;
}

const importRun = async (tenant: string) =>
  (
    await system.database.superuser.query(
      'select status, attempts, services_written from children.import_runs where tenant_id = $1',
      [tenant],
    )
  ).rows[0];

describe('a worker killed half-way through an import', () => {
  it('leaves the import to be finished once by another worker, with what one clean run writes', async () => {
    const first = await startWorkerProcess(system, env);
    const command = footprint(system, ['import', '--tenant', 'crashed', files], env);

    // Kill the worker once a service's part is written and the next is under way.
    for (let i = 0; i < 600; i++) {
      const run = await importRun('crashed');
      if (run?.status === 'writing' && run.services_written.includes('children')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await first.kill();
    expect(await importRun('crashed')).toMatchObject({ status: 'writing', attempts: 1 });

    const second = await startWorkerProcess(system, env);
    const result = await command;
    expect(result.stderr).not.toContain('Error');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('episodes: ');
    expect(await importRun('crashed')).toMatchObject({ status: 'completed', attempts: 2 });

    const clean = await footprint(system, ['import', '--tenant', 'clean', files], env);
    expect(clean.code).toBe(0);
    await second.stop();

    const [crashed, cleanRows] = await Promise.all([councilRows('crashed'), councilRows('clean')]);
    expect(Object.keys(crashed).length).toBeGreaterThan(10);
    expect(crashed['children.episodes']?.length).toBeGreaterThan(3_000);
    expect(crashed).toEqual(cleanRows);
  });
});

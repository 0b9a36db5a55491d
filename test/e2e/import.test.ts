import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@footprint/db';
import { createTenant } from '@footprint/identity';
import { graphql } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { footprint } from '../support/footprint-command.ts';
import { startImportWorker } from '../support/import-worker.ts';
import { type System, startSystem } from '../support/system.ts';

const exampleshire = new URL('../../../shared/spec/examples/exampleshire/files/', import.meta.url).pathname;

let system: System;
let worker: ReturnType<typeof startImportWorker>;
let env: Record<string, string>;

beforeAll(async () => {
  system = await startSystem();
  worker = startImportWorker(system);
  const identity = connect(system.database.urlFor('identity'), { max: 1 });
  for (const slug of ['north', 'south', 'roundtrip'])
    await createTenant(identity.db, { slug, name: `${slug} council` });
  await identity.close();
  env = {
    FOOTPRINT_QUEUE_PREFIX: worker.prefix,
    FOOTPRINT_IMPORTS_DIR: await mkdtemp(join(tmpdir(), 'footprint-staging-')),
  };
});

afterAll(async () => {
  await worker?.stop();
  await system?.stop();
});

/** Every row a council holds in every service, timestamps aside: what "the same data" means. */
async function councilData(tenant: string) {
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
    data[`${table_schema}.${table_name}`] = rows.map(({ updated_at: _u, created_at: _c, ...row }) => row);
  }
  return data;
}

async function folder(files: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'footprint-import-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe('footprint import', () => {
  it('imports Exampleshire through the worker and reports rows per file', async () => {
    const result = await footprint(system, ['import', '--tenant', 'north', exampleshire], env);
    expect(result.stderr).toContain('warning: reviews.csv:1324: REVIEW:');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('header: 357 rows');
    expect(result.stdout).toContain('episodes: 1241 rows');
    expect(result.stdout).toContain('reviews: 2534 rows');
    expect(result.stdout).toContain('foster_reviews: 330 rows');
  });

  it('shows the council’s children through the gateway, and the import in its history', async () => {
    const token = await system.keys.tokenFor({ tenant: 'north', roles: ['manager'] });
    const result = await graphql<{
      children: unknown[];
      importRuns: { status: string; servicesWritten: string[] }[];
    }>(system.gatewayUrl, '{ children { id } importRuns { status servicesWritten } }', { token });
    expect(result.data?.children).toHaveLength(357);
    expect(result.data?.importRuns[0]).toEqual({
      status: 'completed',
      servicesWritten: ['children', 'reviews', 'escalations', 'advocacy', 'foster-carer-reviews'],
    });
  });

  it('leaves exactly the same data when the same files are imported again', async () => {
    const before = await councilData('north');
    const again = await footprint(system, ['import', '--tenant', 'north', exampleshire], env);
    expect(again.code).toBe(0);
    expect(await councilData('north')).toEqual(before);
  });

  it('keeps two councils’ imports of the same CHILD references apart', async () => {
    const dir = await folder({ 'header.csv': 'CHILD,SEX,DOB,ETHNIC\n578178,2,03/03/2015,AIND\n' });
    expect((await footprint(system, ['import', '--tenant', 'south', dir], env)).code).toBe(0);
    const query = '{ child(id: "578178") { dateOfBirth ethnicity } }';
    const south = await graphql(system.gatewayUrl, query, {
      token: await system.keys.tokenFor({ tenant: 'south', roles: ['manager'] }),
    });
    expect(south.data).toEqual({ child: { dateOfBirth: '2015-03-03', ethnicity: 'AIND' } });
    const north = await graphql<{ child: { ethnicity: string } }>(system.gatewayUrl, query, {
      token: await system.keys.tokenFor({ tenant: 'north', roles: ['manager'] }),
    });
    expect(north.data?.child?.ethnicity).not.toBe('AIND');
  });
});

describe('footprint import of a bad set', () => {
  const bad = {
    'Header.CSV': 'CHILD,SEX,DOB,ETHNIC\r\nB1,7,31/02/2010,WBRI\r\nB2,1,01/01/2011,NOPE\r\n',
    episodes:
      'CHILD,DECOM,RNE,LS,PLACE,DEC,REC\nB1,01/01/2020,S,C2,U1,01/01/2019,E11\nZZ,01/01/2020,S,C2,U1,,\n',
  };

  it('prints every problem as file:row: COLUMN: message, exits 1 and writes nothing', async () => {
    const before = await councilData('north');
    const result = await footprint(system, ['import', '--tenant', 'north', await folder(bad)], env);
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([
      'Header.CSV:2: SEX: unknown sex code 7',
      'Header.CSV:2: DOB: not a valid date: 31/02/2010 (write dd/mm/yyyy or yyyy-mm-dd)',
      'Header.CSV:3: ETHNIC: unknown ethnicity code NOPE',
      'episodes:2: DEC: DEC 01/01/2019 is before DECOM 01/01/2020',
      'episodes:3: CHILD: child ZZ is not in the header file',
    ]);
    expect(await councilData('north')).toEqual(before);
  });

  it('gives the same problems as a JSON array with --format json', async () => {
    const result = await footprint(
      system,
      ['import', '--tenant', 'north', '--format', 'json', await folder(bad)],
      env,
    );
    expect(result.code).toBe(1);
    const problems = JSON.parse(result.stdout);
    expect(problems).toHaveLength(5);
    expect(problems[0]).toEqual({
      file: 'Header.CSV',
      row: 2,
      column: 'SEX',
      value: '7',
      rule: expect.any(String),
      message: 'unknown sex code 7',
    });
  });

  it('refuses an unknown council and a missing folder', async () => {
    expect((await footprint(system, ['import', '--tenant', 'nowhere', exampleshire], env)).code).toBe(1);
    const missing = await footprint(system, ['import', '--tenant', 'north', '/no/such/folder'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('is not a folder');
  });
});

describe('footprint export --format 903', () => {
  const files = ['header', 'episodes', 'reviews', 'uasc', 'missing'];

  it('writes a year’s return that imports into an empty council and exports the same again', async () => {
    const first = await mkdtemp(join(tmpdir(), 'footprint-export-'));
    const exported = await footprint(
      system,
      ['export', '--tenant', 'north', '--year', '2022', '--format', '903', first],
      env,
    );
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^episodes: \d+ rows$/m);

    const imported = await footprint(system, ['import', '--tenant', 'roundtrip', first], env);
    expect(imported.code).toBe(0);

    const second = await mkdtemp(join(tmpdir(), 'footprint-export-'));
    expect(
      (
        await footprint(
          system,
          ['export', '--tenant', 'roundtrip', '--year', '2022', '--format', '903', second],
          env,
        )
      ).code,
    ).toBe(0);
    for (const file of files) {
      const [a, b] = await Promise.all([
        readFile(join(first, `${file}.csv`), 'utf8'),
        readFile(join(second, `${file}.csv`), 'utf8'),
      ]);
      expect(b, file).toBe(a);
    }
    expect((await readFile(join(first, 'episodes.csv'), 'utf8')).split('\n').length).toBeGreaterThan(100);
  });

  it('refuses a format other than 903', async () => {
    const result = await footprint(
      system,
      ['export', '--tenant', 'north', '--year', '2022', '--format', 'xml', tmpdir()],
      env,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--format 903');
  });
});

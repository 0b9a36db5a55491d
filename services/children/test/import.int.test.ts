import { join } from 'node:path';
import { type Connection, withTenant } from '@footprint/db';
import { findFiles } from '@footprint/exchange';
import { createImportDatabase, importFolder, type TestDatabase } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { children as childrenTable } from '../src/db/tables.ts';
import { service as children, importPart } from '../src/index.ts';

const exampleshire = new URL('../../../../shared/spec/examples/exampleshire/files/', import.meta.url)
  .pathname;

let database: TestDatabase;
let connection: Connection;

beforeAll(async () => {
  ({ database, connection } = await createImportDatabase(children));
});

afterAll(async () => {
  await connection?.close();
  await database?.drop();
});

async function importInto(tenant: string, dir: string) {
  const set = await findFiles(dir);
  let rows = 0;
  const counts = await withTenant(connection.db, tenant, (tx) =>
    importPart.write(tx, { tenant, set, onRows: (n) => (rows += n) }),
  );
  return { counts, rows };
}

const folder = (files: Record<string, string>) => importFolder(files);

const snapshot = async (tenant: string) => {
  const tables = ['children', 'episodes', 'staff', 'allocations', 'uasc', 'missing_spells'];
  const result: Record<string, unknown[]> = {};
  for (const table of tables) {
    result[table] = (
      await database.superuser.query(
        `select * from children.${table} where tenant_id = $1 order by 1, 2, 3`,
        [tenant],
      )
    ).rows.map(({ updated_at: _, ...row }) => row);
  }
  return result;
};

const lines = (file: string) =>
  import('node:fs').then(
    (fs) => fs.readFileSync(join(exampleshire, file), 'utf8').trim().split('\n').length - 1,
  );

describe('importing Exampleshire', () => {
  it('writes every row of the children service’s files', async () => {
    const { counts, rows } = await importInto('exampleshire', exampleshire);
    expect(counts).toEqual({
      header: await lines('header.csv'),
      iros: await lines('iros.csv'),
      episodes: await lines('episodes.csv'),
      uasc: await lines('uasc.csv'),
      missing: await lines('missing.csv'),
      allocations: await lines('allocations.csv'),
    });
    expect(rows).toBe(Object.values(counts).reduce((a, b) => a + (b ?? 0), 0));
    const { rows: stored } = await database.superuser.query(
      `select (select count(*) from children.episodes where tenant_id = 'exampleshire')::int as episodes,
              (select count(*) from children.children where tenant_id = 'exampleshire')::int as children`,
    );
    expect(stored[0]).toEqual({ episodes: counts.episodes, children: counts.header });
  });

  it('leaves the same data when the same files are imported again', async () => {
    const before = await snapshot('exampleshire');
    await importInto('exampleshire', exampleshire);
    expect(await snapshot('exampleshire')).toEqual(before);
  });
});

describe('a later year on top of an earlier one', () => {
  const header = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nK1,1,01/02/2010,WBRI,,,\n';
  const episodes =
    'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n';

  it('updates the episode open at 31 March and adds the new one, without duplicates', async () => {
    await importInto(
      'later',
      await folder({
        'header.csv': header,
        'episodes.csv': `${episodes}K1,01/06/2022,S,C2,N1,U1,PR1,,,,AB1 2,AB1 3,SC1\n`,
      }),
    );
    await importInto(
      'later',
      await folder({
        'header.csv': header,
        'episodes.csv': `${episodes}K1,01/06/2022,S,C2,N1,U1,PR1,10/05/2023,X1,CARPL,AB1 2,AB1 3,SC1\nK1,10/05/2023,P,C2,N1,U4,PR1,,,,AB1 2,AB2 1,SC2\n`,
      }),
    );
    const { rows } = await database.superuser.query(
      `select start_date, end_date, reason_ended, placement from children.episodes where tenant_id = 'later' order by start_date`,
    );
    expect(rows).toEqual([
      { start_date: '2022-06-01', end_date: '2023-05-10', reason_ended: 'X1', placement: 'U1' },
      { start_date: '2023-05-10', end_date: null, reason_ended: null, placement: 'U4' },
    ]);
  });

  it('keeps a name recorded in Footprint, which the 903 does not carry', async () => {
    await database.superuser.query(
      `update children.children set given_name = 'Kit' where tenant_id = 'later' and id = 'K1'`,
    );
    await importInto('later', await folder({ 'header.csv': header }));
    const { rows } = await database.superuser.query(
      `select given_name from children.children where tenant_id = 'later'`,
    );
    expect(rows).toEqual([{ given_name: 'Kit' }]);
  });
});

describe('two councils', () => {
  it('keep the same CHILD reference as two children, neither visible from the other', async () => {
    const dir = await folder({ 'header.csv': 'CHILD,SEX,DOB,ETHNIC\nSAME,2,03/03/2015,WBRI\n' });
    await importInto('north', dir);
    await importInto(
      'south',
      await folder({ 'header.csv': 'CHILD,SEX,DOB,ETHNIC\nSAME,1,04/04/2016,AIND\n' }),
    );
    const seen = await withTenant(connection.db, 'north', (tx) =>
      tx.select({ id: childrenTable.id, dateOfBirth: childrenTable.dateOfBirth }).from(childrenTable),
    );
    expect(seen).toEqual([{ id: 'SAME', dateOfBirth: '2015-03-03' }]);
  });
});

describe('a failure while writing', () => {
  it('rolls the whole part back', async () => {
    const dir = await folder({
      'header.csv': 'CHILD,SEX,DOB,ETHNIC\nR1,1,01/01/2012,WBRI\n',
      'iros.csv': 'IRO,NAME,ROLE,FTE,EMPLOYMENT,START,END\nI9,Ivy,iro,1,permanent,01/01/2020,\n',
    });
    const set = await findFiles(dir);
    await expect(
      withTenant(connection.db, 'rollback', async (tx) => {
        await importPart.write(tx, { tenant: 'rollback', set, onRows: () => {} });
        throw new Error('the worker died after writing');
      }),
    ).rejects.toThrow(/worker died/);
    const { rows } = await database.superuser.query(
      `select (select count(*) from children.children where tenant_id = 'rollback')::int +
              (select count(*) from children.staff where tenant_id = 'rollback')::int as n`,
    );
    expect(rows[0].n).toBe(0);
  });
});

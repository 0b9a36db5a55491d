import { join } from 'node:path';
import { type Connection, withTenant } from '@footprint/db';
import { findFiles } from '@footprint/exchange';
import { createImportDatabase, importFolder, rowSecurityOf, type TestDatabase } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  children as childrenTable,
  comparators,
  healthOutcomes,
  localPolicy,
  population,
  postcodeSectors,
} from '../src/db/tables.ts';
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

async function importInto(tenant: string, dir: string, year?: number) {
  const set = await findFiles(dir);
  let rows = 0;
  const counts = await withTenant(connection.db, tenant, (tx) =>
    importPart.write(tx, { tenant, set, year, onRows: (n) => (rows += n) }),
  );
  return { counts, rows };
}

const folder = (files: Record<string, string>) => importFolder(files);

const snapshot = async (tenant: string) => {
  const tables = [
    'children',
    'episodes',
    'staff',
    'allocations',
    'uasc',
    'missing_spells',
    'health_outcomes',
    'postcode_sectors',
    'population',
    'comparators',
    'local_policy',
  ];
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
      oc2: await lines('oc2.csv'),
      postcode_sectors: await lines('postcode_sectors.csv'),
      population: await lines('population.csv'),
      comparators: await lines('comparators.csv'),
      local_policy: await lines('local_policy.csv'),
    });
    expect(rows).toBe(Object.values(counts).reduce((a, b) => a + (b ?? 0), 0));
    const { rows: stored } = await database.superuser.query(
      `select (select count(*) from children.episodes where tenant_id = 'exampleshire')::int as episodes,
              (select count(*) from children.children where tenant_id = 'exampleshire')::int as children`,
    );
    expect(stored[0]).toEqual({ episodes: counts.episodes, children: counts.header });
  });

  it('stores the further tables as the files give them', async () => {
    const q = async (sql: string) =>
      (await database.superuser.query(sql.replace(/\$T/g, "'exampleshire'"))).rows;
    expect(
      await q(
        `select year, count(*)::int as n from children.health_outcomes where tenant_id = $T group by year order by year`,
      ),
    ).toEqual([
      { year: 2021, n: 86 },
      { year: 2022, n: 79 },
      { year: 2023, n: 82 },
    ]);
    // 104017,19/06/2018,,SDQ1,,1,1,1,1,,,,2021 and 136692,23/06/2009,19,,0,,0,1,1,0,,,2021
    expect(
      await q(
        `select * from children.health_outcomes where tenant_id = $T and year = 2021 and child_id in ('104017', '136692') order by child_id`,
      ),
    ).toEqual([
      {
        tenant_id: 'exampleshire',
        year: 2021,
        child_id: '104017',
        date_of_birth: '2018-06-19',
        sdq_score: null,
        sdq_reason: 'SDQ1',
        convicted: null,
        health_check: true,
        immunisations: true,
        teeth_check: true,
        health_assessment: true,
        substance_misuse: null,
        intervention_received: null,
        intervention_offered: null,
      },
      {
        tenant_id: 'exampleshire',
        year: 2021,
        child_id: '136692',
        date_of_birth: '2009-06-23',
        sdq_score: 19,
        sdq_reason: null,
        convicted: false,
        health_check: null,
        immunisations: false,
        teeth_check: true,
        health_assessment: true,
        substance_misuse: false,
        intervention_received: null,
        intervention_offered: null,
      },
    ]);
    expect(
      await q(
        `select sector, label, latitude, longitude from children.postcode_sectors where tenant_id = $T and sector in ('B151', 'B152') order by sector`,
      ),
    ).toEqual([
      { sector: 'B151', label: 'B15 1', latitude: 52.442, longitude: -1.917 },
      { sector: 'B152', label: 'B15 2', latitude: 52.4465, longitude: -1.9365 },
    ]);
    expect(
      await q(`select year, population from children.population where tenant_id = $T order by year`),
    ).toEqual([
      { year: 2021, population: 17650 },
      { year: 2022, population: 17720 },
      { year: 2023, population: 17800 },
    ]);
    expect(
      await q(
        `select year, area, measure, value, symbol from children.comparators where tenant_id = $T and year = 2022 order by area, measure`,
      ),
    ).toEqual([
      { year: 2022, area: 'England', measure: 'children.ratePer10000', value: 70, symbol: null },
      {
        year: 2022,
        area: 'Statistical neighbours',
        measure: 'children.ratePer10000',
        value: 61.4,
        symbol: null,
      },
      {
        year: 2022,
        area: 'Statistical neighbours',
        measure: 'reviews.onTimePercent',
        value: 88.5,
        symbol: null,
      },
    ]);
    expect(await q(`select key, value, effective from children.local_policy where tenant_id = $T`)).toEqual([
      { key: 'age_bands', value: '0,5,11,16', effective: '2022-04-01' },
    ]);
    // IRO001,Chidi Vance,iro,1,permanent,2011-08-28,,WIRI,2 and IRO006 … ,,2 (no ETHNICITY)
    expect(
      await q(
        `select id, ethnicity, sex from children.staff where tenant_id = $T and id in ('IRO001', 'IRO006') order by id`,
      ),
    ).toEqual([
      { id: 'IRO001', ethnicity: 'WIRI', sex: '2' },
      { id: 'IRO006', ethnicity: null, sex: '2' },
    ]);
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

describe('the further files, imported again', () => {
  const oc2 =
    'CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED';
  const rowsOf = async (tenant: string, table: string) =>
    (
      await database.superuser.query(
        `select * from children.${table} where tenant_id = $1 order by 1, 2, 3`,
        [tenant],
      )
    ).rows;

  it('takes the import’s --year for an oc2 row without YEAR, the row’s own YEAR first', async () => {
    const { counts } = await importInto(
      'oc2year',
      await folder({
        'oc2.csv': `${oc2},YEAR\nA1,01/01/2012,12,,0,,1,1,1,0,,,\nA1,01/01/2012,20,,1,,1,1,1,0,,,2021\n`,
      }),
      2022,
    );
    expect(counts).toEqual({ oc2: 2 });
    const stored = await rowsOf('oc2year', 'health_outcomes');
    expect(stored.map((r) => [r.year, r.child_id, r.sdq_score, r.convicted])).toEqual([
      [2021, 'A1', 20, true],
      [2022, 'A1', 12, false],
    ]);
  });

  it('replaces a child’s row for a year and updates the reference data, without duplicates', async () => {
    const first = await folder({
      'oc2.csv': `${oc2}\nA1,01/01/2012,12,,0,,1,1,1,0,,\n`,
      'postcode_sectors.csv': 'SECTOR,LATITUDE,LONGITUDE\nbr1  3,51.4,0.01\n',
      'population.csv': 'YEAR,POPULATION\n2022,1000\n',
      'comparators.csv': 'YEAR,AREA,MEASURE,VALUE\n2022,England,children.ratePer10000,70\n',
      'local_policy.csv': 'KEY,VALUE,EFFECTIVE\nage_bands,"0,1,5,10,16",2020-04-01\n',
    });
    await importInto('again', first, 2022);
    const later = await folder({
      'oc2.csv': `${oc2}\nA1,01/01/2012,30,,1,,1,1,1,0,,\nA2,02/02/2013,,,,,,,,,,\n`,
      'postcode_sectors.csv': 'SECTOR,LATITUDE,LONGITUDE\nBR1 3,51.5,0.02\n',
      'population.csv': 'YEAR,POPULATION\n2022,1100\n2023,1200\n',
      'comparators.csv': 'YEAR,AREA,MEASURE,VALUE\n2022,England,children.ratePer10000,x\n',
      'local_policy.csv':
        'KEY,VALUE,EFFECTIVE\nAGE_BANDS,"0, 5, 11, 16",2020-04-01\nage_bands,"0,5,10",2023-04-01\n',
    });
    await importInto('again', later, 2022);
    const before = {
      oc2: await rowsOf('again', 'health_outcomes'),
      sectors: await rowsOf('again', 'postcode_sectors'),
      population: await rowsOf('again', 'population'),
      comparators: await rowsOf('again', 'comparators'),
      policy: await rowsOf('again', 'local_policy'),
    };
    expect(before.oc2.map((r) => [r.year, r.child_id, r.sdq_score])).toEqual([
      [2022, 'A1', 30],
      [2022, 'A2', null],
    ]);
    expect(before.sectors).toEqual([
      { tenant_id: 'again', sector: 'BR13', label: 'BR1 3', latitude: 51.5, longitude: 0.02 },
    ]);
    expect(before.population.map((r) => [r.year, r.population])).toEqual([
      [2022, 1100],
      [2023, 1200],
    ]);
    expect(before.comparators.map((r) => [r.year, r.value, r.symbol])).toEqual([[2022, null, 'x']]);
    expect(before.policy.map((r) => [r.key, r.effective, r.value])).toEqual([
      ['age_bands', '2020-04-01', '0, 5, 11, 16'],
      ['age_bands', '2023-04-01', '0,5,10'],
    ]);
    await importInto('again', later, 2022);
    expect({
      oc2: await rowsOf('again', 'health_outcomes'),
      sectors: await rowsOf('again', 'postcode_sectors'),
      population: await rowsOf('again', 'population'),
      comparators: await rowsOf('again', 'comparators'),
      policy: await rowsOf('again', 'local_policy'),
    }).toEqual(before);
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

  it('keep their further tables apart', async () => {
    const files = (n: number) => ({
      'oc2.csv': `CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED,YEAR\nSAME,03/03/2015,${n},,,,,,,,,,2022\n`,
      'postcode_sectors.csv': `SECTOR,LATITUDE,LONGITUDE\nAB1 2,5${n % 10}.1,-1.5\n`,
      'population.csv': `YEAR,POPULATION\n2022,${1000 + n}\n`,
      'comparators.csv': `YEAR,AREA,MEASURE,VALUE\n2022,England,children.ratePer10000,${n}\n`,
      'local_policy.csv': `KEY,VALUE,EFFECTIVE\nage_bands,"0,${n}",2022-04-01\n`,
    });
    await importInto('north', await folder(files(3)));
    await importInto('south', await folder(files(7)));
    const seen = (tenant: string) =>
      withTenant(connection.db, tenant, async (tx) => ({
        sdq: (await tx.select().from(healthOutcomes)).map((r) => r.sdqScore),
        population: (await tx.select().from(population)).map((r) => r.population),
        comparators: (await tx.select().from(comparators)).map((r) => r.value),
        sectors: (await tx.select().from(postcodeSectors)).map((r) => r.latitude),
        policy: (await tx.select().from(localPolicy)).map((r) => r.value),
      }));
    expect(await seen('north')).toEqual({
      sdq: [3],
      population: [1003],
      comparators: [3],
      sectors: [53.1],
      policy: ['0,3'],
    });
    expect(await seen('south')).toEqual({
      sdq: [7],
      population: [1007],
      comparators: [7],
      sectors: [57.1],
      policy: ['0,7'],
    });
  });
});

describe('the further tables', () => {
  it('force row-level security and hide every row with no council set', async () => {
    const further = ['health_outcomes', 'postcode_sectors', 'population', 'comparators', 'local_policy'];
    const rows = (await rowSecurityOf(database.superuser, 'children')).filter((r) =>
      further.includes(r.relname),
    );
    expect(rows.map((r) => [r.relname, r.relrowsecurity, r.relforcerowsecurity]).sort()).toEqual(
      further.map((name) => [name, true, true]).sort(),
    );
    for (const table of further) {
      const { rows: seen } = await connection.pool.query(`select count(*)::int as n from children.${table}`);
      expect(seen[0].n, table).toBe(0);
    }
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

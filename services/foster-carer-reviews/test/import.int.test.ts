import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Connection, withTenant } from '@footprint/db';
import { findFiles, type ImportSet, readAllRecords, validateImportSet } from '@footprint/exchange';
import { startService } from '@footprint/graphql';
import {
  createImportDatabase,
  createTestKeys,
  csvFolder,
  graphql,
  importWithProgress,
  type TestDatabase,
} from '@footprint/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importPart, service } from '../src/index.ts';

const exampleshire = fileURLToPath(
  new URL('../../../../shared/spec/examples/exampleshire/files/', import.meta.url),
);

let database: TestDatabase;
let connection: Connection;
let tmp: string;

beforeAll(async () => {
  ({ database, connection } = await createImportDatabase(service));
  tmp = mkdtempSync(join(tmpdir(), 'foster-import-'));
});

afterAll(async () => {
  await connection?.close();
  await database?.drop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

beforeEach(async () => {
  await database.superuser.query('truncate foster_carer_reviews.reviews, foster_carer_reviews.households');
});

const folder = (name: string, files: Record<string, string[]>) => csvFolder(join(tmp, name), files);

const importInto = (tenant: string, set: ImportSet) =>
  importWithProgress(connection, importPart, tenant, set);

const householdRows = async (tenant?: string) =>
  (
    await database.superuser.query(
      `select * from foster_carer_reviews.households ${tenant ? 'where tenant_id = $1' : ''} order by tenant_id, id`,
      tenant ? [tenant] : [],
    )
  ).rows;
const reviewRows = async (tenant?: string) =>
  (
    await database.superuser.query(
      `select * from foster_carer_reviews.reviews ${tenant ? 'where tenant_id = $1' : ''}
       order by tenant_id, household_id, review_date`,
      tenant ? [tenant] : [],
    )
  ).rows;
const everything = async () => ({ households: await householdRows(), reviews: await reviewRows() });

describe('importing Exampleshire', () => {
  it('writes every household and review of the files, as the files say', async () => {
    const set = await findFiles(exampleshire);
    const { counts, progress } = await importInto('exampleshire', set);
    expect(counts).toEqual({ foster_households: 57, foster_reviews: 330 });
    expect(progress.reduce((a, b) => a + b, 0)).toBe(387);

    const households = await householdRows('exampleshire');
    expect(households).toHaveLength(57);
    expect(households.map(({ tenant_id, name, ...stored }) => stored)).toEqual(
      (await readAllRecords(set, 'foster_households'))
        .map((r) => ({
          id: r.household,
          type: r.type,
          approved_on: r.approved,
          ended_on: r.ended,
          fcro_id: r.fcro,
        }))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    expect(households[0]).toEqual({
      tenant_id: 'exampleshire',
      id: 'FH0001',
      name: null,
      type: 'mainstream',
      approved_on: '2013-11-26',
      ended_on: null,
      fcro_id: 'IRO004',
    });
    expect(households.find((h) => h.id === 'FH0057')).toMatchObject({
      type: 'connected_person',
      approved_on: '2022-03-28',
      ended_on: '2023-11-08',
    });

    const reviews = await reviewRows('exampleshire');
    expect(reviews).toHaveLength(330);
    expect(reviews.map((r) => [r.household_id, r.review_date, r.outcome, r.fcro_id])).toEqual(
      (await readAllRecords(set, 'foster_reviews'))
        .map((r) => [r.household, r.date, r.outcome, r.fcro])
        .sort((a, b) => (`${a[0]}|${a[1]}` < `${b[0]}|${b[1]}` ? -1 : 1)),
    );
    expect(reviews.slice(0, 2)).toEqual([
      {
        tenant_id: 'exampleshire',
        household_id: 'FH0001',
        review_date: '2014-10-16',
        outcome: 'continued',
        fcro_id: 'IRO004',
        notes: null,
      },
      {
        tenant_id: 'exampleshire',
        household_id: 'FH0001',
        review_date: '2015-09-14',
        outcome: 'continued',
        fcro_id: 'IRO004',
        notes: null,
      },
    ]);
  });

  it('leaves identical tables when the same files are imported twice', async () => {
    const set = await findFiles(exampleshire);
    await importInto('exampleshire', set);
    const before = await everything();
    expect((await importInto('exampleshire', set)).counts).toEqual({
      foster_households: 57,
      foster_reviews: 330,
    });
    expect(await everything()).toEqual(before);
  });

  it('lists the households it holds for a later import to refer to', async () => {
    await importInto('exampleshire', await findFiles(exampleshire));
    const ids = await withTenant(connection.db, 'exampleshire', (tx) => importPart.existingIds!(tx));
    expect(ids.households?.size).toBe(57);
    expect(ids.households?.has('FH0001')).toBe(true);
    const none = await withTenant(connection.db, 'elsewhere', (tx) => importPart.existingIds!(tx));
    expect(none.households?.size).toBe(0);
  });
});

describe('importing overlapping years', () => {
  const year1 = () =>
    folder('year1', {
      foster_households: [
        'HOUSEHOLD,TYPE,APPROVED,ENDED,FCRO',
        'H1,mainstream,01/05/2021,,F1',
        'H2,connected_person,01/09/2022,,F1',
      ],
      foster_reviews: ['HOUSEHOLD,DATE,OUTCOME,FCRO', 'H1,20/04/2022,continued,F1'],
    });
  // The next year's extract: H1 reviewed again and its approval ended at that review, H2's FCRO
  // changed and its first review's outcome not recorded, H3 new.
  const year2 = () =>
    folder('year2', {
      foster_households: [
        'HOUSEHOLD,TYPE,APPROVED,ENDED,FCRO',
        'H1,mainstream,01/05/2021,10/04/2023,F1',
        'H2,connected_person,01/09/2022,,F2',
        'H3,mainstream,01/02/2023,,',
      ],
      foster_reviews: [
        'HOUSEHOLD,DATE,OUTCOME,FCRO',
        'H1,20/04/2022,continued,F1',
        'H1,10/04/2023,resigned,F1',
        'H2,30/08/2023,,F2',
      ],
    });

  it('are valid import files', async () => {
    for (const dir of [year1(), year2()])
      expect((await validateImportSet(await findFiles(dir))).errors).toEqual([]);
  });

  it('updates the overlapping households and reviews without duplicating them, keeping names and notes', async () => {
    expect((await importInto('north', await findFiles(year1()))).counts).toEqual({
      foster_households: 2,
      foster_reviews: 1,
    });
    // Recorded in Footprint between the extracts: a display name and a review's notes.
    await database.superuser.query(`
      update foster_carer_reviews.households set name = 'The Smith household' where tenant_id = 'north' and id = 'H1';
      update foster_carer_reviews.reviews set notes = 'Approved for two children' where tenant_id = 'north' and household_id = 'H1';
    `);
    expect((await importInto('north', await findFiles(year2()))).counts).toEqual({
      foster_households: 3,
      foster_reviews: 3,
    });
    expect(await householdRows('north')).toEqual([
      {
        tenant_id: 'north',
        id: 'H1',
        name: 'The Smith household',
        type: 'mainstream',
        approved_on: '2021-05-01',
        ended_on: '2023-04-10',
        fcro_id: 'F1',
      },
      {
        tenant_id: 'north',
        id: 'H2',
        name: null,
        type: 'connected_person',
        approved_on: '2022-09-01',
        ended_on: null,
        fcro_id: 'F2',
      },
      {
        tenant_id: 'north',
        id: 'H3',
        name: null,
        type: 'mainstream',
        approved_on: '2023-02-01',
        ended_on: null,
        fcro_id: null,
      },
    ]);
    expect(
      (await reviewRows('north')).map((r) => [r.household_id, r.review_date, r.outcome, r.fcro_id, r.notes]),
    ).toEqual([
      ['H1', '2022-04-20', 'continued', 'F1', 'Approved for two children'],
      ['H1', '2023-04-10', 'resigned', 'F1', null],
      // Outcome not recorded: kept as unknown, not refused.
      ['H2', '2023-08-30', null, 'F2', null],
    ]);
  });

  it('reads a second review of one household and date as a correction: the later row stands', async () => {
    const dir = folder('review-twice', {
      foster_households: ['HOUSEHOLD,TYPE,APPROVED,ENDED,FCRO', 'H1,mainstream,01/05/2021,,F1'],
      foster_reviews: [
        'HOUSEHOLD,DATE,OUTCOME,FCRO',
        'H1,20/04/2022,continued,F1',
        'H1,20/04/2022,terms_changed,F2',
      ],
    });
    expect((await validateImportSet(await findFiles(dir))).errors).toEqual([]);
    expect((await importInto('north', await findFiles(dir))).counts).toEqual({
      foster_households: 1,
      foster_reviews: 2,
    });
    expect((await reviewRows('north')).map((r) => [r.review_date, r.outcome, r.fcro_id])).toEqual([
      ['2022-04-20', 'terms_changed', 'F2'],
    ]);
  });

  it('accepts a later year’s reviews of households imported before', async () => {
    await importInto('north', await findFiles(year1()));
    const dir = folder('reviews-only', {
      foster_reviews: ['HOUSEHOLD,DATE,OUTCOME,FCRO', 'H2,30/08/2023,continued,F1'],
    });
    const existing = await withTenant(connection.db, 'north', (tx) => importPart.existingIds!(tx));
    expect((await validateImportSet(await findFiles(dir), { existing })).errors).toEqual([]);
    expect((await importInto('north', await findFiles(dir))).counts).toEqual({ foster_reviews: 1 });
    expect(await reviewRows('north')).toHaveLength(2);
  });
});

describe('councils', () => {
  it('keeps the same references of two councils as two sets of records, neither visible from the other', async () => {
    await importInto('north', await findFiles(exampleshire));
    const south = folder('south', {
      foster_households: ['HOUSEHOLD,TYPE,APPROVED,ENDED,FCRO', 'FH0001,connected_person,01/01/2024,,S1'],
      foster_reviews: ['HOUSEHOLD,DATE,OUTCOME,FCRO', 'FH0001,14/09/2015,terms_changed,S1'],
    });
    await importInto('south', await findFiles(south));
    const northBefore = await everything();
    expect(await householdRows('north')).toHaveLength(57);
    expect((await householdRows('north'))[0]).toMatchObject({ id: 'FH0001', type: 'mainstream' });
    expect(await householdRows('south')).toMatchObject([
      { id: 'FH0001', type: 'connected_person', fcro_id: 'S1' },
    ]);

    const seen = (tenant: string) =>
      withTenant(connection.db, tenant, async (tx) => ({
        households: (await tx.execute(sql`select id, type from foster_carer_reviews.households`)).rows,
        reviews: (
          await tx.execute(sql`select household_id, review_date, outcome from foster_carer_reviews.reviews`)
        ).rows,
      }));
    expect(await seen('south')).toEqual({
      households: [{ id: 'FH0001', type: 'connected_person' }],
      reviews: [{ household_id: 'FH0001', review_date: '2015-09-14', outcome: 'terms_changed' }],
    });
    const fromNorth = await seen('north');
    expect(fromNorth.households).toHaveLength(57);
    expect(fromNorth.reviews).toHaveLength(330);
    expect(fromNorth.reviews).toContainEqual({
      household_id: 'FH0001',
      review_date: '2015-09-14',
      outcome: 'continued',
    });
    await importInto('south', await findFiles(south));
    expect(await everything()).toEqual(northBefore);
  });
});

describe('imported households in the graph', () => {
  it('shows a review whose outcome was not recorded, in the household’s schedule', async () => {
    await importInto(
      'north',
      await findFiles(
        folder('graph', {
          foster_households: ['HOUSEHOLD,TYPE,APPROVED,ENDED,FCRO', 'H1,mainstream,01/05/2022,,F1'],
          foster_reviews: ['HOUSEHOLD,DATE,OUTCOME,FCRO', 'H1,20/04/2023,,F1'],
        }),
      ),
    );
    const keys = await createTestKeys();
    const running = await startService(service, {
      databaseUrl: database.urlFor('foster-carer-reviews'),
      verifyingKey: keys.verifyingKey,
      port: 0,
    });
    try {
      const token = await keys.tokenFor({ tenant: 'north', roles: ['manager'], sub: 'north-manager' });
      const result = await graphql(
        running.url,
        '{ fosterHousehold(id: "H1") { name approvedOn nextReviewDue(asOf: "2023-06-01") reviews { date outcome fcro { id } } } }',
        { token },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({
        fosterHousehold: {
          name: null,
          approvedOn: '2022-05-01',
          nextReviewDue: '2024-04-20',
          reviews: [{ date: '2023-04-20', outcome: null, fcro: { id: 'F1' } }],
        },
      });
    } finally {
      await running.stop();
    }
  });
});

describe('a failing write', () => {
  it('rolls the whole part back: a review of a household the council does not have', async () => {
    await importInto('north', await findFiles(year1Only()));
    const before = await everything();
    const dir = folder('orphan-review', {
      foster_households: [
        'HOUSEHOLD,TYPE,APPROVED,ENDED,FCRO',
        'H1,mainstream,01/05/2021,31/12/2023,F9',
        'H7,mainstream,01/01/2020,,F1',
      ],
      foster_reviews: [
        'HOUSEHOLD,DATE,OUTCOME,FCRO',
        'H1,20/04/2023,continued,F9',
        'H404,20/04/2023,continued,F1',
      ],
    });
    // 23503: foreign_key_violation, after both households were written in the same transaction.
    await expect(importInto('north', await findFiles(dir))).rejects.toMatchObject({
      cause: { code: '23503' },
    });
    expect(await everything()).toEqual(before);
  });
});

function year1Only() {
  return folder('first', {
    foster_households: ['HOUSEHOLD,TYPE,APPROVED,ENDED,FCRO', 'H1,mainstream,01/05/2021,,F1'],
    foster_reviews: ['HOUSEHOLD,DATE,OUTCOME,FCRO', 'H1,20/04/2022,continued,F1'],
  });
}

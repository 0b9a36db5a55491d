import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Connection, withTenant } from '@footprint/db';
import {
  findFiles,
  type ImportSet,
  InvalidImportError,
  readAllRecords,
  validateImportSet,
} from '@footprint/exchange';
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
  tmp = mkdtempSync(join(tmpdir(), 'advocacy-import-'));
});

afterAll(async () => {
  await connection?.close();
  await database?.drop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

beforeEach(async () => {
  await database.superuser.query(
    'truncate advocacy.involvements, advocacy.independent_visitors, advocacy.commissions, advocacy.providers',
  );
});

const folder = (name: string, files: Record<string, string[]>) => csvFolder(join(tmp, name), files);

const importInto = (tenant: string, set: ImportSet) =>
  importWithProgress(connection, importPart, tenant, set);

const rows = async (table: string, order: string, tenant?: string) =>
  (
    await database.superuser.query(
      `select * from advocacy.${table} ${tenant ? 'where tenant_id = $1' : ''} order by ${order}`,
      tenant ? [tenant] : [],
    )
  ).rows;
const involvementRows = (tenant?: string) => rows('involvements', 'tenant_id, id', tenant);
const visitorRows = (tenant?: string) =>
  rows('independent_visitors', 'tenant_id, child_id, start_date', tenant);
const commissionRows = (tenant?: string) => rows('commissions', 'tenant_id, provider_id', tenant);
const providerRows = () => rows('providers', 'id');
const everything = async () => ({
  providers: await providerRows(),
  commissions: await commissionRows(),
  involvements: await involvementRows(),
  visitors: await visitorRows(),
});

describe('importing Exampleshire', () => {
  it('registers and commissions the provider, then writes every involvement and Independent Visitor', async () => {
    const set = await findFiles(exampleshire);
    const { counts, progress } = await importInto('exampleshire', set);
    expect(counts).toEqual({ advocacy: 70, independent_visitors: 6 });
    expect(progress.reduce((a, b) => a + b, 0)).toBe(76);

    expect(await providerRows()).toMatchObject([
      { id: 'exampleshire-advocacy', name: 'exampleshire-advocacy', suspended: false },
    ]);
    // From the earliest referral date in the file.
    expect(await commissionRows()).toEqual([
      { tenant_id: 'exampleshire', provider_id: 'exampleshire-advocacy', from_date: '2018-04-17' },
    ]);

    const involvements = await involvementRows('exampleshire');
    expect(involvements).toHaveLength(70);
    const file = await readAllRecords(set, 'advocacy');
    expect(involvements.map(({ tenant_id, updated_at, ...stored }) => stored)).toEqual(
      file
        .map((r) => ({
          id: r.involvement,
          child_id: r.child,
          provider_id: r.provider,
          referral_date: r.referralDate,
          source: r.source,
          reasons: r.reasons,
          start_date: r.start,
          end_date: r.end,
          outcome: r.outcome,
        }))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    expect(involvements[0]).toMatchObject({
      id: 'ADV00001',
      child_id: '509308',
      provider_id: 'exampleshire-advocacy',
      referral_date: '2018-04-23',
      source: 'iro',
      reasons: ['review_participation'],
      start_date: '2018-05-08',
      end_date: '2018-07-13',
      outcome: 'issue_resolved',
    });
    expect(involvements.find((r) => r.id === 'ADV00059')).toMatchObject({
      child_id: '461078',
      referral_date: '2024-03-10',
      start_date: '2024-03-22',
      end_date: null,
      outcome: null,
    });

    expect((await visitorRows('exampleshire')).map((r) => [r.child_id, r.start_date, r.end_date])).toEqual([
      ['301174', '2022-07-05', null],
      ['305755', '2021-10-20', null],
      ['350947', '2015-05-12', '2020-10-26'],
      ['596750', '2023-04-25', null],
      ['668449', '2023-06-10', null],
      ['932815', '2023-11-13', null],
    ]);
  });

  it('leaves identical tables when the same files are imported twice', async () => {
    const set = await findFiles(exampleshire);
    await importInto('exampleshire', set);
    const before = await everything();
    expect((await importInto('exampleshire', set)).counts).toEqual({ advocacy: 70, independent_visitors: 6 });
    expect(await everything()).toEqual(before);
  });
});

describe('importing overlapping years', () => {
  const year1 = () =>
    folder('year1', {
      advocacy: [
        'INVOLVEMENT,CHILD,PROVIDER,REFERRAL_DATE,SOURCE,REASONS,START,END,OUTCOME',
        'A,C1,voice,10/03/2023,iro,placement,15/03/2023,,',
        'B,C2,voice,01/02/2023,self,complaint;contact,05/02/2023,20/02/2023,views_heard',
      ],
      independent_visitors: ['CHILD,START,END', 'C1,01/01/2022,', 'C2,01/06/2020,01/06/2021'],
    });
  // The next year's extract: A ended, a referral with nothing but the required fields, a referral
  // to a provider new to the council, and C1's Independent Visitor ended.
  const year2 = () =>
    folder('year2', {
      advocacy: [
        'INVOLVEMENT,CHILD,PROVIDER,REFERRAL_DATE,SOURCE,REASONS,START,END,OUTCOME',
        'A,C1,voice,10/03/2023,iro,placement,15/03/2023,30/04/2023,issue_resolved',
        'B,C2,voice,01/02/2023,self,complaint;contact,05/02/2023,20/02/2023,views_heard',
        'C,C3,voice,12/05/2023,,,,,',
        'D,C4,New-Voice,01/06/2023,social_worker,care_plan,,,',
      ],
      independent_visitors: ['CHILD,START,END', 'C1,01/01/2022,31/05/2023', 'C3,01/06/2023,'],
    });

  it('are valid import files', async () => {
    for (const dir of [year1(), year2()])
      expect((await validateImportSet(await findFiles(dir))).errors).toEqual([]);
  });

  it('updates the overlapping records without duplicating them', async () => {
    expect((await importInto('north', await findFiles(year1()))).counts).toEqual({
      advocacy: 2,
      independent_visitors: 2,
    });
    const first = await involvementRows('north');
    expect((await importInto('north', await findFiles(year2()))).counts).toEqual({
      advocacy: 4,
      independent_visitors: 2,
    });
    const involvements = await involvementRows('north');
    expect(involvements.map(({ tenant_id, updated_at, ...stored }) => stored)).toEqual([
      {
        id: 'A',
        child_id: 'C1',
        provider_id: 'voice',
        referral_date: '2023-03-10',
        source: 'iro',
        reasons: ['placement'],
        start_date: '2023-03-15',
        end_date: '2023-04-30',
        outcome: 'issue_resolved',
      },
      {
        id: 'B',
        child_id: 'C2',
        provider_id: 'voice',
        referral_date: '2023-02-01',
        source: 'self',
        reasons: ['complaint', 'contact'],
        start_date: '2023-02-05',
        end_date: '2023-02-20',
        outcome: 'views_heard',
      },
      // Source, reasons, start, end and outcome not recorded: kept as unknown, not refused.
      {
        id: 'C',
        child_id: 'C3',
        provider_id: 'voice',
        referral_date: '2023-05-12',
        source: null,
        reasons: [],
        start_date: null,
        end_date: null,
        outcome: null,
      },
      {
        id: 'D',
        child_id: 'C4',
        provider_id: 'new-voice',
        referral_date: '2023-06-01',
        source: 'social_worker',
        reasons: ['care_plan'],
        start_date: null,
        end_date: null,
        outcome: null,
      },
    ]);
    // Only a changed involvement is marked as updated.
    expect(involvements[0].updated_at.getTime()).toBeGreaterThan(first[0].updated_at.getTime());
    expect(involvements[1].updated_at).toEqual(first[1].updated_at);

    // voice keeps its commission from year 1's earliest referral; new-voice is registered and commissioned.
    expect(await commissionRows('north')).toEqual([
      { tenant_id: 'north', provider_id: 'new-voice', from_date: '2023-06-01' },
      { tenant_id: 'north', provider_id: 'voice', from_date: '2023-02-01' },
    ]);
    expect((await visitorRows('north')).map((r) => [r.child_id, r.start_date, r.end_date])).toEqual([
      ['C1', '2022-01-01', '2023-05-31'],
      ['C2', '2020-06-01', '2021-06-01'],
      ['C3', '2023-06-01', null],
    ]);
  });

  it('reads a second row for one child and start as a correction: the later row stands', async () => {
    const dir = folder('visitor-twice', {
      independent_visitors: [
        'CHILD,START,END',
        'C1,01/01/2022,',
        'C2,01/06/2020,',
        'C1,01/01/2022,31/05/2023',
      ],
    });
    expect((await validateImportSet(await findFiles(dir))).errors).toEqual([]);
    expect((await importInto('north', await findFiles(dir))).counts).toEqual({ independent_visitors: 3 });
    expect((await visitorRows('north')).map((r) => [r.child_id, r.start_date, r.end_date])).toEqual([
      ['C1', '2022-01-01', '2023-05-31'],
      ['C2', '2020-06-01', null],
    ]);
  });

  it('keeps a known provider’s name and an earlier commission, and moves a later one back to the first referral', async () => {
    await database.superuser.query(`
      insert into advocacy.providers (id, name, suspended) values
        ('voice', 'Voice Advocacy', false), ('gone', 'Gone Advocacy', true);
      insert into advocacy.commissions (tenant_id, provider_id, from_date) values
        ('north', 'voice', '2019-01-01'), ('north', 'gone', '2023-01-01');
    `);
    const dir = folder('known-providers', {
      advocacy: [
        'INVOLVEMENT,CHILD,PROVIDER,REFERRAL_DATE,SOURCE,REASONS,START,END,OUTCOME',
        'A,C1,voice,10/03/2023,iro,placement,,,',
        // History with a provider suspended since: imported as it happened.
        'G,C2,gone,15/06/2022,iro,placement,20/06/2022,01/09/2022,views_heard',
      ],
    });
    expect((await importInto('north', await findFiles(dir))).counts).toEqual({ advocacy: 2 });
    expect((await providerRows()).map((p) => [p.id, p.name, p.suspended])).toEqual([
      ['gone', 'Gone Advocacy', true],
      ['voice', 'Voice Advocacy', false],
    ]);
    expect(await commissionRows('north')).toEqual([
      { tenant_id: 'north', provider_id: 'gone', from_date: '2022-06-15' },
      { tenant_id: 'north', provider_id: 'voice', from_date: '2019-01-01' },
    ]);
  });
});

describe('councils', () => {
  it('keeps the same references of two councils as two sets of records, neither visible from the other', async () => {
    await importInto('north', await findFiles(exampleshire));
    const south = folder('south', {
      advocacy: [
        'INVOLVEMENT,CHILD,PROVIDER,REFERRAL_DATE,SOURCE,REASONS,START,END,OUTCOME',
        'ADV00001,S1,exampleshire-advocacy,01/06/2024,self,complaint,,,',
      ],
      independent_visitors: ['CHILD,START,END', '305755,01/01/2024,'],
    });
    await importInto('south', await findFiles(south));
    // One provider, commissioned by each council from its own first referral.
    expect(await providerRows()).toHaveLength(1);
    expect(await commissionRows()).toEqual([
      { tenant_id: 'north', provider_id: 'exampleshire-advocacy', from_date: '2018-04-17' },
      { tenant_id: 'south', provider_id: 'exampleshire-advocacy', from_date: '2024-06-01' },
    ]);
    const northBefore = await involvementRows('north');
    expect(northBefore).toHaveLength(70);
    expect(northBefore[0]).toMatchObject({ id: 'ADV00001', child_id: '509308' });
    expect(await involvementRows('south')).toMatchObject([
      { id: 'ADV00001', child_id: 'S1', source: 'self' },
    ]);

    const seen = (tenant: string) =>
      withTenant(connection.db, tenant, async (tx) => ({
        involvements: (await tx.execute(sql`select id, child_id from advocacy.involvements`)).rows,
        visitors: (await tx.execute(sql`select child_id, start_date from advocacy.independent_visitors`))
          .rows,
        commissions: (await tx.execute(sql`select tenant_id, from_date from advocacy.commissions`)).rows,
      }));
    expect(await seen('south')).toEqual({
      involvements: [{ id: 'ADV00001', child_id: 'S1' }],
      visitors: [{ child_id: '305755', start_date: '2024-01-01' }],
      commissions: [{ tenant_id: 'south', from_date: '2024-06-01' }],
    });
    const fromNorth = await seen('north');
    expect(fromNorth.involvements).toHaveLength(70);
    expect(fromNorth.visitors).toHaveLength(6);
    expect(fromNorth.visitors).not.toContainEqual({ child_id: '305755', start_date: '2024-01-01' });
    await importInto('south', await findFiles(south));
    expect(await involvementRows('north')).toEqual(northBefore);
  });
});

describe('imported involvements in the graph', () => {
  it('shows a referral whose source and reasons were not recorded', async () => {
    await importInto(
      'north',
      await findFiles(
        folder('graph', {
          advocacy: [
            'INVOLVEMENT,CHILD,PROVIDER,REFERRAL_DATE,SOURCE,REASONS,START,END,OUTCOME',
            'N1,C1,voice,12/05/2023,,,,,',
          ],
        }),
      ),
    );
    const keys = await createTestKeys();
    const running = await startService(service, {
      databaseUrl: database.urlFor('advocacy'),
      verifyingKey: keys.verifyingKey,
      port: 0,
    });
    try {
      const token = await keys.tokenFor({ tenant: 'north', roles: ['manager'], sub: 'north-manager' });
      const result = await graphql(
        running.url,
        '{ advocacyInvolvements { id source { code } reasons { code } provider { id name } open } }',
        { token },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({
        advocacyInvolvements: [
          { id: 'N1', source: null, reasons: [], provider: { id: 'voice', name: 'voice' }, open: true },
        ],
      });
    } finally {
      await running.stop();
    }
  });
});

describe('a failing write', () => {
  it('rolls the whole part back, the new provider and its commission included', async () => {
    await importInto(
      'north',
      await findFiles(
        folder('first', {
          advocacy: [
            'INVOLVEMENT,CHILD,PROVIDER,REFERRAL_DATE,SOURCE,REASONS,START,END,OUTCOME',
            'A,C1,voice,10/03/2023,iro,placement,15/03/2023,,',
          ],
          independent_visitors: ['CHILD,START,END', 'C1,01/01/2022,'],
        }),
      ),
    );
    const before = await everything();
    // The Independent Visitors file went bad after validation: its second row fails when written,
    // after every involvement had been.
    const dir = folder('bad-visitors', {
      advocacy: [
        'INVOLVEMENT,CHILD,PROVIDER,REFERRAL_DATE,SOURCE,REASONS,START,END,OUTCOME',
        'A,C1,voice,10/03/2023,iro,placement,15/03/2023,30/04/2023,issue_resolved',
        'B,C2,brand-new,01/01/2023,self,complaint,,,',
      ],
      independent_visitors: ['CHILD,START,END', 'C1,01/01/2022,31/05/2023', 'C2,31/02/2023,'],
    });
    await expect(importInto('north', await findFiles(dir))).rejects.toBeInstanceOf(InvalidImportError);
    expect(await everything()).toEqual(before);
  });
});

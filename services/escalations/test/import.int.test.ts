import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AccessClaims } from '@footprint/auth';
import { type Connection, migrateService, withTenant } from '@footprint/db';
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
  createTestDatabase,
  createTestKeys,
  csvFolder,
  graphql,
  importWithProgress,
  type TestDatabase,
} from '@footprint/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordEscalationEvent } from '../src/data/record-escalation-event.ts';
import { importPart, service } from '../src/index.ts';

const exampleshire = fileURLToPath(
  new URL('../../../../shared/spec/examples/exampleshire/files/', import.meta.url),
);

let database: TestDatabase;
let connection: Connection;
let tmp: string;

beforeAll(async () => {
  ({ database, connection } = await createImportDatabase(service));
  tmp = mkdtempSync(join(tmpdir(), 'escalations-import-'));
});

afterAll(async () => {
  await connection?.close();
  await database?.drop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

beforeEach(async () => {
  await database.superuser.query(
    'truncate escalations.escalation_events, escalations.escalations, escalations.themes, escalations.stages',
  );
});

const folder = (name: string, files: Record<string, string[]>) => csvFolder(join(tmp, name), files);

const importInto = (tenant: string, set: ImportSet) =>
  importWithProgress(connection, importPart, tenant, set);

const escalationRows = async (tenant?: string) =>
  (
    await database.superuser.query(
      `select tenant_id, id, child_id, iro_id, raised_on::text, themes, created_at from escalations.escalations
       ${tenant ? 'where tenant_id = $1' : ''} order by tenant_id, id`,
      tenant ? [tenant] : [],
    )
  ).rows;

const eventRows = async (tenant?: string) =>
  (
    await database.superuser.query(
      `select tenant_id, escalation_id, event_date::text, sequence, event, stage, note, created_at
       from escalations.escalation_events ${tenant ? 'where tenant_id = $1' : ''}
       order by tenant_id, escalation_id, event_date, sequence`,
      tenant ? [tenant] : [],
    )
  ).rows;

const manager: AccessClaims = {
  sub: 'north-manager',
  name: 'North manager',
  tenant: 'north',
  roles: ['manager'],
  provider: null,
  staffRef: null,
};

describe('importing Exampleshire', () => {
  it('writes every escalation and event of the files, as the files say', async () => {
    const set = await findFiles(exampleshire);
    const { counts, progress } = await importInto('exampleshire', set);
    expect(counts).toEqual({ escalations: 72, escalation_events: 160 });
    expect(progress.reduce((a, b) => a + b, 0)).toBe(232);

    const escalations = await escalationRows('exampleshire');
    expect(escalations).toHaveLength(72);
    const fileEscalations = await readAllRecords(set, 'escalations');
    expect(
      escalations.map(({ id, child_id, iro_id, raised_on, themes }) => ({
        id,
        child_id,
        iro_id,
        raised_on,
        themes,
      })),
    ).toEqual(
      fileEscalations
        .map((r) => ({
          id: r.escalation,
          child_id: r.child,
          iro_id: r.iro,
          raised_on: r.raised,
          themes: r.themes,
        }))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    expect(escalations[0]).toMatchObject({
      id: 'ESC00001',
      child_id: '503426',
      iro_id: 'IRO001',
      raised_on: '2018-09-28',
      themes: ['review_preparation'],
    });

    const events = await eventRows('exampleshire');
    expect(events).toHaveLength(160);
    expect(events.filter((e) => e.escalation_id === 'ESC00001')).toMatchObject([
      { event_date: '2018-09-28', sequence: 1, event: 'raised', stage: 'informal', note: null },
      { event_date: '2018-10-02', sequence: 1, event: 'escalated', stage: 'stage1' },
      { event_date: '2018-10-09', sequence: 1, event: 'resolved', stage: 'stage1' },
    ]);
    // Every event of the file, once: (escalation, date, sequence within the day) names it.
    const fileEvents = await readAllRecords(set, 'escalation_events');
    const key = (e: { escalation: string; date: string; sequence: number }) =>
      `${e.escalation}|${e.date}|${e.sequence}`;
    expect(
      events.map((e) => ({
        key: key({ escalation: e.escalation_id, date: e.event_date, sequence: e.sequence }),
        event: e.event,
        stage: e.stage,
      })),
    ).toEqual(
      fileEvents
        .map((e) => ({ key: key(e), event: e.event, stage: e.stage }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    );
  });

  it('leaves identical tables when the same files are imported twice', async () => {
    const set = await findFiles(exampleshire);
    await importInto('exampleshire', set);
    const before = { escalations: await escalationRows(), events: await eventRows() };
    const { counts } = await importInto('exampleshire', set);
    expect(counts).toEqual({ escalations: 72, escalation_events: 160 });
    expect({ escalations: await escalationRows(), events: await eventRows() }).toEqual(before);
  });

  it('lists the escalations it holds for a later import to refer to', async () => {
    await importInto('exampleshire', await findFiles(exampleshire));
    const ids = await withTenant(connection.db, 'exampleshire', (tx) => importPart.existingIds!(tx));
    expect(ids.escalations?.size).toBe(72);
    expect(ids.escalations?.has('ESC00001')).toBe(true);
    const none = await withTenant(connection.db, 'elsewhere', (tx) => importPart.existingIds!(tx));
    expect(none.escalations?.size).toBe(0);
  });
});

describe('importing overlapping years', () => {
  const year1 = () =>
    folder('year1', {
      escalations: [
        'ESCALATION,CHILD,IRO,RAISED,THEMES',
        'A,C1,I1,15/03/2023,drift_delay',
        'B,C2,I2,20/03/2023,placement',
      ],
      escalation_events: [
        'ESCALATION,DATE,EVENT,STAGE',
        'A,15/03/2023,raised,informal',
        'B,20/03/2023,raised,informal',
      ],
    });
  // The next year's extract carries both again: A was escalated and resolved on one day, B's
  // themes were corrected, C is new.
  const year2 = () =>
    folder('year2', {
      escalations: [
        'ESCALATION,CHILD,IRO,RAISED,THEMES',
        'A,C1,I1,15/03/2023,drift_delay',
        'B,C2,I2,20/03/2023,placement;education',
        'C,C3,,02/05/2023,health',
      ],
      escalation_events: [
        'ESCALATION,DATE,EVENT,STAGE',
        'A,15/03/2023,raised,informal',
        'B,20/03/2023,raised,informal',
        'A,03/04/2023,escalated,stage1',
        'A,03/04/2023,resolved,stage1',
        'C,02/05/2023,raised,stage1',
      ],
    });

  it('are valid import files', async () => {
    for (const dir of [year1(), year2()])
      expect((await validateImportSet(await findFiles(dir))).errors).toEqual([]);
  });

  it('updates the overlapping escalations and events without duplicating them', async () => {
    expect((await importInto('north', await findFiles(year1()))).counts).toEqual({
      escalations: 2,
      escalation_events: 2,
    });
    const createdA = (await escalationRows('north'))[0].created_at;
    expect((await importInto('north', await findFiles(year2()))).counts).toEqual({
      escalations: 3,
      escalation_events: 5,
    });
    const escalations = await escalationRows('north');
    expect(escalations.map(({ created_at, ...rest }) => rest)).toEqual([
      {
        tenant_id: 'north',
        id: 'A',
        child_id: 'C1',
        iro_id: 'I1',
        raised_on: '2023-03-15',
        themes: ['drift_delay'],
      },
      {
        tenant_id: 'north',
        id: 'B',
        child_id: 'C2',
        iro_id: 'I2',
        raised_on: '2023-03-20',
        themes: ['placement', 'education'],
      },
      // IRO not recorded: kept as unknown, not refused.
      {
        tenant_id: 'north',
        id: 'C',
        child_id: 'C3',
        iro_id: null,
        raised_on: '2023-05-02',
        themes: ['health'],
      },
    ]);
    expect(escalations[0].created_at).toEqual(createdA);
    expect(
      (await eventRows('north')).map(({ escalation_id, event_date, sequence, event, stage }) => [
        escalation_id,
        event_date,
        sequence,
        event,
        stage,
      ]),
    ).toEqual([
      ['A', '2023-03-15', 1, 'raised', 'informal'],
      ['A', '2023-04-03', 1, 'escalated', 'stage1'],
      ['A', '2023-04-03', 2, 'resolved', 'stage1'],
      ['B', '2023-03-20', 1, 'raised', 'informal'],
      ['C', '2023-05-02', 1, 'raised', 'stage1'],
    ]);
  });

  it('meets the events recorded in Footprint between the imports instead of adding them twice', async () => {
    await importInto('north', await findFiles(year1()));
    // Recorded in Footprint after the first extract: escalated on the day it was raised.
    await withTenant(connection.db, 'north', (tx) =>
      recordEscalationEvent(tx, manager, {
        escalationId: 'B',
        date: '2023-03-20',
        event: 'escalated',
        stage: 'stage1',
        note: 'Escalated at once',
      }),
    );
    // The council's next extract has the same event, the second of that day.
    const dir = folder('year2-with-b', {
      escalation_events: [
        'ESCALATION,DATE,EVENT,STAGE',
        'B,20/03/2023,raised,informal',
        'B,20/03/2023,escalated,stage1',
        'B,28/03/2023,resolved,stage1',
      ],
    });
    expect((await importInto('north', await findFiles(dir))).counts).toEqual({ escalation_events: 3 });
    expect(
      (await eventRows('north'))
        .filter((e) => e.escalation_id === 'B')
        .map(({ event_date, sequence, event, note }) => [event_date, sequence, event, note]),
    ).toEqual([
      ['2023-03-20', 1, 'raised', null],
      ['2023-03-20', 2, 'escalated', 'Escalated at once'],
      ['2023-03-28', 1, 'resolved', null],
    ]);
    // Footprint keeps numbering within the day after an import.
    await withTenant(connection.db, 'north', async (tx) => {
      await importPart.write(tx, {
        tenant: 'north',
        set: await findFiles(
          folder('a-open', {
            escalation_events: ['ESCALATION,DATE,EVENT,STAGE', 'A,15/03/2023,raised,informal'],
          }),
        ),
        onRows: () => {},
      });
      const { event } = await recordEscalationEvent(tx, manager, {
        escalationId: 'A',
        date: '2023-03-15',
        event: 'resolved',
        stage: null,
        note: null,
      });
      expect(event).toMatchObject({ eventDate: '2023-03-15', sequence: 2, stage: 'informal' });
    });
  });
});

describe('imported escalations in the graph', () => {
  it('shows an escalation whose IRO was not recorded, with its events in date order', async () => {
    await importInto(
      'north',
      await findFiles(
        folder('graph', {
          escalations: ['ESCALATION,CHILD,IRO,RAISED,THEMES', 'N1,C1,,01/02/2024,health'],
          // A day's events out of date order in the file: read back by date, then the day's order.
          escalation_events: [
            'ESCALATION,DATE,EVENT,STAGE',
            'N1,09/02/2024,escalated,stage2',
            'N1,01/02/2024,raised,informal',
            'N1,09/02/2024,resolved,stage2',
            'N1,05/02/2024,escalated,stage1',
          ],
        }),
      ),
    );
    const keys = await createTestKeys();
    const running = await startService(service, {
      databaseUrl: database.urlFor('escalations'),
      verifyingKey: keys.verifyingKey,
      port: 0,
    });
    try {
      const token = await keys.tokenFor({ tenant: 'north', roles: ['manager'], sub: 'north-manager' });
      const result = await graphql(
        running.url,
        '{ escalation(id: "N1", asOf: "2024-03-01") { raisedBy { id } status highestStage { key } closedOn events { date event stageKey } } }',
        { token },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({
        escalation: {
          raisedBy: null,
          status: 'resolved',
          highestStage: { key: 'stage2' },
          closedOn: '2024-02-09',
          events: [
            { date: '2024-02-01', event: 'raised', stageKey: 'informal' },
            { date: '2024-02-05', event: 'escalated', stageKey: 'stage1' },
            { date: '2024-02-09', event: 'escalated', stageKey: 'stage2' },
            { date: '2024-02-09', event: 'resolved', stageKey: 'stage2' },
          ],
        },
      });
      // An IRO sees only the escalations they raised: one with no IRO recorded is not theirs.
      const iro = await keys.tokenFor({ tenant: 'north', roles: ['iro'], staffRef: 'I1', sub: 'north-i1' });
      expect((await graphql(running.url, '{ escalation(id: "N1") { id } }', { token: iro })).data).toEqual({
        escalation: null,
      });
    } finally {
      await running.stop();
    }
  });
});

describe('councils', () => {
  it('keeps the same references of two councils as two sets of records, neither visible from the other', async () => {
    const set = await findFiles(exampleshire);
    await importInto('north', set);
    const south = folder('south', {
      escalations: ['ESCALATION,CHILD,IRO,RAISED,THEMES', 'ESC00001,S1,IS,01/06/2024,health'],
      escalation_events: ['ESCALATION,DATE,EVENT,STAGE', 'ESC00001,01/06/2024,raised,stage2'],
    });
    await importInto('south', await findFiles(south));
    const northBefore = await escalationRows('north');
    expect(northBefore).toHaveLength(72);
    expect(northBefore[0]).toMatchObject({ id: 'ESC00001', child_id: '503426' });
    expect(await escalationRows('south')).toMatchObject([
      { id: 'ESC00001', child_id: 'S1', themes: ['health'] },
    ]);

    const seen = (tenant: string) =>
      withTenant(connection.db, tenant, async (tx) => ({
        escalations: (await tx.execute(sql`select id, child_id from escalations.escalations`)).rows,
        events: (await tx.execute(sql`select escalation_id, stage from escalations.escalation_events`)).rows,
      }));
    const fromSouth = await seen('south');
    expect(fromSouth).toEqual({
      escalations: [{ id: 'ESC00001', child_id: 'S1' }],
      events: [{ escalation_id: 'ESC00001', stage: 'stage2' }],
    });
    const fromNorth = await seen('north');
    expect(fromNorth.escalations).toHaveLength(72);
    expect(fromNorth.events).toHaveLength(160);
    expect(fromNorth.events).not.toContainEqual({ escalation_id: 'ESC00001', stage: 'stage2' });
    // Importing into one council again leaves the other's records as they were.
    await importInto('south', await findFiles(south));
    expect(await escalationRows('north')).toEqual(northBefore);
  });

  it('reads the council’s own themes and stages: configured ones and those its escalations already carry', async () => {
    await database.superuser.query(`
      insert into escalations.themes (tenant_id, code, label) values ('north', 'court_timescales', 'Court timescales');
      insert into escalations.stages (tenant_id, key, name, goes_to, responds_within_working_days, formal, position) values
        ('north', 'alert', 'Practice alert', 'Team manager', 3, false, 1),
        ('north', 'stage1', 'Stage 1', 'Service manager', 5, true, 2);
      insert into escalations.escalations (tenant_id, id, child_id, iro_id, raised_on, themes) values
        ('north', 'OLD', 'C9', 'I1', '2020-01-01', '{sibling_contact}');
      insert into escalations.escalation_events (tenant_id, escalation_id, sequence, event_date, event, stage) values
        ('north', 'OLD', 1, '2020-01-01', 'raised', 'panel');
    `);
    const dir = folder('own-codes', {
      escalations: [
        'ESCALATION,CHILD,IRO,RAISED,THEMES',
        'X1,C1,I1,01/02/2024,court_timescales;drift_delay',
        'X2,C2,I1,02/02/2024,SIBLING_CONTACT',
      ],
      escalation_events: [
        'ESCALATION,DATE,EVENT,STAGE',
        'X1,01/02/2024,raised,alert',
        'X2,02/02/2024,raised,panel',
      ],
    });
    expect((await importInto('north', await findFiles(dir))).counts).toEqual({
      escalations: 2,
      escalation_events: 2,
    });
    expect((await escalationRows('north')).map((r) => [r.id, r.themes])).toEqual([
      ['OLD', ['sibling_contact']],
      ['X1', ['court_timescales', 'drift_delay']],
      ['X2', ['sibling_contact']],
    ]);
    // Another council has none of these: its import of the same files is refused, nothing written.
    await expect(importInto('south', await findFiles(dir))).rejects.toBeInstanceOf(InvalidImportError);
    expect(await escalationRows('south')).toEqual([]);
  });
});

describe('a failing write', () => {
  it('rolls the whole part back: an event of an escalation the council does not have', async () => {
    await importInto(
      'north',
      await findFiles(
        folder('first', {
          escalations: ['ESCALATION,CHILD,IRO,RAISED,THEMES', 'A,C1,I1,15/03/2023,drift_delay'],
          escalation_events: ['ESCALATION,DATE,EVENT,STAGE', 'A,15/03/2023,raised,informal'],
        }),
      ),
    );
    const before = { escalations: await escalationRows(), events: await eventRows() };
    const dir = folder('orphan-event', {
      escalations: [
        'ESCALATION,CHILD,IRO,RAISED,THEMES',
        'A,C1,I9,15/03/2023,health',
        'B,C2,I2,20/03/2023,placement',
      ],
      escalation_events: [
        'ESCALATION,DATE,EVENT,STAGE',
        'A,03/04/2023,resolved,informal',
        'Z,20/03/2023,raised,informal',
      ],
    });
    // 23503: foreign_key_violation, after escalations A and B were written in the same transaction.
    await expect(importInto('north', await findFiles(dir))).rejects.toMatchObject({
      cause: { code: '23503' },
    });
    expect({ escalations: await escalationRows(), events: await eventRows() }).toEqual(before);
  });
});

describe('the migration to numbering events within a day', () => {
  it('renumbers the events recorded before it, every council’s, in their recorded order', async () => {
    // A database at the migration before, with events numbered across the whole escalation.
    const previous = join(tmp, 'migrations-before');
    cpSync(service.migrationsFolder, previous, { recursive: true });
    const journalPath = join(previous, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
    const last = journal.entries.findIndex((e: { tag: string }) => e.tag.startsWith('0003_'));
    expect(last).toBeGreaterThan(0);
    journal.entries = journal.entries.slice(0, last);
    writeFileSync(journalPath, JSON.stringify(journal));
    const old = await createTestDatabase([{ schema: 'escalations', folder: previous }]);
    try {
      await old.superuser.query(`
        insert into escalations.escalations (tenant_id, id, child_id, iro_id, raised_on, themes) values
          ('north', 'E1', 'C1', 'I1', '2024-01-02', '{health}'), ('south', 'E1', 'C1', 'I1', '2024-01-02', '{health}');
        insert into escalations.escalation_events (tenant_id, escalation_id, sequence, event_date, event, stage) values
          ('north', 'E1', 1, '2024-01-02', 'raised', 'informal'),
          ('north', 'E1', 2, '2024-01-05', 'escalated', 'stage1'),
          ('north', 'E1', 3, '2024-01-05', 'escalated', 'stage2'),
          ('north', 'E1', 4, '2024-01-09', 'resolved', 'stage2'),
          ('south', 'E1', 1, '2024-01-02', 'raised', 'informal'),
          ('south', 'E1', 2, '2024-01-02', 'withdrawn', 'informal');
      `);
      await migrateService(old.ownerUrl, 'escalations', service.migrationsFolder);
      const { rows } = await old.superuser.query(
        `select tenant_id, event_date::text, sequence, stage from escalations.escalation_events
         order by tenant_id, event_date, sequence`,
      );
      expect(rows.map((r) => [r.tenant_id, r.event_date, r.sequence, r.stage])).toEqual([
        ['north', '2024-01-02', 1, 'informal'],
        ['north', '2024-01-05', 1, 'stage1'],
        ['north', '2024-01-05', 2, 'stage2'],
        ['north', '2024-01-09', 1, 'stage2'],
        ['south', '2024-01-02', 1, 'informal'],
        ['south', '2024-01-02', 2, 'informal'],
      ]);
      const { rows: forced } = await old.superuser.query(
        `select relforcerowsecurity from pg_class where oid = 'escalations.escalation_events'::regclass`,
      );
      expect(forced).toEqual([{ relforcerowsecurity: true }]);
    } finally {
      await old.drop();
    }
  });
});

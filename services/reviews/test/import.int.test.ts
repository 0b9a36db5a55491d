import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Connection, withTenant } from '@footprint/db';
import {
  type FileName,
  findFiles,
  formatProblems,
  type ImportSet,
  readAllRecords,
  validateImportSet,
} from '@footprint/exchange';
import { createImportDatabase, type TestDatabase } from '@footprint/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPart, service as reviews } from '../src/index.ts';

const EXAMPLESHIRE = fileURLToPath(
  new URL('../../../../shared/spec/examples/exampleshire/files/', import.meta.url),
);

let database: TestDatabase;
let connection: Connection;
const folders: string[] = [];

beforeAll(async () => {
  ({ database, connection } = await createImportDatabase(reviews));
});

afterAll(async () => {
  await connection?.close();
  await database?.drop();
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A folder of import files, each given as its lines. */
async function folderWith(files: Record<string, string[]>) {
  const dir = await mkdtemp(join(tmpdir(), 'footprint-reviews-import-'));
  folders.push(dir);
  for (const [name, lines] of Object.entries(files))
    await writeFile(join(dir, name), `${lines.join('\n')}\n`);
  return dir;
}

/** The files, validated as the worker validates them before any writer runs. */
async function importSet(dir: string) {
  const set = await findFiles(dir);
  const result = await validateImportSet(set);
  expect(formatProblems(result.errors)).toEqual([]);
  return set;
}

/** Runs the reviews part as the worker does: one transaction of the service's role, council set. */
async function runImport(tenant: string, set: ImportSet, onRows: (rows: number) => void = () => {}) {
  return withTenant(connection.db, tenant, (tx) => importPart.write(tx, { tenant, set, onRows }));
}

const TABLES = {
  reviews: `child_id, review_date::text, sequence, participation, iro_id, format, chaired_by_child,
    late_reason, outcomes_issued::text, record_completed::text, record_distributed::text`,
  midway_reviews: 'child_id, midway_date::text, iro_id',
  recommendations:
    'child_id, review_date::text, sequence, recommendation, owner, due_date::text, completed_on::text',
  consultations: 'child_id, respondent, received_on::text, sequence, review_date::text',
  feedback: 'child_id, review_date::text, question, answer',
  audits: 'audit_id, child_id, audit_date::text, auditor_id, grade',
} as const;

type Table = keyof typeof TABLES;

/** One council's rows of one table, dates as text, in key order (read past row-level security). */
async function rowsOf(tenant: string, table: Table) {
  const { rows } = await database.superuser.query(
    `select ${TABLES[table]} from reviews.${table} where tenant_id = $1
     order by ${table === 'midway_reviews' ? '1, 2' : '1, 2, 3, 4'}`,
    [tenant],
  );
  return rows as Record<string, unknown>[];
}

async function contentsOf(tenant: string) {
  const out = {} as Record<Table, Record<string, unknown>[]>;
  for (const table of Object.keys(TABLES) as Table[]) out[table] = await rowsOf(tenant, table);
  return out;
}

const byKey = (rows: Record<string, unknown>[]) =>
  [...rows].sort((a, b) => JSON.stringify(Object.values(a)).localeCompare(JSON.stringify(Object.values(b))));

describe('Exampleshire', () => {
  let set: ImportSet;
  let counts: Partial<Record<FileName, number>>;
  const reported: number[] = [];

  beforeAll(async () => {
    set = await importSet(EXAMPLESHIRE);
    counts = await runImport('exampleshire', set, (rows) => reported.push(rows));
  });

  it('writes every row of its seven files and counts them', () => {
    // Data rows of each file (lines less the header): reviews.csv has 2,535 lines, and so on.
    expect(counts).toEqual({
      reviews: 2534,
      review_details: 2532,
      midway_reviews: 1535,
      recommendations: 4724,
      consultations: 690,
      feedback: 987,
      audits: 123,
    });
    expect(importPart.files).toEqual(Object.keys(counts));
    expect(importPart.service).toBe('reviews');
  });

  it('reports progress batch by batch, in batches of at most 1,000 rows', () => {
    expect(reported.reduce((sum, rows) => sum + rows, 0)).toBe(
      Object.values(counts).reduce((sum, rows) => sum + rows, 0),
    );
    expect(Math.max(...reported)).toBe(1000);
    // Files over 1,000 rows come in several batches: reviews 3, review_details 3, midway 2, recommendations 5, and one each for the rest.
    expect(reported).toHaveLength(3 + 3 + 2 + 5 + 1 + 1 + 1);
  });

  it('stores as many rows as the files hold, midway reviews as distinct pairs', async () => {
    const stored = await contentsOf('exampleshire');
    expect(Object.fromEntries(Object.entries(stored).map(([table, rows]) => [table, rows.length]))).toEqual({
      reviews: 2534,
      midway_reviews: 1535,
      recommendations: 4724,
      consultations: 690,
      feedback: 987,
      audits: 123,
    });
  });

  it('stores each review with its participation code and, on the first row of its date, its details', async () => {
    const [reviewRows, details] = await Promise.all([
      readAllRecords(set, 'reviews'),
      readAllRecords(set, 'review_details'),
    ]);
    const detailsOf = new Map(details.map((d) => [`${d.child}|${d.review}`, d]));
    const expected = reviewRows.map((r) => {
      const d = r.sequence === 1 ? detailsOf.get(`${r.child}|${r.review}`) : undefined;
      return {
        child_id: r.child,
        review_date: r.review,
        sequence: r.sequence,
        participation: r.code,
        iro_id: d?.iro ?? null,
        format: d?.format ?? null,
        chaired_by_child: d?.chairedByChild ?? null,
        late_reason: d?.lateReason ?? null,
        outcomes_issued: d?.outcomesIssued ?? null,
        record_completed: d?.recordCompleted ?? null,
        record_distributed: d?.recordDistributed ?? null,
      };
    });
    expect(byKey(await rowsOf('exampleshire', 'reviews'))).toEqual(byKey(expected));
  });

  it('stores the other files row for row', async () => {
    const [midway, recommendations, consultations, feedback, audits] = await Promise.all([
      readAllRecords(set, 'midway_reviews'),
      readAllRecords(set, 'recommendations'),
      readAllRecords(set, 'consultations'),
      readAllRecords(set, 'feedback'),
      readAllRecords(set, 'audits'),
    ]);
    expect(byKey(await rowsOf('exampleshire', 'midway_reviews'))).toEqual(
      byKey(midway.map((m) => ({ child_id: m.child, midway_date: m.date, iro_id: m.iro }))),
    );
    expect(byKey(await rowsOf('exampleshire', 'recommendations'))).toEqual(
      byKey(
        recommendations.map((r) => ({
          child_id: r.child,
          review_date: r.review,
          sequence: r.sequence,
          recommendation: r.recommendation,
          owner: r.owner,
          due_date: r.due,
          completed_on: r.completed,
        })),
      ),
    );
    expect(byKey(await rowsOf('exampleshire', 'consultations'))).toEqual(
      byKey(
        consultations.map((c) => ({
          child_id: c.child,
          respondent: c.respondent,
          received_on: c.received,
          sequence: 1,
          review_date: c.review,
        })),
      ),
    );
    expect(byKey(await rowsOf('exampleshire', 'feedback'))).toEqual(
      byKey(
        feedback.map((f) => ({
          child_id: f.child,
          review_date: f.review,
          question: f.question,
          answer: f.answer,
        })),
      ),
    );
    expect(byKey(await rowsOf('exampleshire', 'audits'))).toEqual(
      byKey(
        audits.map((a) => ({
          audit_id: a.audit,
          child_id: a.child,
          audit_date: a.date,
          auditor_id: a.auditor,
          grade: a.grade,
        })),
      ),
    );
  });

  it('matches rows read straight from the CSV text', async () => {
    const one = async (sql: string, params: unknown[]) =>
      (await database.superuser.query(sql, ['exampleshire', ...params])).rows;
    // reviews.csv line 2 "104017,19/06/2018,12/12/2018,PN0" and its review_details row.
    expect(
      await one(
        `select participation, iro_id, format, chaired_by_child, late_reason, outcomes_issued::text,
           record_completed::text, record_distributed::text
         from reviews.reviews where tenant_id = $1 and child_id = $2 and review_date = $3`,
        ['104017', '2018-12-12'],
      ),
    ).toEqual([
      expect.objectContaining({ participation: 'PN0', iro_id: expect.stringMatching(/^IRO\d{3}$/) }),
    ]);
    // review_details.csv line 2 "362193,2023-07-21,IRO001,virtual,no,,2023-07-26,2023-08-02,2023-08-04".
    expect(
      await one(
        `select sequence, iro_id, format, chaired_by_child, late_reason, outcomes_issued::text,
           record_completed::text, record_distributed::text
         from reviews.reviews where tenant_id = $1 and child_id = $2 and review_date = $3`,
        ['362193', '2023-07-21'],
      ),
    ).toEqual([
      {
        sequence: 1,
        iro_id: 'IRO001',
        format: 'virtual',
        chaired_by_child: 'no',
        late_reason: null,
        outcomes_issued: '2023-07-26',
        record_completed: '2023-08-02',
        record_distributed: '2023-08-04',
      },
    ]);
    // The review recorded twice on 26/09/2022: two rows, the details on the first only.
    expect(
      await one(
        `select sequence, iro_id is not null as has_details from reviews.reviews
         where tenant_id = $1 and child_id = $2 and review_date = $3 order by sequence`,
        ['966727', '2022-09-26'],
      ),
    ).toEqual([
      { sequence: 1, has_details: true },
      { sequence: 2, has_details: false },
    ]);
    // recommendations.csv lines 2-3: the two recommendations of 362193's review of 21/07/2023.
    expect(
      await one(
        `select sequence, recommendation, owner, due_date::text, completed_on::text from reviews.recommendations
         where tenant_id = $1 and child_id = $2 and review_date = $3 order by sequence`,
        ['362193', '2023-07-21'],
      ),
    ).toEqual([
      {
        sequence: 1,
        recommendation: 'Independent visitor referral',
        owner: 'team_manager',
        due_date: '2023-08-21',
        completed_on: null,
      },
      {
        sequence: 2,
        recommendation: 'Arrange sibling contact',
        owner: 'iro',
        due_date: '2023-09-21',
        completed_on: '2023-09-09',
      },
    ]);
    // midway_reviews.csv line 2 "959003,2024-01-05,IRO001".
    expect(
      await one(
        'select iro_id from reviews.midway_reviews where tenant_id = $1 and child_id = $2 and midway_date = $3',
        ['959003', '2024-01-05'],
      ),
    ).toEqual([{ iro_id: 'IRO001' }]);
    // consultations.csv line 2 "104017,2018-12-12,carer,2018-12-06".
    expect(
      await one(
        `select review_date::text, sequence from reviews.consultations
         where tenant_id = $1 and child_id = $2 and respondent = $3 and received_on = $4`,
        ['104017', 'carer', '2018-12-06'],
      ),
    ).toEqual([{ review_date: '2018-12-12', sequence: 1 }]);
    // feedback.csv line 2 "824100,2023-11-03,listened_to,mostly".
    expect(
      await one(
        `select answer from reviews.feedback
         where tenant_id = $1 and child_id = $2 and review_date = $3 and question = $4`,
        ['824100', '2023-11-03', 'listened_to'],
      ),
    ).toEqual([{ answer: 'mostly' }]);
    // audits.csv line 2 "AUD00001,162923,2018-11-16,IRO002,requires_improvement".
    expect(
      await one(
        'select child_id, audit_date::text, auditor_id, grade from reviews.audits where tenant_id = $1 and audit_id = $2',
        ['AUD00001'],
      ),
    ).toEqual([
      { child_id: '162923', audit_date: '2018-11-16', auditor_id: 'IRO002', grade: 'requires_improvement' },
    ]);
  });

  it('leaves the same data when the same files are imported again', async () => {
    const before = await contentsOf('exampleshire');
    const again = await runImport('exampleshire', set);
    expect(again).toEqual(counts);
    expect(await contentsOf('exampleshire')).toEqual(before);
  });
});

// Two years of a small council's files. The second overlaps the first: it repeats some of its rows
// with what was added since (a code, a paperwork date, a completion, a grade) and adds new ones.
const REVIEWS = 'CHILD,DOB,REVIEW,REVIEW_CODE';
const DETAILS =
  'CHILD,REVIEW,IRO,FORMAT,CHAIRED_BY_CHILD,LATE_REASON,OUTCOMES_ISSUED,RECORD_COMPLETED,RECORD_DISTRIBUTED';
const MIDWAY = 'CHILD,DATE,IRO';
const RECOMMENDATIONS = 'CHILD,REVIEW,RECOMMENDATION,OWNER,DUE,COMPLETED';
const CONSULTATIONS = 'CHILD,REVIEW,RESPONDENT,RECEIVED';
const FEEDBACK = 'CHILD,REVIEW,QUESTION,ANSWER';
const AUDITS = 'AUDIT,CHILD,DATE,AUDITOR,GRADE';

const firstYear = {
  'reviews.csv': [
    REVIEWS,
    'C1,01/02/2015,20/09/2022,PN1',
    'C1,01/02/2015,01/03/2023,',
    'C1,01/02/2015,01/03/2023,PN7',
    'C2,05/05/2016,10/01/2023,PN2',
  ],
  'review_details.csv': [
    DETAILS,
    'C1,2023-03-01,I1,virtual,no,,2023-03-03,2023-03-20,',
    'C2,2023-01-10,I2,in_person,chair,child_unavailable,2023-01-12,,',
  ],
  'midway_reviews.csv': [MIDWAY, 'C1,2022-12-10,I1', 'C2,2023-02-01,', 'C1,2022-12-10,I2'],
  'recommendations.csv': [
    RECOMMENDATIONS,
    'C1,2023-03-01,Arrange sibling contact,iro,2023-05-01,',
    'C1,2023-03-01,Life story work,,2023-06-01,',
    'C2,2023-01-10,Health assessment,social_worker,2023-02-10,2023-02-01',
  ],
  'consultations.csv': [
    CONSULTATIONS,
    'C1,,carer,2023-02-20',
    'C1,2023-03-01,parent,2023-02-22',
    'C1,2023-03-01,parent,2023-02-22',
    'C2,2023-01-10,child,2023-01-05',
  ],
  'feedback.csv': [
    FEEDBACK,
    'C1,2023-03-01,listened_to,mostly',
    'C1,2023-03-01,knows_iro,no',
    'C2,2023-01-10,listened_to,yes',
  ],
  'audits.csv': [AUDITS, 'A1,C1,2023-03-15,I1,', 'A2,C2,2023-02-15,I2,good'],
};

const secondYear = {
  'reviews.csv': [REVIEWS, 'C1,01/02/2015,01/03/2023,PN3', 'C1,01/02/2015,30/08/2023,PN1'],
  'review_details.csv': [
    DETAILS,
    'C1,2023-03-01,I1,virtual,no,,2023-03-03,2023-03-20,2023-04-05',
    'C1,2023-08-30,I1,hybrid,co_chair,,2023-09-04,2023-09-15,2023-09-20',
  ],
  'midway_reviews.csv': [MIDWAY, 'C1,2022-12-10,I1', 'C1,2023-06-01,I1'],
  'recommendations.csv': [
    RECOMMENDATIONS,
    'C1,2023-03-01,Arrange sibling contact,iro,2023-05-01,2023-04-28',
    'C1,2023-03-01,Life story work,social_worker,2023-06-01,',
    'C1,2023-08-30,Apply for passport,carer,2023-11-30,',
  ],
  'consultations.csv': [CONSULTATIONS, 'C1,2023-03-01,carer,2023-02-20', 'C1,2023-08-30,child,2023-08-25'],
  'feedback.csv': [FEEDBACK, 'C1,2023-03-01,knows_iro,yes', 'C1,2023-08-30,listened_to,yes'],
  'audits.csv': [AUDITS, 'A1,C1,2023-03-15,I1,requires_improvement', 'A3,C1,2023-09-10,I2,outstanding'],
};

const FIRST_YEAR_ROWS = {
  reviews: [
    {
      child_id: 'C1',
      review_date: '2022-09-20',
      sequence: 1,
      participation: 'PN1',
      iro_id: null,
      format: null,
      chaired_by_child: null,
      late_reason: null,
      outcomes_issued: null,
      record_completed: null,
      record_distributed: null,
    },
    {
      child_id: 'C1',
      review_date: '2023-03-01',
      sequence: 1,
      participation: null,
      iro_id: 'I1',
      format: 'virtual',
      chaired_by_child: 'no',
      late_reason: null,
      outcomes_issued: '2023-03-03',
      record_completed: '2023-03-20',
      record_distributed: null,
    },
    {
      child_id: 'C1',
      review_date: '2023-03-01',
      sequence: 2,
      participation: 'PN7',
      iro_id: null,
      format: null,
      chaired_by_child: null,
      late_reason: null,
      outcomes_issued: null,
      record_completed: null,
      record_distributed: null,
    },
    {
      child_id: 'C2',
      review_date: '2023-01-10',
      sequence: 1,
      participation: 'PN2',
      iro_id: 'I2',
      format: 'in_person',
      chaired_by_child: 'chair',
      late_reason: 'child_unavailable',
      outcomes_issued: '2023-01-12',
      record_completed: null,
      record_distributed: null,
    },
  ],
  // The pair C1 2022-12-10 is in the file twice: the later row stands.
  midway_reviews: [
    { child_id: 'C1', midway_date: '2022-12-10', iro_id: 'I2' },
    { child_id: 'C2', midway_date: '2023-02-01', iro_id: null },
  ],
  recommendations: [
    {
      child_id: 'C1',
      review_date: '2023-03-01',
      sequence: 1,
      recommendation: 'Arrange sibling contact',
      owner: 'iro',
      due_date: '2023-05-01',
      completed_on: null,
    },
    {
      child_id: 'C1',
      review_date: '2023-03-01',
      sequence: 2,
      recommendation: 'Life story work',
      owner: null,
      due_date: '2023-06-01',
      completed_on: null,
    },
    {
      child_id: 'C2',
      review_date: '2023-01-10',
      sequence: 1,
      recommendation: 'Health assessment',
      owner: 'social_worker',
      due_date: '2023-02-10',
      completed_on: '2023-02-01',
    },
  ],
  // Two parents' forms received the same day stay two forms.
  consultations: [
    { child_id: 'C1', respondent: 'carer', received_on: '2023-02-20', sequence: 1, review_date: null },
    {
      child_id: 'C1',
      respondent: 'parent',
      received_on: '2023-02-22',
      sequence: 1,
      review_date: '2023-03-01',
    },
    {
      child_id: 'C1',
      respondent: 'parent',
      received_on: '2023-02-22',
      sequence: 2,
      review_date: '2023-03-01',
    },
    {
      child_id: 'C2',
      respondent: 'child',
      received_on: '2023-01-05',
      sequence: 1,
      review_date: '2023-01-10',
    },
  ],
  feedback: [
    { child_id: 'C1', review_date: '2023-03-01', question: 'knows_iro', answer: 'no' },
    { child_id: 'C1', review_date: '2023-03-01', question: 'listened_to', answer: 'mostly' },
    { child_id: 'C2', review_date: '2023-01-10', question: 'listened_to', answer: 'yes' },
  ],
  audits: [
    { audit_id: 'A1', child_id: 'C1', audit_date: '2023-03-15', auditor_id: 'I1', grade: null },
    { audit_id: 'A2', child_id: 'C2', audit_date: '2023-02-15', auditor_id: 'I2', grade: 'good' },
  ],
};

describe('a council’s files of two years, imported in turn', () => {
  let first: ImportSet;
  let second: ImportSet;

  beforeAll(async () => {
    first = await importSet(await folderWith(firstYear));
    second = await importSet(await folderWith(secondYear));
  });

  it('writes the first year as its files say', async () => {
    expect(await runImport('north', first)).toEqual({
      reviews: 4,
      review_details: 2,
      midway_reviews: 3,
      recommendations: 3,
      consultations: 4,
      feedback: 3,
      audits: 2,
    });
    expect(await contentsOf('north')).toEqual(FIRST_YEAR_ROWS);
  });

  it('changes nothing when the first year is imported again', async () => {
    await runImport('north', first);
    expect(await contentsOf('north')).toEqual(FIRST_YEAR_ROWS);
  });

  it('updates the overlapping rows from the second year, adds its new ones and keeps the rest', async () => {
    expect(await runImport('north', second)).toEqual({
      reviews: 2,
      review_details: 2,
      midway_reviews: 2,
      recommendations: 3,
      consultations: 2,
      feedback: 2,
      audits: 2,
    });
    const [c1First, c1Duplicate] = FIRST_YEAR_ROWS.reviews.slice(1, 3);
    expect(await contentsOf('north')).toEqual({
      reviews: [
        FIRST_YEAR_ROWS.reviews[0],
        // The code came with the later file, and so did the date the record was distributed.
        { ...c1First, participation: 'PN3', record_distributed: '2023-04-05' },
        // The second file has this date once: the first year's duplicate is left as it was.
        c1Duplicate,
        {
          child_id: 'C1',
          review_date: '2023-08-30',
          sequence: 1,
          participation: 'PN1',
          iro_id: 'I1',
          format: 'hybrid',
          chaired_by_child: 'co_chair',
          late_reason: null,
          outcomes_issued: '2023-09-04',
          record_completed: '2023-09-15',
          record_distributed: '2023-09-20',
        },
        FIRST_YEAR_ROWS.reviews[3],
      ],
      midway_reviews: [
        { child_id: 'C1', midway_date: '2022-12-10', iro_id: 'I1' },
        { child_id: 'C1', midway_date: '2023-06-01', iro_id: 'I1' },
        FIRST_YEAR_ROWS.midway_reviews[1],
      ],
      recommendations: [
        { ...FIRST_YEAR_ROWS.recommendations[0], completed_on: '2023-04-28' },
        { ...FIRST_YEAR_ROWS.recommendations[1], owner: 'social_worker' },
        {
          child_id: 'C1',
          review_date: '2023-08-30',
          sequence: 1,
          recommendation: 'Apply for passport',
          owner: 'carer',
          due_date: '2023-11-30',
          completed_on: null,
        },
        FIRST_YEAR_ROWS.recommendations[2],
      ],
      consultations: [
        // The form's review was filled in: the same form, not a second one.
        { ...FIRST_YEAR_ROWS.consultations[0], review_date: '2023-03-01' },
        {
          child_id: 'C1',
          respondent: 'child',
          received_on: '2023-08-25',
          sequence: 1,
          review_date: '2023-08-30',
        },
        FIRST_YEAR_ROWS.consultations[1],
        FIRST_YEAR_ROWS.consultations[2],
        FIRST_YEAR_ROWS.consultations[3],
      ],
      feedback: [
        { ...FIRST_YEAR_ROWS.feedback[0], answer: 'yes' },
        FIRST_YEAR_ROWS.feedback[1],
        { child_id: 'C1', review_date: '2023-08-30', question: 'listened_to', answer: 'yes' },
        FIRST_YEAR_ROWS.feedback[2],
      ],
      audits: [
        { ...FIRST_YEAR_ROWS.audits[0], grade: 'requires_improvement' },
        FIRST_YEAR_ROWS.audits[1],
        { audit_id: 'A3', child_id: 'C1', audit_date: '2023-09-10', auditor_id: 'I2', grade: 'outstanding' },
      ],
    });
  });

  it('changes nothing when the second year is imported again', async () => {
    const before = await contentsOf('north');
    await runImport('north', second);
    expect(await contentsOf('north')).toEqual(before);
  });
});

describe('two councils with the same ids', () => {
  it('hold two sets of records, neither visible from the other', async () => {
    const first = await importSet(await folderWith(firstYear));
    await runImport('south', first);
    // North also has the second year; south only the first, whatever north's rows say.
    expect(await contentsOf('south')).toEqual(FIRST_YEAR_ROWS);
    const north = await contentsOf('north');
    expect(north.reviews).toHaveLength(5);
    for (const tenant of ['north', 'south']) {
      const seen = await withTenant(connection.db, tenant, async (tx) => {
        const out: Record<string, unknown[]> = {};
        for (const table of Object.keys(TABLES) as Table[]) {
          // As the service role, with only the council set: row-level security does the filtering.
          const { rows } = await tx.execute(
            sql.raw(`select tenant_id, ${TABLES[table]} from reviews.${table}`),
          );
          out[table] = rows;
        }
        return out;
      });
      for (const [table, rows] of Object.entries(seen)) {
        expect(rows.length, `${tenant} ${table}`).toBe(
          (tenant === 'north' ? north : FIRST_YEAR_ROWS)[table as Table].length,
        );
        for (const row of rows) expect(row, `${tenant} ${table}`).toMatchObject({ tenant_id: tenant });
      }
    }
    // The audit A1 is two audits: graded in north, not graded in south.
    const grades = await database.superuser.query(
      `select tenant_id, grade from reviews.audits where audit_id = 'A1' order by tenant_id`,
    );
    expect(grades.rows).toEqual([
      { tenant_id: 'north', grade: 'requires_improvement' },
      { tenant_id: 'south', grade: null },
    ]);
  });
});

describe('a write that fails', () => {
  it('rolls back every file of the part already written', async () => {
    const set = await importSet(await folderWith(firstYear));
    const before = await contentsOf('east');
    let batches = 0;
    // reviews, review_details and midway_reviews are written before the third batch's report fails.
    const failing = (_rows: number) => {
      batches += 1;
      if (batches === 3) throw new Error('the worker lost its connection');
    };
    await expect(runImport('east', set, failing)).rejects.toThrow('the worker lost its connection');
    expect(batches).toBe(3);
    expect(await contentsOf('east')).toEqual(before);
    expect(before.reviews).toEqual([]);
  });

  it('leaves a council’s earlier import as it was', async () => {
    const before = await contentsOf('north');
    let batches = 0;
    const set = await importSet(await folderWith(secondYear));
    await expect(
      runImport('north', set, () => {
        batches += 1;
        if (batches === 6) throw new Error('stopped at feedback');
      }),
    ).rejects.toThrow('stopped at feedback');
    expect(await contentsOf('north')).toEqual(before);
  });

  it('refuses review details that name a review the council does not have, and writes nothing', async () => {
    // Without a reviews file in the import, validation cannot check the match: the writer does.
    const set = await importSet(
      await folderWith({
        'review_details.csv': [DETAILS, 'C1,2023-03-01,I1,virtual,no,,,,', 'C9,2023-04-01,I1,virtual,no,,,,'],
        'audits.csv': [AUDITS, 'A9,C9,2023-04-02,I1,good'],
      }),
    );
    const before = await contentsOf('north');
    await expect(runImport('north', set)).rejects.toThrow(
      'review_details names reviews this council does not have: row 3 (CHILD C9, REVIEW 2023-04-01)',
    );
    expect(await contentsOf('north')).toEqual(before);
  });

  it('cannot write into another council than the one its transaction is for', async () => {
    const set = await importSet(await folderWith(firstYear));
    const before = await contentsOf('west');
    await expect(
      withTenant(connection.db, 'east', (tx) =>
        importPart.write(tx, { tenant: 'west', set, onRows: () => {} }),
      ),
    ).rejects.toThrow();
    expect(await contentsOf('west')).toEqual(before);
  });
});

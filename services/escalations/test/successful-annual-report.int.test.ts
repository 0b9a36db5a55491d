import { escalationFigures } from '@footprint/domain';
import type { CodeCount, RecordBehindFigure } from '@footprint/graphql';
import {
  annualReport,
  callEntities,
  entitiesOf,
  entitiesQuery,
  recordBehindFields,
  testService,
} from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as escalations } from '../src/index.ts';
import { seedAnnualReport } from './annual-report-fixtures.ts';
import { largeCouncil, seedLargeCouncil } from './large-council.ts';

const bradford = largeCouncil();

const running = testService(escalations, {
  seed: async (db) => {
    await seedAnnualReport(db);
    await seedLargeCouncil(db, 'bradford', bradford);
  },
});
beforeAll(running.start);
afterAll(running.stop);

const manager = (tenant: string) => running.keys.tokenForRole('manager', { tenant });

type Figures = {
  raised: number;
  children: number;
  highestStage: CodeCount[];
  resolvedAtStage: CodeCount[];
  referredToCafcass: number;
  withdrawn: number;
  openAt31March: number;
  byTheme: CodeCount[];
  medianWorkingDaysToResolve: number | null;
};

const figuresQuery = entitiesQuery(
  'AnnualReport',
  `year
  escalations {
    raised children highestStage { code count } resolvedAtStage { code count }
    referredToCafcass withdrawn openAt31March byTheme { code count } medianWorkingDaysToResolve
  }`,
);

/** The escalations side of the report, fetched as the gateway does: by the entity's key. */
const figuresOf = async (tenant: string, ...years: number[]) =>
  entitiesOf<{ year: number; escalations: Figures }>(
    running.url,
    figuresQuery,
    years.map((year) => annualReport(year)),
    {
      token: await manager(tenant),
    },
  );

async function recordsBehind(tenant: string, year: number, figure: string) {
  const [entity] = await entitiesOf<{ escalationsRecordsBehind: RecordBehindFigure[] }>(
    running.url,
    entitiesQuery(
      'AnnualReport',
      `escalationsRecordsBehind(figure: $figure) { ${recordBehindFields} }`,
      '$figure: String!',
    ),
    [annualReport(year)],
    { token: await manager(tenant), variables: { figure } },
  );
  return entity!.escalationsRecordsBehind;
}

/** Every count of the figures by its path in the report's JSON, map entries included. */
const countsByPath = (figures: Figures): [string, number][] =>
  Object.entries(figures).flatMap(([name, value]): [string, number][] => {
    if (name === 'medianWorkingDaysToResolve') return [];
    if (typeof value === 'number') return [[`escalations.${name}`, value]];
    return (value as CodeCount[]).map(({ code, count }) => [`escalations.${name}.${code}`, count]);
  });

describe('escalation figures of the annual report', () => {
  it('computes north’s year as worked out by hand, stages in the council’s order (see the fixtures)', async () => {
    const [report] = await figuresOf('north', 2023);
    expect(report).toEqual({
      year: 2023,
      escalations: {
        raised: 7,
        children: 6,
        highestStage: [
          { code: 'practice_alert', count: 2 },
          { code: 'formal_one', count: 2 },
          { code: 'director', count: 1 },
          { code: 'legacy', count: 1 },
        ],
        resolvedAtStage: [
          { code: 'practice_alert', count: 1 },
          { code: 'formal_one', count: 1 },
          { code: 'legacy', count: 1 },
        ],
        referredToCafcass: 1,
        withdrawn: 1,
        openAt31March: 4,
        byTheme: [
          { code: 'child_voice', count: 1 },
          { code: 'court_timescales', count: 1 },
          { code: 'drift_delay', count: 2 },
          { code: 'education', count: 1 },
          { code: 'health', count: 1 },
          { code: 'placement', count: 2 },
        ],
        medianWorkingDaysToResolve: 3,
      },
    });
  });

  it('answers two years in one call, each from its own 31 March', async () => {
    const [current, previous] = await figuresOf('north', 2023, 2022);
    expect(current!.escalations.raised).toBe(7);
    // Asked alone, each year reads only what it needs; the answer is the same.
    expect(await figuresOf('north', 2022)).toEqual([previous]);
    expect(previous).toEqual({
      year: 2022,
      escalations: {
        raised: 3,
        children: 3,
        highestStage: [{ code: 'practice_alert', count: 3 }],
        resolvedAtStage: [{ code: 'practice_alert', count: 1 }],
        referredToCafcass: 0,
        withdrawn: 0,
        openAt31March: 2,
        byTheme: [
          { code: 'contact', count: 1 },
          { code: 'other', count: 2 },
        ],
        medianWorkingDaysToResolve: 22,
      },
    });
  });

  it('reads south’s own escalations under the same references, with the default stages', async () => {
    const [report] = await figuresOf('south', 2023);
    expect(report!.escalations).toEqual({
      raised: 2,
      children: 1,
      highestStage: [
        { code: 'informal', count: 1 },
        { code: 'stage3', count: 1 },
      ],
      resolvedAtStage: [{ code: 'informal', count: 1 }],
      referredToCafcass: 0,
      withdrawn: 0,
      openAt31March: 1,
      byTheme: [
        { code: 'education', count: 1 },
        { code: 'health', count: 1 },
      ],
      medianWorkingDaysToResolve: 2,
    });
  });

  it('gives a council with no escalations zeros, empty lists and no median', async () => {
    const [report] = await figuresOf('east', 2023);
    expect(report!.escalations).toEqual({
      raised: 0,
      children: 0,
      highestStage: [],
      resolvedAtStage: [],
      referredToCafcass: 0,
      withdrawn: 0,
      openAt31March: 0,
      byTheme: [],
      medianWorkingDaysToResolve: null,
    });
    expect(await recordsBehind('east', 2023, 'escalations.raised')).toEqual([]);
  });
});

describe('the records behind each figure', () => {
  it('has exactly as many records behind every count as the count, for every figure of both councils', async () => {
    for (const [tenant, year] of [
      ['north', 2023],
      ['north', 2022],
      ['south', 2023],
    ] as const) {
      const [report] = await figuresOf(tenant, year);
      const counts = countsByPath(report!.escalations);
      expect(counts.length).toBeGreaterThanOrEqual(8);
      for (const [figure, count] of counts)
        expect(await recordsBehind(tenant, year, figure), `${tenant} ${year} ${figure}`).toHaveLength(count);
    }
  });

  it('lists the escalations raised in the year, oldest first, each with its child and where it stood', async () => {
    const records = await recordsBehind('north', 2023, 'escalations.raised');
    expect(records.map((r) => r.reference)).toEqual(['N1', 'N2', 'N9', 'N3', 'N10', 'N4', 'N5']);
    expect(records[0]).toEqual({
      child: { id: 'C1' },
      date: '2023-05-02',
      reference: 'N1',
      description:
        'Escalation N1 raised 2023-05-02 (drift_delay, placement), highest stage Formal one: resolved at Formal one on 2023-05-10, 5 working days after it was raised',
    });
    expect(records.find((r) => r.reference === 'N9')!.description).toBe(
      'Escalation N9 raised 2023-07-03 (child_voice): open on 2024-03-31, with no events recorded',
    );
    expect(records.find((r) => r.reference === 'N3')!.description).toBe(
      'Escalation N3 raised 2023-09-04 (health), highest stage Director: referred to CAFCASS at Director on 2023-10-02',
    );
  });

  it('stands one record for each child, on their first escalation of the year', async () => {
    const records = await recordsBehind('north', 2023, 'escalations.children');
    expect(records.map((r) => [r.child?.id, r.reference])).toEqual([
      ['C1', 'N1'],
      ['C8', 'N9'],
      ['C2', 'N3'],
      ['C9', 'N10'],
      ['C3', 'N4'],
      ['C4', 'N5'],
    ]);
    expect(records[0]!.description).toBe(
      'Child C1: 2 escalations raised in the year, the first N1 on 2023-05-02',
    );
  });

  it('traces map entries, still-open escalations of earlier years, and keys that do not occur', async () => {
    const refs = async (figure: string) =>
      (await recordsBehind('north', 2023, figure)).map((r) => r.reference);
    // N11, closed in 2021, was raised again in the year; N12 was closed in the year; N7 before it.
    expect(await refs('escalations.openAt31March')).toEqual(['N11', 'N6', 'N9', 'N5']);
    expect(await refs('escalations.highestStage.formal_one')).toEqual(['N1', 'N5']);
    expect(await refs('escalations.resolvedAtStage.legacy')).toEqual(['N10']);
    expect(await refs('escalations.byTheme.drift_delay')).toEqual(['N1', 'N2']);
    expect(await refs('escalations.referredToCafcass')).toEqual(['N3']);
    expect(await refs('escalations.withdrawn')).toEqual(['N4']);
    expect(await refs('escalations.byTheme.safeguarding')).toEqual([]);
    expect(await refs('escalations.highestStage.stage3')).toEqual([]);
    expect(
      (await recordsBehind('north', 2023, 'escalations.openAt31March')).find((r) => r.reference === 'N5')!
        .description,
    ).toBe(
      'Escalation N5 raised 2024-03-20 (placement), highest stage Formal one: open at Formal one on 2024-03-31',
    );
  });

  it('shows south its own N1, never north’s', async () => {
    const records = await recordsBehind('south', 2023, 'escalations.openAt31March');
    expect(records).toEqual([
      {
        child: { id: 'C1' },
        date: '2023-05-02',
        reference: 'N1',
        description:
          'Escalation N1 raised 2023-05-02 (health), highest stage Stage 3: open at Stage 3 on 2024-03-31',
      },
    ]);
  });

  it('audits who read which escalations behind which figure, in their own council', async () => {
    const token = await running.keys.tokenForRole('manager', { tenant: 'south', sub: 'reader-7' });
    await callEntities(
      running.url,
      entitiesQuery(
        'AnnualReport',
        'escalations { raised } escalationsRecordsBehind(figure: "escalations.raised") { reference }',
      ),
      [annualReport(2023)],
      { token },
    );
    const audit = await running.database.superuser.query(
      `select tenant_id, action, entity, entity_ids, detail from escalations.audit_events where actor = 'reader-7'`,
    );
    expect(audit.rows).toEqual([
      {
        tenant_id: 'south',
        action: 'read',
        entity: 'Escalation',
        entity_ids: ['N1', 'S2'],
        detail: { figure: 'escalations.raised', year: 2023 },
      },
    ]);
  });
});

describe('a council the size of Bradford', () => {
  const asMap = (counts: CodeCount[]) => Object.fromEntries(counts.map(({ code, count }) => [code, count]));

  it('answers as the domain does over every row, this year and last in one call', async () => {
    const reports = await figuresOf('bradford', 2023, 2022);
    for (const { year, escalations: f } of reports) {
      const expected = escalationFigures(bradford.escalations, (id) => bradford.events.get(id) ?? [], year);
      expect(expected.raised).toBeGreaterThan(100);
      expect(expected.openAt31March).toBeGreaterThan(10);
      expect({
        ...f,
        highestStage: asMap(f.highestStage),
        resolvedAtStage: asMap(f.resolvedAtStage),
        byTheme: asMap(f.byTheme),
      }).toEqual(expected);
      // The default stages, in their order.
      const order = ['informal', 'stage1', 'stage2', 'stage3'];
      expect(f.highestStage.map((s) => s.code)).toEqual(order.filter((key) => expected.highestStage[key]));
    }
  });

  it('has as many records behind each count as the count', async () => {
    const [report] = await figuresOf('bradford', 2023);
    for (const [figure, count] of countsByPath(report!.escalations))
      expect(await recordsBehind('bradford', 2023, figure), figure).toHaveLength(count);
  });
});

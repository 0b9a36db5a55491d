import type { CodeCount, RecordBehindFigure } from '@footprint/graphql';
import { entitiesOf, testService } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as advocacy } from '../src/index.ts';
import { advocacyQuery, recordsBehindQuery, report, seedAnnualReport } from './annual-report-fixtures.ts';

const running = testService(advocacy, { seed: seedAnnualReport });
beforeAll(running.start);
afterAll(running.stop);

const manager = (tenant: string) => running.keys.tokenForRole('manager', { tenant });

type Figures = {
  involvements: number;
  children: number;
  childrenPercent: number | null;
  byReason: CodeCount[];
  bySource: CodeCount[];
  independentVisitorsAt31March: number;
  independentVisitorsDuringYear: number;
};

const figuresOf = async (tenant: string, reps: unknown[]) =>
  entitiesOf<{ year: number; advocacy: Figures }>(running.url, advocacyQuery, reps, {
    token: await manager(tenant),
  });

async function recordsBehind(tenant: string, figure: string, year = 2023) {
  const [entity] = await entitiesOf<{ advocacyRecordsBehind: RecordBehindFigure[] }>(
    running.url,
    recordsBehindQuery,
    [report(year)],
    { token: await manager(tenant), variables: { figure } },
  );
  return entity!.advocacyRecordsBehind;
}

describe('the advocacy section of the annual report', () => {
  it('counts what the spec counts for a hand-made year, every provider of the council included', async () => {
    // Reporting year 2023 is 1 April 2023 – 31 March 2024 (see annual-report-fixtures.ts).
    // Involvements referred in it: INV1 (first day), INV2, INV6, INV3 (last day) = 4; INV4 (the day
    // before) and INV5 (the day after) are not. INV2 and INV5 are speakup's, INV1 voice's: a manager
    // counts every provider. Children: C1, C2, C5 = 3, of 40 looked after during the year = 7.5%.
    // Reasons: each involvement once under each reason (placement: INV1, INV2). INV6 has no source
    // recorded: counted as notRecorded, and under no reason. Independent Visitors open at the end
    // of 31 March 2024: C1 and C6 (its second allocation) = 2 (C2's ended that day). During the
    // year: C1, C2, C3 (ended 1 April 2023), C6 = 4 (C4 starts after, C5 ended before).
    const [north] = await figuresOf('north', [report(2023)]);
    expect(north).toEqual({
      year: 2023,
      advocacy: {
        involvements: 4,
        children: 3,
        childrenPercent: 7.5,
        byReason: [
          { code: 'complaint', count: 1 },
          { code: 'contact', count: 1 },
          { code: 'placement', count: 2 },
          { code: 'review_participation', count: 1 },
        ],
        bySource: [
          { code: 'iro', count: 1 },
          { code: 'notRecorded', count: 1 },
          { code: 'self', count: 2 },
        ],
        independentVisitorsAt31March: 2,
        independentVisitorsDuringYear: 4,
      },
    });
  });

  it('answers several years in one call; no children looked after gives a null percentage', async () => {
    // 2022 (1 April 2022 – 31 March 2023): INV4 only. Independent Visitors at 31 March 2023: C1 and
    // C3 (ends 1 April 2023) = 2; during the year C1, C3 and C5 (ended 31 March 2023) = 3.
    const [y2022, y2023] = await figuresOf('north', [report(2022, 0), report(2023, 3)]);
    expect(y2022).toEqual({
      year: 2022,
      advocacy: {
        involvements: 1,
        children: 1,
        childrenPercent: null,
        byReason: [{ code: 'care_plan', count: 1 }],
        bySource: [{ code: 'self', count: 1 }],
        independentVisitorsAt31March: 2,
        independentVisitorsDuringYear: 3,
      },
    });
    expect(y2023!.advocacy.childrenPercent).toBe(100);
  });

  it('counts only the caller’s council, though the other shares CHILD and INVOLVEMENT references', async () => {
    // South 2023: INV1 (C1) and INV9 (S9), of 8 children = 25%; C1's Independent Visitor since January 2023.
    const [south] = await figuresOf('south', [report(2023, 8)]);
    expect(south!.advocacy).toEqual({
      involvements: 2,
      children: 2,
      childrenPercent: 25,
      byReason: [
        { code: 'care_plan', count: 1 },
        { code: 'complaint', count: 1 },
      ],
      bySource: [
        { code: 'carer', count: 1 },
        { code: 'self', count: 1 },
      ],
      independentVisitorsAt31March: 1,
      independentVisitorsDuringYear: 1,
    });
    expect(await recordsBehind('south', 'advocacy.involvements')).toEqual([
      {
        child: { id: 'C1' },
        date: '2023-05-05',
        reference: 'INV1',
        description: 'Referred 2023-05-05 to voice by Foster carer or residential worker: Making a complaint',
      },
      expect.objectContaining({ child: { id: 'S9' }, reference: 'INV9' }),
    ]);
  });
});

describe('the records behind each advocacy figure', () => {
  it('lists the involvements referred in the year, as many as the figure', async () => {
    const records = await recordsBehind('north', 'advocacy.involvements');
    expect(records).toEqual([
      {
        child: { id: 'C1' },
        date: '2023-04-01',
        reference: 'INV1',
        description:
          'Referred 2023-04-01 to voice by Independent Reviewing Officer: Support to take part in a review; Choice, type or location of placement',
      },
      {
        child: { id: 'C1' },
        date: '2023-09-10',
        reference: 'INV2',
        description:
          'Referred 2023-09-10 to speakup by The child or young person (self-referral): Choice, type or location of placement; Contact with family members or siblings',
      },
      {
        child: { id: 'C5' },
        date: '2023-12-01',
        reference: 'INV6',
        description: 'Referred 2023-12-01 to voice by a source not recorded: no reason recorded',
      },
      {
        child: { id: 'C2' },
        date: '2024-03-31',
        reference: 'INV3',
        description:
          'Referred 2024-03-31 to voice by The child or young person (self-referral): Making a complaint',
      },
    ]);
  });

  it('lists each child once, with their involvements of the year', async () => {
    expect(await recordsBehind('north', 'advocacy.children')).toEqual([
      {
        child: { id: 'C1' },
        date: '2023-04-01',
        reference: null,
        description: '2 involvements referred in the year: INV1 (2023-04-01), INV2 (2023-09-10)',
      },
      {
        child: { id: 'C5' },
        date: '2023-12-01',
        reference: null,
        description: '1 involvement referred in the year: INV6 (2023-12-01)',
      },
      {
        child: { id: 'C2' },
        date: '2024-03-31',
        reference: null,
        description: '1 involvement referred in the year: INV3 (2024-03-31)',
      },
    ]);
  });

  it('lists the children with an Independent Visitor, at 31 March and during the year', async () => {
    expect(await recordsBehind('north', 'advocacy.independentVisitorsAt31March')).toEqual([
      {
        child: { id: 'C1' },
        date: '2022-01-01',
        reference: null,
        description: 'Independent Visitor from 2022-01-01, still allocated',
      },
      {
        child: { id: 'C6' },
        date: '2024-01-01',
        reference: null,
        description: 'Independent Visitor from 2024-01-01, still allocated',
      },
    ]);
    const during = await recordsBehind('north', 'advocacy.independentVisitorsDuringYear');
    expect(during.map((r) => r.child?.id)).toEqual(['C1', 'C2', 'C3', 'C6']);
    expect(during[3]).toEqual({
      child: { id: 'C6' },
      date: '2023-05-01',
      reference: null,
      description: 'Independent Visitor from 2023-05-01 to 2023-08-01; from 2024-01-01, still allocated',
    });
  });

  it('has as many records as every figure counts, in two years', async () => {
    for (const [year, lookedAfter] of [
      [2022, 0],
      [2023, 40],
    ] as const) {
      const figures = (await figuresOf('north', [report(year, lookedAfter)]))[0]!.advocacy;
      const counts: [string, number][] = [
        ['advocacy.involvements', figures.involvements],
        ['advocacy.children', figures.children],
        ['advocacy.independentVisitorsAt31March', figures.independentVisitorsAt31March],
        ['advocacy.independentVisitorsDuringYear', figures.independentVisitorsDuringYear],
        ...figures.byReason.map((c): [string, number] => [`advocacy.byReason.${c.code}`, c.count]),
        ...figures.bySource.map((c): [string, number] => [`advocacy.bySource.${c.code}`, c.count]),
      ];
      for (const [figure, count] of counts) {
        expect((await recordsBehind('north', figure, year)).length, `${figure} ${year}`).toBe(count);
      }
    }
    const placement = await recordsBehind('north', 'advocacy.byReason.placement');
    expect(placement.map((r) => r.reference)).toEqual(['INV1', 'INV2']);
    const notRecorded = await recordsBehind('north', 'advocacy.bySource.notRecorded');
    expect(notRecorded.map((r) => r.reference)).toEqual(['INV6']);
  });

  it('gives an empty list for a code that does not occur', async () => {
    expect(await recordsBehind('north', 'advocacy.byReason.age_assessment')).toEqual([]);
    expect(await recordsBehind('north', 'advocacy.bySource.constructor')).toEqual([]);
  });

  it('audits the records read, naming the figure and the year', async () => {
    await running.database.superuser.query('delete from advocacy.audit_events');
    await recordsBehind('north', 'advocacy.byReason.placement');
    await recordsBehind('north', 'advocacy.independentVisitorsAt31March');
    await recordsBehind('north', 'advocacy.byReason.age_assessment');
    const { rows } = await running.database.superuser.query(
      `select tenant_id, actor, action, entity, entity_ids, detail from advocacy.audit_events order by at`,
    );
    expect(rows).toEqual([
      {
        tenant_id: 'north',
        actor: 'north-manager',
        action: 'read',
        entity: 'AdvocacyInvolvement',
        entity_ids: ['INV1', 'INV2'],
        detail: { figure: 'advocacy.byReason.placement', year: 2023 },
      },
      {
        tenant_id: 'north',
        actor: 'north-manager',
        action: 'read',
        entity: 'IndependentVisitorAllocation',
        entity_ids: ['C1', 'C6'],
        detail: { figure: 'advocacy.independentVisitorsAt31March', year: 2023 },
      },
    ]);
  });
});

import type { CodeCount, RecordBehindFigure } from '@footprint/graphql';
import { entitiesOf, testService } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as fosterCarerReviews } from '../src/index.ts';
import { figuresQuery, recordsBehindQuery, report, seedAnnualReport } from './annual-report-fixtures.ts';

const running = testService(fosterCarerReviews, { seed: seedAnnualReport });
beforeAll(running.start);
afterAll(running.stop);

const manager = (tenant: string) => running.keys.tokenForRole('manager', { tenant });

type Figures = {
  householdsAt31March: CodeCount[];
  due: number;
  onTime: number;
  onTimePercent: number | null;
  overdueAt31March: number;
};

const figuresOf = async (tenant: string, years: number[]) =>
  entitiesOf<{ year: number; fosterCarerReviews: Figures }>(running.url, figuresQuery, years.map(report), {
    token: await manager(tenant),
  });

async function recordsBehind(tenant: string, figure: string, year = 2023) {
  const [entity] = await entitiesOf<{ fosterCarerReviewsRecordsBehind: RecordBehindFigure[] }>(
    running.url,
    recordsBehindQuery,
    [report(year)],
    { token: await manager(tenant), variables: { figure } },
  );
  return entity!.fosterCarerReviewsRecordsBehind;
}

describe('the foster carer reviews section of the annual report', () => {
  it('counts what the spec counts for a hand-made year', async () => {
    // Year 2023 (see annual-report-fixtures.ts). Approved at the end of 31 March 2024: mainstream H1,
    // H3, H7, H9 (H4 and H6 ended) = 4; connected person H2, H8 (H5 ended) = 2. Due in the year while
    // approved: H1, H2, H3, H6 (ended on its due date), H8, H9 = 6 (H5 ended the day before); held by
    // the due date: H1, H9 = 2, 33.3%. Overdue at 31 March: H2, and H8 (its review of 2 April 2024 is
    // after) = 2; H6 is no longer approved.
    const [north] = await figuresOf('north', [2023]);
    expect(north).toEqual({
      year: 2023,
      fosterCarerReviews: {
        householdsAt31March: [
          { code: 'mainstream', count: 4 },
          { code: 'connected_person', count: 2 },
        ],
        due: 6,
        onTime: 2,
        onTimePercent: 33.3,
        overdueAt31March: 2,
      },
    });
  });

  it('answers several years in one call', async () => {
    // Year 2022 (to 31 March 2023): approved then mainstream H1, H3, H6, H9, connected H2, H5, H8
    // (H4 ended in February). Due: H8's first review, 15 March 2023, held on 10 March = 1, on time.
    // None overdue: H3's first review falls due on 1 April 2023.
    const [y2022, y2023] = await figuresOf('north', [2022, 2023]);
    expect(y2022).toEqual({
      year: 2022,
      fosterCarerReviews: {
        householdsAt31March: [
          { code: 'mainstream', count: 4 },
          { code: 'connected_person', count: 3 },
        ],
        due: 1,
        onTime: 1,
        onTimePercent: 100,
        overdueAt31March: 0,
      },
    });
    expect(y2023!.fosterCarerReviews.due).toBe(6);
  });

  it('lists both household types, zeros included, and nothing due gives a null percentage', async () => {
    const [y2020] = await figuresOf('north', [2020]);
    expect(y2020!.fosterCarerReviews).toEqual({
      householdsAt31March: [
        { code: 'mainstream', count: 1 },
        { code: 'connected_person', count: 0 },
      ],
      due: 0,
      onTime: 0,
      onTimePercent: null,
      overdueAt31March: 0,
    });
  });

  it('counts only the caller’s council, though the other shares HOUSEHOLD references', async () => {
    // South: H1 due 1 June 2023, never reviewed (overdue); H2 due 1 January 2024, held 15 December.
    const [south] = await figuresOf('south', [2023]);
    expect(south!.fosterCarerReviews).toEqual({
      householdsAt31March: [
        { code: 'mainstream', count: 1 },
        { code: 'connected_person', count: 1 },
      ],
      due: 2,
      onTime: 1,
      onTimePercent: 50,
      overdueAt31March: 1,
    });
    expect(await recordsBehind('south', 'fosterCarerReviews.overdueAt31March')).toEqual([
      {
        child: null,
        date: '2023-06-01',
        reference: 'H1',
        description: 'The Jones household: review due 2023-06-01, not held by 2024-03-31',
      },
    ]);
  });
});

describe('the records behind each foster carer review figure', () => {
  it('lists the households approved at 31 March by type', async () => {
    expect(await recordsBehind('north', 'fosterCarerReviews.householdsAt31March.connected_person')).toEqual([
      {
        child: null,
        date: '2022-06-15',
        reference: 'H2',
        description: 'The Patel household (connected person), approved 2022-06-15',
      },
      {
        child: null,
        date: '2022-03-15',
        reference: 'H8',
        description: 'The Khan household (connected person), approved 2022-03-15',
      },
    ]);
    const mainstream = await recordsBehind('north', 'fosterCarerReviews.householdsAt31March.mainstream');
    expect(mainstream.map((r) => r.reference)).toEqual(['H1', 'H3', 'H7', 'H9']);
    expect(mainstream[2]!.description).toBe('Household H7 (mainstream), approved 2024-03-31');
  });

  it('lists the due dates of the year, held or not', async () => {
    expect(await recordsBehind('north', 'fosterCarerReviews.due')).toEqual([
      {
        child: null,
        date: '2023-05-10',
        reference: 'H1',
        description: 'The Smith household: review due 2023-05-10, held 2023-05-10 (on time)',
      },
      {
        child: null,
        date: '2023-06-15',
        reference: 'H2',
        description: 'The Patel household: review due 2023-06-15, not held',
      },
      {
        child: null,
        date: '2023-04-01',
        reference: 'H3',
        description: 'The Okafor household: review due 2023-04-01, held 2023-04-20 (late)',
      },
      {
        child: null,
        date: '2023-10-01',
        reference: 'H6',
        description: 'The Brown household: review due 2023-10-01, not held',
      },
      {
        child: null,
        date: '2024-03-10',
        reference: 'H8',
        description: 'The Khan household: review due 2024-03-10, held 2024-04-02 (late)',
      },
      {
        child: null,
        date: '2023-12-01',
        reference: 'H9',
        description: 'The Green household: review due 2023-12-01, held 2023-11-30 (on time)',
      },
    ]);
    const onTime = await recordsBehind('north', 'fosterCarerReviews.onTime');
    expect(onTime.map((r) => r.reference)).toEqual(['H1', 'H9']);
    const overdue = await recordsBehind('north', 'fosterCarerReviews.overdueAt31March');
    expect(overdue.map((r) => [r.reference, r.date])).toEqual([
      ['H2', '2023-06-15'],
      ['H8', '2024-03-10'],
    ]);
  });

  it('has as many records as every figure counts, in three years', async () => {
    for (const year of [2021, 2022, 2023]) {
      const figures = (await figuresOf('north', [year]))[0]!.fosterCarerReviews;
      const counts: [string, number][] = [
        ['fosterCarerReviews.due', figures.due],
        ['fosterCarerReviews.onTime', figures.onTime],
        ['fosterCarerReviews.overdueAt31March', figures.overdueAt31March],
        ...figures.householdsAt31March.map((c): [string, number] => [
          `fosterCarerReviews.householdsAt31March.${c.code}`,
          c.count,
        ]),
      ];
      for (const [figure, count] of counts) {
        expect((await recordsBehind('north', figure, year)).length, `${figure} ${year}`).toBe(count);
      }
    }
  });

  it('gives an empty list for a household type that does not occur', async () => {
    expect(await recordsBehind('north', 'fosterCarerReviews.householdsAt31March.kinship')).toEqual([]);
    expect(await recordsBehind('north', 'fosterCarerReviews.householdsAt31March.constructor')).toEqual([]);
  });

  it('audits the households read, naming the figure and the year', async () => {
    await running.database.superuser.query('delete from foster_carer_reviews.audit_events');
    await recordsBehind('north', 'fosterCarerReviews.overdueAt31March');
    await recordsBehind('north', 'fosterCarerReviews.householdsAt31March.kinship');
    const { rows } = await running.database.superuser.query(
      'select tenant_id, actor, action, entity, entity_ids, detail from foster_carer_reviews.audit_events order by at',
    );
    expect(rows).toEqual([
      {
        tenant_id: 'north',
        actor: 'north-manager',
        action: 'read',
        entity: 'FosterHousehold',
        entity_ids: ['H2', 'H8'],
        detail: { figure: 'fosterCarerReviews.overdueAt31March', year: 2023 },
      },
    ]);
  });
});

import { daysBetween, londonDateOf } from '@footprint/domain';
import {
  graphql,
  startTestService,
  type TestDatabase,
  type TestKeys,
  type TestService,
} from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as reviews } from '../src/index.ts';
import { childRepresentations, seedTwoCouncils } from './fixtures.ts';

let database: TestDatabase;
let keys: TestKeys;
let running: TestService;

beforeAll(async () => {
  running = await startTestService(reviews, { seed: seedTwoCouncils });
  ({ database, keys } = running);
});

afterAll(() => running?.stop());

const manager = (tenant: string, sub = `${tenant}-manager`) =>
  keys.tokenFor({ tenant, roles: ['manager'], sub });
const iro = (tenant: string, staffRef: string) =>
  keys.tokenFor({ tenant, roles: ['iro'], staffRef, sub: `${tenant}-${staffRef}` });

type Representation = (typeof childRepresentations)[keyof typeof childRepresentations];

/** An `_entities` call as the gateway makes it, for the Child fields this subgraph adds. */
async function childFields<T>(token: string, representations: Representation[], selection: string) {
  const result = await graphql<{ _entities: T[] }>(
    running.url,
    `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Child { ${selection} } } }`,
    { token, variables: { reps: representations } },
  );
  expect(result.errors).toBeUndefined();
  return result.data!._entities;
}

const scheduleFields =
  'asOf periodStart periodEnd shortBreak dueBasis nextDueDate localDueDate overdue daysOverdue locallyOverdue midwayDueDate lastReview { date participation }';

describe('a child’s reviews', () => {
  it('lists every review oldest first, the same-day duplicate included and flagged', async () => {
    const [child] = await childFields<{ reviews: unknown[] }>(
      await manager('north'),
      [childRepresentations.northC1],
      'reviews { id date countsInSchedule participation format chairedByChild iro { id } }',
    );
    expect(child!.reviews).toEqual([
      {
        id: 'C1/2019-01-30/1',
        date: '2019-01-30',
        countsInSchedule: true,
        participation: 'PN1',
        format: 'in_person',
        chairedByChild: 'no',
        iro: { id: 'I1' },
      },
      expect.objectContaining({ id: 'C1/2019-04-25/1', countsInSchedule: true }),
      expect.objectContaining({ id: 'C1/2021-05-05/1', countsInSchedule: true }),
      expect.objectContaining({ id: 'C1/2023-03-22/1', countsInSchedule: true, participation: 'PN1' }),
      expect.objectContaining({
        id: 'C1/2023-03-22/2',
        countsInSchedule: false,
        participation: 'PN7',
        iro: { id: 'I2' },
      }),
      expect.objectContaining({ id: 'C1/2023-07-10/1', countsInSchedule: true }),
    ]);
  });

  it('gives the DfE wording, the late reason, the paperwork dates and the recommendations', async () => {
    const [child] = await childFields<{ lastReview: unknown }>(
      await manager('north'),
      [childRepresentations.northC1],
      `lastReview { date participation participationWording lateReason lateReasonWording
         outcomesIssued recordCompleted recordDistributed
         recommendations { id reviewDate recommendation owner dueDate completedOn
           overdue(asOf: "2023-10-11") overdueThen: overdue(asOf: "2023-10-10") } }`,
    );
    expect(child!.lastReview).toEqual({
      date: '2023-07-10',
      participation: 'PN5',
      participationWording: expect.stringMatching(/^Child does not attend physically but briefs an advocate/),
      lateReason: 'child_unavailable',
      lateReasonWording: 'Child unavailable or unwell',
      outcomesIssued: '2023-07-14',
      recordCompleted: '2023-07-28',
      recordDistributed: null,
      recommendations: [
        {
          id: 'C1/2023-07-10/1',
          reviewDate: '2023-07-10',
          recommendation: 'Arrange life-story work',
          owner: 'social_worker',
          dueDate: '2023-09-10',
          completedOn: '2023-09-01',
          overdue: false,
          overdueThen: false,
        },
        {
          id: 'C1/2023-07-10/2',
          reviewDate: '2023-07-10',
          recommendation: 'Review family time arrangements',
          owner: 'iro',
          dueDate: '2023-10-10',
          completedOn: null,
          overdue: true,
          overdueThen: false,
        },
      ],
    });
  });

  it('reads the same CHILD reference as two different children in two councils', async () => {
    const query = 'reviews { date participation } midwayReviews { date iro { id } }';
    const [north] = await childFields<{ reviews: unknown[] }>(
      await manager('north'),
      [childRepresentations.northC1],
      query,
    );
    const [south] = await childFields(await manager('south'), [childRepresentations.southC1], query);
    expect(north!.reviews).toHaveLength(6);
    expect(south).toEqual({
      reviews: [{ date: '2021-06-20', participation: 'PN2' }],
      midwayReviews: [{ date: '2021-07-30', iro: { id: 'I1' } }],
    });
  });

  it('resolves many children in one _entities call with one batch, audited once', async () => {
    const token = await manager('north', 'batch-reader');
    const result = await childFields<{ id: string; reviews: { date: string }[] }>(
      token,
      [
        childRepresentations.northC1,
        childRepresentations.northC2,
        { ...childRepresentations.northC2, id: 'S9' },
      ],
      'id reviews { date } lastReview { date }',
    );
    expect(result.map((child) => [child.id, child.reviews.length])).toEqual([
      ['C1', 6],
      ['C2', 1],
      ['S9', 0],
    ]);
    const audit = await database.superuser.query(
      `select entity, entity_ids from reviews.audit_events where actor = 'batch-reader' and action = 'read'`,
    );
    expect(audit.rows).toEqual([
      {
        entity: 'Review',
        entity_ids: [
          'C1/2019-01-30/1',
          'C1/2019-04-25/1',
          'C1/2021-05-05/1',
          'C1/2023-03-22/1',
          'C1/2023-03-22/2',
          'C1/2023-07-10/1',
          'C2/2022-03-20/1',
        ],
      },
    ]);
  });
});

describe('the review schedule of a child with two periods of care', () => {
  // Every date below is the statutory rule worked by hand (statutory-rules §1, §3, §7):
  // period 1 starts 2019-01-07; first review due 20 working days later (2019-02-04), held 2019-01-30;
  // second due 3 months after it (2019-04-30), held 2019-04-25; third due 6 months after (2019-10-25).
  // Period 2 starts 2023-03-01 (first due 2023-03-29); reviews on 2023-03-22 twice (the first
  // stands), so the second is due 3 months later, 2023-06-22, and is held late on 2023-07-10; the
  // third is then due 2024-01-10.
  it('is computed for a fixed asOf date, one schedule per period, the duplicate counted once', async () => {
    const [child] = await childFields<Record<string, unknown>>(
      await manager('north'),
      [childRepresentations.northC1],
      `inFirstPeriod: reviewSchedule(asOf: "2019-06-01") { ${scheduleFields} }
       onItsLastDay: reviewSchedule(asOf: "2019-09-30") { nextDueDate overdue periodEnd }
       betweenPeriods: reviewSchedule(asOf: "2020-06-01") { nextDueDate }
       beforeFirstReview: reviewSchedule(asOf: "2023-03-10") { ${scheduleFields} }
       secondReviewOverdue: reviewSchedule(asOf: "2023-07-03") { ${scheduleFields} }
       thirdReviewOverdue: reviewSchedule(asOf: "2024-02-01") { ${scheduleFields} }`,
    );
    expect(child).toEqual({
      inFirstPeriod: {
        asOf: '2019-06-01',
        periodStart: '2019-01-07',
        periodEnd: '2019-09-30',
        shortBreak: false,
        dueBasis: 'later_review',
        nextDueDate: '2019-10-25',
        localDueDate: null,
        overdue: false,
        daysOverdue: 0,
        locallyOverdue: null,
        // Halfway from 2019-04-25 to 2019-10-25: 183 days, 91 whole days on.
        midwayDueDate: '2019-07-25',
        lastReview: { date: '2019-04-25', participation: 'PN1' },
      },
      onItsLastDay: { nextDueDate: '2019-10-25', overdue: false, periodEnd: '2019-09-30' },
      betweenPeriods: null,
      beforeFirstReview: {
        asOf: '2023-03-10',
        periodStart: '2023-03-01',
        periodEnd: null,
        shortBreak: false,
        dueBasis: 'first_review',
        nextDueDate: '2023-03-29',
        localDueDate: null,
        overdue: false,
        daysOverdue: 0,
        locallyOverdue: null,
        midwayDueDate: null,
        lastReview: null,
      },
      secondReviewOverdue: {
        asOf: '2023-07-03',
        periodStart: '2023-03-01',
        periodEnd: null,
        shortBreak: false,
        // Counting the duplicate as a review would have made this 6 months on (2023-09-22), not overdue.
        dueBasis: 'second_review',
        nextDueDate: '2023-06-22',
        localDueDate: null,
        overdue: true,
        daysOverdue: 11,
        locallyOverdue: null,
        midwayDueDate: '2023-05-07',
        lastReview: { date: '2023-03-22', participation: 'PN1' },
      },
      thirdReviewOverdue: {
        asOf: '2024-02-01',
        periodStart: '2023-03-01',
        periodEnd: null,
        shortBreak: false,
        dueBasis: 'later_review',
        nextDueDate: '2024-01-10',
        localDueDate: null,
        overdue: true,
        daysOverdue: 22,
        locallyOverdue: null,
        midwayDueDate: '2023-10-10',
        lastReview: { date: '2023-07-10', participation: 'PN5' },
      },
    });
  });

  it('is computed for today when no date is given', async () => {
    const [child] = await childFields<{ reviewSchedule: Record<string, unknown> }>(
      await manager('north'),
      [childRepresentations.northC1],
      'reviewSchedule { asOf nextDueDate overdue daysOverdue }',
    );
    const today = londonDateOf(new Date());
    expect(child!.reviewSchedule).toEqual({
      asOf: today,
      nextDueDate: '2024-01-10',
      overdue: true,
      daysOverdue: daysBetween('2024-01-10', today),
    });
  });

  it('gives the other council’s C1 their own schedule', async () => {
    const [child] = await childFields<{ reviewSchedule: unknown }>(
      await manager('south'),
      [childRepresentations.southC1],
      'reviewSchedule(asOf: "2021-08-01") { periodStart nextDueDate dueBasis midwayDueDate }',
    );
    // First review 2021-06-20, so the second is due 2021-09-20; midway halfway (92 days / 2).
    expect(child!.reviewSchedule).toEqual({
      periodStart: '2021-06-01',
      nextDueDate: '2021-09-20',
      dueBasis: 'second_review',
      midwayDueDate: '2021-08-05',
    });
  });
});

describe('a manager', () => {
  it('lists the reviews held between two dates in their council only, duplicates flagged', async () => {
    const query =
      '{ reviewsHeld(from: "2021-01-01", to: "2023-03-31") { id date countsInSchedule child { id } } }';
    const north = await graphql(running.url, query, { token: await manager('north') });
    expect(north.errors).toBeUndefined();
    expect(north.data).toEqual({
      reviewsHeld: [
        { id: 'C1/2021-05-05/1', date: '2021-05-05', countsInSchedule: true, child: { id: 'C1' } },
        { id: 'C2/2022-03-20/1', date: '2022-03-20', countsInSchedule: true, child: { id: 'C2' } },
        { id: 'C1/2023-03-22/1', date: '2023-03-22', countsInSchedule: true, child: { id: 'C1' } },
        { id: 'C1/2023-03-22/2', date: '2023-03-22', countsInSchedule: false, child: { id: 'C1' } },
      ],
    });
    const south = await graphql(running.url, query, { token: await manager('south') });
    expect(south.data).toEqual({
      reviewsHeld: [
        { id: 'C1/2021-06-20/1', date: '2021-06-20', countsInSchedule: true, child: { id: 'C1' } },
        { id: 'S9/2022-01-10/1', date: '2022-01-10', countsInSchedule: true, child: { id: 'S9' } },
      ],
    });
  });

  it('records a review, then a second one the same day as a duplicate, and audits both', async () => {
    const token = await manager('south', 'south-recorder');
    const record = (participation: string) =>
      graphql<{ recordReview: Record<string, unknown> }>(
        running.url,
        `mutation ($input: RecordReviewInput!) { recordReview(input: $input) {
           id date countsInSchedule participation participationWording format chairedByChild iro { id } lateReason child { id } } }`,
        {
          token,
          variables: {
            input: {
              childId: 'S9',
              date: '2024-02-05',
              participation,
              format: 'virtual',
              chairedByChild: 'co_chair',
              iroId: 'I1',
              lateReason: 'placement_move',
            },
          },
        },
      );
    const first = await record('pn6');
    expect(first.errors).toBeUndefined();
    expect(first.data?.recordReview).toEqual({
      id: 'S9/2024-02-05/1',
      date: '2024-02-05',
      countsInSchedule: true,
      participation: 'PN6',
      participationWording: expect.stringMatching(/^Child does not attend but conveys/),
      format: 'virtual',
      chairedByChild: 'co_chair',
      iro: { id: 'I1' },
      lateReason: 'placement_move',
      child: { id: 'S9' },
    });
    const second = await record('PN7');
    expect(second.data?.recordReview).toMatchObject({ id: 'S9/2024-02-05/2', countsInSchedule: false });
    const audit = await database.superuser.query(
      `select tenant_id, action, entity, entity_ids, detail from reviews.audit_events
       where actor = 'south-recorder' and action = 'create' order by at`,
    );
    expect(audit.rows).toEqual([
      {
        tenant_id: 'south',
        action: 'create',
        entity: 'Review',
        entity_ids: ['S9/2024-02-05/1'],
        detail: { childId: 'S9', date: '2024-02-05', sequence: 1 },
      },
      {
        tenant_id: 'south',
        action: 'create',
        entity: 'Review',
        entity_ids: ['S9/2024-02-05/2'],
        detail: { childId: 'S9', date: '2024-02-05', sequence: 2 },
      },
    ]);
  });

  it('records the paperwork after a review, changing only what is given', async () => {
    const token = await manager('north', 'north-paperwork');
    const result = await graphql(
      running.url,
      `mutation { recordReviewPaperwork(input: { reviewId: "C1/2023-07-10/1", recordDistributed: "2023-08-04" }) {
         id outcomesIssued recordCompleted recordDistributed lateReason } }`,
      { token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      recordReviewPaperwork: {
        id: 'C1/2023-07-10/1',
        outcomesIssued: '2023-07-14',
        recordCompleted: '2023-07-28',
        recordDistributed: '2023-08-04',
        lateReason: 'child_unavailable',
      },
    });
    const audit = await database.superuser.query(
      `select action, entity, entity_ids, detail from reviews.audit_events where actor = 'north-paperwork'`,
    );
    expect(audit.rows).toEqual([
      {
        action: 'update',
        entity: 'Review',
        entity_ids: ['C1/2023-07-10/1'],
        detail: { recordDistributed: { from: null, to: '2023-08-04' } },
      },
    ]);
  });

  it('records a recommendation of a review and completes it, audited', async () => {
    const token = await manager('south', 'south-recommender');
    const recorded = await graphql<{ recordRecommendation: { id: string } }>(
      running.url,
      `mutation { recordRecommendation(input: { childId: "C1", reviewDate: "2021-06-20",
         recommendation: "  Update the health assessment  ", owner: "carer", dueDate: "2021-07-20" }) {
         id reviewDate recommendation owner dueDate completedOn overdue(asOf: "2021-07-21") } }`,
      { token },
    );
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data).toEqual({
      recordRecommendation: {
        id: 'C1/2021-06-20/2',
        reviewDate: '2021-06-20',
        recommendation: 'Update the health assessment',
        owner: 'carer',
        dueDate: '2021-07-20',
        completedOn: null,
        overdue: true,
      },
    });
    const completed = await graphql(
      running.url,
      'mutation { completeRecommendation(id: "C1/2021-06-20/2", completedOn: "2021-07-25") { id completedOn overdue(asOf: "2021-07-26") } }',
      { token },
    );
    expect(completed.errors).toBeUndefined();
    expect(completed.data).toEqual({
      completeRecommendation: { id: 'C1/2021-06-20/2', completedOn: '2021-07-25', overdue: false },
    });
    const audit = await database.superuser.query(
      `select action, entity, entity_ids from reviews.audit_events where actor = 'south-recommender' order by at`,
    );
    expect(audit.rows).toEqual([
      { action: 'create', entity: 'Recommendation', entity_ids: ['C1/2021-06-20/2'] },
      { action: 'update', entity: 'Recommendation', entity_ids: ['C1/2021-06-20/2'] },
    ]);
    const rows = await database.superuser.query(
      `select tenant_id, child_id from reviews.recommendations where recommendation = 'Update the health assessment'`,
    );
    expect(rows.rows).toEqual([{ tenant_id: 'south', child_id: 'C1' }]);
  });
});

describe('an IRO', () => {
  it('reads a child’s reviews and schedule', async () => {
    const [child] = await childFields(
      await iro('north', 'I1'),
      [childRepresentations.northC1],
      'lastReview { id } reviewSchedule(asOf: "2024-02-01") { nextDueDate }',
    );
    expect(child).toEqual({
      lastReview: { id: 'C1/2023-07-10/1' },
      reviewSchedule: { nextDueDate: '2024-01-10' },
    });
  });

  it('records a review and a midway review as their own when no IRO is named', async () => {
    const token = await iro('north', 'I2');
    const review = await graphql(
      running.url,
      'mutation { recordReview(input: { childId: "C2", date: "2022-06-15", participation: "PN0" }) { id iro { id } format } }',
      { token },
    );
    expect(review.errors).toBeUndefined();
    expect(review.data).toEqual({ recordReview: { id: 'C2/2022-06-15/1', iro: { id: 'I2' }, format: null } });
    const midway = await graphql(
      running.url,
      'mutation { recordMidwayReview(input: { childId: "C2", date: "2022-09-01" }) { id date iro { id } child { id } } }',
      { token },
    );
    expect(midway.errors).toBeUndefined();
    expect(midway.data).toEqual({
      recordMidwayReview: { id: 'C2/2022-09-01', date: '2022-09-01', iro: { id: 'I2' }, child: { id: 'C2' } },
    });
    const audit = await database.superuser.query(
      `select entity, entity_ids from reviews.audit_events where actor = 'north-I2' and action = 'create' order by at`,
    );
    expect(audit.rows).toEqual([
      { entity: 'Review', entity_ids: ['C2/2022-06-15/1'] },
      { entity: 'MidwayReview', entity_ids: ['C2/2022-09-01'] },
    ]);
  });
});

describe('a child’s consultation forms and feedback', () => {
  it('lists the forms by date received, two parents’ forms of one day as two', async () => {
    const [child] = await childFields<{ consultations: unknown[] }>(
      await manager('north'),
      [childRepresentations.northC1],
      'consultations { id respondent receivedOn reviewDate child { id } }',
    );
    expect(child!.consultations).toEqual([
      {
        id: 'C1/2023-03-15/carer/1',
        respondent: 'carer',
        receivedOn: '2023-03-15',
        reviewDate: null,
        child: { id: 'C1' },
      },
      {
        id: 'C1/2023-07-03/child/1',
        respondent: 'child',
        receivedOn: '2023-07-03',
        reviewDate: '2023-07-10',
        child: { id: 'C1' },
      },
      {
        id: 'C1/2023-07-05/parent/1',
        respondent: 'parent',
        receivedOn: '2023-07-05',
        reviewDate: '2023-07-10',
        child: { id: 'C1' },
      },
      {
        id: 'C1/2023-07-05/parent/2',
        respondent: 'parent',
        receivedOn: '2023-07-05',
        reviewDate: '2023-07-10',
        child: { id: 'C1' },
      },
    ]);
  });

  it('lists the feedback answers with the default questions’ wording', async () => {
    const [child] = await childFields<{ feedback: unknown[] }>(
      await iro('north', 'I1'),
      [childRepresentations.northC1],
      'feedback { id reviewDate question questionText answer }',
    );
    expect(child!.feedback).toEqual([
      {
        id: 'C1/2023-07-10/council_own_question',
        reviewDate: '2023-07-10',
        question: 'council_own_question',
        questionText: null,
        answer: 'sometimes',
      },
      {
        id: 'C1/2023-07-10/knows_iro',
        reviewDate: '2023-07-10',
        question: 'knows_iro',
        questionText: 'Do you know who your IRO is and how to contact them?',
        answer: 'yes',
      },
      {
        id: 'C1/2023-07-10/listened_to',
        reviewDate: '2023-07-10',
        question: 'listened_to',
        questionText: 'Did you feel listened to at your review?',
        answer: 'mostly',
      },
    ]);
  });

  it('reads many children’s forms and answers in one batch each, audited once each', async () => {
    const result = await childFields<{ id: string; consultations: unknown[]; feedback: unknown[] }>(
      await manager('north', 'voice-reader'),
      [childRepresentations.northC1, childRepresentations.northC2],
      'id consultations { id } feedback { id }',
    );
    expect(result.map((child) => [child.id, child.consultations.length, child.feedback.length])).toEqual([
      ['C1', 4, 3],
      ['C2', 0, 0],
    ]);
    const audit = await database.superuser.query(
      `select entity, entity_ids from reviews.audit_events where actor = 'voice-reader' and action = 'read' order by entity`,
    );
    expect(audit.rows).toEqual([
      {
        entity: 'ConsultationForm',
        entity_ids: [
          'C1/2023-03-15/carer/1',
          'C1/2023-07-03/child/1',
          'C1/2023-07-05/parent/1',
          'C1/2023-07-05/parent/2',
        ],
      },
      {
        entity: 'FeedbackAnswer',
        entity_ids: [
          'C1/2023-07-10/council_own_question',
          'C1/2023-07-10/knows_iro',
          'C1/2023-07-10/listened_to',
        ],
      },
    ]);
  });

  it('gives the other council’s C1 only their own', async () => {
    const [child] = await childFields(
      await manager('south'),
      [childRepresentations.southC1],
      'consultations { id reviewDate } feedback { id answer }',
    );
    expect(child).toEqual({
      consultations: [{ id: 'C1/2021-06-10/carer/1', reviewDate: '2021-06-20' }],
      feedback: [{ id: 'C1/2021-06-20/listened_to', answer: 'no' }],
    });
  });
});

describe('audits', () => {
  it('are listed to a manager for a date range, oldest first, and the read is audited', async () => {
    const token = await manager('north', 'audit-reader');
    const result = await graphql(
      running.url,
      '{ audits(from: "2022-01-01", to: "2023-12-31") { id date grade auditor { id } child { id } } }',
      { token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      audits: [
        { id: 'A2', date: '2022-05-01', grade: null, auditor: null, child: { id: 'C2' } },
        { id: 'A1', date: '2023-08-01', grade: 'good', auditor: { id: 'I1' }, child: { id: 'C1' } },
      ],
    });
    const audit = await database.superuser.query(
      `select tenant_id, entity, entity_ids from reviews.audit_events where actor = 'audit-reader'`,
    );
    expect(audit.rows).toEqual([{ tenant_id: 'north', entity: 'Audit', entity_ids: ['A2', 'A1'] }]);
  });

  it('include both ends of the range and only the manager’s council', async () => {
    const query = '{ audits(from: "2021-09-01", to: "2024-01-10") { id date grade } }';
    const north = await graphql(running.url, query, { token: await manager('north') });
    expect(north.data).toEqual({
      audits: [
        { id: 'A2', date: '2022-05-01', grade: null },
        { id: 'A1', date: '2023-08-01', grade: 'good' },
        { id: 'A3', date: '2024-01-10', grade: 'inadequate' },
      ],
    });
    const south = await graphql(running.url, query, { token: await manager('south') });
    expect(south.data).toEqual({ audits: [{ id: 'A1', date: '2021-09-01', grade: 'requires_improvement' }] });
  });
});

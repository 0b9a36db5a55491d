import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addWorkingDays, type IsoDate } from './calendar.ts';
import { COMPLIANCE_CHECKS } from './compliance.ts';
import { defaultLocalPolicy, type LocalPolicy } from './local-policy.ts';
import {
  childReviewCompliance,
  midwayReviewHeldSince,
  paperworkMissingOn,
  type RecommendationForCompliance,
  type ReviewComplianceChild,
  type ReviewForCompliance,
  reviewComplianceChecks,
} from './review-compliance.ts';
import { isoDates } from './testing/arbitraries.ts';
import { episode } from './testing/builders.ts';

// Its paperwork done the same day, unless told otherwise.
const review = (date: IsoDate, details: Partial<ReviewForCompliance> = {}): ReviewForCompliance => ({
  date,
  reference: `A/${date}/1`,
  outcomesIssued: date,
  recordCompleted: date,
  recordDistributed: date,
  ...details,
});
const noPaperwork = { outcomesIssued: null, recordCompleted: null, recordDistributed: null };

const child = (overrides: Partial<ReviewComplianceChild> = {}): ReviewComplianceChild => ({
  childId: 'A',
  dateOfBirth: '2012-05-10',
  // Monday 3 April 2023: the first review is due 20 working days on, Thursday 4 May (past Easter and
  // the May Day bank holiday).
  episodes: [episode('2023-04-03', null, null)],
  reviews: [],
  midwayReviews: [],
  recommendations: [],
  ...overrides,
});

const noMidways: LocalPolicy = { ...defaultLocalPolicy, midwayReviews: false };

/** The items each check finds, only the checks that find any. */
const found = (c: ReviewComplianceChild, asOf: IsoDate, policy: LocalPolicy = defaultLocalPolicy) =>
  Object.fromEntries(
    Object.entries(childReviewCompliance(c, asOf, policy)).filter(([, items]) => items.length > 0),
  );

describe('review_overdue and review_due_soon (§3.1)', () => {
  it('a first review due today is due soon, not overdue; the day after it is overdue', () => {
    expect(found(child(), '2023-05-04')).toEqual({
      review_due_soon: [
        {
          childId: 'A',
          reference: '2023-05-04',
          what: 'Review due 2023-05-04 (first review of the period)',
          dueDate: '2023-05-04',
          daysOverdue: 0,
          iroId: null,
        },
      ],
    });
    expect(found(child(), '2023-05-05')).toEqual({
      review_overdue: [
        {
          childId: 'A',
          reference: '2023-05-04',
          what: 'Review due 2023-05-04 (first review of the period) not held',
          dueDate: '2023-05-04',
          daysOverdue: 1,
          iroId: null,
        },
      ],
    });
  });

  it('a review due in 28 days is due soon; in 29 days it is not listed', () => {
    expect(found(child(), '2023-04-06').review_due_soon).toMatchObject([{ daysOverdue: -28 }]);
    expect(found(child(), '2023-04-05')).toEqual({});
  });

  it('names the review the overdue one follows, and counts the reviews of the period', () => {
    // Second review due 3 months after the first was held: 2023-07-20.
    const c = child({ reviews: [review('2023-04-20')] });
    expect(found(c, '2023-07-31', noMidways)).toEqual({
      review_overdue: [
        {
          childId: 'A',
          reference: 'A/2023-04-20/1',
          what: 'Review due 2023-07-20 (second review of the period) not held',
          dueDate: '2023-07-20',
          daysOverdue: 11,
          iroId: null,
        },
      ],
    });
  });

  it('reads a past date as it stood then, ignoring reviews held later', () => {
    const c = child({ reviews: [review('2023-05-10')] });
    expect(found(c, '2023-05-06').review_overdue).toMatchObject([{ dueDate: '2023-05-04', daysOverdue: 2 }]);
    expect(found(c, '2023-05-10', noMidways)).toEqual({});
  });

  it('counts two reviews on one date once', () => {
    const c = child({
      reviews: [review('2023-04-20'), review('2023-04-20', { reference: 'A/2023-04-20/2' })],
    });
    expect(found(c, '2023-07-21', noMidways).review_overdue).toMatchObject([
      { reference: 'A/2023-04-20/1', what: 'Review due 2023-07-20 (second review of the period) not held' },
    ]);
  });

  it('lists nothing of the schedule for a period ending on the date, and nothing at all after it', () => {
    const c = child({
      episodes: [episode('2023-04-03', '2023-05-10', 'E4A')],
      reviews: [review('2023-04-18', noPaperwork)],
    });
    // At the end of 10 May the period has ended: no review is to come, but its review's paperwork still stands.
    const ended = childReviewCompliance(c, '2023-05-10');
    expect(ended.review_overdue).toEqual([]);
    expect(ended.review_due_soon).toEqual([]);
    expect(ended.midway_review_due).toEqual([]);
    expect(ended.paperwork_overdue.map((i) => i.what)).toEqual([
      'Outcomes of the review of 2023-04-18 not issued (due by 2023-04-25)',
    ]);
    expect(found(c, '2023-05-11')).toEqual({});
    expect(found(child({ episodes: [episode('2023-04-03', '2023-05-10', 'E4A')] }), '2023-05-10')).toEqual(
      {},
    );
  });

  it('follows the short-break schedule (§3.2): first review within 3 months of the start', () => {
    const c = child({ episodes: [episode('2023-04-03', null, null, { ls: 'V3' })] });
    expect(found(c, '2023-07-04').review_overdue).toMatchObject([
      {
        reference: '2023-07-03',
        what: 'Review due 2023-07-03 (first review of the period, short breaks) not held',
        daysOverdue: 1,
      },
    ]);
  });

  it('restarts on placement for adoption (§3.3): 28 days after the placement, named by its due date', () => {
    const c = child({
      episodes: [
        episode('2023-01-02', '2023-03-01', 'X1'),
        episode('2023-03-01', null, null, { rne: 'P', place: 'A3' }),
      ],
      reviews: [review('2023-01-20')],
    });
    expect(found(c, '2023-03-30', noMidways)).toEqual({
      review_overdue: [
        {
          childId: 'A',
          reference: '2023-03-29',
          what: 'Review due 2023-03-29 (second review of the period, placed for adoption) not held',
          dueDate: '2023-03-29',
          daysOverdue: 1,
          iroId: null,
        },
      ],
    });
  });

  it('is never both overdue and due soon, and a review held on its due date clears both', () => {
    fc.assert(
      fc.property(
        isoDates('2000-01-01', '2030-12-31'),
        fc.integer({ min: -40, max: 40 }),
        (start, offset) => {
          const due = addWorkingDays(start, 20);
          const c = child({ episodes: [episode(start, null, null)] });
          const asOf = addDays(due, offset);
          if (asOf < start) return;
          const items = childReviewCompliance(c, asOf, noMidways);
          expect(items.review_overdue.length).toBe(offset > 0 ? 1 : 0);
          expect(items.review_due_soon.length).toBe(offset <= 0 && offset >= -28 ? 1 : 0);
          const held = childReviewCompliance({ ...c, reviews: [review(due)] }, due, noMidways);
          expect(held.review_overdue).toEqual([]);
        },
      ),
    );
  });
});

describe('local_review_overdue and local_review_due_soon (§3.4)', () => {
  // Bromley-style: aged 0–5 every 3 months instead of 6.
  const bromley: LocalPolicy = {
    ...noMidways,
    reviewIntervals: [{ fromAge: 0, toAge: 5, months: 3 }],
  };
  // Aged 3: after the second review (2023-07-10) the statutory date is 2024-01-10, the local 2023-10-10.
  const young = child({ dateOfBirth: '2020-01-01', reviews: [review('2023-04-20'), review('2023-07-10')] });

  it('lists the stricter local date, beside the statutory one that is not yet due', () => {
    expect(found(young, '2023-10-11', bromley)).toEqual({
      local_review_overdue: [
        {
          childId: 'A',
          reference: 'A/2023-07-10/1',
          what: 'Review due 2023-10-10 under local policy (statutory 2024-01-10; third review of the period) not held',
          dueDate: '2023-10-10',
          daysOverdue: 1,
          iroId: null,
        },
      ],
    });
    expect(found(young, '2023-09-20', bromley)).toEqual({
      local_review_due_soon: [
        expect.objectContaining({
          what: 'Review due 2023-10-10 under local policy (statutory 2024-01-10; third review of the period)',
          daysOverdue: -20,
        }),
      ],
    });
  });

  it('lists nothing local where the rule gives the statutory date, or does not apply, or the council sets none', () => {
    // The second review is due 3 months after the first by statute too.
    expect(
      found(child({ dateOfBirth: '2020-01-01', reviews: [review('2023-04-20')] }), '2023-07-01', bromley),
    ).toEqual({
      review_due_soon: [expect.objectContaining({ dueDate: '2023-07-20' })],
    });
    expect(found({ ...young, dateOfBirth: '2016-01-01' }, '2023-10-11', bromley)).toEqual({});
    expect(found(young, '2023-10-11', noMidways)).toEqual({});
  });

  it('lists both when the statutory date has passed too', () => {
    const items = childReviewCompliance(young, '2024-01-11', bromley);
    expect(items.review_overdue).toMatchObject([{ dueDate: '2024-01-10', daysOverdue: 1 }]);
    expect(items.local_review_overdue).toMatchObject([{ dueDate: '2023-10-10', daysOverdue: 93 }]);
  });
});

describe('midway_review_due (§7)', () => {
  // Last review 2023-04-20, next due 2023-07-20: 91 days, the midway review by 45 days on, 2023-06-04.
  const c = child({ reviews: [review('2023-04-20')] });

  it('is listed from 28 days before its date, and after it while none is held', () => {
    expect(found(c, '2023-05-06')).toEqual({});
    expect(found(c, '2023-05-07')).toEqual({
      midway_review_due: [
        {
          childId: 'A',
          reference: 'A/2023-04-20/1',
          what: 'Midway review due 2023-06-04 (between the review of 2023-04-20 and the next, due 2023-07-20)',
          dueDate: '2023-06-04',
          daysOverdue: -28,
          iroId: null,
        },
      ],
    });
    expect(found(c, '2023-06-05').midway_review_due).toMatchObject([
      {
        what: 'Midway review due 2023-06-04 (between the review of 2023-04-20 and the next, due 2023-07-20) not held',
        daysOverdue: 1,
      },
    ]);
  });

  it('is no longer due once one is recorded after the last review, even late; one on the review day does not count', () => {
    expect(found({ ...c, midwayReviews: ['2023-06-10'] }, '2023-06-20')).toEqual({});
    expect(found({ ...c, midwayReviews: ['2023-04-20'] }, '2023-06-20').midway_review_due).toHaveLength(1);
    // Recorded after the date asked about: not yet held then.
    expect(found({ ...c, midwayReviews: ['2023-06-10'] }, '2023-06-05').midway_review_due).toHaveLength(1);
  });

  it('is not due before the first review, nor when the council keeps none', () => {
    expect(childReviewCompliance(child(), '2023-05-01').midway_review_due).toEqual([]);
    expect(childReviewCompliance(c, '2023-06-05', noMidways).midway_review_due).toEqual([]);
  });

  it('helper: held after the last review and by the date', () => {
    expect(midwayReviewHeldSince(['2023-04-20'], '2023-04-20', '2023-06-01')).toBe(false);
    expect(midwayReviewHeldSince(['2023-04-21'], '2023-04-20', '2023-06-01')).toBe(true);
    expect(midwayReviewHeldSince(['2023-06-02'], '2023-04-20', '2023-06-01')).toBe(false);
  });
});

describe('paperwork_overdue (§6)', () => {
  // Review Tuesday 18 April 2023: outcomes by 25 April (5 working days), record completed by 11 May
  // (15, past the May Day and coronation bank holidays), distributed by 18 May (20).
  const held = (details: Partial<ReviewForCompliance>) =>
    child({ reviews: [review('2023-04-18', { iroId: 'IRO1', ...noPaperwork, ...details })] });

  it('lists each missing step past its working-day deadline, naming the review’s IRO', () => {
    const items = childReviewCompliance(
      held({ outcomesIssued: '2023-04-20' }),
      '2023-05-12',
    ).paperwork_overdue;
    expect(items).toEqual([
      {
        childId: 'A',
        reference: 'A/2023-04-18/1',
        what: 'Record of the review of 2023-04-18 not completed (due by 2023-05-11)',
        dueDate: '2023-05-11',
        daysOverdue: 1,
        iroId: 'IRO1',
      },
    ]);
    expect(
      childReviewCompliance(held({ outcomesIssued: '2023-04-20' }), '2023-05-11').paperwork_overdue,
    ).toEqual([]);
    expect(
      childReviewCompliance(held({}), '2023-05-19').paperwork_overdue.map((i) => [i.what, i.daysOverdue]),
    ).toEqual([
      ['Outcomes of the review of 2023-04-18 not issued (due by 2023-04-25)', 24],
      ['Record of the review of 2023-04-18 not completed (due by 2023-05-11)', 8],
      ['Record of the review of 2023-04-18 not distributed (due by 2023-05-18)', 1],
    ]);
  });

  it('does not list a step done late; a date recorded after the date asked about is not done then', () => {
    const done = held({
      outcomesIssued: '2023-05-01',
      recordCompleted: '2023-05-20',
      recordDistributed: '2023-05-20',
    });
    expect(childReviewCompliance(done, '2023-05-12').paperwork_overdue.map((i) => i.dueDate)).toEqual([
      '2023-05-11',
    ]);
    expect(childReviewCompliance(done, '2023-05-20').paperwork_overdue).toEqual([]);
  });

  it('uses the council’s own deadlines', () => {
    const policy = {
      ...defaultLocalPolicy,
      paperwork: { outcomesIssuedDays: 2, recordCompletedDays: 40, recordDistributedDays: 40 },
    };
    // Two working days after 18 April: 20 April.
    expect(paperworkMissingOn(review('2023-04-18', noPaperwork), '2023-04-21', policy.paperwork)).toEqual([
      { step: 'outcomesIssued', dueDate: '2023-04-20' },
    ]);
    expect(childReviewCompliance(held({}), '2023-04-21', policy).paperwork_overdue).toHaveLength(1);
  });

  it('reads the first row of a date, and only reviews of the period the child is in', () => {
    const c = child({
      episodes: [episode('2020-01-06', '2021-01-04', 'E4A'), episode('2023-04-03', null, null)],
      reviews: [
        review('2020-02-01', noPaperwork),
        review('2023-04-18', noPaperwork),
        review('2023-04-18', {
          reference: 'A/2023-04-18/2',
          outcomesIssued: '2023-04-18',
          recordCompleted: '2023-04-18',
          recordDistributed: '2023-04-18',
        }),
      ],
    });
    expect(childReviewCompliance(c, '2023-05-19').paperwork_overdue.map((i) => i.reference)).toEqual([
      'A/2023-04-18/1',
      'A/2023-04-18/1',
      'A/2023-04-18/1',
    ]);
  });
});

describe('recommendation_overdue (§7)', () => {
  const recommendation = (
    overrides: Partial<RecommendationForCompliance> = {},
  ): RecommendationForCompliance => ({
    reference: 'A/2023-04-18/1',
    reviewDate: '2023-04-18',
    recommendation: 'Arrange a   dental check',
    owner: 'social_worker',
    due: '2023-05-01',
    completed: null,
    ...overrides,
  });
  const withRecommendation = (r: RecommendationForCompliance) =>
    child({ reviews: [review('2023-04-18')], recommendations: [r] });

  it('is overdue the day after its due date while not done, with no IRO of its own', () => {
    expect(
      childReviewCompliance(withRecommendation(recommendation()), '2023-05-01').recommendation_overdue,
    ).toEqual([]);
    expect(
      childReviewCompliance(withRecommendation(recommendation()), '2023-05-02').recommendation_overdue,
    ).toEqual([
      {
        childId: 'A',
        reference: 'A/2023-04-18/1',
        what: 'Recommendation of the review of 2023-04-18 due 2023-05-01 not completed; owner social worker: Arrange a dental check',
        dueDate: '2023-05-01',
        daysOverdue: 1,
        iroId: null,
      },
    ]);
  });

  it('is overdue until the date it was done, and shortens a long recommendation', () => {
    const late = withRecommendation(recommendation({ completed: '2023-05-03', owner: null }));
    expect(childReviewCompliance(late, '2023-05-02').recommendation_overdue).toMatchObject([
      {
        what: 'Recommendation of the review of 2023-04-18 due 2023-05-01 not completed: Arrange a dental check',
      },
    ]);
    expect(childReviewCompliance(late, '2023-05-03').recommendation_overdue).toEqual([]);
    const long = withRecommendation(recommendation({ recommendation: 'x'.repeat(200) }));
    const [item] = childReviewCompliance(long, '2023-06-01').recommendation_overdue;
    expect(item!.what.endsWith(`: ${'x'.repeat(79)}…`)).toBe(true);
  });
});

describe('reviewComplianceChecks', () => {
  it('gives every check of the reviews service in order, its items most overdue first', () => {
    const b = child({ childId: 'B', episodes: [episode('2023-03-01', null, null)] });
    const checks = reviewComplianceChecks([child(), b], '2023-05-10', noMidways);
    expect(checks.map((c) => c.check)).toEqual([...COMPLIANCE_CHECKS.reviews]);
    // B's first review was due 2023-03-29 (20 working days from 1 March), A's 2023-05-04.
    expect(checks[0]!.items.map((i) => [i.childId, i.daysOverdue])).toEqual([
      ['B', 42],
      ['A', 6],
    ]);
    expect(checks.slice(1).every((c) => c.items.length === 0)).toBe(true);
  });

  it('lists nothing for a child in no period of care on the date, and empty checks for no children', () => {
    const gone = child({ episodes: [episode('2020-01-06', '2021-01-04', 'E4A')] });
    expect(reviewComplianceChecks([gone], '2023-05-10').every((c) => c.items.length === 0)).toBe(true);
    expect(reviewComplianceChecks([], '2023-05-10')).toEqual(
      COMPLIANCE_CHECKS.reviews.map((check) => ({ check, items: [] })),
    );
  });
});

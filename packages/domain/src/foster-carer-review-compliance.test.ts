import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from './calendar.ts';
import {
  fosterCarerReviewComplianceChecks,
  fosterCarerReviewsOverdue,
} from './foster-carer-review-compliance.ts';
import type { FosterHousehold } from './foster-carer-reviews.ts';
import { isoDates } from './testing/arbitraries.ts';

const household = (id: string, approved: string, ended: string | null = null): FosterHousehold => ({
  household: id,
  type: 'mainstream',
  approved,
  ended,
});

describe('foster_carer_review_overdue', () => {
  const h1 = { household: household('H1', '2023-03-15'), reviews: [], reviewingOfficer: 'F1' };

  it('is due 12 months after approval: not overdue on the due date, overdue the day after', () => {
    expect(fosterCarerReviewsOverdue([h1], '2024-03-15')).toEqual([]);
    expect(fosterCarerReviewsOverdue([h1], '2024-03-16')).toEqual([
      {
        childId: null,
        reference: 'H1',
        what: 'Foster carer review due 2024-03-15 (approved 2023-03-15)',
        dueDate: '2024-03-15',
        daysOverdue: 1,
        iroId: 'F1',
      },
    ]);
  });

  it('counts 12 months from the last review held by the date, with the month rule, ignoring later reviews', () => {
    // Reviewed 29 February 2024: next due 28 February 2025.
    const h = { household: household('H2', '2023-03-01'), reviews: [{ date: '2024-02-29' }] };
    expect(fosterCarerReviewsOverdue([h], '2025-02-28')).toEqual([]);
    expect(fosterCarerReviewsOverdue([h], '2025-03-01')).toEqual([
      {
        childId: null,
        reference: 'H2',
        what: 'Foster carer review due 2025-02-28 (last review 2024-02-29)',
        dueDate: '2025-02-28',
        daysOverdue: 1,
        iroId: null,
      },
    ]);
    // Seen from before the review, the first due date (1 March 2024) has not yet passed on it.
    expect(fosterCarerReviewsOverdue([h], '2024-02-28')).toEqual([]);
  });

  it('leaves out households no longer approved at the end of the date', () => {
    expect(
      fosterCarerReviewsOverdue(
        [{ household: household('H3', '2022-01-01', '2024-01-01'), reviews: [] }],
        '2024-01-01',
      ),
    ).toEqual([]);
    expect(
      fosterCarerReviewsOverdue(
        [{ household: household('H3', '2022-01-01', '2024-01-02'), reviews: [] }],
        '2024-01-01',
      ),
    ).toHaveLength(1);
    expect(
      fosterCarerReviewsOverdue([{ household: household('H4', '2024-06-01'), reviews: [] }], '2024-01-01'),
    ).toEqual([]);
  });

  it('gives every check of the service, most overdue first', () => {
    const checks = fosterCarerReviewComplianceChecks({
      households: [h1, { household: household('H0', '2022-01-10'), reviews: [] }],
      asOf: '2024-04-01',
    });
    expect(checks.map((c) => c.check)).toEqual(['foster_carer_review_overdue']);
    expect(checks[0]!.items.map((i) => [i.reference, i.daysOverdue])).toEqual([
      ['H0', 447],
      ['H1', 17],
    ]);
  });
});

describe('foster_carer_review_overdue, for any approval and review', () => {
  it('is due 12 months after the last review: in time that day, overdue by one the day after', () => {
    fc.assert(
      fc.property(
        isoDates('1995-01-01', '2030-12-31'),
        fc.integer({ min: 0, max: 400 }),
        (approved, after) => {
          const reviewed = addDays(approved, after);
          const h = { household: household('P', approved), reviews: [{ date: reviewed }] };
          const due = addMonths(reviewed, 12);
          expect(fosterCarerReviewsOverdue([h], due)).toEqual([]);
          expect(fosterCarerReviewsOverdue([h], addDays(due, 1))).toEqual([
            expect.objectContaining({ dueDate: due, daysOverdue: 1 }),
          ]);
        },
      ),
    );
  });
});

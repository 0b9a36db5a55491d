import { ALL_COMPLIANCE_CHECKS, COMPLIANCE_CHECKS } from '@footprint/domain';
import { describe, expect, it } from 'vitest';
import { assembleCompliance, type ComplianceAnswer, complianceJson } from './assemble.ts';

const empty = (names: readonly string[]) => names.map((check) => ({ check, items: [] }));

const answer = (): ComplianceAnswer => ({
  compliance: {
    asOf: '2024-03-31',
    allocatedIros: [
      { childId: 'C1', iroId: 'I1' },
      { childId: 'C2', iroId: null },
    ],
    childrenChecks: empty(COMPLIANCE_CHECKS.children),
    reviewsChecks: [
      {
        check: 'review_overdue',
        items: [
          {
            child: { id: 'C1' },
            reference: '2024-01-01',
            what: 'Review due',
            dueDate: '2024-03-01',
            daysOverdue: 30,
            iroId: null,
          },
          {
            child: { id: 'C2' },
            reference: '2024-01-02',
            what: 'Review due',
            dueDate: '2024-03-02',
            daysOverdue: 29,
            iroId: null,
          },
          {
            child: { id: 'C9' },
            reference: '2024-01-03',
            what: 'Review due',
            dueDate: '2024-03-03',
            daysOverdue: 28,
            iroId: null,
          },
        ],
      },
      ...empty(COMPLIANCE_CHECKS.reviews.slice(1)),
    ],
    escalationsChecks: [
      {
        check: 'escalation_response_overdue',
        items: [
          {
            child: { id: 'C1' },
            reference: 'E1',
            what: 'Stage 1',
            dueDate: '2024-03-20',
            daysOverdue: 11,
            iroId: 'I7',
          },
        ],
      },
      ...empty(COMPLIANCE_CHECKS.escalations.slice(1)),
    ],
    advocacyChecks: empty(COMPLIANCE_CHECKS.advocacy),
    fosterCarerReviewsChecks: empty(COMPLIANCE_CHECKS['foster-carer-reviews']),
  },
});

describe('assembleCompliance', () => {
  it('gives an item without an IRO of its own the child’s IRO on the date, and keeps one the record names', () => {
    const state = assembleCompliance(answer());
    expect(state.byService.reviews[0]!.items.map((item) => item.iroId)).toEqual(['I1', null, null]);
    expect(state.byService.escalations[0]!.items[0]!.iroId).toBe('I7');
  });
});

describe('complianceJson', () => {
  it('lists every check in order with its service, count and items, and the counts together', () => {
    const json = complianceJson('exampleshire', assembleCompliance(answer()));
    expect(json.checks.map((c) => c.check)).toEqual(ALL_COMPLIANCE_CHECKS);
    expect(json.checks[0]).toMatchObject({ check: 'review_overdue', service: 'reviews', count: 3 });
    expect(json.counts).toMatchObject({
      review_overdue: 3,
      escalation_response_overdue: 1,
      review_due_soon: 0,
    });
    expect(json.checks.find((c) => c.check === 'review_overdue')!.items[0]).toEqual({
      child: 'C1',
      what: 'Review due',
      dueDate: '2024-03-01',
      daysOverdue: 30,
      iro: 'I1',
      reference: '2024-01-01',
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  auditFigures,
  auditsBehind,
  canShareWithChildrenInCareCouncil,
  consultationCounts,
  consultationsByRespondent,
  feedbackCounts,
} from './consultation.ts';
import { dataQualityList } from './data-quality.ts';

describe('consultation and feedback (§12, §14)', () => {
  it('counts forms by the date received, whatever review they name', () => {
    expect(
      consultationCounts(
        [
          { child: 'a', review: '2023-04-10', respondent: 'child', received: '2023-03-31' },
          { child: 'a', review: null, respondent: 'carer', received: '2022-04-01' },
          { child: 'b', review: '2023-04-10', respondent: 'parent', received: '2023-04-01' },
        ],
        2022,
      ),
    ).toEqual({ child: 1, carer: 1, parent: 0 });
  });

  it('counts feedback answers per question', () => {
    expect(
      feedbackCounts(
        [
          { child: 'a', review: '2022-05-01', question: 'listened_to', answer: 'yes' },
          { child: 'b', review: '2022-06-01', question: 'listened_to', answer: 'yes' },
          { child: 'b', review: '2022-06-01', question: 'knows_iro', answer: 'no' },
          { child: 'c', review: '2021-06-01', question: 'knows_iro', answer: 'no' },
        ],
        '2022-04-01',
        '2023-03-31',
      ),
    ).toEqual({ listened_to: { yes: 2 }, knows_iro: { no: 1 } });
  });

  it('shares a comment only when approved and checked to name no one', () => {
    expect(canShareWithChildrenInCareCouncil({ approvedBy: 'manager', checkedNoNames: true })).toBe(true);
    expect(canShareWithChildrenInCareCouncil({ approvedBy: 'manager', checkedNoNames: false })).toBe(false);
    expect(canShareWithChildrenInCareCouncil({ approvedBy: null, checkedNoNames: true })).toBe(false);
  });

  it('counts audits by date, blank grades as not recorded', () => {
    expect(
      auditFigures(
        [
          { date: '2022-05-01', grade: 'good' },
          { date: '2022-06-01', grade: null },
          { date: '2021-06-01', grade: 'good' },
        ],
        2022,
      ),
    ).toEqual({ completed: 2, byGrade: { good: 1, notRecorded: 1 } });
  });
});

describe('the forms and audits behind each count', () => {
  it('lists forms received in the year by respondent', () => {
    const forms = [
      { child: 'a', review: '2023-04-10', respondent: 'child', received: '2023-03-31' },
      { child: 'a', review: null, respondent: 'carer', received: '2022-03-31' },
      { child: 'b', review: null, respondent: 'carer', received: '2022-04-01' },
    ] as const;
    expect(consultationsByRespondent(forms, 2022)).toEqual({
      child: [forms[0]],
      carer: [forms[2]],
      parent: [],
    });
  });

  it('lists audits dated in the year, by grade with blanks as notRecorded', () => {
    const audits = [
      { date: '2022-05-01', grade: 'good', id: 'A1' },
      { date: '2022-06-01', grade: null, id: 'A2' },
      { date: '2023-04-01', grade: 'good', id: 'A3' },
    ] as const;
    const behind = auditsBehind(audits, 2022);
    expect(behind).toEqual({
      completed: [audits[0], audits[1]],
      byGrade: { good: [audits[0]], notRecorded: [audits[1]] },
    });
    expect(auditFigures(audits, 2022)).toEqual({ completed: 2, byGrade: { good: 1, notRecorded: 1 } });
  });
});

describe('data quality list (§14)', () => {
  it('lists the codes that occur, with messages', () => {
    expect(dataQualityList({ orphan_review: 1, duplicate_review: 0 })).toEqual([
      { code: 'orphan_review', count: 1, message: 'review dated outside every period of care' },
    ]);
  });
});

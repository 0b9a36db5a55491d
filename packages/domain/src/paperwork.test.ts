import { describe, expect, it } from 'vitest';
import { paperworkDeadlines, paperworkFigures, paperworkTimeliness } from './paperwork.ts';

describe('paperwork after a review (§6, §14)', () => {
  it('defaults to 5, 15 and 20 working days after the review', () => {
    // Thursday 15 December 2022: Christmas and its substitute days fall inside.
    expect(paperworkDeadlines('2022-12-15')).toEqual({
      outcomesIssued: '2022-12-22',
      recordCompleted: '2023-01-10',
      recordDistributed: '2023-01-17',
    });
  });

  it('takes the council’s own standard', () => {
    expect(
      paperworkDeadlines('2022-12-15', {
        outcomesIssuedDays: 1,
        recordCompletedDays: 2,
        recordDistributedDays: 3,
      }),
    ).toEqual({
      outcomesIssued: '2022-12-16',
      recordCompleted: '2022-12-19',
      recordDistributed: '2022-12-20',
    });
  });

  it('done on the deadline is on time; missing is not', () => {
    expect(
      paperworkTimeliness('2022-12-15', { outcomesIssued: '2022-12-22', recordCompleted: '2023-01-11' }),
    ).toEqual({ outcomesIssued: true, recordCompleted: false, recordDistributed: false });
    expect(paperworkTimeliness('2022-12-15', null)).toEqual({
      outcomesIssued: false,
      recordCompleted: false,
      recordDistributed: false,
    });
  });

  it('percentages are over every review held, with no details counted as not on time', () => {
    const f = paperworkFigures([
      {
        date: '2023-03-20',
        // a date recorded after 31 March still counts
        paperwork: {
          outcomesIssued: '2023-03-24',
          recordCompleted: '2023-04-05',
          recordDistributed: '2023-04-17',
        },
      },
      { date: '2023-03-21', paperwork: { outcomesIssued: '2023-04-20' } },
      { date: '2023-03-22', paperwork: null },
    ]);
    expect(f).toEqual({
      outcomesOnTimePercent: 33.3,
      recordCompletedOnTimePercent: 33.3,
      recordDistributedOnTimePercent: 33.3,
    });
    expect(paperworkFigures([])).toEqual({
      outcomesOnTimePercent: null,
      recordCompletedOnTimePercent: null,
      recordDistributedOnTimePercent: null,
    });
  });
});

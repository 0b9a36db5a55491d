import { describe, expect, it } from 'vitest';
import { recordsBehindField } from './records-behind.ts';

describe('recordsBehindField', () => {
  it.each([
    ['children.byPlacement.U4', 'childrenRecordsBehind'],
    ['workforce.overCapacity', 'childrenRecordsBehind'],
    ['missing.episodes', 'childrenRecordsBehind'],
    ['health.sdq.concern', 'childrenRecordsBehind'],
    ['reviews.late', 'reviewsRecordsBehind'],
    ['consultation.carer', 'reviewsRecordsBehind'],
    ['audits.byGrade.good', 'reviewsRecordsBehind'],
    ['escalations.byTheme.T3', 'escalationsRecordsBehind'],
    ['advocacy.involvements', 'advocacyRecordsBehind'],
    ['fosterCarerReviews.due', 'fosterCarerReviewsRecordsBehind'],
    ['dataQuality.no_iro_allocated', 'childrenRecordsBehind'],
    ['dataQuality.orphan_review', 'reviewsRecordsBehind'],
  ])('sends %s to the service that computed it (%s)', (figure, field) => {
    expect(recordsBehindField(figure)).toBe(field);
  });

  it.each([
    '',
    'constructor.x',
    'trend',
    'comparators',
    'nowhere.at.all',
    'dataQuality',
    'dataQuality.orphan_review.x',
  ])('names no field for "%s"', (figure) => {
    expect(recordsBehindField(figure)).toBeNull();
  });
});

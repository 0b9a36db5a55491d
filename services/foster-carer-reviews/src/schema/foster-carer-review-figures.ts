import { codeCountType } from '@footprint/graphql';
import type { FosterCarerReviewReportFigures } from '../annual-report.ts';
import { builder } from '../builder.ts';

const CodeCount = codeCountType(builder);

export const FosterCarerReviewFigures = builder
  .objectRef<FosterCarerReviewReportFigures>('FosterCarerReviewFigures')
  .implement({
    description: 'Foster carer reviews in a reporting year (statutory-rules §11, §14)',
    fields: (t) => ({
      householdsAt31March: t.expose('householdsAt31March', {
        type: [CodeCount],
        description: 'Households approved at the end of 31 March, by type: mainstream, connected_person',
      }),
      due: t.exposeInt('due', {
        description: 'Reviews whose due date is in the year, while the household was approved on it',
      }),
      onTime: t.exposeInt('onTime', { description: 'Of those, held by the due date' }),
      onTimePercent: t.exposeFloat('onTimePercent', {
        nullable: true,
        description: 'Null when no review was due',
      }),
      overdueAt31March: t.exposeInt('overdueAt31March', {
        description: 'Households still approved whose review due date had passed at the end of 31 March',
      }),
    }),
  });

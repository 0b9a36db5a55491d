import type {
  MonthOfReviews as MonthOfReviewsShape,
  PaperworkFigures as PaperworkShape,
} from '@footprint/domain';
import { codeCountType } from '@footprint/graphql';
import type { ReviewFigures as ReviewFiguresShape } from '../annual-report.ts';
import { builder } from '../builder.ts';

// Declared without descriptions, as this subgraph first printed it (see SharedTypeOptions).
const CodeCount = codeCountType(builder, { descriptions: false });

const ChildrenAllOnTime = builder
  .objectRef<ReviewFiguresShape['childrenAllOnTime']>('ChildrenAllOnTime')
  .implement({
    description:
      'Children looked after at 31 March for at least 28 days, and those whose every review due in the year was on time (statutory-rules §4, NI66)',
    fields: (t) => ({
      eligible: t.exposeInt('eligible'),
      allOnTime: t.exposeInt('allOnTime'),
      percent: t.exposeFloat('percent', { nullable: true, description: 'Null when no child is eligible' }),
    }),
  });

const PaperworkFigures = builder.objectRef<PaperworkShape>('PaperworkFigures').implement({
  description:
    'Paperwork done within the council’s standard after the reviews held in the year (statutory-rules §6); null when none was held',
  fields: (t) => ({
    outcomesOnTimePercent: t.exposeFloat('outcomesOnTimePercent', { nullable: true }),
    recordCompletedOnTimePercent: t.exposeFloat('recordCompletedOnTimePercent', { nullable: true }),
    recordDistributedOnTimePercent: t.exposeFloat('recordDistributedOnTimePercent', { nullable: true }),
  }),
});

const MonthOfReviews = builder.objectRef<MonthOfReviewsShape>('MonthOfReviews').implement({
  description: 'The reviews held in one month of the year, and those on time',
  fields: (t) => ({
    month: t.exposeString('month', { description: 'YYYY-MM' }),
    held: t.exposeInt('held'),
    onTime: t.exposeInt('onTime'),
  }),
});

/** The `reviews.*` figures of the annual report (statutory-rules §4, §5, §6, §7, §14). */
export const ReviewFigures = builder.objectRef<ReviewFiguresShape>('ReviewFigures').implement({
  description:
    'Child in care reviews of the reporting year; short-break-only periods are left out of every figure',
  fields: (t) => ({
    held: t.exposeInt('held', {
      description: 'Reviews dated in the year inside a period of care (not short-break-only)',
    }),
    onTime: t.exposeInt('onTime', { description: 'Of those, held by their due date' }),
    late: t.exposeInt('late'),
    onTimePercent: t.exposeFloat('onTimePercent', { nullable: true }),
    childrenAllOnTime: t.field({ type: ChildrenAllOnTime, resolve: (f) => f.childrenAllOnTime }),
    participation: t.field({
      type: [CodeCount],
      description: 'Reviews held by participation code: PN0 to PN7, then notRecorded (all nine)',
      resolve: (f) => f.participation,
    }),
    participationRate4Plus: t.exposeFloat('participationRate4Plus', {
      nullable: true,
      description: 'PN1–PN6 ÷ PN1–PN7 (statutory-rules §5)',
    }),
    chairedByChild: t.field({
      type: [CodeCount],
      description: 'chair, co_chair (both)',
      resolve: (f) => f.chairedByChild,
    }),
    format: t.field({
      type: [CodeCount],
      description: 'in_person, virtual, hybrid, notRecorded (all four)',
      resolve: (f) => f.format,
    }),
    paperwork: t.field({ type: PaperworkFigures, resolve: (f) => f.paperwork }),
    midwayReviews: t.exposeInt('midwayReviews', {
      description: 'Midway reviews held in the year: distinct child and date',
    }),
    overdueAt31March: t.exposeInt('overdueAt31March', {
      description: 'Children overdue for a review at the end of 31 March',
    }),
    orphanReviews: t.exposeInt('orphanReviews', {
      description: 'Reviews dated in the year outside every period of care',
    }),
    byMonth: t.field({
      type: [MonthOfReviews],
      description: 'All twelve months of the year, April first',
      resolve: (f) => f.byMonth,
    }),
    dataQuality: t.field({
      type: [CodeCount],
      description:
        'orphan_review, duplicate_review, pn0_after_4th_birthday, pn_code_under_4, participation_not_recorded, short_break_reviews: those that occur',
      resolve: (f) => f.dataQuality,
    }),
  }),
});

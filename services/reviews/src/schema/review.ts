import { codeLabel, codeLists, isParticipationCode, participationWording } from '@footprint/domain';
import { invalidInput } from '@footprint/graphql';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { chairedByChildValues, reviewFormats } from '../codes.ts';
import { findReviewsHeld, findReviewsOnDate } from '../data/find-reviews.ts';
import { recordReview } from '../data/record-review.ts';
import { type ReviewPaperwork, recordReviewPaperwork } from '../data/record-review-paperwork.ts';
import { reviewIdOf, reviewKeyOf } from '../keys.ts';
import { loaders } from '../loaders.ts';
import { type ReviewRecord, withScheduleFlags } from '../review-records.ts';
import { optionalCode, optionalReference, parseInput, pastDate } from '../validation.ts';
import { Child } from './child.ts';
import { Iro } from './iro.ts';
import { Recommendation } from './recommendation.ts';

const lateReasonCodes = codeLists['late-review-reasons'].map((reason) => reason.code) as [
  string,
  ...string[],
];

export const Review = builder.objectRef<ReviewRecord>('Review');

Review.implement({
  description: 'A child in care review as recorded (SSDA903 Reviews row with its review_details)',
  fields: (t) => ({
    id: t.id({
      description: 'The child, the review date and the order it was recorded in that day',
      resolve: (review) => reviewIdOf(review),
    }),
    child: t.field({ type: Child, resolve: (review) => ({ id: review.childId }) }),
    date: t.expose('reviewDate', { type: 'Date', description: 'REVIEW: the date the review was held' }),
    countsInSchedule: t.exposeBoolean('countsInSchedule', {
      description:
        'False for a second or later review of the child on the same date: two reviews on one date count once and the first recorded stands (data quality duplicate_review)',
    }),
    participation: t.exposeString('participation', {
      nullable: true,
      description: 'REVIEW_CODE PN0–PN7; null when not recorded',
    }),
    participationWording: t.string({
      nullable: true,
      description: 'The DfE’s wording of the participation code',
      resolve: (review) =>
        review.participation && isParticipationCode(review.participation)
          ? participationWording(review.participation)
          : null,
    }),
    format: t.exposeString('format', { nullable: true, description: 'in_person, virtual or hybrid' }),
    chairedByChild: t.exposeString('chairedByChild', {
      nullable: true,
      description: 'no, chair or co_chair',
    }),
    iro: t.field({
      type: Iro,
      nullable: true,
      description: 'The IRO who chaired the review',
      resolve: (review) => (review.iroId ? { id: review.iroId } : null),
    }),
    lateReason: t.exposeString('lateReason', {
      nullable: true,
      description: 'Why the review was late, a code of late-review-reasons',
    }),
    lateReasonWording: t.string({
      nullable: true,
      resolve: (review) =>
        review.lateReason ? (codeLabel('late-review-reasons', review.lateReason) ?? null) : null,
    }),
    outcomesIssued: t.expose('outcomesIssued', { type: 'Date', nullable: true }),
    recordCompleted: t.expose('recordCompleted', { type: 'Date', nullable: true }),
    recordDistributed: t.expose('recordDistributed', { type: 'Date', nullable: true }),
    recommendations: t.field({
      type: [Recommendation],
      description: 'The recommendations made at the review held on this date',
      resolve: async (review, _args, ctx) =>
        (await loaders(ctx).recommendations.load(review.childId)).filter(
          (recommendation) => recommendation.reviewDate === review.reviewDate,
        ),
    }),
  }),
});

const participationCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isParticipationCode, {
    error: (issue) => `participation must be a code PN0–PN7; got ${JSON.stringify(issue.input)}`,
  })
  .nullish()
  .transform((value) => value ?? null);

const RecordReviewInput = builder.inputType('RecordReviewInput', {
  fields: (t) => ({
    childId: t.id({ required: true, description: 'The council’s CHILD reference' }),
    date: t.field({ type: 'Date', required: true, description: 'The date the review was held' }),
    participation: t.string({ description: 'PN0–PN7' }),
    format: t.string({ description: 'in_person, virtual or hybrid' }),
    chairedByChild: t.string({ description: 'no, chair or co_chair' }),
    iroId: t.id({ description: 'The chairing IRO’s staff reference; an IRO’s own when they leave it out' }),
    lateReason: t.string({ description: 'A code of late-review-reasons, when the review was late' }),
  }),
});

const recordReviewInput = z.object({
  childId: z.string().trim().min(1, 'childId is required'),
  date: pastDate('date'),
  participation: participationCode,
  format: optionalCode('format', reviewFormats),
  chairedByChild: optionalCode('chairedByChild', chairedByChildValues),
  iroId: optionalReference('iroId'),
  lateReason: optionalCode('lateReason', lateReasonCodes),
});

const RecordReviewPaperworkInput = builder.inputType('RecordReviewPaperworkInput', {
  fields: (t) => ({
    reviewId: t.id({ required: true }),
    lateReason: t.string({ description: 'A code of late-review-reasons' }),
    outcomesIssued: t.field({ type: 'Date', description: 'Review outcomes / decisions issued' }),
    recordCompleted: t.field({ type: 'Date', description: 'Review record (minutes) completed' }),
    recordDistributed: t.field({
      type: 'Date',
      description: 'Review record distributed to the child and others',
    }),
  }),
});

const optionalPastDate = (field: string) => pastDate(field).nullish();

const recordReviewPaperworkInput = z
  .object({
    reviewId: z.string(),
    lateReason: z
      .enum(lateReasonCodes, {
        error: (issue) =>
          `lateReason must be one of ${lateReasonCodes.join(', ')}; got ${JSON.stringify(issue.input)}`,
      })
      .nullish(),
    outcomesIssued: optionalPastDate('outcomesIssued'),
    recordCompleted: optionalPastDate('recordCompleted'),
    recordDistributed: optionalPastDate('recordDistributed'),
  })
  .refine((input) => Object.entries(input).some(([field, value]) => field !== 'reviewId' && value != null), {
    error: 'Give at least one of lateReason, outcomesIssued, recordCompleted, recordDistributed',
  });

builder.queryFields((t) => ({
  reviewsHeld: t.field({
    type: [Review],
    description: 'Every review of the council recorded with a date from `from` to `to`, both included',
    authScopes: { anyRole: ['manager'] },
    args: {
      from: t.arg({ type: 'Date', required: true }),
      to: t.arg({ type: 'Date', required: true }),
    },
    resolve: (_root, { from, to }, ctx) => {
      if (from > to) throw invalidInput(`from (${from}) is after to (${to})`, 'from');
      return ctx.inTenant(async (tx) => {
        const rows = await findReviewsHeld(tx, from, to);
        await ctx.audit(tx, 'read', 'Review', rows.map(reviewIdOf));
        return withScheduleFlags(rows);
      });
    },
  }),
}));

builder.mutationType({});
builder.mutationFields((t) => ({
  recordReview: t.field({
    type: Review,
    description:
      'Record a review held; a second review of the child on the same date is kept as a duplicate that does not count in the schedule',
    authScopes: { anyRole: ['manager', 'iro'] },
    args: { input: t.arg({ type: RecordReviewInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const parsed = parseInput(recordReviewInput, {
        ...input,
        childId: String(input.childId),
        iroId: input.iroId == null ? input.iroId : String(input.iroId),
      });
      // An IRO records the reviews they chair: without an iroId the review is theirs.
      const iroId = parsed.iroId ?? (ctx.auth.roles.includes('iro') ? ctx.auth.staffRef : null);
      return ctx.inTenant(async (tx) => {
        const { date, ...details } = parsed;
        const created = await recordReview(tx, ctx.auth.tenant!, { ...details, reviewDate: date, iroId });
        await ctx.audit(tx, 'create', 'Review', [reviewIdOf(created)], {
          childId: created.childId,
          date: created.reviewDate,
          sequence: created.sequence,
        });
        const sameDay = await findReviewsOnDate(tx, created.childId, created.reviewDate);
        return withScheduleFlags(sameDay).find((review) => review.sequence === created.sequence)!;
      });
    },
  }),
  recordReviewPaperwork: t.field({
    type: Review,
    description:
      'Record the paperwork after a review (outcomes issued, record completed and distributed) and why it was late',
    authScopes: { anyRole: ['manager', 'iro'] },
    args: { input: t.arg({ type: RecordReviewPaperworkInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const { reviewId, ...given } = parseInput(recordReviewPaperworkInput, {
        ...input,
        reviewId: String(input.reviewId),
      });
      // Only what was given changes; a field left out (or null) keeps what is recorded.
      const paperwork = Object.fromEntries(Object.entries(given).filter(([, value]) => value != null));
      const key = reviewKeyOf(reviewId);
      if (!key) throw invalidInput(`${reviewId} is not a review id`, 'reviewId');
      return ctx.inTenant(async (tx) => {
        const { before, after } = await recordReviewPaperwork(tx, key, paperwork);
        const changed = Object.fromEntries(
          Object.keys(paperwork).map((field) => {
            const column = field as keyof ReviewPaperwork;
            return [field, { from: before[column], to: after[column] }];
          }),
        );
        await ctx.audit(tx, 'update', 'Review', [reviewIdOf(after)], changed);
        const sameDay = await findReviewsOnDate(tx, after.childId, after.reviewDate);
        return withScheduleFlags(sameDay).find((review) => review.sequence === after.sequence)!;
      });
    },
  }),
}));

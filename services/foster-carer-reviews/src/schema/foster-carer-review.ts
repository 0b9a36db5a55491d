import type { FosterReviewOutcome as ReviewOutcome } from '@footprint/domain';
import type { RequestContext } from '@footprint/graphql';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { fosterReviewOutcomes } from '../codes.ts';
import type { ReviewRow } from '../data/find-reviews.ts';
import { recordReview } from '../data/record-review.ts';
import { householdRoles } from '../db/visibility.ts';
import { loaders } from '../loaders.ts';
import { loadSchedule, today } from '../schedule.ts';
import { idText, parseInput } from '../validation.ts';
import { FosterHousehold } from './foster-household.ts';
import { Iro } from './iro.ts';

export const FosterReviewOutcome = builder.enumType('FosterReviewOutcome', {
  description:
    'OUTCOME of foster_reviews: approval continues unchanged, terms of approval changed, approval ended ' +
    '(by the council), or the carer resigned',
  values: fosterReviewOutcomes,
});

/** Where the review stands in its household's schedule (reviews before approval have no due date). */
async function scheduled(review: ReviewRow, ctx: RequestContext) {
  const household = await loaders(ctx).household.load(review.householdId);
  if (!household) return null;
  const schedule = await loadSchedule(ctx, household);
  return schedule.reviews.find((entry) => entry.date === review.reviewDate) ?? null;
}

export const FosterCarerReview = builder.objectRef<ReviewRow>('FosterCarerReview').implement({
  description: 'A review of a foster household’s approval (Fostering Services Regulations 2011, reg 28)',
  authScopes: { anyRole: householdRoles },
  fields: (t) => ({
    household: t.field({
      type: FosterHousehold,
      resolve: async (review, _args, ctx) => (await loaders(ctx).household.load(review.householdId))!,
    }),
    date: t.expose('reviewDate', { type: 'Date' }),
    outcome: t.field({
      type: FosterReviewOutcome,
      nullable: true,
      description: 'Null when the council’s imported records did not say',
      resolve: (review) => review.outcome as ReviewOutcome | null,
    }),
    fcro: t.field({
      type: Iro,
      nullable: true,
      description: 'The FCRO who held the review, where recorded',
      resolve: (review) => (review.fcroId ? { id: review.fcroId } : null),
    }),
    notes: t.exposeString('notes', { nullable: true }),
    dueDate: t.field({
      type: 'Date',
      nullable: true,
      description:
        'The date this review was due by: 12 months after approval or after the previous review held',
      resolve: async (review, _args, ctx) => (await scheduled(review, ctx))?.dueDate ?? null,
    }),
    onTime: t.boolean({
      nullable: true,
      description: 'Held on or before its due date',
      resolve: async (review, _args, ctx) => (await scheduled(review, ctx))?.onTime ?? null,
    }),
  }),
});

builder.objectField(FosterHousehold, 'reviews', (t) =>
  t.field({
    type: [FosterCarerReview],
    description: 'Every review of the household, oldest first',
    resolve: (household, _args, ctx) => loaders(ctx).reviews.load(household.id),
  }),
);

const RecordFosterCarerReviewInput = builder.inputType('RecordFosterCarerReviewInput', {
  fields: (t) => ({
    householdId: t.id({ required: true }),
    date: t.field({ type: 'Date', required: true }),
    outcome: t.field({ type: FosterReviewOutcome, required: true }),
    fcroId: t.id({
      description:
        'The FCRO who held the review. An FCRO records as themselves and may leave it out; a manager may name one',
    }),
    notes: t.string(),
  }),
});

const recordInput = z.object({
  householdId: z.string().trim().min(1, 'householdId is required').max(64, 'householdId is too long'),
  date: z.string(),
  outcome: z.enum(fosterReviewOutcomes, {
    error: `outcome must be one of ${fosterReviewOutcomes.join(', ')}`,
  }),
  fcroId: z
    .string()
    .trim()
    .min(1, 'fcroId must not be empty')
    .max(64, 'fcroId is too long')
    .nullish()
    .transform((value) => value ?? null),
  notes: z
    .string()
    .trim()
    .max(4000, 'notes are longer than 4000 characters')
    .nullish()
    .transform((value) => value || null),
});

/** Who the review is recorded against: an FCRO is always themselves; a manager may name anyone or no one. */
function reviewingOfficer(ctx: RequestContext, named: string | null) {
  if (ctx.auth.roles.includes('manager')) return named;
  const self = ctx.auth.staffRef;
  if (!self) {
    throw new GraphQLError('Your account has no staff reference, so a review cannot be recorded as yours', {
      extensions: { code: 'FORBIDDEN' },
    });
  }
  if (named !== null && named !== self) {
    throw new GraphQLError(`An FCRO records reviews as themselves: fcroId must be ${self} or left out`, {
      extensions: { code: 'BAD_USER_INPUT', field: 'fcroId' },
    });
  }
  return self;
}

builder.mutationFields((t) => ({
  recordFosterCarerReview: t.field({
    type: FosterCarerReview,
    description: 'Record a foster carer review; an ended or resigned outcome ends the approval on that date',
    authScopes: { anyRole: householdRoles },
    args: { input: t.arg({ type: RecordFosterCarerReviewInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const parsed = parseInput(recordInput, {
        ...input,
        householdId: idText(input.householdId),
        fcroId: idText(input.fcroId),
      });
      const fcroId = reviewingOfficer(ctx, parsed.fcroId);
      return ctx.inTenant(async (tx) => {
        const { review, household, endedApproval } = await recordReview(
          tx,
          ctx.auth.tenant!,
          { ...parsed, fcroId },
          today(),
        );
        await ctx.audit(tx, 'create', 'FosterCarerReview', [review.householdId], {
          date: review.reviewDate,
          outcome: review.outcome,
          fcroId: review.fcroId,
        });
        if (endedApproval) {
          await ctx.audit(tx, 'update', 'FosterHousehold', [household.id], {
            endedOn: household.endedOn,
            byReviewOutcome: review.outcome,
          });
        }
        // The request's loaders may hold the household as it was before this change.
        loaders(ctx).household.clear(household.id).prime(household.id, household);
        loaders(ctx).reviews.clear(household.id);
        return review;
      });
    },
  }),
}));

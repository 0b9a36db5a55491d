import { isRecommendationOverdueOn } from '@footprint/domain';
import { invalidInput } from '@footprint/graphql';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { recommendationOwners } from '../codes.ts';
import { completeRecommendation } from '../data/complete-recommendation.ts';
import type { RecommendationRow } from '../data/find-recommendations.ts';
import { recordRecommendation } from '../data/record-recommendation.ts';
import { recommendationIdOf, recommendationKeyOf } from '../keys.ts';
import { parseInput, pastDate, today } from '../validation.ts';
import { Child } from './child.ts';

export const Recommendation = builder.objectRef<RecommendationRow>('Recommendation');

Recommendation.implement({
  description: 'A recommendation made at a review, with who owns it and when it is due',
  fields: (t) => ({
    id: t.id({ resolve: (row) => recommendationIdOf(row) }),
    child: t.field({ type: Child, resolve: (row) => ({ id: row.childId }) }),
    reviewDate: t.expose('reviewDate', { type: 'Date', description: 'The date of the review that made it' }),
    recommendation: t.exposeString('recommendation'),
    owner: t.exposeString('owner', {
      nullable: true,
      description: 'social_worker, team_manager, carer, iro or other; null when an imported file left it out',
    }),
    dueDate: t.expose('dueDate', { type: 'Date' }),
    completedOn: t.expose('completedOn', { type: 'Date', nullable: true }),
    overdue: t.boolean({
      description: 'Not done by its due date and still not done at the end of `asOf` (default today)',
      args: { asOf: t.arg({ type: 'Date' }) },
      resolve: (row, { asOf }) =>
        isRecommendationOverdueOn({ due: row.dueDate, completed: row.completedOn }, asOf ?? today()),
    }),
  }),
});

const RecordRecommendationInput = builder.inputType('RecordRecommendationInput', {
  fields: (t) => ({
    childId: t.id({ required: true }),
    reviewDate: t.field({ type: 'Date', required: true, description: 'The date of the review that made it' }),
    recommendation: t.string({ required: true }),
    owner: t.string({ required: true, description: 'social_worker, team_manager, carer, iro or other' }),
    dueDate: t.field({ type: 'Date', required: true }),
  }),
});

const recordRecommendationInput = z
  .object({
    childId: z.string().trim().min(1, 'childId is required'),
    reviewDate: pastDate('reviewDate'),
    recommendation: z
      .string()
      .trim()
      .min(1, 'recommendation must not be empty')
      .max(4000, 'recommendation must be at most 4000 characters'),
    owner: z.enum(recommendationOwners, {
      error: (issue) =>
        `owner must be one of ${recommendationOwners.join(', ')}; got ${JSON.stringify(issue.input)}`,
    }),
    dueDate: z.string(),
  })
  .refine((input) => input.dueDate >= input.reviewDate, {
    error: (issue) => {
      const input = issue.input as { dueDate: string; reviewDate: string };
      return `dueDate (${input.dueDate}) is before the review on ${input.reviewDate}`;
    },
    path: ['dueDate'],
  });

builder.mutationFields((t) => ({
  recordRecommendation: t.field({
    type: Recommendation,
    description: 'Record a recommendation of a review already recorded',
    authScopes: { anyRole: ['manager', 'iro'] },
    args: { input: t.arg({ type: RecordRecommendationInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const parsed = parseInput(recordRecommendationInput, { ...input, childId: String(input.childId) });
      return ctx.inTenant(async (tx) => {
        const created = await recordRecommendation(tx, ctx.auth.tenant!, parsed);
        await ctx.audit(tx, 'create', 'Recommendation', [recommendationIdOf(created)], {
          childId: created.childId,
          reviewDate: created.reviewDate,
          owner: created.owner,
          dueDate: created.dueDate,
        });
        return created;
      });
    },
  }),
  completeRecommendation: t.field({
    type: Recommendation,
    description: 'Mark a recommendation done on a date',
    authScopes: { anyRole: ['manager', 'iro'] },
    args: {
      id: t.arg.id({ required: true }),
      completedOn: t.arg({ type: 'Date', required: true }),
    },
    resolve: (_root, args, ctx) => {
      const { id, completedOn } = parseInput(
        z.object({ id: z.string(), completedOn: pastDate('completedOn') }),
        {
          id: String(args.id),
          completedOn: args.completedOn,
        },
      );
      const key = recommendationKeyOf(id);
      if (!key) throw invalidInput(`${id} is not a recommendation id`, 'id');
      return ctx.inTenant(async (tx) => {
        const updated = await completeRecommendation(tx, key, completedOn);
        await ctx.audit(tx, 'update', 'Recommendation', [recommendationIdOf(updated)], { completedOn });
        return updated;
      });
    },
  }),
}));

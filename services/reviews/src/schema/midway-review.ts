import { z } from 'zod';
import { builder } from '../builder.ts';
import type { MidwayReviewRow } from '../data/find-midway-reviews.ts';
import { recordMidwayReview } from '../data/record-midway-review.ts';
import { midwayReviewIdOf } from '../keys.ts';
import { optionalReference, parseInput, pastDate } from '../validation.ts';
import { Child } from './child.ts';
import { Iro } from './iro.ts';

export const MidwayReview = builder.objectRef<MidwayReviewRow>('MidwayReview');

MidwayReview.implement({
  description: 'A midway review (midway check) of the care plan between two reviews',
  fields: (t) => ({
    id: t.id({ resolve: (row) => midwayReviewIdOf(row) }),
    child: t.field({ type: Child, resolve: (row) => ({ id: row.childId }) }),
    date: t.expose('midwayDate', { type: 'Date' }),
    iro: t.field({ type: Iro, nullable: true, resolve: (row) => (row.iroId ? { id: row.iroId } : null) }),
  }),
});

const RecordMidwayReviewInput = builder.inputType('RecordMidwayReviewInput', {
  fields: (t) => ({
    childId: t.id({ required: true }),
    date: t.field({ type: 'Date', required: true }),
    iroId: t.id({ description: 'The IRO’s staff reference; an IRO’s own when they leave it out' }),
  }),
});

const recordMidwayReviewInput = z.object({
  childId: z.string().trim().min(1, 'childId is required'),
  date: pastDate('date'),
  iroId: optionalReference('iroId'),
});

builder.mutationFields((t) => ({
  recordMidwayReview: t.field({
    type: MidwayReview,
    description: 'Record a midway review held',
    authScopes: { anyRole: ['manager', 'iro'] },
    args: { input: t.arg({ type: RecordMidwayReviewInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const parsed = parseInput(recordMidwayReviewInput, {
        ...input,
        childId: String(input.childId),
        iroId: input.iroId == null ? input.iroId : String(input.iroId),
      });
      const iroId = parsed.iroId ?? (ctx.auth.roles.includes('iro') ? ctx.auth.staffRef : null);
      return ctx.inTenant(async (tx) => {
        const created = await recordMidwayReview(tx, ctx.auth.tenant!, {
          childId: parsed.childId,
          midwayDate: parsed.date,
          iroId,
        });
        await ctx.audit(tx, 'create', 'MidwayReview', [midwayReviewIdOf(created)], {
          childId: created.childId,
          date: created.midwayDate,
        });
        return created;
      });
    },
  }),
}));

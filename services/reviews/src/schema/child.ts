import { isIsoDate } from '@footprint/domain';
import type { EpisodeFacts } from '@footprint/graphql';
import { invalidInput } from '@footprint/graphql';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { loaders } from '../loaders.ts';
import { mayWorkWithReviews, today } from '../validation.ts';
import { ConsultationForm } from './consultation-form.ts';
import { Episode } from './episode.ts';
import { FeedbackAnswer } from './feedback-answer.ts';
import { MidwayReview } from './midway-review.ts';
import { Review } from './review.ts';
import { ReviewSchedule, reviewScheduleOn } from './review-schedule.ts';

/** What the schedule needs of the child, from the children subgraph. */
type ChildFacts = { dateOfBirth: string; episodes: EpisodeFacts[] };

const requiredFacts = builder.selection<ChildFacts>(
  'dateOfBirth episodes { startDate endDate reasonNewEpisode legalStatus placement reasonEnded }',
);

const isoDate = z.string().refine(isIsoDate);

// The gateway fills these from the children subgraph, but a direct `_entities` call could send
// anything: check the shape rather than let a bad date reach the rules.
const childFacts = z.object({
  dateOfBirth: isoDate,
  episodes: z.array(
    z.object({
      startDate: isoDate,
      endDate: isoDate.nullable(),
      reasonNewEpisode: z.string(),
      legalStatus: z.string(),
      placement: z.string(),
      reasonEnded: z.string().nullable(),
    }),
  ),
});

/**
 * The child, owned by the children subgraph and known here by the council's CHILD reference.
 * Only managers and IROs get anything from these fields; every other role gets an empty list or
 * null, as the children subgraph gives them no child at all.
 */
export const Child = builder.externalRef('Child', builder.selection<{ id: string }>('id'));

Child.implement({
  externalFields: (t) => ({
    dateOfBirth: t.field({ type: 'Date' }),
    episodes: t.field({ type: [Episode] }),
  }),
  fields: (t) => ({
    id: t.exposeID('id'),
    reviews: t.field({
      type: [Review],
      description:
        'Every review recorded, oldest first; same-day duplicates included with countsInSchedule false',
      resolve: (child, _args, ctx) =>
        mayWorkWithReviews(ctx.auth) ? loaders(ctx).reviews.load(child.id) : [],
    }),
    lastReview: t.field({
      type: Review,
      nullable: true,
      description: 'The latest review held (the first recorded of its date)',
      resolve: async (child, _args, ctx) => {
        if (!mayWorkWithReviews(ctx.auth)) return null;
        const reviews = await loaders(ctx).reviews.load(child.id);
        return reviews.findLast((review) => review.countsInSchedule) ?? null;
      },
    }),
    midwayReviews: t.field({
      type: [MidwayReview],
      description: 'Every midway review recorded, oldest first',
      resolve: (child, _args, ctx) =>
        mayWorkWithReviews(ctx.auth) ? loaders(ctx).midwayReviews.load(child.id) : [],
    }),
    consultations: t.field({
      type: [ConsultationForm],
      description: 'Every consultation form returned for the child’s reviews, by date received',
      resolve: (child, _args, ctx) =>
        mayWorkWithReviews(ctx.auth) ? loaders(ctx).consultations.load(child.id) : [],
    }),
    feedback: t.field({
      type: [FeedbackAnswer],
      description: 'The child’s answers to the feedback questions after their reviews, by review date',
      resolve: (child, _args, ctx) =>
        mayWorkWithReviews(ctx.auth) ? loaders(ctx).feedback.load(child.id) : [],
    }),
    reviewSchedule: t.field({
      type: ReviewSchedule,
      nullable: true,
      description:
        'When the next review is due and whether it is overdue, at the end of `asOf` (default today, Europe/London); null when the child is in no period of care then',
      args: { asOf: t.arg({ type: 'Date', description: 'Default: today in England' }) },
      requires: requiredFacts,
      resolve: async (child, { asOf }, ctx) => {
        if (!mayWorkWithReviews(ctx.auth)) return null;
        const facts = childFacts.safeParse(child);
        if (!facts.success) {
          throw invalidInput(
            'reviewSchedule needs the child’s dateOfBirth and episodes from the children subgraph',
          );
        }
        const reviews = await loaders(ctx).reviews.load(child.id);
        return reviewScheduleOn(facts.data, reviews, asOf ?? today());
      },
    }),
  }),
});

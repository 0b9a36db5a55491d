import type { RequestContext } from '@footprint/graphql';
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { type ConsultationRow, findConsultationsByChild } from './data/find-consultations.ts';
import { type FeedbackRow, findFeedbackByChild } from './data/find-feedback.ts';
import { findMidwayReviewsByChild, type MidwayReviewRow } from './data/find-midway-reviews.ts';
import { findRecommendationsByChild, type RecommendationRow } from './data/find-recommendations.ts';
import { findReviewsByChild } from './data/find-reviews.ts';
import {
  consultationIdOf,
  feedbackAnswerIdOf,
  midwayReviewIdOf,
  recommendationIdOf,
  reviewIdOf,
} from './keys.ts';
import { type ReviewRecord, withScheduleFlags } from './review-records.ts';

/**
 * Per-request loaders, keyed by the council's CHILD reference: the gateway sends one `_entities`
 * call with many children, and each batch is one query. Every read is audited once per batch,
 * naming every record read.
 */
export const loaders = createContextCache((ctx: RequestContext) => ({
  reviews: new DataLoader<string, ReviewRecord[]>((childIds) =>
    ctx.inTenant(async (tx) => {
      const byChild = await findReviewsByChild(tx, childIds);
      const rows = [...byChild.values()].flat();
      await ctx.audit(tx, 'read', 'Review', rows.map(reviewIdOf));
      return childIds.map((id) => withScheduleFlags(byChild.get(id) ?? []));
    }),
  ),
  midwayReviews: new DataLoader<string, MidwayReviewRow[]>((childIds) =>
    ctx.inTenant(async (tx) => {
      const byChild = await findMidwayReviewsByChild(tx, childIds);
      await ctx.audit(tx, 'read', 'MidwayReview', [...byChild.values()].flat().map(midwayReviewIdOf));
      return childIds.map((id) => byChild.get(id) ?? []);
    }),
  ),
  recommendations: new DataLoader<string, RecommendationRow[]>((childIds) =>
    ctx.inTenant(async (tx) => {
      const byChild = await findRecommendationsByChild(tx, childIds);
      await ctx.audit(tx, 'read', 'Recommendation', [...byChild.values()].flat().map(recommendationIdOf));
      return childIds.map((id) => byChild.get(id) ?? []);
    }),
  ),
  consultations: new DataLoader<string, ConsultationRow[]>((childIds) =>
    ctx.inTenant(async (tx) => {
      const byChild = await findConsultationsByChild(tx, childIds);
      await ctx.audit(tx, 'read', 'ConsultationForm', [...byChild.values()].flat().map(consultationIdOf));
      return childIds.map((id) => byChild.get(id) ?? []);
    }),
  ),
  feedback: new DataLoader<string, FeedbackRow[]>((childIds) =>
    ctx.inTenant(async (tx) => {
      const byChild = await findFeedbackByChild(tx, childIds);
      await ctx.audit(tx, 'read', 'FeedbackAnswer', [...byChild.values()].flat().map(feedbackAnswerIdOf));
      return childIds.map((id) => byChild.get(id) ?? []);
    }),
  ),
}));

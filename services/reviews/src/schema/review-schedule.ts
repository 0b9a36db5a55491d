import {
  childReviewSchedules,
  type DueBasis,
  daysOverdueOn,
  defaultLocalPolicy,
  isInPeriodOn,
  isLocallyOverdueOn,
  isOverdueOn,
  isShortBreakOn,
  type LocalPolicy,
  midwayReviewDueFor,
  pendingDueOn,
} from '@footprint/domain';
import { type EpisodeFacts, periodsOfRequiredEpisodes } from '@footprint/graphql';
import { builder } from '../builder.ts';
import type { ReviewRecord } from '../review-records.ts';
import { Review } from './review.ts';

/** Where a child's reviews stand on one date, every value from the domain's rules (statutory-rules §3, §7). */
export type ReviewScheduleFacts = {
  asOf: string;
  periodStart: string;
  periodEnd: string | null;
  shortBreak: boolean;
  dueBasis: DueBasis;
  nextDueDate: string;
  localDueDate: string | null;
  overdue: boolean;
  daysOverdue: number;
  locallyOverdue: boolean | null;
  lastReview: ReviewRecord | null;
  midwayDueDate: string | null;
};

/**
 * The schedule of the period of care the child is in on `asOf`, or null when they are in none.
 * Everything recorded is passed to the domain; reading the pending due date at the end of `asOf`
 * leaves out what happened later, so a past date shows what was due then.
 */
export function reviewScheduleOn(
  child: { dateOfBirth: string; episodes: readonly EpisodeFacts[] },
  reviews: readonly ReviewRecord[],
  asOf: string,
  policy: LocalPolicy = defaultLocalPolicy,
): ReviewScheduleFacts | null {
  const periods = periodsOfRequiredEpisodes(child.episodes);
  const held = reviews.map((review) => ({ date: review.reviewDate, review }));
  const { schedules } = childReviewSchedules(periods, held, { dob: child.dateOfBirth, policy });
  const schedule = schedules.findLast((candidate) => isInPeriodOn(candidate.period, asOf));
  if (!schedule) return null;
  const pending = pendingDueOn(schedule, asOf)!;
  const lastHeld = schedule.reviews.findLast((scheduled) => scheduled.date <= asOf) ?? null;
  // The domain gives localDueDate = dueDate where no stricter local rule applies: show it only when it differs.
  const localDueDate = pending.localDueDate === pending.dueDate ? null : pending.localDueDate;
  return {
    asOf,
    periodStart: schedule.period.start,
    periodEnd: schedule.period.end,
    shortBreak: isShortBreakOn(schedule.period, asOf),
    dueBasis: pending.basis,
    nextDueDate: pending.dueDate,
    localDueDate,
    overdue: isOverdueOn(schedule, asOf),
    daysOverdue: daysOverdueOn(schedule, asOf),
    locallyOverdue: localDueDate === null ? null : isLocallyOverdueOn(schedule, asOf),
    lastReview: lastHeld?.review.review ?? null,
    midwayDueDate: midwayReviewDueFor(lastHeld?.date ?? null, pending.dueDate, policy.midwayReviews),
  };
}

export const ReviewSchedule = builder.objectRef<ReviewScheduleFacts>('ReviewSchedule');

ReviewSchedule.implement({
  description:
    'Where the child’s statutory reviews stand on a date, in the period of care they are in then (statutory-rules §3, §7)',
  fields: (t) => ({
    asOf: t.expose('asOf', { type: 'Date', description: 'The date this schedule is for (end of that day)' }),
    periodStart: t.expose('periodStart', { type: 'Date', description: 'Start of the period of care' }),
    periodEnd: t.expose('periodEnd', {
      type: 'Date',
      nullable: true,
      description: 'Its end, if it has ended',
    }),
    shortBreak: t.exposeBoolean('shortBreak', {
      description: 'On the short-break schedule of regulation 48 (§3.2)',
    }),
    dueBasis: t.exposeString('dueBasis', {
      description:
        'Why the next review is due then: first_review, second_review, later_review, short_break_first, short_break_later, short_break_change, adoption_placement, adoption_second, adoption_later or left_adoptive_placement',
    }),
    nextDueDate: t.expose('nextDueDate', {
      type: 'Date',
      description: 'The statutory due date of the next review',
    }),
    localDueDate: t.expose('localDueDate', {
      type: 'Date',
      nullable: true,
      description: 'The council’s stricter due date (§3.4); null when local policy sets none for this child',
    }),
    overdue: t.exposeBoolean('overdue', {
      description: 'The next review was not held by its statutory due date (from the day after it)',
    }),
    daysOverdue: t.exposeInt('daysOverdue', {
      description: 'Calendar days past the statutory due date; 0 if not overdue',
    }),
    locallyOverdue: t.exposeBoolean('locallyOverdue', {
      nullable: true,
      description: 'Past the local due date; null when there is none',
    }),
    lastReview: t.field({
      type: Review,
      nullable: true,
      description: 'The last review held in this period by that date',
      resolve: (schedule) => schedule.lastReview,
    }),
    midwayDueDate: t.expose('midwayDueDate', {
      type: 'Date',
      nullable: true,
      description:
        'When the midway review is due: halfway from the last review to the next due date (§7); null before the first review or when the council keeps none',
    }),
  }),
});

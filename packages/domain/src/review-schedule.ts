import {
  addDays,
  addMonths,
  addWorkingDays,
  ageOn,
  daysBetween,
  type IsoDate,
  inDateOrder,
  minDate,
} from './calendar.ts';
import { isPlacedForAdoption, isShortBreakLegalStatus } from './codes.ts';
import {
  type LocalPolicy,
  type LocalPolicyVersion,
  localReviewIntervalMonths,
  policyOn,
} from './local-policy.ts';
import { type Episode, isInPeriodOn, isOpenAtEndOf, type PeriodOfCare } from './periods-of-care.ts';

/** A review as recorded: its date, plus whatever the caller carries along (code, row, details). */
export type HeldReview = { date: IsoDate };

/**
 * Why a review is due when it is. The interval always counts from `countsFrom`: the period start,
 * a schedule event, or the date the previous review was actually held.
 */
export type DueBasis =
  | 'first_review' // 20 working days after the start of the period (§3.1)
  | 'second_review' // 3 months after the first review (§3.1)
  | 'later_review' // 6 months after the previous review (§3.1)
  | 'short_break_first' // within 3 months of the start (§3.2)
  | 'short_break_later' // at most 6 months after the previous review (§3.2)
  | 'short_break_change' // 20 working days after a short-break period changed status (§2)
  | 'adoption_placement' // 28 days after placement for adoption (§3.3)
  | 'adoption_second' // 3 months after the review following the placement (§3.3)
  | 'adoption_later' // 6 months after the previous review while placed (§3.3)
  | 'left_adoptive_placement'; // 6 months after the last review held in the period (§3.3, §14)

export type Due = {
  dueDate: IsoDate;
  basis: DueBasis;
  countsFrom: IsoDate;
  /** The council's stricter date (§3.4); equal to dueDate where no local rule applies. */
  localDueDate: IsoDate;
};

/** From the end of `from` on, until the next change, this is the due date pending. */
export type DueChange = Due & { from: IsoDate };

export type ScheduledReview<R extends HeldReview = HeldReview> = Due & {
  review: R;
  date: IsoDate;
  /** 1 for the first review of the period. */
  number: number;
  /** Due under the short-break schedule of regulation 48 (§3.2). */
  shortBreak: boolean;
  onTime: boolean;
  /** Calendar days after the due date; 0 when on time (§4). */
  daysLate: number;
  localOnTime: boolean;
};

export type PeriodSchedule<R extends HeldReview = HeldReview, E extends Episode = Episode> = {
  period: PeriodOfCare<E>;
  reviews: ScheduledReview<R>[];
  /** The next review due after every review recorded (whether or not the period has ended since). */
  pending: Due;
  /** Every change of the pending due date, in date order; several may share a date, the last stands. */
  timeline: DueChange[];
};

export type ScheduleOptions = {
  /** Date of birth: needed only for local rules by age (§3.4). */
  dob?: IsoDate | null;
  /** The council's policy, or its versions (the version in force on the date an interval counts from applies). */
  policy?: LocalPolicy | readonly LocalPolicyVersion[];
};

type Mode = 'short_break' | 'ordinary' | 'adoption';

// The basis of the next due date after a review: [after the first of the sequence, after later ones].
const AFTER_REVIEW: Readonly<Record<'ordinary' | 'adoption', readonly [DueBasis, DueBasis]>> = {
  ordinary: ['second_review', 'later_review'],
  adoption: ['adoption_second', 'adoption_later'],
};

const policyAt = (options: ScheduleOptions, date: IsoDate): LocalPolicy | null => {
  const { policy } = options;
  if (!policy) return null;
  return Array.isArray(policy)
    ? policyOn(policy as readonly LocalPolicyVersion[], date)
    : (policy as LocalPolicy);
};

// Local rules shorten intervals that count from a review held; first reviews keep their statutory date.
const FROM_PREVIOUS_REVIEW: ReadonlySet<DueBasis> = new Set([
  'second_review',
  'later_review',
  'short_break_later',
  'adoption_second',
  'adoption_later',
  'left_adoptive_placement',
]);

const makeDue = (dueDate: IsoDate, basis: DueBasis, countsFrom: IsoDate, options: ScheduleOptions): Due => {
  let localDueDate = dueDate;
  if (FROM_PREVIOUS_REVIEW.has(basis) && options.dob) {
    const policy = policyAt(options, countsFrom);
    const months = policy ? localReviewIntervalMonths(policy, ageOn(options.dob, countsFrom)) : null;
    if (months !== null) localDueDate = minDate(dueDate, addMonths(countsFrom, months));
  }
  return { dueDate, basis, countsFrom, localDueDate };
};

// Explicit fields rather than `{ ...due, from }`: spreading an object into a literal with more
// fields takes V8's slow path, and an annual report schedules tens of thousands of reviews at once.
const changeFrom = (due: Due, from: IsoDate): DueChange => ({
  dueDate: due.dueDate,
  basis: due.basis,
  countsFrom: due.countsFrom,
  localDueDate: due.localDueDate,
  from,
});

/**
 * The statutory review schedule of one period of care (§3), over the reviews held in it (one per
 * date, in date order: see {@link childReviewSchedules} for de-duplication and orphans).
 * Every next due date counts from the date a review was actually held. On any date, a schedule
 * event (placement for adoption starting or ending, a change from short breaks) applies before a
 * review held that day (§14).
 */
export const reviewSchedule = <R extends HeldReview, E extends Episode>(
  period: PeriodOfCare<E>,
  reviews: readonly R[],
  options: ScheduleOptions = {},
): PeriodSchedule<R, E> => {
  const sorted = inDateOrder(reviews, dateOf);
  const scheduler = new PeriodScheduler<R>(period, options);
  let next = 0;
  for (let i = 1; i < period.episodes.length; i++) {
    const episode = period.episodes[i]!;
    const previous = period.episodes[i - 1]!;
    while (next < sorted.length && sorted[next]!.date < episode.decom) scheduler.hold(sorted[next++]!);
    scheduler.episodeStarts(episode, previous);
  }
  while (next < sorted.length) scheduler.hold(sorted[next++]!);
  return { period, reviews: scheduler.scheduled, pending: scheduler.due, timeline: scheduler.timeline };
};

const dateOf = (review: HeldReview): IsoDate => review.date;

/**
 * The state of one period's schedule as its events and reviews are applied in date order. A class
 * rather than closures in {@link reviewSchedule}: a council's report schedules every period of
 * every child, and closures would be created (and named) again for each.
 */
class PeriodScheduler<R extends HeldReview> {
  readonly timeline: DueChange[] = [];
  readonly scheduled: ScheduledReview<R>[] = [];
  mode: Mode;
  due: Due;
  // Reviews held in the current sequence: the interval after the first is 3 months, then 6.
  heldInSequence = 0;
  lastHeld: IsoDate | null = null;

  constructor(
    period: PeriodOfCare,
    private readonly options: ScheduleOptions,
  ) {
    const first = period.episodes[0]!;
    if (isShortBreakLegalStatus(first.ls)) {
      this.mode = 'short_break';
      this.due = makeDue(addMonths(period.start, 3), 'short_break_first', period.start, options);
    } else if (isPlacedForAdoption(first.place)) {
      // A placement for adoption that opens the period: the 28-day date replaces the 20-working-day one.
      this.mode = 'adoption';
      this.due = makeDue(addDays(period.start, 28), 'adoption_placement', period.start, options);
    } else {
      this.mode = 'ordinary';
      this.due = makeDue(addWorkingDays(period.start, 20), 'first_review', period.start, options);
    }
    this.timeline.push(changeFrom(this.due, period.start));
  }

  private setDue(next: Due, from: IsoDate): void {
    this.due = next;
    this.timeline.push(changeFrom(next, from));
  }

  private restartAfterShortBreaks(date: IsoDate): void {
    this.mode = 'ordinary';
    this.heldInSequence = 0;
    this.setDue(makeDue(addWorkingDays(date, 20), 'short_break_change', date, this.options), date);
  }

  private startAdoption(date: IsoDate): void {
    this.mode = 'adoption';
    this.heldInSequence = 0;
    this.setDue(makeDue(addDays(date, 28), 'adoption_placement', date, this.options), date);
  }

  hold(review: R): void {
    const { due, mode } = this;
    this.scheduled.push({
      dueDate: due.dueDate,
      basis: due.basis,
      countsFrom: due.countsFrom,
      localDueDate: due.localDueDate,
      review,
      date: review.date,
      number: this.scheduled.length + 1,
      shortBreak: mode === 'short_break',
      onTime: review.date <= due.dueDate,
      daysLate: Math.max(0, daysBetween(due.dueDate, review.date)),
      localOnTime: review.date <= due.localDueDate,
    });
    this.lastHeld = review.date;
    if (mode === 'short_break') {
      this.setDue(
        makeDue(addMonths(review.date, 6), 'short_break_later', review.date, this.options),
        review.date,
      );
      return;
    }
    this.heldInSequence += 1;
    const second = this.heldInSequence === 1;
    const basis = AFTER_REVIEW[mode][second ? 0 : 1];
    this.setDue(
      makeDue(addMonths(review.date, second ? 3 : 6), basis, review.date, this.options),
      review.date,
    );
  }

  /** A later episode of the period starts: a change from short breaks, or placement for adoption starting or ending. */
  episodeStarts(episode: Episode, previous: Episode): void {
    if (this.mode === 'short_break') {
      if (!isShortBreakLegalStatus(episode.ls)) {
        // Changed from short breaks: the ordinary schedule starts as if just looked after (§2).
        if (isPlacedForAdoption(episode.place)) this.startAdoption(episode.decom);
        else this.restartAfterShortBreaks(episode.decom);
      }
      return;
    }
    const placed = isPlacedForAdoption(episode.place);
    const wasPlaced = isPlacedForAdoption(previous.place);
    if (placed && !wasPlaced) this.startAdoption(episode.decom);
    else if (!placed && wasPlaced && this.mode === 'adoption') {
      this.mode = 'ordinary';
      if (this.lastHeld !== null) {
        // Leaving the adoptive placement: 6 months after the last review held in the period.
        this.heldInSequence = 1;
        this.setDue(
          makeDue(addMonths(this.lastHeld, 6), 'left_adoptive_placement', this.lastHeld, this.options),
          episode.decom,
        );
      } else {
        // None held yet: the pending due date stands; the next review is the period's first.
        this.heldInSequence = 0;
      }
    }
  }
}

/** The due date pending at the end of `date` (events and reviews of that day applied), or null before the period. */
export const pendingDueOn = (schedule: PeriodSchedule, date: IsoDate): DueChange | null => {
  let found: DueChange | null = null;
  for (const change of schedule.timeline) {
    if (change.from > date) break;
    found = change;
  }
  return found;
};

/**
 * Overdue at the end of `date` (§3.1): the period is open then and the review pending has a due
 * date before `date` — overdue from the day after the due date until it is held or the period ends.
 * At the end of 31 March that is a pending due date of 30 March or earlier.
 */
export const isOverdueOn = (schedule: PeriodSchedule, date: IsoDate): boolean => {
  if (!isOpenAtEndOf(schedule.period, date)) return false;
  const pending = pendingDueOn(schedule, date);
  return pending !== null && pending.dueDate < date;
};

/** Days overdue at the end of `date`, or 0 when not overdue. */
export const daysOverdueOn = (schedule: PeriodSchedule, date: IsoDate): number => {
  if (!isOverdueOn(schedule, date)) return 0;
  return daysBetween(pendingDueOn(schedule, date)!.dueDate, date);
};

/** Overdue against the council's stricter date (§3.4), on the same terms. */
export const isLocallyOverdueOn = (schedule: PeriodSchedule, date: IsoDate): boolean => {
  if (!isOpenAtEndOf(schedule.period, date)) return false;
  const pending = pendingDueOn(schedule, date);
  return pending !== null && pending.localDueDate < date;
};

export type ReviewProblemCode = 'orphan_review' | 'duplicate_review' | 'short_break_reviews';

export type ChildReviewSchedules<R extends HeldReview, E extends Episode = Episode> = {
  /** One schedule per period, in period order. */
  schedules: PeriodSchedule<R, E>[];
  /** Reviews dated outside every period: data-quality errors, never on time or late (§3.1). */
  orphans: R[];
  /** Second and later rows of one date: the first row in file order stands (§14). */
  duplicates: R[];
  /** Reviews inside short-break-only periods: scheduled, but left out of every figure (§14). */
  shortBreakReviews: R[];
};

/**
 * Places one child's reviews (in file order) on their periods of care and schedules each period.
 * Two reviews on one date count once; a review on the day one period ends and the next starts
 * (an S episode straight after an X1 end) belongs to the period that starts, whose schedule begins then.
 */
export const childReviewSchedules = <R extends HeldReview, E extends Episode>(
  periods: readonly PeriodOfCare<E>[],
  reviews: readonly R[],
  options: ScheduleOptions = {},
): ChildReviewSchedules<R, E> => {
  const seen = new Set<IsoDate>();
  const duplicates: R[] = [];
  const orphans: R[] = [];
  const shortBreakReviews: R[] = [];
  const perPeriod: R[][] = periods.map(() => []);
  for (const review of reviews) {
    if (seen.has(review.date)) {
      duplicates.push(review);
      continue;
    }
    seen.add(review.date);
    let index = -1;
    for (let i = periods.length - 1; i >= 0; i--) {
      if (isInPeriodOn(periods[i]!, review.date)) {
        index = i;
        break;
      }
    }
    if (index < 0) {
      orphans.push(review);
      continue;
    }
    perPeriod[index]!.push(review);
    if (periods[index]!.shortBreakOnly) shortBreakReviews.push(review);
  }
  const schedules = periods.map((period, i) => reviewSchedule(period, perPeriod[i]!, options));
  return { schedules, orphans, duplicates, shortBreakReviews };
};

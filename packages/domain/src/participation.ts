import { birthdayOf, type IsoDate } from './calendar.ts';
import { isParticipationCode, PARTICIPATION_CODES, type ParticipationCode } from './codes.ts';
import { percent } from './numbers.ts';

export type ParticipationFlag = 'pn0_after_4th_birthday' | 'pn_code_under_4' | 'participation_not_recorded';

/**
 * The data-quality flag of a review's participation code (§5, §14), or null when it is valid.
 * PN0 is valid on or before the 4th birthday and PN1–PN7 on or after it (DfE rule 440: "before" is
 * strictly before), so on the birthday itself every code is valid. Flagged codes are kept, not rejected.
 */
export const participationFlag = (
  code: string | null | undefined,
  reviewDate: IsoDate,
  dob: IsoDate,
): ParticipationFlag | null => {
  if (!code) return 'participation_not_recorded';
  const fourth = birthdayOf(dob, 4);
  if (code === 'PN0') return reviewDate > fourth ? 'pn0_after_4th_birthday' : null;
  if (isParticipationCode(code)) return reviewDate < fourth ? 'pn_code_under_4' : null;
  return null;
};

export type ParticipationCounts = Record<ParticipationCode | 'notRecorded', number>;

export type ParticipationFigures = {
  counts: ParticipationCounts;
  /** PN1–PN6 ÷ PN1–PN7 (§5). */
  rate4Plus: number | null;
  /** PN1–PN4. */
  attendedInPerson: number;
  /** PN5–PN6. */
  viewsConveyedWithoutAttending: number;
  flags: Record<ParticipationFlag, number>;
};

export type CodedReview = { date: IsoDate; code?: string | null; dob?: IsoDate | null };

/** The reviews behind each participation count and each flag: the counts are these lists' lengths. */
export type ParticipationBehind<R> = {
  byCode: Record<ParticipationCode | 'notRecorded', R[]>;
  flags: Record<ParticipationFlag, R[]>;
};

/**
 * Places each review under its participation code (§5): a review with no code, or anything but
 * PN0–PN7 (imports reject unknown codes before this), is not recorded, never dropped, so the lists
 * always hold every review given. Flags need the date of birth and are left out where it is unknown.
 */
export const participationBehind = <R extends CodedReview>(reviews: readonly R[]): ParticipationBehind<R> => {
  const byCode = Object.fromEntries(
    [...PARTICIPATION_CODES, 'notRecorded'].map((c) => [c, [] as R[]]),
  ) as Record<ParticipationCode | 'notRecorded', R[]>;
  const flags: Record<ParticipationFlag, R[]> = {
    pn0_after_4th_birthday: [],
    pn_code_under_4: [],
    participation_not_recorded: [],
  };
  for (const review of reviews) {
    const text = review.code?.trim().toUpperCase() ?? '';
    const code = isParticipationCode(text) ? text : null;
    byCode[code ?? 'notRecorded'].push(review);
    if (!code) flags.participation_not_recorded.push(review);
    else if (review.dob) {
      const flag = participationFlag(code, review.date, review.dob);
      if (flag) flags[flag].push(review);
    }
  }
  return { byCode, flags };
};

const lengths = <K extends string>(lists: Record<K, readonly unknown[]>): Record<K, number> =>
  Object.fromEntries(Object.entries<readonly unknown[]>(lists).map(([k, v]) => [k, v.length])) as Record<
    K,
    number
  >;

/**
 * Participation over the reviews held (the caller picks them: the reviews of `reviews.held`). A review
 * with no code counts as not recorded, never dropped, so the counts always sum to the reviews held.
 */
export const participationFigures = (reviews: readonly CodedReview[]): ParticipationFigures => {
  const behind = participationBehind(reviews);
  const counts = lengths(behind.byCode);
  const sum = (codes: ParticipationCode[]): number => codes.reduce((n, c) => n + counts[c], 0);
  const pn1to6 = sum(['PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6']);
  return {
    counts,
    rate4Plus: percent(pn1to6, pn1to6 + counts.PN7),
    attendedInPerson: sum(['PN1', 'PN2', 'PN3', 'PN4']),
    viewsConveyedWithoutAttending: sum(['PN5', 'PN6']),
    flags: lengths(behind.flags),
  };
};

export type ChairedByChild = 'no' | 'chair' | 'co_chair';
export type ReviewFormat = 'in_person' | 'virtual' | 'hybrid';

/** The reviews the young person chaired or co-chaired (§5), of `items` with `chairedOf` giving the value. */
export const reviewsChairedByChild = <T>(
  items: readonly T[],
  chairedOf: (item: T) => string | null | undefined,
): { chair: T[]; co_chair: T[] } => ({
  chair: items.filter((item) => chairedOf(item) === 'chair'),
  co_chair: items.filter((item) => chairedOf(item) === 'co_chair'),
});

/** Counts of reviews the young person chaired or co-chaired (§5). */
export const chairedByChildCounts = (
  values: readonly (string | null | undefined)[],
): { chair: number; co_chair: number } => lengths(reviewsChairedByChild(values, (v) => v));

/** Reviews by meeting format, with reviews that have none as not recorded (§5). */
export const reviewsByFormat = <T>(
  items: readonly T[],
  formatOf: (item: T) => string | null | undefined,
): Record<ReviewFormat | 'notRecorded', T[]> => {
  const lists: Record<ReviewFormat | 'notRecorded', T[]> = {
    in_person: [],
    virtual: [],
    hybrid: [],
    notRecorded: [],
  };
  for (const item of items) {
    const v = formatOf(item);
    if (v === 'in_person' || v === 'virtual' || v === 'hybrid') lists[v].push(item);
    else lists.notRecorded.push(item);
  }
  return lists;
};

/** Counts of reviews by meeting format, with reviews that have none as not recorded (§5). */
export const reviewFormatCounts = (
  values: readonly (string | null | undefined)[],
): Record<ReviewFormat | 'notRecorded', number> => lengths(reviewsByFormat(values, (v) => v));

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

/**
 * Participation over the reviews held (the caller picks them: the reviews of `reviews.held`). A review
 * with no code counts as not recorded, never dropped, so the counts always sum to the reviews held.
 */
export const participationFigures = (reviews: readonly CodedReview[]): ParticipationFigures => {
  const counts = Object.fromEntries(
    [...PARTICIPATION_CODES, 'notRecorded'].map((c) => [c, 0]),
  ) as ParticipationCounts;
  const flags: Record<ParticipationFlag, number> = {
    pn0_after_4th_birthday: 0,
    pn_code_under_4: 0,
    participation_not_recorded: 0,
  };
  for (const review of reviews) {
    const text = review.code?.trim().toUpperCase() ?? '';
    // Anything but PN0–PN7 reads as not recorded (imports reject unknown codes before this).
    const code = isParticipationCode(text) ? text : null;
    if (code) counts[code]++;
    else counts.notRecorded++;
    if (!code) flags.participation_not_recorded++;
    else if (review.dob) {
      const flag = participationFlag(code, review.date, review.dob);
      if (flag) flags[flag]++;
    }
  }
  const sum = (codes: ParticipationCode[]): number => codes.reduce((n, c) => n + counts[c], 0);
  const pn1to6 = sum(['PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6']);
  return {
    counts,
    rate4Plus: percent(pn1to6, pn1to6 + counts.PN7),
    attendedInPerson: sum(['PN1', 'PN2', 'PN3', 'PN4']),
    viewsConveyedWithoutAttending: sum(['PN5', 'PN6']),
    flags,
  };
};

export type ChairedByChild = 'no' | 'chair' | 'co_chair';
export type ReviewFormat = 'in_person' | 'virtual' | 'hybrid';

/** Counts of reviews the young person chaired or co-chaired (§5). */
export const chairedByChildCounts = (
  values: readonly (string | null | undefined)[],
): { chair: number; co_chair: number } => ({
  chair: values.filter((v) => v === 'chair').length,
  co_chair: values.filter((v) => v === 'co_chair').length,
});

/** Counts of reviews by meeting format, with reviews that have none as not recorded (§5). */
export const reviewFormatCounts = (
  values: readonly (string | null | undefined)[],
): Record<ReviewFormat | 'notRecorded', number> => {
  const counts = { in_person: 0, virtual: 0, hybrid: 0, notRecorded: 0 };
  for (const v of values) {
    if (v === 'in_person' || v === 'virtual' || v === 'hybrid') counts[v]++;
    else counts.notRecorded++;
  }
  return counts;
};

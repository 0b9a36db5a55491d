import { type Involvement, involvementSpan } from './advocacy.ts';
import type { IsoDate } from './calendar.ts';
import {
  COMPLIANCE_CHECKS,
  type ComplianceCheck,
  type ComplianceItem,
  complianceCheck,
  daysOverdue,
} from './compliance.ts';
import { type ChildPeriods, type Episode, episodeOpenAt, isInPeriodOn } from './periods-of-care.ts';
import { isWelfareSecureEpisode, isYouthJusticeSecureEpisode } from './secure.ts';

/*
 * The advocacy service's compliance check (issue #6, statutory-rules §10): a child placed in secure
 * accommodation must have an advocate.
 */

/** A secure placement as the secure-placement figures recognise one: welfare (K1) or youth justice (J1–J3 in K1 or R5). */
export const isSecureEpisode = (episode: Episode): boolean =>
  isWelfareSecureEpisode(episode) || isYouthJusticeSecureEpisode(episode);

/** An involvement open on `date`: its span (start, or referral before an advocate starts, to end) includes the day. */
export const isInvolvementOpenOn = (involvement: Involvement, date: IsoDate): boolean => {
  const span = involvementSpan(involvement);
  return span.from <= date && (span.to === null || span.to >= date);
};

/** A child's secure placement in force on a date: the episode, and the day the unbroken run of secure episodes began. */
export type SecurePlacementOn<E extends Episode = Episode> = { episode: E; since: IsoDate };

/**
 * The secure placement a child is in on `date`, if any: the episode in force then (within a period
 * of care that includes the date), with the start of the run of secure episodes that chain into it
 * (each starting the day the one before ended).
 */
export const securePlacementOn = <E extends Episode>(
  child: ChildPeriods<E>,
  date: IsoDate,
): SecurePlacementOn<E> | null => {
  for (const period of child.periods) {
    if (!isInPeriodOn(period, date)) continue;
    // The episode in force on the day: at its end, or the one ending that day (the period includes its DEC).
    const episode =
      episodeOpenAt(period, date) ?? period.episodes.find((e) => e.decom <= date && e.dec === date);
    if (!episode || !isSecureEpisode(episode)) continue;
    let index = period.episodes.indexOf(episode);
    let since = episode.decom;
    while (index > 0) {
      const before = period.episodes[index - 1]!;
      if (!isSecureEpisode(before) || before.dec !== since) break;
      since = before.decom;
      index -= 1;
    }
    return { episode, since };
  }
  return null;
};

/**
 * `secure_without_advocate` (§10): children in a secure placement on `asOf` with no advocacy
 * involvement open that day. Due since the secure placement began; no IRO named by the record.
 */
export const secureWithoutAdvocate = <E extends Episode>(
  children: readonly ChildPeriods<E>[],
  involvements: readonly Involvement[],
  asOf: IsoDate,
): ComplianceItem[] =>
  children.flatMap((child): ComplianceItem[] => {
    const secure = securePlacementOn(child, asOf);
    if (!secure) return [];
    if (involvements.some((i) => i.child === child.child && isInvolvementOpenOn(i, asOf))) return [];
    return [
      {
        childId: child.child,
        reference: secure.since,
        what: `In a secure placement (${secure.episode.place}, ${secure.episode.ls}) since ${secure.since} with no advocate`,
        dueDate: secure.since,
        daysOverdue: daysOverdue(secure.since, asOf),
        iroId: null,
      },
    ];
  });

/** Every check of the advocacy service on `asOf`, in COMPLIANCE_CHECKS order. */
export const advocacyComplianceChecks = <E extends Episode>({
  children,
  involvements,
  asOf,
}: {
  children: readonly ChildPeriods<E>[];
  involvements: readonly Involvement[];
  asOf: IsoDate;
}): ComplianceCheck[] => {
  const items = { secure_without_advocate: () => secureWithoutAdvocate(children, involvements, asOf) };
  return COMPLIANCE_CHECKS.advocacy.map((check) => complianceCheck(check, items[check]()));
};

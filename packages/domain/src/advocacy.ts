import { type IsoDate, maxDate, minDate, reportingYear } from './calendar.ts';
import { isSecurePlacement } from './codes.ts';
import { percent, tally } from './numbers.ts';
import type { Episode, PeriodOfCare } from './periods-of-care.ts';

export type Involvement = {
  id: string;
  child: string;
  provider: string;
  referralDate: IsoDate;
  source: string;
  reasons: readonly string[];
  start: IsoDate | null;
  end: IsoDate | null;
  outcome?: string | null;
};

export type AdvocacyFigures = {
  involvements: number;
  children: number;
  /** Of the children looked after during the year. */
  childrenPercent: number | null;
  byReason: Record<string, number>;
  bySource: Record<string, number>;
};

/**
 * Advocacy figures of reporting year `year` (§10): involvements whose referral date is in the year,
 * the distinct children among them (also as a share of the children looked after during the year),
 * and counts by reason (an involvement counts under each of its reasons) and by referral source.
 */
export const advocacyFigures = (
  involvements: readonly Involvement[],
  year: number,
  lookedAfterDuringYear: number,
): AdvocacyFigures => {
  const { start, end } = reportingYear(year);
  const inYear = involvements.filter((i) => i.referralDate >= start && i.referralDate <= end);
  const byReason: Record<string, number> = {};
  const bySource: Record<string, number> = {};
  for (const involvement of inYear) {
    for (const reason of new Set(involvement.reasons)) tally(byReason, reason);
    tally(bySource, involvement.source);
  }
  const children = new Set(inYear.map((i) => i.child)).size;
  return {
    involvements: inYear.length,
    children,
    childrenPercent: percent(children, lookedAfterDuringYear),
    byReason,
    bySource,
  };
};

/**
 * The days an involvement is open: from its start (or, before an advocate starts, its referral) to
 * its end, both included; an empty end is still open.
 */
export const involvementSpan = (involvement: Involvement): { from: IsoDate; to: IsoDate | null } => ({
  from: involvement.start ?? involvement.referralDate,
  to: involvement.end,
});

export type SecureSpell = { start: IsoDate; end: IsoDate | null };

/** Consecutive episodes in secure accommodation (PLACE K1) within a period, as spells. */
export const secureSpells = (period: PeriodOfCare<Episode>): SecureSpell[] => {
  const spells: SecureSpell[] = [];
  let current: SecureSpell | null = null;
  for (const episode of period.episodes) {
    if (isSecurePlacement(episode.place)) {
      if (current && current.end === episode.decom) current.end = episode.dec;
      else {
        current = { start: episode.decom, end: episode.dec };
        spells.push(current);
      }
    } else current = null;
  }
  return spells;
};

export type SecureAdvocacyCheck = SecureSpell & { covered: boolean; involvements: string[] };

/**
 * The secure-accommodation rule (§10): a child placed in secure accommodation must have an advocate,
 * so a secure spell with no involvement open on any of its days (up to `asOf` while it continues) is
 * a compliance breach (`covered: false`).
 */
export const secureAccommodationAdvocacy = (
  periods: readonly PeriodOfCare<Episode>[],
  involvements: readonly Involvement[],
  asOf: IsoDate,
): SecureAdvocacyCheck[] =>
  periods
    .flatMap(secureSpells)
    .filter((spell) => spell.start <= asOf)
    .map((spell) => {
      const spellEnd = spell.end === null ? asOf : minDate(spell.end, asOf);
      const open = involvements
        .filter((i) => {
          const span = involvementSpan(i);
          if (span.from > asOf) return false;
          return (
            maxDate(span.from, spell.start) <= (span.to === null ? spellEnd : minDate(span.to, spellEnd))
          );
        })
        .map((i) => i.id);
      return { ...spell, covered: open.length > 0, involvements: open };
    });

export type IndependentVisitor = { child: string; start: IsoDate; end: IsoDate | null };

/** Children with an Independent Visitor allocation open at the end of `date` (§10, §14). */
export const childrenWithIndependentVisitorAt = (
  visitors: readonly IndependentVisitor[],
  date: IsoDate,
): number =>
  new Set(visitors.filter((v) => v.start <= date && (v.end === null || v.end > date)).map((v) => v.child))
    .size;

/** Children with an Independent Visitor allocation overlapping the year (further-tables §2a). */
export const childrenWithIndependentVisitorDuring = (
  visitors: readonly IndependentVisitor[],
  year: number,
): number => {
  const { start, end } = reportingYear(year);
  return new Set(
    visitors.filter((v) => v.start <= end && (v.end === null || v.end >= start)).map((v) => v.child),
  ).size;
};

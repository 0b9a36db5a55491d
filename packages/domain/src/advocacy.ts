import { type IsoDate, maxDate, minDate, reportingYear } from './calendar.ts';
import { isSecurePlacement } from './codes.ts';
import { percent } from './numbers.ts';
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

/** A child and the records about them behind one figure, oldest first. */
export type AdvocacyChildRecords<T> = { child: string; records: T[] };

/**
 * The involvements behind each advocacy figure of reporting year `year` (§10): every count of
 * `advocacyFigures` is the length of one of these lists, so a figure can be traced to its records.
 */
export type AdvocacyMembers<I extends Involvement = Involvement> = {
  /** Involvements whose referral date is in the year, in the order given. */
  involvements: I[];
  /** The distinct children among them, each with their involvements of the year. */
  children: AdvocacyChildRecords<I>[];
  /** Per reason, the involvements naming it (an involvement counts under each of its reasons, once). */
  byReason: Record<string, I[]>;
  /** Per referral source, its involvements. */
  bySource: Record<string, I[]>;
};

const byChild = <T extends { child: string }>(records: readonly T[]): AdvocacyChildRecords<T>[] => {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const group = groups.get(record.child);
    if (group) group.push(record);
    else groups.set(record.child, [record]);
  }
  return [...groups].map(([child, list]) => ({ child, records: list }));
};

const addTo = <T>(groups: Record<string, T[]>, key: string, record: T): void => {
  const group = groups[key];
  if (group) group.push(record);
  else groups[key] = [record];
};

const countsOf = <T>(groups: Record<string, readonly T[]>): Record<string, number> =>
  Object.fromEntries(Object.entries(groups).map(([key, list]) => [key, list.length]));

/** The records behind the advocacy figures of reporting year `year` (§10); see `advocacyFigures`. */
export const advocacyMembers = <I extends Involvement>(
  involvements: readonly I[],
  year: number,
): AdvocacyMembers<I> => {
  const { start, end } = reportingYear(year);
  const inYear = involvements.filter((i) => i.referralDate >= start && i.referralDate <= end);
  const byReason: Record<string, I[]> = {};
  const bySource: Record<string, I[]> = {};
  for (const involvement of inYear) {
    for (const reason of new Set(involvement.reasons)) addTo(byReason, reason, involvement);
    addTo(bySource, involvement.source, involvement);
  }
  return { involvements: inYear, children: byChild(inYear), byReason, bySource };
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
  const members = advocacyMembers(involvements, year);
  return {
    involvements: members.involvements.length,
    children: members.children.length,
    childrenPercent: percent(members.children.length, lookedAfterDuringYear),
    byReason: countsOf(members.byReason),
    bySource: countsOf(members.bySource),
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

/** The children with an Independent Visitor allocation open at the end of `date`, with those allocations (§10, §14). */
export const independentVisitorsAt = <V extends IndependentVisitor>(
  visitors: readonly V[],
  date: IsoDate,
): AdvocacyChildRecords<V>[] =>
  byChild(visitors.filter((v) => v.start <= date && (v.end === null || v.end > date)));

/**
 * The children with an Independent Visitor allocation overlapping the year, with those allocations
 * (further-tables §2a: starting on or before 31 March and ending on or after 1 April, or still open).
 */
export const independentVisitorsDuring = <V extends IndependentVisitor>(
  visitors: readonly V[],
  year: number,
): AdvocacyChildRecords<V>[] => {
  const { start, end } = reportingYear(year);
  return byChild(visitors.filter((v) => v.start <= end && (v.end === null || v.end >= start)));
};

/** Children with an Independent Visitor allocation open at the end of `date` (§10, §14). */
export const childrenWithIndependentVisitorAt = (
  visitors: readonly IndependentVisitor[],
  date: IsoDate,
): number => independentVisitorsAt(visitors, date).length;

/** Children with an Independent Visitor allocation overlapping the year (further-tables §2a). */
export const childrenWithIndependentVisitorDuring = (
  visitors: readonly IndependentVisitor[],
  year: number,
): number => independentVisitorsDuring(visitors, year).length;

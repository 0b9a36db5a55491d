import Holidays from 'date-holidays';

/**
 * A calendar date in England, `YYYY-MM-DD`. No time of day and no time zone (statutory-rules §1):
 * plain strings compare, sort and serialise correctly, so the whole API uses them.
 */
export type IsoDate = string;

/** The reporting year "2020" is 1 April 2020 to 31 March 2021 inclusive. */
export type ReportingYear = { year: number; start: IsoDate; end: IsoDate };

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const UK_PATTERN = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export const daysInMonth = (year: number, month: number): number => {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
};

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number): string => String(n).padStart(4, '0');

const formatParts = (year: number, month: number, day: number): IsoDate =>
  `${pad4(year)}-${pad2(month)}-${pad2(day)}`;

/** The number written by `length` ASCII digits of `text` from `from`. */
const digitsAt = (text: string, from: number, length: number): number => {
  let n = 0;
  for (let i = from; i < from + length; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
};

// Read from the characters: every rule over thousands of children reads dates' parts.
const yearOf = (date: IsoDate): number => digitsAt(date, 0, 4);
const monthOf = (date: IsoDate): number => digitsAt(date, 5, 2);
const dayOf = (date: IsoDate): number => digitsAt(date, 8, 2);

const validParts = (year: number, month: number, day: number): boolean =>
  year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9] as const;

/**
 * True for a real calendar date written `YYYY-MM-DD` (2021-02-31 is not one). Read character by
 * character rather than by a pattern: every date another subgraph sends is checked with it.
 */
export const isIsoDate = (value: unknown): value is IsoDate => {
  if (typeof value !== 'string' || value.length !== 10) return false;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  for (const i of DIGIT_POSITIONS) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return validParts(digitsAt(value, 0, 4), digitsAt(value, 5, 2), digitsAt(value, 8, 2));
};

/**
 * Reads a date as the import files write it: `dd/mm/yyyy` (the 903 form, one-digit day and month
 * accepted) or ISO `yyyy-mm-dd`. Returns null for anything else or an impossible date such as
 * 31/02/2021, so callers can report every bad cell rather than stop at the first.
 */
export const parseDate = (input: string): IsoDate | null => {
  const text = input.trim();
  const iso = ISO_PATTERN.exec(text);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return validParts(y, m, d) ? formatParts(y, m, d) : null;
  }
  const uk = UK_PATTERN.exec(text);
  if (uk) {
    const [d, m, y] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
    return validParts(y, m, d) ? formatParts(y, m, d) : null;
  }
  return null;
};

/** Like {@link parseDate} but for values that must be valid; throws with the offending text. */
export const toIsoDate = (input: string): IsoDate => {
  const date = parseDate(input);
  if (date === null) throw new RangeError(`not a valid date: ${JSON.stringify(input)}`);
  return date;
};

/** `dd/mm/yyyy`, the form the 903 export and UK readers expect. */
export const formatUkDate = (date: IsoDate): string =>
  `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

// Day numbers (days since 1970-01-01) keep arithmetic exact and fast without Date objects;
// the conversions are Howard Hinnant's civil-calendar algorithms.
const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
};

/** Days since 1970-01-01 of an ISO date. */
export const dayNumber = (date: IsoDate): number =>
  daysFromCivil(
    (date.charCodeAt(0) - 48) * 1000 +
      (date.charCodeAt(1) - 48) * 100 +
      (date.charCodeAt(2) - 48) * 10 +
      (date.charCodeAt(3) - 48),
    (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48),
    (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48),
  );

/** The year, month and day of a day number (days since 1970-01-01). */
const civilFromDays = (days: number): { year: number; month: number; day: number } => {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp + (mp < 10 ? 3 : -9);
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
};

/** The ISO date of a day number (days since 1970-01-01). */
export const fromDayNumber = (days: number): IsoDate => {
  const { year, month, day } = civilFromDays(days);
  return formatParts(year, month, day);
};

/** Calendar days from `a` to `b` (negative when `b` is earlier). */
export const daysBetween = (a: IsoDate, b: IsoDate): number => dayNumber(b) - dayNumber(a);

export const addDays = (date: IsoDate, n: number): IsoDate => fromDayNumber(dayNumber(date) + n);

/** 0 = Sunday … 6 = Saturday. */
export const dayOfWeek = (date: IsoDate): number => (((dayNumber(date) + 4) % 7) + 7) % 7;

const isWeekendDay = (days: number): boolean => {
  const dow = (((days + 4) % 7) + 7) % 7;
  return dow === 0 || dow === 6;
};

export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b);
export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b);

/**
 * `items` in date order, earliest first, those of one date in their given order (a stable sort).
 * Records mostly arrive in date order already; those are returned as they are, uncopied.
 */
export const inDateOrder = <T>(items: readonly T[], dateOf: (item: T) => IsoDate): readonly T[] => {
  for (let i = 1; i < items.length; i++) {
    if (dateOf(items[i]!) < dateOf(items[i - 1]!)) {
      return [...items].sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : 0));
    }
  }
  return items;
};

/** Whether `date` lies in [start, end], both included; a null end is open. */
export const isWithin = (date: IsoDate, start: IsoDate, end: IsoDate | null): boolean =>
  date >= start && (end === null || date <= end);

// --- Bank holidays in England -------------------------------------------------------------------

/**
 * date-holidays (GB, state ENG) carries every bank holiday from its rules and the one-off days
 * announced since 2012 (2012 and 2022 jubilees, VE day 2020, the 2022 state funeral, the 2023
 * coronation). It misses five older one-off moves that the Banking and Financial Dealings Act
 * proclamations made; these are applied on top (sources: gov.uk bank holiday lists and the
 * proclamations). Only dates before 2013 are touched, so current years come from the library alone.
 */
const HISTORICAL_CORRECTIONS: ReadonlyArray<{ year: number; add: IsoDate[]; remove: IsoDate[] }> = [
  { year: 1995, add: ['1995-05-08'], remove: ['1995-05-01'] }, // VE day 50th anniversary
  { year: 1999, add: ['1999-12-31'], remove: [] }, // Millennium
  { year: 2002, add: ['2002-06-03', '2002-06-04'], remove: ['2002-05-27'] }, // Golden Jubilee
  { year: 2011, add: ['2011-04-29'], remove: [] }, // Royal wedding
  { year: 2012, add: ['2012-06-04'], remove: ['2012-05-28'] }, // Diamond Jubilee (spring moved)
];

let library: Holidays | undefined;
const holidaysByYear = new Map<number, { all: Set<number>; weekdays: number[] }>();

const holidaysOf = (year: number): { all: Set<number>; weekdays: number[] } => {
  const cached = holidaysByYear.get(year);
  if (cached) return cached;
  library ??= new Holidays('GB', 'ENG');
  const dates = new Set<IsoDate>();
  for (const holiday of library.getHolidays(year) || []) {
    // 'observance' entries (Mother's Day, Easter Sunday) are not days off.
    if (holiday.type === 'public' || holiday.type === 'bank') dates.add(holiday.date.slice(0, 10));
  }
  for (const correction of HISTORICAL_CORRECTIONS) {
    if (correction.year !== year) continue;
    for (const date of correction.remove) dates.delete(date);
    for (const date of correction.add) dates.add(date);
  }
  const all = new Set([...dates].map(dayNumber));
  const weekdays = [...all].filter((d) => !isWeekendDay(d)).sort((a, b) => a - b);
  const entry = { all, weekdays };
  holidaysByYear.set(year, entry);
  return entry;
};

/** The bank holidays in England of a calendar year, substitute days included, ascending. */
export const bankHolidays = (year: number): IsoDate[] =>
  [...holidaysOf(year).all].sort((a, b) => a - b).map(fromDayNumber);

export const isBankHoliday = (date: IsoDate): boolean => holidaysOf(yearOf(date)).all.has(dayNumber(date));

const isWorkingDayNumber = (days: number, year: number): boolean =>
  !isWeekendDay(days) && !holidaysOf(year).all.has(days);

/** Monday to Friday and not a bank holiday in England (§1). */
export const isWorkingDay = (date: IsoDate): boolean => isWorkingDayNumber(dayNumber(date), yearOf(date));

// Weekdays in (-inf, days] counted from a Monday anchor (1970-01-05 is day 4); differences of this
// give the weekdays of any range in constant time.
const weekdaysUpTo = (days: number): number => {
  const k = days - 4;
  const weeks = Math.floor(k / 7);
  return 5 * weeks + Math.min(k - weeks * 7 + 1, 5);
};

const weekdayHolidaysIn = (fromExclusive: number, toInclusive: number): number => {
  const firstYear = civilFromDays(fromExclusive + 1).year;
  const lastYear = civilFromDays(toInclusive).year;
  let count = 0;
  for (let year = firstYear; year <= lastYear; year++) {
    for (const d of holidaysOf(year).weekdays) if (d > fromExclusive && d <= toInclusive) count++;
  }
  return count;
};

/** The day number of the weekday (Monday to Friday) of rank `rank` as {@link weekdaysUpTo} counts. */
const weekdayOfRank = (rank: number): number => {
  const weeks = Math.floor((rank - 1) / 5);
  return 4 + weeks * 7 + (rank - 1 - weeks * 5);
};

/**
 * The Nth working day after `date` (§1): counting starts the day after, `date` itself is day 0
 * whatever day it is. A negative N counts back the same way (the Nth working day before). Jumps
 * to the Nth weekday, then on by as many weekdays as bank holidays fell on the way, until none did.
 */
export const addWorkingDays = (date: IsoDate, n: number): IsoDate => {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number: ${n}`);
  let days = dayNumber(date);
  let remaining = Math.abs(n);
  while (remaining > 0) {
    if (n > 0) {
      const next = weekdayOfRank(weekdaysUpTo(days) + remaining);
      remaining = weekdayHolidaysIn(days, next);
      days = next;
    } else {
      const next = weekdayOfRank(weekdaysUpTo(days - 1) - remaining + 1);
      remaining = weekdayHolidaysIn(next - 1, days - 1);
      days = next;
    }
  }
  return fromDayNumber(days);
};

/**
 * The working days W with a < W ≤ b: the inverse of {@link addWorkingDays}, so
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n`. Negative when b is before a.
 */
export const workingDaysBetween = (a: IsoDate, b: IsoDate): number => {
  const from = dayNumber(a);
  const to = dayNumber(b);
  if (to === from) return 0;
  if (to < from) return 0 - workingDaysBetween(b, a);
  return weekdaysUpTo(to) - weekdaysUpTo(from) - weekdayHolidaysIn(from, to);
};

// --- Months, years and ages ---------------------------------------------------------------------

/**
 * N months after `date` (§1): the same day of the month N months on, or that month's last day when
 * it has no such day (31 Aug + 6 months = 28 Feb, or 29 Feb in a leap year). N may be negative.
 */
export const addMonths = (date: IsoDate, n: number): IsoDate => {
  if (!Number.isInteger(n)) throw new RangeError(`months must be a whole number: ${n}`);
  const total = yearOf(date) * 12 + (monthOf(date) - 1) + n;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return formatParts(year, month, Math.min(dayOf(date), daysInMonth(year, month)));
};

export const addYears = (date: IsoDate, n: number): IsoDate => addMonths(date, 12 * n);

/** Completed years on `date`; a child born on 29 February turns a year older on 28 February in common years. */
export const ageOn = (dob: IsoDate, date: IsoDate): number => {
  let years = yearOf(date) - yearOf(dob);
  if (addYears(dob, years) > date) years -= 1;
  return years;
};

/** The day a child reaches `age` (birthday rule as {@link ageOn}). */
export const birthdayOf = (dob: IsoDate, age: number): IsoDate => addYears(dob, age);

export const reportingYear = (year: number): ReportingYear => ({
  year,
  start: formatParts(year, 4, 1),
  end: formatParts(year + 1, 3, 31),
});

/** The reporting year a date falls in: 15 January 2021 is in "2020". */
export const reportingYearOf = (date: IsoDate): number =>
  monthOf(date) >= 4 ? yearOf(date) : yearOf(date) - 1;

export const isInReportingYear = (date: IsoDate, year: number): boolean => {
  const { start, end } = reportingYear(year);
  return date >= start && date <= end;
};

const londonFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar date in England at an instant. The only place a clock time enters the domain: jobs
 * and pages turn "now" into a date here, then every rule works on dates.
 */
export const londonDateOf = (instant: Date): IsoDate => londonFormat.format(instant);

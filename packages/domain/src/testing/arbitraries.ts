import fc from 'fast-check';
import { dayNumber, fromDayNumber } from '../calendar.ts';

/** Any calendar date in a range, as an ISO string. */
export const isoDates = (from = '1995-01-01', to = '2035-12-31') =>
  fc.integer({ min: dayNumber(from), max: dayNumber(to) }).map(fromDayNumber);

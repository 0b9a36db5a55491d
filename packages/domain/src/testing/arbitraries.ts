import fc from 'fast-check';
import { dayNumber, fromDayNumber } from '../calendar.ts';
import type { Episode } from '../periods-of-care.ts';
import { episode } from './builders.ts';

/** Any calendar date in a range, as an ISO string. */
export const isoDates = (from = '1995-01-01', to = '2035-12-31') =>
  fc.integer({ min: dayNumber(from), max: dayNumber(to) }).map(fromDayNumber);

/**
 * One child's episodes between two dates, each starting the day the one before ended: with X1 (the
 * period goes on) or a reason that ends it, in care or on short breaks; the last open or ended.
 */
export const childEpisodes = (from: string, to: string): fc.Arbitrary<Episode[]> =>
  fc
    .uniqueArray(isoDates(from, to), { minLength: 1, maxLength: 7 })
    .map((dates) => dates.sort())
    .chain((dates) =>
      fc.tuple(
        fc.constant(dates),
        fc.array(fc.constantFrom('X1', 'E11', 'E4A'), { minLength: dates.length, maxLength: dates.length }),
        fc.array(fc.constantFrom('C2', 'V3', 'V4'), { minLength: dates.length, maxLength: dates.length }),
        fc.boolean(),
      ),
    )
    .map(([dates, reasons, statuses, open]) =>
      dates.map((start, i) => {
        const end = dates[i + 1] ?? (open ? null : start);
        return episode(start, end, end === null ? null : reasons[i]!, {
          ls: statuses[i]!,
          rne: i === 0 ? 'S' : 'L',
        });
      }),
    );

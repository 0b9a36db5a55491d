import {
  addMonths,
  addWorkingDays,
  dayNumber,
  fromDayNumber,
  type IsoDate,
  workingDaysBetween,
} from '@footprint/domain';
import { seededRandom } from '../seed/random.ts';
import { count } from './measure.ts';
import { table } from './table.ts';

const CALLS = 200_000;

/** Times `CALLS` calls of `call` over prepared inputs, after a warm-up (bank holidays cached, code optimised). */
function time(call: (i: number) => string | number) {
  let sink = 0;
  for (let i = 0; i < 10_000; i++) sink += String(call(i)).length;
  const started = performance.now();
  for (let i = 0; i < CALLS; i++) sink += String(call(i)).length;
  const ms = performance.now() - started;
  if (sink === 0) throw new Error('nothing computed');
  return ms;
}

/** `pnpm bench calendar`: the domain's working-day arithmetic, which every deadline goes through. */
export async function calendarBenchmark() {
  const random = seededRandom(1989);
  const first = dayNumber('2014-04-01');
  const dates: IsoDate[] = Array.from({ length: 4096 }, () => fromDayNumber(first + random.int(0, 3652)));
  const others: IsoDate[] = dates.map((d) => addMonths(d, random.int(1, 24)));
  const spans = Array.from({ length: 4096 }, () => random.int(1, 130));
  const at = <T>(list: T[], i: number) => list[i & 4095]!;

  const cases: [string, (i: number) => string | number][] = [
    ['addWorkingDays(date, 20)', (i) => addWorkingDays(at(dates, i), 20)],
    ['addWorkingDays(date, 1…130)', (i) => addWorkingDays(at(dates, i), at(spans, i))],
    ['addWorkingDays(date, −20)', (i) => addWorkingDays(at(dates, i), -20)],
    ['workingDaysBetween(a, b)', (i) => workingDaysBetween(at(dates, i), at(others, i))],
    ['addMonths(date, 6)', (i) => addMonths(at(dates, i), 6)],
  ];
  console.log(`Calendar: ${count(CALLS)} calls each, dates from 2014 to 2024`);
  console.log();
  const rows = cases.map(([name, call]) => {
    const ms = time(call);
    return [
      name,
      `${ms.toFixed(1)} ms`,
      `${((1000 * ms) / CALLS).toFixed(2)} µs`,
      count((1000 * CALLS) / ms),
    ];
  });
  console.log(table(['', 'total', 'per call', 'calls per second'], rows));
}

import type { IsoDate } from '../calendar.ts';
import type { Episode } from '../periods-of-care.ts';

/** A terse episode for tests: ordinary care order in foster care unless told otherwise. */
export const episode = (
  decom: IsoDate,
  dec: IsoDate | null,
  rec: string | null,
  overrides: Partial<Episode> = {},
): Episode => ({ decom, rne: 'S', ls: 'C2', place: 'U6', dec, rec, ...overrides });

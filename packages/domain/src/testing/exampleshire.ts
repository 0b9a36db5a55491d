import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type IsoDate, toIsoDate } from '../calendar.ts';
import type { Episode } from '../periods-of-care.ts';

// Exampleshire is the spec's worked example; tests read it from the shared spec folder, beside the repo.
const FILES = fileURLToPath(
  new URL('../../../../../shared/spec/examples/exampleshire/files/', import.meta.url),
);
const EXPECTED = fileURLToPath(
  new URL('../../../../../shared/spec/examples/exampleshire/expected/', import.meta.url),
);

/** The example files have no quoted commas except local_policy; a plain split is enough for the rest. */
export const readCsv = (name: string): Record<string, string>[] => {
  const [header, ...lines] = readFileSync(`${FILES}${name}.csv`, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  const columns = header!.split(',').map((c) => c.trim().toUpperCase());
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cells = line.split(',');
      return Object.fromEntries(columns.map((c, i) => [c, (cells[i] ?? '').trim()]));
    });
};

export const readExpected = (year: number): ExpectedReport =>
  JSON.parse(readFileSync(`${EXPECTED}report-${year}.json`, 'utf8')) as ExpectedReport;

// Only the parts of the expected report the domain tests compare.
export type ExpectedReport = {
  children: Record<string, number> & {
    byLegalStatus: Record<string, number>;
    byLegalStatusAtEntry: Record<string, number>;
    byPlacement: Record<string, number>;
    byReasonCeased: Record<string, number>;
    byAgeBand: Record<string, number>;
  };
  reviews: {
    held: number;
    onTime: number;
    late: number;
    onTimePercent: number | null;
    childrenAllOnTime: { eligible: number; allOnTime: number; percent: number | null };
    participation: Record<string, number>;
    participationRate4Plus: number | null;
    paperwork: Record<string, number | null>;
    midwayReviews: number;
    overdueAt31March: number;
    orphanReviews: number;
    chairedByChild: Record<string, number>;
    format: Record<string, number>;
  };
  escalations: {
    raised: number;
    children: number;
    highestStage: Record<string, number>;
    resolvedAtStage: Record<string, number>;
    referredToCafcass: number;
    withdrawn: number;
    openAt31March: number;
    byTheme: Record<string, number>;
    medianWorkingDaysToResolve: number | null;
  };
  advocacy: Record<string, number | null> & {
    byReason: Record<string, number>;
    bySource: Record<string, number>;
  };
  workforce: {
    iros: number;
    fte: number;
    caseloadPerFte: { mean: number | null; min: number | null; max: number | null };
    overCapacity: number;
    continuityPercent: number | null;
  };
  fosterCarerReviews: {
    householdsAt31March: Record<string, number>;
    due: number;
    onTime: number;
    onTimePercent: number | null;
    overdueAt31March: number;
  };
  consultation: Record<string, number>;
  dataQuality: { code: string; count: number }[];
};

const dateOrNull = (value: string | undefined): IsoDate | null => (value ? toIsoDate(value) : null);

export type ExampleReview = { date: IsoDate; code: string | null; dob: IsoDate; row: number };

export const loadEpisodes = (): Map<string, Episode[]> => {
  const byChild = new Map<string, Episode[]>();
  for (const row of readCsv('episodes')) {
    const episode: Episode = {
      decom: toIsoDate(row.DECOM!),
      rne: row.RNE!,
      ls: row.LS!,
      cin: row.CIN || null,
      place: row.PLACE!,
      placeProvider: row.PLACE_PROVIDER || null,
      dec: dateOrNull(row.DEC),
      rec: row.REC || null,
      reasonPlaceChange: row.REASON_PLACE_CHANGE || null,
      homePost: row.HOME_POST || null,
      plPost: row.PL_POST || null,
      urn: row.URN || null,
    };
    const list = byChild.get(row.CHILD!) ?? [];
    list.push(episode);
    byChild.set(row.CHILD!, list);
  }
  return byChild;
};

export const loadReviews = (): Map<string, ExampleReview[]> => {
  const byChild = new Map<string, ExampleReview[]>();
  readCsv('reviews').forEach((row, i) => {
    const list = byChild.get(row.CHILD!) ?? [];
    list.push({
      date: toIsoDate(row.REVIEW!),
      code: row.REVIEW_CODE || null,
      dob: toIsoDate(row.DOB!),
      row: i + 2,
    });
    byChild.set(row.CHILD!, list);
  });
  return byChild;
};

export const loadDobs = (): Map<string, IsoDate> =>
  new Map(readCsv('header').map((row) => [row.CHILD!, toIsoDate(row.DOB!)]));

export const dateOr = dateOrNull;

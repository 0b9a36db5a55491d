import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type IsoDate, toIsoDate } from '../calendar.ts';
import type { Iro } from '../caseloads.ts';
import type { Comparator } from '../comparators.ts';
import type { SectorCentroid } from '../distance.ts';
import type { Oc2Row } from '../health.ts';
import type { LocalPolicyRow } from '../local-policy.ts';
import type { MissingEpisode } from '../missing.ts';
import type { Episode } from '../periods-of-care.ts';
import type { PopulationRow } from '../rates.ts';

// Exampleshire is the spec's worked example; tests read it from the shared spec folder, beside the repo.
const FILES = fileURLToPath(
  new URL('../../../../../shared/spec/examples/exampleshire/files/', import.meta.url),
);
const EXPECTED = fileURLToPath(
  new URL('../../../../../shared/spec/examples/exampleshire/expected/', import.meta.url),
);

/**
 * The cells of one CSV line (RFC 4180 quoting: a quoted cell may hold commas and doubled quotes).
 * The example files never break a cell over two lines.
 */
export const csvCells = (line: string): string[] => {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
};

/** The rows of an example file by upper-case column name, cells trimmed. */
export const readCsv = (name: string): Record<string, string>[] => {
  const [header, ...lines] = readFileSync(`${FILES}${name}.csv`, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  const columns = csvCells(header!).map((c) => c.trim().toUpperCase());
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cells = csvCells(line);
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

// --- the files of further-tables.md ---------------------------------------------------------------

/** The keys further-tables.md §3 adds to the report, as the expected files hold them. */
export type ExpectedFurther = {
  children: {
    lookedAfterAt31March: number;
    startedInYear: number;
    ceasedInYear: number;
    byLocalAgeBand: Record<string, number>;
    byEthnicGroup: Record<string, number>;
    startedByAgeBandAndSex: Record<string, Record<string, number>>;
    ceasedByAgeBand: Record<string, number>;
    uascByEthnicity: Record<string, number>;
    ratePer10000: number | null;
    startedRatePer10000: number | null;
    ceasedRatePer10000: number | null;
  };
  health: {
    cohort: number;
    healthAssessmentPercent: number | null;
    immunisationsPercent: number | null;
    teethCheckPercent: number | null;
    healthCheckUnder5Percent: number | null;
    substanceMisusePercent: number | null;
    convictedAged10PlusPercent: number | null;
    sdq: Record<'eligible' | 'scored' | 'normal' | 'borderline' | 'concern', number> & {
      mean: number | null;
    };
  };
  stability: {
    shortTerm: { eligible: number; threeOrMore: number; percent: number | null };
    longTerm: { eligible: number; stable: number; percent: number | null };
  };
  placement: { distance: { known: number; over20Miles: number; percent: number | null } };
  missing: { episodes: number; children: number; byType: Record<string, number> };
  secure: { welfare: number; youthJustice: number };
  reviews: { byMonth: Record<string, { held: number; onTime: number }> };
  advocacy: { independentVisitorsDuringYear: number };
  workforce: { bySex: Record<string, number>; byEthnicGroup: Record<string, number> };
  trend: {
    year: number;
    lookedAfterAt31March: number;
    startedInYear: number;
    ceasedInYear: number;
    reviewsHeld: number;
    reviewsOnTimePercent: number | null;
    participationRate4Plus: number | null;
    escalationsRaised: number;
  }[];
  comparators: { year: number; area: string; measure: string; value: number | string }[];
};

export const readExpectedFurther = (year: number): ExpectedFurther =>
  JSON.parse(readFileSync(`${EXPECTED}report-${year}.json`, 'utf8')) as ExpectedFurther;

/** An OC2 flag: `1` true, `0` false, empty null. */
const flag = (value: string | undefined): boolean | null =>
  value === '1' ? true : value === '0' ? false : null;

export const loadOc2 = (): Oc2Row[] =>
  readCsv('oc2').map((r) => ({
    child: r.CHILD!,
    year: Number(r.YEAR),
    sdqScore: r.SDQ_SCORE ? Number(r.SDQ_SCORE) : null,
    convicted: flag(r.CONVICTED),
    healthCheck: flag(r.HEALTH_CHECK),
    immunisations: flag(r.IMMUNISATIONS),
    teethCheck: flag(r.TEETH_CHECK),
    healthAssessment: flag(r.HEALTH_ASSESSMENT),
    substanceMisuse: flag(r.SUBSTANCE_MISUSE),
  }));

export const loadMissing = (): MissingEpisode[] =>
  readCsv('missing').map((r) => ({
    child: r.CHILD!,
    missing: r.MISSING || null,
    misStart: toIsoDate(r.MIS_START!),
  }));

export const loadPostcodeSectors = (): SectorCentroid[] =>
  readCsv('postcode_sectors').map((r) => ({
    sector: r.SECTOR!,
    latitude: Number(r.LATITUDE),
    longitude: Number(r.LONGITUDE),
  }));

export const loadPopulation = (): PopulationRow[] =>
  readCsv('population').map((r) => ({ year: Number(r.YEAR), population: Number(r.POPULATION) }));

export const loadComparators = (): Comparator[] =>
  readCsv('comparators').map((r) => ({
    year: Number(r.YEAR),
    area: r.AREA!,
    measure: r.MEASURE!,
    value: /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(r.VALUE!) ? Number(r.VALUE) : r.VALUE!,
  }));

/** The `iros` file with its optional ETHNICITY and SEX. */
export const loadIros = (): (Iro & { ethnicity: string | null; sex: string | null })[] =>
  readCsv('iros').map((r) => ({
    iro: r.IRO!,
    role: r.ROLE as Iro['role'],
    fte: Number(r.FTE),
    start: toIsoDate(r.START!),
    end: dateOrNull(r.END),
    ethnicity: r.ETHNICITY || null,
    sex: r.SEX || null,
  }));

/** The `local_policy` rows (its VALUE is quoted: "0,5,11,16"). */
export const loadLocalPolicyRows = (): LocalPolicyRow[] =>
  readCsv('local_policy').map((r) => ({ key: r.KEY!, value: r.VALUE!, effective: r.EFFECTIVE! }));

/** What the profile tables read of each child: the 903 header and the child's uasc row. */
export const loadChildFacts = (): Map<
  string,
  {
    dateOfBirth: IsoDate;
    sex: string | null;
    ethnicity: string | null;
    uasc: { ceased: IsoDate | null } | null;
  }
> => {
  const uasc = new Map(readCsv('uasc').map((r) => [r.CHILD!, { ceased: dateOrNull(r.DUC) }]));
  return new Map(
    readCsv('header').map((r) => [
      r.CHILD!,
      {
        dateOfBirth: toIsoDate(r.DOB!),
        sex: r.SEX || null,
        ethnicity: r.ETHNIC || null,
        uasc: uasc.get(r.CHILD!) ?? null,
      },
    ]),
  );
};

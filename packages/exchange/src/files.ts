import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Problem } from './problems.ts';

/**
 * Every file an import folder may hold (data-exchange.md §2–3, further-tables.md §1), in the order
 * they are read: a file comes after the files its rows refer to (policy before escalations, header
 * before the files keyed by CHILD, iros before the files naming an IRO, reviews before review_details).
 */
export const FILE_NAMES = [
  'local_policy',
  'header',
  'episodes',
  'reviews',
  'uasc',
  'missing',
  'oc2',
  'iros',
  'allocations',
  'review_details',
  'midway_reviews',
  'recommendations',
  'consultations',
  'feedback',
  'escalations',
  'escalation_events',
  'advocacy',
  'independent_visitors',
  'foster_households',
  'foster_reviews',
  'audits',
  'postcode_sectors',
  'population',
  'comparators',
] as const;

export type FileName = (typeof FILE_NAMES)[number];

/** The SSDA903 files of data-exchange.md §2 (the export writes these). */
export const FILES_903 = [
  'header',
  'episodes',
  'reviews',
  'uasc',
  'missing',
] as const satisfies readonly FileName[];

/**
 * A file's columns. `required` columns must be in the header (else an error at row 1 naming the
 * column); the others may be left out and read as empty. Columns not listed are ignored with a warning.
 */
export type ColumnSpec = { name: string; required: boolean };

const req = (...names: string[]): ColumnSpec[] => names.map((name) => ({ name, required: true }));
const opt = (...names: string[]): ColumnSpec[] => names.map((name) => ({ name, required: false }));

// Reading of "required": the columns whose values a row must have, or that name its key, are required;
// columns a council's older files may lack (903 columns added over the years, optional extension data)
// may be absent. The export always writes every column.
export const FILE_COLUMNS: Readonly<Record<FileName, readonly ColumnSpec[]>> = {
  local_policy: req('KEY', 'VALUE', 'EFFECTIVE'),
  header: [...req('CHILD', 'SEX', 'DOB'), ...opt('ETHNIC', 'UPN', 'MOTHER', 'MC_DOB')],
  episodes: [
    ...req('CHILD', 'DECOM', 'RNE', 'LS'),
    ...opt('CIN'),
    ...req('PLACE'),
    ...opt('PLACE_PROVIDER'),
    ...req('DEC', 'REC'),
    ...opt('REASON_PLACE_CHANGE', 'HOME_POST', 'PL_POST', 'URN'),
  ],
  reviews: [...req('CHILD', 'DOB', 'REVIEW'), ...opt('REVIEW_CODE')],
  uasc: [...req('CHILD'), ...opt('SEX'), ...req('DOB'), ...opt('DUC')],
  missing: [...req('CHILD', 'DOB'), ...opt('MISSING'), ...req('MIS_START'), ...opt('MIS_END')],
  oc2: [
    ...req('CHILD', 'DOB'),
    ...opt(
      'SDQ_SCORE',
      'SDQ_REASON',
      'CONVICTED',
      'HEALTH_CHECK',
      'IMMUNISATIONS',
      'TEETH_CHECK',
      'HEALTH_ASSESSMENT',
      'SUBSTANCE_MISUSE',
      'INTERVENTION_RECEIVED',
      'INTERVENTION_OFFERED',
      'YEAR',
    ),
  ],
  iros: [
    ...req('IRO'),
    ...opt('NAME'),
    ...req('ROLE', 'FTE'),
    ...opt('EMPLOYMENT'),
    ...req('START'),
    ...opt('END', 'ETHNICITY', 'SEX'),
  ],
  allocations: [...req('CHILD', 'IRO', 'START'), ...opt('END')],
  review_details: [
    ...req('CHILD', 'REVIEW'),
    ...opt(
      'IRO',
      'FORMAT',
      'CHAIRED_BY_CHILD',
      'LATE_REASON',
      'OUTCOMES_ISSUED',
      'RECORD_COMPLETED',
      'RECORD_DISTRIBUTED',
    ),
  ],
  midway_reviews: [...req('CHILD', 'DATE'), ...opt('IRO')],
  recommendations: [...req('CHILD', 'REVIEW', 'RECOMMENDATION', 'OWNER', 'DUE'), ...opt('COMPLETED')],
  consultations: [...req('CHILD'), ...opt('REVIEW'), ...req('RESPONDENT', 'RECEIVED')],
  feedback: req('CHILD', 'REVIEW', 'QUESTION', 'ANSWER'),
  escalations: [...req('ESCALATION', 'CHILD'), ...opt('IRO'), ...req('RAISED', 'THEMES')],
  escalation_events: req('ESCALATION', 'DATE', 'EVENT', 'STAGE'),
  advocacy: [
    ...req('INVOLVEMENT', 'CHILD', 'PROVIDER', 'REFERRAL_DATE'),
    ...opt('SOURCE', 'REASONS', 'START', 'END', 'OUTCOME'),
  ],
  independent_visitors: [...req('CHILD', 'START'), ...opt('END')],
  foster_households: [...req('HOUSEHOLD', 'TYPE', 'APPROVED'), ...opt('ENDED', 'FCRO')],
  foster_reviews: [...req('HOUSEHOLD', 'DATE'), ...opt('OUTCOME', 'FCRO')],
  audits: [...req('AUDIT', 'CHILD', 'DATE'), ...opt('AUDITOR', 'GRADE')],
  postcode_sectors: req('SECTOR', 'LATITUDE', 'LONGITUDE'),
  population: req('YEAR', 'POPULATION'),
  comparators: req('YEAR', 'AREA', 'MEASURE', 'VALUE'),
};

/** A file found in the import folder. */
export type FoundFile = {
  name: FileName;
  /** The name as found (`Header.CSV`): problems name the file this way. */
  fileName: string;
  path: string;
  bytes: number;
};

/** The files of one import folder, with what finding them raised (unknown files, two files for one name). */
export type ImportSet = {
  dir: string;
  files: Partial<Record<FileName, FoundFile>>;
  errors: Problem[];
  warnings: Problem[];
};

const KNOWN: ReadonlySet<string> = new Set(FILE_NAMES);

/** The file a name stands for: case-insensitive, with or without `.csv` (`Header.CSV`, `episodes`). */
export const fileNameOf = (name: string): FileName | null => {
  const base = name.toLowerCase().replace(/\.csv$/, '');
  return KNOWN.has(base) ? (base as FileName) : null;
};

/**
 * The recognised files in `dir`. Unknown files are warnings and ignored; hidden files (`.DS_Store`)
 * and folders are skipped silently. Two files for one name (`header.csv` and `HEADER`) are an error.
 */
export const findFiles = async (dir: string): Promise<ImportSet> => {
  const set: ImportSet = { dir, files: {}, errors: [], warnings: [] };
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    const info = await stat(path);
    if (!info.isFile()) continue;
    const name = fileNameOf(entry.name);
    if (name === null) {
      set.warnings.push({
        file: entry.name,
        row: 0,
        column: '',
        value: entry.name,
        rule: 'unknown_file',
        message: 'not a file Footprint imports; ignored',
      });
      continue;
    }
    const already = set.files[name];
    if (already) {
      set.errors.push({
        file: entry.name,
        row: 0,
        column: '',
        value: entry.name,
        rule: 'duplicate_file',
        message: `${already.fileName} and ${entry.name} are both the ${name} file; keep one`,
      });
      continue;
    }
    set.files[name] = { name, fileName: entry.name, path, bytes: info.size };
  }
  return set;
};

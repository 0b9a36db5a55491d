import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  addYears,
  dayNumber,
  formatUkDate,
  fromDayNumber,
  isValidLegalStatusOn,
  isValidPlacementOn,
  participationFlag,
} from '@footprint/domain';
import { csvLine } from '@footprint/exchange';
import { type Random, seededRandom } from '../seed/random.ts';

/**
 * A synthetic council with ten years of SSDA903 history (1 April 2014 – 31 March 2024) and its IRO
 * service, written as an import folder: header, episodes, reviews, iros and allocations. The same
 * seed and size give the same files on every machine; every row is valid (the bench checks with
 * `validateFolder` before it imports), so the import never stops at a problem.
 *
 * Each child is drawn from a generator of its own (seed and child number), so the first N children
 * of a larger council are the same children. Files are written as they are generated: memory does
 * not grow with the council.
 */

export const HISTORY_START = '2014-04-01';
export const HISTORY_END = '2024-03-31';

const FIRST_DAY = dayNumber(HISTORY_START);
const LAST_DAY = dayNumber(HISTORY_END);

export const COLUMNS = {
  header: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'],
  episodes: [
    'CHILD',
    'DECOM',
    'RNE',
    'LS',
    'CIN',
    'PLACE',
    'PLACE_PROVIDER',
    'DEC',
    'REC',
    'REASON_PLACE_CHANGE',
    'HOME_POST',
    'PL_POST',
    'URN',
  ],
  reviews: ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'],
  iros: ['IRO', 'NAME', 'ROLE', 'FTE', 'EMPLOYMENT', 'START', 'END'],
  allocations: ['CHILD', 'IRO', 'START', 'END'],
} as const;

export type SyntheticFile = keyof typeof COLUMNS;

export type SyntheticCouncil = {
  dir: string;
  children: number;
  seed: number;
  /** Data rows written per file (the header line not counted). */
  rows: Record<SyntheticFile, number>;
  bytes: number;
};

// --- weighted code lists ---------------------------------------------------------------------------

type Weighted = readonly (readonly [string, number])[];

const pickWeighted = (random: Random, items: Weighted): string => {
  let total = 0;
  for (const [, weight] of items) total += weight;
  let x = random.next() * total;
  for (const [code, weight] of items) {
    x -= weight;
    if (x < 0) return code;
  }
  return items[items.length - 1]![0];
};

/** Legal statuses a period may start with. V3/V4 (short breaks) are left out: their reviews are not counted. */
const ENTRY_LEGAL_STATUSES: Weighted = [
  ['V2', 40],
  ['C1', 30],
  ['C2', 12],
  ['L2', 6],
  ['L1', 4],
  ['J2', 4],
  ['J1', 2],
  ['L3', 1],
  ['J3', 1],
];

/** What a change of legal status changes to. */
const LATER_LEGAL_STATUSES: Weighted = [
  ['C2', 50],
  ['C1', 20],
  ['E1', 12],
  ['V2', 15],
  ['J2', 3],
];

const PLACEMENTS: Weighted = [
  ['U1', 8],
  ['U2', 5],
  ['U3', 6],
  ['U4', 25],
  ['U5', 8],
  ['U6', 12],
  ['K2', 8],
  ['K1', 1],
  ['R1', 3],
  ['R2', 1],
  ['R3', 1],
  ['R5', 1],
  ['H5', 4],
  ['P1', 3],
  ['P2', 3],
  ['P3', 1],
  ['S1', 2],
  ['T0', 1],
  ['T1', 1],
  ['Z1', 2],
];

/** A child with a placement order is mostly placed for adoption. */
const ADOPTION_PLACEMENTS: Weighted = [
  ['A3', 2],
  ['A4', 3],
  ['A5', 3],
  ['A6', 4],
  ['U4', 2],
];

const NEXT_EPISODE_REASONS: Weighted = [
  ['P', 60],
  ['L', 15],
  ['B', 12],
  ['T', 8],
  ['U', 5],
];

const PERIOD_ENDINGS: Weighted = [
  ['E13', 25],
  ['E4A', 20],
  ['E8', 8],
  ['E41', 6],
  ['E45', 4],
  ['E46', 4],
  ['E47', 3],
  ['E48', 2],
  ['E3', 3],
  ['E5', 3],
  ['E6', 2],
  ['E14', 3],
  ['E9', 2],
  ['E16', 1],
  ['E15', 1],
];

/** A period ending at 18. */
const AGED_OUT: Weighted = [
  ['E17', 4],
  ['E5', 5],
  ['E6', 2],
  ['E8', 1],
];

const ADOPTED: Weighted = [
  ['E11', 3],
  ['E12', 1],
];

const CATEGORIES_OF_NEED: Weighted = [
  ['N1', 60],
  ['N2', 4],
  ['N3', 2],
  ['N4', 14],
  ['N5', 8],
  ['N6', 2],
  ['N7', 2],
  ['N8', 8],
];

const PROVIDERS: Weighted = [
  ['PR1', 50],
  ['PR4', 30],
  ['PR5', 10],
  ['PR2', 5],
  ['PR3', 3],
  ['PR0', 2],
];

const PLACE_CHANGE_REASONS: Weighted = [
  ['CARPL', 40],
  ['CREQB', 12],
  ['CREQO', 10],
  ['LAREQ', 8],
  ['STAND', 4],
  ['CLOSE', 4],
  ['CHILD', 6],
  ['ALLEG', 2],
  ['APPRR', 2],
  ['PLACE', 6],
  ['OTHER', 6],
];

const ETHNICITIES: Weighted = [
  ['WBRI', 70],
  ['WOTH', 4],
  ['WIRI', 1],
  ['WROM', 1],
  ['MWBC', 5],
  ['MWBA', 2],
  ['MWAS', 2],
  ['MOTH', 3],
  ['APKN', 2],
  ['ABAN', 1],
  ['AIND', 1],
  ['AOTH', 1],
  ['BAFR', 3],
  ['BCRB', 1],
  ['BOTH', 1],
  ['CHNE', 0.5],
  ['OOTH', 2],
  ['REFU', 0.5],
  ['NOBT', 0.5],
];

const PARTICIPATION_4_PLUS: Weighted = [
  ['PN1', 45],
  ['PN2', 5],
  ['PN3', 8],
  ['PN4', 7],
  ['PN5', 12],
  ['PN6', 8],
  ['PN7', 15],
];

const POSTCODE_AREAS = ['NE', 'SR', 'DH', 'TS', 'DL', 'CA'] as const;
const GIVEN = ['Alex', 'Sam', 'Jo', 'Priya', 'Tom', 'Aisha', 'Chris', 'Ruth', 'Imran', 'Kate', 'Dev', 'Mo'];
const FAMILY = ['Hughes', 'Patel', 'Okafor', 'Reid', 'Walsh', 'Singh', 'Brown', 'Nowak', 'Ali', 'Green'];

/** A code of `list` valid on the day: `valid` is the domain's rule for that code list. */
const pickValid = (
  random: Random,
  list: Weighted,
  day: number,
  valid: (code: string, on: string) => boolean,
) => {
  const on = fromDayNumber(day);
  const usable = list.filter(([code]) => valid(code, on));
  if (usable.length === 0) throw new Error(`no code of ${list.map(([c]) => c).join(',')} is valid on ${on}`);
  return pickWeighted(random, usable);
};

const uk = (day: number) => formatUkDate(fromDayNumber(day));

// --- the IRO service --------------------------------------------------------------------------------

export type Iro = {
  id: string;
  name: string;
  fte: string;
  employment: string;
  start: number;
  end: number | null;
};

/**
 * IRO posts, each held by one IRO at a time: when one leaves, the next starts the following day,
 * so every day of the history has an IRO on every post. About one post per 250 children of the
 * ten years (a caseload of about 50 to 60 children at a time).
 */
export function iroPosts(random: Random, children: number): Iro[][] {
  const posts: Iro[][] = [];
  let n = 0;
  for (let p = 0; p < Math.max(2, Math.ceil(children / 250)); p++) {
    const holders: Iro[] = [];
    let start = dayNumber('2008-01-01') + random.int(0, 6 * 365);
    while (start <= LAST_DAY) {
      const tenure = random.int(500, 3200);
      const end = start + tenure > LAST_DAY ? null : start + tenure;
      n += 1;
      holders.push({
        id: `IRO${String(n).padStart(4, '0')}`,
        name: `${random.pick(GIVEN)} ${random.pick(FAMILY)}`,
        fte: random.pick(['1', '1', '1', '0.8', '0.6']),
        employment: pickWeighted(random, [
          ['permanent', 80],
          ['agency', 12],
          ['sessional', 5],
          ['commissioned', 3],
        ]),
        start,
        end,
      });
      if (end === null) break;
      start = end + 1;
    }
    posts.push(holders);
  }
  return posts;
}

/** An IRO in post on `day` and still there the day after (so an allocation from `day` has a length). */
const iroFrom = (random: Random, posts: Iro[][], day: number): Iro => {
  for (let attempt = 0; attempt < 50; attempt++) {
    const iro = random.pick(posts).find((i) => i.start <= day && (i.end === null || day < i.end));
    if (iro) return iro;
  }
  throw new Error(`no IRO in post on ${fromDayNumber(day)}`);
};

// --- one child ---------------------------------------------------------------------------------------

type Episode = {
  decom: number;
  rne: string;
  ls: string;
  place: string;
  provider: string;
  dec: number | null;
  rec: string | null;
  reasonPlaceChange: string;
  plPost: string;
  urn: string;
};

type Period = { start: number; end: number | null; episodes: Episode[] };

export type ChildFile = Exclude<SyntheticFile, 'iros'>;
export type Rows = { [F in ChildFile]: string[][] };

const postcode = (random: Random) => `${random.pick(POSTCODE_AREAS)}${random.int(1, 40)} ${random.int(1, 9)}`;

/** The years a child is when first looked after (the 903's own shape: many babies, many teenagers). */
const ENTRY_AGES: Weighted = [
  ['0', 20],
  ['1', 5],
  ['2', 5],
  ['3', 4],
  ['4', 4],
  ['5', 4],
  ['6', 4],
  ['7', 4],
  ['8', 4],
  ['9', 4],
  ['10', 5],
  ['11', 5],
  ['12', 6],
  ['13', 7],
  ['14', 8],
  ['15', 8],
  ['16', 6],
];

export function child(id: string, random: Random, posts: Iro[][]): Rows {
  const rows: Rows = { header: [], episodes: [], reviews: [], allocations: [] };
  const firstStart = random.int(FIRST_DAY, LAST_DAY - 14);
  const entryAge = Number(pickWeighted(random, ENTRY_AGES));
  const dobDay = dayNumber(addYears(fromDayNumber(firstStart), -entryAge)) - random.int(0, 360);
  const dob = fromDayNumber(dobDay);
  const eighteenth = dayNumber(addYears(dob, 18));
  const sex = random.chance(0.52) ? 'M' : 'F';
  const cin = pickWeighted(random, CATEGORIES_OF_NEED);
  const homePost = postcode(random);

  // Periods of care: each starts with RNE S; the child may come back after one ends.
  const periods: Period[] = [];
  let cursor = firstStart;
  while (cursor <= LAST_DAY && cursor < eighteenth) {
    const end = Math.min(cursor + random.int(40, 1900), eighteenth);
    // Past the end of the history the period is still open: its episodes stop at 31 March 2024.
    const stop = end > LAST_DAY ? LAST_DAY + 1 : end;
    const period: Period = { start: cursor, end: null, episodes: [] };
    let ls = pickValid(random, ENTRY_LEGAL_STATUSES, cursor, isValidLegalStatusOn);
    let place = '';
    let start = cursor;
    let rne = 'S';
    for (;;) {
      // A change of legal status only keeps the placement, unless that code is no longer valid (P2 ended 27/10/2023).
      if (rne === 'L' && !isValidPlacementOn(place, fromDayNumber(start))) rne = 'B';
      if (rne === 'L' || rne === 'B' || rne === 'U') {
        const from = ls;
        while (ls === from) ls = pickValid(random, LATER_LEGAL_STATUSES, start, isValidLegalStatusOn);
      }
      if (rne !== 'L') {
        const list = ls === 'E1' && random.chance(0.7) ? ADOPTION_PLACEMENTS : PLACEMENTS;
        const from = place;
        while (place === from) place = pickValid(random, list, start, isValidPlacementOn);
      }
      const length = random.int(15, 315);
      const episode: Episode = {
        decom: start,
        rne,
        ls,
        place,
        provider: place.startsWith('U') ? 'PR1' : pickWeighted(random, PROVIDERS),
        dec: null,
        rec: null,
        reasonPlaceChange: rne !== 'S' && rne !== 'L' ? pickWeighted(random, PLACE_CHANGE_REASONS) : '',
        plPost: postcode(random),
        urn: place === 'K2' || place === 'K1' ? `SC${random.int(100000, 999999)}` : '',
      };
      period.episodes.push(episode);
      if (start + length < stop) {
        // The next episode starts the day this one ends.
        episode.dec = start + length;
        episode.rec = 'X1';
        start += length;
        rne = pickWeighted(random, NEXT_EPISODE_REASONS);
        continue;
      }
      if (end > LAST_DAY) break; // still looked after at the end of the history: the latest episode is open
      episode.dec = end;
      episode.rec =
        end === eighteenth
          ? pickWeighted(random, AGED_OUT)
          : ls === 'E1' && place.startsWith('A')
            ? pickWeighted(random, ADOPTED)
            : pickWeighted(random, PERIOD_ENDINGS);
      period.end = end;
      break;
    }
    periods.push(period);
    if (period.end === null || !random.chance(0.3)) break;
    cursor = period.end + random.int(20, 900);
  }

  const mother = sex === 'F' && entryAge >= 13 && random.chance(0.04);
  const mcDob = mother ? uk(Math.min(LAST_DAY, dobDay + random.int(14 * 365, 17 * 365))) : '';
  rows.header.push([
    id,
    sex,
    formatUkDate(dob),
    pickWeighted(random, ETHNICITIES),
    random.chance(0.85)
      ? `A${String(random.int(0, 999999)).padStart(6, '0')}${random.int(100000, 999999)}`
      : '',
    sex === 'F' ? (mother ? '1' : '0') : '',
    mcDob,
  ]);

  const fourth = dayNumber(addYears(dob, 4));
  for (const period of periods) {
    for (const e of period.episodes) {
      rows.episodes.push([
        id,
        uk(e.decom),
        e.rne,
        e.ls,
        cin,
        e.place,
        e.provider,
        e.dec === null ? '' : uk(e.dec),
        e.rec ?? '',
        e.reasonPlaceChange,
        homePost,
        e.plPost,
        e.urn,
      ]);
    }

    // Reviews: the first within about 20 working days, the second about three months on, then about
    // every six months, some a little late, all inside the period.
    const last = Math.min(period.end ?? LAST_DAY, LAST_DAY);
    let review = period.start + random.int(10, 32);
    for (let n = 1; review <= last; n++) {
      const date = fromDayNumber(review);
      // PN0 up to the 4th birthday, PN1–PN7 after it: never a participation flag.
      const code = review <= fourth ? 'PN0' : pickWeighted(random, PARTICIPATION_4_PLUS);
      if (participationFlag(code, date, dob) !== null) throw new Error(`${code} on ${date} for DOB ${dob}`);
      rows.reviews.push([id, formatUkDate(dob), formatUkDate(date), code]);
      review += n === 1 ? random.int(80, 100) : random.int(165, 200);
    }

    // One IRO at a time: a change of IRO now and then, and a new one whenever the IRO leaves.
    let from = period.start + random.int(0, 5);
    const until = period.end; // null: still allocated
    while (until === null || from < until) {
      const iro = iroFrom(random, posts, from);
      let to = random.chance(0.35) ? from + random.int(120, 900) : null;
      if (iro.end !== null && (to === null || to > iro.end)) to = iro.end;
      if (until !== null && (to === null || to >= until)) to = until;
      if (to !== null && to > LAST_DAY) to = null;
      rows.allocations.push([id, iro.id, uk(from), to === null ? '' : uk(to)]);
      if (to === null) break;
      from = to;
    }
  }
  return rows;
}

// --- writing ---------------------------------------------------------------------------------------

/** One CSV file written in chunks, waiting for the disk when the stream's buffer is full. */
class CsvFile {
  private chunk: string[] = [];
  private length = 0;
  rows = 0;

  private constructor(private readonly stream: WriteStream) {}

  static open(path: string, columns: readonly string[]) {
    const file = new CsvFile(createWriteStream(path));
    file.chunk.push(csvLine(columns));
    return file;
  }

  add(values: readonly string[]) {
    const line = csvLine(values);
    this.chunk.push(line);
    this.length += line.length;
    this.rows += 1;
  }

  async flush(force = false) {
    if (this.chunk.length === 0 || (!force && this.length < 64 * 1024)) return;
    const text = this.chunk.join('');
    this.chunk = [];
    this.length = 0;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close() {
    await this.flush(true);
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/** Writes the council's import folder into `dir` (which must exist). */
export async function writeSyntheticCouncil(
  dir: string,
  options: { children: number; seed?: number },
): Promise<SyntheticCouncil> {
  const seed = options.seed ?? 903;
  const random = seededRandom(seed);
  const posts = iroPosts(random, options.children);
  const files = Object.fromEntries(
    (Object.keys(COLUMNS) as SyntheticFile[]).map((name) => [
      name,
      CsvFile.open(join(dir, `${name}.csv`), COLUMNS[name]),
    ]),
  ) as Record<SyntheticFile, CsvFile>;

  for (const post of posts) {
    for (const iro of post) {
      files.iros.add([
        iro.id,
        iro.name,
        'iro',
        iro.fte,
        iro.employment,
        uk(iro.start),
        iro.end === null ? '' : uk(iro.end),
      ]);
    }
  }
  files.iros.add(['MGR0001', 'Helen Carter', 'manager', '1', 'permanent', '01/09/2012', '']);

  for (let i = 0; i < options.children; i++) {
    const id = `SYN${String(i + 1).padStart(6, '0')}`;
    // Each child from a generator of its own: the first N children are the same at any size.
    const rows = child(id, seededRandom((seed * 7_919 + i * 104_729) >>> 0), posts);
    for (const name of Object.keys(rows) as ChildFile[]) {
      for (const row of rows[name]) files[name].add(row);
      await files[name].flush();
    }
  }

  let bytes = 0;
  for (const [name, file] of Object.entries(files)) {
    await file.close();
    bytes += (await stat(join(dir, `${name}.csv`))).size;
  }
  const rows = Object.fromEntries(Object.entries(files).map(([name, file]) => [name, file.rows])) as Record<
    SyntheticFile,
    number
  >;
  return { dir, children: options.children, seed, rows, bytes };
}

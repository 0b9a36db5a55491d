import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Allocation, Episode, FosterHousehold, Iro } from '@footprint/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type EpisodeRecord,
  type ExchangeRecords,
  FILE_NAMES,
  FILES_903,
  type FileName,
  findFiles,
  formatProblems,
  type ImportSet,
  readAllRecords,
  readLocalPolicyVersions,
  readRecords,
  validateImportSet,
  write903Files,
} from '../src/index.ts';
import { EXAMPLESHIRE, tempDir } from './support.ts';

let set: ImportSet;
const records = {} as { [F in FileName]: ExchangeRecords[F][] };

beforeAll(async () => {
  set = await findFiles(EXAMPLESHIRE);
  for (const file of FILE_NAMES) (records as Record<string, unknown>)[file] = await readAllRecords(set, file);
});

const withoutRow = <T extends { row: number }>(list: readonly T[]): Omit<T, 'row'>[] =>
  list.map(({ row: _row, ...rest }) => rest);

describe('Exampleshire', () => {
  it('finds every file of the spec', () => {
    expect(Object.keys(set.files).sort()).toEqual([...FILE_NAMES].sort());
    expect(set.warnings).toEqual([]);
  });

  it('validates with no errors; its warnings are the orphan review and the duplicate review', async () => {
    const result = await validateImportSet(set);
    expect(formatProblems(result.errors)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(formatProblems(result.warnings)).toEqual([
      'reviews.csv:1324: REVIEW: review dated outside every period of care (CHILD 578178)',
      'reviews.csv:2417: REVIEW: reviews recorded twice for the same child and date (counted once) (CHILD 966727; also at row 2416)',
    ]);
    expect(result.warnings.map((w) => w.rule)).toEqual(['orphan_review', 'duplicate_review']);
    expect(result.rows).toMatchObject({ header: 357, episodes: 1241, reviews: 2534, recommendations: 4724 });
  });

  it('reads one normalised record per row', async () => {
    const result = await validateImportSet(set);
    for (const file of FILE_NAMES) expect(records[file].length, file).toBe(result.rows[file]);
    expect(records.header[0]).toEqual({
      row: 2,
      child: '104017',
      sex: '1',
      dob: '2018-06-19',
      ethnic: 'WBRI',
      upn: 'UN1',
      mother: null,
      mcDob: null,
    });
    expect(records.episodes[0]).toEqual({
      row: 2,
      child: '104017',
      decom: '2018-11-15',
      rne: 'S',
      ls: 'C1',
      cin: 'N1',
      place: 'U6',
      placeProvider: 'PR5',
      dec: '2022-10-23',
      rec: 'E3',
      reasonPlaceChange: null,
      homePost: 'XS6 9',
      plPost: 'SS1 4',
      urn: 'SC868809',
    });
    expect(records.escalations.find((e) => e.escalation === 'ESC00007')?.themes).toEqual([
      'assessment_quality',
      'education',
    ]);
    expect(records.oc2[0]).toMatchObject({ child: '104017', sdqScore: null, healthCheck: true, year: 2021 });
    expect(records.iros.find((i) => i.iro === 'IRO006')).toMatchObject({
      fte: 1,
      end: '2023-01-06',
      ethnicity: null,
    });
    expect(records.comparators.map((c) => c.value)).toEqual([67, 70, 71, 61.4, 88.5, 24.8]);
    expect(records.postcode_sectors[0]).toMatchObject({ sector: 'B15 1', key: 'B151', latitude: 52.442 });
    expect(records.local_policy).toEqual([
      { row: 2, key: 'age_bands', value: '0,5,11,16', effective: '2022-04-01' },
    ]);
    expect(await readLocalPolicyVersions(set)).toEqual([
      { effective: '2022-04-01', settings: { ageBands: [0, 5, 11, 16] } },
    ]);
    // The duplicate review is the second of its (CHILD, REVIEW).
    expect(
      records.reviews.filter((r) => r.child === '966727' && r.review === '2022-09-26').map((r) => r.sequence),
    ).toEqual([1, 2]);
    // Records are the domain's own types where the domain has one.
    const domain: [Episode, Allocation, Iro, FosterHousehold] = [
      records.episodes[0]!,
      records.allocations[0]!,
      records.iros[0]!,
      records.foster_households[0]!,
    ];
    expect(domain).toHaveLength(4);
  });

  it('yields records in batches of the size asked', async () => {
    const sizes: number[] = [];
    for await (const batch of readRecords(set, 'episodes', { batchSize: 500 })) sizes.push(batch.length);
    expect(sizes).toEqual([500, 500, 241]);
  });
});

// --- the 903 export ---------------------------------------------------------------------------------

const overlapsYear = (start: string, end: string | null, year: number): boolean =>
  start <= `${year + 1}-03-31` && (end === null || end >= `${year}-04-01`);

/**
 * The reading of write903Files, spelled independently: what the year's files should hold, as the
 * return made at 31 March shows it (an episode or missing spell ending later is still open then).
 */
const expected903 = (year: number) => {
  const end = `${year + 1}-03-31`;
  const episodes = records.episodes
    .filter((e) => overlapsYear(e.decom, e.dec, year))
    .map((e) =>
      e.dec !== null && e.dec > end ? { ...e, dec: null, rec: null, reasonPlaceChange: null } : e,
    );
  const children = new Set(episodes.map((e) => e.child));
  return {
    header: records.header.filter((h) => children.has(h.child)),
    episodes,
    reviews: records.reviews.filter(
      (r) => children.has(r.child) && r.review >= `${year}-04-01` && r.review <= `${year + 1}-03-31`,
    ),
    uasc: records.uasc.filter((u) => children.has(u.child)),
    missing: records.missing
      .filter((m) => children.has(m.child) && overlapsYear(m.misStart, m.misEnd, year))
      .map((m) => (m.misEnd !== null && m.misEnd > end ? { ...m, misEnd: null } : m)),
  };
};

const export903 = async (year: number) => {
  const dir = await tempDir();
  const written = await write903Files(dir, year, {
    header: records.header,
    episodes: readRecords(set, 'episodes', { batchSize: 100 }),
    reviews: records.reviews,
    uasc: records.uasc,
    missing: records.missing,
  });
  return { dir, written };
};

describe('903 export', () => {
  it.each([2021, 2022, 2023])(
    'round-trips reporting year %i: import → export → import gives the same records',
    async (year) => {
      const { dir, written } = await export903(year);
      const again = await findFiles(dir);
      expect(Object.keys(again.files).sort()).toEqual([...FILES_903].sort());
      const result = await validateImportSet(again);
      expect(formatProblems(result.errors)).toEqual([]);
      const expected = expected903(year);
      for (const file of FILES_903) {
        const reread: { row: number }[] = await readAllRecords(again, file);
        const want: readonly { row: number }[] = expected[file];
        expect(withoutRow(reread), `${file} ${year}`).toEqual(withoutRow(want));
        expect(written[file].rows).toBe(expected[file].length);
      }
      expect(expected.episodes.length).toBeGreaterThan(100);
      expect(expected.reviews.length).toBeGreaterThan(100);
    },
  );

  it('writes dd/mm/yyyy dates, the spec’s columns, and the same bytes when exported again from its own output', async () => {
    const { dir } = await export903(2022);
    const episodes = await readFile(join(dir, 'episodes.csv'), 'utf8');
    const [head, first] = episodes.split('\r\n');
    expect(head).toBe(
      'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
    );
    expect(first).toMatch(/^\d+,\d\d\/\d\d\/\d{4},/);
    const again = await findFiles(dir);
    const dir2 = await tempDir();
    await write903Files(dir2, 2022, {
      header: readRecords(again, 'header'),
      episodes: readRecords(again, 'episodes'),
      reviews: readRecords(again, 'reviews'),
      uasc: readRecords(again, 'uasc'),
      missing: readRecords(again, 'missing'),
    });
    for (const file of FILES_903) {
      expect(await readFile(join(dir2, `${file}.csv`), 'utf8'), file).toBe(
        await readFile(join(dir, `${file}.csv`), 'utf8'),
      );
    }
  });

  it('loses nothing: importing every year’s files in order, later over earlier, rebuilds every episode', async () => {
    const first = Math.min(...records.episodes.map((e) => Number(e.decom.slice(0, 4)))) - 1;
    const key = (e: Omit<EpisodeRecord, 'row'>): string => `${e.child}|${e.decom}`;
    const store = new Map<string, Omit<EpisodeRecord, 'row'>>();
    for (let year = first; year <= 2023; year++) {
      const dir = await tempDir();
      await write903Files(dir, year, {
        header: records.header,
        episodes: records.episodes,
        reviews: records.reviews,
      });
      const again = await findFiles(dir);
      expect((await validateImportSet(again)).errors, String(year)).toEqual([]);
      for (const e of withoutRow(await readAllRecords(again, 'episodes'))) store.set(key(e), e);
    }
    // Exampleshire's last DEC is 30 March 2024, so the 2023 files close every episode that ended.
    expect([...store.values()].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      withoutRow(records.episodes).sort((a, b) => key(a).localeCompare(key(b))),
    );
  });
});

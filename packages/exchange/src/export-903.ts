import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { formatUkDate, type IsoDate, isInReportingYear, overlaps, reportingYear } from '@footprint/domain';
import { csvLine } from './csv.ts';
import { FILE_COLUMNS, type FILES_903 } from './files.ts';
import type { EpisodeRecord, HeaderRecord, MissingRecord, ReviewRecord, UascRecord } from './records.ts';

/** A record as the export needs it: what the file holds, without where an import read it from. */
export type ExportRecord<R> = Omit<R, 'row' | 'sequence'>;

/** Records one at a time or in batches (as `readRecords` yields them), sync or async. */
export type RecordSource<T> = Iterable<T | readonly T[]> | AsyncIterable<T | readonly T[]>;

export type Records903 = {
  header: RecordSource<ExportRecord<HeaderRecord>>;
  episodes: RecordSource<ExportRecord<EpisodeRecord>>;
  reviews: RecordSource<ExportRecord<ReviewRecord>>;
  uasc?: RecordSource<ExportRecord<UascRecord>>;
  missing?: RecordSource<ExportRecord<MissingRecord>>;
};

export type Written903 = Record<(typeof FILES_903)[number], { path: string; rows: number }>;

/**
 * Writes the SSDA903 files of reporting year `year` (1 April `year` – 31 March `year`+1) into `dir`:
 * `header.csv`, `episodes.csv`, `reviews.csv`, `uasc.csv`, `missing.csv`, dates as dd/mm/yyyy.
 *
 * Which records a year's files hold (the DfE's practice for the annual return, a return made as at
 * 31 March):
 * - episodes: every episode open on at least one day of the year (DECOM ≤ 31 March, DEC empty or on or
 *   after 1 April), short breaks included. An episode still open at the end of 31 March is written open:
 *   a DEC after 31 March is left empty, with its REC and REASON_PLACE_CHANGE, as the return made then
 *   shows it. The next year's files carry its end: consecutive years overlap (data-exchange §1), and
 *   importing them in order rebuilds every episode.
 * - header: the children with such an episode: the children looked after at any time in the year;
 * - reviews: those children's reviews dated in the year;
 * - uasc: those children's uasc rows, whatever their DUC (DUC is usually the 18th birthday, known ahead);
 * - missing: those children's missing episodes on at least one day of the year (MIS_START ≤ 31 March,
 *   MIS_END empty or on or after 1 April); a MIS_END after 31 March is left empty (still missing then).
 * Records keep the order given. Sources are read once each, episodes first; only the set of the year's
 * children is held.
 */
export const write903Files = async (dir: string, year: number, records: Records903): Promise<Written903> => {
  await mkdir(dir, { recursive: true });
  const { start, end } = reportingYear(year);
  const children = new Set<string>();
  const written = {} as Written903;
  const write = async <T>(
    file: (typeof FILES_903)[number],
    source: RecordSource<T> | undefined,
    keep: (record: T) => boolean,
    cells: (record: T) => string[],
  ): Promise<void> => {
    const path = join(dir, `${file}.csv`);
    const out = new CsvWriter(path);
    await out.line(FILE_COLUMNS[file].map((c) => c.name));
    let rows = 0;
    if (source) {
      for await (const record of flatten(source)) {
        if (!keep(record)) continue;
        await out.line(cells(record));
        rows += 1;
      }
    }
    await out.close();
    written[file] = { path, rows };
  };

  await write(
    'episodes',
    records.episodes,
    (e) => {
      if (!overlaps({ start: e.decom, end: e.dec }, start, end)) return false;
      children.add(e.child);
      return true;
    },
    (e) => {
      const ended = e.dec !== null && e.dec <= end;
      return [
        e.child,
        formatUkDate(e.decom),
        e.rne,
        e.ls,
        e.cin ?? '',
        e.place,
        e.placeProvider ?? '',
        ended ? date(e.dec) : '',
        ended ? (e.rec ?? '') : '',
        ended ? (e.reasonPlaceChange ?? '') : '',
        e.homePost ?? '',
        e.plPost ?? '',
        e.urn ?? '',
      ];
    },
  );
  await write(
    'header',
    records.header,
    (h) => children.has(h.child),
    (h) => [
      h.child,
      h.sex,
      formatUkDate(h.dob),
      h.ethnic ?? '',
      h.upn ?? '',
      h.mother === null ? '' : h.mother ? '1' : '0',
      date(h.mcDob),
    ],
  );
  await write(
    'reviews',
    records.reviews,
    (r) => children.has(r.child) && isInReportingYear(r.review, year),
    (r) => [r.child, formatUkDate(r.dob), formatUkDate(r.review), r.code ?? ''],
  );
  await write(
    'uasc',
    records.uasc,
    (u) => children.has(u.child),
    (u) => [u.child, u.sex ?? '', formatUkDate(u.dob), date(u.duc)],
  );
  await write(
    'missing',
    records.missing,
    (m) => children.has(m.child) && overlaps({ start: m.misStart, end: m.misEnd }, start, end),
    (m) => [
      m.child,
      formatUkDate(m.dob),
      m.missing ?? '',
      formatUkDate(m.misStart),
      m.misEnd !== null && m.misEnd <= end ? date(m.misEnd) : '',
    ],
  );
  return written;
};

const date = (value: IsoDate | null): string => (value === null ? '' : formatUkDate(value));

async function* flatten<T>(source: RecordSource<T>): AsyncGenerator<T> {
  for await (const item of source as AsyncIterable<T | readonly T[]>) {
    if (Array.isArray(item)) yield* item as readonly T[];
    else yield item as T;
  }
}

/** Lines to a file in 64 KiB chunks, waiting when the stream asks (memory stays flat). */
class CsvWriter {
  private readonly stream: WriteStream;
  private buffer = '';

  constructor(path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
  }

  async line(values: readonly string[]): Promise<void> {
    this.buffer += csvLine(values);
    if (this.buffer.length >= 65_536) await this.flush();
  }

  private async flush(): Promise<void> {
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
  }
}

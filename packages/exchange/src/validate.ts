import {
  DATA_QUALITY_MESSAGES,
  dayNumber,
  type Episode,
  formatUkDate,
  fromDayNumber,
  type LocalPolicyVersion,
  participationFlag,
  periodsOfCare,
} from '@footprint/domain';
import {
  FILE_COLUMNS,
  FILE_NAMES,
  type FileName,
  type FoundFile,
  findFiles,
  type ImportSet,
} from './files.ts';
import { type ParsedRow, parseFile, type Sink } from './pass.ts';
import { parseContext, readLocalPolicyFile } from './policy.ts';
import { type Problem, sortProblems } from './problems.ts';
import type { ParseContext } from './records.ts';
import type { RowReader } from './row-reader.ts';
import { codeAt, codePosition } from './values.ts';

/** Ids already stored for the tenant, which the files may refer to without holding them. */
export type ExistingIds = {
  children?: ReadonlySet<string>;
  iros?: ReadonlySet<string>;
  escalations?: ReadonlySet<string>;
  households?: ReadonlySet<string>;
};

export type Progress = {
  /** The file's name as found. */
  file: string;
  rows: number;
  /** Bytes read so far and the file's size. */
  bytesRead: number;
  bytes: number;
  done: boolean;
};

export type ValidateOptions = {
  /** The import's `--year` (oc2 rows without a YEAR of their own). */
  year?: number;
  /** The tenant's stored local policy: its own escalation themes and stages are accepted too. */
  policy?: readonly LocalPolicyVersion[];
  /**
   * Ids the tenant already has. A reference (CHILD, IRO, ESCALATION, HOUSEHOLD) is checked against the
   * file that defines it in this import together with these; with neither, it is not checked and a
   * warning says so.
   */
  existing?: ExistingIds;
  /** Called every 10,000 rows and at the end of each file (for a progress line on a terminal). */
  onProgress?: (progress: Progress) => void;
};

export type ValidationResult = {
  /** No errors: the import may be written. */
  ok: boolean;
  /** Every problem that rejects the import, file by file (in reading order), then by row. */
  errors: Problem[];
  /** Accepted but reported: unknown files and columns, data-quality codes of statutory-rules §14. */
  warnings: Problem[];
  /** Data rows read per file. */
  rows: Partial<Record<FileName, number>>;
};

const PROGRESS_EVERY = 10_000;
const OPEN = Number.POSITIVE_INFINITY;

// Episodes are kept between the episodes file and its end-of-file checks as numbers, six per episode.
const EPISODE_STRIDE = 6; // decom day, dec day (OPEN when empty), row, RNE, LS, REC (list positions, -1 none)

/** Validates every row of every file of an import set and collects every problem. */
export const validateImportSet = async (
  set: ImportSet,
  options: ValidateOptions = {},
): Promise<ValidationResult> => new Validation(set, options).run();

/** `findFiles` then `validateImportSet`. */
export const validateFolder = async (dir: string, options: ValidateOptions = {}): Promise<ValidationResult> =>
  validateImportSet(await findFiles(dir), options);

type Reference = 'children' | 'iros' | 'escalations' | 'households';

const REFERENCE_FILE: Readonly<Record<Reference, FileName>> = {
  children: 'header',
  iros: 'iros',
  escalations: 'escalations',
  households: 'foster_households',
};

const REFERENCE_WHAT: Readonly<Record<Reference, string>> = {
  children: 'child',
  iros: 'IRO',
  escalations: 'escalation',
  households: 'foster household',
};

const REFERENCE_PLURAL: Readonly<Record<Reference, string>> = {
  children: 'children',
  iros: 'IROs',
  escalations: 'escalations',
  households: 'foster households',
};

class Validation {
  private readonly errors: Problem[] = [];
  private readonly warnings: Problem[] = [];
  private readonly rows: Partial<Record<FileName, number>> = {};
  private readonly sink: Sink = {
    error: (p) => this.errors.push(p),
    warning: (p) => this.warnings.push(p),
  };

  private readonly ids: Record<Reference, Set<string>> = {
    children: new Set(),
    iros: new Set(),
    escalations: new Set(),
    households: new Set(),
  };
  private readonly notCheckedSeen = new Set<string>();
  /** (CHILD, REVIEW) → its first row (a second row is a duplicate review, counted once, §3.1). */
  private readonly reviews = new Map<string, number>();
  private readonly episodes = new Map<string, number[]>();
  /** Per child: start day, end day (OPEN), 1 when short-break-only; three numbers per period. */
  private readonly periods = new Map<string, number[]>();
  private episodesRead = false;
  private readonly allocations = new Map<string, number[]>();
  /** Per keyed file: key → first row. */
  private readonly keys = new Map<string, number>();

  constructor(
    private readonly set: ImportSet,
    private readonly options: ValidateOptions,
  ) {}

  async run(): Promise<ValidationResult> {
    this.errors.push(...this.set.errors);
    this.warnings.push(...this.set.warnings);
    const versions = [...(this.options.policy ?? [])];
    const policyFile = this.set.files.local_policy;
    if (policyFile) {
      const { versions: own, rows } = await readLocalPolicyFile(policyFile, this.sink);
      versions.push(...own);
      this.rows.local_policy = rows;
    }
    const ctx = parseContext(this.options.year, versions);
    for (const file of FILE_NAMES) {
      const found = this.set.files[file];
      if (!found || file === 'local_policy') continue;
      await this.readFile(file, found, ctx);
    }
    const order = [
      ...this.set.warnings.map((w) => w.file),
      ...FILE_NAMES.map((f) => this.set.files[f]?.fileName ?? f),
    ];
    const columns = new Map<string, readonly string[]>();
    for (const f of FILE_NAMES) {
      const found = this.set.files[f];
      if (found)
        columns.set(
          found.fileName,
          FILE_COLUMNS[f].map((c) => c.name),
        );
    }
    // A row's problems in the order of its columns; a problem of the whole row first.
    const columnRank = (file: string, column: string): number =>
      column === '' ? -1 : (columns.get(file)?.indexOf(column) ?? 0);
    const errors = sortProblems(this.errors, order, columnRank);
    const warnings = sortProblems(this.warnings, order, columnRank);
    return { ok: errors.length === 0, errors, warnings, rows: this.rows };
  }

  private async readFile(file: FileName, found: FoundFile, ctx: ParseContext): Promise<void> {
    const check = this.checks[file] as (parsed: ParsedRow<FileName>) => void;
    let count = 0;
    for await (const parsed of parseFile(file, found, ctx, this.sink)) {
      check(parsed);
      count += 1;
      if (count % PROGRESS_EVERY === 0) {
        this.options.onProgress?.({
          file: found.fileName,
          rows: count,
          bytesRead: parsed.bytes,
          bytes: found.bytes,
          done: false,
        });
      }
    }
    this.rows[file] = count;
    this.finish(file, found.fileName);
    this.keys.clear();
    this.options.onProgress?.({
      file: found.fileName,
      rows: count,
      bytesRead: found.bytes,
      bytes: found.bytes,
      done: true,
    });
  }

  // --- references and keys ----------------------------------------------------------------------

  /** Whether `id` is defined in this import or already stored; reports it when it is neither. */
  private known(r: RowReader, column: string, id: string | null | undefined, ref: Reference): void {
    if (!id) return;
    const existing = this.options.existing?.[ref];
    const fileHere = this.set.files[REFERENCE_FILE[ref]] !== undefined;
    if (!fileHere && !existing) {
      this.notChecked(
        r.fileName,
        column,
        `the import has no ${REFERENCE_FILE[ref]} file and no stored ${REFERENCE_PLURAL[ref]} were given`,
      );
      return;
    }
    if (this.ids[ref].has(id) || existing?.has(id)) return;
    const where = fileHere ? `the ${REFERENCE_FILE[ref]} file` : 'the records already stored';
    r.report(
      column,
      id,
      `unknown_${REFERENCE_WHAT[ref].toLowerCase().replace(/ /g, '_')}`,
      `${REFERENCE_WHAT[ref]} ${id} is not in ${where}`,
    );
  }

  /** Once per file and column: a reference that cannot be checked in this import. */
  private notChecked(file: string, column: string, why: string): void {
    const key = `${file}|${column}`;
    if (this.notCheckedSeen.has(key)) return;
    this.notCheckedSeen.add(key);
    this.sink.warning({
      file,
      row: 0,
      column,
      value: '',
      rule: 'reference_not_checked',
      message: `${column} is not checked: ${why}`,
    });
  }

  /** A key seen twice in one file is an error at the second row, in the key's first column. */
  private unique(
    r: RowReader,
    columns: readonly string[],
    parts: readonly (string | number | null | undefined)[],
  ): boolean {
    if (parts.some((p) => p === undefined || p === null || p === '')) return true;
    const key = parts.join('\u0000');
    const first = this.keys.get(key);
    if (first === undefined) {
      this.keys.set(key, r.row);
      return true;
    }
    const column = columns[0]!;
    const shown = columns.map((c) => `${c} ${r.raw(c)}`).join(', ');
    r.report(column, r.raw(column), 'duplicate_key', `${shown} is also at row ${first}`);
    return false;
  }

  private warn(r: RowReader, column: string, rule: keyof typeof DATA_QUALITY_MESSAGES, detail = ''): void {
    this.sink.warning({
      file: r.fileName,
      row: r.row,
      column,
      value: r.raw(column),
      rule,
      message: `${DATA_QUALITY_MESSAGES[rule]}${detail}`,
    });
  }

  // --- per-file checks ---------------------------------------------------------------------------

  private readonly checks: { [F in FileName]: (parsed: ParsedRow<F>) => void } = {
    local_policy: () => {},
    header: ({ draft, reader }) => {
      if (draft.child && this.unique(reader, ['CHILD'], [draft.child])) this.ids.children.add(draft.child);
    },
    episodes: ({ draft: e, reader, row }) => {
      this.known(reader, 'CHILD', e.child, 'children');
      if (!e.child || !e.decom || e.dec === undefined || !e.rne) return;
      let list = this.episodes.get(e.child);
      if (!list) {
        list = [];
        this.episodes.set(e.child, list);
      }
      list.push(
        dayNumber(e.decom),
        e.dec === null ? OPEN : dayNumber(e.dec),
        row,
        codePosition('reason-new-episode', e.rne),
        e.ls ? codePosition('legal-status', e.ls) : -1,
        e.rec ? codePosition('reason-episode-ceased', e.rec) : -1,
      );
    },
    reviews: ({ draft: v, reader }) => {
      this.known(reader, 'CHILD', v.child, 'children');
      if (!v.child || !v.review) return;
      const key = `${v.child}|${v.review}`;
      const first = this.reviews.get(key);
      if (first === undefined) this.reviews.set(key, reader.row);
      else this.warn(reader, 'REVIEW', 'duplicate_review', ` (CHILD ${v.child}; also at row ${first})`);
      if (v.dob && v.code !== undefined) {
        const flag = participationFlag(v.code, v.review, v.dob);
        if (flag) this.warn(reader, 'REVIEW_CODE', flag, ` (CHILD ${v.child}, DOB ${formatUkDate(v.dob)})`);
      }
      if (this.episodesRead) {
        const day = dayNumber(v.review);
        const periods = this.periods.get(v.child) ?? [];
        let inside: boolean | null = null;
        for (let i = 0; i < periods.length; i += 3) {
          if (periods[i]! <= day && day <= periods[i + 1]!) {
            inside = periods[i + 2] !== 1;
            if (inside) break;
          }
        }
        const which = ` (CHILD ${v.child})`;
        if (inside === null) this.warn(reader, 'REVIEW', 'orphan_review', which);
        else if (!inside) this.warn(reader, 'REVIEW', 'short_break_reviews', which);
      }
    },
    uasc: ({ draft, reader }) => {
      this.known(reader, 'CHILD', draft.child, 'children');
      this.unique(reader, ['CHILD'], [draft.child]);
    },
    missing: ({ draft, reader }) => {
      this.known(reader, 'CHILD', draft.child, 'children');
      this.unique(reader, ['CHILD', 'MIS_START'], [draft.child, draft.misStart]);
    },
    oc2: ({ draft, reader }) => {
      this.known(reader, 'CHILD', draft.child, 'children');
      this.unique(reader, ['CHILD', 'YEAR'], [draft.child, draft.year]);
    },
    iros: ({ draft, reader }) => {
      if (draft.iro && this.unique(reader, ['IRO'], [draft.iro])) this.ids.iros.add(draft.iro);
    },
    allocations: ({ draft: a, reader, row }) => {
      this.known(reader, 'CHILD', a.child, 'children');
      this.known(reader, 'IRO', a.iro, 'iros');
      if (!a.child || !a.start || a.end === undefined) return;
      let list = this.allocations.get(a.child);
      if (!list) {
        list = [];
        this.allocations.set(a.child, list);
      }
      list.push(dayNumber(a.start), a.end === null ? OPEN : dayNumber(a.end), row);
    },
    review_details: ({ draft: d, reader }) => {
      this.known(reader, 'CHILD', d.child, 'children');
      this.known(reader, 'IRO', d.iro, 'iros');
      if (d.child && d.review && this.set.files.reviews && !this.reviews.has(`${d.child}|${d.review}`)) {
        reader.report(
          'REVIEW',
          reader.raw('REVIEW'),
          'unknown_review',
          `no row of the reviews file for CHILD ${d.child} and REVIEW ${formatUkDate(d.review)}`,
        );
      } else if (!this.set.files.reviews)
        this.notChecked(reader.fileName, 'REVIEW', 'the import has no reviews file');
      this.unique(reader, ['CHILD', 'REVIEW'], [d.child, d.review]);
    },
    midway_reviews: ({ draft, reader }) => {
      this.known(reader, 'CHILD', draft.child, 'children');
      this.known(reader, 'IRO', draft.iro, 'iros');
    },
    recommendations: ({ draft, reader }) => this.known(reader, 'CHILD', draft.child, 'children'),
    consultations: ({ draft, reader }) => this.known(reader, 'CHILD', draft.child, 'children'),
    feedback: ({ draft, reader }) => {
      this.known(reader, 'CHILD', draft.child, 'children');
      this.unique(reader, ['CHILD', 'REVIEW', 'QUESTION'], [draft.child, draft.review, draft.question]);
    },
    escalations: ({ draft, reader }) => {
      this.known(reader, 'CHILD', draft.child, 'children');
      this.known(reader, 'IRO', draft.iro, 'iros');
      if (draft.escalation && this.unique(reader, ['ESCALATION'], [draft.escalation]))
        this.ids.escalations.add(draft.escalation);
    },
    escalation_events: ({ draft, reader }) =>
      this.known(reader, 'ESCALATION', draft.escalation, 'escalations'),
    advocacy: ({ draft, reader }) => {
      this.known(reader, 'CHILD', draft.child, 'children');
      this.unique(reader, ['INVOLVEMENT'], [draft.involvement]);
    },
    independent_visitors: ({ draft, reader }) => this.known(reader, 'CHILD', draft.child, 'children'),
    foster_households: ({ draft, reader }) => {
      this.known(reader, 'FCRO', draft.fcro, 'iros');
      if (draft.household && this.unique(reader, ['HOUSEHOLD'], [draft.household]))
        this.ids.households.add(draft.household);
    },
    foster_reviews: ({ draft, reader }) => {
      this.known(reader, 'HOUSEHOLD', draft.household, 'households');
      this.known(reader, 'FCRO', draft.fcro, 'iros');
    },
    audits: ({ draft, reader }) => {
      this.known(reader, 'CHILD', draft.child, 'children');
      this.unique(reader, ['AUDIT'], [draft.audit]);
    },
    postcode_sectors: ({ draft, reader }) => this.unique(reader, ['SECTOR'], [draft.key]),
    population: ({ draft, reader }) => this.unique(reader, ['YEAR'], [draft.year]),
    comparators: ({ draft, reader }) =>
      this.unique(reader, ['YEAR', 'AREA', 'MEASURE'], [draft.year, draft.area, draft.measure]),
  };

  // --- end-of-file checks ------------------------------------------------------------------------

  private finish(file: FileName, fileName: string): void {
    if (file === 'episodes') {
      for (const [child, list] of this.episodes) this.finishEpisodes(fileName, child, list);
      this.episodes.clear();
      this.episodesRead = true;
    }
    if (file === 'allocations') {
      for (const list of this.allocations.values()) this.finishAllocations(fileName, list);
      this.allocations.clear();
    }
  }

  private error(
    file: string,
    row: number,
    column: string,
    value: string,
    rule: string,
    message: string,
  ): void {
    this.errors.push({ file, row, column, value, rule, message });
  }

  /**
   * One child's episodes (data-exchange §2): not overlapping, an open episode only as the latest, an
   * X1 end followed by an episode starting that day; then its periods of care (domain) for the
   * reviews' data-quality checks.
   */
  private finishEpisodes(file: string, child: string, list: number[]): void {
    const n = list.length / EPISODE_STRIDE;
    const at = (i: number, field: number): number => list[i * EPISODE_STRIDE + field]!;
    const order = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => at(a, 0) - at(b, 0) || at(a, 1) - at(b, 1) || at(a, 2) - at(b, 2),
    );
    const uk = (day: number): string => (day === OPEN ? 'open' : formatUkDate(fromDayNumber(day)));
    let latestEnd = -OPEN;
    let latestEndRow = 0;
    let latestEndStart = 0;
    order.forEach((i, k) => {
      const decom = at(i, 0);
      const dec = at(i, 1);
      const row = at(i, 2);
      if (dec === OPEN && k < n - 1) {
        const next = order[k + 1]!;
        this.error(
          file,
          row,
          'DEC',
          '',
          'open_episode_not_latest',
          `DEC is empty but it is not the child's latest episode (row ${at(next, 2)} starts ${uk(at(next, 0))})`,
        );
      }
      if (decom < latestEnd) {
        this.error(
          file,
          row,
          'DECOM',
          formatUkDate(fromDayNumber(decom)),
          'overlapping_episodes',
          `episode starting ${uk(decom)} overlaps the episode at row ${latestEndRow} (${uk(latestEndStart)} to ${uk(latestEnd)})`,
        );
      }
      if (dec !== OPEN && dec > latestEnd) {
        latestEnd = dec;
        latestEndRow = row;
        latestEndStart = decom;
      }
      const rec = at(i, 5);
      if (rec >= 0 && codeAt('reason-episode-ceased', rec) === 'X1' && dec !== OPEN) {
        if (!order.some((j) => j !== i && at(j, 0) === dec)) {
          this.error(
            file,
            row,
            'REC',
            'X1',
            'x1_without_next_episode',
            `REC X1 but no episode of the child starts on DEC ${uk(dec)}`,
          );
        }
      }
    });
    // Periods of care by the domain's rule, on the episodes as read (codes restored from positions).
    const episodes: (Episode & { row: number })[] = order.map((i) => ({
      row: at(i, 2),
      decom: fromDayNumber(at(i, 0)),
      dec: at(i, 1) === OPEN ? null : fromDayNumber(at(i, 1)),
      rne: codeAt('reason-new-episode', at(i, 3)),
      ls: at(i, 4) >= 0 ? codeAt('legal-status', at(i, 4)) : '',
      rec: at(i, 5) >= 0 ? codeAt('reason-episode-ceased', at(i, 5)) : null,
      place: '',
    }));
    const spans: number[] = [];
    for (const period of periodsOfCare(episodes).periods) {
      spans.push(
        dayNumber(period.start),
        period.end === null ? OPEN : dayNumber(period.end),
        period.shortBreakOnly ? 1 : 0,
      );
      if (!period.startedWithS) {
        const first = period.episodes[0]!;
        this.warnings.push({
          file,
          row: first.row,
          column: 'RNE',
          value: first.rne,
          rule: 'period_without_start',
          message: `${DATA_QUALITY_MESSAGES.period_without_start} (CHILD ${child}, DECOM ${formatUkDate(first.decom)})`,
        });
      }
    }
    this.periods.set(child, spans);
  }

  /** One IRO per child at a time: an allocation ending on a day and the next starting that day do not overlap. */
  private finishAllocations(file: string, list: number[]): void {
    const n = list.length / 3;
    const order = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => list[a * 3]! - list[b * 3]! || list[a * 3 + 2]! - list[b * 3 + 2]!,
    );
    const uk = (day: number): string => (day === OPEN ? 'open' : formatUkDate(fromDayNumber(day)));
    let latestEnd = -OPEN;
    let latestRow = 0;
    let latestStart = 0;
    for (const i of order) {
      const start = list[i * 3]!;
      const end = list[i * 3 + 1]!;
      const row = list[i * 3 + 2]!;
      if (start < latestEnd) {
        this.error(
          file,
          row,
          'START',
          uk(start),
          'overlapping_allocations',
          `the child already has an IRO on ${uk(start)}: the allocation at row ${latestRow} runs ${uk(latestStart)} to ${uk(latestEnd)}`,
        );
      }
      if (end > latestEnd) {
        latestEnd = end;
        latestRow = row;
        latestStart = start;
      }
    }
  }
}

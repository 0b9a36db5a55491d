import {
  codeLists,
  DEFAULT_ESCALATION_STAGES,
  escalationStageWarnings,
  type LocalPolicyRowProblem,
  type LocalPolicyVersion,
  parseDate,
  policyVersionsFromRows,
} from '@footprint/domain';
import type { FoundFile } from './files.ts';
import { parseFile, type Sink } from './pass.ts';
import type { LocalPolicyRecord, ParseContext } from './records.ts';
import { caseInsensitiveIndex } from './values.ts';

/** What the local_policy file says, read by the domain's policyVersionsFromRows. */
export type LocalPolicyFile = {
  versions: LocalPolicyVersion[];
  /** The rows the domain read, with their own row numbers and EFFECTIVE as an ISO date. */
  records: LocalPolicyRecord[];
  /** Data rows read. */
  rows: number;
};

/**
 * Reads a local_policy file (a handful of rows: it is read whole) and checks it with the domain:
 * unknown keys are warnings, bad values and a KEY set twice for one EFFECTIVE errors.
 */
export const readLocalPolicyFile = async (found: FoundFile, sink: Sink): Promise<LocalPolicyFile> => {
  const rows: { row: number; key: string; value: string; effective: string }[] = [];
  const ctx: ParseContext = { year: undefined, themes: new Map(), stages: new Map() };
  for await (const { row, reader } of parseFile('local_policy', found, ctx, sink)) {
    rows.push({
      row,
      key: reader.raw('KEY'),
      value: reader.raw('VALUE'),
      effective: reader.raw('EFFECTIVE'),
    });
  }
  const { versions, problems, warnings } = policyVersionsFromRows(rows);
  // The domain numbers rows from 2 in the order given; map back to the rows as found (blank lines).
  const rowOf = (p: LocalPolicyRowProblem): number => rows[p.row - 2]?.row ?? p.row;
  const cellOf = (p: LocalPolicyRowProblem): string => {
    const r = rows[p.row - 2];
    return r ? { KEY: r.key, VALUE: r.value, EFFECTIVE: r.effective }[p.column] : '';
  };
  const badRows = new Set<number>();
  for (const p of problems) {
    badRows.add(p.row);
    sink.error({
      file: found.fileName,
      row: rowOf(p),
      column: p.column,
      value: cellOf(p),
      rule: 'local_policy',
      message: p.message,
    });
  }
  for (const p of warnings) {
    badRows.add(p.row);
    sink.warning({
      file: found.fileName,
      row: rowOf(p),
      column: p.column,
      value: cellOf(p),
      rule: 'unknown_setting',
      message: p.message,
    });
  }
  for (const version of versions) {
    if (!version.settings.escalationStages) continue;
    for (const message of escalationStageWarnings(version.settings.escalationStages)) {
      sink.warning({
        file: found.fileName,
        row: 0,
        column: '',
        value: '',
        rule: 'escalation_stages',
        message: `escalation stages from ${version.effective}: ${message}`,
      });
    }
  }
  const records: LocalPolicyRecord[] = [];
  rows.forEach((r, i) => {
    if (badRows.has(i + 2)) return;
    records.push({
      row: r.row,
      key: r.key.trim().toLowerCase(),
      value: r.value,
      // Rows the domain accepted have a valid EFFECTIVE.
      effective: parseDate(r.effective)!,
    });
  });
  return { versions, records, rows: rows.length };
};

/**
 * Escalation themes and stages a file may name: the spec's themes and the default stages, and every
 * theme and stage any version of the council's policy (stored or in this import) defines. A theme
 * outside these is an import error (statutory-rules §14).
 */
export const parseContext = (
  year: number | undefined,
  versions: readonly LocalPolicyVersion[],
): ParseContext => {
  const themes = [
    ...codeLists['escalation-themes'].map((t) => t.code),
    ...versions.flatMap((v) => v.settings.escalationThemes?.map((t) => t.code) ?? []),
  ];
  const stages = [
    ...DEFAULT_ESCALATION_STAGES.map((s) => s.key),
    ...versions.flatMap((v) => v.settings.escalationStages?.map((s) => s.key) ?? []),
  ];
  return { year, themes: caseInsensitiveIndex(themes), stages: caseInsensitiveIndex(stages) };
};

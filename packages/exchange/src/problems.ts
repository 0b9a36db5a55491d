/**
 * One problem found in an import file (data-exchange.md §1). `row` counts the header as row 1; a
 * problem about the file as a whole (an unknown file, two files for one name) has row 0. `file` is
 * the file's name as found in the folder (`Header.CSV`, `episodes`).
 */
export type Problem = {
  file: string;
  row: number;
  column: string;
  value: string;
  /** A stable snake_case name: `date`, `code`, `unknown_child`, or a data-quality code of statutory-rules §14. */
  rule: string;
  message: string;
};

/**
 * `file:row: COLUMN: message`, the form data-exchange.md §1 prints. A problem with no column (a row
 * with more fields than the header) prints as `file:row: message`, one about the whole file (row 0)
 * as `file: message`.
 */
export const formatProblem = (p: Problem): string => {
  if (p.row === 0) return `${p.file}: ${p.message}`;
  if (p.column === '') return `${p.file}:${p.row}: ${p.message}`;
  return `${p.file}:${p.row}: ${p.column}: ${p.message}`;
};

/** One line per problem, in the order given. */
export const formatProblems = (problems: readonly Problem[]): string[] => problems.map(formatProblem);

/** The JSON form: an array of `{file,row,column,value,rule,message}`, keys in that order. */
export const problemsAsJson = (problems: readonly Problem[]): Problem[] =>
  problems.map(({ file, row, column, value, rule, message }) => ({
    file,
    row,
    column,
    value,
    rule,
    message,
  }));

/** `--format json`: the JSON array as text. */
export const formatProblemsJson = (problems: readonly Problem[]): string =>
  JSON.stringify(problemsAsJson(problems));

/**
 * Problems in file order (the order the files were read), then by row, then by column (`columnRank`,
 * e.g. the column's place in the file), stable otherwise.
 */
export const sortProblems = (
  problems: readonly Problem[],
  fileOrder: readonly string[],
  columnRank: (file: string, column: string) => number = () => 0,
): Problem[] => {
  const rank = new Map(fileOrder.map((f, i) => [f, i]));
  return problems
    .map((p, i) => ({ p, i, c: columnRank(p.file, p.column) }))
    .sort(
      (a, b) =>
        (rank.get(a.p.file) ?? -1) - (rank.get(b.p.file) ?? -1) ||
        a.p.row - b.p.row ||
        a.c - b.c ||
        a.i - b.i,
    )
    .map(({ p }) => p);
};

/** The annual report as the gateway asks a subgraph for it: its key, and what the subgraph requires. */
export const annualReport = (year: unknown, required: Record<string, unknown> = {}) => ({
  __typename: 'AnnualReport',
  year,
  ...required,
});

/** Years a representation may carry that are no reporting year: each is BAD_USER_INPUT naming `year`. */
export const notReportingYears: readonly unknown[] = [1989, 2101, 2023.5, '2023', -2023, null];

/** The fields of a RecordBehindFigure, for a query's selection. */
export const recordBehindFields = 'child { id } date reference description';

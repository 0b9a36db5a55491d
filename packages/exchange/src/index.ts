export { csvField, csvLine } from './csv.ts';
export * from './export-903.ts';
export * from './files.ts';
export * from './problems.ts';
export * from './read-records.ts';
export * from './records.ts';
export * from './validate.ts';
export * from './values.ts';

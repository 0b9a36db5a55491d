export class CliError extends Error {}

export const usage = `usage:
  footprint tenants create <slug> --name "<name>"
  footprint import --tenant <slug> [--year YYYY] [--format json] <dir>
  footprint export --tenant <slug> --year <YYYY> --format 903 <dir>
  footprint report --tenant <slug> --year <YYYY> [--format json|html|docx|csv] [--output <file>]
  footprint compliance --tenant <slug> --as-of <YYYY-MM-DD> --format json`;

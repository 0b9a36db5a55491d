/**
 * The `footprint` command (shared/spec/data-exchange.md §1): what councils' own scripts rely on.
 * Names, arguments and output shapes follow the spec exactly.
 */
import { complianceCommand } from './cli/compliance.ts';
import { exportCommand } from './cli/export.ts';
import { importCommand } from './cli/import.ts';
import { reportCommand } from './cli/report.ts';
import { tenantsCommand } from './cli/tenants.ts';
import { CliError, usage } from './cli/usage.ts';

const commands: Record<string, (args: string[]) => Promise<number>> = {
  tenants: tenantsCommand,
  import: importCommand,
  export: exportCommand,
  report: reportCommand,
  compliance: complianceCommand,
};

const [command, ...rest] = process.argv.slice(2);
try {
  const run = command ? commands[command] : undefined;
  if (!run) throw new CliError(command ? `unknown command "${command}"` : 'a command is required');
  process.exitCode = await run(rest);
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  console.error(`footprint: ${error.message}\n\n${usage}`);
  process.exitCode = 2;
}

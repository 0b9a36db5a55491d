import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Connection, connect, type Transaction, withTenant } from '@footprint/db';
import type { SubgraphService } from '@footprint/graphql';
import { createTestDatabase, type TestDatabase } from './database.ts';

/** A fresh temporary folder holding the given files (name → text); returns its path. */
export async function importFolder(files: Record<string, string>, prefix = 'footprint-import-') {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

/** A folder of import files, written as a council's system would (CSV with a header row): `name` → `name.csv`. */
export function csvFolder(dir: string, files: Record<string, string[]>) {
  mkdirSync(dir, { recursive: true });
  for (const [file, lines] of Object.entries(files))
    writeFileSync(join(dir, `${file}.csv`), `${lines.join('\r\n')}\r\n`);
  return dir;
}

/** A fresh database with a service's migrations and a connection as the service's own role, as the import worker has. */
export async function createImportDatabase(
  service: Pick<SubgraphService, 'name' | 'pgSchema' | 'migrationsFolder'>,
): Promise<{ database: TestDatabase; connection: Connection }> {
  const database = await createTestDatabase([{ schema: service.pgSchema, folder: service.migrationsFolder }]);
  return { database, connection: connect(database.urlFor(service.name)) };
}

type ImportWriter<Set, Counts> = {
  write: (
    tx: Transaction,
    context: { tenant: string; set: Set; onRows: (rows: number) => void },
  ) => Promise<Counts>;
};

/** Runs one service's import part as the worker does (one transaction, council set), noting each progress report. */
export async function importWithProgress<Set, Counts>(
  connection: Connection,
  part: ImportWriter<Set, Counts>,
  tenant: string,
  set: Set,
) {
  const progress: number[] = [];
  const counts = await withTenant(connection.db, tenant, (tx) =>
    part.write(tx, { tenant, set, onRows: (n) => progress.push(n) }),
  );
  return { counts, progress };
}

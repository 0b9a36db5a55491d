import { replaceFromExcluded, type Transaction } from '@footprint/db';
import { type IsoDate, policyVersionsFromRows } from '@footprint/domain';
import { and, eq } from 'drizzle-orm';
import { localPolicy } from '../db/tables.ts';
import type { LocalPolicySettingRow } from './find-local-policy.ts';

export type LocalPolicyInput = { key: string; value: string; effective: IsoDate };

/** What is wrong with a setting, as the local_policy import would say it; null when it is good. */
export type LocalPolicyInputProblem = { field: 'key' | 'value' | 'effective'; message: string };

/**
 * Checks one setting exactly as the `local_policy` import checks a row (the domain's
 * policyVersionsFromRows), except that a key Footprint does not know is refused: the import only
 * warns and skips it, but a setting nobody reads must not look saved.
 */
export function localPolicyInputProblem(input: LocalPolicyInput): LocalPolicyInputProblem | null {
  const { problems, warnings } = policyVersionsFromRows([input]);
  const problem = problems[0];
  if (problem) {
    const field = problem.column === 'VALUE' ? 'value' : problem.column === 'EFFECTIVE' ? 'effective' : 'key';
    return { field, message: `${input.key.trim().toLowerCase()}: ${problem.message}` };
  }
  if (warnings.length)
    return { field: 'key', message: `${input.key.trim()} is not a setting Footprint knows` };
  return null;
}

/**
 * Writes one setting of the council's local policy to the table the import writes, with the same
 * upsert on (tenant, key, effective) and the key in lower case as the import stores it. Says what it
 * did, so that the change is audited as what it was.
 */
export async function saveLocalPolicy(
  tx: Transaction,
  tenantId: string,
  input: LocalPolicyInput,
): Promise<{ action: 'create' | 'update' | 'none'; row: LocalPolicySettingRow; previous: string | null }> {
  const key = input.key.trim().toLowerCase();
  const value = input.value.trim();
  const [existing] = await tx
    .select()
    .from(localPolicy)
    .where(and(eq(localPolicy.key, key), eq(localPolicy.effective, input.effective)))
    .for('update');
  if (existing && existing.value === value)
    return { action: 'none', row: existing, previous: existing.value };
  const target = [localPolicy.tenantId, localPolicy.key, localPolicy.effective];
  const [row] = await tx
    .insert(localPolicy)
    .values({ tenantId, key, effective: input.effective, value })
    .onConflictDoUpdate({ target, set: replaceFromExcluded(localPolicy, target) })
    .returning();
  return { action: existing ? 'update' : 'create', row: row!, previous: existing?.value ?? null };
}

import type { Transaction } from '@footprint/db';
import {
  ageBandLabels,
  type IsoDate,
  type LocalPolicyVersion,
  policyOn,
  policyVersionsFromRows,
} from '@footprint/domain';
import { asc, desc } from 'drizzle-orm';
import { localPolicy } from '../db/tables.ts';

export type LocalPolicySettingRow = typeof localPolicy.$inferSelect;

/** A stored setting, and whether it is the one of its key in force on the day asked about. */
export type LocalPolicySetting = LocalPolicySettingRow & { inForce: boolean };

/** The council's stored local policy (imported or set in the portal): by key, newest first. */
export async function findLocalPolicy(tx: Transaction): Promise<LocalPolicySettingRow[]> {
  return tx.select().from(localPolicy).orderBy(asc(localPolicy.key), desc(localPolicy.effective));
}

/**
 * Marks the row of each key in force on `date`: the one with the latest EFFECTIVE on or before it
 * (further-tables §2a). Rows must come newest first within a key, as findLocalPolicy gives them.
 */
export function markInForce(rows: readonly LocalPolicySettingRow[], date: IsoDate): LocalPolicySetting[] {
  const found = new Set<string>();
  return rows.map((row) => {
    const inForce = !found.has(row.key) && row.effective <= date;
    if (inForce) found.add(row.key);
    return { ...row, inForce };
  });
}

/** The domain's versions of the stored rows: what the report reads. */
export const versionsOf = (rows: readonly LocalPolicySettingRow[]): LocalPolicyVersion[] =>
  policyVersionsFromRows(rows.map(({ key, value, effective }) => ({ key, value, effective }))).versions;

export type AgeBandsInForce = {
  bounds: number[];
  labels: string[];
  /** From when the council's bands apply; null when none is in force (the DfE's default). */
  effective: IsoDate | null;
};

/** The age bands in force on `date`, as the report would use them. */
export function ageBandsInForce(rows: readonly LocalPolicySettingRow[], date: IsoDate): AgeBandsInForce {
  const bounds = policyOn(versionsOf(rows), date).ageBands;
  const effective =
    markInForce(rows, date).find((row) => row.key === 'age_bands' && row.inForce)?.effective ?? null;
  return { bounds, labels: ageBandLabels(bounds), effective };
}

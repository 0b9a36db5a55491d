import type { Transaction } from '@footprint/db';
import { codeLists } from '@footprint/domain';
import { asc } from 'drizzle-orm';
import { themes } from '../db/tables.ts';

export type ThemeRow = typeof themes.$inferSelect;

export type Theme = { code: string; label: string; councilOwn: boolean };

/** The council's own themes, added to the spec's list. */
export function findCouncilThemes(tx: Transaction) {
  return tx.select().from(themes).orderBy(asc(themes.code));
}

/** Every theme an escalation of this council may carry: the spec's list, then the council's own. */
export function themesAvailable(councilThemes: readonly ThemeRow[]): Theme[] {
  const spec = codeLists['escalation-themes'].map(({ code, label }) => ({ code, label, councilOwn: false }));
  const specCodes = new Set(spec.map((theme) => theme.code));
  const own = councilThemes
    .filter((theme) => !specCodes.has(theme.code))
    .map(({ code, label }) => ({ code, label, councilOwn: true }));
  return [...spec, ...own];
}

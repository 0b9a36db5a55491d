import type { Transaction } from '@footprint/db';
import { defaultLocalPolicy, type EscalationStage } from '@footprint/domain';
import { asc } from 'drizzle-orm';
import { stages } from '../db/tables.ts';

export type StageRow = typeof stages.$inferSelect;

/** A council's stages as the domain reads them, and whether they are the spec's defaults. */
export type StagesInForce = { stages: EscalationStage[]; isDefault: boolean };

export const toDomainStage = (row: StageRow): EscalationStage => ({
  key: row.key,
  name: row.name,
  goesTo: row.goesTo,
  responseWorkingDays: row.respondsWithinWorkingDays,
  formal: row.formal,
});

/** The council's configured stages in order; the domain's default stages when it has none (§9). */
export async function findStagesInForce(tx: Transaction): Promise<StagesInForce> {
  const rows = await tx.select().from(stages).orderBy(asc(stages.position));
  if (rows.length === 0) {
    return { stages: defaultLocalPolicy.escalationStages.map((stage) => ({ ...stage })), isDefault: true };
  }
  return { stages: rows.map(toDomainStage), isDefault: false };
}

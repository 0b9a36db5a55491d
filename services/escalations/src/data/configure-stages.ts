import type { Transaction } from '@footprint/db';
import { invalidInput } from '@footprint/graphql';
import { notInArray } from 'drizzle-orm';
import { escalationEvents, stages } from '../db/tables.ts';

export type StageSetting = {
  key: string;
  name: string;
  goesTo: string;
  respondsWithinWorkingDays: number;
  formal: boolean;
};

/**
 * Replaces the council's stages with `settings`, in the order given. A stage that escalation
 * events already name cannot be dropped: their current stage, deadline and stage order would be lost.
 */
export async function configureStages(tx: Transaction, tenantId: string, settings: StageSetting[]) {
  const keys = settings.map((s) => s.key);
  const orphaned = await tx
    .selectDistinct({ stage: escalationEvents.stage })
    .from(escalationEvents)
    .where(notInArray(escalationEvents.stage, keys));
  if (orphaned.length > 0) {
    const names = orphaned.map((row) => row.stage).sort();
    throw invalidInput(
      `Escalation events are recorded at stage${names.length > 1 ? 's' : ''} ${names.join(', ')}: keep ${names.length > 1 ? 'them' : 'it'} in the stages`,
      'stages',
    );
  }
  await tx.delete(stages);
  await tx
    .insert(stages)
    .values(settings.map((setting, position) => ({ tenantId, ...setting, position: position + 1 })));
}

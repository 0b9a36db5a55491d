import type { Transaction } from '@footprint/db';
import type { EscalationStage, LocalPolicyVersion } from '@footprint/domain';
import { sql } from 'drizzle-orm';
import { escalationEvents, escalations, stages, themes } from '../db/tables.ts';
import { toDomainStage } from './find-stages.ts';

/**
 * The council's own escalation themes and stages as a policy version, for reading import files:
 * the exchange accepts a theme or stage outside the defaults only when the council's policy
 * defines it. Themes and stages the council configured here, or that its escalations already
 * carry, are its own (validation accepted them against the same records).
 */
export async function findImportVocabulary(tx: Transaction): Promise<LocalPolicyVersion[]> {
  const ownThemes = await tx.select({ code: themes.code, label: themes.label }).from(themes);
  const usedThemes = await tx.execute<{ code: string }>(
    sql`select distinct unnest(${escalations.themes}) as code from ${escalations}`,
  );
  const ownStages = (await tx.select().from(stages)).map(toDomainStage);
  const usedStages = await tx.selectDistinct({ key: escalationEvents.stage }).from(escalationEvents);

  const themeCodes = new Set(ownThemes.map((t) => t.code));
  const escalationThemes = [
    ...ownThemes,
    ...usedThemes.rows.filter((t) => !themeCodes.has(t.code)).map(({ code }) => ({ code, label: code })),
  ];
  const stageKeys = new Set(ownStages.map((s) => s.key));
  // Only the keys matter for reading; a stage no longer configured still names recorded events.
  const escalationStages: EscalationStage[] = [
    ...ownStages,
    ...usedStages
      .filter((s) => !stageKeys.has(s.key))
      .map(({ key }) => ({ key, name: key, goesTo: key, responseWorkingDays: 1, formal: true })),
  ];
  const settings: LocalPolicyVersion['settings'] = {};
  if (escalationThemes.length > 0) settings.escalationThemes = escalationThemes;
  if (escalationStages.length > 0) settings.escalationStages = escalationStages;
  return Object.keys(settings).length > 0 ? [{ effective: '1900-01-01', settings }] : [];
}

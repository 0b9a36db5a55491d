import { randomBytes } from 'node:crypto';
import type { Transaction } from '@footprint/db';
import { isKnownEscalationTheme } from '@footprint/domain';
import { invalidInput } from '@footprint/graphql';
import { escalationEvents, escalations } from '../db/tables.ts';
import { findStagesInForce } from './find-stages.ts';
import { findCouncilThemes } from './find-themes.ts';

export type RaiseEscalationInput = {
  /** The council's ESCALATION reference; one is made up when the caller gives none. */
  id: string | null;
  childId: string;
  iroId: string;
  raisedOn: string;
  themes: string[];
  /** The stage it is raised at; the council's first stage when not given. */
  stage: string | null;
  note: string | null;
};

// Short enough to read out on the phone, random enough never to meet an imported reference.
const newReference = () => `ESC-${randomBytes(4).toString('hex').toUpperCase()}`;

/** Raises an escalation about a child: the escalation and its `raised` event, in one transaction. */
export async function raiseEscalation(tx: Transaction, tenantId: string, input: RaiseEscalationInput) {
  const { stages } = await findStagesInForce(tx);
  const stage = input.stage ?? stages[0]!.key;
  if (!stages.some((s) => s.key === stage)) {
    throw invalidInput(
      `No escalation stage ${stage} in this council; its stages are ${stages.map((s) => s.key).join(', ')}`,
      'stage',
    );
  }
  const policy = { escalationThemes: await findCouncilThemes(tx) };
  const unknown = input.themes.filter((theme) => !isKnownEscalationTheme(theme, policy));
  if (unknown.length > 0) {
    throw invalidInput(
      `Unknown escalation theme${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}: use codes/escalation-themes.json or one of the council's own`,
      'themes',
    );
  }
  const id = input.id ?? newReference();
  const [created] = await tx
    .insert(escalations)
    .values({
      tenantId,
      id,
      childId: input.childId,
      iroId: input.iroId,
      raisedOn: input.raisedOn,
      themes: input.themes,
    })
    .onConflictDoNothing()
    .returning();
  if (!created) throw invalidInput(`Escalation ${id} already exists in this council`, 'id');
  await tx.insert(escalationEvents).values({
    tenantId,
    escalationId: id,
    sequence: 1,
    eventDate: input.raisedOn,
    event: 'raised',
    stage,
    note: input.note,
  });
  return { escalation: created, stage };
}

import type { AccessClaims } from '@footprint/auth';
import type { Transaction } from '@footprint/db';
import { type EscalationEventKind, escalationStateAt } from '@footprint/domain';
import { invalidInput } from '@footprint/graphql';
import { and, asc, eq } from 'drizzle-orm';
import { escalationEvents, escalations } from '../db/tables.ts';
import { visibleEscalations } from '../db/visibility.ts';
import { toDomainEvent } from './find-escalation-events.ts';
import { findStagesInForce } from './find-stages.ts';

export type RecordEscalationEventInput = {
  escalationId: string;
  date: string;
  event: EscalationEventKind;
  stage: string | null;
  note: string | null;
};

const closingWords: Record<string, string> = {
  resolved: 'resolved',
  withdrawn: 'withdrawn',
  referred_to_cafcass: 'referred to CAFCASS',
};

/**
 * Adds one event to an escalation's history (§9, §14): the STAGE of an event is the stage the
 * escalation is at after it, so `escalated` names where it went and a closing event stays where
 * it was. The escalation row is locked so two people recording at once cannot share a sequence.
 */
export async function recordEscalationEvent(
  tx: Transaction,
  auth: AccessClaims,
  input: RecordEscalationEventInput,
) {
  const [escalation] = await tx
    .select()
    .from(escalations)
    .where(and(eq(escalations.id, input.escalationId), visibleEscalations(auth)))
    .for('update');
  if (!escalation)
    throw invalidInput(`No escalation ${input.escalationId} that you may record on`, 'escalationId');

  const history = await tx
    .select()
    .from(escalationEvents)
    .where(eq(escalationEvents.escalationId, escalation.id))
    .orderBy(asc(escalationEvents.eventDate), asc(escalationEvents.sequence));
  const { stages } = await findStagesInForce(tx);
  const latest = history[history.length - 1];

  if (input.date < escalation.raisedOn) {
    throw invalidInput(`${input.date} is before the escalation was raised on ${escalation.raisedOn}`, 'date');
  }
  if (latest && input.date < latest.eventDate) {
    throw invalidInput(
      `${input.date} is before the previous event (${latest.event} on ${latest.eventDate})`,
      'date',
    );
  }
  if (latest && closingWords[latest.event]) {
    throw invalidInput(
      `Escalation ${escalation.id} was ${closingWords[latest.event]} on ${latest.eventDate}; nothing can be recorded after that`,
      'event',
    );
  }
  if (!latest && input.event !== 'raised') {
    throw invalidInput(`Escalation ${escalation.id} has no events yet: record it as raised first`, 'event');
  }
  if (latest && input.event === 'raised') {
    throw invalidInput(`Escalation ${escalation.id} was already raised on ${history[0]!.eventDate}`, 'event');
  }

  const stageKeys = stages.map((s) => s.key);
  const current = latest
    ? escalationStateAt(history.map(toDomainEvent), latest.eventDate, stages).currentStage
    : null;
  let stage: string;
  if (input.event === 'raised' || input.event === 'escalated') {
    if (!input.stage) throw invalidInput(`A ${input.event} event needs the stage it is at`, 'stage');
    stage = input.stage;
  } else {
    // A closing event leaves the escalation at the stage it had reached.
    stage = input.stage ?? current!;
    if (stage !== current) {
      throw invalidInput(
        `Escalation ${escalation.id} is at stage ${current}; it can only be ${closingWords[input.event]} there`,
        'stage',
      );
    }
  }
  if (!stageKeys.includes(stage)) {
    throw invalidInput(
      `No escalation stage ${stage} in this council; its stages are ${stageKeys.join(', ')}`,
      'stage',
    );
  }
  // An IRO may skip stages, but escalating always moves up the council's order.
  if (
    input.event === 'escalated' &&
    current !== null &&
    stageKeys.indexOf(stage) <= stageKeys.indexOf(current)
  ) {
    throw invalidInput(
      `Escalated must move to a stage after ${current}; ${stage} ${stage === current ? 'is the current stage' : 'comes before it'}`,
      'stage',
    );
  }

  const [created] = await tx
    .insert(escalationEvents)
    .values({
      tenantId: escalation.tenantId,
      escalationId: escalation.id,
      // Sequences number the events of one day; a new event is never dated before the latest.
      sequence: latest && latest.eventDate === input.date ? latest.sequence + 1 : 1,
      eventDate: input.date,
      event: input.event,
      stage,
      note: input.note,
    })
    .returning();
  return { escalation, event: created! };
}

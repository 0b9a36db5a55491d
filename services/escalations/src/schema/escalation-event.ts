import { ESCALATION_EVENT_KINDS, type EscalationEventKind as Kind } from '@footprint/domain';
import { builder } from '../builder.ts';
import type { EscalationEventRow } from '../data/find-escalation-events.ts';
import { loaders } from '../loaders.ts';
import { EscalationStage } from './escalation-stage.ts';

export const EscalationEventKind = builder.enumType('EscalationEventKind', {
  description: 'EVENT of escalation_events.csv',
  values: ESCALATION_EVENT_KINDS,
});

/** One step in an escalation's history; its stage is the stage the escalation is at after it (§14). */
export const EscalationEvent = builder.objectRef<EscalationEventRow>('EscalationEvent').implement({
  description: 'One step in an escalation’s history',
  fields: (t) => ({
    date: t.expose('eventDate', { type: 'Date' }),
    event: t.field({
      type: EscalationEventKind,
      resolve: (row) => row.event as Kind,
    }),
    stageKey: t.exposeString('stage', { description: 'The stage the escalation is at after this event' }),
    stage: t.field({
      type: EscalationStage,
      nullable: true,
      description: 'The stage the escalation is at after this event, as the council configures it',
      resolve: async (row, _args, ctx) =>
        (await loaders(ctx).stages()).stages.find((s) => s.key === row.stage) ?? null,
    }),
    note: t.exposeString('note', { nullable: true }),
  }),
});

import {
  ESCALATION_EVENT_KINDS,
  type EscalationState,
  escalationStateAt,
  type IsoDate,
  londonDateOf,
} from '@footprint/domain';
import { invalidInput } from '@footprint/graphql';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { toDomainEvent } from '../data/find-escalation-events.ts';
import { type EscalationRow, listEscalations } from '../data/find-escalations.ts';
import { raiseEscalation } from '../data/raise-escalation.ts';
import { recordEscalationEvent } from '../data/record-escalation-event.ts';
import { mayReadEscalations } from '../db/visibility.ts';
import { loaders } from '../loaders.ts';
import { parseInput } from '../validation.ts';
import { Child } from './child.ts';
import { EscalationEvent } from './escalation-event.ts';
import { EscalationStage } from './escalation-stage.ts';
import { EscalationTheme } from './escalation-theme.ts';
import { Iro } from './iro.ts';

/** An escalation as at a date: every derived field (status, stage, deadline) is read at `asOf`. */
type EscalationView = EscalationRow & { asOf: IsoDate };

const today = () => londonDateOf(new Date());
const asAt = (row: EscalationRow, asOf: IsoDate = today()): EscalationView => ({ ...row, asOf });

const statuses = ['open', 'resolved', 'withdrawn', 'referred_to_cafcass'] as const;
type Status = (typeof statuses)[number];

const EscalationStatus = builder.enumType('EscalationStatus', {
  description: 'Open until a resolved, withdrawn or referred_to_cafcass event closes it',
  values: statuses,
});

const statusOf = (state: EscalationState): Status => state.outcome ?? 'open';

/** The escalation's state at `asOf`, from its events and the council's stages (domain §9, §14). */
async function stateAt(view: EscalationView, ctx: Parameters<typeof loaders>[0], asOf: IsoDate = view.asOf) {
  const [events, { stages }] = await Promise.all([loaders(ctx).events.load(view.id), loaders(ctx).stages()]);
  return escalationStateAt(events.map(toDomainEvent), asOf, stages);
}

const stageNamed = async (key: string | null, ctx: Parameters<typeof loaders>[0]) =>
  key === null ? null : ((await loaders(ctx).stages()).stages.find((s) => s.key === key) ?? null);

export const Escalation = builder.objectRef<EscalationView>('Escalation');

Escalation.implement({
  description: 'An IRO’s challenge about a child’s care (dispute resolution / DRP), as at a date',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The council’s ESCALATION reference' }),
    child: t.field({ type: Child, resolve: (e) => ({ id: e.childId }) }),
    raisedBy: t.field({
      type: Iro,
      nullable: true,
      description: 'The IRO who raised it; null when the council’s imported records did not say',
      resolve: (e) => (e.iroId === null ? null : { id: e.iroId }),
    }),
    raisedOn: t.expose('raisedOn', { type: 'Date' }),
    asOf: t.expose('asOf', { type: 'Date', description: 'The date the derived fields are read at' }),
    themes: t.field({
      type: [EscalationTheme],
      resolve: async (e, _args, ctx) => {
        const known = new Map((await loaders(ctx).themes()).map((theme) => [theme.code, theme]));
        // A council may since have removed one of its own themes: show the code rather than lose it.
        return e.themes.map((code) => known.get(code) ?? { code, label: code, councilOwn: true });
      },
    }),
    events: t.field({
      type: [EscalationEvent],
      description: 'Its history up to asOf, by date (a day’s events in the order recorded)',
      resolve: async (e, _args, ctx) =>
        (await loaders(ctx).events.load(e.id)).filter((ev) => ev.eventDate <= e.asOf),
    }),
    status: t.field({
      type: EscalationStatus,
      resolve: async (e, _args, ctx) => statusOf(await stateAt(e, ctx)),
    }),
    currentStage: t.field({
      type: EscalationStage,
      nullable: true,
      description: 'The stage of its latest event',
      resolve: async (e, _args, ctx) => stageNamed((await stateAt(e, ctx)).currentStage, ctx),
    }),
    highestStage: t.field({
      type: EscalationStage,
      nullable: true,
      description: 'The furthest stage it reached, in the council’s stage order',
      resolve: async (e, _args, ctx) => stageNamed((await stateAt(e, ctx)).highestStage, ctx),
    }),
    reachedCurrentStageOn: t.field({
      type: 'Date',
      nullable: true,
      resolve: async (e, _args, ctx) => (await stateAt(e, ctx)).atStageSince,
    }),
    respondBy: t.field({
      type: 'Date',
      nullable: true,
      description: 'While open: the response deadline of the current stage, in working days from reaching it',
      resolve: async (e, _args, ctx) => (await stateAt(e, ctx)).responseDue,
    }),
    closedOn: t.field({
      type: 'Date',
      nullable: true,
      resolve: async (e, _args, ctx) => (await stateAt(e, ctx)).closedOn,
    }),
    overdue: t.boolean({
      description:
        'Open and past the current stage’s response deadline on asOf (the deadline day itself is not overdue)',
      args: {
        asOf: t.arg({ type: 'Date', description: 'Defaults to the escalation’s asOf (today unless asked)' }),
      },
      resolve: async (e, args, ctx) => (await stateAt(e, ctx, args.asOf ?? e.asOf)).overdue,
    }),
  }),
});

builder.asEntity(Escalation, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async ({ id }, ctx) => {
    // Other roles see no escalations, and a platform operator has no council to look in.
    if (!mayReadEscalations(ctx.auth)) return null;
    const row = await loaders(ctx).escalation.load(id);
    return row && asAt(row);
  },
});

builder.objectField(Child, 'escalations', (t) =>
  t.field({
    type: [Escalation],
    description: 'The escalations about this child that the caller may see, newest first',
    resolve: async (child, _args, ctx) => {
      // Other roles see no escalations at all, and may have no council to ask about.
      if (!mayReadEscalations(ctx.auth)) return [];
      return (await loaders(ctx).escalationsOfChild.load(child.id)).map((row) => asAt(row));
    },
  }),
);

builder.queryFields((t) => ({
  escalation: t.field({
    type: Escalation,
    nullable: true,
    description: 'One escalation of the council, when the caller may see it',
    authScopes: { anyRole: ['manager', 'iro'] },
    args: { id: t.arg.id({ required: true }), asOf: t.arg({ type: 'Date' }) },
    resolve: async (_root, args, ctx) => {
      if (!mayReadEscalations(ctx.auth)) return null;
      const row = await loaders(ctx).escalation.load(String(args.id));
      return row && asAt(row, args.asOf ?? undefined);
    },
  }),
  escalations: t.field({
    type: [Escalation],
    description:
      'Escalations raised by asOf (default today), as at asOf: every one of the council for a manager, their own for an IRO',
    authScopes: { anyRole: ['manager', 'iro'] },
    args: { status: t.arg({ type: EscalationStatus }), asOf: t.arg({ type: 'Date' }) },
    resolve: async (_root, args, ctx) => {
      if (!mayReadEscalations(ctx.auth)) return [];
      const asOf = args.asOf ?? today();
      const rows = await ctx.inTenant(async (tx) => {
        const found = await listEscalations(tx, ctx.auth, asOf);
        await ctx.audit(
          tx,
          'read',
          'Escalation',
          found.map((row) => row.id),
        );
        return found;
      });
      const views = rows.map((row) => asAt(row, asOf));
      if (!args.status) return views;
      const states = await Promise.all(views.map((view) => stateAt(view, ctx)));
      return views.filter((_view, i) => statusOf(states[i]!) === args.status);
    },
  }),
}));

const RaiseEscalationInput = builder.inputType('RaiseEscalationInput', {
  fields: (t) => ({
    id: t.id({ description: 'The council’s ESCALATION reference; one is made up when left out' }),
    childId: t.id({ required: true, description: 'The child’s CHILD reference' }),
    iroId: t.id({ description: 'The raising IRO: a manager must name them; an IRO raises as themselves' }),
    raisedOn: t.field({ type: 'Date', required: true }),
    themes: t.stringList({
      required: true,
      description: 'Theme codes: the spec’s list or the council’s own',
    }),
    stage: t.string({
      description: 'The stage key it is raised at; the council’s first stage when left out',
    }),
    note: t.string(),
  }),
});

/** A date that has happened: escalations are recorded as they happen, never ahead. */
const pastDate = (what: string) =>
  z.string().superRefine((date, issues) => {
    if (date > today()) issues.addIssue({ code: 'custom', message: `${what} ${date} is in the future` });
  });

const raiseInput = z.object({
  id: z.string().trim().min(1, 'id must not be blank').max(64, 'id is at most 64 characters').nullable(),
  childId: z.string().trim().min(1, 'childId is required'),
  iroId: z.string().trim().min(1, 'iroId must not be blank').nullable(),
  raisedOn: pastDate('raisedOn'),
  themes: z
    .array(z.string().trim().min(1, 'a theme code must not be blank'))
    .min(1, 'At least one theme is required')
    .refine((themes) => new Set(themes).size === themes.length, 'A theme is given twice'),
  stage: z.string().trim().min(1, 'stage must not be blank').nullable(),
  note: z.string().max(10_000, 'note is at most 10,000 characters').nullable(),
});

const RecordEscalationEventInput = builder.inputType('RecordEscalationEventInput', {
  fields: (t) => ({
    escalationId: t.id({ required: true }),
    date: t.field({ type: 'Date', required: true }),
    event: t.string({
      required: true,
      description: `One of ${ESCALATION_EVENT_KINDS.join(', ')}`,
    }),
    stage: t.string({
      description:
        'The stage the escalation is at after the event: required for raised and escalated; a closing event stays at the current stage',
    }),
    note: t.string(),
  }),
});

const recordInput = z.object({
  escalationId: z.string().trim().min(1, 'escalationId is required'),
  date: pastDate('date'),
  event: z.enum(ESCALATION_EVENT_KINDS as [string, ...string[]], {
    error: (issue) =>
      `event must be one of ${ESCALATION_EVENT_KINDS.join(', ')}; got ${JSON.stringify(issue.input)}`,
  }),
  stage: z.string().trim().min(1, 'stage must not be blank').nullable(),
  note: z.string().max(10_000, 'note is at most 10,000 characters').nullable(),
});

builder.mutationType({});
builder.mutationFields((t) => ({
  raiseEscalation: t.field({
    type: Escalation,
    description:
      'Raises an escalation about a child at a stage (an IRO as themselves; a manager names the IRO)',
    authScopes: { anyRole: ['manager', 'iro'] },
    args: { input: t.arg({ type: RaiseEscalationInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const parsed = parseInput(raiseInput, {
        id: input.id == null ? null : String(input.id),
        childId: String(input.childId),
        iroId: input.iroId == null ? null : String(input.iroId),
        raisedOn: input.raisedOn,
        themes: input.themes,
        stage: input.stage ?? null,
        note: input.note ?? null,
      });
      const iroId = raisingIro(ctx.auth, parsed.iroId);
      return ctx.inTenant(async (tx) => {
        const { escalation, stage } = await raiseEscalation(tx, ctx.auth.tenant!, { ...parsed, iroId });
        await ctx.audit(tx, 'create', 'Escalation', [escalation.id], {
          childId: escalation.childId,
          iroId,
          raisedOn: escalation.raisedOn,
          themes: escalation.themes,
          stage,
        });
        loaders(ctx).events.clear(escalation.id);
        return asAt(escalation);
      });
    },
  }),
  recordEscalationEvent: t.field({
    type: Escalation,
    description:
      'Records the next event of an escalation: escalated to a later stage (stages may be skipped), resolved, withdrawn or referred to CAFCASS',
    authScopes: { anyRole: ['manager', 'iro'] },
    args: { input: t.arg({ type: RecordEscalationEventInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const parsed = parseInput(recordInput, {
        escalationId: String(input.escalationId),
        date: input.date,
        event: input.event,
        stage: input.stage ?? null,
        note: input.note ?? null,
      });
      return ctx.inTenant(async (tx) => {
        const { escalation, event } = await recordEscalationEvent(tx, ctx.auth, {
          ...parsed,
          event: parsed.event as (typeof ESCALATION_EVENT_KINDS)[number],
        });
        await ctx.audit(tx, 'update', 'Escalation', [escalation.id], {
          event: event.event,
          date: event.eventDate,
          stage: event.stage,
          sequence: event.sequence,
        });
        loaders(ctx).events.clear(escalation.id);
        return asAt(escalation);
      });
    },
  }),
}));

/** Who raises: an IRO always as themselves (their token's staff reference); a manager names the IRO. */
function raisingIro(auth: Parameters<typeof mayReadEscalations>[0], named: string | null): string {
  if (auth.roles.includes('manager')) {
    const iroId = named ?? (auth.roles.includes('iro') ? auth.staffRef : null);
    if (!iroId) throw invalidInput('A manager must name the IRO who raises the escalation (iroId)', 'iroId');
    return iroId;
  }
  if (!auth.staffRef) {
    throw new GraphQLError('Your account is not linked to an IRO staff reference', {
      extensions: { code: 'FORBIDDEN' },
    });
  }
  if (named !== null && named !== auth.staffRef) {
    throw invalidInput(
      'An IRO raises escalations as themselves: leave iroId out or give your own reference',
      'iroId',
    );
  }
  return auth.staffRef;
}

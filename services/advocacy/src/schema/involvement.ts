import { randomUUID } from 'node:crypto';
import { codeLabel } from '@footprint/domain';
import { invalidInput } from '@footprint/graphql';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { checkAdvocateCommission } from '../data/check-advocate-commission.ts';
import { type InvolvementRow, listInvolvements } from '../data/find-involvements.ts';
import { recordInvolvementOutcome } from '../data/record-involvement-outcome.ts';
import { referToAdvocacy } from '../data/refer-to-advocacy.ts';
import { loaders } from '../loaders.ts';
import { codeFrom, parseInput, pastDate, reference } from '../validation.ts';
import { Child } from './child.ts';
import { AdvocacyProvider } from './provider.ts';

type CodeValue = { code: string; label: string };

const AdvocacyReferralSource = builder.objectRef<CodeValue>('AdvocacyReferralSource').implement({
  description: 'Who referred the child (codes/advocacy-referral-sources.json)',
  fields: (t) => ({ code: t.exposeString('code'), label: t.exposeString('label') }),
});

const AdvocacyReason = builder.objectRef<CodeValue>('AdvocacyReason').implement({
  description: 'Why the child was referred (codes/advocacy-reasons.json)',
  fields: (t) => ({ code: t.exposeString('code'), label: t.exposeString('label') }),
});

// Imported history may carry a code the list no longer has: show it as it is rather than fail.
const coded = (list: 'advocacy-reasons' | 'advocacy-referral-sources', code: string): CodeValue => ({
  code,
  label: codeLabel(list, code) ?? code,
});

export const AdvocacyInvolvement = builder.objectRef<InvolvementRow>('AdvocacyInvolvement').implement({
  description: 'A child’s involvement with an advocacy provider (statutory-rules §10)',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The council’s INVOLVEMENT reference' }),
    child: t.field({ type: Child, resolve: (involvement) => ({ id: involvement.childId }) }),
    provider: t.field({
      type: AdvocacyProvider,
      nullable: true,
      resolve: (involvement, _args, ctx) => loaders(ctx).provider.load(involvement.providerId),
    }),
    referralDate: t.expose('referralDate', { type: 'Date' }),
    source: t.field({
      type: AdvocacyReferralSource,
      nullable: true,
      description: 'Null when the council’s imported records did not say',
      resolve: (involvement) =>
        involvement.source === null ? null : coded('advocacy-referral-sources', involvement.source),
    }),
    reasons: t.field({
      type: [AdvocacyReason],
      description: 'Empty when the council’s imported records did not say',
      resolve: (involvement) => involvement.reasons.map((code) => coded('advocacy-reasons', code)),
    }),
    startDate: t.expose('startDate', {
      type: 'Date',
      nullable: true,
      description: 'When the advocate started',
    }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true }),
    outcome: t.exposeString('outcome', { nullable: true }),
    open: t.boolean({
      description: 'Still open: no end date recorded',
      resolve: (involvement) => involvement.endDate === null,
    }),
  }),
});

builder.objectField(Child, 'advocacyInvolvements', (t) =>
  t.field({
    type: [AdvocacyInvolvement],
    description: 'The child’s advocacy involvements the caller may see, oldest referral first',
    authScopes: { anyRole: ['manager', 'iro', 'advocate'] },
    resolve: (child, _args, ctx) => loaders(ctx).involvementsOfChild.load(child.id),
  }),
);

builder.queryFields((t) => ({
  advocacyInvolvements: t.field({
    type: [AdvocacyInvolvement],
    description:
      'Advocacy involvements referred between two dates (both included): the council’s for its staff, only their provider’s for an advocate',
    authScopes: { anyRole: ['manager', 'iro', 'advocate'] },
    args: {
      referredFrom: t.arg({ type: 'Date', required: false }),
      referredTo: t.arg({ type: 'Date', required: false }),
    },
    resolve: (_root, { referredFrom, referredTo }, ctx) => {
      if (referredFrom && referredTo && referredTo < referredFrom) {
        throw invalidInput(`referredTo ${referredTo} is before referredFrom ${referredFrom}`, 'referredTo');
      }
      return ctx.inTenant(async (tx) => {
        await checkAdvocateCommission(tx, ctx.auth);
        const rows = await listInvolvements(tx, ctx.auth, { referredFrom, referredTo });
        await ctx.audit(
          tx,
          'read',
          'AdvocacyInvolvement',
          rows.map((row) => row.id),
        );
        return rows;
      });
    },
  }),
}));

const ReferToAdvocacyInput = builder.inputType('ReferToAdvocacyInput', {
  fields: (t) => ({
    id: t.id({
      required: false,
      description: 'The council’s INVOLVEMENT reference; one is made when left out',
    }),
    childId: t.id({ required: true, description: 'The council’s CHILD reference' }),
    providerId: t.id({ required: true }),
    referralDate: t.field({ type: 'Date', required: true }),
    source: t.string({ required: true, description: 'A code of codes/advocacy-referral-sources.json' }),
    reasons: t.stringList({ required: true, description: 'Codes of codes/advocacy-reasons.json' }),
  }),
});

const referToAdvocacyInput = z.object({
  id: reference('id'),
  childId: reference('childId'),
  providerId: reference('providerId'),
  referralDate: pastDate('referralDate'),
  source: codeFrom('advocacy-referral-sources', 'referral source'),
  reasons: z
    .array(codeFrom('advocacy-reasons', 'advocacy reason'))
    .min(1, 'Give at least one reason for the referral')
    .transform((codes) => [...new Set(codes)]),
});

const RecordInvolvementOutcomeInput = builder.inputType('RecordInvolvementOutcomeInput', {
  fields: (t) => ({
    involvementId: t.id({ required: true }),
    startDate: t.field({ type: 'Date', required: false, description: 'When the advocate started work' }),
    endDate: t.field({ type: 'Date', required: false, description: 'When the involvement ended' }),
    outcome: t.string({ required: false }),
  }),
});

const recordInvolvementOutcomeInput = z
  .object({
    involvementId: reference('involvementId'),
    startDate: pastDate('startDate').optional(),
    endDate: pastDate('endDate').optional(),
    outcome: z
      .string()
      .trim()
      .min(1, 'outcome must not be blank')
      .max(2000, 'outcome is longer than 2000 characters')
      .optional(),
  })
  .refine((input) => input.startDate ?? input.endDate ?? input.outcome, {
    message: 'Give a startDate, an endDate or an outcome to record',
    path: ['involvementId'],
  });

// GraphQL sends a left-out optional field as undefined or null; both mean "not given" here.
const given = <T>(value: T | null | undefined) => value ?? undefined;

builder.mutationFields((t) => ({
  referToAdvocacy: t.field({
    type: AdvocacyInvolvement,
    description: 'Refer a child to an advocacy provider the council commissions',
    authScopes: { anyRole: ['manager', 'iro'] },
    args: { input: t.arg({ type: ReferToAdvocacyInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const parsed = parseInput(referToAdvocacyInput, {
        ...input,
        id: input.id == null ? randomUUID() : String(input.id),
        childId: String(input.childId),
        providerId: String(input.providerId),
      });
      return ctx.inTenant(async (tx) => {
        const involvement = await referToAdvocacy(tx, ctx.auth.tenant!, parsed);
        await ctx.audit(tx, 'create', 'AdvocacyInvolvement', [involvement.id], {
          childId: involvement.childId,
          providerId: involvement.providerId,
          referralDate: involvement.referralDate,
        });
        return involvement;
      });
    },
  }),
  recordInvolvementOutcome: t.field({
    type: AdvocacyInvolvement,
    description:
      'Record when the advocate started and ended, and the outcome (what is left out keeps its value)',
    authScopes: { anyRole: ['manager', 'advocate'] },
    args: { input: t.arg({ type: RecordInvolvementOutcomeInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const parsed = parseInput(recordInvolvementOutcomeInput, {
        involvementId: String(input.involvementId),
        startDate: given(input.startDate),
        endDate: given(input.endDate),
        outcome: given(input.outcome),
      });
      return ctx.inTenant(async (tx) => {
        await checkAdvocateCommission(tx, ctx.auth);
        const { before, after } = await recordInvolvementOutcome(tx, ctx.auth, parsed);
        await ctx.audit(tx, 'update', 'AdvocacyInvolvement', [after.id], {
          before: { startDate: before.startDate, endDate: before.endDate, outcome: before.outcome },
          after: { startDate: after.startDate, endDate: after.endDate, outcome: after.outcome },
        });
        return after;
      });
    },
  }),
}));

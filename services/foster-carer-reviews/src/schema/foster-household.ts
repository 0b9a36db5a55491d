import {
  daysBetween,
  fosterPendingDueOn,
  type FosterHouseholdType as HouseholdType,
  isApprovedOn,
  isFosterReviewOverdueOn,
} from '@footprint/domain';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { fosterHouseholdTypes } from '../codes.ts';
import { approveHousehold } from '../data/approve-household.ts';
import { endHousehold } from '../data/end-household.ts';
import { type HouseholdRow, listHouseholds } from '../data/find-households.ts';
import { householdRoles } from '../db/visibility.ts';
import { loaders } from '../loaders.ts';
import { asDomainHousehold, loadSchedule, today } from '../schedule.ts';
import { idText, parseInput } from '../validation.ts';
import { Iro } from './iro.ts';

export const FosterHouseholdType = builder.enumType('FosterHouseholdType', {
  description: 'TYPE of foster_households: council mainstream, or connected person (family and friends)',
  values: fosterHouseholdTypes,
});

export const FosterHousehold = builder.objectRef<HouseholdRow>('FosterHousehold');

FosterHousehold.implement({
  description: 'An approved foster household, identified by the council’s own HOUSEHOLD reference',
  authScopes: { anyRole: householdRoles },
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The council’s HOUSEHOLD reference' }),
    name: t.exposeString('name', {
      nullable: true,
      description: 'A display name, such as “The Smith household”',
    }),
    type: t.field({ type: FosterHouseholdType, resolve: (household) => household.type as HouseholdType }),
    approvedOn: t.expose('approvedOn', { type: 'Date', description: 'APPROVED' }),
    endedOn: t.expose('endedOn', {
      type: 'Date',
      nullable: true,
      description: 'ENDED: the last day of approval',
    }),
    approved: t.boolean({
      description: 'Whether the household is approved on the date (today by default); the ENDED day counts',
      args: { asOf: t.arg({ type: 'Date' }) },
      resolve: (household, { asOf }) => isApprovedOn(asDomainHousehold(household), asOf ?? today()),
    }),
    fcro: t.field({
      type: Iro,
      nullable: true,
      description: 'The household’s FCRO',
      resolve: (household) => (household.fcroId ? { id: household.fcroId } : null),
    }),
    nextReviewDue: t.field({
      type: 'Date',
      nullable: true,
      description:
        'The review due next at the end of the date (today by default): 12 months after approval, then 12 months ' +
        'after the previous review held. Null when the household is not approved then or its approval ends before it.',
      args: { asOf: t.arg({ type: 'Date' }) },
      resolve: async (household, { asOf }, ctx) => {
        const day = asOf ?? today();
        const domainHousehold = asDomainHousehold(household);
        if (!isApprovedOn(domainHousehold, day)) return null;
        const due = fosterPendingDueOn(await loadSchedule(ctx, household), day);
        return isApprovedOn(domainHousehold, due) ? due : null;
      },
    }),
    overdue: t.boolean({
      description:
        'Still approved at the end of the date (today by default) and its review due date has passed',
      args: { asOf: t.arg({ type: 'Date' }) },
      resolve: async (household, { asOf }, ctx) =>
        isFosterReviewOverdueOn(await loadSchedule(ctx, household), asOf ?? today()),
    }),
    daysOverdue: t.int({
      description:
        'Calendar days since the review fell due, when overdue on the date (today by default); else 0',
      args: { asOf: t.arg({ type: 'Date' }) },
      resolve: async (household, { asOf }, ctx) => {
        const day = asOf ?? today();
        const schedule = await loadSchedule(ctx, household);
        return isFosterReviewOverdueOn(schedule, day)
          ? daysBetween(fosterPendingDueOn(schedule, day), day)
          : 0;
      },
    }),
  }),
});

builder.asEntity(FosterHousehold, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => loaders(ctx).household.load(id),
});

builder.queryFields((t) => ({
  fosterHouseholds: t.field({
    type: [FosterHousehold],
    description: 'The council’s foster households; with approvedOn, only those approved on that date',
    authScopes: { anyRole: householdRoles },
    args: { approvedOn: t.arg({ type: 'Date' }) },
    resolve: (_root, { approvedOn }, ctx) =>
      ctx.inTenant(async (tx) => {
        const rows = (await listHouseholds(tx, ctx.auth)).filter(
          (row) => !approvedOn || isApprovedOn(asDomainHousehold(row), approvedOn),
        );
        await ctx.audit(
          tx,
          'read',
          'FosterHousehold',
          rows.map((row) => row.id),
        );
        for (const row of rows) loaders(ctx).household.prime(row.id, row);
        return rows;
      }),
  }),
  fosterHousehold: t.field({
    type: FosterHousehold,
    nullable: true,
    description: 'One foster household of the caller’s council',
    authScopes: { anyRole: householdRoles },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => loaders(ctx).household.load(String(id)),
  }),
}));

const ApproveFosterHouseholdInput = builder.inputType('ApproveFosterHouseholdInput', {
  fields: (t) => ({
    id: t.id({ required: true, description: 'The council’s HOUSEHOLD reference' }),
    name: t.string({ description: 'A display name, such as “The Smith household”' }),
    type: t.field({ type: FosterHouseholdType, required: true }),
    approvedOn: t.field({ type: 'Date', required: true }),
    fcroId: t.id({ description: 'The staff reference of the household’s FCRO' }),
  }),
});

const EndFosterHouseholdInput = builder.inputType('EndFosterHouseholdInput', {
  fields: (t) => ({
    householdId: t.id({ required: true }),
    endedOn: t.field({ type: 'Date', required: true, description: 'The last day of approval' }),
  }),
});

const reference = (what: string) =>
  z.string().trim().min(1, `${what} is required`).max(64, `${what} is too long`);
const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} is longer than ${max} characters`)
    .nullish()
    .transform((value) => value || null);

const approveInput = z.object({
  id: reference('The HOUSEHOLD reference (id)'),
  name: optionalText(200, 'The name'),
  type: z.enum(fosterHouseholdTypes, { error: `type must be one of ${fosterHouseholdTypes.join(', ')}` }),
  approvedOn: z.string(),
  fcroId: reference('fcroId')
    .nullish()
    .transform((value) => value ?? null),
});

const endInput = z.object({ householdId: reference('householdId'), endedOn: z.string() });

builder.mutationType({});
builder.mutationFields((t) => ({
  approveFosterHousehold: t.field({
    type: FosterHousehold,
    description: 'Record a newly approved foster household',
    authScopes: { anyRole: ['manager'] },
    args: { input: t.arg({ type: ApproveFosterHouseholdInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const parsed = parseInput(approveInput, {
        ...input,
        id: idText(input.id),
        fcroId: idText(input.fcroId),
      });
      return ctx.inTenant(async (tx) => {
        const household = await approveHousehold(tx, ctx.auth.tenant!, parsed, today());
        await ctx.audit(tx, 'create', 'FosterHousehold', [household.id], {
          type: household.type,
          approvedOn: household.approvedOn,
          fcroId: household.fcroId,
        });
        loaders(ctx).household.clear(household.id).prime(household.id, household);
        return household;
      });
    },
  }),
  endFosterHousehold: t.field({
    type: FosterHousehold,
    description: 'End a household’s approval on a date (its last day of approval)',
    authScopes: { anyRole: ['manager'] },
    args: { input: t.arg({ type: EndFosterHouseholdInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const parsed = parseInput(endInput, { ...input, householdId: idText(input.householdId) });
      return ctx.inTenant(async (tx) => {
        const household = await endHousehold(tx, parsed, today());
        await ctx.audit(tx, 'update', 'FosterHousehold', [household.id], { endedOn: household.endedOn });
        loaders(ctx).household.clear(household.id).prime(household.id, household);
        return household;
      });
    },
  }),
}));

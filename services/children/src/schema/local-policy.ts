import type { Role } from '@footprint/auth';
import { londonDateOf } from '@footprint/domain';
import { invalidInput } from '@footprint/graphql';
import { builder } from '../builder.ts';
import {
  type AgeBandsInForce,
  ageBandsInForce,
  findLocalPolicy,
  type LocalPolicySetting,
  markInForce,
} from '../data/find-local-policy.ts';
import { localPolicyInputProblem, saveLocalPolicy } from '../data/save-local-policy.ts';

/** Managers configure local policy, and so do council administrators (shared/spec/README.md, roles). */
const policyKeepers: Readonly<{ anyRole: readonly Role[] }> = { anyRole: ['manager', 'council_admin'] };

const LocalPolicySettingRef = builder.objectRef<LocalPolicySetting>('LocalPolicySetting').implement({
  description: 'One setting of the council’s local policy, in force from its effective date',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The setting, as the local_policy file names it: age_bands' }),
    value: t.exposeString('value', { description: 'As the local_policy file writes it: 0,1,5,10,16' }),
    effective: t.expose('effective', { type: 'Date' }),
    inForce: t.exposeBoolean('inForce', {
      description: 'Whether this is the value of its key in force today (in England)',
    }),
  }),
});

const AgeBandsInForceRef = builder.objectRef<AgeBandsInForce>('AgeBandsInForce').implement({
  description: 'The age bands the council’s tables use on a date',
  fields: (t) => ({
    bounds: t.exposeIntList('bounds', { description: 'Ascending lower bounds from 0' }),
    labels: t.exposeStringList('labels', { description: 'under1, 1-4, … 16+' }),
    effective: t.expose('effective', {
      type: 'Date',
      nullable: true,
      description: 'From when the council’s bands apply; null for the DfE’s default bands',
    }),
  }),
});

builder.queryFields((t) => ({
  localPolicy: t.field({
    type: [LocalPolicySettingRef],
    description: 'The council’s stored local policy, imported or set here: by key, newest first',
    authScopes: policyKeepers,
    resolve: (_root, _args, ctx) =>
      ctx.inTenant(async (tx) => markInForce(await findLocalPolicy(tx), londonDateOf(new Date()))),
  }),
  ageBandsInForce: t.field({
    type: AgeBandsInForceRef,
    description: 'The council’s age bands in force on a date (today by default)',
    authScopes: policyKeepers,
    args: { on: t.arg({ type: 'Date', required: false }) },
    resolve: (_root, { on }, ctx) =>
      ctx.inTenant(async (tx) => ageBandsInForce(await findLocalPolicy(tx), on ?? londonDateOf(new Date()))),
  }),
}));

builder.mutationFields((t) => ({
  setLocalPolicy: t.field({
    type: LocalPolicySettingRef,
    nullable: true,
    description:
      'Sets one setting of the council’s local policy from a date, as a row of the local_policy file would',
    authScopes: policyKeepers,
    args: {
      key: t.arg.string({
        required: true,
        description: 'age_bands, or another key of the local_policy file',
      }),
      value: t.arg.string({ required: true }),
      effective: t.arg({ type: 'Date', required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const problem = localPolicyInputProblem(args);
      if (problem) throw invalidInput(problem.message, problem.field);
      return ctx.inTenant(async (tx) => {
        const { action, row, previous } = await saveLocalPolicy(tx, ctx.auth.tenant!, args);
        if (action !== 'none') {
          await ctx.audit(tx, action, 'LocalPolicy', [`${row.key}/${row.effective}`], {
            key: row.key,
            effective: row.effective,
            value: row.value,
            ...(previous === null ? {} : { previous }),
          });
        }
        const today = londonDateOf(new Date());
        const inForce = markInForce(await findLocalPolicy(tx), today).some(
          (setting) => setting.inForce && setting.key === row.key && setting.effective === row.effective,
        );
        return { ...row, inForce };
      });
    },
  }),
}));

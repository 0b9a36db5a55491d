import { londonDateOf } from '@footprint/domain';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { commissionProvider } from '../data/commission-provider.ts';
import { listProviders, type ProviderRow } from '../data/find-providers.ts';
import { loaders } from '../loaders.ts';
import { parseInput } from '../validation.ts';

/** An advocacy provider: an organisation outside the councils that councils commission. */
export const AdvocacyProvider = builder.objectRef<ProviderRow>('AdvocacyProvider').implement({
  description: 'An advocacy provider organisation, commissioned by one or more councils',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The provider’s slug (PROVIDER column of advocacy.csv)' }),
    name: t.exposeString('name'),
    suspended: t.exposeBoolean('suspended', { description: 'Suspended by the platform: no new referrals' }),
    commissioned: t.boolean({
      description: 'Whether the caller’s council commissions this provider today',
      resolve: (provider) =>
        provider.commissionedFrom !== null && provider.commissionedFrom <= londonDateOf(new Date()),
    }),
    commissionedFrom: t.expose('commissionedFrom', {
      type: 'Date',
      nullable: true,
      description: 'The date the caller’s council commissions this provider from',
    }),
  }),
});

builder.asEntity(AdvocacyProvider, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => loaders(ctx).provider.load(id),
});

builder.queryFields((t) => ({
  advocacyProviders: t.field({
    type: [AdvocacyProvider],
    description: 'Every advocacy provider on the platform, or only those the council commissions',
    authScopes: { anyRole: ['manager', 'council_admin'] },
    args: { commissionedOnly: t.arg.boolean({ required: false }) },
    resolve: (_root, args, ctx) =>
      ctx.inTenant((tx) => listProviders(tx, { commissionedOnly: args.commissionedOnly ?? false })),
  }),
}));

const CommissionProviderInput = builder.inputType('CommissionProviderInput', {
  fields: (t) => ({
    providerId: t.id({
      required: true,
      description: 'The provider’s slug: lower-case letters, digits, hyphens',
    }),
    name: t.string({
      required: true,
      description: 'The provider’s name (must match when it is registered already)',
    }),
    fromDate: t.field({ type: 'Date', required: true }),
  }),
});

const commissionProviderInput = z.object({
  providerId: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
      'providerId must be a slug of lower-case letters, digits and hyphens',
    ),
  name: z.string().trim().min(1, 'name is required').max(200, 'name is longer than 200 characters'),
  fromDate: z.string(),
});

builder.mutationType({});
builder.mutationFields((t) => ({
  commissionProvider: t.field({
    type: AdvocacyProvider,
    description: 'Commission an advocacy provider for the council from a date, registering it if it is new',
    authScopes: { anyRole: ['manager', 'council_admin'] },
    args: { input: t.arg({ type: CommissionProviderInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const parsed = parseInput(commissionProviderInput, { ...input, providerId: String(input.providerId) });
      return ctx.inTenant(async (tx) => {
        const { provider, created } = await commissionProvider(tx, ctx.auth.tenant!, parsed);
        await ctx.audit(tx, 'create', 'AdvocacyCommission', [provider.id], {
          fromDate: parsed.fromDate,
          providerRegistered: created,
          name: provider.name,
        });
        return provider;
      });
    },
  }),
}));

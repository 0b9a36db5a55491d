import { builder } from '../builder.ts';
import type { Theme } from '../data/find-themes.ts';
import { loaders } from '../loaders.ts';

export const EscalationTheme = builder.objectRef<Theme>('EscalationTheme').implement({
  description: 'What an escalation is about (codes/escalation-themes.json, or one of the council’s own)',
  fields: (t) => ({
    code: t.exposeString('code'),
    label: t.exposeString('label'),
    councilOwn: t.exposeBoolean('councilOwn', { description: 'Added by the council to the spec’s list' }),
  }),
});

builder.queryFields((t) => ({
  escalationThemes: t.field({
    type: [EscalationTheme],
    description: 'The themes an escalation of this council may carry',
    authScopes: { anyRole: ['manager', 'iro'] },
    resolve: (_root, _args, ctx) => loaders(ctx).themes(),
  }),
}));

import { builder } from '../builder.ts';

/**
 * Staff (FCROs, managers) are `Iro` entities owned by the children subgraph, keyed by the
 * council's staff reference. This subgraph only points at them, so its key is not resolvable here.
 */
export const Iro = builder
  .externalRef('Iro', builder.keyDirective(builder.selection<{ id: string }>('id'), false))
  .implement({
    fields: (t) => ({
      id: t.exposeID('id'),
    }),
  });

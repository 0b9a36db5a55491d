import { builder } from '../builder.ts';

/**
 * An IRO, owned by the children subgraph (the IRO column of iros.csv). This subgraph holds only
 * the reference, so it declares the key as not resolvable here.
 */
export const Iro = builder
  .externalRef('Iro', builder.keyDirective(builder.selection<{ id: string }>('id'), false))
  .implement({
    fields: (t) => ({
      id: t.exposeID('id'),
    }),
  });

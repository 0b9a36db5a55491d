import { builder } from '../builder.ts';

/** A child, owned by the children subgraph and identified by the council's CHILD reference. */
export const Child = builder.externalRef('Child', builder.selection<{ id: string }>('id')).implement({
  fields: (t) => ({
    id: t.exposeID('id'),
  }),
});

import { builder } from '../builder.ts';

/**
 * Children are `Child` entities owned by the children subgraph, keyed by the council's CHILD
 * reference. This subgraph names the type only because RecordBehindFigure, shared by every
 * subgraph, has a `child` field (always null here: foster households are not one child's records),
 * so its key is not resolvable here.
 */
export const Child = builder
  .externalRef('Child', builder.keyDirective(builder.selection<{ id: string }>('id'), false))
  .implement({
    fields: (t) => ({
      id: t.exposeID('id'),
    }),
  });

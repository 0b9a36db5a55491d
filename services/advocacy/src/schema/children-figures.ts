import { builder } from '../builder.ts';

const external = [{ name: 'external', args: {} }];

/**
 * The children subgraph's ChildrenFigures, declared with only the field the advocacy figures
 * require (`children.lookedAfterDuringYear`, the denominator of `childrenPercent`). Fed 2 accepts a
 * value type named only in `@requires` when every field is `@external`, as for Episode.
 */
export const ChildrenFigures = builder
  .objectRef<{ lookedAfterDuringYear: number }>('ChildrenFigures')
  .implement({
    fields: (t) => ({
      lookedAfterDuringYear: t.exposeInt('lookedAfterDuringYear', { directives: external }),
    }),
  });

import { builder } from '../builder.ts';

/** A member of the council's IRO service, owned by the children subgraph; here only its key. */
export const Iro = builder.externalRef('Iro', builder.selection<{ id: string }>('id'));

Iro.implement({
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The council’s staff reference (IRO column of iros.csv)' }),
  }),
});

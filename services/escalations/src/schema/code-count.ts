import { builder } from '../builder.ts';

export type CodeCountShape = { code: string; count: number };

/** One entry of a count keyed by code in the report's JSON; declared alike in every subgraph using it. */
export const CodeCount = builder.objectRef<CodeCountShape>('CodeCount').implement({
  shareable: true,
  fields: (t) => ({
    code: t.exposeString('code'),
    count: t.exposeInt('count'),
  }),
});

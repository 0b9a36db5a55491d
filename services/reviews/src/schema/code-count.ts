import type { CodeCount as CodeCountShape } from '../annual-report.ts';
import { builder } from '../builder.ts';

/** A report table's count under one code; declared alike by every subgraph whose figures use it. */
export const CodeCount = builder.objectRef<CodeCountShape>('CodeCount').implement({
  shareable: true,
  fields: (t) => ({
    code: t.exposeString('code'),
    count: t.exposeInt('count'),
  }),
});

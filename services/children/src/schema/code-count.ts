import { builder } from '../builder.ts';
import type { CodeCount as CodeCountShape } from '../data/compute-annual-report.ts';

/** A report table's count under one code; declared alike by every subgraph whose figures use it. */
export const CodeCount = builder.objectRef<CodeCountShape>('CodeCount').implement({
  shareable: true,
  fields: (t) => ({
    code: t.exposeString('code'),
    count: t.exposeInt('count'),
  }),
});

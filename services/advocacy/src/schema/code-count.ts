import type { CodeCount as CodeCountShape } from '../annual-report.ts';
import { builder } from '../builder.ts';

/** Shared with every subgraph that reports a table keyed by code: the fields must stay identical. */
export const CodeCount = builder.objectRef<CodeCountShape>('CodeCount').implement({
  description: 'A count under one code of a report table',
  shareable: true,
  fields: (t) => ({
    code: t.exposeString('code'),
    count: t.exposeInt('count'),
  }),
});

import { builder } from '../builder.ts';
import type { RecordBehind } from '../records-behind.ts';
import { Child } from './child.ts';

/** One record behind a figure of the annual report; declared alike by every subgraph that traces figures. */
export const RecordBehindFigure = builder.objectRef<RecordBehind>('RecordBehindFigure').implement({
  shareable: true,
  fields: (t) => ({
    child: t.field({ type: Child, nullable: true, resolve: (record) => record.child }),
    date: t.expose('date', { type: 'Date', nullable: true }),
    reference: t.exposeString('reference', { nullable: true }),
    description: t.exposeString('description'),
  }),
});

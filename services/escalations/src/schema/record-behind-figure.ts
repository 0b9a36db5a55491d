import { builder } from '../builder.ts';
import { Child } from './child.ts';

export type RecordBehindFigureShape = {
  child: { id: string } | null;
  date: string | null;
  reference: string | null;
  description: string;
};

/** One record counted in a figure of the annual report; declared alike in every subgraph using it. */
export const RecordBehindFigure = builder.objectRef<RecordBehindFigureShape>('RecordBehindFigure').implement({
  shareable: true,
  fields: (t) => ({
    child: t.field({ type: Child, nullable: true, resolve: (record) => record.child }),
    date: t.expose('date', { type: 'Date', nullable: true }),
    reference: t.exposeString('reference', { nullable: true }),
    description: t.exposeString('description'),
  }),
});

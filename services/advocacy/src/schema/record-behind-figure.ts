import type { RecordBehindFigure as RecordBehindFigureShape } from '../annual-report.ts';
import { builder } from '../builder.ts';
import { Child } from './child.ts';

/** Shared with every subgraph that traces its figures: the fields must stay identical. */
export const RecordBehindFigure = builder.objectRef<RecordBehindFigureShape>('RecordBehindFigure').implement({
  description: 'One record behind a figure of the annual report',
  shareable: true,
  fields: (t) => ({
    child: t.field({
      type: Child,
      nullable: true,
      description: 'The child the record is about; null where it is not about one child',
      resolve: (record) => record.child,
    }),
    date: t.expose('date', { type: 'Date', nullable: true, description: 'The record’s date' }),
    reference: t.exposeString('reference', {
      nullable: true,
      description: 'The record’s own id where it has one',
    }),
    description: t.exposeString('description', { description: 'A short human line' }),
  }),
});

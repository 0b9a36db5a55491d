import { builder } from '../builder.ts';
import { type ImportRunRow, listImportRuns } from '../data/import-runs.ts';

const FileCount = builder.objectRef<{ file: string; rows: number }>('ImportFileCount').implement({
  fields: (t) => ({ file: t.exposeString('file'), rows: t.exposeInt('rows') }),
});

const ImportRun = builder.objectRef<ImportRunRow>('ImportRun').implement({
  description: 'One import of a council’s files: what it wrote, or every reason it wrote nothing',
  fields: (t) => ({
    id: t.exposeID('id'),
    requestedBy: t.exposeString('requestedBy'),
    requestedAt: t.string({ resolve: (run) => run.requestedAt.toISOString() }),
    updatedAt: t.string({ resolve: (run) => run.updatedAt.toISOString() }),
    status: t.exposeString('status', { description: 'validating, writing, completed, invalid or failed' }),
    attempts: t.exposeInt('attempts', {
      description: 'More than 1 when a worker stopped and another finished it',
    }),
    files: t.exposeStringList('files'),
    counts: t.field({
      type: [FileCount],
      resolve: (run) => Object.entries(run.counts ?? {}).map(([file, rows]) => ({ file, rows })),
    }),
    servicesWritten: t.exposeStringList('servicesWritten'),
    problemCount: t.exposeInt('problemCount'),
    problems: t.stringList({ resolve: (run) => run.problems ?? [] }),
    error: t.exposeString('error', { nullable: true }),
  }),
});

builder.queryFields((t) => ({
  importRuns: t.field({
    type: [ImportRun],
    description: 'The council’s import history, newest first',
    authScopes: { anyRole: ['manager'] },
    args: { limit: t.arg.int({ defaultValue: 20 }) },
    resolve: (_root, { limit }, ctx) =>
      ctx.inTenant((tx) => listImportRuns(tx, Math.min(Math.max(limit ?? 20, 1), 200))),
  }),
}));

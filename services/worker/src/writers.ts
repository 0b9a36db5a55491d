import { importPart as advocacy } from '@footprint/advocacy';
import { importPart as children } from '@footprint/children';
import { connect } from '@footprint/db';
import { importPart as escalations } from '@footprint/escalations';
import { importPart as fosterCarerReviews } from '@footprint/foster-carer-reviews';
import { importPart as reviews } from '@footprint/reviews';
import type { ImportWriter } from './imports.ts';

/** Children first: the other services' files refer to its children and IROs. */
const parts = [children, reviews, escalations, advocacy, fosterCarerReviews];

/** Each service's import part with a connection of that service's own role. */
export function connectImportWriters(urlFor: (service: string) => string) {
  const connections = parts.map((part) =>
    connect(urlFor(part.service), { applicationName: `worker:${part.service}`, max: 2 }),
  );
  const writers: ImportWriter[] = parts.map((part, i) => ({ part, db: connections[i]!.db }));
  return {
    writers,
    /** The import history lives with the children service's records. */
    history: connections[0]!.db,
    close: () => Promise.all(connections.map((connection) => connection.close())),
  };
}

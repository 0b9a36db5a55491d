import { type Connection, connect } from '@footprint/db';
import { getSettings } from './env.ts';

let connection: Connection | undefined;

/** The one pool on the identity database, opened on first use and closed when the server stops. */
export function identityDb() {
  connection ??= connect(getSettings().IDENTITY_DATABASE_URL, {
    max: 5,
    applicationName: 'footprint-portal',
  });
  return connection.db;
}

export async function closeIdentityDb() {
  const open = connection;
  connection = undefined;
  await open?.close();
}

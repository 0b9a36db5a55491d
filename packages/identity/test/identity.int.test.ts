import { connect } from '@footprint/db';
import { createTestDatabase, type TestDatabase } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessClaimsFor,
  createTenant,
  identityMigrations,
  resolveSession,
  signIn,
  signOut,
  TenantError,
  upsertUser,
} from '../src/index.ts';

let database: TestDatabase;
let connection: ReturnType<typeof connect>;
const password = 'a long enough password';

beforeAll(async () => {
  database = await createTestDatabase([identityMigrations]);
  connection = connect(database.urlFor('identity'));
  await createTenant(connection.db, { slug: 'north', name: 'North Council' });
  await createTenant(connection.db, { slug: 'south', name: 'South Council' });
  await upsertUser(connection.db, {
    email: 'Iro@North.example',
    name: 'Nadia',
    password,
    memberships: [{ tenantSlug: 'north', roles: ['iro'], staffRef: 'I1' }],
  });
  await upsertUser(connection.db, {
    email: 'advocate@voice.example',
    name: 'Ola',
    password,
    memberships: [
      { tenantSlug: 'north', roles: ['advocate'], providerId: 'voice' },
      { tenantSlug: 'south', roles: ['advocate'], providerId: 'voice' },
    ],
  });
});

afterAll(async () => {
  await connection?.close();
  await database?.drop();
});

describe('councils', () => {
  it('creates a council once and accepts the same name again', async () => {
    expect((await createTenant(connection.db, { slug: 'east', name: 'East' })).created).toBe(true);
    expect((await createTenant(connection.db, { slug: 'east', name: 'East' })).created).toBe(false);
  });

  it('refuses the same slug with another name, and a bad slug', async () => {
    await expect(createTenant(connection.db, { slug: 'east', name: 'West' })).rejects.toBeInstanceOf(
      TenantError,
    );
    await expect(createTenant(connection.db, { slug: 'East Shire', name: 'x' })).rejects.toThrow(/slug/);
  });
});

describe('signing in', () => {
  it('signs an IRO in to their council and carries their claims', async () => {
    const result = await signIn(connection.db, { email: 'iro@north.example', password, tenantSlug: 'north' });
    expect(result?.session.tenant).toEqual({ slug: 'north', name: 'North Council' });
    expect(accessClaimsFor(result!.session)).toMatchObject({
      tenant: 'north',
      roles: ['iro'],
      staffRef: 'I1',
    });
  });

  it('refuses the wrong password, another council and the platform', async () => {
    expect(
      await signIn(connection.db, { email: 'iro@north.example', password: 'nope', tenantSlug: 'north' }),
    ).toBeNull();
    expect(
      await signIn(connection.db, { email: 'iro@north.example', password, tenantSlug: 'south' }),
    ).toBeNull();
    expect(
      await signIn(connection.db, { email: 'iro@north.example', password, tenantSlug: null }),
    ).toBeNull();
    expect(
      await signIn(connection.db, { email: 'nobody@x.example', password, tenantSlug: 'north' }),
    ).toBeNull();
  });

  it('gives an advocate one session per council, each with their provider', async () => {
    const south = await signIn(connection.db, {
      email: 'advocate@voice.example',
      password,
      tenantSlug: 'south',
    });
    expect(accessClaimsFor(south!.session)).toMatchObject({
      tenant: 'south',
      roles: ['advocate'],
      provider: 'voice',
    });
  });

  it('ends a session on sign-out and on expiry', async () => {
    const result = await signIn(connection.db, { email: 'iro@north.example', password, tenantSlug: 'north' });
    await signOut(connection.db, result!.token);
    expect(await resolveSession(connection.db, result!.token)).toBeNull();
    const again = await signIn(connection.db, { email: 'iro@north.example', password, tenantSlug: 'north' });
    await database.superuser.query(`update identity.sessions set expires_at = now() - interval '1 second'`);
    expect(await resolveSession(connection.db, again!.token)).toBeNull();
  });

  it('stores no session token in the clear', async () => {
    const result = await signIn(connection.db, { email: 'iro@north.example', password, tenantSlug: 'north' });
    const { rows } = await database.superuser.query('select token_hash from identity.sessions');
    expect(rows.map((row) => row.token_hash)).not.toContain(result!.token);
  });
});

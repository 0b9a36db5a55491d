import {
  type AccessClaims,
  generateKeyPem,
  importSigningKey,
  importVerifyingKey,
  type Role,
  signAccessToken,
} from '@footprint/auth';

type Person = Partial<AccessClaims> & { tenant: string | null; roles: Role[] };

/**
 * A plausible person with one role: in council `north` (a platform operator in none), an IRO or
 * FCRO with a staff reference, an advocate with a provider, and a subject naming council and role
 * (`north-manager`, as audit rows show it). What `person` gives overrides any of it.
 */
export function personInRole(role: Role, person: Partial<Omit<AccessClaims, 'roles'>> = {}): Person {
  const given = Object.fromEntries(Object.entries(person).filter(([, value]) => value !== undefined));
  const tenant =
    person.tenant === undefined ? (role === 'platform_operator' ? null : 'north') : person.tenant;
  return {
    staffRef: role === 'iro' ? 'I1' : role === 'fcro' ? 'F1' : null,
    provider: role === 'advocate' ? 'voice' : null,
    sub: `${tenant ?? 'no-council'}-${role}`,
    ...given,
    tenant,
    roles: [role],
  };
}

/** A key pair for one test run, and tokens for any person in any council. */
export async function createTestKeys() {
  const pem = await generateKeyPem();
  const signingKey = await importSigningKey(pem.privateKeyPem);
  const verifyingKey = await importVerifyingKey(pem.publicKeyPem);
  const tokenFor = (person: Person, ttlSeconds = 300) =>
    signAccessToken(
      signingKey,
      {
        sub: `test-${person.roles.join('-')}`,
        name: 'Test Person',
        provider: null,
        staffRef: null,
        ...person,
      },
      ttlSeconds,
    );
  /** A token for `personInRole(role, person)`: `tokenForRole('manager', { tenant: 'south' })`. */
  const tokenForRole = (role: Role, person: Partial<Omit<AccessClaims, 'roles'>> = {}, ttlSeconds = 300) =>
    tokenFor(personInRole(role, person), ttlSeconds);
  return { ...pem, signingKey, verifyingKey, tokenFor, tokenForRole };
}

export type TestKeys = Awaited<ReturnType<typeof createTestKeys>>;

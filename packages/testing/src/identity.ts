import {
  type AccessClaims,
  generateKeyPem,
  importSigningKey,
  importVerifyingKey,
  type Role,
  signAccessToken,
} from '@footprint/auth';

/** A key pair for one test run, and tokens for any person in any council. */
export async function createTestKeys() {
  const pem = await generateKeyPem();
  const signingKey = await importSigningKey(pem.privateKeyPem);
  const verifyingKey = await importVerifyingKey(pem.publicKeyPem);
  const tokenFor = (
    person: Partial<AccessClaims> & { tenant: string | null; roles: Role[] },
    ttlSeconds = 300,
  ) =>
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
  return { ...pem, signingKey, verifyingKey, tokenFor };
}

export type TestKeys = Awaited<ReturnType<typeof createTestKeys>>;

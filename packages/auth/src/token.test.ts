import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.ts';
import {
  type AccessClaims,
  generateKeyPem,
  importSigningKey,
  importVerifyingKey,
  signAccessToken,
  TokenError,
  verifyAccessToken,
} from './token.ts';

const claims: AccessClaims = {
  sub: 'user-1',
  name: 'Asha Iro',
  tenant: 'exampleshire',
  roles: ['iro'],
  provider: null,
  staffRef: 'IRO01',
};

async function keys() {
  const pem = await generateKeyPem();
  return {
    sign: await importSigningKey(pem.privateKeyPem),
    verify: await importVerifyingKey(pem.publicKeyPem),
  };
}

describe('access tokens', () => {
  it('round-trips the claims', async () => {
    const k = await keys();
    const token = await signAccessToken(k.sign, claims);
    await expect(verifyAccessToken(k.verify, token)).resolves.toEqual(claims);
  });

  it('refuses a token signed by another key', async () => {
    const [a, b] = [await keys(), await keys()];
    const token = await signAccessToken(a.sign, claims);
    await expect(verifyAccessToken(b.verify, token)).rejects.toBeInstanceOf(TokenError);
  });

  it('refuses an expired token', async () => {
    const k = await keys();
    const token = await signAccessToken(k.sign, claims, -10);
    await expect(verifyAccessToken(k.verify, token)).rejects.toThrow(/exp/);
  });

  it('refuses a token whose payload was altered', async () => {
    const k = await keys();
    const [header, payload, signature] = (await signAccessToken(k.sign, claims)).split('.');
    const forged = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    forged.tenant = 'other-council';
    const token = [header, Buffer.from(JSON.stringify(forged)).toString('base64url'), signature].join('.');
    await expect(verifyAccessToken(k.verify, token)).rejects.toBeInstanceOf(TokenError);
  });
});

describe('passwords', () => {
  it('hashes with argon2id and verifies', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(stored, 'wrong')).toBe(false);
  });
});

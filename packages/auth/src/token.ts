import { exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, importSPKI, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { roles } from './roles.ts';

const ALG = 'EdDSA';
const ISSUER = 'footprint-portal';
const AUDIENCE = 'footprint-api';

export const accessClaimsSchema = z.object({
  sub: z.string().min(1),
  name: z.string(),
  tenant: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .nullable(),
  roles: z.array(z.enum(roles)),
  /** The advocacy provider organisation an advocate works for. */
  provider: z.string().nullable(),
  /** The IRO's staff reference in their council's records, when the person is an IRO. */
  staffRef: z.string().nullable(),
});

export type AccessClaims = z.infer<typeof accessClaimsSchema>;

export class TokenError extends Error {}

export type SigningKey = Awaited<ReturnType<typeof importPKCS8>>;
export type VerifyingKey = Awaited<ReturnType<typeof importSPKI>>;

export const importSigningKey = (pem: string) => importPKCS8(pem, ALG);
export const importVerifyingKey = (pem: string) => importSPKI(pem, ALG);

export async function generateKeyPem() {
  const { privateKey, publicKey } = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
  return { privateKeyPem: await exportPKCS8(privateKey), publicKeyPem: await exportSPKI(publicKey) };
}

/** Short-lived: the portal mints one per call to the gateway, so a leaked token dies quickly. */
export async function signAccessToken(key: SigningKey, claims: AccessClaims, ttlSeconds = 300) {
  const { sub, ...rest } = accessClaimsSchema.parse(claims);
  return new SignJWT(rest)
    .setProtectedHeader({ alg: ALG })
    .setSubject(sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
}

export async function verifyAccessToken(key: VerifyingKey, token: string): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(token, key, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: [ALG],
    });
    return accessClaimsSchema.parse(payload);
  } catch (error) {
    throw new TokenError(error instanceof Error ? error.message : 'invalid token');
  }
}

export function bearerToken(header: string | undefined | null) {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

export { type AskGateway, GatewayError, gatewayAs } from './gateway-client.ts';
export { hashPassword, verifyPassword } from './password.ts';
export { childRecordRoles, type Role, roleLabels, roles } from './roles.ts';
export {
  type AccessClaims,
  accessClaimsSchema,
  bearerToken,
  generateKeyPem,
  importSigningKey,
  importVerifyingKey,
  type SigningKey,
  signAccessToken,
  TokenError,
  type VerifyingKey,
  verifyAccessToken,
} from './token.ts';

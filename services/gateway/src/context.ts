import type { AccessClaims } from '@footprint/auth';

export type GatewayContext = { token: string; auth: AccessClaims; requestId: string };

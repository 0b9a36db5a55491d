import { z } from 'zod';
import { env } from '$env/dynamic/private';

const pem = (label: string) =>
  z
    .string()
    // A PEM in a one-line env file arrives with its newlines escaped.
    .transform((value) => value.replaceAll('\\n', '\n').trim())
    .refine((value) => value.startsWith(`-----BEGIN ${label}-----`), `must be a PEM ${label}`);

const settingsSchema = z.object({
  /** The identity role's PostgreSQL URL: sign-in, sessions and councils, no child data. */
  IDENTITY_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }),
  /** Signs the short-lived access tokens the gateway and every subgraph verify. */
  AUTH_PRIVATE_KEY: pem('PRIVATE KEY'),
  GATEWAY_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  /** adapter-node's: the public address; cookies are Secure when it is https. */
  ORIGIN: z.url({ protocol: /^https?$/ }).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** The queues' Redis: imports are jobs the worker runs. */
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }),
  /** Where uploaded files are staged for the worker: storage the portal and the worker share. */
  FOOTPRINT_IMPORTS_DIR: z
    .string()
    .min(1)
    .refine((value) => value.startsWith('/'), 'must be an absolute path'),
  /** The queues' key prefix in Redis; the same for the portal, the worker and the command. */
  FOOTPRINT_QUEUE_PREFIX: z.string().min(1).optional(),
});

export type Settings = z.infer<typeof settingsSchema>;

let settings: Settings | undefined;

/** The portal's settings, validated once; a bad setting stops the server with every problem named. */
export function getSettings(): Settings {
  if (settings) return settings;
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      // Names and reasons only: a setting's value may be a secret.
      .map(
        (issue) => `  ${issue.path.join('.')}: ${issue.input === undefined ? 'is not set' : issue.message}`,
      )
      .join('\n');
    throw new Error(`The portal's settings are not valid:\n${problems}`);
  }
  settings = parsed.data;
  return settings;
}

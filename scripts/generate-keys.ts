import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPem } from '@footprint/auth';

// Local development keys: the portal signs access tokens, every service verifies them.
const dir = process.argv[2];
if (!dir) throw new Error('usage: generate-keys <dir>');
const { privateKeyPem, publicKeyPem } = await generateKeyPem();
writeFileSync(join(dir, 'auth-private.pem'), privateKeyPem, { mode: 0o600 });
writeFileSync(join(dir, 'auth-public.pem'), publicKeyPem);

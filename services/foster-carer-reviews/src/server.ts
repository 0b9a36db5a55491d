import { runServiceFromEnv } from '@footprint/graphql';
import { service } from './index.ts';

await runServiceFromEnv(service);

import { randomBytes } from 'node:crypto';
import { connectRedis, IMPORTS_QUEUE, type ImportJobData } from '@footprint/jobs';
import { connectImportWriters, processImport } from '@footprint/worker';
import { Worker } from 'bullmq';
import type { System } from './system.ts';

export const redisUrl = () => {
  if (!process.env.REDIS_URL) throw new Error('REDIS_URL is not set: run the tests through ./scripts/test');
  return process.env.REDIS_URL;
};

/**
 * The worker's import processing, in this process, over the suite's database. It listens on a
 * queue prefix of its own, which the suite hands to the command or portal it drives.
 */
export function startImportWorker(system: System) {
  const prefix = `test-${randomBytes(4).toString('hex')}`;
  const connection = connectRedis(redisUrl());
  const { writers, history, close } = connectImportWriters(system.database.urlFor);
  const worker = new Worker<ImportJobData>(IMPORTS_QUEUE, (job) => processImport(job, writers, history), {
    connection,
    prefix,
  });
  return {
    prefix,
    stop: async () => {
      await worker.close();
      await close();
      const keys = await connection.keys(`${prefix}:*`);
      if (keys.length) await connection.del(...keys);
      connection.disconnect();
    },
  };
}

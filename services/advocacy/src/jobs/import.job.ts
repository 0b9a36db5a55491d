import { type FileName, readRecords } from '@footprint/exchange';
import type { ImportPart } from '@footprint/jobs';
import { commissionImportedProviders } from '../data/commission-imported-providers.ts';
import { upsertIndependentVisitors } from '../data/upsert-independent-visitors.ts';
import { upsertInvolvements } from '../data/upsert-involvements.ts';

const BATCH = 1000;

/**
 * The advocacy service's share of an import: advocacy.csv and independent_visitors.csv. Every write
 * is an upsert on the council's own references, so the same files twice change nothing and a later
 * year's files update the overlap; nothing is deleted.
 */
export const importPart: ImportPart = {
  service: 'advocacy',
  files: ['advocacy', 'independent_visitors'],
  write: async (tx, { tenant, set, onRows }) => {
    const counts: Partial<Record<FileName, number>> = {};
    if (set.files.advocacy) {
      // A first pass for the providers (a handful): each involvement's provider must be
      // commissioned before it is written (the foreign key to commissions).
      const earliest = new Map<string, string>();
      for await (const batch of readRecords(set, 'advocacy', { batchSize: BATCH })) {
        for (const r of batch) {
          const known = earliest.get(r.provider);
          if (known === undefined || r.referralDate < known) earliest.set(r.provider, r.referralDate);
        }
      }
      await commissionImportedProviders(tx, tenant, earliest);
      let rows = 0;
      for await (const batch of readRecords(set, 'advocacy', { batchSize: BATCH })) {
        await upsertInvolvements(tx, tenant, batch);
        rows += batch.length;
        onRows(batch.length);
      }
      counts.advocacy = rows;
    }
    if (set.files.independent_visitors) {
      let rows = 0;
      for await (const batch of readRecords(set, 'independent_visitors', { batchSize: BATCH })) {
        await upsertIndependentVisitors(tx, tenant, batch);
        rows += batch.length;
        onRows(batch.length);
      }
      counts.independent_visitors = rows;
    }
    return counts;
  },
};

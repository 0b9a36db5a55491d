import { complianceSnapshots as advocacy } from '@footprint/advocacy';
import { gatewayAs, type SigningKey } from '@footprint/auth';
import { complianceSnapshots as children } from '@footprint/children';
import { fetchCompliance } from '@footprint/compliance';
import {
  type ComplianceSnapshotsTable,
  type Database,
  recordComplianceSnapshot,
  withTenant,
} from '@footprint/db';
import type { ComplianceService } from '@footprint/domain';
import { complianceSnapshots as escalations } from '@footprint/escalations';
import { complianceSnapshots as fosterCarerReviews } from '@footprint/foster-carer-reviews';
import { COMPLIANCE_SNAPSHOT, type CouncilJob } from '@footprint/jobs';
import { complianceSnapshots as reviews } from '@footprint/reviews';

/** Each service's snapshot table: the nightly run stores each service's checks beside its records. */
const TABLES: Record<ComplianceService, ComplianceSnapshotsTable> = {
  children,
  reviews,
  escalations,
  advocacy,
  'foster-carer-reviews': fosterCarerReviews,
};

export type ComplianceSnapshotOptions = {
  gatewayUrl: string;
  signingKey: SigningKey;
  /** A connection of each service's own role. */
  dbOf: (service: ComplianceService) => Database;
};

/**
 * Nightly, per council: the services compute every check on the night's date through the gateway
 * (as the council's manager, named `footprint-nightly` in every audit trail), and each service's
 * checks are stored in its own table, replacing that night's. A run stopped part-way (a killed
 * worker) is run again whole by the next attempt, and leaves the same rows.
 */
export const complianceSnapshotJob = (options: ComplianceSnapshotOptions): CouncilJob => ({
  name: COMPLIANCE_SNAPSHOT,
  process: async (job) => {
    const { tenant, date } = job.data;
    const ask = gatewayAs(options.gatewayUrl, options.signingKey, {
      sub: 'footprint-nightly',
      name: 'Footprint nightly compliance',
      tenant,
      roles: ['manager'],
      provider: null,
      staffRef: null,
    });
    await job.updateProgress(5);
    const state = await fetchCompliance(ask, date);
    await job.updateProgress(50);
    const services = Object.keys(TABLES) as ComplianceService[];
    const counts: Record<string, number> = {};
    for (const [i, service] of services.entries()) {
      const checks = state.byService[service];
      await withTenant(options.dbOf(service), tenant, (tx) =>
        recordComplianceSnapshot(tx, TABLES[service], { tenantId: tenant, date, checks }),
      );
      for (const { check, items } of checks) counts[check] = items.length;
      await job.updateProgress(50 + Math.round((50 * (i + 1)) / services.length));
    }
    return { date, counts };
  },
});

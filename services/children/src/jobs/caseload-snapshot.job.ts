import { type Database, withTenant } from '@footprint/db';
import { defaultLocalPolicy } from '@footprint/domain';
import type { CouncilJob } from '@footprint/jobs';
import { recordCaseloadSnapshot } from '../data/record-caseload-snapshot.ts';

export const CASELOAD_SNAPSHOT = 'children.caseload-snapshot';

/** Nightly, per council: each IRO's caseload, stored as that night's snapshot. */
export const caseloadSnapshotJob = (db: Database): CouncilJob => ({
  name: CASELOAD_SNAPSHOT,
  process: async (job) => {
    const { tenant, date } = job.data;
    await job.updateProgress(10);
    const rows = await withTenant(db, tenant, (tx) =>
      recordCaseloadSnapshot(tx, tenant, date, defaultLocalPolicy),
    );
    await job.updateProgress(100);
    return {
      iros: rows.length,
      children: rows.reduce((sum, row) => sum + row.children, 0),
      overCapacity: rows.filter((row) => row.overCapacity).length,
    };
  },
});

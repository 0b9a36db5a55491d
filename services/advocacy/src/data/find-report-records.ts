import type { AccessClaims } from '@footprint/auth';
import type { Transaction } from '@footprint/db';
import { asc } from 'drizzle-orm';
import { independentVisitors, involvements } from '../db/tables.ts';
import { visibleInvolvements } from '../db/visibility.ts';
import type { IndependentVisitorRow } from './find-independent-visitors.ts';
import type { InvolvementRow } from './find-involvements.ts';

export type ReportRecords = { involvements: InvolvementRow[]; visitors: IndependentVisitorRow[] };

/**
 * Every involvement and Independent Visitor allocation of the council, once per request: the
 * annual report's figures and the records behind them are computed from these in memory, for any
 * year the request asks about.
 */
export async function findReportRecords(tx: Transaction, auth: AccessClaims): Promise<ReportRecords> {
  const involvementRows = await tx
    .select()
    .from(involvements)
    .where(visibleInvolvements(auth))
    .orderBy(asc(involvements.referralDate), asc(involvements.id));
  const visitorRows = await tx
    .select()
    .from(independentVisitors)
    .orderBy(asc(independentVisitors.childId), asc(independentVisitors.startDate));
  return { involvements: involvementRows, visitors: visitorRows };
}

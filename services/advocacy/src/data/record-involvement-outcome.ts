import type { AccessClaims } from '@footprint/auth';
import type { Transaction } from '@footprint/db';
import { invalidInput } from '@footprint/graphql';
import { eq, sql } from 'drizzle-orm';
import { involvements } from '../db/tables.ts';
import { findInvolvement, type InvolvementRow } from './find-involvements.ts';

export type RecordInvolvementOutcomeInput = {
  involvementId: string;
  startDate?: string | undefined;
  endDate?: string | undefined;
  outcome?: string | undefined;
};

/**
 * Records when an advocate started and ended work with a child and what came of it. What is not
 * given keeps its value; the dates must read in order: referral, start, end.
 */
export async function recordInvolvementOutcome(
  tx: Transaction,
  auth: AccessClaims,
  input: RecordInvolvementOutcomeInput,
): Promise<{ before: InvolvementRow; after: InvolvementRow }> {
  const before = await findInvolvement(tx, auth, input.involvementId);
  if (!before)
    throw invalidInput(`No involvement ${input.involvementId} that you may update`, 'involvementId');
  const startDate = input.startDate ?? before.startDate;
  const endDate = input.endDate ?? before.endDate;
  if (startDate !== null && startDate < before.referralDate) {
    throw invalidInput(
      `startDate ${startDate} is before the referral date ${before.referralDate}`,
      input.startDate ? 'startDate' : 'endDate',
    );
  }
  if (endDate !== null && startDate === null) {
    throw invalidInput('An involvement cannot end before it has started: give its startDate', 'startDate');
  }
  if (endDate !== null && startDate !== null && endDate < startDate) {
    throw invalidInput(`endDate ${endDate} is before startDate ${startDate}`, 'endDate');
  }
  const [after] = await tx
    .update(involvements)
    .set({ startDate, endDate, outcome: input.outcome ?? before.outcome, updatedAt: sql`now()` })
    .where(eq(involvements.id, before.id))
    .returning();
  return { before, after: after! };
}

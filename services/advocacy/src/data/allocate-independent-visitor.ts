import type { Transaction } from '@footprint/db';
import { invalidInput } from '@footprint/graphql';
import { and, asc, eq } from 'drizzle-orm';
import { independentVisitors } from '../db/tables.ts';
import type { IndependentVisitorRow } from './find-independent-visitors.ts';

export type AllocateIndependentVisitorInput = {
  childId: string;
  startDate: string;
  endDate?: string | undefined;
};

/**
 * Records a child's Independent Visitor allocation. A child has one at a time: a new open-ended
 * allocation after the current one ends the current one on the new start date. An allocation open "at the end
 * of" a day is one whose END is after it (statutory-rules §14), so that hand-over leaves no gap and
 * no day with two. Any other overlap with an earlier allocation is refused.
 */
export async function allocateIndependentVisitor(
  tx: Transaction,
  tenantId: string,
  input: AllocateIndependentVisitorInput,
): Promise<{ allocation: IndependentVisitorRow; ended: IndependentVisitorRow | null }> {
  const existing = await tx
    .select()
    .from(independentVisitors)
    .where(eq(independentVisitors.childId, input.childId))
    .orderBy(asc(independentVisitors.startDate));
  // Only a new current allocation takes over from the current one; a past one must fit around it.
  const current =
    input.endDate === undefined
      ? (existing.find((row) => row.endDate === null && row.startDate < input.startDate) ?? null)
      : null;
  for (const row of existing) {
    if (row === current) continue;
    const overlaps =
      row.startDate === input.startDate ||
      ((row.endDate === null || input.startDate < row.endDate) &&
        (input.endDate === undefined || row.startDate < input.endDate));
    if (overlaps) {
      throw invalidInput(
        `Child ${input.childId} already has an Independent Visitor from ${row.startDate}${row.endDate ? ` to ${row.endDate}` : ''}`,
        'startDate',
      );
    }
  }
  if (current) {
    await tx
      .update(independentVisitors)
      .set({ endDate: input.startDate })
      .where(
        and(
          eq(independentVisitors.childId, current.childId),
          eq(independentVisitors.startDate, current.startDate),
        ),
      );
  }
  const [allocation] = await tx
    .insert(independentVisitors)
    .values({ tenantId, childId: input.childId, startDate: input.startDate, endDate: input.endDate ?? null })
    .returning();
  return { allocation: allocation!, ended: current };
}

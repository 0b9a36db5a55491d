import type { Transaction } from '@footprint/db';
import { addDays, isWithin } from '@footprint/domain';
import { invalidInput } from '@footprint/graphql';
import { and, eq, isNull } from 'drizzle-orm';
import { allocations, children, staff } from '../db/tables.ts';

export type AllocateIroInput = { childId: string; iroId: string; startDate: string };

/**
 * Allocates a child to an IRO from a date, closing the previous allocation the day before,
 * so that a child has one IRO at a time.
 */
export async function allocateIro(tx: Transaction, input: AllocateIroInput) {
  const [child] = await tx.select().from(children).where(eq(children.id, input.childId));
  if (!child) throw invalidInput(`No child ${input.childId} in this council`, 'childId');
  const [iro] = await tx.select().from(staff).where(eq(staff.id, input.iroId));
  if (!iro) throw invalidInput(`No IRO ${input.iroId} in this council`, 'iroId');
  if (iro.role !== 'iro') throw invalidInput(`${iro.name} is not an IRO (role ${iro.role})`, 'iroId');
  if (!isWithin(input.startDate, iro.startDate, iro.endDate)) {
    throw invalidInput(`${iro.name} is not in post on ${input.startDate}`, 'startDate');
  }
  const [current] = await tx
    .select()
    .from(allocations)
    .where(and(eq(allocations.childId, input.childId), isNull(allocations.endDate)));
  if (current) {
    if (current.iroId === input.iroId) throw invalidInput(`${iro.name} is already this child's IRO`, 'iroId');
    if (current.startDate >= input.startDate) {
      throw invalidInput(`The new allocation must start after ${current.startDate}`, 'startDate');
    }
    await tx
      .update(allocations)
      .set({ endDate: addDays(input.startDate, -1) })
      .where(and(eq(allocations.childId, current.childId), eq(allocations.startDate, current.startDate)));
  }
  const [created] = await tx
    .insert(allocations)
    .values({
      tenantId: child.tenantId,
      childId: input.childId,
      iroId: input.iroId,
      startDate: input.startDate,
    })
    .returning();
  return { allocation: created!, previous: current ?? null };
}

import type { Transaction } from '@footprint/db';
import { asc, inArray } from 'drizzle-orm';
import { staff } from '../db/tables.ts';

export type StaffRow = typeof staff.$inferSelect;

export function findStaffByIds(tx: Transaction, ids: readonly string[]) {
  return tx
    .select()
    .from(staff)
    .where(inArray(staff.id, [...ids]));
}

export function listStaff(tx: Transaction) {
  return tx.select().from(staff).orderBy(asc(staff.name));
}

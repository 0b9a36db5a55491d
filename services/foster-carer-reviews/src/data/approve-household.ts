import type { Transaction } from '@footprint/db';
import type { FosterHouseholdType, IsoDate } from '@footprint/domain';
import { invalidInput } from '@footprint/graphql';
import { eq } from 'drizzle-orm';
import { households } from '../db/tables.ts';

export type ApproveHouseholdInput = {
  id: string;
  name: string | null;
  type: FosterHouseholdType;
  approvedOn: IsoDate;
  fcroId: string | null;
};

/** Records a newly approved foster household under the council's HOUSEHOLD reference. */
export async function approveHousehold(
  tx: Transaction,
  tenantId: string,
  input: ApproveHouseholdInput,
  today: IsoDate,
) {
  if (input.approvedOn > today) {
    throw invalidInput(
      `The approval date ${input.approvedOn} is in the future (today is ${today})`,
      'approvedOn',
    );
  }
  const [created] = await tx
    .insert(households)
    .values({ tenantId, ...input, endedOn: null })
    .onConflictDoNothing()
    .returning();
  if (!created) {
    const [existing] = await tx.select().from(households).where(eq(households.id, input.id));
    throw invalidInput(
      `Household ${input.id} is already recorded in this council (approved on ${existing?.approvedOn ?? 'an earlier date'})`,
      'id',
    );
  }
  return created;
}

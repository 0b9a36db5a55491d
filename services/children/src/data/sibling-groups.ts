import { randomUUID } from 'node:crypto';
import type { Transaction } from '@footprint/db';
import type { SiblingGroup } from '@footprint/domain';
import { invalidInput } from '@footprint/graphql';
import { asc, eq, inArray } from 'drizzle-orm';
import { children, siblingGroups } from '../db/tables.ts';

/** A recorded sibling group: its id and every member, in id order. */
export type SiblingGroupRow = { id: string; childIds: string[] };

const grouped = (rows: readonly { groupId: string; childId: string }[]): SiblingGroupRow[] => {
  const byGroup = new Map<string, string[]>();
  for (const { groupId, childId } of rows) byGroup.set(groupId, [...(byGroup.get(groupId) ?? []), childId]);
  return [...byGroup].map(([id, childIds]) => ({ id, childIds: childIds.sort() }));
};

/** Every sibling group of the council, as the compliance check reads them. */
export async function findSiblingGroups(tx: Transaction): Promise<SiblingGroup[]> {
  const rows = await tx
    .select({ groupId: siblingGroups.groupId, childId: siblingGroups.childId })
    .from(siblingGroups)
    .orderBy(asc(siblingGroups.groupId), asc(siblingGroups.childId));
  return grouped(rows).map(({ id, childIds }) => ({ group: id, children: childIds }));
}

/** The group of each of `childIds` that is in one, with all its members: one query. */
export async function findSiblingGroupsOfChildren(
  tx: Transaction,
  childIds: readonly string[],
): Promise<Map<string, SiblingGroupRow>> {
  const groupsOf = tx
    .select({ groupId: siblingGroups.groupId })
    .from(siblingGroups)
    .where(inArray(siblingGroups.childId, [...childIds]));
  const rows = await tx
    .select({ groupId: siblingGroups.groupId, childId: siblingGroups.childId })
    .from(siblingGroups)
    .where(inArray(siblingGroups.groupId, groupsOf));
  const byChild = new Map<string, SiblingGroupRow>();
  for (const group of grouped(rows)) for (const child of group.childIds) byChild.set(child, group);
  return byChild;
}

const isUniqueViolation = (error: unknown): boolean => {
  const code = (e: unknown) => (typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : null);
  return code(error) === '23505' || code((error as { cause?: unknown } | null)?.cause) === '23505';
};

const list = (ids: readonly string[]) =>
  ids.length === 1 ? ids[0]! : `${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}`;

/**
 * Records that `childIds` are siblings: two or more different children of the council, none already
 * in a group. Anything else is refused, naming the problem, before anything is written.
 */
export async function recordSiblingGroup(
  tx: Transaction,
  tenantId: string,
  childIds: readonly string[],
): Promise<SiblingGroupRow> {
  const ids = childIds.map((id) => id.trim());
  if (ids.some((id) => id === '')) throw invalidInput('childIds must not be empty', 'childIds');
  const repeated = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  if (repeated.length) throw invalidInput(`childIds names ${list(repeated)} more than once`, 'childIds');
  if (ids.length < 2) throw invalidInput('A sibling group needs at least two children', 'childIds');
  const found = new Set(
    (await tx.select({ id: children.id }).from(children).where(inArray(children.id, ids))).map((r) => r.id),
  );
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length) throw invalidInput(`No child ${list(unknown)} in this council`, 'childIds');
  const existing = await tx
    .select({ childId: siblingGroups.childId })
    .from(siblingGroups)
    .where(inArray(siblingGroups.childId, ids))
    .for('update');
  if (existing.length) {
    const taken = existing.map((r) => r.childId).sort();
    throw invalidInput(
      `${list(taken)} ${taken.length === 1 ? 'is' : 'are'} already in a sibling group: remove ${taken.length === 1 ? 'them' : 'each'} from it first`,
      'childIds',
    );
  }
  const id = randomUUID();
  try {
    await tx.insert(siblingGroups).values(ids.map((childId) => ({ tenantId, groupId: id, childId })));
  } catch (error) {
    // Another request put one of them in a group between the check and the insert.
    if (isUniqueViolation(error)) {
      throw invalidInput('One of these children was put in a sibling group meanwhile; try again', 'childIds');
    }
    throw error;
  }
  return { id, childIds: [...ids].sort() };
}

/**
 * Takes a child out of their sibling group; a group left with one child is no group and goes too.
 * Returns the group as it was and what is left of it (null when nothing is).
 */
export async function removeFromSiblingGroup(
  tx: Transaction,
  childId: string,
): Promise<{ group: SiblingGroupRow; remaining: SiblingGroupRow | null }> {
  const [child] = await tx.select({ id: children.id }).from(children).where(eq(children.id, childId));
  if (!child) throw invalidInput(`No child ${childId} in this council`, 'childId');
  const group = (await findSiblingGroupsOfChildren(tx, [childId])).get(childId);
  if (!group) throw invalidInput(`${childId} is in no sibling group`, 'childId');
  const rest = group.childIds.filter((id) => id !== childId);
  if (rest.length < 2) {
    await tx.delete(siblingGroups).where(eq(siblingGroups.groupId, group.id));
    return { group, remaining: null };
  }
  await tx.delete(siblingGroups).where(eq(siblingGroups.childId, childId));
  return { group, remaining: { id: group.id, childIds: rest } };
}

import type { RequestContext } from '@footprint/graphql';
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { type AllocationRow, findOpenAllocations } from './data/find-allocations.ts';
import { type ChildRow, findChildrenByIds } from './data/find-children.ts';
import { type EpisodeRow, findEpisodesByChild } from './data/find-episodes.ts';
import { findStaffByIds, type StaffRow } from './data/find-staff.ts';

/**
 * Per-request loaders: the gateway sends one `_entities` call with many keys, and each batch
 * is one query. Reading children is audited once per batch, naming every child read.
 */
export const loaders = createContextCache((ctx: RequestContext) => ({
  child: new DataLoader<string, ChildRow | null>((ids) =>
    ctx.inTenant(async (tx) => {
      const rows = await findChildrenByIds(tx, ctx.auth, ids);
      await ctx.audit(
        tx,
        'read',
        'Child',
        rows.map((row) => row.id),
      );
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  ),
  episodes: new DataLoader<string, EpisodeRow[]>((childIds) =>
    ctx.inTenant(async (tx) => {
      const byChild = await findEpisodesByChild(tx, childIds);
      return childIds.map((id) => byChild.get(id) ?? []);
    }),
  ),
  openAllocation: new DataLoader<string, AllocationRow | null>((childIds) =>
    ctx.inTenant(async (tx) => {
      const byChild = await findOpenAllocations(tx, childIds);
      return childIds.map((id) => byChild.get(id) ?? null);
    }),
  ),
  staff: new DataLoader<string, StaffRow | null>((ids) =>
    ctx.inTenant(async (tx) => {
      const byId = new Map((await findStaffByIds(tx, ids)).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  ),
}));

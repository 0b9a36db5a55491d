import { graphql } from '@footprint/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type System, startSystem, subgraphServices } from '../support/system.ts';
import { seedTwoCouncils } from '../support/two-councils.ts';

let system: System;

beforeAll(async () => {
  system = await startSystem();
  await seedTwoCouncils(system.database.superuser);
});

afterAll(async () => {
  await system?.stop();
});

const manager = (tenant: string) =>
  system.keys.tokenFor({ tenant, roles: ['manager'], sub: `${tenant}-manager` });

describe('through the gateway, each council sees only its own children', () => {
  const childQuery = `query ($id: ID!) { child(id: $id) {
    id displayName reviews { date } escalations { id } advocacyInvolvements { id } } }`;

  it('resolves one CHILD reference to each council’s own child, across every subgraph', async () => {
    const north = await graphql(system.gatewayUrl, childQuery, {
      token: await manager('north'),
      variables: { id: 'C1' },
    });
    const south = await graphql(system.gatewayUrl, childQuery, {
      token: await manager('south'),
      variables: { id: 'C1' },
    });
    expect(north.errors).toBeUndefined();
    expect(north.data).toEqual({
      child: {
        id: 'C1',
        displayName: 'Ada North',
        reviews: [{ date: '2023-02-01' }],
        escalations: [{ id: 'E1' }],
        advocacyInvolvements: [{ id: 'A1' }],
      },
    });
    expect(south.data).toEqual({
      child: { id: 'C1', displayName: 'Cleo South', reviews: [], escalations: [], advocacyInvolvements: [] },
    });
  });

  it('returns nothing for another council’s child id, household or escalation', async () => {
    const token = await manager('north');
    const result = await graphql(
      system.gatewayUrl,
      '{ child(id: "S9") { id } fosterHousehold(id: "HS") { id } escalation(id: "ES") { id } }',
      { token },
    );
    expect(result.data).toEqual({ child: null, fosterHousehold: null, escalation: null });
  });

  it('lists only the council’s own records', async () => {
    const result = await graphql<{ children: { id: string }[]; fosterHouseholds: { id: string }[] }>(
      system.gatewayUrl,
      '{ children { id } fosterHouseholds { id } escalations { id } }',
      { token: await manager('south') },
    );
    expect(result.data).toEqual({
      children: [{ id: 'C1' }, { id: 'S9' }],
      fosterHouseholds: [{ id: 'HS' }],
      escalations: [{ id: 'ES' }],
    });
  });
});

describe('tokens', () => {
  const query = '{ children { id } }';

  it.each(['gateway', ...subgraphServices.map((s) => s.name)])(
    '%s refuses a call with no token',
    async (target) => {
      const url = target === 'gateway' ? system.gatewayUrl : system.subgraphUrl(target);
      const result = await graphql(url, query);
      expect(result.status).toBe(401);
    },
  );

  it.each(['gateway', ...subgraphServices.map((s) => s.name)])(
    '%s refuses an expired token',
    async (target) => {
      const url = target === 'gateway' ? system.gatewayUrl : system.subgraphUrl(target);
      const token = await system.keys.tokenFor({ tenant: 'north', roles: ['manager'] }, -1);
      expect((await graphql(url, query, { token })).status).toBe(401);
    },
  );

  it.each(['gateway', ...subgraphServices.map((s) => s.name)])(
    '%s refuses a forged token',
    async (target) => {
      const url = target === 'gateway' ? system.gatewayUrl : system.subgraphUrl(target);
      const [header, payload, signature] = (await manager('north')).split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
      const forged = [
        header,
        Buffer.from(JSON.stringify({ ...claims, tenant: 'south' })).toString('base64url'),
        signature,
      ];
      expect((await graphql(url, query, { token: forged.join('.') })).status).toBe(401);
    },
  );
});

describe('in the database', () => {
  it.each(subgraphServices.map((s) => [s.name, s.pgSchema]))(
    '%s: its role sees no rows of any table with no council set, and RLS is forced on each',
    async (name, schema) => {
      const { rows: tables } = await system.database.superuser.query(
        `select c.relname, c.relforcerowsecurity from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = $1 and c.relkind = 'r'`,
        [schema],
      );
      expect(tables.length).toBeGreaterThan(1);
      const client = new pg.Client({ connectionString: system.database.urlFor(name) });
      await client.connect();
      try {
        for (const table of tables) {
          expect(table.relforcerowsecurity, `${schema}.${table.relname}`).toBe(true);
          const { rows } = await client.query(`select count(*)::int as n from ${schema}."${table.relname}"`);
          // Advocacy providers are organisations outside any council, readable by the service.
          if (!(schema === 'advocacy' && table.relname === 'providers'))
            expect(rows[0].n, table.relname).toBe(0);
        }
      } finally {
        await client.end();
      }
    },
  );

  it.each(subgraphServices.map((s) => [s.name, s.pgSchema]))(
    '%s: its role cannot read another service’s tables',
    async (name, schema) => {
      const other = subgraphServices.find((s) => s.pgSchema !== schema)!;
      const client = new pg.Client({ connectionString: system.database.urlFor(name) });
      await client.connect();
      try {
        const { rows } = await system.database.superuser.query(
          `select table_name from information_schema.tables where table_schema = $1 limit 1`,
          [other.pgSchema],
        );
        await expect(client.query(`select 1 from ${other.pgSchema}."${rows[0].table_name}"`)).rejects.toThrow(
          /permission denied/,
        );
      } finally {
        await client.end();
      }
    },
  );
});

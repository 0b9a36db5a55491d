import { describe, expect, it } from 'vitest';
import { callEntities, entitiesOf, entitiesQuery } from './entities.ts';
import { casesForOtherRoles } from './roles.ts';
import type { TestService } from './service.ts';
import { snapshotSchema } from './snapshot.ts';
import { inCouncilTransaction, rowSecurityOf, withClient } from './tenancy.ts';

export type ComplianceContractOptions = {
  /** The running service (`testService(...)`), started by the file's `beforeAll`. */
  running: {
    readonly url: string;
    readonly keys: TestService['keys'];
    readonly database: TestService['database'];
  };
  /** The service's PostgreSQL schema: a refused read writes nothing there, not even an audit row. */
  schema: string;
  /** The service's field prefix: `reviews` for `reviewsChecks` and `reviewsRecordedChecks`. */
  prefix: string;
  /** A `Compliance` representation the service can answer (with what its live field `@requires`). */
  representation: Record<string, unknown>;
};

/**
 * The tests every subgraph's part of `Compliance` (issue #6) shares: the live checks only for
 * managers, the stored ones for managers and IROs, nothing to any other role or without a token, and
 * nothing read or written by a refusal; a bad date refused by name; the snapshots under forced
 * row-level security.
 */
export function describeComplianceContract({
  running,
  schema,
  prefix,
  representation,
}: ComplianceContractOptions) {
  const live = `${prefix}Checks { check count items { reference iroId } }`;
  const recorded = `${prefix}RecordedChecks { check count items { reference iroId } }`;
  const ask = (token: string | undefined, selection: string, asOf: unknown = representation.asOf) =>
    callEntities(
      running.url,
      entitiesQuery('Compliance', selection),
      [{ __typename: 'Compliance', ...representation, asOf }],
      {
        token,
      },
    );
  const refused = async (token: string | undefined, selection: string) => {
    const before = await snapshotSchema(running.database.superuser, schema);
    const result = await ask(token, selection);
    expect(JSON.stringify(result.data ?? null)).not.toMatch(/"reference"|"asOf":"\d/);
    expect(await snapshotSchema(running.database.superuser, schema)).toEqual(before);
    return result;
  };

  describe('roles', () => {
    it.each(casesForOtherRoles([`${prefix}Checks`], 'manager'))(
      'refuses %s to a %s, reading and writing nothing',
      async (_field, role) => {
        const result = await refused(await running.keys.tokenForRole(role), live);
        expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      },
    );

    it.each(casesForOtherRoles([`${prefix}RecordedChecks`, 'asOf'], 'manager', 'iro'))(
      'refuses %s to a %s, reading and writing nothing',
      async (field, role) => {
        const result = await refused(
          await running.keys.tokenForRole(role),
          field === 'asOf' ? 'asOf' : recorded,
        );
        expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      },
    );

    it('refuses a call with no token', async () => {
      const result = await refused(undefined, live);
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('bad input', () => {
    it.each([['2024-02-30'], ['11/03/2024'], [''], [20240311], [null]])(
      'refuses the date %j, naming it, and writes nothing',
      async (asOf) => {
        const token = await running.keys.tokenForRole('manager');
        const before = await snapshotSchema(running.database.superuser, schema);
        for (const selection of [live, recorded]) {
          const result = await ask(token, selection, asOf);
          expect(result.errors?.[0]?.extensions, selection).toMatchObject({
            code: 'BAD_USER_INPUT',
            field: 'asOf',
          });
          expect(result.errors?.[0]?.message).toBe('asOf must be a calendar date as YYYY-MM-DD');
        }
        expect(await snapshotSchema(running.database.superuser, schema)).toEqual(before);
      },
    );
  });

  describe('tenancy', () => {
    it('forces row-level security on the snapshots: the service role reads none without a council, only its own with one', async () => {
      const rows = await rowSecurityOf(running.database.superuser, schema);
      expect(rows.find((row) => row.relname === 'compliance_snapshots')).toMatchObject({
        relrowsecurity: true,
        relforcerowsecurity: true,
      });
      const url = running.database.urlFor(schema.replaceAll('_', '-'));
      await withClient(url, async (client) => {
        const { rows: counted } = await client.query(
          `select count(*)::int as n from ${schema}.compliance_snapshots`,
        );
        expect(counted[0].n).toBe(0);
      });
      await inCouncilTransaction(url, 'north', async (client) => {
        const { rows: councils } = await client.query(
          `select distinct tenant_id from ${schema}.compliance_snapshots`,
        );
        expect(councils.filter((row) => row.tenant_id !== 'north')).toEqual([]);
      });
    });
  });
}

export type RecordedCheckOptions = Omit<ComplianceContractOptions, 'representation'> & {
  /** The service as its audit rows name it: `foster-carer-reviews`. */
  service: string;
  /** The service's one check. */
  check: string;
  /** The items the fixtures stored for north and south on 2024-03-10 (north's two, south's one), as the API gives them. */
  storedItems: { north: readonly unknown[]; south: readonly unknown[] };
  /** The staff reference of the IRO that north's second stored item names. */
  iro: string;
};

/**
 * The tests of a one-check subgraph's stored nights: a manager gets every item the night stored,
 * an IRO only the items that name them, each council its own night, and every read audited.
 */
export function describeRecordedCheck({
  running,
  schema,
  prefix,
  service,
  check,
  storedItems,
  iro,
}: RecordedCheckOptions) {
  type Check = { check: string; count: number; items: unknown[] };
  const field = `${prefix}RecordedChecks`;
  const recorded = async (token: string, ...dates: string[]) =>
    (
      await entitiesOf<Record<string, Check[]>>(
        running.url,
        entitiesQuery(
          'Compliance',
          `${field} { check count items { child { id } reference what dueDate daysOverdue iroId } }`,
        ),
        dates.map((asOf) => ({ __typename: 'Compliance', asOf })),
        { token },
      )
    ).map((entity) => entity?.[field]);

  describe(`recorded ${service} checks`, () => {
    it('gives a manager every item the night stored, its own checks only', async () => {
      const [night, none] = await recorded(
        await running.keys.tokenForRole('manager'),
        '2024-03-10',
        '2024-03-09',
      );
      expect(night).toEqual([{ check, count: 2, items: storedItems.north }]);
      expect(none).toEqual([]);
    });

    it('gives an IRO only the items that name them', async () => {
      const [night] = await recorded(await running.keys.tokenForRole('iro', { staffRef: iro }), '2024-03-10');
      expect(night).toEqual([{ check, count: 1, items: [storedItems.north[1]] }]);
    });

    it('gives south its own night', async () => {
      const [night] = await recorded(
        await running.keys.tokenForRole('manager', { tenant: 'south' }),
        '2024-03-10',
      );
      expect(night).toEqual([{ check, count: 1, items: storedItems.south }]);
    });

    it('audits the nights read', async () => {
      await recorded(await running.keys.tokenForRole('iro', { staffRef: iro }), '2024-03-10');
      const { rows } = await running.database.superuser.query(
        `select actor, entity_ids, detail from ${schema}.audit_events
         where tenant_id = 'north' and entity = 'ComplianceSnapshot' order by at desc limit 1`,
      );
      expect(rows[0]).toEqual({ actor: 'north-iro', entity_ids: ['2024-03-10'], detail: { service } });
    });
  });
}

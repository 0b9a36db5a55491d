import { describe, expect, it } from 'vitest';
import { callEntities, entitiesQuery } from './entities.ts';
import { casesForOtherRoles } from './roles.ts';
import type { TestService } from './service.ts';
import { snapshotSchema } from './snapshot.ts';

export type ComplianceRoleOptions = {
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
 * The role tests every subgraph's part of `Compliance` (issue #6) shares: the live checks only for
 * managers, the stored ones for managers and IROs, nothing to any other role or without a token, and
 * nothing read or written by a refusal.
 */
export function describeComplianceRoles({ running, schema, prefix, representation }: ComplianceRoleOptions) {
  const live = `${prefix}Checks { check count items { reference iroId } }`;
  const recorded = `${prefix}RecordedChecks { check count items { reference iroId } }`;
  const ask = (token: string | undefined, selection: string) =>
    callEntities(
      running.url,
      entitiesQuery('Compliance', selection),
      [{ __typename: 'Compliance', ...representation }],
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
}

import { type Role, roles } from '@footprint/auth';
import {
  createTestKeys,
  graphql,
  rowSecurityOf,
  startTestService,
  type TestDatabase,
  type TestKeys,
  type TestService,
} from '@footprint/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as advocacy } from '../src/index.ts';
import { seedTwoCouncils, snapshot, tables } from './fixtures.ts';

let database: TestDatabase;
let keys: TestKeys;
let running: TestService;

beforeAll(async () => {
  running = await startTestService(advocacy, { seed: seedTwoCouncils });
  ({ database, keys } = running);
});

afterAll(() => running?.stop());

type Person = { tenant?: string | null; provider?: string | null; staffRef?: string };

// An advocate in these tests works for `voice`, which north commissions, unless told otherwise.
const tokenFor = (role: Role, person: Person = {}) =>
  keys.tokenFor({
    tenant: person.tenant === undefined ? 'north' : person.tenant,
    roles: [role],
    provider: person.provider === undefined ? (role === 'advocate' ? 'voice' : null) : person.provider,
    staffRef: person.staffRef ?? null,
  });

const childReps = { reps: [{ __typename: 'Child', id: 'C1' }] };
const entities = (fields: string) =>
  `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Child { ${fields} } } }`;

const reads: Record<string, { query: string; variables?: Record<string, unknown>; allowed: Role[] }> = {
  advocacyProviders: { query: '{ advocacyProviders { id } }', allowed: ['manager', 'council_admin'] },
  advocacyInvolvements: { query: '{ advocacyInvolvements { id } }', allowed: ['manager', 'iro', 'advocate'] },
  'Child.advocacyInvolvements': {
    query: entities('advocacyInvolvements { id }'),
    variables: childReps,
    allowed: ['manager', 'iro', 'advocate'],
  },
  'Child.independentVisitor': {
    query: entities('independentVisitor { startDate }'),
    variables: childReps,
    allowed: ['manager', 'iro'],
  },
  'Child.advocacyRequiredInSecurePlacement': {
    query: entities('advocacyRequiredInSecurePlacement'),
    variables: { reps: [{ __typename: 'Child', id: 'C1', episodes: [] }] },
    allowed: ['manager', 'iro'],
  },
};

const writes: Record<string, { mutation: string; allowed: Role[] }> = {
  commissionProvider: {
    mutation:
      'mutation { commissionProvider(input: { providerId: "nyas", name: "NYAS", fromDate: "2024-01-01" }) { id } }',
    allowed: ['manager', 'council_admin'],
  },
  referToAdvocacy: {
    mutation: `mutation { referToAdvocacy(input: { childId: "C2", providerId: "voice", referralDate: "2024-01-01",
      source: "self", reasons: ["complaint"] }) { id } }`,
    allowed: ['manager', 'iro'],
  },
  recordInvolvementOutcome: {
    mutation:
      'mutation { recordInvolvementOutcome(input: { involvementId: "INV1", outcome: "Done" }) { id } }',
    allowed: ['manager', 'advocate'],
  },
  allocateIndependentVisitor: {
    mutation:
      'mutation { allocateIndependentVisitor(input: { childId: "C2", startDate: "2024-01-01" }) { startDate } }',
    allowed: ['manager'],
  },
};

describe('tokens', () => {
  it('refuses a call with no token', async () => {
    const result = await graphql(running.url, '{ advocacyInvolvements { id } }');
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed with another key', async () => {
    const other = await createTestKeys();
    const token = await other.tokenFor({ tenant: 'north', roles: ['manager'] });
    const result = await graphql(running.url, '{ advocacyInvolvements { id } }', { token });
    expect(result.status).toBe(401);
  });
});

describe('roles', () => {
  const readCases = Object.keys(reads).flatMap((name) => roles.map((role) => [name, role] as const));
  it.each(readCases)('%s as %s', async (name, role) => {
    const { query, variables, allowed } = reads[name]!;
    const result = await graphql(running.url, query, { token: await tokenFor(role), variables });
    if (allowed.includes(role)) expect(result.errors).toBeUndefined();
    else expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  const writeCases = Object.entries(writes).flatMap(([name, write]) =>
    roles.filter((role) => !write.allowed.includes(role)).map((role) => [name, role] as const),
  );
  it.each(writeCases)('refuses %s to %s and changes nothing', async (name, role) => {
    const before = await snapshot(database.superuser);
    const result = await graphql(running.url, writes[name]!.mutation, { token: await tokenFor(role) });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await snapshot(database.superuser)).toEqual(before);
  });

  it('refuses a platform operator with no council everything', async () => {
    const token = await tokenFor('platform_operator', { tenant: null });
    for (const { query, variables } of Object.values(reads)) {
      const result = await graphql(running.url, query, { token, variables });
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('an advocate', () => {
  it.each([
    ['not commissioned by the council', { provider: 'nyas' }, /nyas is not commissioned by this council/],
    [
      'commissioned by another council only',
      { provider: 'speakup', tenant: 'south' },
      /speakup is not commissioned/,
    ],
    ['of a suspended provider', { provider: 'gone' }, /gone is suspended/],
    ['commissioned only from a later date', { provider: 'later', tenant: 'south' }, /only from 2999-01-01/],
    ['with no provider in their token', { provider: null }, /must name their provider/],
  ] as const)('%s is refused', async (_what, person, message) => {
    const token = await tokenFor('advocate', person);
    const before = await snapshot(database.superuser);
    const list = await graphql(running.url, '{ advocacyInvolvements { id } }', { token });
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(list.errors?.[0]?.message).toMatch(message);
    const child = await graphql(running.url, entities('advocacyInvolvements { id }'), {
      token,
      variables: childReps,
    });
    expect(child.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const write = await graphql(running.url, writes.recordInvolvementOutcome!.mutation, { token });
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await snapshot(database.superuser)).toEqual(before);
  });

  it('cannot read or change another provider’s involvement', async () => {
    const token = await tokenFor('advocate', { provider: 'voice' });
    const before = await snapshot(database.superuser);
    const result = await graphql(
      running.url,
      'mutation { recordInvolvementOutcome(input: { involvementId: "INV2", outcome: "Hijacked" }) { id } }',
      { token },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/No involvement INV2/);
    expect(await snapshot(database.superuser)).toEqual(before);
    const child = await graphql(running.url, entities('advocacyInvolvements { id }'), {
      token,
      variables: childReps,
    });
    expect(child.data?._entities).toEqual([{ advocacyInvolvements: [{ id: 'INV1' }] }]);
  });
});

describe('bad input', () => {
  const run = async (
    mutation: string,
    input: Record<string, unknown>,
    tenant = 'north',
    role: Role = 'manager',
  ) => graphql(running.url, mutation, { token: await tokenFor(role, { tenant }), variables: { input } });

  const expectRefused = async (
    mutation: string,
    input: Record<string, unknown>,
    message: RegExp,
    tenant = 'north',
    role: Role = 'manager',
  ) => {
    const before = await snapshot(database.superuser);
    const result = await run(mutation, input, tenant, role);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(await snapshot(database.superuser)).toEqual(before);
  };

  const commission =
    'mutation ($input: CommissionProviderInput!) { commissionProvider(input: $input) { id } }';
  it.each([
    [{ providerId: 'Bad Slug', name: 'X', fromDate: '2024-01-01' }, /providerId must be a slug/, 'north'],
    [{ providerId: 'fresh', name: '  ', fromDate: '2024-01-01' }, /name is required/, 'north'],
    [
      { providerId: 'voice', name: 'Other Name', fromDate: '2024-01-01' },
      /registered as “Voice Advocacy”/,
      'north',
    ],
    [
      { providerId: 'voice', name: 'Voice Advocacy', fromDate: '2024-01-01' },
      /already commissioned .* from 2020-01-01/,
      'north',
    ],
    [{ providerId: 'gone', name: 'Gone Advocacy', fromDate: '2024-01-01' }, /gone is suspended/, 'south'],
    [
      { providerId: 'fresh', name: 'Fresh', fromDate: '2024-02-30' },
      /2024-02-30 is not a real date/,
      'north',
    ],
  ])('commissionProvider refuses %j', async (input, message, tenant) => {
    await expectRefused(commission, input, message, tenant);
  });

  const refer = 'mutation ($input: ReferToAdvocacyInput!) { referToAdvocacy(input: $input) { id } }';
  const referral = {
    childId: 'C2',
    providerId: 'voice',
    referralDate: '2024-01-01',
    source: 'iro',
    reasons: ['care_plan'],
  };
  it.each([
    [{ source: 'teacher' }, /Unknown referral source “teacher”: use one of self, iro/, 'north'],
    [{ reasons: [] }, /at least one reason/, 'north'],
    [{ reasons: ['care_plan', 'bullying'] }, /Unknown advocacy reason “bullying”/, 'north'],
    [{ providerId: 'nyas' }, /NYAS is not commissioned by this council/, 'north'],
    [{ providerId: 'speakup' }, /SpeakUp is not commissioned by this council/, 'south'],
    [{ providerId: 'unknown' }, /No advocacy provider unknown/, 'north'],
    [{ providerId: 'gone' }, /Gone Advocacy is suspended/, 'north'],
    [{ referralDate: '2019-06-01' }, /only from 2020-01-01, after the referral date 2019-06-01/, 'north'],
    [{ providerId: 'later' }, /only from 2999-01-01/, 'south'],
    [{ referralDate: '2999-01-01' }, /referralDate 2999-01-01 is in the future/, 'north'],
    [{ id: 'INV1' }, /Involvement INV1 already exists in this council/, 'north'],
    [{ id: 'INV9' }, /Involvement INV9 already exists in this council/, 'south'],
    [{ childId: '  ' }, /childId is required/, 'north'],
    [{ referralDate: '01/02/2024' }, /Date must be a calendar date as YYYY-MM-DD/, 'north'],
  ])('referToAdvocacy refuses %j', async (change, message, tenant) => {
    await expectRefused(refer, { ...referral, ...change }, message, tenant, 'iro');
  });

  const record =
    'mutation ($input: RecordInvolvementOutcomeInput!) { recordInvolvementOutcome(input: $input) { id } }';
  it.each([
    [{ involvementId: 'NOPE', outcome: 'x' }, /No involvement NOPE/],
    [{ involvementId: 'INV9', outcome: 'x' }, /No involvement INV9/],
    [{ involvementId: 'INV3', endDate: '2024-02-01' }, /cannot end before it has started/],
    [
      { involvementId: 'INV1', startDate: '2023-01-01' },
      /startDate 2023-01-01 is before the referral date 2023-04-10/,
    ],
    [{ involvementId: 'INV2', endDate: '2023-06-01' }, /endDate 2023-06-01 is before startDate 2023-06-05/],
    [{ involvementId: 'INV2', startDate: '2023-07-02' }, /endDate 2023-07-01 is before startDate 2023-07-02/],
    [{ involvementId: 'INV1' }, /Give a startDate, an endDate or an outcome/],
    [{ involvementId: 'INV1', outcome: '   ' }, /outcome must not be blank/],
    [{ involvementId: 'INV1', endDate: '2999-01-01' }, /endDate 2999-01-01 is in the future/],
  ])('recordInvolvementOutcome refuses %j', async (input, message) => {
    await expectRefused(record, input, message);
  });

  const allocate =
    'mutation ($input: AllocateIndependentVisitorInput!) { allocateIndependentVisitor(input: $input) { startDate } }';
  it.each([
    [{ childId: ' ', startDate: '2024-01-01' }, /childId is required/],
    [
      { childId: 'C2', startDate: '2020-06-01' },
      /C2 already has an Independent Visitor from 2020-01-01 to 2021-01-01/,
    ],
    [{ childId: 'C1', startDate: '2022-01-01' }, /C1 already has an Independent Visitor from 2022-01-01/],
    [
      { childId: 'C1', startDate: '2021-01-01', endDate: '2022-06-01' },
      /C1 already has an Independent Visitor from 2022-01-01/,
    ],
    [{ childId: 'C1', startDate: '2021-06-01' }, /C1 already has an Independent Visitor from 2022-01-01/],
    [{ childId: 'C3', startDate: '2024-01-02', endDate: '2024-01-01' }, /endDate is before startDate/],
    [{ childId: 'C3', startDate: '2999-01-01' }, /startDate 2999-01-01 is in the future/],
  ])('allocateIndependentVisitor refuses %j', async (input, message) => {
    await expectRefused(allocate, input, message);
  });

  it('refuses a referral date range that ends before it starts', async () => {
    const result = await graphql(
      running.url,
      '{ advocacyInvolvements(referredFrom: "2024-01-01", referredTo: "2023-01-01") { id } }',
      {
        token: await tokenFor('manager'),
      },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/referredTo 2023-01-01 is before referredFrom 2024-01-01/);
  });
});

describe('tenancy in the database', () => {
  const asService = async (work: (client: pg.Client) => Promise<void>) => {
    const client = new pg.Client({ connectionString: database.urlFor('advocacy') });
    await client.connect();
    try {
      await work(client);
    } finally {
      await client.query('rollback').catch(() => undefined);
      await client.end();
    }
  };
  const inCouncil = async (client: pg.Client, tenant: string, provider: string) => {
    await client.query('begin');
    await client.query(
      `select set_config('app.tenant_id', $1, true), set_config('app.provider_id', $2, true)`,
      [tenant, provider],
    );
  };
  const involvementIds = async (client: pg.Client) =>
    (await client.query('select id, provider_id from advocacy.involvements order by id')).rows.map(
      (row) => `${row.id}:${row.provider_id}`,
    );

  it('forces row-level security on every table', async () => {
    const rows = await rowSecurityOf(database.superuser, 'advocacy');
    expect(rows.map((row) => row.relname).sort()).toEqual([...tables].sort());
    for (const row of rows)
      expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
  });

  it('returns no council rows to the service role with no council set', async () => {
    await asService(async (client) => {
      const { rows: role } = await client.query(
        `select rolsuper, rolbypassrls from pg_roles where rolname = current_user`,
      );
      expect(role).toEqual([{ rolsuper: false, rolbypassrls: false }]);
      for (const table of tables.filter((t) => t !== 'providers')) {
        const { rows } = await client.query(`select count(*)::int as n from advocacy.${table}`);
        expect(rows[0].n, table).toBe(0);
      }
      // Providers belong to the platform, not to a council: every council may read them.
      const { rows } = await client.query('select count(*)::int as n from advocacy.providers');
      expect(rows[0].n).toBeGreaterThanOrEqual(5);
    });
  });

  it('confines a transaction with a provider set to that provider’s rows of that council', async () => {
    await asService(async (client) => {
      await inCouncil(client, 'north', 'voice');
      expect(await involvementIds(client)).toEqual(['INV1:voice', 'INV3:voice']);
      const commissions = await client.query('select provider_id from advocacy.commissions');
      expect(commissions.rows).toEqual([{ provider_id: 'voice' }]);
      // Even a query that names another provider's row finds nothing to change.
      const update = await client.query(`update advocacy.involvements set outcome = 'x' where id = 'INV2'`);
      expect(update.rowCount).toBe(0);
      await expect(
        client.query(
          `insert into advocacy.involvements (tenant_id, id, child_id, provider_id, referral_date, source, reasons)
           values ('north', 'SNEAK', 'C1', 'speakup', '2024-01-01', 'self', '{other}')`,
        ),
      ).rejects.toThrow(/row-level security/);
      await client.query('rollback');

      await inCouncil(client, 'north', '');
      expect(await involvementIds(client)).toEqual(['INV1:voice', 'INV2:speakup', 'INV3:voice']);
      await client.query('rollback');

      await inCouncil(client, 'south', 'voice');
      expect(await involvementIds(client)).toEqual(['INV1:voice', 'INV9:voice']);
      await client.query('rollback');

      await inCouncil(client, 'north', 'nyas');
      expect(await involvementIds(client)).toEqual([]);
      await client.query('rollback');
    });
  });

  it('cannot write a row into another council from inside one council', async () => {
    await asService(async (client) => {
      await inCouncil(client, 'north', '');
      await expect(
        client.query(
          `insert into advocacy.independent_visitors (tenant_id, child_id, start_date) values ('south', 'X', '2024-01-01')`,
        ),
      ).rejects.toThrow(/row-level security/);
    });
  });

  it('cannot refer to a provider the council has not commissioned, even in SQL', async () => {
    await asService(async (client) => {
      await inCouncil(client, 'north', '');
      await expect(
        client.query(
          `insert into advocacy.involvements (tenant_id, id, child_id, provider_id, referral_date, source, reasons)
           values ('north', 'X', 'C1', 'nyas', '2024-01-01', 'self', '{other}')`,
        ),
      ).rejects.toThrow(/foreign key/);
    });
  });

  it('lets the service neither change nor remove a provider, nor rewrite the audit trail', async () => {
    await asService(async (client) => {
      await inCouncil(client, 'north', '');
      await expect(client.query(`update advocacy.providers set suspended = false`)).rejects.toThrow(
        /permission denied/,
      );
      await client.query('rollback');
      await inCouncil(client, 'north', '');
      await expect(client.query(`delete from advocacy.providers`)).rejects.toThrow(/permission denied/);
      await client.query('rollback');
      await inCouncil(client, 'north', '');
      await expect(client.query(`delete from advocacy.audit_events`)).rejects.toThrow(/permission denied/);
    });
  });
});

import type { Role } from '@footprint/auth';
import {
  graphql,
  startTestService,
  type TestDatabase,
  type TestKeys,
  type TestService,
} from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as advocacy } from '../src/index.ts';
import { seedTwoCouncils } from './fixtures.ts';

let database: TestDatabase;
let keys: TestKeys;
let running: TestService;

beforeAll(async () => {
  running = await startTestService(advocacy, { seed: seedTwoCouncils });
  ({ database, keys } = running);
});

afterAll(() => running?.stop());

const token = (tenant: string, role: Role, more: { provider?: string; sub?: string } = {}) =>
  keys.tokenFor({
    tenant,
    roles: [role],
    sub: more.sub ?? `${tenant}-${role}`,
    provider: more.provider ?? null,
  });
const advocate = (tenant: string, provider: string) =>
  token(tenant, 'advocate', { provider, sub: `${provider}-worker` });

const involvementsQuery = `query ($from: Date, $to: Date) {
  advocacyInvolvements(referredFrom: $from, referredTo: $to) { id child { id } provider { id } referralDate }
}`;

type Listed = { advocacyInvolvements: { id: string; child: { id: string }; provider: { id: string } }[] };

const ids = (result: { data?: Listed | null }) =>
  result.data?.advocacyInvolvements.map((i) => `${i.id}:${i.child.id}:${i.provider.id}`);

describe('a manager', () => {
  it('sees every involvement of their council, with codes and labels, and nothing of the other council', async () => {
    const result = await graphql(
      running.url,
      `{ advocacyInvolvements { id child { id } provider { id name commissioned } referralDate
          source { code label } reasons { code label } startDate endDate outcome open } }`,
      { token: await token('north', 'manager') },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      advocacyInvolvements: [
        {
          id: 'INV1',
          child: { id: 'C1' },
          provider: { id: 'voice', name: 'Voice Advocacy', commissioned: true },
          referralDate: '2023-04-10',
          source: { code: 'iro', label: 'Independent Reviewing Officer' },
          reasons: [{ code: 'review_participation', label: 'Support to take part in a review' }],
          startDate: '2023-04-12',
          endDate: null,
          outcome: null,
          open: true,
        },
        {
          id: 'INV2',
          child: { id: 'C1' },
          provider: { id: 'speakup', name: 'SpeakUp', commissioned: true },
          referralDate: '2023-06-01',
          source: { code: 'self', label: 'The child or young person (self-referral)' },
          reasons: [
            { code: 'placement', label: 'Choice, type or location of placement' },
            { code: 'contact', label: 'Contact with family members or siblings' },
          ],
          startDate: '2023-06-05',
          endDate: '2023-07-01',
          outcome: 'Moved placement',
          open: false,
        },
        {
          id: 'INV3',
          child: { id: 'C2' },
          provider: { id: 'voice', name: 'Voice Advocacy', commissioned: true },
          referralDate: '2024-01-15',
          source: { code: 'social_worker', label: 'Social worker or personal adviser' },
          reasons: [{ code: 'secure_accommodation', label: 'Placed in secure accommodation (statutory)' }],
          startDate: null,
          endDate: null,
          outcome: null,
          open: true,
        },
      ],
    });
  });

  it('reads the same INVOLVEMENT reference as two different involvements in two councils', async () => {
    const north = await graphql<Listed>(running.url, involvementsQuery, {
      token: await token('north', 'manager'),
    });
    const south = await graphql<Listed>(running.url, involvementsQuery, {
      token: await token('south', 'manager'),
    });
    expect(ids(north)).toEqual(['INV1:C1:voice', 'INV2:C1:speakup', 'INV3:C2:voice']);
    expect(ids(south)).toEqual(['INV1:C1:voice', 'INV9:S9:voice']);
    const reps = [{ __typename: 'Child', id: 'C1' }];
    const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) {
      ... on Child { advocacyInvolvements { id referralDate } independentVisitor { startDate } } } }`;
    const northChild = await graphql(running.url, query, {
      token: await token('north', 'manager'),
      variables: { reps },
    });
    const southChild = await graphql(running.url, query, {
      token: await token('south', 'manager'),
      variables: { reps },
    });
    expect(northChild.data?._entities).toEqual([
      {
        advocacyInvolvements: [
          { id: 'INV1', referralDate: '2023-04-10' },
          { id: 'INV2', referralDate: '2023-06-01' },
        ],
        independentVisitor: { startDate: '2022-01-01' },
      },
    ]);
    expect(southChild.data?._entities).toEqual([
      {
        advocacyInvolvements: [{ id: 'INV1', referralDate: '2022-05-05' }],
        independentVisitor: { startDate: '2023-03-03' },
      },
    ]);
  });

  it('filters involvements by referral date, both ends included', async () => {
    const result = await graphql<Listed>(running.url, involvementsQuery, {
      token: await token('north', 'manager'),
      variables: { from: '2023-06-01', to: '2024-01-15' },
    });
    expect(ids(result)).toEqual(['INV2:C1:speakup', 'INV3:C2:voice']);
  });

  it('resolves many children in one _entities call, auditing one read per batch', async () => {
    const result = await graphql(
      running.url,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) {
         ... on Child { id advocacyInvolvements { id } independentVisitor { startDate endDate open } } } }`,
      {
        token: await token('north', 'manager', { sub: 'batch-reader' }),
        variables: { reps: ['C1', 'C2', 'S9'].map((id) => ({ __typename: 'Child', id })) },
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        id: 'C1',
        advocacyInvolvements: [{ id: 'INV1' }, { id: 'INV2' }],
        independentVisitor: { startDate: '2022-01-01', endDate: null, open: true },
      },
      { id: 'C2', advocacyInvolvements: [{ id: 'INV3' }], independentVisitor: null },
      { id: 'S9', advocacyInvolvements: [], independentVisitor: null },
    ]);
    const audit = await database.superuser.query(
      `select tenant_id, entity, entity_ids from advocacy.audit_events where actor = 'batch-reader' order by entity`,
    );
    expect(audit.rows).toEqual([
      { tenant_id: 'north', entity: 'AdvocacyInvolvement', entity_ids: ['INV1', 'INV2', 'INV3'] },
      { tenant_id: 'north', entity: 'IndependentVisitorAllocation', entity_ids: ['C1'] },
    ]);
  });

  it('lists providers with whether their council commissions them', async () => {
    for (const role of ['manager', 'council_admin'] as const) {
      const result = await graphql(
        running.url,
        '{ all: advocacyProviders { id commissioned commissionedFrom suspended } mine: advocacyProviders(commissionedOnly: true) { id } }',
        { token: await token('south', role) },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({
        all: [
          { id: 'gone', commissioned: false, commissionedFrom: null, suspended: true },
          { id: 'later', commissioned: false, commissionedFrom: '2999-01-01', suspended: false },
          { id: 'nyas', commissioned: false, commissionedFrom: null, suspended: false },
          { id: 'speakup', commissioned: false, commissionedFrom: null, suspended: false },
          { id: 'voice', commissioned: true, commissionedFrom: '2021-01-01', suspended: false },
        ],
        mine: [{ id: 'later' }, { id: 'voice' }],
      });
    }
  });

  it('resolves provider references in one _entities call, for the caller’s council', async () => {
    const result = await graphql(
      running.url,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on AdvocacyProvider { id name commissioned } } }`,
      {
        token: await token('north', 'manager'),
        variables: {
          reps: ['speakup', 'missing', 'nyas'].map((id) => ({ __typename: 'AdvocacyProvider', id })),
        },
      },
    );
    expect(result.data?._entities).toEqual([
      { id: 'speakup', name: 'SpeakUp', commissioned: true },
      null,
      { id: 'nyas', name: 'NYAS', commissioned: false },
    ]);
  });
});

describe('an advocate', () => {
  it('sees only their own provider’s involvements, of the council in their token', async () => {
    const northVoice = await graphql<Listed>(running.url, involvementsQuery, {
      token: await advocate('north', 'voice'),
    });
    const southVoice = await graphql<Listed>(running.url, involvementsQuery, {
      token: await advocate('south', 'voice'),
    });
    const northSpeakUp = await graphql<Listed>(running.url, involvementsQuery, {
      token: await advocate('north', 'speakup'),
    });
    expect(ids(northVoice)).toEqual(['INV1:C1:voice', 'INV3:C2:voice']);
    expect(ids(southVoice)).toEqual(['INV1:C1:voice', 'INV9:S9:voice']);
    expect(ids(northSpeakUp)).toEqual(['INV2:C1:speakup']);
  });

  it('sees only their provider’s involvements of a child', async () => {
    const result = await graphql(
      running.url,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Child { advocacyInvolvements { id provider { id } } } } }`,
      { token: await advocate('north', 'speakup'), variables: { reps: [{ __typename: 'Child', id: 'C1' }] } },
    );
    expect(result.data?._entities).toEqual([
      { advocacyInvolvements: [{ id: 'INV2', provider: { id: 'speakup' } }] },
    ]);
  });

  it('records the start, end and outcome of their own involvement, audited', async () => {
    const result = await graphql(
      running.url,
      `mutation { recordInvolvementOutcome(input: {
         involvementId: "INV1", endDate: "2023-09-30", outcome: "Views heard at the review" }) {
         id startDate endDate outcome open } }`,
      { token: await advocate('north', 'voice') },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      recordInvolvementOutcome: {
        id: 'INV1',
        startDate: '2023-04-12',
        endDate: '2023-09-30',
        outcome: 'Views heard at the review',
        open: false,
      },
    });
    const south = await database.superuser.query(
      `select end_date, outcome from advocacy.involvements where tenant_id = 'south' and id = 'INV1'`,
    );
    expect(south.rows).toEqual([{ end_date: null, outcome: null }]);
    const audit = await database.superuser.query(
      `select tenant_id, action, entity, entity_ids, detail from advocacy.audit_events
       where actor = 'voice-worker' and action = 'update'`,
    );
    expect(audit.rows).toEqual([
      {
        tenant_id: 'north',
        action: 'update',
        entity: 'AdvocacyInvolvement',
        entity_ids: ['INV1'],
        detail: {
          before: { startDate: '2023-04-12', endDate: null, outcome: null },
          after: { startDate: '2023-04-12', endDate: '2023-09-30', outcome: 'Views heard at the review' },
        },
      },
    ]);
  });
});

describe('an IRO', () => {
  it('refers a child to a commissioned provider, audited, with an INVOLVEMENT reference made when none is given', async () => {
    const result = await graphql<{ referToAdvocacy: { id: string } & Record<string, unknown> }>(
      running.url,
      `mutation { referToAdvocacy(input: { childId: "C2", providerId: "speakup", referralDate: "2024-02-01",
         source: "iro", reasons: ["care_plan", "contact", "care_plan"] }) {
         id child { id } provider { id } referralDate source { code } reasons { code } startDate open } }`,
      { token: await token('north', 'iro', { sub: 'referring-iro' }) },
    );
    expect(result.errors).toBeUndefined();
    const { id, ...rest } = result.data!.referToAdvocacy;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(rest).toEqual({
      child: { id: 'C2' },
      provider: { id: 'speakup' },
      referralDate: '2024-02-01',
      source: { code: 'iro' },
      reasons: [{ code: 'care_plan' }, { code: 'contact' }],
      startDate: null,
      open: true,
    });
    const audit = await database.superuser.query(
      `select tenant_id, action, entity, entity_ids from advocacy.audit_events where actor = 'referring-iro'`,
    );
    expect(audit.rows).toEqual([
      { tenant_id: 'north', action: 'create', entity: 'AdvocacyInvolvement', entity_ids: [id] },
    ]);
  });

  it('uses the council’s own INVOLVEMENT reference, which another council may also use', async () => {
    const result = await graphql(
      running.url,
      `mutation { referToAdvocacy(input: { id: "INV2", childId: "C1", providerId: "voice", referralDate: "2024-03-01",
         source: "self", reasons: ["complaint"] }) { id child { id } } }`,
      { token: await token('south', 'iro') },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ referToAdvocacy: { id: 'INV2', child: { id: 'C1' } } });
    const rows = await database.superuser.query(
      `select tenant_id, provider_id from advocacy.involvements where id = 'INV2' order by tenant_id`,
    );
    expect(rows.rows).toEqual([
      { tenant_id: 'north', provider_id: 'speakup' },
      { tenant_id: 'south', provider_id: 'voice' },
    ]);
  });

  it('reads the council’s involvements and a child’s Independent Visitor', async () => {
    const result = await graphql(
      running.url,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Child { independentVisitor { startDate } } } }`,
      { token: await token('south', 'iro'), variables: { reps: [{ __typename: 'Child', id: 'C1' }] } },
    );
    expect(result.data?._entities).toEqual([{ independentVisitor: { startDate: '2023-03-03' } }]);
  });
});

describe('commissioning', () => {
  it('registers a new provider and commissions it; another council commissions the same one', async () => {
    const north = await graphql(
      running.url,
      `mutation { commissionProvider(input: { providerId: "coram-voice", name: "Coram Voice", fromDate: "2024-04-01" }) {
         id name commissioned commissionedFrom } }`,
      { token: await token('north', 'council_admin', { sub: 'north-admin' }) },
    );
    expect(north.errors).toBeUndefined();
    expect(north.data).toEqual({
      commissionProvider: {
        id: 'coram-voice',
        name: 'Coram Voice',
        commissioned: true,
        commissionedFrom: '2024-04-01',
      },
    });
    const south = await graphql(
      running.url,
      `mutation { commissionProvider(input: { providerId: "coram-voice", name: " coram voice ", fromDate: "2024-05-01" }) {
         id name commissionedFrom } }`,
      { token: await token('south', 'manager', { sub: 'south-commissioner' }) },
    );
    expect(south.errors).toBeUndefined();
    expect(south.data).toEqual({
      commissionProvider: { id: 'coram-voice', name: 'Coram Voice', commissionedFrom: '2024-05-01' },
    });
    const providers = await database.superuser.query(
      `select id, name from advocacy.providers where id = 'coram-voice'`,
    );
    expect(providers.rows).toEqual([{ id: 'coram-voice', name: 'Coram Voice' }]);
    const audit = await database.superuser.query(
      `select tenant_id, entity, entity_ids, detail->>'providerRegistered' as registered from advocacy.audit_events
       where actor in ('north-admin', 'south-commissioner') order by at`,
    );
    expect(audit.rows).toEqual([
      { tenant_id: 'north', entity: 'AdvocacyCommission', entity_ids: ['coram-voice'], registered: 'true' },
      { tenant_id: 'south', entity: 'AdvocacyCommission', entity_ids: ['coram-voice'], registered: 'false' },
    ]);
    // The new provider's advocates may now act for north.
    const list = await graphql<Listed>(running.url, involvementsQuery, {
      token: await advocate('north', 'coram-voice'),
    });
    expect(list.errors).toBeUndefined();
    expect(list.data?.advocacyInvolvements).toEqual([]);
  });
});

describe('Independent Visitors', () => {
  it('hands a child over to a new Independent Visitor on the new start date, audited', async () => {
    const result = await graphql(
      running.url,
      `mutation { allocateIndependentVisitor(input: { childId: "C1", startDate: "2024-05-01" }) {
         child { id } startDate endDate open } }`,
      { token: await token('north', 'manager', { sub: 'iv-manager' }) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      allocateIndependentVisitor: { child: { id: 'C1' }, startDate: '2024-05-01', endDate: null, open: true },
    });
    const rows = await database.superuser.query(
      `select tenant_id, start_date, end_date from advocacy.independent_visitors where child_id = 'C1' order by 1, 2`,
    );
    expect(rows.rows).toEqual([
      { tenant_id: 'north', start_date: '2022-01-01', end_date: '2024-05-01' },
      { tenant_id: 'north', start_date: '2024-05-01', end_date: null },
      { tenant_id: 'south', start_date: '2023-03-03', end_date: null },
    ]);
    const audit = await database.superuser.query(
      `select entity, entity_ids, detail from advocacy.audit_events where actor = 'iv-manager'`,
    );
    expect(audit.rows).toEqual([
      {
        entity: 'IndependentVisitorAllocation',
        entity_ids: ['C1'],
        detail: { startDate: '2024-05-01', endDate: null, endedAllocationFrom: '2022-01-01' },
      },
    ]);
  });

  it('records a past allocation that fits between others', async () => {
    const result = await graphql(
      running.url,
      `mutation { allocateIndependentVisitor(input: { childId: "C2", startDate: "2021-01-01", endDate: "2022-06-30" }) {
         startDate endDate open } }`,
      { token: await token('north', 'manager') },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      allocateIndependentVisitor: { startDate: '2021-01-01', endDate: '2022-06-30', open: false },
    });
  });
});

describe('the secure-accommodation rule', () => {
  const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) {
    ... on Child { id advocacyRequiredInSecurePlacement } } }`;
  const episode = (
    startDate: string,
    placement: string,
    endDate: string | null,
    rne = 'S',
    reasonEnded = 'X1',
  ) => ({
    startDate,
    endDate,
    reasonNewEpisode: rne,
    legalStatus: 'C2',
    placement,
    reasonEnded: endDate ? reasonEnded : null,
  });

  it('flags a secure spell with no open involvement, and not one an involvement covered', async () => {
    const reps = [
      // C1 of north: secure from 2023-04-01 to 2023-05-01; INV1 (voice) opened 2023-04-12, covering it.
      {
        __typename: 'Child',
        id: 'C1',
        episodes: [
          episode('2023-01-10', 'U1', '2023-04-01'),
          episode('2023-04-01', 'K1', '2023-05-01', 'P', 'E11'),
        ],
      },
      // C2 of north: secure in 2022, long before its only referral (INV3, 2024).
      {
        __typename: 'Child',
        id: 'C2',
        episodes: [episode('2022-03-01', 'K1', '2022-06-01', 'S', 'E11')],
      },
      // S9: never in secure accommodation.
      { __typename: 'Child', id: 'S9', episodes: [episode('2021-06-01', 'U4', null)] },
    ];
    for (const role of ['manager', 'iro'] as const) {
      const result = await graphql(running.url, query, {
        token: await token('north', role),
        variables: { reps },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities).toEqual([
        { id: 'C1', advocacyRequiredInSecurePlacement: false },
        { id: 'C2', advocacyRequiredInSecurePlacement: true },
        { id: 'S9', advocacyRequiredInSecurePlacement: false },
      ]);
    }
  });

  it('counts every provider’s involvements of the council, and only that council’s', async () => {
    // South's C1 has INV1 from 2022-05-06; the same secure spell is covered in south, not in north
    // (north's C1 involvements start in 2023).
    const reps = [
      { __typename: 'Child', id: 'C1', episodes: [episode('2022-05-01', 'K1', '2022-05-31', 'S', 'E11')] },
    ];
    const south = await graphql(running.url, query, {
      token: await token('south', 'manager'),
      variables: { reps },
    });
    const north = await graphql(running.url, query, {
      token: await token('north', 'manager'),
      variables: { reps },
    });
    expect(south.data?._entities).toEqual([{ id: 'C1', advocacyRequiredInSecurePlacement: false }]);
    expect(north.data?._entities).toEqual([{ id: 'C1', advocacyRequiredInSecurePlacement: true }]);
  });
});

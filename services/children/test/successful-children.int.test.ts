import {
  graphql,
  startTestService,
  type TestDatabase,
  type TestKeys,
  type TestService,
} from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as children } from '../src/index.ts';
import { seedTwoCouncils } from './fixtures.ts';

let database: TestDatabase;
let keys: TestKeys;
let running: TestService;

beforeAll(async () => {
  running = await startTestService(children, { seed: seedTwoCouncils });
  ({ database, keys } = running);
});

afterAll(() => running?.stop());

const manager = (tenant: string) => keys.tokenFor({ tenant, roles: ['manager'], sub: `${tenant}-manager` });

describe('a manager', () => {
  it('sees every child of their council and only theirs', async () => {
    const result = await graphql<{ children: { id: string; displayName: string }[] }>(
      running.url,
      '{ children { id displayName } }',
      { token: await manager('north') },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.children).toEqual([
      { id: 'C1', displayName: 'Ada North' },
      { id: 'C2', displayName: 'Ben North' },
    ]);
  });

  it('reads the same CHILD reference as two different children in two councils', async () => {
    const query = '{ child(id: "C1") { displayName currentEpisode { placement } iro { name } } }';
    const north = await graphql(running.url, query, { token: await manager('north') });
    const south = await graphql(running.url, query, { token: await manager('south') });
    expect(north.data).toEqual({
      child: {
        displayName: 'Ada North',
        currentEpisode: { placement: 'U1' },
        iro: { name: 'Nadia Reviewer' },
      },
    });
    expect(south.data).toEqual({
      child: {
        displayName: 'Cleo South',
        currentEpisode: { placement: 'K2' },
        iro: { name: 'Sam Reviewer' },
      },
    });
  });

  it('resolves many entity references in one _entities call', async () => {
    const result = await graphql<{ _entities: ({ id: string } | null)[] }>(
      running.url,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Child { id } } }`,
      {
        token: await manager('north'),
        variables: { reps: ['C1', 'C2', 'S9'].map((id) => ({ __typename: 'Child', id })) },
      },
    );
    expect(result.data?._entities).toEqual([{ id: 'C1' }, { id: 'C2' }, null]);
  });

  it('reallocates a child, ending the previous allocation the day before, and audits it', async () => {
    const token = await manager('north');
    const result = await graphql(
      running.url,
      `mutation { allocateIro(input: { childId: "C1", iroId: "I2", startDate: "2024-04-01" }) {
         startDate iro { id } child { allocations { startDate endDate iro { id } } } } }`,
      { token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      allocateIro: {
        startDate: '2024-04-01',
        iro: { id: 'I2' },
        child: {
          allocations: [
            { startDate: '2023-01-11', endDate: '2024-03-31', iro: { id: 'I1' } },
            { startDate: '2024-04-01', endDate: null, iro: { id: 'I2' } },
          ],
        },
      },
    });
    const audit = await database.superuser.query(
      `select actor, action, entity, entity_ids from children.audit_events where tenant_id = 'north' and action = 'create'`,
    );
    expect(audit.rows).toEqual([
      { actor: 'north-manager', action: 'create', entity: 'Allocation', entity_ids: ['C1'] },
    ]);
  });
});

describe('an IRO', () => {
  it('sees their own caseload', async () => {
    const token = await keys.tokenFor({ tenant: 'south', roles: ['iro'], staffRef: 'I1' });
    const result = await graphql(running.url, '{ myCaseload { id displayName } }', { token });
    expect(result.data).toEqual({ myCaseload: [{ id: 'C1', displayName: 'Cleo South' }] });
  });
});

describe('reading a child record', () => {
  it('is attributed to the person who read it', async () => {
    const token = await keys.tokenFor({ tenant: 'south', roles: ['manager'], sub: 'reader-42' });
    await graphql(running.url, '{ child(id: "S9") { id } }', { token });
    const audit = await database.superuser.query(
      `select entity_ids from children.audit_events where actor = 'reader-42' and action = 'read'`,
    );
    expect(audit.rows).toEqual([{ entity_ids: ['S9'] }]);
  });
});

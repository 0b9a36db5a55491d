import { COMPLIANCE_CHECKS, type ComplianceItem } from '@footprint/domain';
import { decodeCareHistory, type EncodedCareHistory } from '@footprint/graphql';
import { entitiesOf, entitiesQuery, graphql, testService } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as children } from '../src/index.ts';
import { AS_OF, STORED_NORTH, seedComplianceCouncils, seedStoredChecks } from './compliance-fixtures.ts';

const running = testService(children, {
  seed: async (db) => {
    await seedComplianceCouncils(db);
    await seedStoredChecks(db);
  },
});
beforeAll(running.start);
afterAll(running.stop);

const manager = (tenant = 'north') => running.keys.tokenForRole('manager', { tenant });
const iro = (staffRef: string, tenant = 'north') => running.keys.tokenForRole('iro', { tenant, staffRef });

type Check = {
  check: string;
  count: number;
  items: (Omit<ComplianceItem, 'childId'> & { child: { id: string } | null })[];
};
const CHECK = 'check count items { child { id } reference what dueDate daysOverdue iroId }';

type Compliance = {
  asOf: string;
  careHistory: EncodedCareHistory;
  policy: Record<string, unknown>;
  allocatedIros: { childId: string; iroId: string | null }[];
  childrenChecks: Check[];
};

const live = async (tenant = 'north', asOf = AS_OF) => {
  const result = await graphql<{ compliance: Compliance }>(
    running.url,
    `query ($asOf: Date!) { compliance(asOf: $asOf) {
       asOf careHistory policy allocatedIros { childId iroId } childrenChecks { ${CHECK} } } }`,
    { token: await manager(tenant), variables: { asOf } },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.compliance;
};

const asGraphQL = ({ childId, ...rest }: ComplianceItem) => ({
  child: childId === null ? null : { id: childId },
  ...rest,
});

const auditRows = async (entity: string) =>
  (
    await running.database.superuser.query(
      'select tenant_id, actor, action, entity_ids from children.audit_events where entity = $1 order by at',
      [entity],
    )
  ).rows;

describe('the live children checks', () => {
  it('are the ones worked out by hand (see compliance-fixtures.ts), every check in order', async () => {
    const { asOf, childrenChecks } = await live();
    expect(asOf).toBe(AS_OF);
    expect(childrenChecks.map((c) => c.check)).toEqual(COMPLIANCE_CHECKS.children);
    expect(childrenChecks).toEqual([
      {
        check: 'caseload_over_capacity',
        count: 1,
        // I2: C2 and C4 (short breaks count) at 0.02 FTE. I1: C1 only (C8's ended, C9 left care).
        items: [
          {
            child: null,
            reference: 'I2',
            what: '2 children, 0.02 FTE: 100 per FTE, band 70',
            dueDate: null,
            daysOverdue: null,
            iroId: 'I2',
          },
        ],
      },
      {
        check: 'iro_allocation_late',
        count: 3,
        // Most overdue first. C5 is not yet due; C1's period began long ago and has an IRO.
        items: [
          {
            child: { id: 'C8' },
            reference: '2019-01-07',
            what: 'No IRO allocated on 2024-06-03; in care since 2019-01-07',
            dueDate: '2019-01-14',
            daysOverdue: 1967,
            iroId: null,
          },
          {
            child: { id: 'C2' },
            reference: '2024-03-04',
            what: 'IRO allocated on 2024-03-15, 9 working days after care began on 2024-03-04 (due within 5)',
            dueDate: '2024-03-11',
            daysOverdue: 84,
            iroId: null,
          },
          {
            child: { id: 'C3' },
            reference: '2024-05-20',
            what: 'No IRO allocated since care began on 2024-05-20 (due within 5 working days)',
            dueDate: '2024-05-28',
            daysOverdue: 6,
            iroId: null,
          },
        ],
      },
      {
        check: 'sibling_group_split',
        count: 1,
        // G2 (C6, C7) are both with I3.
        items: [
          {
            child: { id: 'C1' },
            reference: 'G1',
            what: 'Siblings with 2 IROs: C1 (I1), C2 (I2)',
            dueDate: null,
            daysOverdue: null,
            iroId: null,
          },
        ],
      },
    ]);
  });

  it('give the care history, policy and IRO of every child in a period that includes the date', async () => {
    const { careHistory, policy, allocatedIros } = await live();
    const history = decodeCareHistory(careHistory)!;
    // C9 left care on the day itself and is in; C10 was never in care.
    expect(history.map((c) => c.childId)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9']);
    expect(history[1]).toEqual({
      childId: 'C2',
      dateOfBirth: '2014-06-15',
      episodes: [
        {
          startDate: '2024-03-04',
          endDate: null,
          reasonNewEpisode: 'S',
          legalStatus: 'C2',
          placement: 'U4',
          reasonEnded: null,
        },
      ],
    });
    expect(policy).toMatchObject({ capacityBand: 70, iroAllocationDays: 5 });
    expect(allocatedIros).toEqual([
      { childId: 'C1', iroId: 'I1' },
      { childId: 'C2', iroId: 'I2' },
      { childId: 'C3', iroId: null },
      { childId: 'C4', iroId: 'I2' },
      { childId: 'C5', iroId: null },
      { childId: 'C6', iroId: 'I3' },
      { childId: 'C7', iroId: 'I3' },
      { childId: 'C8', iroId: null },
      { childId: 'C9', iroId: 'I1' },
    ]);
  });

  it('of the other council are its own, although the councils share references', async () => {
    const south = await live('south');
    expect(south.policy).toMatchObject({ capacityBand: 1 });
    expect(south.allocatedIros).toEqual([
      { childId: 'C1', iroId: 'I1' },
      { childId: 'C2', iroId: 'I1' },
    ]);
    expect(south.childrenChecks).toEqual([
      {
        check: 'caseload_over_capacity',
        count: 1,
        items: [
          {
            child: null,
            reference: 'I1',
            what: '2 children, 1.0 FTE: 2 per FTE, band 1',
            dueDate: null,
            daysOverdue: null,
            iroId: 'I1',
          },
        ],
      },
      // C1's IRO came the next working day; south's G1 is all with I1.
      { check: 'iro_allocation_late', count: 0, items: [] },
      { check: 'sibling_group_split', count: 0, items: [] },
    ]);
    // North's band stays the default.
    expect((await live('north')).policy).toMatchObject({ capacityBand: 70 });
  });

  it('on an earlier date read only what was so then', async () => {
    // 1 December 2023: C2, C3 and C5 not yet in care; C8 still had I1; I2 has C4 alone (50 per FTE).
    const { childrenChecks, allocatedIros } = await live('north', '2023-12-01');
    expect(childrenChecks.map((c) => [c.check, c.count])).toEqual([
      ['caseload_over_capacity', 0],
      ['iro_allocation_late', 0],
      ['sibling_group_split', 0],
    ]);
    expect(allocatedIros.find((a) => a.childId === 'C8')).toEqual({ childId: 'C8', iroId: 'I1' });
  });

  it('audit the read, naming the date', async () => {
    await live('north', '2024-05-01');
    expect(await auditRows('Compliance')).toContainEqual({
      tenant_id: 'north',
      actor: 'north-manager',
      action: 'read',
      entity_ids: ['2024-05-01'],
    });
  });

  it('answer the gateway’s _entities call for several dates with what each date gives', async () => {
    const entities = await entitiesOf<{ asOf: string; childrenChecks: { count: number }[] }>(
      running.url,
      entitiesQuery('Compliance', 'asOf childrenChecks { count } careHistory policy'),
      [
        { __typename: 'Compliance', asOf: AS_OF },
        { __typename: 'Compliance', asOf: '2023-12-01' },
      ],
      { token: await manager() },
    );
    expect(entities.map((e) => [e.asOf, e.childrenChecks.map((c) => c.count)])).toEqual([
      [AS_OF, [1, 3, 1]],
      ['2023-12-01', [0, 0, 0]],
    ]);
  });
});

describe('the stored children checks', () => {
  const recorded = async (token: string, asOf = '2024-06-02') => {
    const result = await graphql<{
      latestCompliance: { asOf: string; childrenRecordedChecks: Check[] } | null;
    }>(running.url, `{ latestCompliance { asOf childrenRecordedChecks { ${CHECK} } } }`, { token });
    expect(result.errors).toBeUndefined();
    expect(result.data?.latestCompliance?.asOf).toBe(asOf);
    return result.data!.latestCompliance!.childrenRecordedChecks;
  };

  it('show a manager every item of the latest night, only this service’s checks, in order', async () => {
    expect(await recorded(await manager())).toEqual(
      Object.entries(STORED_NORTH).map(([check, items]) => ({
        check,
        count: items.length,
        items: items.map(asGraphQL),
      })),
    );
  });

  it('show an IRO only their own items', async () => {
    expect(await recorded(await iro('I1'))).toEqual([
      { check: 'caseload_over_capacity', count: 0, items: [] },
      { check: 'iro_allocation_late', count: 0, items: [] },
      { check: 'sibling_group_split', count: 1, items: STORED_NORTH.sibling_group_split.map(asGraphQL) },
    ]);
    expect(
      (await recorded(await iro('I2'))).map((c) => [c.check, c.items.map((i) => i.child?.id ?? i.reference)]),
    ).toEqual([
      ['caseload_over_capacity', ['I2']],
      ['iro_allocation_late', ['C2']],
      ['sibling_group_split', []],
    ]);
  });

  it('show each council its own nights and items', async () => {
    const south = await recorded(await manager('south'));
    expect(south).toEqual([
      {
        check: 'caseload_over_capacity',
        count: 1,
        items: [
          {
            child: null,
            reference: 'I1',
            what: '2 children, 1.0 FTE: 2 per FTE, band 1',
            dueDate: null,
            daysOverdue: null,
            iroId: 'I1',
          },
        ],
      },
    ]);
    const history = async (tenant: string) =>
      (
        await graphql<{ complianceHistory: { asOf: string; childrenRecordedChecks: { count: number }[] }[] }>(
          running.url,
          '{ complianceHistory(from: "2024-05-01", to: "2024-06-30") { asOf childrenRecordedChecks { count } } }',
          { token: await manager(tenant) },
        )
      ).data?.complianceHistory;
    expect(await history('north')).toEqual([
      { asOf: '2024-06-01', childrenRecordedChecks: [{ count: 0 }] },
      { asOf: '2024-06-02', childrenRecordedChecks: [{ count: 1 }, { count: 2 }, { count: 1 }] },
    ]);
    expect(await history('south')).toEqual([{ asOf: '2024-06-02', childrenRecordedChecks: [{ count: 1 }] }]);
    expect(await history('east')).toEqual([]);
  });

  it('give no latest night to a council with none, and none for a night not run', async () => {
    const east = await graphql(running.url, '{ latestCompliance { asOf } }', {
      token: await manager('east'),
    });
    expect(east.data).toEqual({ latestCompliance: null });
    const notRun = await graphql<{ compliance: { childrenRecordedChecks: unknown[] } }>(
      running.url,
      '{ compliance(asOf: "2024-05-31") { childrenRecordedChecks { check } } }',
      { token: await manager() },
    );
    expect(notRun.data?.compliance.childrenRecordedChecks).toEqual([]);
  });

  it('audit the read of the nights read', async () => {
    await recorded(await iro('I1'));
    expect(await auditRows('ComplianceSnapshot')).toContainEqual({
      tenant_id: 'north',
      actor: 'north-iro',
      action: 'read',
      entity_ids: ['2024-06-02'],
    });
  });
});

describe('sibling groups', () => {
  const query = (token: string, q: string, variables: Record<string, unknown> = {}) =>
    graphql<Record<string, unknown>>(running.url, q, { token, variables });

  it('show a child’s group and its members to a manager and to the child’s IRO', async () => {
    const q = '{ child(id: "C2") { siblingGroup { id childIds children { id } } } }';
    expect((await query(await manager(), q)).data).toEqual({
      child: { siblingGroup: { id: 'G1', childIds: ['C1', 'C2'], children: [{ id: 'C1' }, { id: 'C2' }] } },
    });
    // I2 has C2 but not C1: the group names C1, the child record stays hidden.
    expect((await query(await iro('I2'), q)).data).toEqual({
      child: { siblingGroup: { id: 'G1', childIds: ['C1', 'C2'], children: [{ id: 'C2' }] } },
    });
    expect((await query(await manager('south'), q)).data).toEqual({
      child: { siblingGroup: { id: 'G1', childIds: ['C1', 'C2'], children: [{ id: 'C1' }, { id: 'C2' }] } },
    });
    expect((await query(await manager(), '{ child(id: "C3") { siblingGroup { id } } }')).data).toEqual({
      child: { siblingGroup: null },
    });
    expect(await auditRows('SiblingGroup')).toContainEqual({
      tenant_id: 'north',
      actor: 'north-iro',
      action: 'read',
      entity_ids: ['G1'],
    });
  });

  it('are recorded by a manager or an IRO, audited, and split groups show in the checks', async () => {
    const recorded = await query(
      await iro('I1'),
      'mutation { recordSiblingGroup(childIds: ["C5", "C3", "C10"]) { id childIds } }',
    );
    expect(recorded.errors).toBeUndefined();
    const group = recorded.data!.recordSiblingGroup as { id: string; childIds: string[] };
    expect(group.childIds).toEqual(['C10', 'C3', 'C5']);
    expect(await auditRows('SiblingGroup')).toContainEqual({
      tenant_id: 'north',
      actor: 'north-iro',
      action: 'create',
      entity_ids: [group.id],
    });
    // None of them has an IRO: no split yet.
    expect((await live()).childrenChecks[2]?.count).toBe(1);

    // Taking C3 out leaves C5 and C10; taking C5 out too ends the group.
    const first = await query(
      await manager(),
      'mutation { removeFromSiblingGroup(childId: "C3") { id childIds } }',
    );
    expect(first.data).toEqual({ removeFromSiblingGroup: { id: group.id, childIds: ['C10', 'C5'] } });
    const last = await query(await manager(), 'mutation { removeFromSiblingGroup(childId: "C5") { id } }');
    expect(last.data).toEqual({ removeFromSiblingGroup: null });
    const { rows } = await running.database.superuser.query(
      'select count(*)::int as n from children.sibling_groups where group_id = $1',
      [group.id],
    );
    expect(rows[0].n).toBe(0);
    expect(
      (await auditRows('SiblingGroup')).filter((r) => r.entity_ids[0] === group.id).map((r) => r.action),
    ).toEqual(['create', 'update', 'delete']);
  });

  it('in one council leave the other’s alone', async () => {
    const recorded = await query(
      await manager('south'),
      'mutation { removeFromSiblingGroup(childId: "C2") { id } }',
    );
    expect(recorded.data).toEqual({ removeFromSiblingGroup: null });
    const { rows } = await running.database.superuser.query(
      'select tenant_id, group_id, child_id from children.sibling_groups where group_id = $1 order by 1, 3',
      ['G1'],
    );
    expect(rows).toEqual([
      { tenant_id: 'north', group_id: 'G1', child_id: 'C1' },
      { tenant_id: 'north', group_id: 'G1', child_id: 'C2' },
    ]);
    // South's C1 and C2 are free again; north's are not.
    const again = await query(
      await manager('south'),
      'mutation { recordSiblingGroup(childIds: ["C1", "C2"]) { childIds } }',
    );
    expect(again.data).toEqual({ recordSiblingGroup: { childIds: ['C1', 'C2'] } });
  });
});

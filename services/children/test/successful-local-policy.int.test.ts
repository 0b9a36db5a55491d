import type { CodeCount } from '@footprint/graphql';
import { graphql, snapshotTables, testService } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as children } from '../src/index.ts';
import { seedAnnualReportCouncils } from './annual-report-fixtures.ts';

const running = testService(children, {
  seed: async (db) => {
    await seedAnnualReportCouncils(db);
    // What an import of a local_policy file leaves: the key in lower case, EFFECTIVE as a date.
    await db.query(`
      insert into children.local_policy (tenant_id, key, effective, value) values
        ('north', 'age_bands', '2020-04-01', '0,5,10,16'),
        ('south', 'age_bands', '2021-04-01', '0,1,5,11,17');
    `);
  },
});
beforeAll(running.start);
afterAll(running.stop);

const token = (role: 'manager' | 'council_admin', tenant = 'north') =>
  running.keys.tokenForRole(role, { tenant });

type Setting = { key: string; value: string; effective: string; inForce: boolean };
type Bands = { bounds: number[]; labels: string[]; effective: string | null };

const SET = `mutation ($key: String!, $value: String!, $effective: Date!) {
  setLocalPolicy(key: $key, value: $value, effective: $effective) { key value effective inForce }
}`;

const set = async (
  variables: Record<string, string>,
  role: 'manager' | 'council_admin' = 'manager',
  tenant = 'north',
) => {
  const result = await graphql<{ setLocalPolicy: Setting }>(running.url, SET, {
    token: await token(role, tenant),
    variables,
  });
  expect(result.errors).toBeUndefined();
  return result.data!.setLocalPolicy;
};

const stored = async (tenant = 'north', role: 'manager' | 'council_admin' = 'manager') => {
  const result = await graphql<{ localPolicy: Setting[] }>(
    running.url,
    '{ localPolicy { key value effective inForce } }',
    { token: await token(role, tenant) },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.localPolicy;
};

const bandsOn = async (on: string | null, tenant = 'north') => {
  const result = await graphql<{ ageBandsInForce: Bands }>(
    running.url,
    'query ($on: Date) { ageBandsInForce(on: $on) { bounds labels effective } }',
    { token: await token('manager', tenant), variables: { on } },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.ageBandsInForce;
};

const localBands = async (tenant: string, year: number) => {
  const result = await graphql<{ annualReport: { children: { byLocalAgeBand: CodeCount[] } } }>(
    running.url,
    'query ($year: Int!) { annualReport(year: $year) { children { byLocalAgeBand { code count } } } }',
    { token: await token('manager', tenant), variables: { year } },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.annualReport.children.byLocalAgeBand.map((band) => band.code);
};

const auditRows = async () =>
  (
    await running.database.superuser.query(
      `select tenant_id, actor, action, entity, entity_ids, detail from children.audit_events
       where entity = 'LocalPolicy' order by at, id`,
    )
  ).rows;

describe('reading the council’s local policy', () => {
  it('lists the stored settings of the caller’s council only, marking the one in force', async () => {
    expect(await stored('north')).toEqual([
      { key: 'age_bands', value: '0,5,10,16', effective: '2020-04-01', inForce: true },
    ]);
    expect(await stored('south')).toEqual([
      { key: 'age_bands', value: '0,1,5,11,17', effective: '2021-04-01', inForce: true },
    ]);
  });

  it('gives the age bands in force on a date, or the DfE’s default before any', async () => {
    expect(await bandsOn('2020-03-31')).toEqual({
      bounds: [0, 1, 5, 10, 16],
      labels: ['under1', '1-4', '5-9', '10-15', '16+'],
      effective: null,
    });
    expect(await bandsOn('2020-04-01')).toEqual({
      bounds: [0, 5, 10, 16],
      labels: ['0-4', '5-9', '10-15', '16+'],
      effective: '2020-04-01',
    });
    expect((await bandsOn(null, 'south')).bounds).toEqual([0, 1, 5, 11, 17]);
  });

  it('is open to a council administrator, who configures the council too', async () => {
    expect(await stored('north', 'council_admin')).toHaveLength(1);
  });
});

describe('setting age bands', () => {
  it('creates a setting, audited, that the report’s local age bands then use', async () => {
    const before = await snapshotTables(running.database.superuser, 'children', ['local_policy']);
    const saved = await set({ key: 'age_bands', value: '0, 2, 11, 16', effective: '2023-04-01' });
    expect(saved).toEqual({
      key: 'age_bands',
      value: '0, 2, 11, 16',
      effective: '2023-04-01',
      inForce: true,
    });
    const after = await snapshotTables(running.database.superuser, 'children', ['local_policy']);
    expect(after.local_policy).toHaveLength(before.local_policy!.length + 1);
    expect(after.local_policy).toContainEqual({
      tenant_id: 'north',
      key: 'age_bands',
      effective: expect.anything(),
      value: '0, 2, 11, 16',
    });
    // The bands in force on 31 March apply to the whole report year (further-tables §2).
    expect(await localBands('north', 2023)).toEqual(['0-1', '2-10', '11-15', '16+']);
    expect(await localBands('north', 2022)).toEqual(['0-4', '5-9', '10-15', '16+']);
    expect(await localBands('south', 2023)).toEqual(['under1', '1-4', '5-10', '11-16', '17+']);
    expect(await auditRows()).toEqual([
      {
        tenant_id: 'north',
        actor: 'north-manager',
        action: 'create',
        entity: 'LocalPolicy',
        entity_ids: ['age_bands/2023-04-01'],
        detail: { key: 'age_bands', effective: '2023-04-01', value: '0, 2, 11, 16' },
      },
    ]);
  });

  it('replaces the value of the same key and date, as a re-import does, audited as an update', async () => {
    const saved = await set({ key: 'AGE_BANDS', value: '0,1,5,10,16', effective: '2023-04-01' });
    expect(saved).toMatchObject({ key: 'age_bands', value: '0,1,5,10,16', effective: '2023-04-01' });
    const rows = (await stored('north')).filter((s) => s.effective === '2023-04-01');
    expect(rows).toEqual([
      { key: 'age_bands', value: '0,1,5,10,16', effective: '2023-04-01', inForce: true },
    ]);
    expect((await auditRows()).at(-1)).toMatchObject({
      action: 'update',
      entity_ids: ['age_bands/2023-04-01'],
      detail: { value: '0,1,5,10,16', previous: '0, 2, 11, 16' },
    });
  });

  it('writes nothing and audits nothing when the value is already the one stored', async () => {
    const audited = (await auditRows()).length;
    await set({ key: 'age_bands', value: '0,1,5,10,16', effective: '2023-04-01' });
    expect(await auditRows()).toHaveLength(audited);
  });

  it('keeps the history: a future date is stored but not yet in force', async () => {
    await set({ key: 'age_bands', value: '0,1,5,11,16', effective: '2099-04-01' }, 'council_admin');
    expect(await stored('north')).toEqual([
      { key: 'age_bands', value: '0,1,5,11,16', effective: '2099-04-01', inForce: false },
      { key: 'age_bands', value: '0,1,5,10,16', effective: '2023-04-01', inForce: true },
      { key: 'age_bands', value: '0,5,10,16', effective: '2020-04-01', inForce: false },
    ]);
    expect((await auditRows()).at(-1)).toMatchObject({ actor: 'north-council_admin', action: 'create' });
    expect(await bandsOn('2099-04-01')).toMatchObject({ bounds: [0, 1, 5, 11, 16], effective: '2099-04-01' });
  });

  it('never touches another council’s settings', async () => {
    expect(await stored('south')).toEqual([
      { key: 'age_bands', value: '0,1,5,11,17', effective: '2021-04-01', inForce: true },
    ]);
    const southAudit = (await auditRows()).filter((row) => row.tenant_id === 'south');
    expect(southAudit).toEqual([]);
  });

  it('sets other keys of the local_policy file the same way', async () => {
    const saved = await set({ key: 'capacity_band', value: '65', effective: '2024-01-01' });
    expect(saved).toMatchObject({ key: 'capacity_band', value: '65', inForce: true });
  });
});

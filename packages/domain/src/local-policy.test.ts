import { describe, expect, it } from 'vitest';
import {
  ageBandLabels,
  ageBandOf,
  defaultLocalPolicy,
  localPolicyProblems,
  localPolicySchema,
  localReviewIntervalMonths,
  policyOn,
  policyVersionsFromRows,
} from './local-policy.ts';

describe('local policy defaults and validation', () => {
  it('has the spec’s defaults and validates', () => {
    expect(localPolicySchema.parse(defaultLocalPolicy)).toEqual(defaultLocalPolicy);
    expect(defaultLocalPolicy.paperwork).toEqual({
      outcomesIssuedDays: 5,
      recordCompletedDays: 15,
      recordDistributedDays: 20,
    });
    expect(defaultLocalPolicy).toMatchObject({
      midwayReviews: true,
      capacityBand: 70,
      disclosureThreshold: 5,
    });
    expect(defaultLocalPolicy.escalationStages.map((s) => [s.key, s.responseWorkingDays])).toEqual([
      ['informal', 5],
      ['stage1', 5],
      ['stage2', 5],
      ['stage3', 10],
    ]);
    expect(defaultLocalPolicy.ageBands).toEqual([0, 1, 5, 10, 16]);
  });

  it('refuses a lower disclosure threshold, bad bands and duplicate stages', () => {
    expect(localPolicyProblems({ ...defaultLocalPolicy, disclosureThreshold: 4 })).toEqual([
      'disclosureThreshold: Too small: expected number to be >=5',
    ]);
    expect(localPolicyProblems({ ...defaultLocalPolicy, disclosureThreshold: 10 })).toEqual([]);
    expect(localPolicyProblems({ ...defaultLocalPolicy, ageBands: [1, 5] })).toHaveLength(1);
    expect(localPolicyProblems({ ...defaultLocalPolicy, ageBands: [0, 5, 5] })).toHaveLength(1);
    const stage = defaultLocalPolicy.escalationStages[0]!;
    expect(localPolicyProblems({ ...defaultLocalPolicy, escalationStages: [stage, stage] })).toHaveLength(1);
  });
});

describe('versions (further-tables §2a)', () => {
  const versions = [
    { effective: '2022-04-01', settings: { ageBands: [0, 5, 11, 16] } },
    { effective: '2023-01-01', settings: { capacityBand: 60 } },
    { effective: '2024-01-01', settings: { ageBands: [0, 10] } },
  ];

  it('each setting from the latest version on or before the date, else the default', () => {
    expect(policyOn(versions, '2022-03-31')).toEqual(defaultLocalPolicy);
    expect(policyOn(versions, '2022-04-01').ageBands).toEqual([0, 5, 11, 16]);
    expect(policyOn(versions, '2023-06-01')).toMatchObject({ ageBands: [0, 5, 11, 16], capacityBand: 60 });
    expect(policyOn(versions, '2024-06-01')).toMatchObject({ ageBands: [0, 10], capacityBand: 60 });
  });

  it('reads the local_policy file', () => {
    const {
      versions: read,
      problems,
      warnings,
    } = policyVersionsFromRows([
      { key: 'AGE_BANDS', value: '0, 5, 11,16', effective: '2022-04-01' },
      { key: 'record_completed_days', value: '10', effective: '2022-04-01' },
      { key: 'outcomes_issued_days', value: '3', effective: '2023-04-01' },
      { key: 'colour', value: 'blue', effective: '2022-04-01' },
      { key: 'age_bands', value: '0,1', effective: '' },
      { key: 'age_bands', value: '0,5', effective: '01/04/2022' },
      { key: 'capacity_band', value: 'lots', effective: '2022-04-01' },
      { key: 'disclosure_threshold', value: '3', effective: '2022-04-01' },
    ]);
    expect(warnings).toEqual([{ row: 5, column: 'KEY', message: 'unknown setting colour, ignored' }]);
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [6, 'EFFECTIVE'],
      [7, 'KEY'],
      [8, 'VALUE'],
      [9, 'VALUE'],
    ]);
    expect(policyOn(read, '2022-05-01')).toMatchObject({
      ageBands: [0, 5, 11, 16],
      paperwork: { outcomesIssuedDays: 5, recordCompletedDays: 10, recordDistributedDays: 20 },
    });
    expect(policyOn(read, '2023-05-01').paperwork).toEqual({
      outcomesIssuedDays: 3,
      recordCompletedDays: 10,
      recordDistributedDays: 20,
    });
  });
});

describe('age bands (further-tables §2)', () => {
  it('labels bands', () => {
    expect(ageBandLabels([0, 1, 5, 10, 16])).toEqual(['under1', '1-4', '5-9', '10-15', '16+']);
    expect(ageBandLabels([0, 5, 11, 16])).toEqual(['0-4', '5-10', '11-15', '16+']);
    expect(ageBandLabels([0, 1, 2, 17])).toEqual(['under1', '1-1', '2-16', '17+']);
  });

  it('places an age in its band', () => {
    expect(ageBandOf(0, [0, 1, 5, 10, 16])).toBe('under1');
    expect(ageBandOf(4, [0, 1, 5, 10, 16])).toBe('1-4');
    expect(ageBandOf(17, [0, 1, 5, 10, 16])).toBe('16+');
  });
});

describe('stricter local review intervals (§3.4)', () => {
  it('applies the first rule matching the age, ends included', () => {
    const policy = { ...defaultLocalPolicy, reviewIntervals: [{ fromAge: 0, toAge: 5, months: 3 }] };
    expect(localReviewIntervalMonths(policy, 5)).toBe(3);
    expect(localReviewIntervalMonths(policy, 6)).toBeNull();
    expect(localReviewIntervalMonths(defaultLocalPolicy, 2)).toBeNull();
  });
});

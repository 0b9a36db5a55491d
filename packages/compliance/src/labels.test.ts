import { ALL_COMPLIANCE_CHECKS, COMPLIANCE_CHECKS } from '@footprint/domain';
import { describe, expect, it } from 'vitest';
import {
  COMPLIANCE_CHECK_LABELS,
  complianceCheckLabel,
  isComplianceCheck,
  MAIN_COMPLIANCE_CHECKS,
  serviceOfCheck,
} from './labels.ts';

describe('the checks in plain words', () => {
  it('names every check, and only those, without its code name', () => {
    expect(Object.keys(COMPLIANCE_CHECK_LABELS).sort()).toEqual([...ALL_COMPLIANCE_CHECKS].sort());
    for (const check of ALL_COMPLIANCE_CHECKS) {
      const { label, short } = COMPLIANCE_CHECK_LABELS[check];
      expect(label, check).not.toContain('_');
      expect(short.length, check).toBeLessThanOrEqual(label.length);
      expect(complianceCheckLabel(check)).toBe(label);
    }
    expect(new Set(ALL_COMPLIANCE_CHECKS.map(complianceCheckLabel)).size).toBe(ALL_COMPLIANCE_CHECKS.length);
  });

  it('knows a check from anything else', () => {
    expect(isComplianceCheck('review_overdue')).toBe(true);
    expect(isComplianceCheck('toString')).toBe(false);
    expect(isComplianceCheck('no_such_check')).toBe(false);
    expect(complianceCheckLabel('no_such_check')).toBe('no_such_check');
  });

  it('takes the main checks from the checks, and each check’s service from COMPLIANCE_CHECKS', () => {
    for (const check of MAIN_COMPLIANCE_CHECKS) expect(ALL_COMPLIANCE_CHECKS).toContain(check);
    for (const [service, checks] of Object.entries(COMPLIANCE_CHECKS))
      for (const check of checks) expect(serviceOfCheck(check)).toBe(service);
  });
});

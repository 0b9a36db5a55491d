import { describe, expect, it } from 'vitest';
import {
  codeLabel,
  ethnicGroupOf,
  isKnownCode,
  isPlacedForAdoption,
  isShortBreakLegalStatus,
  isValidLegalStatusOn,
  isValidPlacementOn,
  participationWording,
  placementProblem,
  sexOf,
} from './codes.ts';

describe('code lists (codes/*.json)', () => {
  it('knows every list', () => {
    expect(isKnownCode('reason-episode-ceased', 'X1')).toBe(true);
    expect(isKnownCode('reason-episode-ceased', 'E43')).toBe(true);
    expect(isKnownCode('category-of-need', 'N9')).toBe(false);
    expect(codeLabel('late-review-reasons', 'iro_unavailable')).toBe('IRO unavailable');
    expect(isKnownCode('escalation-themes', 'drift_delay')).toBe(true);
  });

  it('placement codes are valid within their dates on the episode’s start date', () => {
    expect(isValidPlacementOn('K3', '2024-03-31')).toBe(false);
    expect(isValidPlacementOn('K3', '2024-04-01')).toBe(true);
    expect(isValidPlacementOn('P2', '2023-10-27')).toBe(true);
    expect(isValidPlacementOn('P2', '2023-10-28')).toBe(false);
    expect(isValidPlacementOn('Z1', '2025-04-01')).toBe(false);
    expect(isValidPlacementOn('Z11', '2025-04-01')).toBe(true);
    expect(isValidPlacementOn('XX', '2020-01-01')).toBe(false);
    expect(placementProblem('Q1', '2010-01-01')).toMatch(/U1-U3/);
    expect(placementProblem('H5', '2025-04-01')).toMatch(/valid only up to 2025-03-31/);
    expect(placementProblem('U6', '2025-04-01')).toBeNull();
  });

  it('D1 up to 31 December 2005, E1 from 1 December 2005 (§14)', () => {
    expect(isValidLegalStatusOn('D1', '2005-12-31')).toBe(true);
    expect(isValidLegalStatusOn('D1', '2006-01-01')).toBe(false);
    expect(isValidLegalStatusOn('E1', '2005-11-30')).toBe(false);
    expect(isValidLegalStatusOn('E1', '2005-12-01')).toBe(true);
    expect(isValidLegalStatusOn('C2', '1999-01-01')).toBe(true);
    expect(isValidLegalStatusOn('ZZ', '2020-01-01')).toBe(false);
  });

  it('classifies short breaks, adoption placements, sex and ethnic groups', () => {
    expect(isShortBreakLegalStatus('V3')).toBe(true);
    expect(isShortBreakLegalStatus('V2')).toBe(false);
    expect(isPlacedForAdoption('A6')).toBe(true);
    expect(isPlacedForAdoption('U5')).toBe(false);
    expect([sexOf('1'), sexOf('F'), sexOf('u'), sexOf(''), sexOf('9')]).toEqual([
      'male',
      'female',
      'unknown',
      'unknown',
      'unknown',
    ]);
    expect([
      ethnicGroupOf('WROM'),
      ethnicGroupOf('CHNE'),
      ethnicGroupOf('REFU'),
      ethnicGroupOf(null),
    ]).toEqual(['white', 'other', 'notRecorded', 'notRecorded']);
  });

  it('gives the official participation wording', () => {
    expect(participationWording('PN0')).toBe('Child aged under 4 at the time of the review');
  });
});

describe('copies of the spec’s code lists', () => {
  it('hold the same content as shared/spec/codes', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    const spec = fileURLToPath(new URL('../../../../shared/spec/codes/', import.meta.url));
    const ours = fileURLToPath(new URL('./codes/', import.meta.url));
    const names = readdirSync(spec).filter((f) => f.endsWith('.json'));
    expect(readdirSync(ours).sort()).toEqual(names.sort());
    for (const name of names) {
      expect(JSON.parse(readFileSync(`${ours}${name}`, 'utf8'))).toEqual(
        JSON.parse(readFileSync(`${spec}${name}`, 'utf8')),
      );
    }
  });
});

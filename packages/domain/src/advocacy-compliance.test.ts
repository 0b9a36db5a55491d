import { describe, expect, it } from 'vitest';
import type { Involvement } from './advocacy.ts';
import { advocacyComplianceChecks, securePlacementOn, secureWithoutAdvocate } from './advocacy-compliance.ts';
import { type ChildPeriods, type Episode, periodsOfCare } from './periods-of-care.ts';

const episode = (decom: string, dec: string | null, place: string, ls = 'C2', rne = 'P'): Episode => ({
  decom,
  rne,
  ls,
  place,
  dec,
  rec: dec === null ? null : 'X1',
});
const child = (id: string, ...episodes: Episode[]): ChildPeriods => {
  const [first, ...rest] = episodes;
  return { child: id, periods: periodsOfCare([{ ...first!, rne: 'S' }, ...rest]).periods };
};
const involvement = (
  child: string,
  start: string | null,
  end: string | null,
  referral = '2024-01-01',
): Involvement => ({
  id: `${child}-${referral}`,
  child,
  provider: 'voice',
  referralDate: referral,
  source: 'self',
  reasons: ['placement'],
  start,
  end,
});

// A is in a children's home, then secure (K1) from 10 January 2024, the run chained over two episodes.
const a = child(
  'A',
  episode('2023-06-01', '2024-01-10', 'R1'),
  episode('2024-01-10', '2024-02-01', 'K1'),
  episode('2024-02-01', null, 'K1', 'C1'),
);

describe('secure_without_advocate', () => {
  it('names a child in secure accommodation with no involvement, due since the secure run began', () => {
    expect(secureWithoutAdvocate([a], [], '2024-03-01')).toEqual([
      {
        childId: 'A',
        reference: '2024-01-10',
        what: 'In a secure placement (K1, C1) since 2024-01-10 with no advocate',
        dueDate: '2024-01-10',
        daysOverdue: 51,
        iroId: null,
      },
    ]);
    expect(securePlacementOn(a, '2024-01-09')).toBeNull();
  });

  it('is satisfied by an involvement open on the date (its end day included), not one ended before or starting after', () => {
    expect(secureWithoutAdvocate([a], [involvement('A', '2024-01-15', '2024-03-01')], '2024-03-01')).toEqual(
      [],
    );
    expect(
      secureWithoutAdvocate([a], [involvement('A', '2024-01-15', '2024-02-29')], '2024-03-01'),
    ).toHaveLength(1);
    expect(secureWithoutAdvocate([a], [involvement('A', '2024-03-02', null)], '2024-03-01')).toHaveLength(1);
    // Referred but no advocate started yet: open from the referral (involvementSpan).
    expect(secureWithoutAdvocate([a], [involvement('A', null, null, '2024-02-20')], '2024-03-01')).toEqual(
      [],
    );
    // Another child's advocate does not count.
    expect(secureWithoutAdvocate([a], [involvement('B', '2024-01-15', null)], '2024-03-01')).toHaveLength(1);
  });

  it('recognises youth-justice secure placements (J1–J3 in K1 or R5), not R5 on welfare grounds', () => {
    const yoi = child('Y', episode('2024-01-05', null, 'R5', 'J2'));
    const welfareR5 = child('W', episode('2024-01-05', null, 'R5', 'C2'));
    expect(secureWithoutAdvocate([yoi, welfareR5], [], '2024-01-05')).toEqual([
      expect.objectContaining({ childId: 'Y', reference: '2024-01-05', daysOverdue: 0 }),
    ]);
  });

  it('counts the last day of a secure episode, and not a child who has left secure care', () => {
    const left = child('L', episode('2024-01-05', '2024-02-01', 'K1'), episode('2024-02-01', null, 'U1'));
    expect(secureWithoutAdvocate([left], [], '2024-02-02')).toEqual([]);
    const ended = child('E', { ...episode('2024-01-05', '2024-02-01', 'K1'), rec: 'E11' });
    expect(secureWithoutAdvocate([ended], [], '2024-02-01')).toEqual([
      expect.objectContaining({ childId: 'E', dueDate: '2024-01-05' }),
    ]);
    expect(secureWithoutAdvocate([ended], [], '2024-02-02')).toEqual([]);
  });

  it('starts a new run after a break in secure care', () => {
    const back = child(
      'R',
      episode('2024-01-01', '2024-01-20', 'K1'),
      episode('2024-01-20', '2024-02-01', 'U1'),
      episode('2024-02-01', null, 'K1'),
    );
    expect(secureWithoutAdvocate([back], [], '2024-02-10')).toEqual([
      expect.objectContaining({ reference: '2024-02-01' }),
    ]);
  });

  it('gives every check of the service, in order', () => {
    expect(advocacyComplianceChecks({ children: [a], involvements: [], asOf: '2024-03-01' })).toEqual([
      { check: 'secure_without_advocate', items: [expect.objectContaining({ childId: 'A' })] },
    ]);
    expect(advocacyComplianceChecks({ children: [], involvements: [], asOf: '2024-03-01' })).toEqual([
      { check: 'secure_without_advocate', items: [] },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  chairedByChildCounts,
  participationBehind,
  participationFigures,
  participationFlag,
  reviewFormatCounts,
  reviewsByFormat,
  reviewsChairedByChild,
} from './participation.ts';

describe('participation codes against the 4th birthday (§5, §14)', () => {
  const dob = '2019-06-10';

  it('PN0 is valid up to and including the 4th birthday', () => {
    expect(participationFlag('PN0', '2023-06-09', dob)).toBeNull();
    expect(participationFlag('PN0', '2023-06-10', dob)).toBeNull();
    expect(participationFlag('PN0', '2023-06-11', dob)).toBe('pn0_after_4th_birthday');
  });

  it('PN1–PN7 are valid from the 4th birthday on', () => {
    expect(participationFlag('PN1', '2023-06-09', dob)).toBe('pn_code_under_4');
    expect(participationFlag('PN1', '2023-06-10', dob)).toBeNull();
    expect(participationFlag('PN7', '2024-01-01', dob)).toBeNull();
  });

  it('a child born on 29 February: the 4th birthday is 29 February, or 28 February in a common year', () => {
    expect(participationFlag('PN0', '2024-02-29', '2020-02-29')).toBeNull();
    expect(participationFlag('PN1', '2024-02-28', '2020-02-29')).toBe('pn_code_under_4');
    expect(participationFlag('PN0', '2024-03-01', '2020-02-29')).toBe('pn0_after_4th_birthday');
    // 2100 is not a leap year
    expect(participationFlag('PN1', '2100-02-28', '2096-02-29')).toBeNull();
  });

  it('no code is not recorded', () => {
    expect(participationFlag(null, '2023-01-01', dob)).toBe('participation_not_recorded');
    expect(participationFlag('', '2023-01-01', dob)).toBe('participation_not_recorded');
  });
});

describe('participation figures (§5)', () => {
  it('counts every review, not recorded included, and rates PN1–PN6 over PN1–PN7', () => {
    const reviews = [
      ...Array.from({ length: 3 }, () => ({ date: '2023-01-01', code: 'PN1' })),
      { date: '2023-01-01', code: 'PN5' },
      { date: '2023-01-01', code: 'PN6' },
      { date: '2023-01-01', code: 'PN7' },
      { date: '2023-01-01', code: 'PN0' },
      { date: '2023-01-01', code: null },
      { date: '2023-01-01', code: 'pn4' },
    ];
    const f = participationFigures(reviews);
    expect(f.counts).toEqual({
      PN0: 1,
      PN1: 3,
      PN2: 0,
      PN3: 0,
      PN4: 1,
      PN5: 1,
      PN6: 1,
      PN7: 1,
      notRecorded: 1,
    });
    expect(Object.values(f.counts).reduce((a, b) => a + b, 0)).toBe(reviews.length);
    expect(f.rate4Plus).toBe(85.7);
    expect(f.attendedInPerson).toBe(4);
    expect(f.viewsConveyedWithoutAttending).toBe(2);
    expect(f.flags.participation_not_recorded).toBe(1);
  });

  it('has no rate without PN1–PN7 codes', () => {
    expect(participationFigures([{ date: '2023-01-01', code: 'PN0' }]).rate4Plus).toBeNull();
  });

  it('flags codes against the date of birth where it is known', () => {
    const f = participationFigures([
      { date: '2023-06-11', code: 'PN0', dob: '2019-06-10' },
      { date: '2023-06-09', code: 'PN2', dob: '2019-06-10' },
    ]);
    expect(f.flags).toEqual({ pn0_after_4th_birthday: 1, pn_code_under_4: 1, participation_not_recorded: 0 });
  });

  it('counts chairing and meeting format', () => {
    expect(chairedByChildCounts(['no', 'chair', 'co_chair', 'co_chair', null])).toEqual({
      chair: 1,
      co_chair: 2,
    });
    expect(reviewFormatCounts(['in_person', 'virtual', 'hybrid', undefined, ''])).toEqual({
      in_person: 1,
      virtual: 1,
      hybrid: 1,
      notRecorded: 2,
    });
  });
});

describe('the reviews behind each participation, format and chairing count', () => {
  it('lists each review under its code and flag; the counts are the lists’ lengths', () => {
    const a = { date: '2023-06-11', code: 'PN0', dob: '2019-06-10', id: 'a' };
    const b = { date: '2023-06-09', code: 'pn2', dob: '2019-06-10', id: 'b' };
    const c = { date: '2023-06-09', code: null, dob: '2019-06-10', id: 'c' };
    const d = { date: '2023-06-09', code: 'PN2', id: 'd' };
    const behind = participationBehind([a, b, c, d]);
    expect(behind.byCode.PN0).toEqual([a]);
    expect(behind.byCode.PN2).toEqual([b, d]);
    expect(behind.byCode.notRecorded).toEqual([c]);
    expect(behind.flags).toEqual({
      pn0_after_4th_birthday: [a],
      pn_code_under_4: [b],
      participation_not_recorded: [c],
    });
    const figures = participationFigures([a, b, c, d]);
    for (const [code, list] of Object.entries(behind.byCode)) {
      expect(figures.counts[code as keyof typeof figures.counts]).toBe(list.length);
    }
  });

  it('lists reviews by format and by chairing, with the value read by the caller', () => {
    const rows = [
      { id: 1, format: 'virtual', chaired: 'chair' },
      { id: 2, format: null, chaired: 'no' },
      { id: 3, format: 'virtual', chaired: 'co_chair' },
    ];
    expect(reviewsByFormat(rows, (r) => r.format)).toEqual({
      in_person: [],
      virtual: [rows[0], rows[2]],
      hybrid: [],
      notRecorded: [rows[1]],
    });
    expect(reviewsChairedByChild(rows, (r) => r.chaired)).toEqual({ chair: [rows[0]], co_chair: [rows[2]] });
  });
});

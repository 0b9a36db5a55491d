import { describe, expect, it } from 'vitest';
import { periodsOfCare } from './periods-of-care.ts';
import { isWelfareSecureEpisode, isYouthJusticeSecureEpisode, secureFiguresBehind } from './secure.ts';
import { episode } from './testing/builders.ts';

const year = 2023;
const child = (id: string, ...episodes: Parameters<typeof episode>[]) => ({
  child: id,
  periods: periodsOfCare(episodes.map((e) => episode(...e))).periods,
});

describe('secure placements (further-tables §2, §2a)', () => {
  it('welfare is K1 with LS other than J1–J3; youth justice is J1–J3 in K1 or R5', () => {
    expect(isWelfareSecureEpisode(episode('2023-05-01', null, null, { place: 'K1', ls: 'C2' }))).toBe(true);
    expect(isWelfareSecureEpisode(episode('2023-05-01', null, null, { place: 'K1', ls: 'J2' }))).toBe(false);
    expect(isYouthJusticeSecureEpisode(episode('2023-05-01', null, null, { place: 'K1', ls: 'J1' }))).toBe(
      true,
    );
    expect(isYouthJusticeSecureEpisode(episode('2023-05-01', null, null, { place: 'R5', ls: 'J3' }))).toBe(
      true,
    );
    expect(isYouthJusticeSecureEpisode(episode('2023-05-01', null, null, { place: 'R5', ls: 'C2' }))).toBe(
      false,
    );
    expect(isWelfareSecureEpisode(episode('2023-05-01', null, null, { place: 'R5', ls: 'C2' }))).toBe(false);
  });

  it('counts children with such an episode overlapping the year, in both when both, short breaks included', () => {
    const children = [
      child('welfare', ['2023-01-01', '2023-04-01', 'E11', { place: 'K1', ls: 'V2' }]), // ends on 1 April: in
      child('before', ['2023-01-01', '2023-03-31', 'E11', { place: 'K1', ls: 'C2' }]), // ended the year before
      child('after', ['2024-04-01', null, null, { place: 'K1', ls: 'C2' }]), // starts the year after
      child(
        'both',
        ['2023-05-01', '2023-06-01', 'X1', { place: 'K1', ls: 'C2' }],
        ['2023-06-01', null, null, { rne: 'L', place: 'R5', ls: 'J2' }],
      ),
      child('breaks', ['2024-03-31', null, null, { place: 'K1', ls: 'V3' }]), // a short break counts
    ];
    const { figures, behind } = secureFiguresBehind(children, year);
    expect(figures).toEqual({ welfare: 3, youthJustice: 1 });
    expect(behind['secure.welfare']!.map((m) => m.child.child)).toEqual(['welfare', 'both', 'breaks']);
    expect(behind['secure.youthJustice']!.map((m) => [m.child.child, m.episodes.length])).toEqual([
      ['both', 1],
    ]);
  });
});

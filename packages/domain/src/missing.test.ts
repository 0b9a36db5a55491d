import { describe, expect, it } from 'vitest';
import { missingFigures, missingFiguresBehind, missingTypeOf } from './missing.ts';

describe('missing episodes (further-tables §2, §2a)', () => {
  const rows = [
    { child: 'a', missing: 'M', misStart: '2023-03-31' }, // the year before
    { child: 'a', missing: 'M', misStart: '2023-04-01' },
    { child: 'a', missing: 'A', misStart: '2023-06-01' },
    { child: 'b', missing: null, misStart: '2024-03-31' },
    { child: 'c', missing: 'M', misStart: '2024-04-01' }, // the year after
  ];

  it('counts the rows whose MIS_START is in the year, the distinct children, and the rows by type', () => {
    const { figures, behind, children } = missingFiguresBehind(rows, 2023);
    expect(figures).toEqual({ episodes: 3, children: 2, byType: { M: 1, A: 1, notRecorded: 1 } });
    expect(children.map((c) => [c.child, c.episodes.length])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(behind['missing.byType.notRecorded']).toEqual([rows[3]]);
  });

  it('reports every type with 0 when none occurs', () => {
    expect(missingFigures([], 2023)).toEqual({
      episodes: 0,
      children: 0,
      byType: { M: 0, A: 0, notRecorded: 0 },
    });
  });

  it('reads M and A ignoring case, anything else as not recorded', () => {
    expect([' m', 'A', '', null, undefined].map(missingTypeOf)).toEqual([
      'M',
      'A',
      'notRecorded',
      'notRecorded',
      'notRecorded',
    ]);
  });
});

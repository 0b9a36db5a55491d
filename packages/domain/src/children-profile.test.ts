import { describe, expect, it } from 'vitest';
import { reportingYear, toIsoDate } from './calendar.ts';
import {
  type ChildProfileFacts,
  childrenProfile,
  childrenProfileBehind,
  isUascAt,
  uascByEthnicity,
  uascByEthnicityBehind,
} from './children-profile.ts';
import { defaultLocalPolicy } from './local-policy.ts';
import { childrenLookedAfterFigures, periodsOfCare } from './periods-of-care.ts';
import { dateOr, loadEpisodes, readCsv, readExpected } from './testing/exampleshire.ts';

const at = '2024-03-31';
const bands = defaultLocalPolicy.ageBands;

describe('the profile of the children looked after at 31 March', () => {
  const children: ChildProfileFacts[] = [
    { child: 'a', dateOfBirth: '2023-04-01', sex: '1', ethnicity: 'WBRI' }, // aged 0
    { child: 'b', dateOfBirth: '2023-03-31', sex: 'F', ethnicity: 'BAFR', uasc: null }, // 1 on 31 March
    { child: 'c', dateOfBirth: '2008-04-01', sex: 'M', ethnicity: 'wbri', uasc: { ceased: null } }, // 15
    { child: 'd', dateOfBirth: '2008-03-31', sex: 'U', ethnicity: null, uasc: { ceased: '2024-04-01' } }, // 16
    { child: 'e', dateOfBirth: '2014-06-01', sex: '9', ethnicity: 'REFU', uasc: { ceased: at } }, // 9
  ];
  const { figures, behind } = childrenProfileBehind(children, at, bands);

  it('tallies age bands, sex, ethnicity and ethnic groups with every fixed key', () => {
    expect(figures.byAgeBand).toEqual({ under1: 1, '1-4': 1, '5-9': 1, '10-15': 1, '16+': 1 });
    expect(Object.keys(figures.byAgeBand)).toEqual(['under1', '1-4', '5-9', '10-15', '16+']);
    expect(figures.bySex).toEqual({ male: 2, female: 1, unknown: 2 });
    expect(figures.byEthnicity).toEqual({ WBRI: 2, BAFR: 1, notRecorded: 1, REFU: 1 });
    expect(figures.byEthnicGroup).toEqual({
      white: 2,
      mixed: 0,
      asian: 0,
      black: 1,
      other: 0,
      notRecorded: 2,
    });
  });

  it('counts UASC whose DUC is after 31 March or empty (§14)', () => {
    expect(isUascAt({ ceased: at }, at)).toBe(false);
    expect(isUascAt({ ceased: '2024-04-01' }, at)).toBe(true);
    expect(isUascAt({ ceased: null }, at)).toBe(true);
    expect(isUascAt(null, at)).toBe(false);
    expect(figures.uascAt31March).toBe(2);
    expect(behind['children.uascAt31March']!.map((c) => c.child)).toEqual(['c', 'd']);
  });

  it('lists the children behind each count: each count is the length of its list', () => {
    expect(behind['children.bySex.unknown']!.map((c) => c.child)).toEqual(['d', 'e']);
    expect(behind['children.byAgeBand.16+']!.map((c) => c.child)).toEqual(['d']);
    expect(behind['children.byEthnicGroup.mixed']).toEqual([]);
    for (const [path, list] of Object.entries(behind)) {
      const [, name, code] = path.split('.');
      const count = (figures as unknown as Record<string, number | Record<string, number>>)[name!];
      expect(code ? (count as Record<string, number>)[code] : count, path).toBe(list.length);
    }
    expect(childrenProfile(children, at, bands)).toEqual(figures);
  });
});

describe.each([2021, 2022, 2023])('Exampleshire %i-%i profile', (year) => {
  const episodes = loadEpisodes();
  const header = new Map(readCsv('header').map((r) => [r.CHILD!, r]));
  const uasc = new Map(readCsv('uasc').map((r) => [r.CHILD!, { ceased: dateOr(r.DUC) }]));
  const periods = [...episodes].map(([child, list]) => ({ child, ...periodsOfCare(list) }));

  it('matches the expected report', () => {
    const expected = readExpected(year).children as unknown as Record<
      string,
      Record<string, number> | number
    >;
    const atEnd = childrenLookedAfterFigures(periods, year).childrenAt31March;
    const facts = atEnd.map((child) => ({
      child,
      dateOfBirth: toIsoDate(header.get(child)!.DOB!),
      sex: header.get(child)!.SEX!,
      ethnicity: header.get(child)!.ETHNIC!,
      uasc: uasc.get(child) ?? null,
    }));
    const f = childrenProfile(facts, reportingYear(year).end, bands);
    const withZeros = (keys: readonly string[], map: Record<string, number>) =>
      Object.fromEntries(keys.map((k) => [k, map[k] ?? 0]));
    expect(f.byAgeBand).toEqual(
      withZeros(Object.keys(f.byAgeBand), expected.byAgeBand as Record<string, number>),
    );
    expect(f.bySex).toEqual(
      withZeros(['male', 'female', 'unknown'], expected.bySex as Record<string, number>),
    );
    expect(f.byEthnicity).toEqual(
      Object.fromEntries(Object.entries(expected.byEthnicity as Record<string, number>).filter(([, v]) => v)),
    );
    expect(f.byEthnicGroup).toEqual(
      withZeros(Object.keys(f.byEthnicGroup), expected.byEthnicGroup as Record<string, number>),
    );
    expect(f.uascAt31March).toBe(expected.uascAt31March);
  });
});

describe('UASC by ethnicity (further-tables §3)', () => {
  const at = '2024-03-31';
  const children: ChildProfileFacts[] = [
    { child: 'a', dateOfBirth: '2008-01-01', sex: '1', ethnicity: 'WOTH', uasc: { ceased: null } },
    { child: 'b', dateOfBirth: '2008-01-01', sex: '1', ethnicity: 'woth', uasc: { ceased: '2024-04-01' } },
    { child: 'c', dateOfBirth: '2008-01-01', sex: '1', ethnicity: null, uasc: { ceased: null } },
    { child: 'd', dateOfBirth: '2008-01-01', sex: '1', ethnicity: 'BAFR', uasc: { ceased: at } }, // ceased on 31 March
    { child: 'e', dateOfBirth: '2008-01-01', sex: '1', ethnicity: 'BAFR' },
  ];

  it('counts the children of uascAt31March by ETHNIC, empty as notRecorded', () => {
    const { figures, behind } = uascByEthnicityBehind(children, at);
    expect(figures).toEqual({ WOTH: 2, notRecorded: 1 });
    expect(behind['children.uascByEthnicity.WOTH']!.map((c) => c.child)).toEqual(['a', 'b']);
    const total = Object.values(figures).reduce((a, b) => a + b, 0);
    expect(total).toBe(childrenProfile(children, at, bands).uascAt31March);
    expect(uascByEthnicity(children, at)).toEqual(figures);
  });
});

import { describe, expect, it } from 'vitest';
import {
  fileNameOf,
  findFiles,
  formatProblems,
  readAllRecords,
  validateFolder,
  validateImportSet,
} from '../src/index.ts';
import { csv, folderWith } from './support.ts';

// Real files as councils' systems write them: all accepted.

const crlf = (...lines: string[]): string => `\uFEFF${lines.join('\r\n')}\r\n`;

const tolerantSet = {
  // Mixed-case name, BOM, CRLF, headers in any case with spaces, trailing empty columns, an extra column.
  'Header.CSV': crlf(
    ' child ,Sex, dob ,Ethnic,UPN,mother,MC_DOB,Notes,,',
    'C1,1,01/04/2015,WBRI,A123,,,"looked after, twice",,',
    'C2,2,2016-05-06,wbri,,0,,,,',
    'C3,m,1/2/2014,,,,,,',
    'C4,F,29/02/2016,MWBC,,1,03/03/2031,,,',
    'C5,U,01/01/2012,NOBT,,,,,',
    ',,,,,,,,,',
  ),
  // No extension; LF line ends; ISO and dd/mm/yyyy dates mixed.
  episodes: csv(
    'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
    'C1,01/03/2019,S,C2,N1,U1,PR1,2020-01-31,X1,CARPL,XS1 1,XS2 2,SC1',
    'C1,2020-01-31,P,c2,n1,u4,pr4,,,,XS1 1,"BR1 3",SC2',
    'C2,01/06/2020,S,V2,N2,P1,PR0,30/06/2020,E4A,,,,',
    'C3,01/01/2005,S,D1,N1,A4,PR1,01/12/2005,X1,,,,',
    'C3,01/12/2005,L,E1,N1,A4,PR1,01/02/2006,E11,,,,',
    'C4,2024-04-01,S,C1,N1,K3,PR1,,,,,,',
  ),
  'REVIEWS.csv': csv(
    'CHILD,DOB,REVIEW,REVIEW_CODE',
    'C1,01/04/2015,28/05/2019,pn0',
    'C1,01/04/2015,01/04/2019,PN0',
    'C1,01/04/2015,2019-03-20,PN1',
    'C1,01/04/2015,2020-02-01,',
  ),
  'iros.csv': csv(
    'IRO,NAME,ROLE,FTE,EMPLOYMENT,START,END,ETHNICITY,SEX',
    'I1,"Vance, Chidi ""CV""",IRO,1,Permanent,2011-08-28,,WIRI,2',
    'I2,Bhatt,fcro,.5,,2008-03-15,,,M',
  ),
  'recommendations.csv': csv(
    'CHILD,REVIEW,RECOMMENDATION,OWNER,DUE,COMPLETED',
    'C1,2019-11-20,"Contact, siblings; weekly",social_worker,2020-01-20,',
    'C1,2019-11-20,Passport,,2020-02-20,2020-02-01',
  ),
  'escalations.csv': csv(
    'ESCALATION,CHILD,IRO,RAISED,THEMES',
    'E1,C1,I1,2020-01-10, drift_delay ; Education ;drift_delay',
  ),
  'escalation_events.csv': csv(
    'ESCALATION,DATE,EVENT,STAGE',
    'E1,2020-01-10,raised,informal',
    'E1,2020-01-10,escalated,Stage1',
    'E1,2020-01-20,resolved,stage1',
  ),
  'notes.txt': 'not an import file\n',
  '.DS_Store': '',
};

describe('tolerant of real files', () => {
  it('matches file names case-insensitively, with or without .csv', () => {
    expect(fileNameOf('Header.CSV')).toBe('header');
    expect(fileNameOf('episodes')).toBe('episodes');
    expect(fileNameOf('REVIEW_DETAILS.csv')).toBe('review_details');
    expect(fileNameOf('header.txt')).toBeNull();
    expect(fileNameOf('header.csv.bak')).toBeNull();
  });

  it('accepts BOM, CRLF, spaced mixed-case headers, quoted commas, trailing empty columns, both SEX schemes', async () => {
    const dir = await folderWith(tolerantSet);
    const result = await validateFolder(dir);
    expect(formatProblems(result.errors)).toEqual([]);
    expect(formatProblems(result.warnings)).toEqual([
      'notes.txt: not a file Footprint imports; ignored',
      'Header.CSV:1: Notes: unknown column Notes; ignored',
      'REVIEWS.csv:2: REVIEW_CODE: participation code PN0 on a review after the child’s 4th birthday (CHILD C1, DOB 01/04/2015)',
      'REVIEWS.csv:4: REVIEW_CODE: participation code PN1–PN7 on a review before the child’s 4th birthday (CHILD C1, DOB 01/04/2015)',
      'REVIEWS.csv:5: REVIEW_CODE: review with no participation code (counted as not recorded) (CHILD C1, DOB 01/04/2015)',
    ]);
    expect(result.rows).toMatchObject({ header: 5, episodes: 6, reviews: 4, iros: 2 });
  });

  it('normalises: ISO dates, trimmed codes as their lists spell them, nulls for empty, arrays for ; fields', async () => {
    const set = await findFiles(await folderWith(tolerantSet));
    expect(set.files.header?.fileName).toBe('Header.CSV');
    expect(set.files.episodes?.fileName).toBe('episodes');
    const header = await readAllRecords(set, 'header');
    expect(header.map((h) => [h.child, h.sex, h.dob, h.ethnic, h.mother])).toEqual([
      ['C1', '1', '2015-04-01', 'WBRI', null],
      ['C2', '2', '2016-05-06', 'WBRI', false],
      ['C3', 'M', '2014-02-01', null, null],
      ['C4', 'F', '2016-02-29', 'MWBC', true],
      ['C5', 'U', '2012-01-01', 'NOBT', null],
    ]);
    expect(header[0]).toMatchObject({ row: 2, upn: 'A123', mcDob: null });
    const episodes = await readAllRecords(set, 'episodes');
    expect(episodes[1]).toEqual({
      row: 3,
      child: 'C1',
      decom: '2020-01-31',
      rne: 'P',
      ls: 'C2',
      cin: 'N1',
      place: 'U4',
      placeProvider: 'PR4',
      dec: null,
      rec: null,
      reasonPlaceChange: null,
      homePost: 'XS1 1',
      plPost: 'BR1 3',
      urn: 'SC2',
    });
    const reviews = await readAllRecords(set, 'reviews');
    expect(reviews.map((r) => [r.review, r.code, r.sequence])).toEqual([
      ['2019-05-28', 'PN0', 1],
      ['2019-04-01', 'PN0', 1],
      ['2019-03-20', 'PN1', 1],
      ['2020-02-01', null, 1],
    ]);
    const iros = await readAllRecords(set, 'iros');
    expect(iros.map((i) => [i.name, i.role, i.fte, i.employment, i.sex])).toEqual([
      ['Vance, Chidi "CV"', 'iro', 1, 'permanent', '2'],
      ['Bhatt', 'fcro', 0.5, null, 'M'],
    ]);
    const recommendations = await readAllRecords(set, 'recommendations');
    expect(recommendations.map((r) => [r.recommendation, r.owner, r.sequence])).toEqual([
      ['Contact, siblings; weekly', 'social_worker', 1],
      ['Passport', null, 2],
    ]);
    expect((await readAllRecords(set, 'escalations'))[0]?.themes).toEqual(['drift_delay', 'education']);
    const events = await readAllRecords(set, 'escalation_events');
    expect(events.map((e) => [e.date, e.event, e.stage, e.sequence])).toEqual([
      ['2020-01-10', 'raised', 'informal', 1],
      ['2020-01-10', 'escalated', 'stage1', 2],
      ['2020-01-20', 'resolved', 'stage1', 1],
    ]);
  });

  it('PLACE and LS codes are valid on the dates their lists give: D1 to 2005, E1 from December 2005, K3 from April 2024', async () => {
    const result = await validateImportSet(await findFiles(await folderWith(tolerantSet)));
    expect(result.errors.filter((e) => e.file === 'episodes')).toEqual([]);
    const late = await validateFolder(
      await folderWith({
        episodes: csv(
          'CHILD,DECOM,RNE,LS,PLACE,DEC,REC',
          'C1,30/11/2005,S,E1,U1,31/12/2005,E3',
          'C2,01/01/2006,S,D1,U1,,',
          'C3,31/03/2024,S,C2,K3,,',
          'C4,01/04/2025,S,C2,H5,,',
          'C5,31/03/2025,S,C2,Z1,,',
        ),
      }),
    );
    expect(formatProblems(late.errors)).toEqual([
      'episodes:2: LS: E1 is valid only for episodes starting from 01/12/2005; DECOM is 30/11/2005',
      'episodes:3: LS: D1 is valid only for episodes starting up to 31/12/2005; DECOM is 01/01/2006',
      'episodes:4: PLACE: K3 is valid only from 2024-04-01; DECOM is 31/03/2024',
      'episodes:5: PLACE: H5 is valid only up to 2025-03-31; DECOM is 01/04/2025',
    ]);
    expect(formatProblems(late.warnings)).toEqual([
      'episodes: CHILD is not checked: the import has no header file and no stored children were given',
    ]);
  });

  it('checks references against ids the tenant already has', async () => {
    const dir = await folderWith({
      'allocations.csv': csv(
        'CHILD,IRO,START,END',
        'C1,I1,2020-01-01,2020-06-30',
        'C1,I2,2020-06-30,',
        'C9,I1,2020-01-01,',
      ),
    });
    const result = await validateFolder(dir, {
      existing: { children: new Set(['C1']), iros: new Set(['I1', 'I2']) },
    });
    expect(formatProblems(result.errors)).toEqual([
      'allocations.csv:4: CHILD: child C9 is not in the records already stored',
    ]);
  });

  it('reports progress per file', async () => {
    const seen: string[] = [];
    await validateFolder(await folderWith(tolerantSet), {
      onProgress: (p) => {
        if (p.done) seen.push(`${p.file}:${p.rows}`);
      },
    });
    expect(seen).toEqual([
      'Header.CSV:5',
      'episodes:6',
      'REVIEWS.csv:4',
      'iros.csv:2',
      'recommendations.csv:2',
      'escalations.csv:1',
      'escalation_events.csv:3',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  findFiles,
  formatProblems,
  formatProblemsJson,
  InvalidImportError,
  readRecords,
  validateFolder,
} from '../src/index.ts';
import { csv, EPISODES, folderWith, HEADER, REVIEWS } from './support.ts';

// Sets that must be rejected: every problem is reported in one run, with its exact line.

const brokenSet = {
  'Header.CSV': csv(
    HEADER,
    'A1,M,01/01/2010,WBRI,,,',
    'A2,2,31/02/2012,WBRI,,,',
    'A3,X,2015-05-05,ZZZZ,,,',
    'A1,1,01/01/2010,WBRI,,,',
    'A4,F,2016-02-29,WBRI,,2,',
  ),
  episodes: csv(
    EPISODES,
    'A1,01/04/2020,S,C2,N1,U1,PR1,01/03/2020,E4A,,,,',
    'A1,01/06/2020,S,C2,N1,U1,PR1,01/09/2020,X1,CARPL,,,',
    'A1,01/09/2020,P,C2,N1,U1,PR1,,,,,,',
    'A1,01/10/2020,P,C2,N1,K3,PR1,01/12/2020,E3,,,,',
    'A9,01/01/2021,S,C2,N1,U1,PR1,,,,,,',
    'A2,01/01/2006,S,D1,N1,U1,PR1,01/02/2006,E3,,,,',
    'A3,01/01/2019,S,C2,N1,U1,PR1,01/06/2019,X1,,,,',
    'A3,01/03/2019,P,C2,N1,Q1,PR1,01/05/2019,E3,,,,',
    'A4,2020-13-01,S,C2,N1,U1,PR1,,E3,,,,',
  ),
  'reviews.csv': csv(
    REVIEWS,
    'A1,01/01/2010,01/07/2020,PN1',
    'A1,01/01/2010,01/07/2009,PN1',
    'A1,01/01/2010,2020-08-01,PN0',
    'A8,01/01/2010,01/07/2020,PN9',
  ),
  'iros.csv': csv(
    'IRO,NAME,ROLE,FTE,EMPLOYMENT,START,END',
    'I1,Ann,iro,1.5,permanent,2019-01-01,',
    'I2,Bo,boss,0,temp,2019-01-01,2018-01-01',
  ),
  'allocations.csv': csv(
    'CHILD,IRO,START,END',
    'A1,I1,2020-04-01,2020-09-30',
    'A1,I2,2020-09-01,',
    'A1,I7,2021-01-01,',
  ),
  'escalations.csv': csv(
    'ESCALATION,CHILD,IRO,RAISED,THEMES',
    'E1,A1,I1,2020-10-01,drift_delay;no_such_theme',
  ),
  'escalation_events.csv': csv(
    'ESCALATION,DATE,EVENT,STAGE',
    'E1,2020-10-01,raised,informal',
    'E2,2020-10-02,paused,stage9',
  ),
  'review_details.csv': csv('CHILD,REVIEW,FORMAT', 'A1,2020-07-01,zoom', 'A1,2020-07-02,virtual'),
};

describe('a set with many problems', () => {
  it('reports every problem of every file in one run, as file:row: COLUMN: message', async () => {
    const result = await validateFolder(await folderWith(brokenSet));
    expect(result.ok).toBe(false);
    expect(formatProblems(result.errors)).toEqual([
      'Header.CSV:3: DOB: not a valid date: 31/02/2012 (write dd/mm/yyyy or yyyy-mm-dd)',
      'Header.CSV:4: SEX: unknown sex code X',
      'Header.CSV:4: ETHNIC: unknown ethnicity code ZZZZ',
      'Header.CSV:5: CHILD: CHILD A1 is also at row 2',
      'Header.CSV:6: MOTHER: 2 is not 0, 1 or empty',
      'episodes:2: DEC: DEC 01/03/2020 is before DECOM 01/04/2020',
      "episodes:4: DEC: DEC is empty but it is not the child's latest episode (row 5 starts 01/10/2020)",
      'episodes:5: PLACE: K3 is valid only from 2024-04-01; DECOM is 01/10/2020',
      'episodes:6: CHILD: child A9 is not in the header file',
      'episodes:7: LS: D1 is valid only for episodes starting up to 31/12/2005; DECOM is 01/01/2006',
      'episodes:8: REC: REC X1 but no episode of the child starts on DEC 01/06/2019',
      'episodes:9: DECOM: episode starting 01/03/2019 overlaps the episode at row 8 (01/01/2019 to 01/06/2019)',
      'episodes:9: PLACE: Q1 is a legacy code: use U1-U3 (foster placement with relative or friend)',
      'episodes:10: DECOM: not a valid date: 2020-13-01 (write dd/mm/yyyy or yyyy-mm-dd)',
      'episodes:10: REC: REC is given but DEC is empty',
      'reviews.csv:3: REVIEW: REVIEW 01/07/2009 is before DOB 01/01/2010',
      'reviews.csv:5: CHILD: child A8 is not in the header file',
      'reviews.csv:5: REVIEW_CODE: unknown participation code PN9',
      'iros.csv:2: FTE: FTE 1.5 is not above 0 and at most 1',
      'iros.csv:3: ROLE: boss is not one of iro, fcro, manager',
      'iros.csv:3: FTE: FTE 0 is not above 0 and at most 1',
      'iros.csv:3: EMPLOYMENT: temp is not one of permanent, agency, sessional, commissioned',
      'iros.csv:3: END: END 01/01/2018 is before START 01/01/2019',
      'allocations.csv:3: START: the child already has an IRO on 01/09/2020: the allocation at row 2 runs 01/04/2020 to 30/09/2020',
      'allocations.csv:4: IRO: IRO I7 is not in the iros file',
      'allocations.csv:4: START: the child already has an IRO on 01/01/2021: the allocation at row 3 runs 01/09/2020 to open',
      'review_details.csv:2: FORMAT: zoom is not one of in_person, virtual, hybrid',
      'review_details.csv:3: REVIEW: no row of the reviews file for CHILD A1 and REVIEW 02/07/2020',
      'escalations.csv:2: THEMES: unknown escalation theme code no_such_theme',
      'escalation_events.csv:3: ESCALATION: escalation E2 is not in the escalations file',
      'escalation_events.csv:3: EVENT: paused is not one of raised, escalated, resolved, withdrawn, referred_to_cafcass',
      'escalation_events.csv:3: STAGE: unknown escalation stage code stage9',
    ]);
  });

  it('gives the same problems as a JSON array of {file,row,column,value,rule,message}', async () => {
    const result = await validateFolder(await folderWith(brokenSet));
    const json = JSON.parse(formatProblemsJson(result.errors)) as Record<string, unknown>[];
    expect(json).toHaveLength(result.errors.length);
    expect(Object.keys(json[0]!)).toEqual(['file', 'row', 'column', 'value', 'rule', 'message']);
    expect(json[0]).toEqual({
      file: 'Header.CSV',
      row: 3,
      column: 'DOB',
      value: '31/02/2012',
      rule: 'date',
      message: 'not a valid date: 31/02/2012 (write dd/mm/yyyy or yyyy-mm-dd)',
    });
    expect(json.filter((p) => p.rule === 'overlapping_episodes')).toEqual([
      expect.objectContaining({ file: 'episodes', row: 9, column: 'DECOM', value: '01/03/2019' }),
    ]);
    expect(new Set(json.map((p) => p.rule))).toEqual(
      new Set([
        'date',
        'code',
        'duplicate_key',
        'value',
        'date_order',
        'open_episode_not_latest',
        'placement_not_valid_on_decom',
        'unknown_child',
        'legal_status_not_valid_on_decom',
        'x1_without_next_episode',
        'overlapping_episodes',
        'rec_without_dec',
        'review_before_dob',
        'range',
        'overlapping_allocations',
        'unknown_iro',
        'unknown_review',
        'unknown_escalation',
      ]),
    );
  });

  it('warns about data quality without rejecting: PN codes against the 4th birthday, orphan reviews', async () => {
    const result = await validateFolder(await folderWith(brokenSet));
    expect(formatProblems(result.warnings)).toEqual([
      'reviews.csv:3: REVIEW: review dated outside every period of care (CHILD A1)',
      'reviews.csv:3: REVIEW_CODE: participation code PN1–PN7 on a review before the child’s 4th birthday (CHILD A1, DOB 01/01/2010)',
      'reviews.csv:4: REVIEW_CODE: participation code PN0 on a review after the child’s 4th birthday (CHILD A1, DOB 01/01/2010)',
      'reviews.csv:5: REVIEW: review dated outside every period of care (CHILD A8)',
    ]);
  });

  it('refuses to read records from a bad file', async () => {
    const set = await findFiles(await folderWith(brokenSet));
    const read = async (): Promise<void> => {
      for await (const _ of readRecords(set, 'episodes')) {
        // reading
      }
    };
    await expect(read()).rejects.toBeInstanceOf(InvalidImportError);
  });
});

describe('files and headers that cannot be read', () => {
  it('names a missing required column at row 1 and still checks the other columns', async () => {
    const result = await validateFolder(
      await folderWith({
        'header.csv': csv('CHILD,DOB', 'C1,01/01/2010', 'C2,not a date'),
        'reviews.csv': csv('child,dob,review_code', 'C1,01/01/2010,PN1'),
        // Without DEC the episodes' ends are unknown, not empty: no "open episode" errors follow.
        'episodes.csv': csv('CHILD,DECOM,RNE,LS,PLACE', 'C1,01/01/2020,S,C2,U1', 'C1,01/02/2020,P,C2,U4'),
      }),
    );
    expect(formatProblems(result.errors)).toEqual([
      'header.csv:1: SEX: required column SEX is missing',
      'header.csv:3: DOB: not a valid date: not a date (write dd/mm/yyyy or yyyy-mm-dd)',
      'episodes.csv:1: DEC: required column DEC is missing',
      'episodes.csv:1: REC: required column REC is missing',
      'reviews.csv:1: REVIEW: required column REVIEW is missing',
    ]);
  });

  it('reports a required value left empty, malformed quoting, extra fields and an empty file', async () => {
    const result = await validateFolder(
      await folderWith({
        'header.csv': csv(
          HEADER,
          ',1,01/01/2010,,,,',
          'C2,1,,,,,',
          'C4,1,01/01/2010,,,,,surplus,',
          '',
          'C5,1,31/02/2010,,,,',
          'C3,1,01/01/2010,"WBRI"x,,,',
          'C6,1,31/02/2010,,,,',
        ),
        'uasc.csv': '',
      }),
    );
    expect(formatProblems(result.errors)).toEqual([
      'header.csv:2: CHILD: CHILD is required',
      'header.csv:3: DOB: DOB is required',
      'header.csv:4: the row has 9 fields but the header names 7',
      'header.csv:6: DOB: not a valid date: 31/02/2010 (write dd/mm/yyyy or yyyy-mm-dd)',
      'header.csv:7: Invalid Closing Quote: got "x" at line 7 instead of delimiter, record delimiter, trimable character (if activated) or comment; the rest of the file was not read',
      'uasc.csv:1: the file is empty: it has no header row',
    ]);
  });

  it('rejects two files for one name', async () => {
    const result = await validateFolder(await folderWith({ 'header.csv': csv(HEADER), HEADER: csv(HEADER) }));
    expect(formatProblems(result.errors)).toEqual([
      'header.csv: HEADER and header.csv are both the header file; keep one',
    ]);
  });

  it('rejects an unknown escalation theme with the default policy, accepts the council’s own theme', async () => {
    const files = {
      'escalations.csv': csv('ESCALATION,CHILD,IRO,RAISED,THEMES', 'E1,C1,,2022-01-05,sen_transport'),
    };
    const rejected = await validateFolder(await folderWith(files), {
      existing: { children: new Set(['C1']) },
    });
    expect(formatProblems(rejected.errors)).toEqual([
      'escalations.csv:2: THEMES: unknown escalation theme code sen_transport',
    ]);
    const accepted = await validateFolder(
      await folderWith({
        ...files,
        'local_policy.csv': csv(
          'KEY,VALUE,EFFECTIVE',
          '"escalation_themes","[{""code"":""sen_transport"",""label"":""SEN transport""}]",2021-04-01',
        ),
      }),
      { existing: { children: new Set(['C1']) } },
    );
    expect(formatProblems(accepted.errors)).toEqual([]);
  });

  it('checks the further-tables files: oc2, postcode sectors, population, comparators, local policy, missing', async () => {
    const result = await validateFolder(
      await folderWith({
        'header.csv': csv(HEADER, 'C1,1,01/01/2010,WBRI,,,', 'C2,2,01/01/2011,WBRI,,,'),
        'oc2.csv': csv(
          'CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,YEAR',
          'C1,01/01/2010,12,,0,1,2021',
          'C1,01/01/2010,41,SDQ9,2,,2021',
          'C2,01/01/2011,,,,,',
        ),
        'postcode_sectors.csv': csv(
          'SECTOR,LATITUDE,LONGITUDE',
          'BR1 3,51.4,0.01',
          'br13,91,-181',
          'XS1 1,north,0',
        ),
        'population.csv': csv('YEAR,POPULATION', '2021,17650', '2022,0', '2023,1.5e4', '2021,100'),
        'comparators.csv': csv(
          'YEAR,AREA,MEASURE,VALUE',
          '2021,England,children.ratePer10000,67',
          '2021,England,children.ratePer10000,c',
          '2022,England,children.ratePer10000,q',
        ),
        'local_policy.csv': csv(
          'KEY,VALUE,EFFECTIVE',
          'age_bands,"0,5,x",2022-04-01',
          'age_bands,"0,5",',
          'Colour,blue,2022-04-01',
        ),
        'missing.csv': csv('CHILD,DOB,MISSING,MIS_START,MIS_END', 'C1,01/01/2010,X,01/05/2021,30/04/2021'),
      }),
    );
    expect(formatProblems(result.errors)).toEqual([
      'local_policy.csv:2: VALUE: must be whole numbers separated by commas',
      'local_policy.csv:3: EFFECTIVE: EFFECTIVE is required',
      'missing.csv:2: MISSING: X is not one of M, A',
      'missing.csv:2: MIS_END: MIS_END 30/04/2021 is before MIS_START 01/05/2021',
      'oc2.csv:3: CHILD: CHILD C1, YEAR 2021 is also at row 2',
      'oc2.csv:3: SDQ_SCORE: SDQ_SCORE 41 is not between 0 and 40',
      'oc2.csv:3: SDQ_REASON: SDQ9 is not one of SDQ1, SDQ2, SDQ3, SDQ4, SDQ5',
      'oc2.csv:3: CONVICTED: 2 is not 0, 1 or empty',
      'oc2.csv:4: YEAR: YEAR is empty and the import has no --year',
      'postcode_sectors.csv:3: SECTOR: SECTOR br13 is also at row 2',
      'postcode_sectors.csv:3: LATITUDE: LATITUDE 91 is not between -90 and 90',
      'postcode_sectors.csv:3: LONGITUDE: LONGITUDE -181 is not between -180 and 180',
      'postcode_sectors.csv:4: LATITUDE: north is not a number',
      'population.csv:3: POPULATION: POPULATION must be above 0',
      'population.csv:4: POPULATION: 1.5e4 is not a whole number',
      'population.csv:5: YEAR: YEAR 2021 is also at row 2',
      'comparators.csv:3: YEAR: YEAR 2021, AREA England, MEASURE children.ratePer10000 is also at row 2',
      'comparators.csv:4: VALUE: q is not a number or one of c, k, u, x, z',
    ]);
    expect(formatProblems(result.warnings)).toEqual([
      'local_policy.csv:4: KEY: unknown setting Colour, ignored',
    ]);
  });

  it('takes the import’s --year for oc2 rows without one; a file without YEAR and no --year is rejected at row 1', async () => {
    const files = {
      'header.csv': csv(HEADER, 'C1,1,01/01/2010,WBRI,,,'),
      'oc2.csv': csv('CHILD,DOB,SDQ_SCORE', 'C1,01/01/2010,12'),
    };
    const without = await validateFolder(await folderWith(files));
    expect(formatProblems(without.errors)).toEqual([
      'oc2.csv:1: YEAR: the file has no YEAR column and the import has no --year',
    ]);
    const dir = await folderWith(files);
    expect((await validateFolder(dir, { year: 2022 })).errors).toEqual([]);
    const records = [];
    for await (const batch of readRecords(await findFiles(dir), 'oc2', { year: 2022 }))
      records.push(...batch);
    expect(records).toMatchObject([{ child: 'C1', year: 2022, sdqScore: 12 }]);
  });

  it('checks the extension files: enums, ; codes, keys, households, providers, feedback answers', async () => {
    const result = await validateFolder(
      await folderWith({
        'header.csv': csv(HEADER, 'C1,1,01/01/2010,WBRI,,,'),
        'iros.csv': csv('IRO,ROLE,FTE,START', 'I1,fcro,0.5,2015-01-01'),
        'advocacy.csv': csv(
          'INVOLVEMENT,CHILD,PROVIDER,REFERRAL_DATE,SOURCE,REASONS,START,END,OUTCOME',
          'V1,C1,Voice-Org,2021-01-01,iro,contact;placement,,,',
          'V1,C1,voice org,2021-01-01,friend,contact;holiday;money,2021-02-01,2021-01-15,',
        ),
        'foster_households.csv': csv(
          'HOUSEHOLD,TYPE,APPROVED,ENDED,FCRO',
          'H1,mainstream,2015-01-01,,I1',
          'H2,kinship,2015-01-01,,I9',
        ),
        'foster_reviews.csv': csv(
          'HOUSEHOLD,DATE,OUTCOME,FCRO',
          'H1,2016-01-01,continued,I1',
          'H7,2016-01-01,paused,',
        ),
        'feedback.csv': csv(
          'CHILD,REVIEW,QUESTION,ANSWER',
          'C1,2021-01-01,listened_to,mostly',
          'C1,2021-01-01,knows_iro,mostly',
          'C1,2021-01-01,favourite_colour,blue',
          'C1,2021-01-01,listened_to,yes',
        ),
        'consultations.csv': csv(
          'CHILD,REVIEW,RESPONDENT,RECEIVED',
          'C1,,child,2021-01-01',
          'C1,,social_worker,',
        ),
        'audits.csv': csv(
          'AUDIT,CHILD,DATE,AUDITOR,GRADE',
          'A1,C1,2021-01-01,I1,',
          'A1,C1,2021-02-01,I1,poor',
        ),
      }),
    );
    expect(formatProblems(result.errors)).toEqual([
      'consultations.csv:3: RESPONDENT: social_worker is not one of child, carer, parent',
      'consultations.csv:3: RECEIVED: RECEIVED is required',
      'feedback.csv:3: ANSWER: mostly is not one of yes, no',
      'feedback.csv:4: QUESTION: unknown feedback question code favourite_colour',
      'feedback.csv:5: CHILD: CHILD C1, REVIEW 2021-01-01, QUESTION listened_to is also at row 2',
      'advocacy.csv:3: INVOLVEMENT: INVOLVEMENT V1 is also at row 2',
      'advocacy.csv:3: PROVIDER: voice org is not a provider slug (lower-case letters, digits and hyphens)',
      'advocacy.csv:3: SOURCE: unknown advocacy referral source code friend',
      'advocacy.csv:3: REASONS: unknown advocacy reason code holiday',
      'advocacy.csv:3: REASONS: unknown advocacy reason code money',
      'advocacy.csv:3: END: END 15/01/2021 is before START 01/02/2021',
      'foster_households.csv:3: TYPE: kinship is not one of mainstream, connected_person',
      'foster_households.csv:3: FCRO: IRO I9 is not in the iros file',
      'foster_reviews.csv:3: HOUSEHOLD: foster household H7 is not in the foster_households file',
      'foster_reviews.csv:3: OUTCOME: paused is not one of continued, terms_changed, ended, resigned',
      'audits.csv:3: AUDIT: AUDIT A1 is also at row 2',
      'audits.csv:3: GRADE: poor is not one of outstanding, good, requires_improvement, inadequate',
    ]);
  });

  it('warns about short-break reviews and periods that do not start with S', async () => {
    const result = await validateFolder(
      await folderWith({
        'header.csv': csv(HEADER, 'C1,1,01/01/2010,WBRI,,,', 'C2,1,01/01/2010,WBRI,,,'),
        'episodes.csv': csv(
          'CHILD,DECOM,RNE,LS,PLACE,DEC,REC',
          'C1,01/01/2020,S,V3,U1,05/01/2020,E8',
          'C2,01/01/2020,P,C2,U1,,',
        ),
        'reviews.csv': csv(REVIEWS, 'C1,01/01/2010,03/01/2020,PN1', 'C2,01/01/2010,01/03/2020,PN1'),
      }),
    );
    expect(result.errors).toEqual([]);
    expect(formatProblems(result.warnings)).toEqual([
      'episodes.csv:3: RNE: period of care whose first episode does not have RNE S (CHILD C2, DECOM 01/01/2020)',
      'reviews.csv:2: REVIEW: review of a short-break-only period (DfE rule 399; left out of the figures) (CHILD C1)',
    ]);
  });
});

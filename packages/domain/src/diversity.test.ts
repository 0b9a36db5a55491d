import { describe, expect, it } from 'vitest';
import { type ServicePerson, workforceDiversity, workforceDiversityBehind } from './diversity.ts';

describe('diversity of the IRO team at 31 March (further-tables §2a)', () => {
  const at = '2024-03-31';
  const person = (role: ServicePerson['role'], fields: Partial<ServicePerson> = {}): ServicePerson => ({
    role,
    start: '2020-01-01',
    end: null,
    ...fields,
  });
  const people = [
    person('iro', { sex: '1', ethnicity: 'WBRI' }),
    person('fcro', { sex: 'F', ethnicity: 'BCRB' }),
    person('iro', { sex: 'U', ethnicity: null }),
    person('iro', { sex: null, ethnicity: 'REFU' }),
    person('manager', { sex: '2', ethnicity: 'WBRI' }), // not an IRO or FCRO
    person('iro', { sex: '2', ethnicity: 'AIND', end: at }), // left on 31 March: not in post at its end
    person('iro', { sex: '2', ethnicity: 'AIND', start: '2024-04-01' }), // starts later
  ];

  it('counts IROs and FCROs in post by sex and ethnic group, every key reported', () => {
    const { figures, behind } = workforceDiversityBehind(people, at);
    expect(figures).toEqual({
      bySex: { male: 1, female: 1, unknown: 2 },
      byEthnicGroup: { white: 1, mixed: 0, asian: 0, black: 1, other: 0, notRecorded: 2 },
    });
    expect(behind['workforce.bySex.female']).toEqual([people[1]]);
    expect(workforceDiversity(people, at)).toEqual(figures);
  });
});

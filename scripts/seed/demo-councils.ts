import { addDays, addMonths, addWorkingDays, type IsoDate, londonDateOf } from '@footprint/domain';
import type { Random } from './random.ts';
import { seededRandom } from './random.ts';

// Invented names only: the demo holds no real person's data.
const givenNames = [
  'Ava',
  'Leo',
  'Maya',
  'Noah',
  'Zara',
  'Eli',
  'Isla',
  'Omar',
  'Ruby',
  'Theo',
  'Amara',
  'Kai',
  'Lily',
  'Finn',
  'Nia',
  'Jude',
  'Esme',
  'Rory',
  'Aisha',
  'Ezra',
  'Cleo',
  'Milo',
  'Priya',
  'Sami',
];
const familyNames = [
  'Ashdown',
  'Brook',
  'Calder',
  'Dunmore',
  'Ellery',
  'Fairfax',
  'Garnet',
  'Hollis',
  'Ingram',
  'Jessop',
  'Kestrel',
  'Larkin',
  'Marsh',
  'Northcott',
  'Oakley',
  'Pembury',
  'Quarry',
  'Rowntree',
];
const ethnicities = [
  'WBRI',
  'WBRI',
  'WBRI',
  'WOTH',
  'MWBC',
  'MWBA',
  'BAFR',
  'BCRB',
  'AIND',
  'APKN',
  'CHNE',
  'OOTH',
];
const placements = ['U1', 'U1', 'U4', 'U4', 'U6', 'K2', 'R1', 'S1'];
const legalStatuses = ['C2', 'C2', 'C2', 'J2', 'V2', 'E1', 'C1'];

export type DemoCouncil = {
  slug: string;
  name: string;
  staff: { id: string; name: string; role: 'iro' | 'manager' | 'fcro'; fte: number; startDate: IsoDate }[];
  children: {
    id: string;
    givenName: string;
    familyName: string;
    sex: string;
    dateOfBirth: IsoDate;
    ethnicity: string;
    episodes: {
      startDate: IsoDate;
      reasonNewEpisode: string;
      legalStatus: string;
      placement: string;
      endDate: IsoDate | null;
      reasonEnded: string | null;
    }[];
    allocation: { iroId: string; startDate: IsoDate };
    reviewDates: IsoDate[];
  }[];
};

function child(random: Random, index: number, prefix: string, iroIds: string[], today: IsoDate) {
  const dateOfBirth = addDays('2007-01-01', random.int(0, 6200));
  const earliest = dateOfBirth > '2020-01-01' ? dateOfBirth : '2020-01-01';
  const start = addDays(
    earliest,
    random.int(1, Math.max(2, Math.floor((Date.parse(today) - Date.parse(earliest)) / 864e5) - 30)),
  );
  const moved = random.chance(0.4) ? addDays(start, random.int(60, 400)) : null;
  const legalStatus = random.pick(legalStatuses);
  const episodes: DemoCouncil['children'][number]['episodes'] = [];
  if (moved && moved < today) {
    episodes.push({
      startDate: start,
      reasonNewEpisode: 'S',
      legalStatus,
      placement: random.pick(placements),
      endDate: moved,
      reasonEnded: 'X1',
    });
    episodes.push({
      startDate: moved,
      reasonNewEpisode: 'P',
      legalStatus,
      placement: random.pick(placements),
      endDate: null,
      reasonEnded: null,
    });
  } else {
    episodes.push({
      startDate: start,
      reasonNewEpisode: 'S',
      legalStatus,
      placement: random.pick(placements),
      endDate: null,
      reasonEnded: null,
    });
  }
  // Reviews roughly on schedule: the first within 20 working days, then 3 and 6 months, some a little late.
  const reviewDates: IsoDate[] = [];
  let due = addWorkingDays(start, 20);
  for (let n = 0; n < 12; n++) {
    const held = addDays(due, random.chance(0.85) ? -random.int(0, 10) : random.int(1, 20));
    if (held >= today || (n > 0 && random.chance(0.06))) break;
    reviewDates.push(held);
    due = addMonths(held, n === 0 ? 3 : 6);
  }
  // About one child in six has missed their latest review, so the demo shows overdue work.
  if (random.chance(0.17)) {
    while (reviewDates.length > 1 && reviewDates.at(-1)! > addDays(today, -200)) reviewDates.pop();
  }
  return {
    id: `${prefix}${String(1000 + index)}`,
    givenName: random.pick(givenNames),
    familyName: random.pick(familyNames),
    sex: random.pick(['1', '2']),
    dateOfBirth,
    ethnicity: random.pick(ethnicities),
    episodes,
    allocation: { iroId: random.pick(iroIds), startDate: addWorkingDays(start, random.int(1, 4)) },
    reviewDates,
  };
}

/** Two invented councils of 36 and 28 children, with their IRO services. */
export function demoCouncils(today = londonDateOf(new Date())): DemoCouncil[] {
  const make = (
    slug: string,
    name: string,
    prefix: string,
    size: number,
    seed: number,
    staff: DemoCouncil['staff'],
  ) => {
    const random = seededRandom(seed);
    const iroIds = staff.filter((s) => s.role === 'iro').map((s) => s.id);
    return {
      slug,
      name,
      staff,
      children: Array.from({ length: size }, (_, i) => child(random, i, prefix, iroIds, today)),
    };
  };
  return [
    make('riverside', 'Riverside Council', 'RV', 36, 20261, [
      { id: 'IRO01', name: 'Hannah Okafor', role: 'iro', fte: 1, startDate: '2016-09-01' },
      { id: 'IRO02', name: 'Tom Whitfield', role: 'iro', fte: 1, startDate: '2019-01-07' },
      { id: 'IRO03', name: 'Grace Mensah', role: 'iro', fte: 0.6, startDate: '2021-04-12' },
      { id: 'MGR01', name: 'Sunita Rao', role: 'manager', fte: 1, startDate: '2014-02-03' },
      { id: 'FCRO1', name: 'Dylan Price', role: 'fcro', fte: 1, startDate: '2018-06-01' },
    ]),
    make('hillford', 'Hillford Council', 'HF', 28, 20262, [
      { id: 'IRO01', name: 'Megan Holt', role: 'iro', fte: 1, startDate: '2017-03-01' },
      { id: 'IRO02', name: 'Kwame Boateng', role: 'iro', fte: 0.8, startDate: '2020-10-19' },
      { id: 'MGR01', name: 'Fiona Leckie', role: 'manager', fte: 1, startDate: '2012-05-14' },
    ]),
  ];
}

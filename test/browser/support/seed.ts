import { connect } from '@footprint/db';
import { createTenant, upsertUser } from '@footprint/identity';
import type { System } from '../../support/system.ts';

export const password = 'correct horse battery staple';

/** Today in England, as the services count it (ages, review schedules). */
export const londonToday = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

export const daysAgo = (days: number) => {
  const date = new Date(`${londonToday()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
};

export const people = {
  northIro: { email: 'nadia.reviewer@north.example', name: 'Nadia Reviewer' },
  northManager: { email: 'priya.manager@north.example', name: 'Priya Manager' },
  northCcc: { email: 'young.voice@north.example', name: 'Young Voice' },
  northAdmin: { email: 'admin@north.example', name: 'Alex Admin' },
  advocate: { email: 'ava.advocate@voices.example', name: 'Ava Advocate' },
  southIro: { email: 'sam.reviewer@south.example', name: 'Sam Reviewer' },
  southManager: { email: 'sol.manager@south.example', name: 'Sol Manager' },
  operator: { email: 'ops@footprint.example', name: 'Olu Operator' },
} as const;

export const councils = {
  north: { slug: 'north', name: 'North Shire Council' },
  south: { slug: 'south', name: 'South Borough Council' },
} as const;

/**
 * Two councils that deliberately share a CHILD reference (C1) and a staff reference (I1), so a
 * leak between them would show. Reviews are dated from today, so one child is always overdue
 * and one never is.
 */
export async function seedCouncils(system: System) {
  const identity = connect(system.database.urlFor('identity'), { max: 1 });
  try {
    for (const council of Object.values(councils)) await createTenant(identity.db, council);
    const user = (who: keyof typeof people, extra: Parameters<typeof upsertUser>[1]['memberships']) =>
      upsertUser(identity.db, { ...people[who], password, memberships: extra });
    await user('northIro', [{ tenantSlug: 'north', roles: ['iro'], staffRef: 'I1' }]);
    await user('northManager', [{ tenantSlug: 'north', roles: ['manager'], staffRef: 'M1' }]);
    await user('northCcc', [{ tenantSlug: 'north', roles: ['ccc_member'] }]);
    await user('northAdmin', [{ tenantSlug: 'north', roles: ['council_admin'] }]);
    await user('advocate', [{ tenantSlug: 'north', roles: ['advocate'], providerId: 'voices' }]);
    await user('southIro', [{ tenantSlug: 'south', roles: ['iro'], staffRef: 'I1' }]);
    await upsertUser(identity.db, { ...people.operator, password, platformOperator: true });
  } finally {
    await identity.close();
  }

  const db = system.database.superuser;
  await db.query(`
    insert into children.children (tenant_id, id, given_name, family_name, sex, date_of_birth, ethnicity) values
      ('north', 'C1', 'Ada', 'North', 'F', '2012-05-01', 'WBRI'),
      ('north', 'C2', 'Ben', 'North', 'M', '2019-02-10', 'BAFR'),
      ('north', 'C3', 'Cara', 'North', 'F', '2009-11-30', 'WIRI'),
      ('south', 'C1', 'Cleo', 'South', 'F', '2010-09-09', 'MWBC'),
      ('south', 'S9', 'Dev', 'South', 'M', '2015-01-20', 'AIND');
    insert into children.episodes (tenant_id, child_id, start_date, reason_new_episode, legal_status, placement) values
      ('north', 'C1', '2023-01-10', 'S', 'C2', 'U1'),
      ('north', 'C2', '2022-03-01', 'S', 'C2', 'U4'),
      ('north', 'C3', '2021-06-01', 'S', 'C2', 'K2'),
      ('south', 'C1', '2021-06-01', 'S', 'C2', 'K2'),
      ('south', 'S9', '2020-04-01', 'S', 'C2', 'U4');
    insert into children.staff (tenant_id, id, name, role, fte, start_date) values
      ('north', 'I1', 'Nadia Reviewer', 'iro', 1, '2015-01-01'),
      ('north', 'I2', 'Omar Reviewer', 'iro', 0.5, '2018-01-01'),
      ('north', 'M1', 'Priya Manager', 'manager', 1, '2010-01-01'),
      ('south', 'I1', 'Sam Reviewer', 'iro', 1, '2016-01-01');
    insert into children.allocations (tenant_id, child_id, iro_id, start_date) values
      ('north', 'C1', 'I1', '2023-01-11'),
      ('north', 'C2', 'I1', '2022-03-02'),
      ('north', 'C3', 'I2', '2021-06-02'),
      ('south', 'C1', 'I1', '2021-06-02'),
      ('south', 'S9', 'I1', '2020-04-02');
  `);
  // Ada's last review was over a year ago (overdue); Ben's a month ago (next due months ahead).
  await db.query(
    `insert into reviews.reviews (tenant_id, child_id, review_date, sequence, participation, iro_id) values
      ('north', 'C1', $1, 1, 'PN1', 'I1'),
      ('north', 'C2', $2, 1, 'PN1', 'I1'),
      ('north', 'C2', $3, 1, 'PN2', 'I1'),
      ('south', 'C1', $4, 1, 'PN1', 'I1')`,
    [reviewDates.ada, reviewDates.benFirst, reviewDates.ben, reviewDates.cleo],
  );
}

/** South's manager, for suites that check one council's manager sees nothing of the other's. */
export async function seedSouthManager(system: System) {
  const identity = connect(system.database.urlFor('identity'), { max: 1 });
  try {
    await upsertUser(identity.db, {
      ...people.southManager,
      password,
      memberships: [{ tenantSlug: 'south', roles: ['manager'], staffRef: 'M9' }],
    });
  } finally {
    await identity.close();
  }
}

export const reviewDates = {
  ada: daysAgo(400),
  benFirst: daysAgo(200),
  ben: daysAgo(30),
  cleo: daysAgo(10),
};

import { defaultLocalPolicy, type LocalPolicy } from '@footprint/domain';
import { encodeCareHistory } from '@footprint/graphql';
import type pg from 'pg';
import type { CareHistory } from './annual-report-fixtures.ts';

/** The date the checks are asked for: Friday 1 March 2024 (2024 is a leap year). */
export const AS_OF = '2024-03-01';

/*
 * Two councils sharing every CHILD reference, worked out by hand from statutory-rules §1, §3, §6, §7
 * on 2024-03-01. North keeps a Bromley-style local rule (aged 0–5 every 3 months).
 *
 * North
 * - A (12), in care since Mon 2023-01-09. Reviews 2023-02-01 and 2023-05-01 (a second row that day,
 *   papers done, is a duplicate and stands nowhere). Third due 6 months after 05-01: 2023-11-01, not
 *   held: 121 days overdue. Midway 2023-08-01 (92 days after 05-01), held 2023-07-20: not due. The
 *   05-01 review (IRO I1): outcomes 05-03 by 05-09; record not completed, due 15 working days on,
 *   2023-05-23 (past the coronation holiday 05-08): 283 days; not distributed, due 20 on, 2023-05-31
 *   (past 05-29): 275. Recommendation 1 of 05-01 due 2023-06-01 not done: 274; no. 2 done.
 * - B (2), since Mon 2024-02-05: first due 20 working days on, Mon 2024-03-04: due soon, −3.
 * - C (3), since 2023-06-01: reviews 2023-06-20 and 2023-09-15. Third due 2024-03-15 (due soon,
 *   −14); the local rule makes it 2023-12-15, 77 days overdue. Midway halfway from 09-15 to 03-15
 *   (182 days): 2023-12-15, none held: 77.
 * - D (13), short breaks (V3) since 2023-12-10: first due within 3 months, 2024-03-10: due soon, −9.
 * - E (8), since 2023-10-02: review Fri 2023-10-20 (IRO I2), the next on 2024-03-05 after the date.
 *   Second due 2024-01-20: 41 overdue. Midway 2023-12-05 (46 of 92 days), the one recorded
 *   2024-03-04 is after the date: 87. Outcomes 10-25 by 10-27; record completed and distributed
 *   2024-03-03, after the date, so missing then: due 2023-11-10 (112) and 2023-11-17 (105).
 * - F's only period ended in 2020: nothing, though its 2019 review has no papers.
 * - G is in no care history: its review and recommendation are never read.
 *
 * South (default policy): A since Mon 2024-01-15: first due 2024-02-12, 18 overdue; its
 * recommendation of a 2023-06-01 review, due 2023-07-01 (owner carer), not done: 244. South's B
 * review, C midway review and B recommendation would change north's checks if they leaked.
 */
export async function seedCompliance(db: pg.Pool) {
  await db.query(`
    insert into reviews.reviews
      (tenant_id, child_id, review_date, sequence, iro_id, outcomes_issued, record_completed, record_distributed) values
      ('north', 'A', '2023-02-01', 1, 'I1', '2023-02-02', '2023-02-02', '2023-02-02'),
      ('north', 'A', '2023-05-01', 1, 'I1', '2023-05-03', null, null),
      ('north', 'A', '2023-05-01', 2, 'I2', '2023-05-01', '2023-05-01', '2023-05-01'),
      ('north', 'C', '2023-06-20', 1, 'I2', '2023-06-20', '2023-06-20', '2023-06-20'),
      ('north', 'C', '2023-09-15', 1, 'I2', '2023-09-15', '2023-09-15', '2023-09-15'),
      ('north', 'E', '2023-10-20', 1, 'I2', '2023-10-25', '2024-03-03', '2024-03-03'),
      ('north', 'E', '2024-03-05', 1, 'I2', '2024-03-05', '2024-03-05', '2024-03-05'),
      ('north', 'F', '2019-05-01', 1, 'I1', null, null, null),
      ('north', 'G', '2024-01-10', 1, 'I1', null, null, null),
      ('south', 'B', '2024-02-20', 1, 'I1', null, null, null);
    insert into reviews.midway_reviews (tenant_id, child_id, midway_date) values
      ('north', 'A', '2023-07-20'),
      ('north', 'E', '2024-03-04'),
      ('south', 'C', '2023-12-20');
    insert into reviews.recommendations
      (tenant_id, child_id, review_date, sequence, recommendation, owner, due_date, completed_on) values
      ('north', 'A', '2023-05-01', 1, 'Arrange a dental check', 'social_worker', '2023-06-01', null),
      ('north', 'A', '2023-05-01', 2, 'Update the care plan', 'iro', '2023-06-01', '2023-05-20'),
      ('north', 'G', '2024-01-10', 1, 'Visit the school', 'social_worker', '2024-02-01', null),
      ('south', 'A', '2023-06-01', 1, 'South recommendation', 'carer', '2023-07-01', null),
      ('south', 'B', '2024-02-20', 1, 'South B recommendation', 'other', '2024-02-21', null);
  `);
}

/** An item as stored by the nightly run (and as the domain gives it). */
const stored = (
  childId: string,
  reference: string,
  dueDate: string,
  daysOverdue: number,
  iroId: string | null,
) => ({
  childId,
  reference,
  what: `Stored ${reference}`,
  dueDate,
  daysOverdue,
  iroId,
});

/**
 * Snapshots as the nightly run stores them: north on 2024-02-29 and 2024-03-01 (and a check this
 * service does not know, which is left out), south on 2024-03-01 with an item of north's IRO I1's id.
 */
export async function seedSnapshots(db: pg.Pool) {
  const rows: [string, string, string, unknown[]][] = [
    [
      'north',
      '2024-03-01',
      'review_overdue',
      [
        stored('A', 'A/2023-05-01/1', '2023-11-01', 121, 'I1'),
        stored('E', 'E/2023-10-20/1', '2024-01-20', 41, 'I2'),
      ],
    ],
    ['north', '2024-03-01', 'paperwork_overdue', [stored('E', 'E/2023-10-20/1', '2023-11-10', 112, 'I2')]],
    ['north', '2024-03-01', 'recommendation_overdue', []],
    ['north', '2024-03-01', 'made_up_check', [stored('A', 'X', '2024-01-01', 60, 'I1')]],
    ['north', '2024-02-29', 'review_overdue', [stored('A', 'A/2023-05-01/1', '2023-11-01', 120, 'I1')]],
    ['south', '2024-03-01', 'review_overdue', [stored('A', '2024-02-12', '2024-02-12', 18, 'I1')]],
  ];
  for (const [tenant, date, check, items] of rows) {
    await db.query(
      `insert into reviews.compliance_snapshots (tenant_id, snapshot_date, "check", count, items)
       values ($1, $2, $3, $4, $5::jsonb)`,
      [tenant, date, check, items.length, JSON.stringify(items)],
    );
  }
}

type Episode = CareHistory[number]['episodes'][number];

const episode = (
  startDate: string,
  endDate: string | null,
  reasonEnded: string | null,
  legalStatus = 'C2',
  placement = 'U4',
): Episode => ({ startDate, endDate, reasonNewEpisode: 'S', legalStatus, placement, reasonEnded });

/** North's children as the children subgraph would send them (F, with no period then, added to show it lists nothing). */
export const northChildren: CareHistory = [
  { childId: 'A', dateOfBirth: '2012-05-10', episodes: [episode('2023-01-09', null, null)] },
  { childId: 'B', dateOfBirth: '2021-06-15', episodes: [episode('2024-02-05', null, null, 'C2', 'U1')] },
  { childId: 'C', dateOfBirth: '2020-01-01', episodes: [episode('2023-06-01', null, null)] },
  { childId: 'D', dateOfBirth: '2010-03-03', episodes: [episode('2023-12-10', null, null, 'V3', 'U1')] },
  { childId: 'E', dateOfBirth: '2015-12-12', episodes: [episode('2023-10-02', null, null)] },
  { childId: 'F', dateOfBirth: '2005-01-01', episodes: [episode('2019-04-01', '2020-03-31', 'E4A')] },
];

export const southChildren: CareHistory = [
  { childId: 'A', dateOfBirth: '2009-01-01', episodes: [episode('2024-01-15', null, null)] },
];

export const northPolicy: LocalPolicy = {
  ...defaultLocalPolicy,
  reviewIntervals: [{ fromAge: 0, toAge: 5, months: 3 }],
};

export const southPolicy: LocalPolicy = defaultLocalPolicy;

/** A Compliance representation as the gateway sends it once it has the children subgraph's fields. */
export const complianceRepresentation = (asOf: string, children: CareHistory, policy: LocalPolicy) => ({
  __typename: 'Compliance',
  asOf,
  careHistory: encodeCareHistory(children),
  policy,
});

/** A representation carrying whatever a direct `_entities` caller chooses to send. */
export const forgedRepresentation = (fields: Record<string, unknown>) => ({
  __typename: 'Compliance',
  asOf: AS_OF,
  careHistory: encodeCareHistory(northChildren),
  policy: northPolicy,
  ...fields,
});

/** Every field of a check, the child as its id. */
export const CHECK_FIELDS = 'check count items { child { id } reference what dueDate daysOverdue iroId }';

export type ApiCheck = {
  check: string;
  count: number;
  items: {
    child: { id: string } | null;
    reference: string;
    what: string;
    dueDate: string | null;
    daysOverdue: number | null;
    iroId: string | null;
  }[];
};

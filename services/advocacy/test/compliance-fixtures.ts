import { encodeCareHistory } from '@footprint/graphql';
import type pg from 'pg';

type Episode = [string, string | null, string, string, string, string | null];
const child = (id: string, ...episodes: Episode[]) =>
  encodeCareHistory([
    {
      childId: id,
      dateOfBirth: '2008-05-01',
      episodes: episodes.map(
        ([startDate, endDate, reasonNewEpisode, legalStatus, placement, reasonEnded]) => ({
          startDate,
          endDate,
          reasonNewEpisode,
          legalStatus,
          placement,
          reasonEnded,
        }),
      ),
    },
  ])[0]!;

/**
 * Two councils on Monday 11 March 2024 that share the CHILD reference C1 and the involvement
 * reference INV1, worked out by hand from statutory-rules §10 (secure placements as the secure
 * figures recognise them: K1, or LS J1–J3 in K1 or R5):
 *
 * North
 *   C1  R1 from 2023-06-01, K1 from 2024-01-10: INV1 ended 2024-02-20 → breach since 01-10, 61 days
 *   C2  K1 from 2024-02-01: INV2 referred 02-02, no advocate started yet, open → covered
 *   C3  J2 in R5 (YOI) from 2024-03-01, no involvement → breach since 03-01, 10 days
 *   C4  C2 in R5, not a secure placement → nothing
 *   C5  K1 2023-01-01 to 2024-01-01, then U1: not secure on the date → nothing
 *   C6  K1 from the date itself, INV6 starting 03-12 → breach since 03-11, 0 days
 * South (C1 covered by south's own INV1; north's C1 is not)
 *   C1  K1 from 2024-02-01: INV1 started 02-05, open → covered
 *   S7  K1 from 2023-12-01, no involvement → breach since 2023-12-01, 101 days
 */
export const careHistory = {
  north: [
    child(
      'C1',
      ['2023-06-01', '2024-01-10', 'S', 'C2', 'R1', 'X1'],
      ['2024-01-10', null, 'P', 'C2', 'K1', null],
    ),
    child('C2', ['2024-02-01', null, 'S', 'C2', 'K1', null]),
    child('C3', ['2024-03-01', null, 'S', 'J2', 'R5', null]),
    child('C4', ['2024-03-01', null, 'S', 'C2', 'R5', null]),
    child(
      'C5',
      ['2023-01-01', '2024-01-01', 'S', 'C2', 'K1', 'X1'],
      ['2024-01-01', null, 'P', 'C2', 'U1', null],
    ),
    child('C6', ['2024-03-11', null, 'S', 'C2', 'K1', null]),
  ],
  south: [
    child('C1', ['2024-02-01', null, 'S', 'C2', 'K1', null]),
    child('S7', ['2023-12-01', null, 'S', 'C1', 'K1', null]),
  ],
};

export async function seedCompliance(db: pg.Pool) {
  await db.query(`
    insert into advocacy.providers (id, name, suspended) values ('voice', 'Voice Advocacy', false);
    insert into advocacy.commissions (tenant_id, provider_id, from_date) values
      ('north', 'voice', '2020-01-01'),
      ('south', 'voice', '2020-01-01');
    insert into advocacy.involvements
      (tenant_id, id, child_id, provider_id, referral_date, source, reasons, start_date, end_date, outcome) values
      ('north', 'INV1', 'C1', 'voice', '2024-01-11', 'iro', '{secure_accommodation}', '2024-01-12', '2024-02-20', 'Done'),
      ('north', 'INV2', 'C2', 'voice', '2024-02-02', 'self', '{secure_accommodation}', null, null, null),
      ('north', 'INV6', 'C6', 'voice', '2024-03-12', 'iro', '{secure_accommodation}', null, null, null),
      ('south', 'INV1', 'C1', 'voice', '2024-02-03', 'iro', '{secure_accommodation}', '2024-02-05', null, null);
  `);
}

type ApiItem = {
  child: { id: string } | null;
  reference: string;
  what: string;
  dueDate: string | null;
  daysOverdue: number | null;
  iroId: string | null;
};

/** What the nightly run stored for north on 10 March 2024, IROs filled in from the children's allocations. */
export const storedItems: { north: ApiItem[]; south: ApiItem[] } = {
  north: [
    {
      child: { id: 'C1' },
      reference: '2024-01-10',
      what: 'In a secure placement (K1, C2) since 2024-01-10 with no advocate',
      dueDate: '2024-01-10',
      daysOverdue: 60,
      iroId: 'I1',
    },
    {
      child: { id: 'C3' },
      reference: '2024-03-01',
      what: 'In a secure placement (R5, J2) since 2024-03-01 with no advocate',
      dueDate: '2024-03-01',
      daysOverdue: 9,
      iroId: 'I2',
    },
  ],
  south: [
    {
      child: { id: 'S7' },
      reference: '2023-12-01',
      what: 'In a secure placement (K1, C1) since 2023-12-01 with no advocate',
      dueDate: '2023-12-01',
      daysOverdue: 100,
      iroId: 'I1',
    },
  ],
};

export async function seedSnapshots(db: pg.Pool) {
  const stored = (items: ApiItem[]) =>
    JSON.stringify(items.map(({ child, ...rest }) => ({ childId: child?.id ?? null, ...rest })));
  await db.query(
    `insert into advocacy.compliance_snapshots (tenant_id, snapshot_date, "check", count, items) values
      ('north', '2024-03-10', 'secure_without_advocate', 2, $1),
      ('north', '2024-03-10', 'escalation_response_overdue', 0, '[]'),
      ('south', '2024-03-10', 'secure_without_advocate', 1, $2)`,
    [stored(storedItems.north), stored(storedItems.south)],
  );
}

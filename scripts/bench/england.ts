import { connect, roleUrl, setUpDatabase } from '@footprint/db';
import { dayNumber, fromDayNumber } from '@footprint/domain';
import { createTenant, identityMigrations } from '@footprint/identity';
import { rolesSql, superuserUrl } from '@footprint/testing';
import { subgraphServices } from '../../test/support/system.ts';
import { seededRandom } from '../seed/random.ts';
import { count, seconds } from './measure.ts';
import { child, HISTORY_END, type Iro, iroPosts } from './synthetic-council.ts';

/**
 * England at scale for the nightly compliance bench: 153 councils of 80 to 4,000 children looked
 * after (about 84,000 in all at 31 March 2024), each with ten years of history written straight
 * into the services' tables as the superuser (the CSV import would take hours at this size). Each
 * council's children, episodes, reviews, IROs and allocations are synthetic-council.ts's children
 * (same generator, same seeds); the other records (review paperwork, midway reviews,
 * recommendations, escalations, advocacy, foster households, sibling groups) are drawn here so
 * that every compliance check has work to do.
 *
 * The data goes into one dedicated database, generated once: a second run with the same
 * parameters finds it and reuses it.
 */

export const ENGLAND_COUNCILS = 153;
/** Children looked after at 31 March across England (DfE, 2024: 83,630). */
export const ENGLAND_LOOKED_AFTER = 84_000;
/**
 * synthetic-council.ts's ten-year council of 4,150 children has 1,352 looked after at the end; at
 * that ratio England came to 79,558 looked after, hence the second factor.
 */
const CHILDREN_PER_LOOKED_AFTER = (4_150 / 1_352) * (84_000 / 79_558);
const GENERATOR_VERSION = 3;
export const ENGLAND_DATABASE = 'footprint_bench_england';
export const AS_OF = HISTORY_END;

export type EnglandParameters = { councils: number; seed: number; version: number };

export type Council = {
  slug: string;
  name: string;
  lookedAfterTarget: number;
  children: number;
  seed: number;
};

/**
 * The 153 councils' sizes: a long-tailed spread (many of 200–600, a few of thousands) clamped to
 * 80–4,000 and scaled to England's total; the order is shuffled so the first N are a fair sample.
 */
export function englandCouncils(seed: number, councils: number): Council[] {
  const random = seededRandom(seed);
  const raw: number[] = [];
  for (let i = 0; i < ENGLAND_COUNCILS; i++) {
    // A log-normal of median ~400 by Box–Muller.
    const u = Math.max(1e-9, random.next());
    const v = random.next();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    raw.push(Math.min(4_000, Math.max(80, 400 * Math.exp(0.75 * z))));
  }
  // Scale towards England's total, keeping each within 80–4,000.
  for (let round = 0; round < 20; round++) {
    const total = raw.reduce((a, b) => a + b, 0);
    const k = ENGLAND_LOOKED_AFTER / total;
    for (let i = 0; i < raw.length; i++) raw[i] = Math.min(4_000, Math.max(80, raw[i]! * k));
  }
  return raw.slice(0, councils).map((lookedAfter, i) => ({
    slug: `c${String(i + 1).padStart(3, '0')}`,
    name: `Council ${i + 1}`,
    lookedAfterTarget: Math.round(lookedAfter),
    children: Math.round(lookedAfter * CHILDREN_PER_LOOKED_AFTER),
    seed: (seed * 31 + i * 7_919) >>> 0,
  }));
}

// --- rows ------------------------------------------------------------------------------------------

type Column = { name: string; type: string };
type TableSpec = { table: string; columns: Column[] };

const col = (name: string, type = 'text'): Column => ({ name, type });

const TABLES = {
  children: {
    table: 'children.children',
    columns: [col('tenant_id'), col('id'), col('sex'), col('date_of_birth', 'date'), col('ethnicity')],
  },
  episodes: {
    table: 'children.episodes',
    columns: [
      col('tenant_id'),
      col('child_id'),
      col('start_date', 'date'),
      col('reason_new_episode'),
      col('legal_status'),
      col('category_of_need'),
      col('placement'),
      col('placement_provider'),
      col('end_date', 'date'),
      col('reason_ended'),
      col('reason_place_change'),
      col('home_postcode'),
      col('placement_postcode'),
      col('urn'),
    ],
  },
  staff: {
    table: 'children.staff',
    columns: [
      col('tenant_id'),
      col('id'),
      col('name'),
      col('role'),
      col('fte', 'numeric'),
      col('employment'),
      col('start_date', 'date'),
      col('end_date', 'date'),
    ],
  },
  allocations: {
    table: 'children.allocations',
    columns: [
      col('tenant_id'),
      col('child_id'),
      col('iro_id'),
      col('start_date', 'date'),
      col('end_date', 'date'),
    ],
  },
  siblingGroups: {
    table: 'children.sibling_groups',
    columns: [col('tenant_id'), col('group_id'), col('child_id')],
  },
  reviews: {
    table: 'reviews.reviews',
    columns: [
      col('tenant_id'),
      col('child_id'),
      col('review_date', 'date'),
      col('sequence', 'int'),
      col('participation'),
      col('iro_id'),
      col('format'),
      col('outcomes_issued', 'date'),
      col('record_completed', 'date'),
      col('record_distributed', 'date'),
    ],
  },
  midwayReviews: {
    table: 'reviews.midway_reviews',
    columns: [col('tenant_id'), col('child_id'), col('midway_date', 'date'), col('iro_id')],
  },
  recommendations: {
    table: 'reviews.recommendations',
    columns: [
      col('tenant_id'),
      col('child_id'),
      col('review_date', 'date'),
      col('sequence', 'int'),
      col('recommendation'),
      col('owner'),
      col('due_date', 'date'),
      col('completed_on', 'date'),
    ],
  },
  escalations: {
    table: 'escalations.escalations',
    columns: [
      col('tenant_id'),
      col('id'),
      col('child_id'),
      col('iro_id'),
      col('raised_on', 'date'),
      col('themes', 'text[]'),
    ],
  },
  escalationEvents: {
    table: 'escalations.escalation_events',
    columns: [
      col('tenant_id'),
      col('escalation_id'),
      col('sequence', 'int'),
      col('event_date', 'date'),
      col('event'),
      col('stage'),
    ],
  },
  localPolicy: {
    table: 'children.local_policy',
    columns: [col('tenant_id'), col('key'), col('effective', 'date'), col('value')],
  },
  stages: {
    table: 'escalations.stages',
    columns: [
      col('tenant_id'),
      col('key'),
      col('name'),
      col('goes_to'),
      col('responds_within_working_days', 'int'),
      col('formal', 'boolean'),
      col('position', 'int'),
    ],
  },
  commissions: {
    table: 'advocacy.commissions',
    columns: [col('tenant_id'), col('provider_id'), col('from_date', 'date')],
  },
  involvements: {
    table: 'advocacy.involvements',
    columns: [
      col('tenant_id'),
      col('id'),
      col('child_id'),
      col('provider_id'),
      col('referral_date', 'date'),
      col('reasons', 'text[]'),
      col('start_date', 'date'),
      col('end_date', 'date'),
    ],
  },
  households: {
    table: 'foster_carer_reviews.households',
    columns: [
      col('tenant_id'),
      col('id'),
      col('name'),
      col('type'),
      col('approved_on', 'date'),
      col('ended_on', 'date'),
      col('fcro_id'),
    ],
  },
  fosterReviews: {
    table: 'foster_carer_reviews.reviews',
    columns: [
      col('tenant_id'),
      col('household_id'),
      col('review_date', 'date'),
      col('outcome'),
      col('fcro_id'),
    ],
  },
} satisfies Record<string, TableSpec>;

export type EnglandTable = keyof typeof TABLES;
type Value = string | number | boolean | null | string[];

/** Rows of one table gathered column by column, written with one `insert … select from unnest(…)` per batch. */
class Batch {
  readonly columns: Value[][];
  rows = 0;
  total = 0;
  constructor(readonly spec: TableSpec) {
    this.columns = spec.columns.map(() => []);
  }
  add(values: Value[]) {
    for (let i = 0; i < values.length; i++) this.columns[i]!.push(values[i]!);
    this.rows += 1;
    this.total += 1;
  }
  /** The statement and parameters for the rows gathered so far; empties the batch. */
  take(): { text: string; values: unknown[] } | null {
    if (this.rows === 0) return null;
    const { table, columns } = this.spec;
    // An array of arrays does not bind as text[][] cells: those columns go as '{a,b}' literals, cast after unnest.
    const values = this.columns.map((cells, i) =>
      columns[i]!.type === 'text[]'
        ? cells.map((c) => (c === null ? null : `{${(c as string[]).join(',')}}`))
        : cells,
    );
    const args = columns.map((c, i) => `$${i + 1}::${c.type === 'text[]' ? 'text' : c.type}[]`).join(', ');
    const list = columns.map((c, i) => (c.type === 'text[]' ? `c${i}::text[]` : `c${i}`)).join(', ');
    const aliases = columns.map((_, i) => `c${i}`).join(', ');
    const text = `insert into ${table} (${columns.map((c) => c.name).join(', ')}) select ${list} from unnest(${args}) as u(${aliases})`;
    for (let i = 0; i < this.columns.length; i++) this.columns[i] = [];
    this.rows = 0;
    return { text, values };
  }
}

const iso = (uk: string) => (uk === '' ? null : `${uk.slice(6, 10)}-${uk.slice(3, 5)}-${uk.slice(0, 2)}`);
const day = (n: number) => fromDayNumber(n);
const AS_OF_DAY = dayNumber(AS_OF);
const orNull = (s: string) => (s === '' ? null : s);

const THEMES = ['drift_delay', 'care_planning', 'placement', 'health', 'education', 'contact'];
const ADVOCACY_REASONS = ['review', 'complaint', 'placement_move', 'secure', 'other'];
const OWNERS = ['social_worker', 'team_manager', 'carer', 'iro', 'other'];
const STAGES = ['informal', 'stage1', 'stage2', 'stage3'];
const PROVIDER = 'bench-advocacy';

/** Every row of one council, into `batches`. */
function generateCouncil(council: Council, batches: Record<EnglandTable, Batch>) {
  const t = council.slug;
  const random = seededRandom(council.seed);
  const posts = iroPosts(random, council.children);
  const iros: Iro[] = posts.flat();
  for (const iro of iros) {
    batches.staff.add([
      t,
      iro.id,
      iro.name,
      'iro',
      iro.fte,
      iro.employment,
      day(iro.start),
      iro.end === null ? null : day(iro.end),
    ]);
  }
  batches.staff.add([t, 'MGR0001', 'Helen Carter', 'manager', '1', 'permanent', '2012-09-01', null]);
  batches.commissions.add([t, PROVIDER, '2014-01-01']);
  const number = Number(council.slug.slice(1));
  // A third of the councils review the under-fives every three months (local_review_* have work).
  if (number % 3 === 0) {
    batches.localPolicy.add([t, 'review_intervals', '2020-04-01', '[{"fromAge":0,"toAge":4,"months":3}]']);
  }
  // A quarter have configured stages whose formal responses add up to more than 20 working days.
  if (number % 4 === 0) {
    const stages: [string, string, string, number, boolean][] = [
      ['informal', 'Informal', 'Social worker', 5, false],
      ['stage1', 'Stage 1', 'Team manager', 10, true],
      ['stage2', 'Stage 2', 'Service manager', 10, true],
      ['stage3', 'Stage 3', 'Head of service', 15, true],
    ];
    for (const [i, [key, name, goesTo, days, formal]] of stages.entries()) {
      batches.stages.add([t, key, name, goesTo, days, formal, i + 1]);
    }
  }

  const extra = seededRandom((council.seed ^ 0x5bd1e995) >>> 0);
  let escalationNo = 0;
  let involvementNo = 0;
  let groupNo = 0;
  let pendingSibling = 0;
  for (let i = 0; i < council.children; i++) {
    const id = `SYN${String(i + 1).padStart(6, '0')}`;
    // synthetic-council.ts's child i of a council of this seed.
    const rows = child(id, seededRandom((council.seed * 7_919 + i * 104_729) >>> 0), posts);
    const [header] = rows.header;
    batches.children.add([t, id, header![1]!, iso(header![2]!), header![3]!]);
    let secureSince: number | null = null;
    let lastStart = 0;
    let open = false;
    for (const e of rows.episodes) {
      batches.episodes.add([
        t,
        id,
        iso(e[1]!),
        e[2]!,
        e[3]!,
        e[4]!,
        e[5]!,
        orNull(e[6]!),
        iso(e[7]!),
        orNull(e[8]!),
        orNull(e[9]!),
        e[10]!,
        e[11]!,
        orNull(e[12]!),
      ]);
      const start = dayNumber(iso(e[1]!)!);
      lastStart = start;
      open = e[7] === '';
      if (e[5] === 'K1' && secureSince === null) secureSince = start;
    }
    const periodStarts = new Set(
      rows.episodes.filter((e) => e[2] === 'S').map((e) => dayNumber(iso(e[1]!)!)),
    );
    const allocations = rows.allocations.map((a) => {
      const allocation = {
        iro: a[1]!,
        from: dayNumber(iso(a[2]!)!),
        to: a[3] === '' ? null : dayNumber(iso(a[3]!)!),
      };
      // Now and then the first IRO of a period comes late (iro_allocation_late has work).
      const late = allocation.from + extra.int(8, 40);
      if (
        [0, 1, 2, 3, 4, 5].some((d) => periodStarts.has(allocation.from - d)) &&
        extra.chance(0.08) &&
        (allocation.to === null || late < allocation.to) &&
        late < AS_OF_DAY
      ) {
        allocation.from = late;
      }
      return allocation;
    });
    for (const a of allocations)
      batches.allocations.add([t, id, a.iro, day(a.from), a.to === null ? null : day(a.to)]);
    const iroOn = (d: number) =>
      allocations.find((a) => a.from <= d && (a.to === null || d < a.to))?.iro ?? null;

    // Reviews, with their paperwork; a few go missing (never recorded), and the paperwork of recent ones is late or not done.
    let previous: number | null = null;
    for (const r of rows.reviews) {
      const reviewDay = dayNumber(iso(r[2]!)!);
      if (extra.chance(0.03)) continue;
      const age = AS_OF_DAY - reviewDay;
      const paper = (after: number) => {
        const d = reviewDay + after;
        if (d > AS_OF_DAY) return null;
        return age < 120 && extra.chance(0.25) ? null : day(d);
      };
      const iro = iroOn(reviewDay);
      batches.reviews.add([
        t,
        id,
        day(reviewDay),
        1,
        r[3]!,
        iro,
        extra.pick(['in_person', 'in_person', 'virtual', 'hybrid']),
        paper(extra.int(2, 25)),
        paper(extra.int(5, 35)),
        paper(extra.int(10, 40)),
      ]);
      if (previous !== null && reviewDay - previous > 60 && extra.chance(0.7)) {
        const mid = previous + Math.floor((reviewDay - previous) / 2) + extra.int(-10, 10);
        batches.midwayReviews.add([t, id, day(mid), iroOn(mid)]);
      }
      previous = reviewDay;
      const recs = extra.int(0, 3);
      for (let s = 1; s <= recs; s++) {
        const due = reviewDay + extra.int(20, 120);
        const done =
          due <= AS_OF_DAY + 60 && extra.chance(age > 365 ? 0.985 : age > 120 ? 0.85 : 0.55)
            ? due - extra.int(-20, 30)
            : null;
        batches.recommendations.add([
          t,
          id,
          day(reviewDay),
          s,
          `Recommendation ${s}`,
          extra.pick(OWNERS),
          day(due),
          done === null || done > AS_OF_DAY ? null : day(Math.max(done, reviewDay)),
        ]);
      }
    }

    // Escalations: about one child in twelve, a raised date somewhere in their last period.
    if (extra.chance(0.08)) {
      const raised = Math.min(
        AS_OF_DAY - 1,
        lastStart + extra.int(5, open ? Math.max(6, AS_OF_DAY - lastStart) : 300),
      );
      escalationNo += 1;
      const eid = `ESC${String(escalationNo).padStart(6, '0')}`;
      batches.escalations.add([t, eid, id, iroOn(raised), day(raised), [extra.pick(THEMES)]]);
      let stage = extra.chance(0.6) ? 0 : 1;
      let d = raised;
      let seq = 1;
      batches.escalationEvents.add([t, eid, seq, day(d), 'raised', STAGES[stage]!]);
      for (;;) {
        const next = d + extra.int(3, 25);
        if (next > AS_OF_DAY) break;
        d = next;
        seq += 1;
        if (stage < 3 && extra.chance(0.35)) {
          stage += 1;
          batches.escalationEvents.add([t, eid, seq, day(d), 'escalated', STAGES[stage]!]);
          continue;
        }
        batches.escalationEvents.add([
          t,
          eid,
          seq,
          day(d),
          extra.chance(0.9) ? 'resolved' : 'withdrawn',
          STAGES[stage]!,
        ]);
        break;
      }
    }

    // Advocacy: most children in secure placements have an advocate, and some others too.
    if ((secureSince !== null && extra.chance(0.6)) || extra.chance(0.06)) {
      const referral = Math.min(AS_OF_DAY, (secureSince ?? lastStart) + extra.int(0, 40));
      const startDay = referral + extra.int(0, 14);
      const endDay = extra.chance(0.5) ? startDay + extra.int(10, 400) : null;
      involvementNo += 1;
      batches.involvements.add([
        t,
        `INV${String(involvementNo).padStart(6, '0')}`,
        id,
        PROVIDER,
        day(referral),
        [secureSince !== null ? 'secure' : extra.pick(ADVOCACY_REASONS)],
        startDay > AS_OF_DAY ? null : day(startDay),
        endDay === null || endDay > AS_OF_DAY || startDay > AS_OF_DAY ? null : day(endDay),
      ]);
    }

    // Sibling groups: runs of two or three consecutive children, about one child in ten.
    if (pendingSibling > 0) {
      batches.siblingGroups.add([t, `G${groupNo}`, id]);
      pendingSibling -= 1;
    } else if (extra.chance(0.05)) {
      groupNo += 1;
      batches.siblingGroups.add([t, `G${groupNo}`, id]);
      pendingSibling = extra.chance(0.7) ? 1 : 2;
    }
  }

  // Foster households, about one per three children looked after, reviewed yearly (some late, some missed).
  const households = Math.max(10, Math.round(council.lookedAfterTarget / 3));
  const fcros = Math.max(1, Math.round(households / 80));
  for (let h = 1; h <= households; h++) {
    const hid = `FH${String(h).padStart(5, '0')}`;
    const fcro = `FCRO${extra.int(1, fcros)}`;
    const approved = dayNumber('2008-01-01') + extra.int(0, AS_OF_DAY - dayNumber('2008-01-01') - 30);
    const ended = extra.chance(0.2) ? approved + extra.int(200, 3000) : null;
    const endDay = ended !== null && ended <= AS_OF_DAY ? ended : null;
    batches.households.add([
      t,
      hid,
      `Household ${h}`,
      extra.chance(0.75) ? 'mainstream' : 'connected_person',
      day(approved),
      endDay === null ? null : day(endDay),
      fcro,
    ]);
    let review = approved + extra.int(300, 380);
    const last = endDay ?? AS_OF_DAY;
    while (review <= last) {
      if (!extra.chance(0.04)) {
        batches.fosterReviews.add([t, hid, day(review), 'continued', fcro]);
      }
      review += extra.int(330, 400);
    }
  }
}

// --- the database ------------------------------------------------------------------------------------

export type England = {
  database: string;
  /** A URL of the database as the superuser (row-level security does not apply). */
  superuserDbUrl: string;
  /** The councils asked for: the first N of those generated. */
  councils: Council[];
  /** How many councils the database holds (the first N are the same at any N). */
  generated: number;
  reused: boolean;
};

const META = 'public.bench_england';

/**
 * The England database of these parameters: reused when it is there (one generated for more
 * councils serves, its first N being the same councils), otherwise generated now.
 */
export async function englandDatabase(options: { councils: number; seed?: number }): Promise<England> {
  const params: EnglandParameters = {
    councils: options.councils,
    seed: options.seed ?? 903,
    version: GENERATOR_VERSION,
  };
  const councils = englandCouncils(params.seed, params.councils);
  const admin = superuserUrl();
  const dbUrl = new URL(admin);
  dbUrl.pathname = `/${ENGLAND_DATABASE}`;
  const superuserDbUrl = dbUrl.toString();

  const probe = connect(admin, { max: 1 });
  const exists = (await probe.pool.query('select 1 from pg_database where datname = $1', [ENGLAND_DATABASE]))
    .rowCount;
  await probe.close();
  if (exists) {
    const client = connect(superuserDbUrl, { max: 1 });
    try {
      const found = await client.pool
        .query(`select params from ${META}`)
        .then((r) => r.rows[0]?.params as EnglandParameters | undefined)
        .catch(() => undefined);
      if (
        found &&
        found.councils >= params.councils &&
        found.seed === params.seed &&
        found.version === params.version
      ) {
        console.log(
          `England data: reusing database ${ENGLAND_DATABASE} (generated for ${found.councils} councils, seed ${found.seed}, generator v${found.version})`,
        );
        return {
          database: ENGLAND_DATABASE,
          superuserDbUrl,
          councils,
          generated: found.councils,
          reused: true,
        };
      }
    } finally {
      await client.close();
    }
  }

  const started = performance.now();
  console.log(`England data: generating ${params.councils} councils into database ${ENGLAND_DATABASE}`);
  await setUpDatabase({
    superuserUrl: admin,
    database: ENGLAND_DATABASE,
    rolesSql,
    recreate: true,
    migrations: [
      identityMigrations,
      ...subgraphServices.map((s) => ({ schema: s.pgSchema, folder: s.migrationsFolder })),
    ],
  });
  const identity = connect(roleUrl(admin, 'footprint_identity', ENGLAND_DATABASE), { max: 1 });
  for (const c of councils) await createTenant(identity.db, { slug: c.slug, name: c.name });
  await identity.close();

  const { pool, close } = connect(superuserDbUrl, { max: 2 });
  await pool.query(
    `insert into advocacy.providers (id, name) values ($1, 'Bench advocacy') on conflict do nothing`,
    [PROVIDER],
  );
  const batches = Object.fromEntries(
    Object.entries(TABLES).map(([name, spec]) => [name, new Batch(spec)]),
  ) as Record<EnglandTable, Batch>;
  // Parents before the rows that refer to them (foreign keys).
  const order: EnglandTable[] = [
    'children',
    'staff',
    'episodes',
    'allocations',
    'siblingGroups',
    'localPolicy',
    'stages',
    'reviews',
    'midwayReviews',
    'recommendations',
    'escalations',
    'escalationEvents',
    'commissions',
    'involvements',
    'households',
    'fosterReviews',
  ];
  // One council is written while the next is generated.
  let writing: Promise<void> = Promise.resolve();
  for (const [n, council] of councils.entries()) {
    generateCouncil(council, batches);
    const statements = order.map((name) => batches[name].take()).filter((s) => s !== null);
    await writing;
    writing = (async () => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        for (const s of statements) await client.query(s.text, s.values);
        await client.query('commit');
      } finally {
        client.release();
      }
    })();
    if ((n + 1) % 10 === 0 || n + 1 === councils.length) {
      console.log(`  ${n + 1}/${councils.length} councils, ${seconds(performance.now() - started)}`);
    }
  }
  await writing;
  await pool.query('vacuum analyze');
  await pool.query(`create table ${META} (params jsonb not null)`);
  await pool.query(`insert into ${META} values ($1)`, [JSON.stringify(params)]);
  await close();
  console.log(
    `England data: ${count(councils.length)} councils, ${Object.entries(batches)
      .map(([name, b]) => `${count(b.total)} ${name}`)
      .join(', ')}, in ${seconds(performance.now() - started)}`,
  );
  return { database: ENGLAND_DATABASE, superuserDbUrl, councils, generated: councils.length, reused: false };
}

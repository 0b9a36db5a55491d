import type { Escalation, EscalationEvent, EscalationEventKind } from '@footprint/domain';
import type pg from 'pg';

/**
 * A council the size of Bradford (about 1,350 children looked after, some 160 escalations a year)
 * over eleven years, with the default stages: escalations that skip stages, close, and are raised
 * again. Generated from a fixed seed, so every run has the same rows.
 */
export type LargeCouncil = { escalations: Escalation[]; events: Map<string, EscalationEvent[]> };

const STAGES = ['informal', 'stage1', 'stage2', 'stage3'];
const THEMES = ['drift_delay', 'placement', 'health', 'education', 'care_plan_quality', 'contact', 'other'];
const FIRST_DAY = Date.UTC(2014, 3, 1);
const DAYS = 4018; // to 31 March 2025

export function largeCouncil(size = 1_800): LargeCouncil {
  let state = 20_250_401;
  // A small linear congruential generator: enough to spread the rows, the same on every machine.
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const dateOf = (day: number) => new Date(FIRST_DAY + day * 86_400_000).toISOString().slice(0, 10);

  const escalations: Escalation[] = [];
  const events = new Map<string, EscalationEvent[]>();
  for (let i = 1; i <= size; i++) {
    const id = `B${i}`;
    let day = Math.floor(random() * DAYS);
    const themes = [...new Set([pick(THEMES), pick(THEMES)])].slice(0, 1 + Math.floor(random() * 2));
    escalations.push({ id, child: `C${Math.floor(random() * 1_350)}`, raised: dateOf(day), themes });
    let stage = random() < 0.7 ? 0 : 1;
    const list: EscalationEvent[] = [{ date: dateOf(day), event: 'raised', stage: STAGES[stage]! }];
    let open = true;
    // Most close within a few steps; a few are raised again after closing, or left open.
    const leftOpen = random() < 0.03;
    for (let step = 0; step < 6; step++) {
      // Some fall on the same day as the one before: the day's sequence keeps their order.
      day += Math.floor(random() * 15);
      let event: EscalationEventKind;
      if (!open) {
        if (random() < 0.9) break;
        event = 'raised';
        open = true;
      } else {
        const r = random();
        if (leftOpen && (r >= 0.35 || stage === 3)) break;
        event =
          r < 0.35 && stage < 3
            ? 'escalated'
            : r < 0.8
              ? 'resolved'
              : r < 0.9
                ? 'withdrawn'
                : 'referred_to_cafcass';
        if (event === 'escalated') stage = Math.min(3, stage + 1 + (random() < 0.2 ? 1 : 0));
        else open = false;
      }
      list.push({ date: dateOf(day), event, stage: STAGES[stage]! });
    }
    events.set(id, list);
  }
  return { escalations, events };
}

/** Writes the council's rows, numbering each day's events in order as the import does. */
export async function seedLargeCouncil(db: pg.Pool, tenant: string, council: LargeCouncil) {
  const e = council.escalations;
  await db.query(
    `insert into escalations.escalations (tenant_id, id, child_id, iro_id, raised_on, themes)
     select $1, id, child_id, 'I1', raised_on, string_to_array(themes, ';')
     from unnest($2::text[], $3::text[], $4::date[], $5::text[]) as t(id, child_id, raised_on, themes)`,
    [
      tenant,
      e.map((x) => x.id),
      e.map((x) => x.child),
      e.map((x) => x.raised),
      e.map((x) => x.themes.join(';')),
    ],
  );
  const rows = [...council.events].flatMap(([id, list]) =>
    list.map((event, i) => ({
      id,
      sequence: list.slice(0, i).filter((earlier) => earlier.date === event.date).length + 1,
      ...event,
    })),
  );
  await db.query(
    `insert into escalations.escalation_events (tenant_id, escalation_id, sequence, event_date, event, stage)
     select $1, * from unnest($2::text[], $3::int[], $4::date[], $5::text[], $6::text[])`,
    [
      tenant,
      rows.map((r) => r.id),
      rows.map((r) => r.sequence),
      rows.map((r) => r.date),
      rows.map((r) => r.event),
      rows.map((r) => r.stage),
    ],
  );
}

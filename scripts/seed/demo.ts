import { connect, type Transaction, withTenant } from '@footprint/db';
import { createTenant, type UserInput, upsertUser } from '@footprint/identity';
import { sql } from 'drizzle-orm';
import type { SystemSettings } from '../system/settings.ts';
import { type DemoCouncil, demoCouncils } from './demo-councils.ts';

export const DEMO_PASSWORD = 'footprint-demo-2026';
export const DEMO_PROVIDER = { id: 'voice-advocacy', name: 'Voice Advocacy (demo)' };

const emailOf = (name: string, slug: string) => `${name.toLowerCase().replace(/\s+/g, '.')}@${slug}.example`;

function peopleOf(council: DemoCouncil): UserInput[] {
  const staff = council.staff.map((person) => ({
    email: emailOf(person.name, council.slug),
    name: person.name,
    password: DEMO_PASSWORD,
    memberships: [{ tenantSlug: council.slug, roles: [person.role], staffRef: person.id }],
  }));
  return [
    ...staff,
    {
      email: `admin@${council.slug}.example`,
      name: `${council.name} administrator`,
      password: DEMO_PASSWORD,
      memberships: [{ tenantSlug: council.slug, roles: ['council_admin'] }],
    },
    {
      email: `ccc@${council.slug}.example`,
      name: `${council.name} Children in Care Council`,
      password: DEMO_PASSWORD,
      memberships: [{ tenantSlug: council.slug, roles: ['ccc_member'] }],
    },
  ];
}

/** Writes one council's children records as the children service's own role, inside its tenant. */
async function seedChildren(tx: Transaction, council: DemoCouncil) {
  for (const person of council.staff) {
    await tx.execute(sql`insert into children.staff (tenant_id, id, name, role, fte, start_date)
      values (${council.slug}, ${person.id}, ${person.name}, ${person.role}, ${person.fte}, ${person.startDate})
      on conflict do nothing`);
  }
  for (const child of council.children) {
    await tx.execute(sql`insert into children.children (tenant_id, id, given_name, family_name, sex, date_of_birth, ethnicity)
      values (${council.slug}, ${child.id}, ${child.givenName}, ${child.familyName}, ${child.sex}, ${child.dateOfBirth}, ${child.ethnicity})
      on conflict do nothing`);
    for (const e of child.episodes) {
      await tx.execute(sql`insert into children.episodes (tenant_id, child_id, start_date, reason_new_episode, legal_status, placement, end_date, reason_ended)
        values (${council.slug}, ${child.id}, ${e.startDate}, ${e.reasonNewEpisode}, ${e.legalStatus}, ${e.placement}, ${e.endDate}, ${e.reasonEnded})
        on conflict do nothing`);
    }
    await tx.execute(sql`insert into children.allocations (tenant_id, child_id, iro_id, start_date)
      values (${council.slug}, ${child.id}, ${child.allocation.iroId}, ${child.allocation.startDate})
      on conflict do nothing`);
  }
}

const participation = ['PN1', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7'];

async function seedReviews(tx: Transaction, council: DemoCouncil) {
  for (const [i, child] of council.children.entries()) {
    for (const [n, date] of child.reviewDates.entries()) {
      await tx.execute(sql`insert into reviews.reviews (tenant_id, child_id, review_date, sequence, participation, iro_id, format)
        values (${council.slug}, ${child.id}, ${date}, 1, ${participation[(i + n) % participation.length]},
                ${child.allocation.iroId}, ${n % 3 === 0 ? 'in_person' : n % 3 === 1 ? 'virtual' : 'hybrid'})
        on conflict do nothing`);
    }
  }
}

async function seedEscalations(tx: Transaction, council: DemoCouncil) {
  for (const [i, child] of council.children.slice(0, 3).entries()) {
    const raised = child.reviewDates.at(-1);
    if (!raised) continue;
    const id = `${council.slug.slice(0, 2).toUpperCase()}-ESC-${i + 1}`;
    await tx.execute(sql`insert into escalations.escalations (tenant_id, id, child_id, iro_id, raised_on, themes)
      values (${council.slug}, ${id}, ${child.id}, ${child.allocation.iroId}, ${raised}, ${i === 0 ? '{drift_delay}' : '{care_plan_quality}'})
      on conflict do nothing`);
    await tx.execute(sql`insert into escalations.escalation_events (tenant_id, escalation_id, sequence, event_date, event, stage)
      values (${council.slug}, ${id}, 1, ${raised}, 'raised', 'informal') on conflict do nothing`);
  }
}

async function seedAdvocacy(tx: Transaction, council: DemoCouncil) {
  await tx.execute(sql`insert into advocacy.commissions (tenant_id, provider_id, from_date)
    values (${council.slug}, ${DEMO_PROVIDER.id}, '2020-04-01') on conflict do nothing`);
  for (const [i, child] of council.children.filter((_, n) => n % 5 === 2).entries()) {
    const referral = child.reviewDates[0] ?? child.episodes[0]!.startDate;
    await tx.execute(sql`insert into advocacy.involvements (tenant_id, id, child_id, provider_id, referral_date, source, reasons, start_date)
      values (${council.slug}, ${`${council.slug.slice(0, 2).toUpperCase()}-ADV-${i + 1}`}, ${child.id}, ${DEMO_PROVIDER.id},
              ${referral}, ${i % 2 ? 'self' : 'iro'}, ${i % 2 ? '{care_plan}' : '{review_participation}'}, ${referral})
      on conflict do nothing`);
  }
}

async function seedFosterHouseholds(tx: Transaction, council: DemoCouncil) {
  const fcro = council.staff.find((person) => person.role === 'fcro')?.id ?? null;
  const households = [
    {
      id: 'FH-001',
      name: 'The Alder household',
      type: 'mainstream',
      approvedOn: '2019-05-14',
      reviews: ['2020-05-01', '2021-04-20', '2022-04-11', '2023-04-03', '2024-03-25', '2025-03-17'],
    },
    {
      id: 'FH-002',
      name: 'The Beech household',
      type: 'connected_person',
      approvedOn: '2023-09-01',
      reviews: ['2024-08-28'],
    },
    {
      id: 'FH-003',
      name: 'The Cedar household',
      type: 'mainstream',
      approvedOn: '2021-01-11',
      reviews: ['2022-01-10', '2023-02-20'],
    },
  ];
  for (const h of households) {
    await tx.execute(sql`insert into foster_carer_reviews.households (tenant_id, id, name, type, approved_on, fcro_id)
      values (${council.slug}, ${h.id}, ${h.name}, ${h.type}, ${h.approvedOn}, ${fcro}) on conflict do nothing`);
    for (const date of h.reviews) {
      await tx.execute(sql`insert into foster_carer_reviews.reviews (tenant_id, household_id, review_date, outcome, fcro_id)
        values (${council.slug}, ${h.id}, ${date}, 'continued', ${fcro}) on conflict do nothing`);
    }
  }
}

/**
 * Loads the demo councils once: re-running leaves existing demo records as they are, so what
 * people changed while trying the system survives a restart.
 */
export async function seedDemo(settings: SystemSettings) {
  const identity = connect(settings.urlFor('identity'), { max: 2 });
  // Each service's records are written as that service's own role, inside the council's tenant.
  const writers = [
    ['children', seedChildren],
    ['reviews', seedReviews],
    ['escalations', seedEscalations],
    ['advocacy', seedAdvocacy],
    ['foster-carer-reviews', seedFosterHouseholds],
  ] as const;
  const connections = writers.map(([service]) => connect(settings.urlFor(service), { max: 1 }));
  try {
    const advocacy = connections[3]!;
    await advocacy.db.execute(sql`insert into advocacy.providers (id, name)
      values (${DEMO_PROVIDER.id}, ${DEMO_PROVIDER.name}) on conflict do nothing`);
    for (const council of demoCouncils()) {
      await createTenant(identity.db, { slug: council.slug, name: council.name });
      for (const person of peopleOf(council)) await upsertUser(identity.db, person);
      for (const [i, [, write]] of writers.entries()) {
        await withTenant(connections[i]!.db, council.slug, (tx) => write(tx, council));
      }
    }
    await upsertUser(identity.db, {
      email: 'advocate@voice-advocacy.example',
      name: 'Ola Adeyemi',
      password: DEMO_PASSWORD,
      memberships: demoCouncils().map((c) => ({
        tenantSlug: c.slug,
        roles: ['advocate'],
        providerId: DEMO_PROVIDER.id,
      })),
    });
    await upsertUser(identity.db, {
      email: 'operator@footprint.example',
      name: 'Platform operator',
      password: DEMO_PASSWORD,
      platformOperator: true,
    });
  } finally {
    await Promise.all([identity.close(), ...connections.map((c) => c.close())]);
  }
}

export function demoSignIns() {
  const lines = demoCouncils().flatMap((council) => [
    `${council.name}: ${new URL(`/c/${council.slug}`, 'http://x').pathname}`,
    ...peopleOf(council).map((p) => `    ${p.email} (${p.memberships?.[0]?.roles.join(', ')})`),
  ]);
  return [
    ...lines,
    'Advocate (both councils): advocate@voice-advocacy.example',
    'Platform operator: operator@footprint.example at /platform/sign-in',
    `Password for every demo account: ${DEMO_PASSWORD}`,
  ];
}

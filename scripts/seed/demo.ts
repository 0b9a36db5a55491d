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

/**
 * Loads the demo councils once: re-running leaves existing demo records as they are, so what
 * people changed while trying the system survives a restart.
 */
export async function seedDemo(settings: SystemSettings) {
  const identity = connect(settings.urlFor('identity'), { max: 2 });
  const children = connect(settings.urlFor('children'), { max: 2 });
  try {
    for (const council of demoCouncils()) {
      await createTenant(identity.db, { slug: council.slug, name: council.name });
      for (const person of peopleOf(council)) await upsertUser(identity.db, person);
      await withTenant(children.db, council.slug, (tx) => seedChildren(tx, council));
    }
    await upsertUser(identity.db, {
      email: 'advocate@voice-advocacy.example',
      name: 'Ola Adeyemi',
      password: DEMO_PASSWORD,
      memberships: demoCouncils().map((c) => ({ tenantSlug: c.slug, roles: ['advocate'], providerId: DEMO_PROVIDER.id })),
    });
    await upsertUser(identity.db, {
      email: 'operator@footprint.example',
      name: 'Platform operator',
      password: DEMO_PASSWORD,
      platformOperator: true,
    });
  } finally {
    await Promise.all([identity.close(), children.close()]);
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

import { hashPassword, type Role, roles } from '@footprint/auth';
import type { Database } from '@footprint/db';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { memberships, users } from './tables.ts';

const membershipInput = z.object({
  tenantSlug: z.string(),
  roles: z.array(z.enum(roles)).min(1),
  staffRef: z.string().nullable().default(null),
  providerId: z.string().nullable().default(null),
});

const userInput = z.object({
  email: z
    .string()
    .email()
    .transform((email) => email.toLowerCase()),
  name: z.string().trim().min(1),
  password: z.string().min(12, 'a password has at least 12 characters'),
  platformOperator: z.boolean().default(false),
  memberships: z.array(membershipInput).default([]),
});

export type UserInput = z.input<typeof userInput>;
export type Membership = {
  tenantSlug: string;
  roles: Role[];
  staffRef: string | null;
  providerId: string | null;
};

/** Creates or replaces a person and their memberships (seeding and administration). */
export async function upsertUser(db: Database, input: UserInput) {
  const data = userInput.parse(input);
  const passwordHash = await hashPassword(data.password);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: data.email, name: data.name, passwordHash, platformOperator: data.platformOperator })
      .onConflictDoUpdate({
        target: users.email,
        set: {
          name: data.name,
          passwordHash,
          platformOperator: data.platformOperator,
          disabledAt: sql`null`,
        },
      })
      .returning();
    await tx.delete(memberships).where(eq(memberships.userId, user!.id));
    if (data.memberships.length) {
      await tx.insert(memberships).values(data.memberships.map((m) => ({ ...m, userId: user!.id })));
    }
    return user!;
  });
}

import type { AccessClaims } from '@footprint/auth';
import { isIsoDate, londonDateOf } from '@footprint/domain';
import { invalidInput } from '@footprint/graphql';
import { type ZodType, z } from 'zod';

/** Today in England: the day records may be dated up to. */
export const today = () => londonDateOf(new Date());

/** A real calendar date that has already happened (Europe/London). */
export const pastDate = (field: string) =>
  z
    .string({ error: `${field} is required` })
    .refine(isIsoDate, { error: (issue) => `${field} ${JSON.stringify(issue.input)} is not a real date` })
    .refine((value) => value <= today(), { error: (issue) => `${field} ${issue.input} is in the future` });

/** An optional code from a fixed list, named in the message when wrong. */
export const optionalCode = <const T extends readonly [string, ...string[]]>(field: string, codes: T) =>
  z
    .enum(codes, {
      error: (issue) => `${field} must be one of ${codes.join(', ')}; got ${JSON.stringify(issue.input)}`,
    })
    .nullish()
    .transform((value) => value ?? null);

/** An optional reference (CHILD, staff) given as text. */
export const optionalReference = (field: string) =>
  z
    .string()
    .trim()
    .min(1, `${field} must not be empty`)
    .nullish()
    .transform((value) => value ?? null);

/**
 * Parses a mutation's input, or throws one BAD_USER_INPUT error naming every problem found, and
 * the first field at fault, so that a form can mark it.
 */
export function parseInput<T>(schema: ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const [first] = parsed.error.issues;
  throw invalidInput(
    parsed.error.issues.map((issue) => issue.message).join('; '),
    first?.path.length ? String(first.path[0]) : undefined,
  );
}

/** Managers and IROs work with reviews; no other role reads or records them (spec README). */
export const mayWorkWithReviews = (auth: AccessClaims) =>
  auth.roles.includes('manager') || auth.roles.includes('iro');

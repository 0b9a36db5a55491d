import { invalidInput } from '@footprint/graphql';
import type { z } from 'zod';

/** Parses mutation input, turning every problem zod finds into one BAD_USER_INPUT error naming them. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const [first] = parsed.error.issues;
  throw invalidInput(
    parsed.error.issues.map((issue) => issue.message).join('; '),
    first?.path.map(String).join('.') || undefined,
  );
}

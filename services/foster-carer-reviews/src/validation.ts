import { invalidInput } from '@footprint/graphql';
import type { z } from 'zod';

/** Parses a mutation's input, naming every problem at once and the first field at fault. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const { issues } = parsed.error;
  throw invalidInput(issues.map((issue) => issue.message).join('; '), issues[0]?.path.join('.'));
}

/** GraphQL ID arguments arrive as strings or numbers; references are text. */
export const idText = (value: string | number | null | undefined) =>
  value === null || value === undefined ? value : String(value);

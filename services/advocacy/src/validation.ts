import { type CodeListName, codeLists, isKnownCode, londonDateOf } from '@footprint/domain';
import { invalidInput } from '@footprint/graphql';
import { z } from 'zod';

/** Parses a mutation's input, turning every problem into one BAD_USER_INPUT naming the first field. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const [first] = parsed.error.issues;
  throw invalidInput(
    parsed.error.issues.map((issue) => issue.message).join('; '),
    first?.path.length ? String(first.path[0]) : undefined,
  );
}

/** A code from one of the spec's code lists, refused with the list's codes when unknown. */
export const codeFrom = (list: CodeListName, what: string) =>
  z.string().superRefine((code, ctx) => {
    if (!isKnownCode(list, code)) {
      ctx.addIssue({
        code: 'custom',
        message: `Unknown ${what} “${code}”: use one of ${codeLists[list].map((c) => c.code).join(', ')}`,
      });
    }
  });

/** A date that has already come (Europe/London): what an advocate or IRO records has happened. */
export const pastDate = (field: string) =>
  z.string().superRefine((date, ctx) => {
    if (date > londonDateOf(new Date()))
      ctx.addIssue({ code: 'custom', message: `${field} ${date} is in the future` });
  });

/** A reference typed by a person: trimmed, not empty, not absurdly long. */
export const reference = (field: string) =>
  z.string().trim().min(1, `${field} is required`).max(100, `${field} is longer than 100 characters`);

import type { Role } from '@footprint/auth';
import { type IsoDate, reportingYear } from '@footprint/domain';
import type { ObjectRef } from '@pothos/core';
import { z } from 'zod';
import type { FootprintBuilder, FootprintSchemaTypes } from './builder.ts';
import type { RequestContext } from './context.ts';
import { invalidInput } from './errors.ts';

/*
 * What every subgraph's section of the `AnnualReport @key(fields: "year")` entity shares: the
 * report's own value types, the reporting-year check, the managers-only scope, and the small
 * helpers each section's figures and records-behind lists are built with.
 */

/** A count under one code of a report table (annual-report.md's `{ code: count }` maps). */
export type CodeCount = { code: string; count: number };

/** One record behind a figure of the annual report; `C` is how the subgraph holds a Child. */
export type RecordBehindFigure<C = { id: string }> = {
  child: C | null;
  date: string | null;
  reference: string | null;
  description: string;
};

/** The council's annual report is for its managers only: every other role gets FORBIDDEN. */
export const managers: Readonly<{ anyRole: readonly Role[] }> = { anyRole: ['manager'] };

/** A reporting year YYYY (1 April YYYY – 31 March YYYY+1) that a report can be asked for. */
export const reportYear = z.number().int().min(1990).max(2100);

export const REPORT_YEAR_MESSAGE = 'year must be a reporting year such as 2023';

/**
 * The year of a report, or BAD_USER_INPUT naming it. The gateway passes on the children
 * subgraph's year, already checked; a direct `_entities` call could send anything.
 */
export function checkedReportYear(year: unknown): number {
  const parsed = reportYear.safeParse(year);
  if (!parsed.success) throw invalidInput(REPORT_YEAR_MESSAGE, 'year');
  return parsed.data;
}

/** From 1 April of the earliest of `years` to 31 March after the latest: one read covers them all. */
export function reportingSpan(years: readonly number[]): { start: IsoDate; end: IsoDate } {
  return {
    start: reportingYear(Math.min(...years)).start,
    end: reportingYear(Math.max(...years)).end,
  };
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A count map as the report lists it: every key of `order` in that order, zeros included; without
 * an order, the codes that occur, in code order.
 */
export const codeCounts = (
  counts: Readonly<Record<string, number>>,
  order?: readonly string[],
): CodeCount[] =>
  (order ?? Object.keys(counts).sort(byCode)).map((code) => ({ code, count: counts[code] ?? 0 }));

/**
 * The members behind one key of a figure's map; none for a key that is not the map's own, so that
 * a code such as "constructor" never reaches the object's prototype.
 */
export const membersUnder = <T>(groups: Readonly<Record<string, readonly T[]>>, key: string): readonly T[] =>
  Object.hasOwn(groups, key) ? groups[key]! : [];

/** A figure this subgraph has no records behind: a percentage, a whole map, another subgraph's. */
export const noRecordsBehind = (figure: string) =>
  invalidInput(`No records behind figure "${figure}"`, 'figure');

/** Records in the audit trail that the records behind `figure` of `year` were read, and which. */
export const auditRecordsBehind = (
  ctx: RequestContext,
  entity: string,
  ids: string[],
  { figure, year }: { figure: string; year: number },
) => ctx.inTenant((tx) => ctx.audit(tx, 'read', entity, ids, { figure, year }));

/**
 * Whether a shared type prints its descriptions. Every subgraph declares CodeCount and
 * RecordBehindFigure with the same fields; some declared them without descriptions, and passing
 * `false` keeps their printed schema exactly as it was. Composition takes the descriptions from the
 * subgraphs that give them.
 */
export type SharedTypeOptions = { descriptions?: boolean };

type Declared<R> = { ref: R; descriptions: boolean };

/** One declaration per schema, however many modules ask for it; asked again differently, it throws. */
function declaredOnce<R>(
  refs: WeakMap<FootprintBuilder, Declared<R>>,
  builder: FootprintBuilder,
  name: string,
  { descriptions = true }: SharedTypeOptions,
  declare: (describe: (text: string) => string | undefined) => R,
): R {
  const declared = refs.get(builder);
  if (declared) {
    if (declared.descriptions !== descriptions) {
      throw new Error(
        `${name} is already declared ${declared.descriptions ? 'with' : 'without'} descriptions`,
      );
    }
    return declared.ref;
  }
  const ref = declare((text) => (descriptions ? text : undefined));
  refs.set(builder, { ref, descriptions });
  return ref;
}

/** The schema types a Footprint builder's refs carry. */
type Types = PothosSchemaTypes.ExtendDefaultTypes<FootprintSchemaTypes>;

type CodeCountRef = ObjectRef<Types, CodeCount>;

const codeCountRefs = new WeakMap<FootprintBuilder, Declared<CodeCountRef>>();

/** The shareable `CodeCount` of report tables; calling it again for the same builder returns the same type. */
export function codeCountType(builder: FootprintBuilder, options: SharedTypeOptions = {}): CodeCountRef {
  return declaredOnce(codeCountRefs, builder, 'CodeCount', options, (describe) =>
    builder.objectRef<CodeCount>('CodeCount').implement({
      description: describe('A count under one code of a report table'),
      shareable: true,
      fields: (t) => ({
        code: t.exposeString('code'),
        count: t.exposeInt('count'),
      }),
    }),
  );
}

const recordBehindFigureRefs = new WeakMap<FootprintBuilder, Declared<unknown>>();

/**
 * The shareable `RecordBehindFigure`, its `child` field of the subgraph's `Child` type (an entity
 * owned by the children subgraph). Calling it again for the same builder returns the same type.
 */
export function recordBehindFigureType<C extends object>(
  builder: FootprintBuilder,
  childRef: ObjectRef<Types, C>,
  options: SharedTypeOptions = {},
): ObjectRef<Types, RecordBehindFigure<C>> {
  return declaredOnce(
    recordBehindFigureRefs as WeakMap<FootprintBuilder, Declared<ObjectRef<Types, RecordBehindFigure<C>>>>,
    builder,
    'RecordBehindFigure',
    options,
    (describe) =>
      builder.objectRef<RecordBehindFigure<C>>('RecordBehindFigure').implement({
        description: describe('One record behind a figure of the annual report'),
        shareable: true,
        fields: (t) => ({
          child: t.field({
            // Widened only for the compiler: Pothos' result type of a generic shape does not resolve.
            type: childRef as ObjectRef<Types, object>,
            nullable: true,
            description: describe('The child the record is about; null where it is not about one child'),
            resolve: (record) => record.child,
          }),
          date: t.expose('date', {
            type: 'Date',
            nullable: true,
            description: describe('The record’s date'),
          }),
          reference: t.exposeString('reference', {
            nullable: true,
            description: describe('The record’s own id where it has one'),
          }),
          description: t.exposeString('description', { description: describe('A short human line') }),
        }),
      }),
  );
}

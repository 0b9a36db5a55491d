import { printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  checkedReportYear,
  codeCounts,
  codeCountType,
  membersUnder,
  noRecordsBehind,
  recordBehindFigureType,
  reportingSpan,
  type SharedTypeOptions,
} from './annual-report.ts';
import { createBuilder } from './builder.ts';

const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return { message: (error as GraphQLError).message, extensions: (error as GraphQLError).extensions };
  }
  throw new Error('not refused');
};

describe('checkedReportYear', () => {
  it.each([1990, 2023, 2100])('takes %i', (year) => {
    expect(checkedReportYear(year)).toBe(year);
  });

  it.each([1989, 2101, 2023.5, '2023', -2023, null, undefined, Number.NaN])(
    'refuses %j, naming the year',
    (year) => {
      expect(refusal(() => checkedReportYear(year))).toEqual({
        message: 'year must be a reporting year such as 2023',
        extensions: { code: 'BAD_USER_INPUT', field: 'year' },
      });
    },
  );
});

it('reportingSpan runs from 1 April of the earliest year to 31 March after the latest', () => {
  expect(reportingSpan([2023, 2021, 2022])).toEqual({ start: '2021-04-01', end: '2024-03-31' });
  expect(reportingSpan([2023])).toEqual({ start: '2023-04-01', end: '2024-03-31' });
});

it('codeCounts lists the codes in code order, or every key of an order with zeros', () => {
  expect(codeCounts({ placement: 2, complaint: 1, U4: 3 })).toEqual([
    { code: 'U4', count: 3 },
    { code: 'complaint', count: 1 },
    { code: 'placement', count: 2 },
  ]);
  expect(codeCounts({ female: 2 }, ['male', 'female', 'unknown'])).toEqual([
    { code: 'male', count: 0 },
    { code: 'female', count: 2 },
    { code: 'unknown', count: 0 },
  ]);
});

it('membersUnder finds none under a key that is not the map’s own', () => {
  const groups: Record<string, number[]> = { placement: [1, 2] };
  expect(membersUnder(groups, 'placement')).toEqual([1, 2]);
  expect(membersUnder(groups, 'constructor')).toEqual([]);
  expect(membersUnder(groups, 'toString')).toEqual([]);
});

it('noRecordsBehind names the figure', () => {
  const error = noRecordsBehind('reviews.onTimePercent');
  expect(error.message).toBe('No records behind figure "reviews.onTimePercent"');
  expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'figure' });
});

describe('the shared report types', () => {
  /** A subgraph that declares both types in two modules, as a service's figures files do. */
  const subgraph = (options?: SharedTypeOptions) => {
    const builder = createBuilder();
    const Child = builder.objectRef<{ id: string }>('Child').implement({
      fields: (t) => ({ id: t.exposeID('id') }),
    });
    const first = codeCountType(builder, options);
    const again = codeCountType(builder, options);
    const records = recordBehindFigureType(builder, Child, options);
    builder.queryFields((t) => ({
      counts: t.field({ type: [first], resolve: () => [] }),
      records: t.field({ type: [records], resolve: () => [] }),
    }));
    const sdl = printSubgraphSchema(
      builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' }),
    );
    return { builder, Child, first, again, records, sdl };
  };

  const typeIn = (sdl: string, name: string) => {
    const start = sdl.lastIndexOf('\n\n', sdl.indexOf(`type ${name}`)) + 2;
    return sdl.slice(start, sdl.indexOf('}', start) + 1);
  };

  it('are declared once per schema, however many modules ask', () => {
    const { first, again, builder, Child, records } = subgraph();
    expect(again).toBe(first);
    expect(recordBehindFigureType(builder, Child)).toBe(records);
  });

  it('print as every subgraph shares them, shareable, with their descriptions', () => {
    const { sdl } = subgraph();
    expect(typeIn(sdl, 'CodeCount')).toBe(
      '"""A count under one code of a report table"""\ntype CodeCount\n  @shareable\n{\n  code: String!\n  count: Int!\n}',
    );
    expect(typeIn(sdl, 'RecordBehindFigure')).toBe(
      [
        '"""One record behind a figure of the annual report"""',
        'type RecordBehindFigure',
        '  @shareable',
        '{',
        '  """The child the record is about; null where it is not about one child"""',
        '  child: Child',
        '',
        '  """The record’s date"""',
        '  date: Date',
        '',
        '  """The record’s own id where it has one"""',
        '  reference: String',
        '',
        '  """A short human line"""',
        '  description: String!',
        '}',
      ].join('\n'),
    );
  });

  it('print the same fields without descriptions where a subgraph asks', () => {
    const { sdl } = subgraph({ descriptions: false });
    expect(typeIn(sdl, 'CodeCount')).toBe(
      'type CodeCount\n  @shareable\n{\n  code: String!\n  count: Int!\n}',
    );
    expect(typeIn(sdl, 'RecordBehindFigure')).toBe(
      'type RecordBehindFigure\n  @shareable\n{\n  child: Child\n  date: Date\n  reference: String\n  description: String!\n}',
    );
  });

  it('refuse a second declaration that asks for other descriptions', () => {
    const { builder } = subgraph();
    expect(() => codeCountType(builder, { descriptions: false })).toThrow(
      /already declared with descriptions/,
    );
  });
});

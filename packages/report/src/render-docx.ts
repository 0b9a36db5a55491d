import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { ChartRun } from 'docx/charts';
import {
  formatChange,
  formatFigure,
  type ReportMeta,
  reportingYearText,
  reportTitle,
  yearLabel,
} from './format.ts';
import { narrativeParagraphs } from './narratives.ts';
import { type ChartSpec, hasContent, printOrder, type ReportSection, type ReportTable } from './sections.ts';
import type { TrendTable } from './trend.ts';

const FONT = 'Arial';
/** The label column and three figure columns, in percent of the page's width. */
const COLUMN_WIDTHS = [58, 14, 14, 14] as const;

/** A narrative paragraph: its single line breaks kept as breaks. */
const textParagraph = (text: string): Paragraph =>
  new Paragraph({
    spacing: { after: 160 },
    children: text.split('\n').map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) })),
  });

/** `keepNext` keeps a row on the page of the row after it: a short table stays whole. */
const cell = (text: string, width: number, first: boolean, header: boolean, keepNext: boolean): TableCell =>
  new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: first ? AlignmentType.LEFT : AlignmentType.RIGHT,
        keepNext,
        children: [new TextRun({ text, bold: header })],
      }),
    ],
  });

/** A real Word table: a header row (repeated on each page), then a row a figure, labels first. */
const wordTable = (
  header: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [header, ...rows].map(
      (texts, r) =>
        new TableRow({
          tableHeader: r === 0,
          cantSplit: true,
          children: texts.map((text, i) =>
            cell(text, widths[i] ?? widths.at(-1)!, i === 0, r === 0, r < rows.length),
          ),
        }),
    ),
  });

/** A figure table: caption and the two years, then each figure with the year before, this year and the change. */
const figureTable = (table: ReportTable, meta: ReportMeta): Table =>
  wordTable(
    [table.caption, yearLabel(meta.year - 1), yearLabel(meta.year), 'Change'],
    table.rows.map((row) => [
      row.label,
      formatFigure(row.previous, row.unit),
      formatFigure(row.current, row.unit),
      formatChange(row.change, row.unit),
    ]),
    COLUMN_WIDTHS,
  );

/** The five-year trend: a row a measure, a column a year. */
const trendWordTable = (trend: TrendTable): Table =>
  wordTable(
    [trend.caption, ...trend.years.map(yearLabel)],
    trend.rows.map((row) => [row.label, ...row.values.map((v) => formatFigure(v, row.unit))]),
    [40, ...trend.years.map(() => 60 / trend.years.length)],
  );

/** A chart Word draws itself from its data, which "Edit Data" opens in Excel: councils restyle it there. */
const chartParagraph = (chart: ChartSpec): Paragraph =>
  new Paragraph({
    spacing: { before: 120, after: 240 },
    children: [
      new ChartRun({
        type: chart.kind === 'line' ? 'line' : 'column',
        title: chart.title,
        categories: chart.categories,
        series: chart.series.map((s) => ({ name: s.name, values: s.values })),
        font: { name: FONT },
        ...(chart.series.length > 1 ? {} : { legend: false as const }),
        ...(chart.axis ? { categoryAxis: { title: chart.axis } } : {}),
        valueAxis: { numberFormat: '#,##0' },
        altText: { name: chart.id, title: chart.title, description: '' },
      }),
    ],
  });

const sectionChildren = (section: ReportSection, meta: ReportMeta): (Paragraph | Table)[] => [
  new Paragraph({
    heading: HeadingLevel.HEADING_1,
    keepNext: true,
    children: [new TextRun(section.heading)],
  }),
  ...narrativeParagraphs(section.narrative).map(textParagraph),
  ...(section.note ? [textParagraph(section.note)] : []),
  ...printOrder(section).flatMap((item) =>
    item.kind === 'chart'
      ? [chartParagraph(item.chart)]
      : [
          item.kind === 'table' ? figureTable(item.table, meta) : trendWordTable(item.trend),
          new Paragraph({ spacing: { after: 120 }, children: [] }),
        ],
  ),
];

/**
 * The report as a Word document that councils edit and publish: a title, the reporting year, a
 * Heading 1 per section, the managers' narratives, every table as a Word table and every chart as
 * a Word chart.
 */
export const renderDocx = async (sections: readonly ReportSection[], meta: ReportMeta): Promise<Buffer> => {
  const document = new Document({
    title: reportTitle(meta),
    creator: 'Footprint',
    description: `${reportTitle(meta)}. ${reportingYearText(meta.year)}.`,
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            children: [new TextRun(`Independent Reviewing Officer annual report ${yearLabel(meta.year)}`)],
          }),
          new Paragraph({
            spacing: { after: 120 },
            children: [new TextRun({ text: meta.council, bold: true, size: 32 })],
          }),
          textParagraph(reportingYearText(meta.year)),
          textParagraph(
            `Each table shows ${yearLabel(meta.year - 1)} beside ${yearLabel(meta.year)} and the change; a change in a percentage is in percentage points (pp).`,
          ),
          ...sections.filter(hasContent).flatMap((s) => sectionChildren(s, meta)),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
};

import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { annualReportSchema } from './annual-report.ts';
import { formatChange, formatFigure } from './format.ts';
import { renderDocx } from './render-docx.ts';
import { hasContent, type ReportSection, reportSections } from './sections.ts';
import { exampleshireJson } from './testing/exampleshire.ts';

const json2023 = exampleshireJson(2023);
const json2022 = exampleshireJson(2022);
const meta = { council: 'Exampleshire', year: 2023 };
const narratives = {
  service_profile: 'Three IROs & a manager.\n\nThe second paragraph <b>stays text</b>.',
  priorities: 'Midway reviews for every child.',
};

const decode = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();

/** The tables of mammoth's HTML, as rows of cell texts. */
const tablesOf = (html: string): string[][][] =>
  [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, table]) =>
    [...table!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
      [...row!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell]) => decode(cell!)),
    ),
  );

describe('renderDocx: the Word document, opened again', () => {
  let sections: ReportSection[];
  let docx: Buffer;
  let html: string;
  let tables: string[][][];

  beforeAll(async () => {
    sections = reportSections(
      annualReportSchema.parse(json2023),
      annualReportSchema.parse(json2022),
      narratives,
    );
    docx = await renderDocx(sections, meta);
    html = (await mammoth.convertToHtml({ buffer: docx })).value;
    tables = tablesOf(html);
  });

  it('is a Word file with the title and the reporting year', () => {
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const paragraphs = [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map(([, p]) => decode(p!));
    expect(paragraphs.slice(0, 3)).toEqual([
      'Independent Reviewing Officer annual report 2023-24',
      'Exampleshire',
      'Reporting year 1 April 2023 to 31 March 2024',
    ]);
    const files = unzipSync(new Uint8Array(docx));
    expect(strFromU8(files['word/document.xml']!)).toContain('w:val="Title"');
  });

  it('has a Heading 1 for each section with something in it, in order', () => {
    const headings = [...html.matchAll(/<h1>([\s\S]*?)<\/h1>/g)].map(([, h]) => decode(h!));
    expect(headings).toEqual(sections.filter(hasContent).map((s) => s.heading));
    expect(headings).toContain('Priorities for the year ahead');
    expect(headings).not.toContain('Good practice'); // nobody wrote it
  });

  it('splits a narrative into paragraphs at blank lines and keeps its text as text', () => {
    expect(html).toContain('<h1>Service profile and workforce</h1><p>Three IROs &amp; a manager.</p>');
    expect(html).toContain('<p>The second paragraph &lt;b&gt;stays text&lt;/b&gt;.</p>');
  });

  it('has the five-year trend as a Word table, a column a year', () => {
    const trend = tables.find((t) => t[0]![0] === '2019-20 to 2023-24')!;
    expect(trend[0]).toEqual(['2019-20 to 2023-24', '2019-20', '2020-21', '2021-22', '2022-23', '2023-24']);
    expect(trend.find((row) => row[0] === 'Escalations raised')).toEqual([
      'Escalations raised',
      '9',
      '11',
      '13',
      '13',
      '14',
    ]);
  });

  it('has a real Word table for every table of the model, with a header row', () => {
    const model = sections.flatMap((s) => s.tables);
    const figureTables = tables.filter((t) => t[0]![0] !== '2019-20 to 2023-24');
    expect(figureTables).toHaveLength(model.length);
    expect((html.match(/<thead>/g) ?? []).length).toBe(model.length + 1);
    for (const [i, table] of model.entries()) {
      const read = figureTables[i]!;
      expect(read[0], table.id).toEqual([table.caption, '2022-23', '2023-24', 'Change']);
      expect(read.slice(1), table.id).toEqual(
        table.rows.map((r) => [
          r.label,
          formatFigure(r.previous, r.unit),
          formatFigure(r.current, r.unit),
          formatChange(r.change, r.unit),
        ]),
      );
    }
  });

  it('holds the JSON’s own figures in the legal-status table', () => {
    const legalStatus = tables.find((t) => t[0]![0] === 'Legal status of children looked after at 31 March')!;
    const current = json2023.children as { byLegalStatus: Record<string, number> };
    const previous = json2022.children as { byLegalStatus: Record<string, number> };
    const read: Record<string, string[]> = Object.fromEntries(
      legalStatus.slice(1).map((cells) => [cells[0]!.split(' — ')[0]!, cells.slice(1)]),
    );
    expect(Object.keys(read).sort()).toEqual(
      [...new Set([...Object.keys(current.byLegalStatus), ...Object.keys(previous.byLegalStatus)])].sort(),
    );
    for (const [code, [before, now, change]] of Object.entries(read)) {
      expect(now, code).toBe(String(current.byLegalStatus[code] ?? 0));
      expect(before, code).toBe(String(previous.byLegalStatus[code] ?? 0));
      const difference = (current.byLegalStatus[code] ?? 0) - (previous.byLegalStatus[code] ?? 0);
      expect(change, code).toBe(difference > 0 ? `+${difference}` : difference < 0 ? `−${-difference}` : '0');
    }
    expect(read.L1).toEqual(['2', '0', '−2']);
  });

  it('prints percentages and changes in points', () => {
    const timeliness = tables.find((t) => t[0]![0] === 'Timeliness of reviews')!;
    // The label carries the comparator beside the figure (further-tables §3).
    const label = 'Reviews held on time (%) (Statistical neighbours 2022: 88.5%)';
    expect(timeliness.find((r) => r[0] === label)).toEqual([label, '91.3%', '94.7%', '+3.4 pp']);
  });

  it('has a Word chart, with its data in a workbook, for each chart of the model', () => {
    const files = unzipSync(new Uint8Array(docx));
    const charts = Object.keys(files).filter((f) => /^word\/charts\/chart\d+\.xml$/.test(f));
    const model = sections.flatMap((s) => s.charts);
    expect(charts).toHaveLength(model.length);
    expect(Object.keys(files).filter((f) => f.startsWith('word/embeddings/'))).toHaveLength(model.length);
    const xml = charts.map((f) => strFromU8(files[f]!)).join('\n');
    for (const chart of model) expect(xml).toContain(chart.title);
  });

  it('renders a report with no year before and no narratives', async () => {
    const alone = reportSections(annualReportSchema.parse(json2023), null, {});
    const read = tablesOf((await mammoth.convertToHtml({ buffer: await renderDocx(alone, meta) })).value);
    const held = read.flat().find((r) => r[0] === 'Reviews held in the year');
    expect(held).toEqual(['Reviews held in the year', '—', '300', '—']);
  });
});

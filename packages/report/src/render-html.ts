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

/** Text and attribute values, escaped for HTML. */
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

const STYLE = `
body{font-family:Arial,Helvetica,sans-serif;line-height:1.4;color:#0b0c0c;margin:0 auto;padding:1rem;max-width:60rem}
table{border-collapse:collapse;margin:0 0 2rem;width:100%}
caption{text-align:left;font-weight:bold;padding:.5rem 0}
th,td{border-bottom:1px solid #b1b4b6;padding:.4rem .6rem;vertical-align:top}
th{text-align:left}
tbody th{font-weight:normal}
td,thead th+th{text-align:right;white-space:nowrap;width:7rem}
.note{color:#505a5f}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media print{nav{display:none}section{break-inside:avoid-page}}
`.trim();

const paragraphs = (text: string | undefined): string =>
  narrativeParagraphs(text)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');

const figureTable = (table: ReportTable, meta: ReportMeta): string => {
  const head = [
    '<th scope="col"><span class="visually-hidden">Figure</span></th>',
    `<th scope="col">${yearLabel(meta.year - 1)}</th>`,
    `<th scope="col">${yearLabel(meta.year)}</th>`,
    '<th scope="col">Change</th>',
  ].join('');
  const body = table.rows
    .map(
      (row) =>
        `<tr data-figure="${escapeHtml(row.figure)}"><th scope="row">${escapeHtml(row.label)}</th>` +
        `<td>${escapeHtml(formatFigure(row.previous, row.unit))}</td>` +
        `<td>${escapeHtml(formatFigure(row.current, row.unit))}</td>` +
        `<td>${escapeHtml(formatChange(row.change, row.unit))}</td></tr>`,
    )
    .join('\n');
  return `<table id="table-${escapeHtml(table.id)}">\n<caption>${escapeHtml(table.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
};

/** The five-year trend: a row a measure, a column a year. */
const trendHtmlTable = (trend: TrendTable): string => {
  const head = [
    '<th scope="col"><span class="visually-hidden">Measure</span></th>',
    ...trend.years.map((year) => `<th scope="col">${yearLabel(year)}</th>`),
  ].join('');
  const body = trend.rows
    .map(
      (row) =>
        `<tr data-figure="trend.${row.measure}"><th scope="row">${escapeHtml(row.label)}</th>` +
        row.values.map((v) => `<td>${escapeHtml(formatFigure(v, row.unit))}</td>`).join('') +
        '</tr>',
    )
    .join('\n');
  return `<table id="table-trend">\n<caption>${escapeHtml(trend.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
};

/** A chart's data as a table (the page has no drawing): categories down, series across. */
const chartTable = (chart: ChartSpec): string => {
  const head = [
    `<th scope="col">${chart.axis ? escapeHtml(chart.axis) : '<span class="visually-hidden">Category</span>'}</th>`,
    ...chart.series.map((s) => `<th scope="col">${escapeHtml(s.name)}</th>`),
  ].join('');
  const body = chart.categories
    .map(
      (category, i) =>
        `<tr><th scope="row">${escapeHtml(category)}</th>${chart.series
          .map((s) => `<td>${escapeHtml(formatFigure(s.values[i] ?? null, 'count'))}</td>`)
          .join('')}</tr>`,
    )
    .join('\n');
  return `<table id="chart-${escapeHtml(chart.id)}" class="chart-data">\n<caption>${escapeHtml(chart.title)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
};

const sectionHtml = (section: ReportSection, meta: ReportMeta): string => {
  const id = escapeHtml(section.id);
  return [
    `<section id="${id}" aria-labelledby="${id}-heading">`,
    `<h2 id="${id}-heading">${escapeHtml(section.heading)}</h2>`,
    paragraphs(section.narrative),
    section.note ? `<p class="note">${escapeHtml(section.note)}</p>` : '',
    // The page draws nothing: a chart of a table is that table; a chart of no table shows its data.
    ...printOrder(section).flatMap((item) =>
      item.kind === 'table'
        ? [figureTable(item.table, meta)]
        : item.kind === 'trend'
          ? [trendHtmlTable(item.trend)]
          : item.chart.table === undefined
            ? [chartTable(item.chart)]
            : [],
    ),
    '</section>',
  ]
    .filter((part) => part !== '')
    .join('\n');
};

/**
 * The report as one self-contained, accessible HTML document: no scripts, no outside resources,
 * every table with a caption and headers scoped to their rows and columns.
 */
export const renderHtml = (sections: readonly ReportSection[], meta: ReportMeta): string => {
  const title = reportTitle(meta);
  const shown = sections.filter(hasContent);
  const contents = shown
    .map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.heading)}</a></li>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${STYLE}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(reportingYearText(meta.year))}. Each table shows ${yearLabel(meta.year - 1)} beside ${yearLabel(meta.year)} and the change; a change in a percentage is in percentage points (pp).</p>
<nav aria-label="Contents">
<ol>
${contents}
</ol>
</nav>
${shown.map((s) => sectionHtml(s, meta)).join('\n')}
</main>
</body>
</html>
`;
};

export {
  type AnnualReport,
  annualReportSchema,
  type CountMap,
  type DataQualityItem,
  type Percent,
} from './annual-report.ts';
export {
  type AnnualReportAnswer,
  type AskGateway,
  assembleReport,
  fetchAnnualReport,
  fetchYearReport,
  type ReportFigures,
  type ReportWithComparison,
} from './assemble.ts';
export {
  formatChange,
  formatFigure,
  type ReportMeta,
  type ReportUnit,
  reportingYearText,
  reportTitle,
  yearLabel,
} from './format.ts';
export {
  isNarrativeSection,
  NARRATIVE_HEADINGS,
  NARRATIVE_SECTIONS,
  type NarrativeSection,
  type Narratives,
  narrativeParagraphs,
} from './narratives.ts';
export { annualReportQuery, yearReportQuery } from './query.ts';
export { recordsBehindField } from './records-behind.ts';
export { type CsvOptions, renderCsv, renderTableCsv } from './render-csv.ts';
export { renderDocx } from './render-docx.ts';
export { escapeHtml, renderHtml } from './render-html.ts';
export {
  type ChartSpec,
  figureLabel,
  hasContent,
  type PrintItem,
  printOrder,
  type ReportRow,
  type ReportSection,
  type ReportTable,
  reportSections,
  SECTION_IDS,
  valueAt,
} from './sections.ts';
export { type TrendTable, trendCharts, trendTable } from './trend.ts';

import { describe, expect, it } from 'vitest';
import { annualReportSchema } from './annual-report.ts';
import { escapeHtml, renderHtml } from './render-html.ts';
import { hasContent, reportSections } from './sections.ts';
import { exampleshireJson } from './testing/exampleshire.ts';

const meta = { council: 'Exampleshire & <Co>', year: 2023 };
const sections = reportSections(
  annualReportSchema.parse(exampleshireJson(2023)),
  annualReportSchema.parse(exampleshireJson(2022)),
  {
    service_profile: 'Hello <script>alert("x")</script> & welcome.\n\nSecond paragraph,\nwith a break.',
    escalation_examples: '"Quoted" and \'single\'',
  },
);
const html = renderHtml(sections, meta);
const count = (pattern: RegExp) => (html.match(pattern) ?? []).length;

describe('renderHtml', () => {
  it('is one complete English (UK) document with no script and nothing from outside', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(src|href)="(?!#)/); // only links within the page
    expect(html).not.toMatch(/<link\b/);
    expect(count(/<main>/g)).toBe(1);
  });

  it('has one h1, and an h2 for each section with something in it', () => {
    expect(count(/<h1>/g)).toBe(1);
    expect(html).toContain(
      '<h1>Exampleshire &amp; &lt;Co&gt;: Independent Reviewing Officer annual report 2023-24</h1>',
    );
    const h2 = [...html.matchAll(/<h2 id="([^"]+)-heading">([^<]*)<\/h2>/g)];
    const shown = sections.filter(hasContent);
    expect(h2.map((m) => m[1])).toEqual(shown.map((s) => s.id));
    expect(count(/<h2\b/g)).toBe(shown.length);
    expect(html).toContain('<h2 id="escalation_examples-heading">Escalations: examples</h2>');
    expect(html).not.toContain('Good practice'); // nobody wrote it
  });

  it('has every table with its caption, headers scoped to columns and rows', () => {
    const tables = sections.flatMap((s) => s.tables);
    for (const table of tables) expect(html).toContain(`<caption>${escapeHtml(table.caption)}</caption>`);
    // The model's tables, the trend, and the monthly chart's data as a table (the page draws no chart).
    expect(count(/<table\b/g)).toBe(tables.length + 2);
    expect(count(/<caption>/g)).toBe(count(/<table\b/g));
    expect(html).toContain('<caption>Reviews held, and held on time, by month</caption>');
    expect(count(/<th scope="col">/g)).toBe(tables.length * 4 + 3 + 6);
    const rows = tables.reduce((n, t) => n + t.rows.length, 0);
    expect(count(/<th scope="row">/g)).toBe(rows + 12 + 7);
    expect(html).toContain(
      '<tr data-figure="trend.reviewsHeld"><th scope="row">Reviews held</th><td>316</td><td>298</td><td>270</td><td>276</td><td>300</td></tr>',
    );
    expect(html).toContain(
      '<tr data-figure="reviews.onTimePercent"><th scope="row">Reviews held on time (%) (Statistical neighbours 2022: 88.5%)</th><td>91.3%</td><td>94.7%</td><td>+3.4 pp</td></tr>',
    );
    expect(html).toContain(
      '<th scope="col">2022-23</th><th scope="col">2023-24</th><th scope="col">Change</th>',
    );
  });

  it('escapes the narratives: a script is text, and paragraphs split at blank lines', () => {
    expect(html).toContain(
      '<p>Hello &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; welcome.</p>\n<p>Second paragraph,<br>\nwith a break.</p>',
    );
    expect(html).toContain('<p>&quot;Quoted&quot; and &#39;single&#39;</p>');
  });

  it('has unique ids, and a contents list linking to each section', () => {
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const section of sections.filter(hasContent)) {
      expect(html).toContain(`<li><a href="#${section.id}">${escapeHtml(section.heading)}</a></li>`);
      expect(ids).toContain(section.id);
    }
  });

  it('balances its tags', () => {
    for (const tag of ['section', 'table', 'thead', 'tbody', 'tr', 'caption', 'nav', 'ol', 'p', 'h2']) {
      expect(count(new RegExp(`<${tag}[\\s>]`, 'g')), tag).toBe(count(new RegExp(`</${tag}>`, 'g')));
    }
  });
});

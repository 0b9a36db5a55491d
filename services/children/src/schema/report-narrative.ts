import { invalidInput, managers, REPORT_YEAR_MESSAGE, reportYear } from '@footprint/graphql';
import { z } from 'zod';
import { builder } from '../builder.ts';
import type { ReportNarrativeRow } from '../data/find-report-narratives.ts';
import { saveReportNarrative } from '../data/save-report-narrative.ts';

/** The narrative sections managers write for the report, in the order the report shows them. */
export const NARRATIVE_SECTIONS = [
  'service_profile',
  'good_practice',
  'escalation_examples',
  'case_examples',
  'priorities',
] as const;

export const MAX_NARRATIVE_CHARACTERS = 20_000;

export const ReportNarrative = builder.objectRef<ReportNarrativeRow>('ReportNarrative').implement({
  description: 'A section of the annual report that the council’s managers write',
  fields: (t) => ({
    section: t.exposeString('section', { description: NARRATIVE_SECTIONS.join(', ') }),
    text: t.exposeString('text'),
    updatedAt: t.string({ resolve: (narrative) => narrative.updatedAt.toISOString() }),
    updatedBy: t.exposeString('updatedBy', {
      nullable: true,
      description: 'The staff reference (or sign-in subject) of who saved it last',
    }),
  }),
});

const SaveReportNarrativeInput = builder.inputType('SaveReportNarrativeInput', {
  fields: (t) => ({
    year: t.int({ required: true }),
    section: t.string({ required: true, description: NARRATIVE_SECTIONS.join(', ') }),
    text: t.string({ required: true, description: `Up to 20,000 characters; empty deletes the section` }),
  }),
});

const saveInput = z.object({
  year: reportYear,
  section: z.enum(NARRATIVE_SECTIONS, {
    error: () => `section must be one of ${NARRATIVE_SECTIONS.join(', ')}`,
  }),
  // Characters as people count them (code points), not UTF-16 units.
  text: z.string().refine((text) => [...text].length <= MAX_NARRATIVE_CHARACTERS, {
    message: 'text must be at most 20,000 characters',
  }),
});

builder.mutationFields((t) => ({
  saveReportNarrative: t.field({
    type: ReportNarrative,
    description: 'Write one section of the council’s annual report for a year; empty text deletes it',
    authScopes: managers,
    args: { input: t.arg({ type: SaveReportNarrativeInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const parsed = saveInput.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = String(issue.path[0] ?? '');
        throw invalidInput(field === 'year' ? REPORT_YEAR_MESSAGE : issue.message, field);
      }
      const { year, section } = parsed.data;
      // Blank text is no text: whitespace alone would print an empty section.
      const text = parsed.data.text.trim() === '' ? '' : parsed.data.text;
      return ctx.inTenant(async (tx) => {
        const { action, row } = await saveReportNarrative(tx, {
          tenantId: ctx.auth.tenant!,
          year,
          section,
          text,
          updatedBy: ctx.auth.staffRef ?? ctx.auth.sub,
        });
        if (action !== 'none') {
          await ctx.audit(tx, action, 'ReportNarrative', [`${year}/${section}`], {
            year,
            section,
            characters: [...text].length,
          });
        }
        return row;
      });
    },
  }),
}));

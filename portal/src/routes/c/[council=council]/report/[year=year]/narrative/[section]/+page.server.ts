import { isNarrativeSection, NARRATIVE_HEADINGS } from '@footprint/report';
import { error, fail, redirect } from '@sveltejs/kit';
import { requireCouncilManager } from '$lib/server/access.ts';
import { loadNarrative, NARRATIVE_MAX_LENGTH, REPORT_REFUSAL, saveNarrative } from '$lib/server/report.ts';
import type { Actions, PageServerLoad } from './$types';

const sectionOf = (section: string) => {
  if (!isNarrativeSection(section)) error(404, { message: 'Page not found' });
  return section;
};

export const load: PageServerLoad = async ({ params, locals }) => {
  const session = requireCouncilManager(locals, params.council, REPORT_REFUSAL);
  const section = sectionOf(params.section);
  const year = Number(params.year);
  return {
    year,
    section,
    heading: NARRATIVE_HEADINGS[section],
    text: await loadNarrative(session, year, section, locals.requestId),
  };
};

export const actions: Actions = {
  default: async ({ params, locals, request }) => {
    const session = requireCouncilManager(locals, params.council, REPORT_REFUSAL);
    const section = sectionOf(params.section);
    const year = Number(params.year);
    const text = String((await request.formData()).get('text') ?? '').replace(/\r\n/g, '\n');
    if (text.length > NARRATIVE_MAX_LENGTH) {
      return fail(400, {
        text,
        error: `Text must be ${NARRATIVE_MAX_LENGTH.toLocaleString('en-GB')} characters or fewer; it has ${text.length.toLocaleString('en-GB')}`,
      });
    }
    await saveNarrative(session, year, section, text.trim(), locals.requestId);
    redirect(303, `/c/${params.council}/report/${year}#${section}`);
  },
};

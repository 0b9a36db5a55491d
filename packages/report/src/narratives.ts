/** The parts of the report that managers write in the portal (the report carries them as given). */
export const NARRATIVE_SECTIONS = [
  'service_profile',
  'good_practice',
  'escalation_examples',
  'case_examples',
  'priorities',
] as const;

export type NarrativeSection = (typeof NARRATIVE_SECTIONS)[number];

export type Narratives = Partial<Record<NarrativeSection, string>>;

export const NARRATIVE_HEADINGS: Readonly<Record<NarrativeSection, string>> = {
  service_profile: 'Service profile',
  good_practice: 'Good practice',
  escalation_examples: 'Escalations: examples',
  case_examples: 'Case examples',
  priorities: 'Priorities for the year ahead',
};

export const isNarrativeSection = (section: string): section is NarrativeSection =>
  (NARRATIVE_SECTIONS as readonly string[]).includes(section);

/** A narrative's paragraphs: split on blank lines, each trimmed; empty text has none. */
export const narrativeParagraphs = (text: string | undefined): string[] =>
  (text ?? '')
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');

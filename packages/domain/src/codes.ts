import type { IsoDate } from './calendar.ts';
import advocacyReasonsJson from './codes/advocacy-reasons.json' with { type: 'json' };
import advocacyReferralSourcesJson from './codes/advocacy-referral-sources.json' with { type: 'json' };
import categoryOfNeedJson from './codes/category-of-need.json' with { type: 'json' };
import escalationThemesJson from './codes/escalation-themes.json' with { type: 'json' };
import ethnicityJson from './codes/ethnicity.json' with { type: 'json' };
import feedbackQuestionsJson from './codes/feedback-questions.json' with { type: 'json' };
import lateReviewReasonsJson from './codes/late-review-reasons.json' with { type: 'json' };
import legalStatusJson from './codes/legal-status.json' with { type: 'json' };
import participationJson from './codes/participation.json' with { type: 'json' };
import placementJson from './codes/placement.json' with { type: 'json' };
import placementProviderJson from './codes/placement-provider.json' with { type: 'json' };
import reasonEpisodeCeasedJson from './codes/reason-episode-ceased.json' with { type: 'json' };
import reasonNewEpisodeJson from './codes/reason-new-episode.json' with { type: 'json' };
import reasonPlaceChangeJson from './codes/reason-place-change.json' with { type: 'json' };
import sexJson from './codes/sex.json' with { type: 'json' };

// The JSON files are copies of shared/spec/codes, the spec's own data (formatted by Biome); codes.test.ts
// checks they still hold the same content.

export type Code = { code: string; label: string; group?: string };
export type PlacementCode = Code & { validFrom: IsoDate | null; validTo: IsoDate | null };
export type SexCode = Code & { means: Sex };
export type Sex = 'male' | 'female' | 'unknown';
export type FeedbackQuestion = { code: string; text: string; answers: string[] };

export type CodeListName =
  | 'advocacy-reasons'
  | 'advocacy-referral-sources'
  | 'category-of-need'
  | 'escalation-themes'
  | 'ethnicity'
  | 'late-review-reasons'
  | 'legal-status'
  | 'participation'
  | 'placement'
  | 'placement-provider'
  | 'reason-episode-ceased'
  | 'reason-new-episode'
  | 'reason-place-change'
  | 'sex';

export const codeLists: Readonly<Record<CodeListName, readonly Code[]>> = {
  'advocacy-reasons': advocacyReasonsJson.codes,
  'advocacy-referral-sources': advocacyReferralSourcesJson.codes,
  'category-of-need': categoryOfNeedJson.codes,
  'escalation-themes': escalationThemesJson.codes,
  ethnicity: ethnicityJson.codes,
  'late-review-reasons': lateReviewReasonsJson.codes,
  'legal-status': legalStatusJson.codes,
  participation: participationJson.codes,
  placement: placementJson.codes,
  'placement-provider': placementProviderJson.codes,
  'reason-episode-ceased': reasonEpisodeCeasedJson.codes,
  'reason-new-episode': reasonNewEpisodeJson.codes,
  'reason-place-change': reasonPlaceChangeJson.codes,
  sex: sexJson.codes,
};

export const placementCodes: readonly PlacementCode[] = placementJson.codes;
export const sexCodes: readonly SexCode[] = sexJson.codes.map((c) => ({ ...c, means: c.means as Sex }));
export const feedbackQuestions: readonly FeedbackQuestion[] = feedbackQuestionsJson.questions;

const indexes = new Map<CodeListName, Map<string, Code>>();
const indexOf = (list: CodeListName): Map<string, Code> => {
  let index = indexes.get(list);
  if (!index) {
    index = new Map(codeLists[list].map((c) => [c.code, c]));
    indexes.set(list, index);
  }
  return index;
};

/** Whether `code` is on the list (codes are matched exactly; imports normalise case first). */
export const isKnownCode = (list: CodeListName, code: string): boolean => indexOf(list).has(code);

export const codeLabel = (list: CodeListName, code: string): string | undefined =>
  indexOf(list).get(code)?.label;

const placementIndex = new Map(placementCodes.map((c) => [c.code, c]));

/** Legacy codes that a council's old history may carry, and what replaced them. */
const LEGACY_PLACEMENTS: Readonly<Record<string, string>> = {
  Q1: 'Q1 is a legacy code: use U1-U3 (foster placement with relative or friend)',
  Q2: 'Q2 is a legacy code: use U4-U6 (foster placement with other foster carer)',
};

/** A placement code is valid on the episode's start date within its validFrom/validTo, both inclusive. */
export const isValidPlacementOn = (code: string, decom: IsoDate): boolean => {
  const entry = placementIndex.get(code);
  if (!entry) return false;
  return (
    (entry.validFrom === null || decom >= entry.validFrom) &&
    (entry.validTo === null || decom <= entry.validTo)
  );
};

/** Why a placement code is not valid on a date, or null when it is. */
export const placementProblem = (code: string, decom: IsoDate): string | null => {
  const legacy = LEGACY_PLACEMENTS[code];
  if (legacy) return legacy;
  const entry = placementIndex.get(code);
  if (!entry) return `unknown placement code ${code}`;
  if (entry.validFrom !== null && decom < entry.validFrom)
    return `${code} is valid only from ${entry.validFrom}`;
  if (entry.validTo !== null && decom > entry.validTo) return `${code} is valid only up to ${entry.validTo}`;
  return null;
};

/** §14: D1 is valid for episodes starting up to 31 December 2005, E1 from 1 December 2005. */
export const isValidLegalStatusOn = (code: string, decom: IsoDate): boolean => {
  if (!isKnownCode('legal-status', code)) return false;
  if (code === 'D1') return decom <= '2005-12-31';
  if (code === 'E1') return decom >= '2005-12-01';
  return true;
};

export const SHORT_BREAK_LEGAL_STATUSES: ReadonlySet<string> = new Set(['V3', 'V4']);
export const ADOPTION_PLACEMENTS: ReadonlySet<string> = new Set(['A3', 'A4', 'A5', 'A6']);
export const TEMPORARY_PLACEMENTS: ReadonlySet<string> = new Set(['T0', 'T1', 'T2', 'T3', 'T4']);
export const YOUTH_JUSTICE_LEGAL_STATUSES: ReadonlySet<string> = new Set(['J1', 'J2', 'J3']);
/** Secure accommodation: secure children's homes (§10 advocacy rule, further-tables secure placements). */
export const SECURE_PLACEMENTS: ReadonlySet<string> = new Set(['K1']);

export const isShortBreakLegalStatus = (ls: string): boolean => SHORT_BREAK_LEGAL_STATUSES.has(ls);
export const isPlacedForAdoption = (place: string): boolean => ADOPTION_PLACEMENTS.has(place);
export const isTemporaryPlacement = (place: string): boolean => TEMPORARY_PLACEMENTS.has(place);
export const isSecurePlacement = (place: string): boolean => SECURE_PLACEMENTS.has(place);

export type ParticipationCode = 'PN0' | 'PN1' | 'PN2' | 'PN3' | 'PN4' | 'PN5' | 'PN6' | 'PN7';
export const PARTICIPATION_CODES: readonly ParticipationCode[] = [
  'PN0',
  'PN1',
  'PN2',
  'PN3',
  'PN4',
  'PN5',
  'PN6',
  'PN7',
];
export const isParticipationCode = (code: string): code is ParticipationCode =>
  (PARTICIPATION_CODES as readonly string[]).includes(code);

/** The DfE's official wording of a participation code. */
export const participationWording = (code: ParticipationCode): string =>
  codeLabel('participation', code) ?? code;

/** SEX in the 903 header: the old 1/2 and the 2024-25 M/F/U both read. Unknown codes read as unknown. */
export const sexOf = (code: string | null | undefined): Sex =>
  sexCodes.find((c) => c.code === (code ?? '').trim().toUpperCase())?.means ?? 'unknown';

export type EthnicGroup = 'white' | 'mixed' | 'asian' | 'black' | 'other' | 'notRecorded';

const ETHNIC_GROUPS: Readonly<Record<string, EthnicGroup>> = {
  WBRI: 'white',
  WIRI: 'white',
  WIRT: 'white',
  WOTH: 'white',
  WROM: 'white',
  MWBC: 'mixed',
  MWBA: 'mixed',
  MWAS: 'mixed',
  MOTH: 'mixed',
  AIND: 'asian',
  APKN: 'asian',
  ABAN: 'asian',
  AOTH: 'asian',
  BCRB: 'black',
  BAFR: 'black',
  BOTH: 'black',
  CHNE: 'other',
  OOTH: 'other',
};

/** further-tables.md ethnic groups; REFU, NOBT and empty are not recorded. */
export const ethnicGroupOf = (code: string | null | undefined): EthnicGroup =>
  ETHNIC_GROUPS[(code ?? '').trim().toUpperCase()] ?? 'notRecorded';

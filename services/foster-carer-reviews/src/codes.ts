import type { FosterHouseholdType, FosterReviewOutcome } from '@footprint/domain';

// The domain exports these as types only; the lists are the codes of data-exchange.md §3
// (foster_households TYPE, foster_reviews OUTCOME), and the `satisfies` ties them to the domain's words.
export const fosterHouseholdTypes = [
  'mainstream',
  'connected_person',
] as const satisfies readonly FosterHouseholdType[];

export const fosterReviewOutcomes = [
  'continued',
  'terms_changed',
  'ended',
  'resigned',
] as const satisfies readonly FosterReviewOutcome[];

/** Outcomes that end the household's approval on the review date (§11: ended by the council, resigned). */
export const endingOutcomes: ReadonlySet<FosterReviewOutcome> = new Set(['ended', 'resigned']);

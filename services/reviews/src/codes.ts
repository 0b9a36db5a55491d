import type { ChairedByChild, ReviewFormat } from '@footprint/domain';

// data-exchange.md §3 fixes these three lists in the file columns themselves; the domain has their
// types but no runtime lists yet, so they are spelled once here against those types.

/** FORMAT of review_details. */
export const reviewFormats = ['in_person', 'virtual', 'hybrid'] as const satisfies readonly ReviewFormat[];

/** CHAIRED_BY_CHILD of review_details. */
export const chairedByChildValues = ['no', 'chair', 'co_chair'] as const satisfies readonly ChairedByChild[];

/** OWNER of recommendations. */
export const recommendationOwners = ['social_worker', 'team_manager', 'carer', 'iro', 'other'] as const;

export type RecommendationOwner = (typeof recommendationOwners)[number];

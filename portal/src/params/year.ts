import type { ParamMatcher } from '@sveltejs/kit';

/** A reporting year as four digits; anything else is simply not found. */
export const match: ParamMatcher = (param) => /^(19|20|21)\d{2}$/.test(param);

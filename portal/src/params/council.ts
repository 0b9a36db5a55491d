import type { ParamMatcher } from '@sveltejs/kit';

/** A council's slug, as identity's tenantSlug allows: anything else is simply not found. */
export const match: ParamMatcher = (param) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(param);

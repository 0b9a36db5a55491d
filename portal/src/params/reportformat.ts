import type { ParamMatcher } from '@sveltejs/kit';

/** The files the annual report downloads as. */
export const match: ParamMatcher = (param) => param === 'docx' || param === 'csv';

/**
 * The data-quality codes of statutory-rules §14: the report's `dataQuality` list and the import's
 * warnings use these names. A product may add codes of its own; these keep theirs.
 */
export const DATA_QUALITY_MESSAGES = {
  orphan_review: 'review dated outside every period of care',
  duplicate_review: 'reviews recorded twice for the same child and date (counted once)',
  pn0_after_4th_birthday: 'participation code PN0 on a review after the child’s 4th birthday',
  pn_code_under_4: 'participation code PN1–PN7 on a review before the child’s 4th birthday',
  participation_not_recorded: 'review with no participation code (counted as not recorded)',
  period_without_start: 'period of care whose first episode does not have RNE S',
  no_iro_allocated: 'child looked after at 31 March with no IRO allocated',
  short_break_reviews: 'review of a short-break-only period (DfE rule 399; left out of the figures)',
} as const;

export type DataQualityCode = keyof typeof DATA_QUALITY_MESSAGES;

export type DataQualityEntry = { code: DataQualityCode; count: number; message: string };

/** The report's `dataQuality` list: every code that occurs, in the order of §14, with its count. */
export const dataQualityList = (counts: Partial<Record<DataQualityCode, number>>): DataQualityEntry[] =>
  (Object.keys(DATA_QUALITY_MESSAGES) as DataQualityCode[])
    .filter((code) => (counts[code] ?? 0) > 0)
    .map((code) => ({ code, count: counts[code]!, message: DATA_QUALITY_MESSAGES[code] }));

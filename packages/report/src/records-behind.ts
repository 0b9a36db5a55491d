/**
 * Which service answers for the records behind a figure: the one that computed it. The figure is
 * its path in the report's JSON; data-quality codes belong to the service whose rule finds them.
 */
const fieldBySection: Record<string, string> = {
  children: 'childrenRecordsBehind',
  workforce: 'childrenRecordsBehind',
  health: 'childrenRecordsBehind',
  stability: 'childrenRecordsBehind',
  placement: 'childrenRecordsBehind',
  missing: 'childrenRecordsBehind',
  secure: 'childrenRecordsBehind',
  reviews: 'reviewsRecordsBehind',
  consultation: 'reviewsRecordsBehind',
  audits: 'reviewsRecordsBehind',
  escalations: 'escalationsRecordsBehind',
  advocacy: 'advocacyRecordsBehind',
  fosterCarerReviews: 'fosterCarerReviewsRecordsBehind',
};

const childrenDataQuality = new Set(['period_without_start', 'no_iro_allocated']);

/** The `AnnualReport` field that lists the records behind `figure`, or null when none does. */
export function recordsBehindField(figure: string): string | null {
  const [section, code, ...rest] = figure.split('.');
  if (section === 'dataQuality') {
    if (!code || rest.length) return null;
    return childrenDataQuality.has(code) ? 'childrenRecordsBehind' : 'reviewsRecordsBehind';
  }
  return section && Object.hasOwn(fieldBySection, section) ? fieldBySection[section]! : null;
}

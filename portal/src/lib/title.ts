/** GOV.UK page titles: "Page – Council – Footprint", with "Error: " first when the form has errors. */
export function pageTitle(parts: (string | undefined)[], options: { error?: boolean } = {}): string {
  const title = [...parts.filter((part): part is string => Boolean(part)), 'Footprint'].join(' – ');
  return options.error ? `Error: ${title}` : title;
}

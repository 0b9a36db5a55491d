// govuk-frontend ships no type declarations; this is the one function the portal calls.
declare module 'govuk-frontend' {
  export function initAll(scopeOrConfig?: Element | Document | { scope?: Element | Document | null }): void;
}

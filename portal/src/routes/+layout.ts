// Every page is rendered on the server and works without JavaScript (the GOV.UK way). No
// client-side router means no hydration, no inline styles, and a strict content security policy;
// GOV.UK Frontend's own script (app.html) enhances the components.
export const csr = false;

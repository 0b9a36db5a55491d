// GOV.UK Frontend's components (error summary focus, password reveal, skip link) as a progressive
// enhancement: every page works without it. `govuk-frontend-supported` is set in app.html.
import { initAll } from '/assets/govuk-frontend.min.js';

initAll();

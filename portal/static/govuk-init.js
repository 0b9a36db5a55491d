// GOV.UK Frontend's components (error summary focus, password reveal, skip link) as a progressive
// enhancement: every page works without them. Set here rather than in an inline script, so the
// content security policy needs no inline script at all; a browser that runs modules is supported.
import { initAll } from '/assets/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

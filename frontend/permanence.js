// Starts GOV.UK Frontend's components on every page (loaded by base.html as a module,
// after the `govuk-frontend-supported` class is set on <body>).
import { initAll } from "./govuk-frontend.min.js";

initAll();

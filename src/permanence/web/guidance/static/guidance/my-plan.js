// "Print this plan": shown only where scripts run (see my-plan.css).
for (const button of document.querySelectorAll("[data-print]")) {
  button.addEventListener("click", () => window.print());
}

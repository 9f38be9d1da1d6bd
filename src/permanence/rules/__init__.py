"""Every rule of POLICY-RULES.md, by id.

`RULES` maps each implemented id to its class. `ELSEWHERE` names the catalogued ids that
are not deadlines for one child (panel logistics, guidance, reports) and says where the
product deals with them, so that a profile can list every id of its council.
"""

from __future__ import annotations

from permanence.rules import blackburn, bolton, bradford, halton, luton, national
from permanence.rules.engine import Alert, Case, ChildResult, Obligation, Rule, Status

RULES: dict[str, type[Rule]] = {
    cls.id: cls
    for cls in (
        *national.NATIONAL_RULES,
        *bolton.RULES,
        *halton.RULES,
        *blackburn.RULES,
        *luton.RULES,
        *bradford.RULES,
    )
}

PANELS = "panel agendas and tracking meetings (permanence.panels)"
GUIDANCE = "options guidance on the child's page (permanence.guidance)"
REPORTS = "service reports (permanence.reports)"
CHECKLIST = "approval checklists (permanence.approvals)"
NEEDS_DATA = "needs facts neither the 903 nor the application records yet"

ELSEWHERE: dict[str, str] = {
    "bolton.kinship_0_3": GUIDANCE,
    "bolton.options_by_age": GUIDANCE,
    "bolton.reports": REPORTS,
    "halton.panel_logistics": PANELS,
    "halton.thematic_panels": PANELS,
    "halton.hierarchy": GUIDANCE,
    "blackburn.legal_gateway_panel": PANELS,
    "blackburn.long_term_match": CHECKLIST,
    "blackburn.reduced_reviews": GUIDANCE,
    "luton.tracking_meeting": PANELS,
    "luton.achieved": CHECKLIST,
    "luton.parallel_plans": NEEDS_DATA + " (parallel plans at meetings)",
    "bradford.unregulated": NEEDS_DATA + " (the 903 has no code for an unregulated placement)",
    "bradford.siblings_together_apart": NEEDS_DATA + " (brothers and sisters)",
    "bradford.ltf_definition": CHECKLIST,
    "bradford.tracking_meetings": PANELS,
    "bradford.options_checklist": GUIDANCE,
}

__all__ = ["RULES", "ELSEWHERE", "Alert", "Case", "ChildResult", "Obligation", "Rule", "Status"]

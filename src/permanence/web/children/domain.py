"""A child's database record as the rules engine sees it: the same `Child` a return
would give, with what people recorded here added."""

from __future__ import annotations

from permanence.domain import model as domain
from permanence.web.children import models

# The kinds of fact the application records today (domain.model.FACT_KINDS); the rules
# give met or overdue for these, and "unknown" for the rest, as from a return.
KNOWN = frozenset({"meetings", "decisions", "plans"})


def domain_child(child: models.Child) -> domain.Child:
    """The record as the rules engine sees it: the same `Child` a return would give."""
    out = domain.Child(
        child.child_id,
        dob=child.dob,
        sex=child.sex,
        ethnicity=child.ethnicity,
        uasc_ceased=child.uasc_ceased,
        known=KNOWN,
    )
    out.episodes = [
        domain.Episode(
            e.start,
            e.reason_new,
            e.legal_status,
            e.placement,
            e.end,
            e.reason_end or None,
            e.cin,
            e.provider,
            e.reason_place_change,
            e.urn,
        )
        for e in child.episodes.all()
    ]
    out.reviews = [domain.Review(r.date, r.code) for r in child.reviews.all()]
    out.adoption_decisions = [
        domain.AdoptionDecision(a.decided, a.matched, a.by_foster_carer)
        for a in child.adoption_decisions.all()
    ]
    out.placed_for_adoption = [
        domain.PlacedForAdoption(p.decided, p.ceased, p.reason_ceased)
        for p in child.placed_for_adoption.all()
    ]
    rec = out.recorded
    rec.meetings = [
        domain.Meeting(m.kind, m.held, m.chair_role, m.note) for m in child.meetings.all()
    ]
    rec.decisions = [
        domain.Decision(d.kind, d.made, d.role, d.outcome) for d in child.decisions.all()
    ]
    rec.plans = [
        domain.PermanencePlan(p.agreed, p.primary, p.contingency, frozenset(p.elements))
        for p in child.plans.all()
    ]
    return out.sort()

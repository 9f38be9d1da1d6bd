"""A child's database record as the rules engine sees it: the same `Child` a return
would give, with what people recorded here added."""

from __future__ import annotations

from permanence.domain import model as domain
from permanence.web.children import models

# The kinds of fact the application records today (domain.model.FACT_KINDS); the rules
# give met or overdue for these, and "unknown" for the rest, as from a return.
KNOWN = frozenset({"meetings", "decisions", "plans", "assessments", "genogram", "life_story_book"})

# The related records `domain_child` reads: prefetch these to build many children at once.
RELATED = (
    "episodes",
    "reviews",
    "adoption_decisions",
    "placed_for_adoption",
    "meetings",
    "decisions",
    "plans",
    "assessments",
    "siblings",
    "family_members",
    "life_story",
    "checklist_ticks",
)


def domain_child(child: models.Child) -> domain.Child:
    """The record as the rules engine sees it: the same `Child` a return would give."""
    out = domain.Child(
        child.child_id,
        dob=child.dob,
        sex=child.sex,
        ethnicity=child.ethnicity,
        uasc_ceased=child.uasc_ceased,
        known=KNOWN,
        recorded_since=child.recording_since,
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
        domain.Meeting(m.kind, m.held, m.chair_role, m.note, m.return_by)
        for m in child.meetings.all()
    ]
    rec.decisions = [
        domain.Decision(d.kind, d.made, d.role, d.outcome) for d in child.decisions.all()
    ]
    rec.plans = [
        domain.PermanencePlan(p.agreed, p.primary, p.contingency, frozenset(p.elements))
        for p in plans_in_force(list(child.plans.all()))
    ]
    rec.assessments = sorted(
        [domain.Assessment(a.kind, a.completed) for a in child.assessments.all()]
        + [
            domain.Assessment(models.Assessment.Kind.SIBLING, s.assessment_completed)
            for s in child.siblings.all()
            if s.assessment_completed is not None
        ]
        + [
            domain.Assessment(models.Assessment.Kind.VIABILITY, m.viability_completed)
            for m in child.family_members.all()
            if m.viability_completed is not None
        ],
        key=lambda a: (a.completed, a.kind),
    )
    rec.genogram = child.genogram_completed
    life_story = _life_story(child)
    rec.life_story_book = life_story.book_given if life_story is not None else None
    rec.ticks = {(t.checklist, t.item): t.ticked for t in child.checklist_ticks.all()}
    return out.sort()


def plans_in_force(versions: list[models.PermanencePlan]) -> list[models.PermanencePlan]:
    """The plan as agreed over time, from its versions.

    A version agreed on or before the date of an earlier version replaces it (it corrects
    it); a version agreed later is a new plan and the earlier stays as the plan of its
    time. So the dates agreed rise with the versions kept, and the latest is last.
    """
    kept: list[models.PermanencePlan] = []
    for plan in sorted(versions, key=lambda p: p.version, reverse=True):
        if not kept or plan.agreed < kept[-1].agreed:
            kept.append(plan)
    return kept[::-1]


def _life_story(child: models.Child) -> models.LifeStoryWork | None:
    try:
        return child.life_story
    except models.LifeStoryWork.DoesNotExist:
        return None

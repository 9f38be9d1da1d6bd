"""Halton Borough Council: Permanence for Children in Care, policies/001_0c08b7872b73c330.txt,
Terms of Reference: Permanency Review Panel (the hierarchy of permanence)."""

from __future__ import annotations

from dataclasses import dataclass

from permanence.domain.care import FOSTER_PLACEMENTS, KINSHIP_PLACEMENTS
from permanence.domain.model import PermanencePlan
from permanence.guidance.facts import current_plan, plan_words
from permanence.guidance.model import Entry, Group, GuidanceSection
from permanence.rules.engine import Case, fmt

SOURCE = (
    "Halton Permanence for Children in Care, Terms of Reference: Permanency Review Panel "
    "('the most beneficial hierarchy of permanence')"
)
QUOTE = "In Halton we follow the evidence that tells us the most beneficial hierarchy of permanence is as follows:"
AWAY = "Where a child cannot return safely to parents or family the choices are as follows:"
RESIDENTIAL = (
    "A child will only be placed in a residential care home if there is a specific identified "
    "need through assessment and the plan is approved by a senior manager. It will always be "
    "for the short term where possible and as a contingent on alternatives being explored at "
    "the earliest opportunity."
)
DISABILITY = (
    "If a child has a disability that cannot be supported in another arrangement, joint "
    "funding by the partnership will always be sought for such an arrangement, before it "
    "takes place."
)


@dataclass(frozen=True, slots=True)
class Step:
    number: int
    text: str


STEPS = (
    Step(1, "Children stay with or return home to their parents, as soon as possible."),
    Step(
        2,
        "Children live with relatives on an SGO or another order that allows them to live with "
        "a relative for the long term, without CSC involvement.",
    ),
    Step(3, "Adoption"),
    Step(4, "Long-term fostering with a view to an SGO with a foster carer"),
    Step(5, "Long-term fostering with a Halton approved carer"),
    Step(
        6, "Long-term fostering with an IFA carer where an established relationship already exists."
    ),
    Step(7, "Residential (short term only)"),
)
AT_HOME_OR_WITH_FAMILY = (1, 2)  # the steps before "Where a child cannot return safely..."
OTHER_FOSTER = FOSTER_PLACEMENTS - KINSHIP_PLACEMENTS  # U4-U6: not a connected person
OWN_PROVISION = "PR1"  # PLACE_PROVIDER: the council's own provision
AGENCY_PROVIDERS = frozenset({"PR4", "PR5"})  # private, voluntary: independent agencies


def position(kind: str, placement: str = "", provider: str = "") -> tuple[int, ...]:
    """Where a plan of `kind` sits in the hierarchy, given where the child lives now (PLACE
    and PLACE_PROVIDER of the current placement). More than one step when the record
    cannot tell them apart (long-term fostering with a carer of unknown agency).

    A special guardianship plan with a foster carer who is not a connected person is
    "long-term fostering with a view to an SGO with a foster carer"; otherwise an SGO is
    an order with relatives. Connected persons are approved by the council, so long-term
    fostering with one is with a Halton approved carer.
    """
    if kind == "home":
        return (1,)
    if kind in ("kinship_order", "cao"):
        return (2,)
    if kind == "sgo":
        return (4,) if placement in OTHER_FOSTER else (2,)
    if kind == "adoption":
        return (3,)
    if kind == "long_term_fostering":
        if placement in KINSHIP_PLACEMENTS or provider == OWN_PROVISION:
            return (5,)
        if provider in AGENCY_PROVIDERS:
            return (6,)
        return (5, 6)
    if kind == "residential":
        return (7,)
    return ()


def _positions(plan: PermanencePlan | None, case: Case) -> tuple[tuple[int, ...], tuple[int, ...]]:
    if plan is None:
        return (), ()
    now = case.current_placement
    where = (now.placement, now.provider) if now is not None else ("", "")
    contingency = position(plan.contingency, *where) if plan.contingency else ()
    return position(plan.primary, *where), contingency


def _ordinal(n: int) -> str:
    return {1: "1st", 2: "2nd", 3: "3rd"}.get(n, f"{n}th")


def hierarchy(case: Case) -> GuidanceSection:
    """halton.hierarchy: the preferred order, with the current plan (and its contingency)
    marked where they sit."""
    plan = current_plan(case)
    primary, contingency = _positions(plan, case)
    if plan is None:
        summary = "No permanence plan recorded yet: nothing is marked."
    else:
        at = " or ".join(_ordinal(n) for n in primary) or "not in the hierarchy"
        summary = (
            f"The current plan, {plan_words(plan.primary)} (agreed {fmt(plan.agreed)}), is "
            f"{at} of {len(STEPS)} in Halton's order."
        )
        if len(primary) > 1:
            summary += " Whether the carer is Halton approved or from an IFA is not recorded."
        if contingency:
            summary += (
                f" The contingency, {plan_words(plan.contingency)}, is "
                f"{' or '.join(_ordinal(n) for n in contingency)}."
            )

    def entry(step: Step) -> Entry:
        marks = []
        if step.number in primary:
            marks.append("The current plan")
        if step.number in contingency:
            marks.append("The contingency plan")
        return Entry(step.text, " and ".join(marks), step.number)

    groups = (
        Group("home_or_family", "Preferred first", tuple(entry(s) for s in STEPS[:2])),
        Group("away", AWAY, tuple(entry(s) for s in STEPS[2:])),
    )
    notes = [RESIDENTIAL]
    if 7 in primary:
        notes.append(DISABILITY)
    return GuidanceSection(
        rule="halton.hierarchy",
        title="Halton's hierarchy of permanence",
        source=SOURCE,
        profile="halton",
        summary=summary,
        quote=QUOTE,
        groups=groups,
        notes=tuple(notes),
    )

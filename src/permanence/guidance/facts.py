"""The facts about a child that the options guidance turns on: age, the plan in force,
and whether kinship care is available."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from permanence.domain.care import KINSHIP_PLACEMENTS
from permanence.domain.model import PermanencePlan
from permanence.rules.engine import Case, fmt
from permanence.ssda903 import labels

# The routes of domain.model.PermanencePlan, in the words a practitioner uses.
PLAN_WORDS = {
    "home": "return home to parents",
    "kinship_order": "living with family or friends under an order",
    "sgo": "special guardianship order",
    "cao": "child arrangements order",
    "adoption": "adoption",
    "long_term_fostering": "long-term fostering",
    "residential": "residential care",
}


def plan_words(kind: str) -> str:
    return PLAN_WORDS.get(kind, kind)


def current_plan(case: Case) -> PermanencePlan | None:
    """The permanence plan in force on the as-of date: the latest agreed by then."""
    plans = [p for p in case.child.recorded.plans if p.agreed <= case.as_of]
    return max(plans, key=lambda p: p.agreed) if plans else None


@dataclass(frozen=True, slots=True)
class Kinship:
    """Whether kinship care is available: True with the reasons, or None ("not known").

    The facts never show that no kinship care is available: a family network with no
    positive assessment yet may still hold a carer.
    """

    available: bool | None
    reasons: tuple[str, ...] = ()

    @property
    def words(self) -> str:
        if self.available:
            return "available (" + "; ".join(self.reasons) + ")"
        return "not known (no positive viability or connected person assessment recorded, and not placed with a connected person)"


def kinship(case: Case, positive_viability: Sequence[str] = ()) -> Kinship:
    """Kinship care counts as available when the family network has a positive viability
    assessment (`positive_viability`: who and when, as the application records them), a
    connected person assessment was completed, or the child lives with a connected person
    (placement U1-U3)."""
    reasons = [f"positive viability assessment: {v}" for v in positive_viability]
    connected = sorted(
        a.completed
        for a in case.child.recorded.assessments
        if a.kind == "connected_person" and a.completed <= case.as_of
    )
    if connected:
        reasons.append(f"connected person assessment completed {fmt(connected[-1])}")
    placement = case.current_placement
    if placement is not None and placement.placement in KINSHIP_PLACEMENTS:
        reasons.append(
            f"placed with a connected person since {fmt(placement.start)}"
            f" ({placement.placement}: {labels.placement(placement.placement)})"
        )
    return Kinship(True, tuple(reasons)) if reasons else Kinship(None)

"""The councils' options guidance for one child, taken from the policy text.

    from permanence.guidance import guidance_for
    sections = guidance_for("bolton", case)            # list[GuidanceSection]

Each section names its rule id and source, quotes the policy, and marks what applies to
the child (age band, kinship column, where the current plan sits). The data is the
policies' own words, one module per council.
"""

from __future__ import annotations

from collections.abc import Sequence

from permanence.guidance import blackburn, bolton, bradford, halton, luton
from permanence.guidance.facts import Kinship, current_plan, kinship, plan_words
from permanence.guidance.model import Entry, Group, GuidanceSection
from permanence.profiles import PROFILE_NAMES, UnknownProfile
from permanence.rules.engine import Case


def guidance_for(
    profile_name: str, case: Case, *, positive_viability: Sequence[str] = ()
) -> list[GuidanceSection]:
    """The sections of `profile_name`'s guidance that apply to the child of `case`.

    `positive_viability` describes the positive viability assessments of the child's family
    network (who and when): the core record holds the assessments without their outcome.
    The national profile has no council guidance: an empty list.
    """
    if profile_name not in PROFILE_NAMES:
        raise UnknownProfile(
            f"unknown profile {profile_name!r}: choose one of {', '.join(PROFILE_NAMES)}"
        )
    kin = kinship(case, positive_viability)
    sections: list[GuidanceSection | None]
    if profile_name == "bolton":
        sections = [bolton.options_by_age(case, kin), bolton.kinship_0_3(case, kin)]
    elif profile_name == "halton":
        sections = [halton.hierarchy(case)]
    elif profile_name == "blackburn":
        sections = [blackburn.reduced_reviews(case)]
    elif profile_name == "luton":
        sections = [luton.route_advantages(case)]
    elif profile_name == "bradford":
        sections = [bradford.options_checklist(case)]
    else:
        sections = []
    return [s for s in sections if s is not None]


__all__ = [
    "Entry",
    "Group",
    "GuidanceSection",
    "Kinship",
    "current_plan",
    "guidance_for",
    "kinship",
    "plan_words",
]

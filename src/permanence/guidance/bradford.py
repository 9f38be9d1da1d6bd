"""Bradford Children and Families Trust: Permanence Policy and Guidance,
policies/004_b99bb409667e0dca.txt, Appendix 1: Permanence Options Checklist of
Considerations (a table of three columns, read down each column)."""

from __future__ import annotations

from permanence.guidance.facts import current_plan, plan_words
from permanence.guidance.model import Entry, Group, GuidanceSection
from permanence.rules.engine import Case, fmt

POLICY = "Bradford Permanence Policy and Guidance"
SOURCE = f"{POLICY}, Appendix 1: Permanence Options Checklist of Considerations"
NOT_HIERARCHICAL = (
    "Once the decision has been reached that a child cannot remain or return to the family "
    "home the decision of how permanence will be achieved is not hierarchical."
)
EACH_ROUTE = (
    "Decisions regarding the right permanence plan will need to be considered in accordance "
    "with the individual needs of the child, set alongside the advantages and disadvantages of "
    "each legal route."
)

# column key -> (heading, the plan kinds it is about, its considerations)
COLUMNS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "cao_sgo": (
        "Child Arrangements Orders/Special Guardianship",
        ("cao", "sgo", "kinship_order"),
        (
            "Child needs the security of a legally defined placement with alternative carers but "
            "does not require a lifelong commitment involving a change of identity.",
            "Child's relation, foster or other carer needs to exercise day to day parental "
            "responsibility and is prepared to do so as a lifelong commitment.",
            "There is no need for continuing monitoring and review by the Local Authority, "
            "although support services may still need to be arranged.",
            "Child has a strong attachment to the alternative carers and legally defined "
            "permanence is assessed as a positive contribution to their sense of belonging and "
            "security.",
        ),
    ),
    "adoption": (
        "Adoption",
        ("adoption",),
        (
            "Child's primary need is to belong to a family who will make a lifelong commitment.",
            "Child's birth parents are not able or not willing to share parental responsibility "
            "in order to meet their child's needs, even though there may be contact.",
            "Child needs an opportunity to develop a new sense of identity whilst being supported "
            "to maintain or develop a healthy understanding of their past.",
            "Child expresses a wish to be adopted.",
        ),
    ),
    "long_term_fostering": (
        "Long Term Fostering",
        ("long_term_fostering",),
        (
            "Primary need is for a stable, loving family environment whilst there is still a "
            "significant level of continued involvement with the birth family.",
            "Child has a clear sense of identity with the birth family, whilst needing to be "
            "looked after away from home.",
            "There is need for continuing oversight and monitoring of the child's developmental "
            "progress.",
            "Birth parents are able and willing to exercise a degree of parental responsibility.",
        ),
    ),
}


def column_for(kind: str) -> str | None:
    return next((key for key, (_, kinds, _) in COLUMNS.items() if kind in kinds), None)


def options_checklist(case: Case) -> GuidanceSection:
    """bradford.options_checklist: the three columns of Appendix 1, the current plan's
    (and the contingency's) marked."""
    plan = current_plan(case)
    marks: dict[str, list[str]] = {}
    if plan is None:
        summary = "No permanence plan recorded yet: weigh every column."
    else:
        summary = f"The current plan is {plan_words(plan.primary)} (agreed {fmt(plan.agreed)})."
        for kind, words in (
            (plan.primary, "The current plan"),
            (plan.contingency, "The contingency plan"),
        ):
            key = column_for(kind) if kind else None
            if key is not None:
                marks.setdefault(key, []).append(words)
        if column_for(plan.primary) is None:
            summary += " Appendix 1 has no column for it."
    groups = tuple(
        Group(key, heading, tuple(map(Entry, items)), mark=" and ".join(marks.get(key, ())))
        for key, (heading, _, items) in COLUMNS.items()
    )
    return GuidanceSection(
        rule="bradford.options_checklist",
        title="Permanence options checklist of considerations",
        source=SOURCE,
        profile="bradford",
        summary=summary,
        quote=NOT_HIERARCHICAL,
        groups=groups,
        notes=(EACH_ROUTE,),
    )

"""Luton Council: Permanence Planning Guidance, policies/003_28739d47153ebcd7.txt: the
potential advantages and disadvantages of each route to permanence, as the guidance
lists them.

The catalogue (POLICY-RULES.md) gives these lists no id; the product adds
`luton.route_advantages` for them.
"""

from __future__ import annotations

from dataclasses import dataclass

from permanence.guidance.facts import current_plan, plan_words
from permanence.guidance.model import Entry, Group, GuidanceSection
from permanence.rules.engine import Case, fmt

POLICY = "Luton Permanence Planning Guidance"
RULE = "luton.route_advantages"
QUOTE = (
    "The type of permanency being sought will be determined by the needs of the child or "
    "young person. Parallel Planning options will be considered at the Permanency Planning "
    "Meetings."
)


@dataclass(frozen=True, slots=True)
class Route:
    key: str
    heading: str
    source: str  # the passage of the guidance
    plans: tuple[str, ...]  # the plan kinds (domain.model.PermanencePlan) that take this route
    advantages_heading: str
    advantages: tuple[str, ...]
    disadvantages_heading: str
    disadvantages: tuple[str, ...]


ROUTES = (
    Route(
        "connected_person",
        "Permanent placement with a connected person",
        "Placements with connected persons",
        ("kinship_order",),
        "Potential advantage",
        (
            "A Permanent Placement with a Connected Person within the family network has the "
            "potential advantage of enabling the child to remain within their own family or "
            "network.",
        ),
        "However, these arrangements can present challenges",
        (
            "The parenting concerns that were present for the birth parent(s) may also be "
            "apparent in the extended network;",
            "The connected carer may not be able to restrict involvement from the birth "
            "parent(s), which may undermine or destabilise the placement.",
        ),
    ),
    Route(
        "adoption",
        "Adoption",
        "Adoption",
        ("adoption",),
        "Adoption has the following potential advantages as a permanence plan",
        (
            "The adoptive carers exclusively hold parental responsibility;",
            "The child or young person is no longer looked after;",
            "There can be no future legal challenge to overturn the Adoption Order;",
            "Decisions about continuing contact will usually be made by the new parents, on the "
            "child's behalf, who are most in touch with the child's needs. However, this will be "
            "subject to any Contact Order if made by the court at the time of the Adoption Order "
            "or later;",
            "The child is a permanent family member;",
            "Adoptive parents have the right to request an assessment for support services at "
            "any time after the order is made.",
        ),
        "Adoption has the following potential disadvantages as a permanence plan",
        (
            "It involves permanent legal separation from the birth family;",
            "There is no review process;",
            "Ongoing contact with the birth family is at the discretion of the adoptive parents "
            "unless there is a Contact Order in place.",
        ),
    ),
    Route(
        "permanent_fostering",
        "Permanent fostering",
        "Permanent fostering",
        ("long_term_fostering",),
        "Permanent fostering has the following potential advantages as a permanence plan",
        (
            "The local authority shares parental responsibility where there is a Care Order and "
            "in all circumstances will have a key role in negotiating contact and other issues;",
            "The Local Authority can share some of the day-to-day decision-making with foster "
            "carers, where appropriate, using Delegated Authority;",
            "The Care Planning and Fostering Regulations 2015 allow for less frequent social work "
            "input and for greater decision making to be given to the foster carer where the "
            "child is to remain long term and the foster carer is assessed as being capable of "
            "acting in the parental capacity;",
            "There is continuing social worker support to the child and the foster family, and "
            "the placement is regularly reviewed to ensure that the child's needs continue to be "
            "met;",
            "It maintains legal links to the birth family which can still play a part in the "
            "decision making for the child.",
        ),
        "Permanent Fostering has the following potential disadvantages as a permanence plan",
        (
            "Lack of full Parental responsibility for the foster carers;",
            "Continuing social work involvement and regular Looked After Children Reviews may be "
            "regarded as destabilising to the placement, where they are not welcomed by the "
            "child;",
            "Possible stigma attached to the child or young person due to being in care;",
            "The child is not a legal member of the family: This may hinder their view of "
            "belonging and if difficulties arise, some carers may be less willing to persevere "
            "and seek solution;",
            "Post care and/or post 18 the carers have no legal responsibility towards the young "
            "person.",
        ),
    ),
    Route(
        "sgo",
        "Special Guardianship Order",
        "Special Guardianship",
        ("sgo",),
        "A Special Guardianship Order has the following potential advantages as a permanence plan",
        (
            "The carers have majority Parental Responsibility and authority to make day to day "
            "decisions;",
            "The arrangement has added legal security as leave of the court is required to "
            "discharge the Order, and will only be granted if a change of circumstances can be "
            "established;",
            "Maintains legal links to the birth family;",
            "The child or young person will no longer be in the care of the Local Authority and "
            "therefore ongoing regular local authority involvement may cease unless this is "
            "identified as necessary, in which case an assessment of the need for support must "
            "be made by the relevant Local Authority.",
        ),
        "A Special Guardianship Order has the following potential disadvantages as a permanence plan",
        (
            "May not bring the sense of belonging an Adoption Order may provide;",
            "As the child or young person is not a legal member of the family it may hinder "
            "their sense of belonging and, if difficulties arise, some special guardians may be "
            "less willing to persevere and seek resolution;",
            "Although there are restrictions on making an application to discharge the order, "
            "such an application is possible, and therefore the child, young person or carers "
            "may not feel totally secure;",
            "Does not provide the financial security as in the case of permanent fostering;",
            "The order lasts until the child reaches 18. After that time, there is no formal "
            "legal connection between the Special Guardian and the child.",
        ),
    ),
    Route(
        "cao",
        "Child Arrangements Order",
        "Child Arrangements Orders",
        ("cao",),
        "A Child Arrangement Order which specifies with whom the child is to live, has the "
        "following potential advantages as a permanence plan",
        (
            "It gives Parental Responsibility to the carer whilst maintaining the parents' "
            "Parental Responsibility;",
            "The child will no longer be Looked After and therefore, there need be no social "
            "work involvement, unless this is identified as necessary;",
            "There is no review process;",
            "The child will not be Looked After and so less stigma is attached to the placement;",
            "Any contact is likely to be agreed and, if considered necessary by the Court, set "
            "out in a Contact Order.",
        ),
        "A Child Arrangements Order has the following potential disadvantages as a permanence plan",
        (
            "It is less secure than Adoption or Special Guardianship in that an application can "
            "be made to revoke the Order. However, the Court making the order can be asked to "
            "attach a condition refusing a parent's right to seek revocation without leave of "
            "the court;",
            "There is no formal continuing support to the family after the Order is made although "
            "in some instances, Child Arrangements Order Allowances may be payable by the local "
            "authority (discretionary);",
            "There is no professional reviewing of the arrangements after the Order unless a new "
            "application to court is made, for example by the parents for contact or revocation. "
            "(NB New applications to court may be expensive to defend, and the carers would have "
            "to bear the cost if not entitled to assistance with legal costs).",
        ),
    ),
)


def route_for(kind: str) -> Route | None:
    return next((r for r in ROUTES if kind in r.plans), None)


def route_advantages(case: Case) -> GuidanceSection:
    """The advantages and disadvantages of every route, the current plan's (and its
    contingency's) marked."""
    plan = current_plan(case)
    marks: dict[str, list[str]] = {}
    if plan is None:
        summary = "No permanence plan recorded yet: every route is shown."
    else:
        summary = f"The current plan is {plan_words(plan.primary)} (agreed {fmt(plan.agreed)})."
        for kind, words in (
            (plan.primary, "The current plan"),
            (plan.contingency, "The contingency plan"),
        ):
            route = route_for(kind) if kind else None
            if route is not None:
                marks.setdefault(route.key, []).append(words)
        if route_for(plan.primary) is None:
            summary += " The guidance lists no advantages and disadvantages for it."
        if plan.contingency:
            summary += f" The contingency is {plan_words(plan.contingency)}."
    groups = tuple(
        Group(
            r.key,
            r.heading,
            parts=(
                Group(f"{r.key}.advantages", r.advantages_heading, tuple(map(Entry, r.advantages))),
                Group(
                    f"{r.key}.disadvantages",
                    r.disadvantages_heading,
                    tuple(map(Entry, r.disadvantages)),
                ),
            ),
            mark=" and ".join(marks.get(r.key, ())),
        )
        for r in ROUTES
    )
    return GuidanceSection(
        rule=RULE,
        title="Advantages and disadvantages of each route to permanence",
        source=f"{POLICY}: " + "; ".join(r.source for r in ROUTES),
        profile="luton",
        summary=summary,
        quote=QUOTE,
        groups=groups,
    )

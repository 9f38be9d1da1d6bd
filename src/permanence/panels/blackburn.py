"""Blackburn with Darwen: the Legal Gateway Panel and the Lasting Homes (long-term
matching) panel.

The pre-proceedings review date and whether it was held come from
`blackburn.PreProceedings`, the rule the child's page shows.
"""

from __future__ import annotations

from datetime import timedelta

from permanence.domain.care import LONG_TERM_FOSTER_PLACEMENTS
from permanence.panels.criteria import (
    Context,
    criterion,
    current_plan,
    home_start,
    legal_words,
    manual,
    placement_words,
    plan_words,
)
from permanence.rules import blackburn
from permanence.rules.common import before_care_window, decisions_of
from permanence.rules.engine import Obligation, fmt
from permanence.workingdays import add_weeks

LGP = "blackburn.legal_gateway_panel"
MATCH = "blackburn.long_term_match"
LGP_SOURCE = f"{blackburn.POLICY}, 6 Legal Gateway Meetings"
# How far back a Legal Gateway hearing counts as the one before care began (as
# `blackburn.EnteringCare` looks back for the decision).


@criterion(
    "blackburn.lgp.14_weeks",
    "14 weeks",
    "Pre-proceedings formally reviewed at the panel 14 weeks after the decision",
    LGP,
    f"{blackburn.POLICY}, 6 Pre-Proceedings meetings ('formally reviewed at Legal Gateway"
    " Panel 14 weeks after the decision to enter pre-proceedings')",
)
def pre_proceedings_review(ctx: Context) -> str | None:
    """Due in the week of the sitting (Monday to Sunday) or before, and not yet held."""
    week_starts = ctx.sitting - timedelta(days=ctx.sitting.weekday())
    week_ends = week_starts + timedelta(days=6)
    reviews = [
        o
        for o in blackburn.PreProceedings().evaluate(ctx.case)
        if isinstance(o, Obligation) and "Legal Gateway Panel" in o.why
    ]
    found = []
    for decided in decisions_of(ctx.case, "pre_proceedings"):
        if decided >= ctx.sitting:
            continue
        due = add_weeks(decided, 14)
        ob = next((o for o in reviews if o.due == due), None)
        if ob is None or ob.done is not None or due > week_ends:
            continue
        when = "overdue since" if due < week_starts else "due"
        found.append(
            f"pre-proceedings agreed on {fmt(decided)}: the 14-week review is {when}"
            f" {fmt(due)}, with no Legal Gateway hearing since the decision"
        )
    return "; ".join(found) or None


@criterion(
    "blackburn.lgp.entered_care",
    "entered care",
    "A child who came into care without a Legal Gateway Panel before it",
    LGP,
    f"{LGP_SOURCE}; 6 Becoming Looked After ('The decision for a child to enter the care of"
    " the Local Authority must be made by a Head of Service or above')",
)
def entered_care_without_panel(ctx: Context) -> str | None:
    period = ctx.period
    if period is None or period.start < ctx.previous or period.began_before_data:
        return None
    earlier = [p.end for p in ctx.case.care_periods if p.end is not None and p.end <= period.start]
    since = before_care_window(ctx.case, period)
    if any(m.held >= since for m in ctx.hearings()):
        return None
    first = period.episodes[0]
    text = (
        f"came into care on {fmt(period.start)}, {legal_words(first.legal_status)} in"
        f" {placement_words(first.placement)}, {ctx.since_previous()}, with no Legal Gateway"
        " hearing recorded before it"
    )
    if earlier:
        text += f" (back in care after leaving on {fmt(earlier[-1])})"
    decided = [
        d
        for d in decisions_of(ctx.case, "entering_care", blackburn.HEAD_OF_SERVICE_OR_ABOVE)
        if since <= d <= ctx.sitting
    ]
    if decided:
        text += f"; Head of Service decision to enter care recorded on {fmt(decided[0])}"
    else:
        text += "; no Head of Service decision to enter care recorded"
    return text


manual(
    "blackburn.lgp.requested",
    "requested",
    "Requested by the Service Lead (e.g. to enter or step down from pre-proceedings, to"
    " issue care proceedings, Deprivation of Liberty, s37 recommendations)",
    LGP,
    f"{LGP_SOURCE} ('Requests for children to be added to the weekly agenda ... following"
    " discussion and agreement with the relevant Service Lead')",
)


@criterion(
    "blackburn.lasting_homes.to_match",
    "long-term match",
    "A long-term foster home to be ratified as the child's lasting home",
    MATCH,
    f"{blackburn.POLICY}, Long-term Fostering ('approved via Head of Service through a"
    " long-term matching panel') and Appendix B Lasting Homes Panel Protocol",
)
def lasting_home_to_match(ctx: Context) -> str | None:
    """In long-term foster care (U1/U4) or with a long-term fostering plan, and no
    long-term match ratified since the child moved in with these carers."""
    period = ctx.period
    home = home_start(ctx)
    placement = ctx.case.current_placement
    if period is None or home is None or placement is None:
        return None
    plan = current_plan(ctx)
    ltf_plan = plan is not None and plan.primary == "long_term_fostering"
    in_ltf = placement.placement in LONG_TERM_FOSTER_PLACEMENTS
    if not (ltf_plan or in_ltf):
        return None
    matched = [
        d for d in decisions_of(ctx.case, "long_term_match") if home.start <= d <= ctx.sitting
    ]
    if matched:
        return None
    facts = [f"in {placement_words(placement.placement)} since {fmt(placement.start)}"]
    if home.start < placement.start:
        facts.append(f"with these carers since {fmt(home.start)}")
    if ltf_plan:
        assert plan is not None
        facts.append(f"plan: {plan_words(plan.primary)} (agreed {fmt(plan.agreed)})")
    facts.append("no long-term match ratified for this home")
    missing = _missing_prerequisites(ctx)
    if missing:
        facts.append("still missing before ratification: " + "; ".join(missing))
    return "; ".join(facts)


def _missing_prerequisites(ctx: Context) -> list[str]:
    """The long-term match checklist's missing items, where the approvals package has it."""
    try:
        from permanence.approvals import checklists_for
    except ImportError:
        return []
    for result in checklists_for(ctx.definition.profile, ctx.case):
        if result.id == MATCH:
            return [item.text for item in result.missing]
    return []

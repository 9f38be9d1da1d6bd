"""Bolton: the Gateway and Permanence Panel (Permanence Strategy 2.4 and 5).

The criteria the data can show come from the rules the dashboard already runs
(`bolton.GatewayPanel` for gateway (b) and (c), `bolton.PermanencePanel` for permanence
(a) to (d)), so that the panel and the child's page never disagree; the panel adds the
facts an administrator checks.
"""

from __future__ import annotations

from permanence.domain.care import RESIDENTIAL_PLACEMENTS
from permanence.panels.criteria import Context, criterion, legal_words, manual, placement_words
from permanence.rules import bolton
from permanence.rules.engine import Alert, Obligation, fmt

GATEWAY = "bolton.gateway_panel"
PERMANENCE = "bolton.permanence_panel"
GATEWAY_SOURCE = f"{bolton.POLICY}, 2.4 Gateway and Permanence Panel"
PERMANENCE_SOURCE = f"{bolton.POLICY}, 5 (permanence element of the Gateway and Permanence Panel)"


# --- Gateway element ---------------------------------------------------------------------

manual(
    "bolton.gateway.a",
    "(a)",
    "At risk of becoming looked after (Edge of Care)",
    GATEWAY,
    f"{GATEWAY_SOURCE}, criterion a",
)


def _new_care_without_hearing(ctx: Context, code: str) -> str | None:
    """A period of care open on the sitting that began since the previous sitting and has
    no gateway hearing, as `bolton.GatewayPanel` counts one, after any earlier period."""
    period = ctx.period
    if period is None or period.start < ctx.previous:
        return None
    obligations = [
        o
        for o in bolton.GatewayPanel().evaluate(ctx.case)
        if isinstance(o, Obligation) and o.period_start == period.start
    ]
    if not obligations or not obligations[0].why.startswith(code):
        return None
    ob = obligations[0]
    if ob.done is not None:
        return None
    earlier = [p for p in ctx.case.care_periods if p.end is not None and p.end <= period.start]
    left = earlier[-1].end if earlier else None
    first = period.episodes[0]
    text = (
        f"came into care on {fmt(period.start)}, {legal_words(first.legal_status)} in"
        f" {placement_words(first.placement)}, {ctx.since_previous()}"
    )
    if left is not None:
        text += f"; back in care after leaving on {fmt(left)}"
    return text + "; no gateway hearing recorded for this period of care"


@criterion(
    "bolton.gateway.b",
    "(b)",
    "There is a plan for the child to become looked after (care proceedings or section 20)",
    GATEWAY,
    f"{GATEWAY_SOURCE}, criterion b",
)
def gateway_plan_to_become_looked_after(ctx: Context) -> str | None:
    return _new_care_without_hearing(ctx, "(b)")


@criterion(
    "bolton.gateway.c",
    "(c)",
    "The child has become looked after in an emergency",
    GATEWAY,
    f"{GATEWAY_SOURCE}, criterion c",
)
def gateway_emergency(ctx: Context) -> str | None:
    return _new_care_without_hearing(ctx, "(c)")


# --- Permanence element -------------------------------------------------------------------


def _permanence_rule_says(ctx: Context, code: str) -> str | None:
    """The words of `bolton.PermanencePanel` for criterion `code`, if it finds it met."""
    for alert in bolton.PermanencePanel().evaluate(ctx.case):
        if not isinstance(alert, Alert):
            continue
        for part in alert.detail.removeprefix("Meets: ").split("; "):
            if part.startswith(code):
                return part[len(code) :].strip()
    return None


@criterion(
    "bolton.permanence.a",
    "(a)",
    "Subject to court proceedings and permanence not expected within the 26-week timescale",
    PERMANENCE,
    f"{PERMANENCE_SOURCE}, criterion a",
)
def permanence_proceedings(ctx: Context) -> str | None:
    said = _permanence_rule_says(ctx, "(a)")
    if said is None:
        return None
    return f"interim care order (C1): {said}"


@criterion(
    "bolton.permanence.b",
    "(b)",
    "More than three moves in 12 months",
    PERMANENCE,
    f"{PERMANENCE_SOURCE}, criterion b",
)
def permanence_moves(ctx: Context) -> str | None:
    said = _permanence_rule_says(ctx, "(b)")
    if said is None:
        return None
    moves = ctx.case.moves_in_last_12_months()
    days = ", ".join(f"{fmt(m.start)} to {m.placement}" for m in moves)
    codes = "; ".join(placement_words(code) for code in dict.fromkeys(m.placement for m in moves))
    return f"{said} to the sitting: {days}; {codes}"


@criterion(
    "bolton.permanence.c",
    "(c)",
    "Difficulties securing a suitable permanence plan",
    PERMANENCE,
    f"{PERMANENCE_SOURCE}, criterion c",
)
def permanence_no_plan(ctx: Context) -> str | None:
    said = _permanence_rule_says(ctx, "(c)")
    if said is None:
        return None
    return f"{said}; none recorded by the sitting"


@criterion(
    "bolton.permanence.d",
    "(d)",
    "The child is in residential care",
    PERMANENCE,
    f"{PERMANENCE_SOURCE}, criterion d",
)
def permanence_residential(ctx: Context) -> str | None:
    if _permanence_rule_says(ctx, "(d)") is None:
        return None
    placement = ctx.case.current_placement
    assert placement is not None and placement.placement in RESIDENTIAL_PLACEMENTS
    return (
        f"in residential care, {placement_words(placement.placement)}, since {fmt(placement.start)}"
    )


manual(
    "bolton.permanence.e",
    "(e)",
    "Joint or tripartite funding from Health, Education and Social Care may be required",
    PERMANENCE,
    f"{PERMANENCE_SOURCE}, criterion e; 3.2 (joint or tripartite funding)",
)


@criterion(
    "bolton.permanence.f",
    "(f)",
    "Previously presented to the panel and returning for review",
    PERMANENCE,
    f"{PERMANENCE_SOURCE}, criterion f",
)
def permanence_returning(ctx: Context) -> str | None:
    period = ctx.period
    if period is None:
        return None
    hearings = [m for m in ctx.hearings() if m.held >= period.start]
    if not hearings:
        return None
    last = hearings[-1]
    if last.return_by is None or last.return_by > ctx.sitting:
        return None
    text = f"heard on {fmt(last.held)}; the panel asked to see the child again by {fmt(last.return_by)}"
    if last.note:
        text += f" ({last.note})"
    return text

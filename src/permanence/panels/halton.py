"""Halton: the Permanency Review Panel and its thematic panels.

"The Panel will review all children with a permanence plan until they are placed in a
suitably approved long term placement", "at least annually", and "any disruptions of
permanence placements". When a plan is due, and when the next yearly hearing is, come
from `halton.PanelEveryPlan`, the rule the child's page shows.
"""

from __future__ import annotations

from datetime import date

from permanence.domain.care import KINSHIP_PLACEMENTS, RESIDENTIAL_PLACEMENTS
from permanence.panels.criteria import (
    PERMANENT_PLACEMENTS,
    Context,
    criterion,
    current_episode,
    current_plan,
    in_care_words,
    in_permanent_placement,
    legal_words,
    manual,
    place_change_words,
    placement_words,
    plan_text,
    plan_words,
)
from permanence.rules import halton
from permanence.rules.blackburn import UNPLANNED_ENDINGS
from permanence.rules.engine import Obligation, fmt
from permanence.workingdays import add_months

PANEL = "halton.panel_every_plan"
THEMATIC = "halton.thematic_panels"
SOURCE = f"{halton.POLICY}, 4 The Process and Terms of Reference: Permanency Review Panel"
# Plans for an order in favour of the family or friends the child lives with.
ORDER_PLANS = frozenset({"sgo", "cao", "kinship_order"})
THEMES_SOURCE = f"{halton.POLICY}, Terms of Reference ('Further panels will take place ...')"


def _open_review(ctx: Context) -> Obligation | None:
    """The panel hearing `halton.PanelEveryPlan` has outstanding for the child."""
    open_ = [
        o
        for o in halton.PanelEveryPlan().evaluate(ctx.case)
        if isinstance(o, Obligation) and o.done is None
    ]
    return open_[-1] if open_ else None


def _period_hearings(ctx: Context) -> list:
    period = ctx.period
    assert period is not None
    return [m for m in ctx.hearings() if m.held >= period.start]


def _not_yet_settled(ctx: Context) -> bool:
    return ctx.period is not None and in_permanent_placement(ctx) is None


@criterion(
    "halton.review.every_plan",
    "every plan",
    "The permanence plan for every child must be presented at the panel",
    PANEL,
    f"{SOURCE} ('The permanence plan for every child must be presented at the Permanence Panel')",
)
def every_plan(ctx: Context) -> str | None:
    if not _not_yet_settled(ctx) or _period_hearings(ctx):
        return None
    plan = current_plan(ctx)
    ob = _open_review(ctx)
    due = ob is not None and ob.due is not None and ob.due <= ctx.sitting
    if plan is None and not due:
        return None
    text = f"{in_care_words(ctx)}; {plan_text(ctx)}"
    if plan is None and ob is not None and ob.due is not None:
        text += (
            f", though one was due by {fmt(ob.due)} (the earlier of the second review and"
            " 4 months looked after)"
        )
    return text + "; not yet heard at the panel"


@criterion(
    "halton.review.annual",
    "annual",
    "Reviewed at least annually until placed in a suitably approved long-term placement",
    PANEL,
    f"{SOURCE} ('at least annually')",
)
def annual(ctx: Context) -> str | None:
    if not _not_yet_settled(ctx):
        return None
    hearings = _period_hearings(ctx)
    if not hearings:
        return None
    last = hearings[-1].held
    due = add_months(last, 12)
    if due > ctx.sitting:
        return None
    return (
        f"last heard on {fmt(last)}: 12 months on, {fmt(due)}, is on or before the sitting;"
        f" {plan_text(ctx)}"
    )


@criterion(
    "halton.review.plan_changed",
    "plan changed",
    "The permanence plan has changed since the child was last heard",
    PANEL,
    f"{SOURCE} ('The permanence plan for every child must be presented')",
)
def plan_changed(ctx: Context) -> str | None:
    if not _not_yet_settled(ctx):
        return None
    hearings = _period_hearings(ctx)
    if not hearings:
        return None
    last = hearings[-1].held
    plans = sorted(ctx.child.recorded.plans, key=lambda p: p.agreed)
    before = [p for p in plans if p.agreed <= last]
    after = [p for p in plans if last < p.agreed <= ctx.sitting]
    if not after:
        return None
    new = after[-1]
    old = before[-1] if before else None
    if old is not None and (old.primary, old.contingency) == (new.primary, new.contingency):
        return None
    was = f"from {plan_words(old.primary)} " if old is not None else ""
    return (
        f"plan changed {was}to {plan_words(new.primary)} on {fmt(new.agreed)},"
        f" after the hearing on {fmt(last)}"
    )


@criterion(
    "halton.review.disruption",
    "disruption",
    "Disruption of a permanence placement",
    PANEL,
    f"{SOURCE} ('The Panel will review any disruptions of permanence placements')",
)
def disruption(ctx: Context) -> str | None:
    """A long-term foster or adoptive placement that ended unplanned since the last
    hearing (in the 12 months before the sitting when the child was never heard: the
    product's bound, so that old disruptions do not all come back at once)."""
    period = ctx.period
    if period is None:
        return None
    hearings = ctx.hearings()
    since = hearings[-1].held if hearings else add_months(ctx.sitting, -12)
    found = []
    for p in ctx.case.care_periods:
        placements = ctx.case.placements(p)
        for ended, after in zip(placements, placements[1:], strict=False):
            if (
                ended.placement in PERMANENT_PLACEMENTS
                and after.reason_place_change in UNPLANNED_ENDINGS
                and since < after.start <= ctx.sitting
            ):
                found.append(
                    f"{placement_words(ended.placement)} from {fmt(ended.start)} ended on"
                    f" {fmt(after.start)}: {place_change_words(after.reason_place_change)}"
                )
    if not found:
        return None
    words = f"since the hearing on {fmt(since)}" if hearings else f"since {fmt(since)}"
    return "; ".join(found) + f", {words}"


# --- Thematic panels ---------------------------------------------------------------------


def _placement_since(ctx: Context) -> tuple[str, date] | None:
    placement = ctx.case.current_placement
    if placement is None:
        return None
    return placement.placement, placement.start


@criterion(
    "halton.theme.placed_with_parents",
    "placed with parents",
    "Children placed at home with their parents on an interim or full care order",
    THEMATIC,
    f"{THEMES_SOURCE}, placed at home with parents on an interim or full care order",
)
def placed_with_parents(ctx: Context) -> str | None:
    episode = current_episode(ctx)
    placed = _placement_since(ctx)
    if episode is None or placed is None or placed[0] != "P1":
        return None
    if episode.legal_status not in ("C1", "C2"):
        return None
    return (
        f"{placement_words('P1')} since {fmt(placed[1])}, on {legal_words(episode.legal_status)};"
        f" {in_care_words(ctx)}"
    )


@criterion(
    "halton.theme.section_20",
    "s20",
    "Children who are looked after under Section 20",
    THEMATIC,
    f"{THEMES_SOURCE}, looked after under Section 20",
)
def section_20(ctx: Context) -> str | None:
    episode = current_episode(ctx)
    if ctx.period is None or episode is None or episode.legal_status != "V2":
        return None
    since = ctx.period.legal_statuses()[-1].start
    return f"{legal_words('V2')} since {fmt(since)}; {in_care_words(ctx)}; {plan_text(ctx)}"


manual(
    "halton.theme.unregulated",
    "unregulated",
    "Children in unregulated placements (the SSDA903 return has no code for this: chosen by hand)",
    THEMATIC,
    f"{THEMES_SOURCE}, children in unregulated placements",
)


@criterion(
    "halton.theme.no_permanent_placement",
    "no permanent placement",
    "Children who do not have a permanent long-term placement identified",
    THEMATIC,
    f"{THEMES_SOURCE}, no permanent long-term placement identified",
)
def no_permanent_placement(ctx: Context) -> str | None:
    """Looked after, and no permanent home identified: not in a long-term foster or
    adoptive placement, no long-term or adoptive match recorded in this period of care,
    and not already living where the plan means the child to stay (with parents under a
    plan of home, or with family or friends under a plan for an order)."""
    period = ctx.period
    placed = _placement_since(ctx)
    if period is None or placed is None or placed[0] in PERMANENT_PLACEMENTS:
        return None
    plan = current_plan(ctx)
    if plan is not None and (
        (plan.primary == "home" and placed[0] == "P1")
        or (plan.primary in ORDER_PLANS and placed[0] in KINSHIP_PLACEMENTS)
    ):
        return None
    matched = [
        d.made
        for d in ctx.child.recorded.decisions
        if d.kind == "long_term_match"
        and d.outcome == "approved"
        and period.start <= d.made <= ctx.sitting
    ] + [
        a.matched
        for a in ctx.child.adoption_decisions
        if a.matched is not None and period.start <= a.matched <= ctx.sitting
    ]
    if matched:
        return None
    return (
        f"in {placement_words(placed[0])} since {fmt(placed[1])}, with no long-term or"
        f" adoptive match recorded; {in_care_words(ctx)}; {plan_text(ctx)}"
    )


@criterion(
    "halton.theme.residential",
    "residential",
    "Looked after children in residential care",
    THEMATIC,
    f"{halton.POLICY}, 4 The Process ('looked after children in residential') and Terms of"
    " Reference (residential: short term only, approved by a senior manager)",
)
def residential(ctx: Context) -> str | None:
    placed = _placement_since(ctx)
    if placed is None or placed[0] not in RESIDENTIAL_PLACEMENTS:
        return None
    return f"in {placement_words(placed[0])} since {fmt(placed[1])}; {in_care_words(ctx)}"

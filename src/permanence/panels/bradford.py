"""Bradford: team tracking meetings over all children subject to permanence planning.

"Tracking meetings are held in the teams with the service manager and / or court
consultant ... regular management oversight of all children who are subject to
permanence planning". A child is subject to permanence planning while looked after and
not yet in a placement the plan has made permanent (long-term foster care or placed for
adoption).
"""

from __future__ import annotations

from permanence.panels.criteria import (
    Context,
    criterion,
    in_care_words,
    in_permanent_placement,
    placement_words,
    plan_text,
)
from permanence.rules import bradford
from permanence.rules.engine import fmt

TRACKING = "bradford.tracking_meetings"


@criterion(
    "bradford.tracking.permanence_planning",
    "permanence planning",
    "Every child subject to permanence planning",
    TRACKING,
    f"{bradford.POLICY}, 2 ('Tracking meetings are held in the teams with the service manager"
    " and / or court consultant ... all children who are subject to permanence planning')",
)
def permanence_planning(ctx: Context) -> str | None:
    placement = ctx.case.current_placement
    if ctx.period is None or placement is None or in_permanent_placement(ctx) is not None:
        return None
    return (
        f"{plan_text(ctx)}; {in_care_words(ctx)}; in {placement_words(placement.placement)}"
        f" since {fmt(placement.start)}"
    )

"""Luton: the monthly Permanence Tracking Meeting.

"The Permanence Tracking Meeting (monthly) will monitor the progress of all permanence
plans" and "Once a permanence outcome is achieved the case is closed to the Permanency
Tracking process". Whether permanence is achieved comes from the approval checklist
`luton.achieved` (permanence.approvals.luton_achieved), the one the child's page shows.
"""

from __future__ import annotations

from permanence.panels.criteria import Context, criterion, in_care_words, plan_text
from permanence.rules import luton

TRACKING = "luton.tracking_meeting"


@criterion(
    "luton.tracking.open_plan",
    "open plan",
    "Every looked-after child whose permanence is not yet achieved",
    TRACKING,
    f"{luton.POLICY}, 'The Permanence Tracking Meeting (monthly) will monitor the progress of"
    " all permanence plans'; 'Once a permanence outcome is achieved the case is closed to the"
    " Permanency Tracking process'",
)
def open_plan(ctx: Context) -> str | None:
    from permanence.approvals import luton_achieved

    if ctx.period is None:
        return None
    result = luton_achieved(ctx.case)
    if result is not None and result.complete:
        return None
    text = f"{in_care_words(ctx)}; {plan_text(ctx)}"
    if result is None:
        return text + (
            "; not achieved: no route to permanence (adoption, fostering, family and friends,"
            " an order or home) recorded yet"
        )
    route = result.title.split(": ", 1)[-1]
    missing = "; ".join(item.text for item in result.missing)
    return text + f"; route: {route}; not yet achieved, still to come: {missing}"

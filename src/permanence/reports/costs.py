"""The cost to the council of a child's care (Bolton 11.2, the Permanence Tracker: "the
cost to the Local Authority of their care").

Each placement is costed at the weekly figure of its placement group
(`permanence.ssda903.labels.PLACEMENT_GROUPS`), taken from the profile's `[costs]` table:
the national file gives illustrative defaults and a council's file replaces them with its
own. Part weeks are pro rata by days: a day costs a seventh of the weekly figure.

- Cost to date: every placement of every period of care (short breaks left out), each
  at its own placement type, from its first day to the day before it ended, or to the
  as-of date (that day included) while it goes on.
- Projected cost to 18: the current weekly cost from the day after the as-of date to the
  day before the 18th birthday, the last day a child can be looked after (a 29 February
  birthday falls on 1 March, as `Child.birthday` says).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from permanence.domain.care import Placement
from permanence.rules.engine import Case
from permanence.ssda903.labels import placement_group


def weekly_cost(costs: Mapping[str, float], placement: str) -> float | None:
    """The weekly figure for a placement code's group; None when the profile has none."""
    return costs.get(placement_group(placement))


def days_costed(p: Placement, as_of: date) -> int:
    """Days of a placement up to the as-of date, that day included; 0 if it starts later."""
    end = as_of + timedelta(days=1)
    if p.end is not None and p.end < end:
        end = p.end
    return max(0, (end - p.start).days)


def cost_to_date(case: Case, costs: Mapping[str, float]) -> float | None:
    """The cost of every placement of every period of care up to the as-of date."""
    total = 0.0
    for period in case.care_periods:
        for p in case.placements(period):
            days = days_costed(p, case.as_of)
            if not days:
                continue
            weekly = weekly_cost(costs, p.placement)
            if weekly is None:
                return None
            total += weekly * days / 7
    return round(total, 2)


def days_to_18(case: Case) -> int | None:
    """Days of care left after the as-of date before the 18th birthday (0 if none)."""
    eighteen = case.child.birthday(18)
    if eighteen is None:
        return None
    return max(0, (eighteen - (case.as_of + timedelta(days=1))).days)


def projected_to_18(case: Case, costs: Mapping[str, float]) -> float | None:
    """The current weekly cost until the 18th birthday; None if not looked after, the
    date of birth is not known, or the profile has no figure for the placement."""
    p = case.current_placement
    days = days_to_18(case)
    if p is None or days is None:
        return None
    weekly = weekly_cost(costs, p.placement)
    if weekly is None:
        return None
    return round(weekly * days / 7, 2)

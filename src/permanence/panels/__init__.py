"""Panels and tracking meetings: who each council's panel should hear at a sitting, and why.

A panel is data in the council's profile (``[panels.<key>]``); each criterion the policy
sets is one small unit (code, policy words, rule, source) in `permanence.panels.criteria`,
listed by the panels that ask about it. `propose` asks every criterion of a panel about
every child, as of the sitting date, and keeps the children at least one criterion picks,
each with the facts that put them there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from functools import cache
from typing import Any

from permanence.domain.model import Child
from permanence.domain.roles import ADM, IRO, SENIORITY, normalise
from permanence.panels import blackburn, bolton, bradford, halton, luton  # noqa: F401 (register)
from permanence.panels.criteria import CRITERIA, Context, Criterion, natural_key
from permanence.panels.model import (
    FREQUENCIES,
    GROUPINGS,
    PanelDefinition,
    Proposal,
    Reason,
)
from permanence.profiles import load_profile
from permanence.rules import ELSEWHERE, RULES
from permanence.rules.engine import Case
from permanence.workingdays import ENGLAND_AND_WALES, WorkingDayCalendar

ROLES = frozenset(SENIORITY) | {ADM, IRO}
_REQUIRED = (
    "name",
    "frequency",
    "chair",
    "chair_words",
    "invited",
    "slot_minutes",
    "notice_days",
    "papers_days",
    "group_by",
    "meeting_kind",
    "rule",
    "source",
    "criteria",
)


class UnknownPanel(ValueError):
    pass


def _definition(profile: str, key: str, raw: dict[str, Any]) -> PanelDefinition:
    where = f"profile {profile}, [panels.{key}]"
    missing = [f for f in _REQUIRED if f not in raw]
    if missing:
        raise ValueError(f"{where}: missing {', '.join(missing)}")
    known = set(PanelDefinition.__dataclass_fields__) - {"profile", "key"}
    extra = set(raw) - known
    if extra:
        raise ValueError(f"{where}: unknown fields {', '.join(sorted(extra))}")
    values = dict(raw)
    values["invited"] = tuple(values["invited"])
    values["criteria"] = tuple(values["criteria"])
    values.setdefault("weekday", None)
    values.setdefault("papers_thursday_before", False)
    values["chair"] = normalise(values["chair"])
    d = PanelDefinition(profile=profile, key=key, **values)
    problems = []
    if d.frequency not in FREQUENCIES:
        problems.append(f"frequency {d.frequency!r} is not one of {', '.join(FREQUENCIES)}")
    if d.frequency != "as_arranged" and d.weekday not in range(5):
        problems.append("a panel that sits on a schedule needs a weekday, 0 (Monday) to 4")
    if d.week_of_month not in (1, 2, 3, 4, -1):
        problems.append("week_of_month is 1 to 4, or -1 for the last")
    if d.chair not in ROLES:
        problems.append(f"chair {d.chair!r} is not a role of permanence.domain.roles")
    if d.group_by not in GROUPINGS:
        problems.append(f"group_by {d.group_by!r} is not one of {GROUPINGS}")
    if d.rule not in RULES and d.rule not in ELSEWHERE:
        problems.append(f"rule {d.rule!r} is not in the catalogue")
    unknown = [c for c in d.criteria if c not in CRITERIA]
    if unknown:
        problems.append(f"unknown criteria {', '.join(unknown)}")
    if not d.criteria:
        problems.append("no criteria")
    if problems:
        raise ValueError(f"{where}: " + "; ".join(problems))
    return d


@cache
def panels_of(profile_name: str) -> tuple[PanelDefinition, ...]:
    """The council's panels, in the order its profile lists them."""
    profile = load_profile(profile_name)
    return tuple(_definition(profile.name, key, raw) for key, raw in profile.panels.items())


def panel_definition(profile_name: str, key: str) -> PanelDefinition:
    panels = panels_of(profile_name)
    for d in panels:
        if d.key == key:
            return d
    choices = ", ".join(d.key for d in panels) or "none"
    raise UnknownPanel(f"profile {profile_name} has no panel {key!r}: its panels are {choices}")


def criteria_of(definition: PanelDefinition) -> tuple[Criterion, ...]:
    return tuple(CRITERIA[c] for c in definition.criteria)


def manual_reasons(definition: PanelDefinition) -> tuple[Reason, ...]:
    """The criteria the data cannot show, for the administrator to pick when adding a
    child by hand."""
    return tuple(c.manual_reason() for c in criteria_of(definition) if c.manual)


def _without_later_hearings(child: Child, kind: str, sitting: date) -> Child:
    meetings = [m for m in child.recorded.meetings if not (m.kind == kind and m.held >= sitting)]
    if len(meetings) == len(child.recorded.meetings):
        return child
    return replace(child, recorded=replace(child.recorded, meetings=meetings))


def previous_sitting(
    definition: PanelDefinition, children: Iterable[Child], sitting: date
) -> date | None:
    """The latest hearing of this panel recorded for any of the children before `sitting`."""
    return max(
        (
            m.held
            for child in children
            for m in child.recorded.meetings
            if m.kind == definition.meeting_kind and m.held < sitting
        ),
        default=None,
    )


def propose(
    definition: PanelDefinition,
    children: Iterable[Child],
    sitting: date,
    *,
    calendar: WorkingDayCalendar = ENGLAND_AND_WALES,
) -> list[Proposal]:
    """The children the panel's criteria pick for `sitting`, with the facts, by child id.

    Each child is looked at as of the sitting date. Hearings of this panel recorded on or
    after the sitting are not counted, so a sitting's proposal stays the same once its
    hearings are recorded.
    """
    children = list(children)
    previous = previous_sitting(definition, children, sitting)
    recorded = previous is not None
    if previous is None:
        previous = date.fromordinal(sitting.toordinal() - definition.lookback_days)
    params = load_profile(definition.profile).params
    checks = [c for c in criteria_of(definition) if not c.manual]
    out = []
    for child in children:
        case = Case(
            _without_later_hearings(child, definition.meeting_kind, sitting),
            sitting,
            calendar,
            params,
        )
        ctx = Context(definition, sitting, previous, recorded, case)
        reasons = []
        for c in checks:
            assert c.check is not None
            text = c.check(ctx)
            if text:
                reasons.append(c.reason(text))
        if reasons:
            out.append(Proposal(child.id, tuple(reasons)))
    out.sort(key=lambda p: natural_key(p.child_id))
    return out


__all__ = [
    "CRITERIA",
    "Criterion",
    "PanelDefinition",
    "Proposal",
    "Reason",
    "UnknownPanel",
    "criteria_of",
    "manual_reasons",
    "panel_definition",
    "panels_of",
    "previous_sitting",
    "propose",
]

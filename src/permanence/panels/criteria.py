"""Criteria: each condition a policy sets for hearing a child at a panel, as one small unit.

A criterion has an id (what a profile lists under `criteria`), the code the policy labels
it with, the policy's words, the catalogue rule and the source. Its check looks at one
child on the day of a sitting and gives the facts that meet it, or None. A criterion
without a check is one the data cannot show: the panel administrator picks it by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from permanence.domain.care import (
    ADOPTION_PLACEMENTS,
    LONG_TERM_FOSTER_PLACEMENTS,
    PeriodOfCare,
    Placement,
)
from permanence.domain.model import Episode, Meeting
from permanence.panels.model import PanelDefinition, Reason
from permanence.rules.engine import Case, fmt
from permanence.ssda903 import labels

# A long-term placement the plan has made permanent: long-term foster care or placed for
# adoption (Halton: "a suitably approved long term placement").
PERMANENT_PLACEMENTS = LONG_TERM_FOSTER_PLACEMENTS | ADOPTION_PLACEMENTS

# Placement starts with new carers (RNE S, P, U); T and B change the placement type with
# the same carers, e.g. a short-term foster home confirmed as long-term.
NEW_CARERS = frozenset({"S", "P", "U"})

# Why a placement ended (episodes.REASON_PLACE_CHANGE), in the DfE guide's words.
PLACE_CHANGE = {
    "CARPL": "change to or implementation of the care plan",
    "CLOSE": "resignation or closure of the provision",
    "ALLEG": "allegation (s47)",
    "STAND": "standards of care concern",
    "APPRR": "approval removed",
    "CREQB": "carer asked for the placement to end because of the child's behaviour",
    "CREQO": "carer asked for the placement to end, not because of the child's behaviour",
    "CHILD": "child asked for the placement to end",
    "LAREQ": "the authority asked for the placement to end",
    "PLACE": "change in the status of the placement only",
    "CUSTOD": "custody",
    "OTHER": "other",
}

PLAN_WORDS = {
    "home": "return or remain home",
    "kinship_order": "living with family or friends on an order",
    "sgo": "special guardianship",
    "cao": "child arrangements order",
    "adoption": "adoption",
    "long_term_fostering": "long-term fostering",
    "residential": "residential care",
}


@dataclass
class Context:
    """One child at one sitting: the case as of the sitting, and the panel's history.

    `previous` is the panel's previous sitting: the latest hearing of this panel recorded
    for any child before this one, or, with none recorded, `lookback_days` before.
    Hearings recorded on or after the sitting are left out of `case`, so that a sitting's
    proposal does not change once its hearings are recorded.
    """

    definition: PanelDefinition
    sitting: date
    previous: date
    previous_recorded: bool
    case: Case

    @property
    def child(self):
        return self.case.child

    @property
    def period(self) -> PeriodOfCare | None:
        """The period of care open on the sitting day (short breaks are not care)."""
        return self.case.current_period

    def hearings(self, kind: str | None = None) -> list[Meeting]:
        kind = kind or self.definition.meeting_kind
        return sorted(
            (m for m in self.child.recorded.meetings if m.kind == kind and m.held < self.sitting),
            key=lambda m: m.held,
        )

    def since_previous(self) -> str:
        if self.previous_recorded:
            return f"since the previous sitting on {fmt(self.previous)}"
        return (
            f"in the {self.definition.lookback_days} days before the sitting (no earlier"
            f" sitting recorded), from {fmt(self.previous)}"
        )


Check = Callable[[Context], str | None]


@dataclass(frozen=True)
class Criterion:
    id: str
    code: str
    title: str  # the policy's words for the criterion
    rule: str
    source: str
    check: Check | None = None  # None: the data cannot show it; picked by hand

    @property
    def manual(self) -> bool:
        return self.check is None

    def reason(self, text: str) -> Reason:
        return Reason(self.code, text, self.rule, self.source, self.manual, self.title)

    def manual_reason(self) -> Reason:
        return Reason(self.code, self.title, self.rule, self.source, True, self.title)


CRITERIA: dict[str, Criterion] = {}


def criterion(id: str, code: str, title: str, rule: str, source: str):
    """Register a check as the criterion `id`."""

    def register(check: Check) -> Check:
        _add(Criterion(id, code, title, rule, source, check))
        return check

    return register


def manual(id: str, code: str, title: str, rule: str, source: str) -> None:
    """Register a criterion the administrator picks by hand."""
    _add(Criterion(id, code, title, rule, source))


def _add(c: Criterion) -> None:
    if c.id in CRITERIA:
        raise ValueError(f"criterion {c.id} registered twice")
    CRITERIA[c.id] = c


# Facts in words, shared by the councils' criteria.


def _code_words(code: str, meaning: str) -> str:
    if meaning == code:
        return code
    if not meaning[:2].isupper():
        meaning = meaning[0].lower() + meaning[1:]
    return f"{code} ({meaning})"


def placement_words(code: str) -> str:
    return _code_words(code, labels.placement(code))


def legal_words(code: str) -> str:
    return _code_words(code, labels.legal_status(code))


def place_change_words(code: str) -> str:
    return f"{code} ({PLACE_CHANGE[code]})" if code in PLACE_CHANGE else code


def plan_words(primary: str) -> str:
    return PLAN_WORDS.get(primary, primary.replace("_", " "))


def weeks_between(a: date, b: date) -> int:
    return (b - a).days // 7


def in_care_words(ctx: Context) -> str:
    period = ctx.period
    assert period is not None
    weeks = weeks_between(period.start, ctx.sitting)
    return f"looked after since {fmt(period.start)} ({weeks} weeks at the sitting)"


def current_episode(ctx: Context) -> Episode | None:
    period = ctx.period
    if period is None:
        return None
    return next((e for e in reversed(period.episodes) if e.start <= ctx.sitting), None)


def current_plan(ctx: Context):
    """The latest version of the permanence plan agreed in the current period of care."""
    period = ctx.period
    if period is None:
        return None
    plans = [p for p in ctx.child.recorded.plans if period.start <= p.agreed <= ctx.sitting]
    return max(plans, key=lambda p: p.agreed, default=None)


def plan_text(ctx: Context) -> str:
    plan = current_plan(ctx)
    if plan is None:
        return "no permanence plan recorded yet"
    words = f"plan: {plan_words(plan.primary)} (agreed {fmt(plan.agreed)}"
    if plan.contingency:
        words += f", contingency {plan_words(plan.contingency)}"
    return words + ")"


def home_start(ctx: Context) -> Placement | None:
    """The current placement, counted from when the child moved in with these carers:
    a change of placement type with the same carers (RNE T or B) is the same home."""
    period = ctx.period
    placement = ctx.case.current_placement
    if period is None or placement is None:
        return None
    moved_in = period.start
    for e in period.episodes:
        if e.start > ctx.sitting:
            break
        if e.reason_new in NEW_CARERS:
            moved_in = e.start
    placements = ctx.case.placements(period)
    return next((p for p in placements if p.start >= moved_in), placement)


def in_permanent_placement(ctx: Context) -> Placement | None:
    placement = ctx.case.current_placement
    if placement is not None and placement.placement in PERMANENT_PLACEMENTS:
        return placement
    return None


def natural_key(child_id: str) -> tuple:
    """C2 before C10."""
    out: list = []
    digits = ""
    text = ""
    for ch in child_id:
        if ch.isdigit():
            if text:
                out.append((1, text))
                text = ""
            digits += ch
        else:
            if digits:
                out.append((0, int(digits)))
                digits = ""
            text += ch
    if digits:
        out.append((0, int(digits)))
    if text:
        out.append((1, text))
    return tuple(out)

"""National measures for the 12 months ending on an as-of date (POLICY-RULES.md,
"National measures"), each with the children behind every number.

- Short-term placement stability: children looked after on D (short breaks only left
  out) with 3 or more placements in the 12 months ending D.
- Long-term placement stability: children under 16 on D, looked after continuously for
  at least 2.5 years, in the same placement for at least 2 years (or placed for
  adoption, with the adoptive placement and the one before lasting 2 years together).
- Adoption timeliness A1, A2, A10: mean days over the children adopted in the period.
- Outcomes on leaving care: periods of care that ended in the period, by reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from permanence.domain.care import (
    ADOPTION_PLACEMENTS,
    PeriodOfCare,
    Placement,
    clip_to,
    periods_of_care,
    placements_of,
)
from permanence.domain.model import Child
from permanence.workingdays import add_months

ADOPTED = frozenset({"E11", "E12"})
OUTCOME_GROUPS: dict[str, frozenset[str]] = {
    "adoption": ADOPTED,
    "sgo": frozenset({"E43", "E44", "E45", "E46", "E47", "E48"}),
    "cao": frozenset({"E41"}),
    "planned_return_home": frozenset({"E4A"}),
    "unplanned_return_home": frozenset({"E4B"}),
}
OUTCOME_ORDER = (*OUTCOME_GROUPS, "other")

# The SSDA903 tables the measures read; the others (reviews above all) need not be loaded.
TABLES = frozenset({"header", "episodes", "ad1", "placed_for_adoption"})


@dataclass
class Ratio:
    numerator: list[str] = field(default_factory=list)
    denominator: list[str] = field(default_factory=list)

    @property
    def percent(self) -> float | None:
        if not self.denominator:
            return None
        return round(100 * len(self.numerator) / len(self.denominator), 1)

    def as_json(self) -> dict:
        return {
            "numerator": len(self.numerator),
            "denominator": len(self.denominator),
            "percent": self.percent,
        }


@dataclass(frozen=True)
class Adoption:
    """One adoption in the period, with the dates each measure runs between."""

    child: str
    entered_care: date
    moved_in: date  # with the adoptive family (A1)
    clock_stopped: date  # A10: the foster placement's start where the foster carers adopted
    authority: date | None  # LS E1/D1 start: court authority to place
    matched: date | None
    adopted: date

    @property
    def a1(self) -> int:
        return (self.moved_in - self.entered_care).days

    @property
    def a10(self) -> int:
        return (self.clock_stopped - self.entered_care).days

    @property
    def a2(self) -> int | None:
        if self.authority is None or self.matched is None:
            return None
        return max(0, (self.matched - self.authority).days)


@dataclass
class Measures:
    as_of: date
    period_start: date
    short_term: Ratio = field(default_factory=Ratio)
    long_term: Ratio = field(default_factory=Ratio)
    adoptions: list[Adoption] = field(default_factory=list)
    outcomes: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in OUTCOME_ORDER})

    def mean(self, values: Iterable[int | None]) -> float | None:
        xs = [v for v in values if v is not None]
        return round(sum(xs) / len(xs), 1) if xs else None

    def as_json(self) -> dict:
        """The contract of POLICY-RULES.md, "Machine-readable output"."""
        return {
            "as_of": self.as_of.isoformat(),
            "short_term_stability": self.short_term.as_json(),
            "long_term_stability": self.long_term.as_json(),
            "adoption": {
                "a1_days": self.mean(a.a1 for a in self.adoptions),
                "a2_days": self.mean(a.a2 for a in self.adoptions),
                "a10_days": self.mean(a.a10 for a in self.adoptions),
                "children": len(self.adoptions),
            },
            "outcomes": {k: len(v) for k, v in self.outcomes.items()},
        }

    def children_behind(self) -> dict[str, list[str]]:
        """Every number's children, for analysts to check and for the tracker."""
        return {
            "short_term_stability.numerator": self.short_term.numerator,
            "short_term_stability.denominator": self.short_term.denominator,
            "long_term_stability.numerator": self.long_term.numerator,
            "long_term_stability.denominator": self.long_term.denominator,
            "adoption.children": [a.child for a in self.adoptions],
            **{f"outcomes.{k}": v for k, v in self.outcomes.items()},
        }


def period_start_for(as_of: date) -> date:
    """The first day of the 12 months ending on `as_of` (1 April for 31 March)."""
    return add_months(as_of, -12) + timedelta(days=1)


def measure(children: Iterable[Child], as_of: date) -> Measures:
    m = Measures(as_of, period_start_for(as_of))
    for child in children:
        add_child(m, child)
    return m


def add_child(m: Measures, child: Child) -> None:
    last = child.episodes[-1] if child.episodes else None
    if last is None or (last.end is not None and last.end < m.period_start):
        return  # left care before the year: in no measure of it
    episodes = clip_to(child, m.as_of)
    if not episodes:
        return
    periods = periods_of_care(episodes)
    _stability(m, child, periods)
    for period in periods:
        end = period.end
        if end is None or not (m.period_start <= end <= m.as_of):
            continue
        reason = period.end_reason or ""
        group = next((g for g, codes in OUTCOME_GROUPS.items() if reason in codes), "other")
        m.outcomes[group].append(child.id)
        if reason in ADOPTED:
            adoption = _adoption(child, period)
            if adoption is not None:
                m.adoptions.append(adoption)


def _stability(m: Measures, child: Child, periods: list[PeriodOfCare]) -> None:
    current = periods[-1]
    if not current.covers(m.as_of) or current.short_breaks_only:
        return
    start = m.period_start
    in_year = [
        e
        for p in periods
        for e in p.episodes
        if (e.end is None or e.end > start) and e.start <= m.as_of
    ]
    if all(e.is_short_break for e in in_year):
        return
    m.short_term.denominator.append(child.id)
    starts = sum(
        1 for e in in_year if e.starts_placement and not e.is_short_break and e.start >= start
    )
    # The placement in force on the first day began before it; one that began that day is
    # already a start in the window. Placements, not episodes: an RNE L change on the
    # first day does not end the placement.
    in_force = any(
        pl.covers(start) and pl.start < start
        for p in periods
        if not p.short_breaks_only
        for pl in placements_of(p)
    )
    if starts + in_force >= 3:
        m.short_term.numerator.append(child.id)

    age = child.age_on(m.as_of)
    if age is None or age >= 16 or current.start > add_months(m.as_of, -30):
        return
    m.long_term.denominator.append(child.id)
    placements = [p for p in placements_of(current) if p.start <= m.as_of]
    two_years = add_months(m.as_of, -24)
    last = placements[-1]
    if last.start <= two_years or (
        last.placement in ADOPTION_PLACEMENTS
        and len(placements) > 1
        and placements[-2].start <= two_years
    ):
        m.long_term.numerator.append(child.id)


def _adoption(child: Child, period: PeriodOfCare) -> Adoption | None:
    placements: list[Placement] = placements_of(period)
    adoptive = next((p for p in placements if p.placement in ADOPTION_PLACEMENTS), None)
    # Adopted by foster carers, the child may never have had an A3-A6 placement: the last
    # placement is then the home they were adopted from.
    moved_in = adoptive or placements[-1]
    by_foster_carer = any(d.by_foster_carer for d in child.adoption_decisions)
    clock = moved_in.start
    if by_foster_carer:
        i = placements.index(moved_in)
        if moved_in.placement in ADOPTION_PLACEMENTS and i > 0:
            clock = placements[i - 1].start
    authority = next((e.start for e in period.episodes if e.legal_status in ("E1", "D1")), None)
    matches = [d.matched for d in child.adoption_decisions if d.matched is not None]
    return Adoption(
        child=child.id,
        entered_care=period.start,
        moved_in=moved_in.start,
        clock_stopped=clock,
        authority=authority,
        matched=max(matches) if matches else None,
        adopted=period.end,  # type: ignore[arg-type]
    )

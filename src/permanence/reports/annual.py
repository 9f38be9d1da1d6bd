"""Bolton's annual indicators (11.3 "Measuring impact for the child", rule bolton.reports):
the seven bullets, each counted over a financial year (1 April to 31 March) with its
definition, its source and the children behind the number, and set beside the year before
when the data hold that year too.

The SSDA903 return shows most of them; brothers and sisters placed together need what
people record in Permanence; stepping up to children's social care is in neither, and
the report says so rather than give a number.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from permanence.domain.care import KINSHIP_PLACEMENTS, LONG_TERM_FOSTER_PLACEMENTS
from permanence.domain.model import Child
from permanence.reports.common import (
    financial_year_start,
    fmt,
    year_label,
    years_covered,
)
from permanence.rules.engine import Case
from permanence.ssda903 import labels
from permanence.workingdays import ENGLAND_AND_WALES

POLICY = "Bolton Permanence policy, 11.3 Measuring impact for the child"
RETURN_HOME = "E4A"
CARE_ORDERS = frozenset({"C1", "C2"})
LESSER_ORDERS = {
    "E41": "child arrangements order",
    "E43": "special guardianship order",
    "E44": "special guardianship order",
    "E45": "special guardianship order to former foster carers",
    "E46": "special guardianship order to carers other than former foster carers",
    "E47": "special guardianship order to relatives or friends",
    "E48": "special guardianship order to other carers",
}
AT_HOME_OR_FAMILY = frozenset({"P1"}) | KINSHIP_PLACEMENTS


@dataclass(frozen=True)
class Behind:
    """A child behind a number, and what in their record put them there."""

    child: str
    detail: str


@dataclass
class Indicator:
    key: str
    title: str  # the policy's words
    definition: str
    source: str
    value: int | None  # None: the data cannot give it (see `note`)
    children: list[Behind] = field(default_factory=list)
    previous: int | None = None
    better: str = "up"  # "up", "down": which way is better, as the policy puts it
    note: str = ""

    @property
    def change(self) -> int | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous

    @property
    def direction(self) -> str:
        """'better', 'worse' or 'no change' against the year before; '' if not compared."""
        change = self.change
        if change is None:
            return ""
        if change == 0:
            return "no change"
        return "better" if (change > 0) == (self.better == "up") else "worse"


@dataclass
class AnnualReport:
    year_end: date
    indicators: list[Indicator]
    compared: bool  # the data hold the year before, and it is shown

    @property
    def year_start(self) -> date:
        return financial_year_start(self.year_end)

    @property
    def label(self) -> str:
        return year_label(self.year_end)

    @property
    def previous_label(self) -> str:
        return year_label(self.year_end.replace(year=self.year_end.year - 1))


def annual_report(
    children: Iterable[Child],
    year_end: date,
    siblings: Mapping[str, Sequence[str]] | None = None,
    *,
    compare: bool | None = None,
) -> AnnualReport:
    """The seven indicators for the financial year ending on `year_end` (a 31 March).

    `siblings`: each child's recorded brothers and sisters, by how they are placed
    ("together", "apart", "not_known"); None when the source records none (a return).
    `compare`: set beside the year before; by default when the data hold that year.
    """
    children = list(children)
    before = year_end.replace(year=year_end.year - 1)
    if compare is None:
        compare = before in years_covered(children, year_end)
    current = _indicators(children, year_end, siblings)
    if compare:
        previous = {i.key: i for i in _indicators(children, before, None)}
        for ind in current:
            if ind.key in previous and ind.key not in ("siblings_together", "step_up"):
                ind.previous = previous[ind.key].value
    return AnnualReport(year_end=year_end, indicators=current, compared=compare)


def _indicators(
    children: list[Child], year_end: date, siblings: Mapping[str, Sequence[str]] | None
) -> list[Indicator]:
    start = financial_year_start(year_end)
    at_home: list[Behind] = []
    home: list[Behind] = []
    discharged: list[Behind] = []
    matched: list[Behind] = []
    moved: list[Behind] = []
    in_year: list[str] = []
    looked_after: list[str] = []
    for child in children:
        case = Case(child, year_end, ENGLAND_AND_WALES)
        if not case.care_periods:
            continue

        def within(day: date | None) -> bool:
            return day is not None and start <= day <= year_end

        current = case.current_placement
        if current is not None:
            looked_after.append(child.id)
            if current.placement in AT_HOME_OR_FAMILY:
                at_home.append(
                    Behind(child.id, f"{current.placement}: {labels.placement(current.placement)}")
                )
        if any(p.end is None or p.end > start for p in case.care_periods):
            in_year.append(child.id)

        returned: list[str] = []
        lesser: list[str] = []
        ltf: list[str] = []
        for period in case.care_periods:
            placements = case.placements(period)
            ended = period.end if within(period.end) else None
            last_status = period.episodes[-1].legal_status
            last_place = placements[-1].placement
            if ended is not None and period.end_reason == RETURN_HOME:
                returned.append(f"returned home {fmt(ended)} (REC E4A)")
            if ended is not None and last_status in CARE_ORDERS:
                reason = period.end_reason or ""
                if reason in LESSER_ORDERS:
                    lesser.append(
                        f"care order ({last_status}) ended {fmt(ended)}:"
                        f" {LESSER_ORDERS[reason]} (REC {reason})"
                    )
                elif reason == RETURN_HOME and last_place == "P1":
                    lesser.append(
                        f"care order ({last_status}) ended {fmt(ended)} living with parents"
                        " (P1, REC E4A)"
                    )
            for p in placements:
                if not within(p.start):
                    continue
                if p.placement == "P1" and p.start != period.start:
                    returned.append(f"placed with parents {fmt(p.start)} (P1)")
                if p.placement in LONG_TERM_FOSTER_PLACEMENTS:
                    ltf.append(f"long-term foster placement from {fmt(p.start)} ({p.placement})")
        for o in child.recorded.orders:
            if o.kind == "supervision" and within(o.made):
                lesser.append(f"supervision order made {fmt(o.made)}")
        for d in child.recorded.decisions:
            if d.kind == "long_term_match" and d.outcome == "approved" and within(d.made):
                ltf.append(f"long-term match ratified {fmt(d.made)}")
        for items, out in ((returned, home), (lesser, discharged), (ltf, matched)):
            if items:
                out.append(Behind(child.id, "; ".join(items)))
        moves = [
            p
            for period in case.periods
            if not period.short_breaks_only
            for p in case.placements(period)
            if p.is_move and within(p.start)
        ]
        if len(moves) >= 3:
            moved.append(
                Behind(
                    child.id,
                    f"{len(moves)} moves: " + ", ".join(fmt(p.start) for p in moves),
                )
            )

    label = f"the year {fmt(start)} to {fmt(year_end)}"
    return [
        Indicator(
            key="at_home_or_family",
            title="Children supported to stay at home or with family and connected carers",
            definition=(
                f"Children looked after on {fmt(year_end)} placed with their parents (P1) or"
                " with family or friends as foster carers (U1, U2, U3). Children supported at"
                " home without becoming looked after are not in the 903 and not counted."
            ),
            source=f"{POLICY}; SSDA903 episodes (PLACE)",
            value=len(at_home),
            children=at_home,
            note=f"of {len(looked_after)} children looked after on {fmt(year_end)}",
        ),
        Indicator(
            key="rehabilitated",
            title="Children rehabilitated to the care of their parents",
            definition=(
                f"Children who went home to their parents in {label}: care ended with REC E4A"
                " (returned home as part of the care plan), or a move to a placement with"
                " parents (P1) while still looked after."
            ),
            source=f"{POLICY}; SSDA903 episodes (REC, PLACE)",
            value=len(home),
            children=home,
        ),
        Indicator(
            key="orders_discharged",
            title=(
                "Children whose care orders are discharged due to living with parents or"
                " transfer to a lesser order"
            ),
            definition=(
                f"Children on a care order (LS C1 or C2) whose care ended in {label} with a"
                " child arrangements order (REC E41) or a special guardianship order"
                " (REC E43 to E48), or whose care order ended while placed with parents"
                " (P1, REC E4A); and supervision orders recorded as made in the year."
            ),
            source=f"{POLICY}; SSDA903 episodes (LS, PLACE, REC); court orders recorded",
            value=len(discharged),
            children=discharged,
        ),
        Indicator(
            key="ltf_matched",
            title="Children matched in long-term foster care",
            definition=(
                f"Children with a placement in long-term foster care (U1, U4) starting in"
                f" {label}, or a long-term match ratified in it (decision recorded in"
                " Permanence)."
            ),
            source=f"{POLICY}; SSDA903 episodes (RNE, PLACE); decisions recorded",
            value=len(matched),
            children=matched,
        ),
        Indicator(
            key="three_moves",
            title="Placement stability: children changing placements three or more times",
            definition=(
                f"Children with three or more placement moves in {label} (a move is a"
                " placement start that is not the start of a period of care; short breaks"
                " left out). The policy looks for a decrease: fewer is better."
            ),
            source=f"{POLICY}; SSDA903 episodes (RNE)",
            value=len(moved),
            children=moved,
            better="down",
            note=f"of {len(in_year)} children looked after at some time in the year",
        ),
        _siblings(siblings, looked_after, year_end),
        Indicator(
            key="step_up",
            title="Cases stepping up to children's social care",
            definition=(
                "Families whose support steps up from early help to children's social care."
            ),
            source=f"{POLICY}; not in the SSDA903 return or in Permanence",
            value=None,
            better="down",
            note=(
                "Not in the SSDA903 return: it counts children looked after, not referrals"
                " from early help, and Permanence does not record them. No number is given;"
                " take it from the early help and children in need systems."
            ),
        ),
    ]


def _siblings(
    siblings: Mapping[str, Sequence[str]] | None, looked_after: list[str], year_end: date
) -> Indicator:
    ind = Indicator(
        key="siblings_together",
        title="Siblings placed together",
        definition=(
            f"Children looked after on {fmt(year_end)} with a brother or sister recorded as"
            " living with them (recorded 'placed together'). Brothers and sisters are"
            " recorded as they are now, so the year before cannot be compared."
        ),
        source=f"{POLICY}; brothers and sisters recorded in Permanence (not in the 903)",
        value=None,
    )
    recorded = {c: list(siblings[c]) for c in looked_after if siblings and siblings.get(c)}
    if not recorded:
        ind.note = (
            "Needs recording: no brothers or sisters are recorded for the children looked"
            " after. Record each on the child's page (Add a brother or sister), with"
            " whether they live together."
        )
        return ind
    for child, placed in sorted(recorded.items()):
        together = placed.count("together")
        if together:
            ind.children.append(
                Behind(
                    child, f"lives with {together} of {len(placed)} brothers or sisters recorded"
                )
            )
    apart = sum(1 for placed in recorded.values() if "apart" in placed)
    ind.value = len(ind.children)
    ind.note = (
        f"of {len(recorded)} children looked after with brothers or sisters recorded;"
        f" {apart} live apart from at least one"
    )
    return ind

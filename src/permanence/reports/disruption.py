"""Disruption analysis (Blackburn with Darwen, "Stability and Unplanned Ending Meetings",
rule blackburn.stability_meeting): "quarterly meetings ... to discuss the outcome of
disruption meetings. An analysis and recommendations will be collated to put into an
annual report".

A placement ended unplanned when the child moved on with a REASON_PLACE_CHANGE of
`permanence.rules.blackburn.UNPLANNED_ENDINGS` (the carer, the child or an allegation
ended it, or the provider closed or lost approval). Each ending is dated by the day the
child moved (the next placement's first day, the 903's DEC of the episode that ended)
and falls in the financial quarter (April to June, ...) holding that day. For each: was
an Unplanned Ending and Disruption Meeting held (a recorded meeting of kind
"disruption", from the day before the move), how many days after, and was a stability
meeting held while the home was at risk (kind "stability", during the placement).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from permanence.domain.model import Child
from permanence.reports.common import (
    financial_year_start,
    quarter_end,
    quarter_label,
    quarters_of,
    reason_words,
    year_label,
)
from permanence.rules.blackburn import UNPLANNED_ENDINGS
from permanence.rules.engine import Case
from permanence.ssda903 import labels
from permanence.workingdays import ENGLAND_AND_WALES

RULE = "blackburn.stability_meeting"
SOURCE = "Blackburn with Darwen Permanence policy, 8 Stability and Unplanned Ending Meetings"


@dataclass(frozen=True)
class Ending:
    child: str
    ended: date  # the day the child moved on
    placement: str  # the placement that ended ("" when it began before the data)
    started: date | None  # when that placement began
    reason: str
    meetings_known: bool  # the source records meetings (a return does not)
    meeting: date | None = None  # the disruption meeting
    stability: date | None = None  # a stability meeting during the placement

    @property
    def placement_label(self) -> str:
        return labels.placement(self.placement) if self.placement else "Not in the data"

    @property
    def reason_label(self) -> str:
        return reason_words(self.reason)

    @property
    def quarter(self) -> date:
        return quarter_end(self.ended)

    @property
    def days_to_meeting(self) -> int | None:
        return (self.meeting - self.ended).days if self.meeting is not None else None

    @property
    def meeting_words(self) -> str:
        if self.meeting is not None:
            days = self.days_to_meeting
            return f"held {self.meeting:%d %b %Y} ({days} day{'' if days == 1 else 's'} after)"
        return "none recorded" if self.meetings_known else "not known (not in the 903)"

    @property
    def stability_words(self) -> str:
        if self.stability is not None:
            return f"held {self.stability:%d %b %Y}"
        return "none recorded" if self.meetings_known else "not known (not in the 903)"


@dataclass
class Summary:
    """The endings of a quarter, or of the year, counted the ways the meetings look at them."""

    start: date
    end: date
    label: str
    endings: list[Ending] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.endings)

    @property
    def children(self) -> list[str]:
        return sorted({e.child for e in self.endings})

    @property
    def by_placement(self) -> list[tuple[str, str, int]]:
        n = Counter(e.placement for e in self.endings)
        return [
            (code, labels.placement(code) if code else "Not in the data", k)
            for code, k in sorted(n.items())
        ]

    @property
    def by_reason(self) -> list[tuple[str, str, int]]:
        n = Counter(e.reason for e in self.endings)
        return [(code, reason_words(code), k) for code, k in sorted(n.items())]

    @property
    def with_meeting(self) -> int:
        return sum(1 for e in self.endings if e.meeting is not None)

    @property
    def without_meeting(self) -> int:
        return sum(1 for e in self.endings if e.meeting is None and e.meetings_known)

    @property
    def meeting_not_known(self) -> int:
        return sum(1 for e in self.endings if not e.meetings_known)

    @property
    def stability_before(self) -> int:
        return sum(1 for e in self.endings if e.stability is not None)

    @property
    def mean_days_to_meeting(self) -> float | None:
        days = [e.days_to_meeting for e in self.endings if e.days_to_meeting is not None]
        return round(sum(days) / len(days), 1) if days else None


@dataclass
class DisruptionReport:
    year_end: date
    as_of: date  # endings up to this day
    quarters: list[Summary]
    year: Summary

    @property
    def label(self) -> str:
        return year_label(self.year_end)


def disruption_report(
    children: Iterable[Child], year_end: date, as_of: date | None = None
) -> DisruptionReport:
    """Unplanned endings in the financial year ending on `year_end`, by quarter, up to
    `as_of` (default the year's end); meetings recorded up to `as_of` count."""
    as_of = min(as_of or year_end, year_end)
    start = financial_year_start(year_end)
    endings = sorted(
        (e for c in children for e in endings_of(c, start, as_of)),
        key=lambda e: (e.ended, e.child),
    )
    quarters = [
        Summary(qs, qe, quarter_label(qe), [e for e in endings if qs <= e.ended <= qe])
        for qs, qe in quarters_of(year_end)
        if qs <= as_of
    ]
    year = Summary(start, as_of, f"Year {year_label(year_end)}", endings)
    return DisruptionReport(year_end, as_of, quarters, year)


def endings_of(child: Child, start: date, as_of: date) -> list[Ending]:
    """The child's placements that ended unplanned between `start` and `as_of`."""
    case = Case(child, as_of, ENGLAND_AND_WALES)
    known = case.knows("meetings")
    meetings = [m for m in child.recorded.meetings if m.held <= as_of]
    disruption = sorted(m.held for m in meetings if m.kind == "disruption")
    stability = sorted(m.held for m in meetings if m.kind == "stability")
    out = []
    for period in case.periods:
        if period.short_breaks_only:
            continue
        placements = case.placements(period)
        for i, p in enumerate(placements):
            if not (p.is_move and start <= p.start <= as_of):
                continue
            if p.reason_place_change not in UNPLANNED_ENDINGS:
                continue
            before = placements[i - 1] if i else None
            out.append(
                Ending(
                    child=child.id,
                    ended=p.start,
                    placement=before.placement if before else "",
                    started=before.start if before else None,
                    reason=p.reason_place_change,
                    meetings_known=known,
                    meeting=next((d for d in disruption if d >= p.start - timedelta(days=1)), None),
                    stability=next(
                        (
                            d
                            for d in reversed(stability)
                            if d <= p.start and (before is None or d >= before.start)
                        ),
                        None,
                    ),
                )
            )
    return out

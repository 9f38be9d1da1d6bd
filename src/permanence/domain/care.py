"""What derives from a child's episodes: periods of care, placements, legal status, moves.

Definitions follow POLICY-RULES.md, "Conventions":
- a period of care starts at the child's earliest episode or after a gap, and continues
  while each episode's DEC equals the next episode's DECOM;
- a placement starts at an episode with RNE S, P, B, T or U; RNE L changes only the
  legal status;
- a placement move is a placement start that is not the start of a period of care;
- short breaks (LS V3/V4) are not periods of care for review or permanence rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from permanence.domain.model import Child, Episode, Review

FOSTER_PLACEMENTS = frozenset({"U1", "U2", "U3", "U4", "U5", "U6"})
KINSHIP_PLACEMENTS = frozenset({"U1", "U2", "U3"})
LONG_TERM_FOSTER_PLACEMENTS = frozenset({"U1", "U4"})
ADOPTION_PLACEMENTS = frozenset({"A3", "A4", "A5", "A6"})
RESIDENTIAL_PLACEMENTS = frozenset({"K1", "K2", "R1", "S1"})
EMERGENCY_LEGAL_STATUSES = frozenset({"L1", "L2", "L3"})


@dataclass(frozen=True, slots=True)
class LegalStatusSpan:
    status: str
    start: date
    end: date | None


@dataclass(frozen=True, slots=True)
class Placement:
    """A placement: from a placement start to the next one, across legal-status changes."""

    start: date
    end: date | None
    placement: str  # PLACE of the episode that started it
    provider: str
    is_move: bool
    reason_place_change: str  # why the previous placement ended, if it was a move

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or self.end > day)

    def days_to(self, day: date) -> int:
        return ((self.end if self.end is not None and self.end < day else day) - self.start).days


@dataclass(frozen=True, slots=True)
class PeriodOfCare:
    episodes: tuple[Episode, ...]
    began_before_data: bool  # its earliest episode is not RNE S: it started before the return
    start: date = field(init=False)
    end: date | None = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "start", self.episodes[0].start)
        object.__setattr__(self, "end", self.episodes[-1].end)

    @property
    def end_reason(self) -> str | None:
        return self.episodes[-1].reason_end if self.end is not None else None

    @property
    def short_breaks_only(self) -> bool:
        return all(e.is_short_break for e in self.episodes)

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or self.end > day)

    def contains(self, day: date) -> bool:
        """`day` falls within the period, its last day included (reviews on the day care ends)."""
        return self.start <= day and (self.end is None or day <= self.end)

    def placements(self) -> list[Placement]:
        return placements_of(self)

    def legal_statuses(self) -> list[LegalStatusSpan]:
        return legal_status_spans(self.episodes)

    def reviews(self, reviews: Iterable[Review]) -> list[Review]:
        return [r for r in reviews if self.contains(r.date)]


def clip_to(child: Child, as_of: date) -> list[Episode]:
    """The child's episodes as known on `as_of`: later starts dropped, later ends reopened."""
    out = []
    for e in child.episodes:
        if e.start > as_of:
            break
        if e.end is not None and e.end > as_of:
            e = replace(e, end=None, reason_end=None)
        out.append(e)
    return out


def periods_of_care(episodes: Sequence[Episode]) -> list[PeriodOfCare]:
    """Split sorted episodes into periods of care (POLICY-RULES, Conventions)."""
    periods: list[PeriodOfCare] = []
    run: list[Episode] = []
    for e in episodes:
        if run and run[-1].end is not None and run[-1].end != e.start:
            periods.append(_period(run, first=not periods))
            run = []
        run.append(e)
    if run:
        periods.append(_period(run, first=not periods))
    return periods


def _period(run: list[Episode], first: bool) -> PeriodOfCare:
    """A period is known to start in the data when it opens with RNE S.

    Only the child's earliest period can have begun before a return reaches; a later
    period that opens without RNE S is a recording error, and is treated as starting
    where it starts.
    """
    return PeriodOfCare(tuple(run), began_before_data=first and run[0].reason_new != "S")


def placements_of(period: PeriodOfCare) -> list[Placement]:
    eps = period.episodes
    starts = [i for i, e in enumerate(eps) if i == 0 or e.starts_placement]
    out = []
    for k, i in enumerate(starts):
        e = eps[i]
        end = eps[starts[k + 1]].start if k + 1 < len(starts) else period.end
        out.append(
            Placement(
                start=e.start,
                end=end,
                placement=e.placement,
                provider=e.provider,
                is_move=i > 0 or (period.began_before_data and e.starts_placement),
                reason_place_change=eps[i - 1].reason_place_change if i > 0 else "",
            )
        )
    return out


def legal_status_spans(episodes: Sequence[Episode]) -> list[LegalStatusSpan]:
    spans: list[LegalStatusSpan] = []
    status = start = end = None
    for e in episodes:
        if status == e.legal_status and end == e.start:
            end = e.end
            continue
        if status is not None:
            spans.append(LegalStatusSpan(status, start, end))
        status, start, end = e.legal_status, e.start, e.end
    if status is not None:
        spans.append(LegalStatusSpan(status, start, end))
    return spans


def moves_between(periods: Iterable[PeriodOfCare], after: date, upto: date) -> list[Placement]:
    """Placement moves dated in (after, upto], short breaks left out."""
    return [
        p
        for period in periods
        if not period.short_breaks_only
        for p in placements_of(period)
        if p.is_move and after < p.start <= upto
    ]

"""A panel as the council's profile describes it, and what it proposes for one child.

When a panel sits is worked out from its frequency and usual day. A usual day that is
a bank holiday moves to the next working day of the same week and month, or else to the
working day before it, so that a monthly panel never slips into the next month and a
weekly one never meets twice in a week.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from permanence.rules.engine import fmt
from permanence.workingdays import ENGLAND_AND_WALES, WorkingDayCalendar

FREQUENCIES = ("weekly", "fortnightly", "monthly", "as_arranged")
GROUPINGS = ("team_manager", "team", "")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
THURSDAY = 3
# Fortnightly panels alternate from this Monday unless the profile gives an anchor.
FORTNIGHT_ANCHOR = date(2024, 1, 1)


def day_words(d: date) -> str:
    return f"{DAYS[d.weekday()]} {fmt(d)}"


@dataclass(frozen=True)
class PanelDefinition:
    """One panel or tracking meeting of a council, read from its profile ([panels.<key>])."""

    profile: str
    key: str
    name: str
    frequency: str
    weekday: int | None
    chair: str
    chair_words: str
    invited: tuple[str, ...]
    slot_minutes: int
    notice_days: int
    papers_days: int
    papers_thursday_before: bool
    group_by: str
    meeting_kind: str
    rule: str
    source: str
    # Beyond the shared contract: which week of the month a monthly panel sits (1-4, or
    # -1 for the last), the criteria it asks about (permanence.panels.criteria ids),
    # what of the above is the product's default rather than the policy's, how far back
    # "since the previous sitting" reaches when no earlier hearing is recorded, and the
    # first sitting a fortnightly panel counts from.
    week_of_month: int = 1
    criteria: tuple[str, ...] = ()
    default_note: str = ""
    lookback_days: int = 35
    anchor: date | None = None

    def sittings(
        self, start: date, end: date, calendar: WorkingDayCalendar = ENGLAND_AND_WALES
    ) -> list[date]:
        """The proposed sittings from `start` to `end`, both included (none as arranged)."""
        if self.frequency == "as_arranged" or self.weekday is None or end < start:
            return []
        out = {
            day
            for usual in self._usual_days(start - timedelta(days=7), end + timedelta(days=7))
            if start <= (day := on_working_day(usual, calendar)) <= end
        }
        return sorted(out)

    def _usual_days(self, start: date, end: date) -> list[date]:
        assert self.weekday is not None
        if self.frequency == "monthly":
            out = []
            year, month = start.year, start.month
            while date(year, month, 1) <= end:
                day = nth_weekday(year, month, self.weekday, self.week_of_month)
                if start <= day <= end:
                    out.append(day)
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
            return out
        first = start + timedelta(days=(self.weekday - start.weekday()) % 7)
        days = []
        day = first
        while day <= end:
            days.append(day)
            day += timedelta(days=7)
        if self.frequency == "fortnightly":
            anchor = self.anchor or FORTNIGHT_ANCHOR
            days = [d for d in days if ((d - anchor).days // 7) % 2 == 0]
        return days

    def usual_day(
        self, sitting: date, calendar: WorkingDayCalendar = ENGLAND_AND_WALES
    ) -> date | None:
        """The day the panel would sit had no bank holiday moved it (None as arranged)."""
        if self.frequency == "as_arranged" or self.weekday is None:
            return None
        window = self._usual_days(sitting - timedelta(days=6), sitting + timedelta(days=6))
        return next((d for d in window if on_working_day(d, calendar) == sitting), None)

    def sitting_note(self, sitting: date, calendar: WorkingDayCalendar = ENGLAND_AND_WALES) -> str:
        """Why a sitting is not on the panel's usual day, in words ("" when it is)."""
        usual = self.usual_day(sitting, calendar)
        if usual is None or usual == sitting:
            return ""
        holiday = calendar.bank_holidays(usual.year).get(usual, "not a working day")
        return f"moved from {day_words(usual)} ({holiday}) to {day_words(sitting)}"

    def invite_by(self, sitting: date) -> date:
        """Invitations, and the list of children, go out by this day."""
        return sitting - timedelta(days=self.notice_days)

    def papers_by(self, sitting: date) -> date:
        """Papers (records up to date) by this day: `papers_days` before, or, where the
        policy says so, by the end of the Thursday before the sitting, even when that
        Thursday is a bank holiday (the policy names the day)."""
        if self.papers_thursday_before:
            return sitting - timedelta(days=(sitting.weekday() - THURSDAY - 1) % 7 + 1)
        return sitting - timedelta(days=self.papers_days)

    def papers_note(self, sitting: date, calendar: WorkingDayCalendar = ENGLAND_AND_WALES) -> str:
        """The papers deadline in words, saying when it falls on a bank holiday or weekend."""
        by = self.papers_by(sitting)
        if self.papers_thursday_before:
            words = f"by the end of {day_words(by)}, the Thursday before the panel"
        else:
            words = f"by {day_words(by)}, {self.papers_days} days before the panel"
        holiday = calendar.bank_holidays(by.year).get(by)
        if holiday is not None:
            if self.papers_thursday_before:
                words += (
                    f". {fmt(by)} is a bank holiday ({holiday}); the policy names the"
                    " Thursday, so it is still the deadline: upload the papers before it"
                )
            else:
                words += f". {fmt(by)} is a bank holiday ({holiday})"
        elif by.weekday() >= 5:
            words += f". {fmt(by)} is a {DAYS[by.weekday()]}"
        return words


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The nth `weekday` of the month (n = 1..4), or the last one (n = -1)."""
    if n == -1:
        last = (date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)) - timedelta(
            days=1
        )
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def on_working_day(day: date, calendar: WorkingDayCalendar = ENGLAND_AND_WALES) -> date:
    """`day`, or where it is not a working day the next working day of the same week and
    month, or else the working day before it."""
    if calendar.is_working_day(day):
        return day
    after = calendar.add_working_days(day, 1)
    if after.isocalendar()[:2] == day.isocalendar()[:2] and after.month == day.month:
        return after
    before = day - timedelta(days=1)
    while not calendar.is_working_day(before):
        before -= timedelta(days=1)
    return before if before.month == day.month else after


@dataclass(frozen=True)
class Reason:
    """Why a child is proposed for a panel: the criterion's label in the policy and the
    facts that meet it, so that the panel administrator can check them."""

    code: str
    text: str
    rule: str
    source: str
    manual: bool = False
    title: str = ""  # the criterion in the policy's words


@dataclass(frozen=True)
class Proposal:
    child_id: str
    reasons: tuple[Reason, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.reasons)

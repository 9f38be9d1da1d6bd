"""What the reports share: financial years and quarters, the words for plans and for the
reasons a placement changed, and money and dates as people read them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta

from permanence.domain.model import Child

# Routes to permanence (domain.model.PermanencePlan.primary), in the words the pages use.
PLAN_WORDS = {
    "home": "Return home to parents",
    "kinship_order": "Living with family or friends under an order",
    "sgo": "Special guardianship order",
    "cao": "Child arrangements order",
    "adoption": "Adoption",
    "long_term_fostering": "Long-term fostering",
    "residential": "Residential care",
}

# SSDA903 REASON_PLACE_CHANGE, in the words of the DfE's children looked after guide.
REASON_PLACE_CHANGE_WORDS = {
    "CARPL": "Change to or implementation of the care plan",
    "CLOSE": "Resignation or closure of the provision",
    "ALLEG": "Allegation (section 47)",
    "STAND": "Standards of care concern",
    "APPRR": "Approval removed",
    "CREQB": "Carer requests the placement end because of the child's behaviour",
    "CREQO": "Carer requests the placement end for another reason",
    "CHILD": "Child requests the placement end",
    "LAREQ": "The local authority requests the placement end",
    "PLACE": "Change in the status of the placement only",
    "CUSTOD": "Custody arrangement",
    "OTHER": "Other",
}

_MONTHS = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_QUARTER_ENDS = ((6, 30), (9, 30), (12, 31), (3, 31))


def plan_words(code: str) -> str:
    return PLAN_WORDS.get(code, code)


def reason_words(code: str) -> str:
    return REASON_PLACE_CHANGE_WORDS.get(code, code or "Not given")


def financial_year_end(day: date) -> date:
    """The 31 March that ends the financial year (April to March) holding `day`."""
    return date(day.year if day.month <= 3 else day.year + 1, 3, 31)


def financial_year_start(year_end: date) -> date:
    return date(year_end.year - 1, 4, 1)


def last_year_end(day: date) -> date:
    """The latest 31 March on or before `day`: the last complete financial year."""
    return date(day.year if (day.month, day.day) >= (3, 31) else day.year - 1, 3, 31)


def year_label(year_end: date) -> str:
    """'2024-25' for the year ending 31 March 2025."""
    return f"{year_end.year - 1}-{year_end.year % 100:02d}"


def quarter_end(day: date) -> date:
    """The last day of the financial quarter holding `day` (30 June, 30 September,
    31 December or 31 March)."""
    if day.month <= 3:
        return date(day.year, 3, 31)
    if day.month <= 6:
        return date(day.year, 6, 30)
    if day.month <= 9:
        return date(day.year, 9, 30)
    return date(day.year, 12, 31)


def quarter_start(end: date) -> date:
    return date(end.year, end.month - 2, 1)


def is_quarter_end(day: date) -> bool:
    return (day.month, day.day) in _QUARTER_ENDS


def last_complete_quarter(today: date) -> date:
    """The end of the latest quarter that is over by `today` (a quarter's last day is
    still being worked, so on 30 June the last complete quarter ends on 31 March)."""
    return quarter_end(quarter_start(quarter_end(today)) - timedelta(days=1))


def quarter_number(end: date) -> int:
    """1 for April to June ... 4 for January to March."""
    return {6: 1, 9: 2, 12: 3, 3: 4}[quarter_end(end).month]


def quarters_of(year_end: date) -> list[tuple[date, date]]:
    """The four quarters (start, end) of the financial year ending on `year_end`."""
    y = year_end.year - 1
    ends = [date(y, 6, 30), date(y, 9, 30), date(y, 12, 31), date(y + 1, 3, 31)]
    return [(quarter_start(e), e) for e in ends]


def quarter_label(end: date) -> str:
    """'Q1 2024-25 (April to June 2024)'."""
    start = quarter_start(end)
    months = f"{start:%B} to {end:%B} {end.year}"
    return f"Q{quarter_number(end)} {year_label(financial_year_end(end))} ({months})"


def recent_quarters(today: date, count: int = 8) -> list[date]:
    """The ends of the last `count` complete quarters, latest first."""
    out = [last_complete_quarter(today)]
    while len(out) < count:
        out.append(quarter_end(quarter_start(out[-1]) - timedelta(days=1)))
    return out


def fmt(d: date | None) -> str:
    """Dates as people in children's services write them: 05 Jan 2024."""
    if d is None:
        return ""
    return f"{d.day:02d} {_MONTHS[d.month]} {d.year}"


def pounds(value: float | None) -> str:
    """'£1,234' (whole pounds); an empty string when there is no figure."""
    if value is None:
        return ""
    return f"£{value:,.0f}"


def years_covered(children: Iterable[Child], as_of: date) -> list[date]:
    """The financial years (by their 31 March, oldest first, none after `as_of`) the data
    holds in full.

    A yearly return holds the episodes open at any time in its year, so episodes that
    ended in a year show that year's return is there; a year with only a handful of
    ended episodes (under a tenth of the busiest year's) is the edge of a later return
    and is left out. With no ended episode at all, the last year before `as_of` counts
    when anyone was looked after on its last day.
    """
    ended: Counter[date] = Counter()
    children = list(children)
    for child in children:
        for e in child.episodes:
            if e.end is not None and e.end <= as_of:
                ended[financial_year_end(e.end)] += 1
    last = last_year_end(as_of)
    if not ended:
        anyone = any(e.covers(last) for c in children for e in c.episodes)
        return [last] if anyone else []
    enough = max(1, max(ended.values()) // 10)
    return sorted(y for y, n in ended.items() if n >= enough and y <= last)

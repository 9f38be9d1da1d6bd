"""Fast dd/mm/YYYY parsing.

A return holds few distinct dates (a few thousand days) but up to millions of date fields,
so each distinct string is parsed once, by slicing, and remembered. No strptime per row.
"""

from __future__ import annotations

from datetime import date

# Years outside this range are typing errors in a children's services return.
MIN_YEAR = 1900
MAX_YEAR = 2100

EXPECTED = "expected dd/mm/YYYY"


def parse_date(text: str) -> date | None:
    """The date in `text` (dd/mm/YYYY; a one-digit day or month is accepted, as by the
    DfE validator's `%d/%m/%Y`), or None when it is blank or not a date."""
    s = text.strip()
    parts = s.split("/")
    if len(parts) != 3:
        return None
    d, m, y = parts
    if not (0 < len(d) <= 2 and 0 < len(m) <= 2 and len(y) == 4):
        return None
    if not (
        d.isdigit() and m.isdigit() and y.isdigit() and d.isascii() and m.isascii() and y.isascii()
    ):
        return None
    year = int(y)
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, int(m), int(d))
    except ValueError:
        return None


def why_not_a_date(text: str) -> str:
    """Why `text` was refused by `parse_date` (for a problem message)."""
    s = text.strip()
    if not s:
        return "blank"
    parts = s.split("/")
    if (
        len(parts) == 3
        and all(p.isdigit() and p.isascii() for p in parts)
        and 0 < len(parts[0]) <= 2
        and 0 < len(parts[1]) <= 2
        and len(parts[2]) == 4
    ):
        year = int(parts[2])
        if not MIN_YEAR <= year <= MAX_YEAR:
            return f"year {year} is not plausible ({EXPECTED})"
        return f"not a real date ({EXPECTED})"
    return f"not a date ({EXPECTED})"


class DateCache(dict[str, date | None]):
    """Remembers each distinct date string: `cache[text]` is a plain dict lookup after the
    first time (the date, or None when `text` is blank or not a date)."""

    def __missing__(self, text: str) -> date | None:
        value = self[text] = parse_date(text)
        return value

"""Check one row of a table and turn it into domain values.

The CSV and XML readers hand every row here as a tuple of strings in the table's DfE
column order (see `tables.py`), so both forms are checked by the same code. A converter
returns `(child, key, value)` for a row that is used (`key` tells a child's rows apart, to
de-duplicate them across returns) or None for a row that is not, and reports every bad
field as a `Problem`.

Rules:
- a row whose essential fields are unusable (the CHILD id; episodes DECOM; reviews REVIEW)
  is not used: every problem of that row is reported with row_used=False;
- a bad code is kept as given (stripped) and reported as an error; a code that is valid
  once upper-cased is read upper-cased, with a warning;
- a bad date in any other field becomes None and is reported as an error.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Protocol

from permanence.domain.model import (
    AdoptionDecision,
    Episode,
    MissingEpisode,
    PlacedForAdoption,
    PreviousPermanence,
    Review,
    SourceRef,
)

from . import codes
from .dates import DateCache, why_not_a_date
from .problems import ERROR, WARNING, Problem


class Positions(Protocol):
    """Where each field of an XML row is, as (line, 1-based column); CSV rows have none."""

    def get(self, field: str) -> tuple[int, int]: ...


# (column name, value as found, reason, severity)
Issue = tuple[str, str, str, str]
Converted = tuple[str, Any, Any] | None


class FileContext:
    """What the converters need while reading one file: its name, the date cache and
    the list problems go to."""

    __slots__ = ("file", "rank", "dates", "problems", "only")

    def __init__(
        self,
        file: str,
        rank: int,
        dates: DateCache,
        problems: list[Problem] | None = None,
        only: frozenset[str] | None = None,
    ):
        self.file = file
        self.rank = rank
        self.dates = dates
        self.problems: list[Problem] = [] if problems is None else problems
        self.only = only  # tables to convert; None = all that Permanence uses

    def wanted(self, table: str) -> bool:
        return self.only is None or table in self.only

    def report(
        self,
        line: int | None,
        positions: Positions | None,
        issues: list[Issue],
        row_used: bool,
        child: str | None,
    ) -> None:
        for field, value, reason, severity in issues:
            at_line, column = (line, None) if positions is None else positions.get(field)
            self.problems.append(
                Problem(
                    self.file,
                    at_line,
                    field,
                    value,
                    reason,
                    severity,
                    row_used,
                    column,
                    child or None,
                )
            )


def _code(value: str, field: str, valid: frozenset[str], required: bool, iss: list[Issue]) -> str:
    """Slow path for a value that is not (as found) in `valid`: blank, padded, lower case
    or wrong. Returns the value to keep."""
    text = value.strip()
    if not text:
        if required:
            iss.append(
                (field, value, f"blank: a {codes.DESCRIPTIONS[field]} code is required", ERROR)
            )
        return ""
    if text in valid:
        return text
    upper = text.upper()
    if upper in valid:
        iss.append((field, value, f"read as '{upper}' (codes are upper case)", WARNING))
        return upper
    iss.append((field, value, f"not a valid {codes.DESCRIPTIONS[field]} code", ERROR))
    return text


def _bad_date(
    value: str, field: str, required: bool, iss: list[Issue], consequence: str = ""
) -> None:
    """Report a date field that did not parse (`value` blank or not a date). A bad optional
    date is read as blank; `consequence` says what else follows, if anything."""
    reason = why_not_a_date(value)
    if reason == "blank":
        if not required:
            return
        reason = "blank: a date is required"
    elif not required:
        reason += "; read as blank"
    if consequence:
        reason += f"; {consequence}"
    iss.append((field, value, reason, ERROR))


def _child(value: str, iss: list[Issue]) -> str:
    child = value.strip()
    if not child:
        iss.append(("CHILD", value, "blank: the row has no child id", ERROR))
    return child


# --- episodes: CHILD DECOM RNE LS CIN PLACE PLACE_PROVIDER DEC REC REASON_PLACE_CHANGE
#               HOME_POST PL_POST URN

_RNE, _LS, _CIN, _PLACE = codes.RNE, codes.LS, codes.CIN, codes.PLACE
_PROVIDER, _REC, _RPC = codes.PLACE_PROVIDER, codes.REC, codes.REASON_PLACE_CHANGE


def episode(v: tuple[str, ...], ctx: FileContext, line: int, pos: Positions | None) -> Converted:
    iss: list[Issue] = []
    child = v[0].strip()
    if not child:
        _child(v[0], iss)
    dates = ctx.dates
    start = dates[v[1]]
    if start is None:
        _bad_date(v[1], "DECOM", True, iss)
    rne = v[2]
    if rne not in _RNE:
        rne = _code(rne, "RNE", _RNE, True, iss)
    ls = v[3]
    if ls not in _LS:
        ls = _code(ls, "LS", _LS, True, iss)
    cin = v[4]
    if cin not in _CIN:
        cin = _code(cin, "CIN", _CIN, True, iss)
    place = v[5]
    if place not in _PLACE:
        place = _code(place, "PLACE", _PLACE, True, iss)
    provider = v[6]
    if provider and provider not in _PROVIDER:
        provider = _code(provider, "PLACE_PROVIDER", _PROVIDER, False, iss)
    dec = v[7]
    end = dates[dec] if dec else None
    if end is None and dec:
        _bad_date(dec, "DEC", False, iss)
    elif end is not None and start is not None and end < start:
        iss.append(("DEC", dec, f"before DECOM {v[1].strip()}; read as blank", ERROR))
        end = None
    rec = v[8]
    if rec and rec not in _REC:
        rec = _code(rec, "REC", _REC, False, iss)
    if end is not None and not rec:
        iss.append(("REC", rec, "blank although DEC is given (DfE rule 148)", ERROR))
    elif end is None and rec and not dec.strip():
        iss.append(
            (
                "REC",
                rec,
                "given although DEC is blank (DfE rule 148); episode read as open",
                WARNING,
            )
        )
    rpc = v[9]
    if rpc and rpc not in _RPC:
        rpc = _code(rpc, "REASON_PLACE_CHANGE", _RPC, False, iss)
    used = bool(child) and start is not None
    if iss:
        ctx.report(line, pos, iss, used, child)
    if not used:
        return None
    return (
        child,
        start,
        Episode(
            start,
            rne,
            ls,
            place,
            end,
            rec or None,
            cin,
            provider,
            rpc,
            v[12].strip(),
            SourceRef(ctx.file, line),
        ),
    )


# --- reviews: CHILD DOB REVIEW REVIEW_CODE

_REVIEW_CODE = codes.REVIEW_CODE


def review(v: tuple[str, ...], ctx: FileContext, line: int, pos: Positions | None) -> Converted:
    child = v[0].strip()
    day = ctx.dates[v[2]]
    code = v[3]
    if child and day is not None and code in _REVIEW_CODE:
        return child, day, Review(day, code, SourceRef(ctx.file, line))
    iss: list[Issue] = []
    if not child:
        _child(v[0], iss)
    if day is None:
        _bad_date(v[2], "REVIEW", True, iss)
    if code not in _REVIEW_CODE:
        code = _code(code, "REVIEW_CODE", _REVIEW_CODE, True, iss)
    used = bool(child) and day is not None
    ctx.report(line, pos, iss, used, child)
    if not used:
        return None
    return child, day, Review(day, code, SourceRef(ctx.file, line))


# --- header: CHILD SEX DOB ETHNIC UPN MOTHER MC_DOB


def header(v: tuple[str, ...], ctx: FileContext, line: int, pos: Positions | None) -> Converted:
    iss: list[Issue] = []
    child = v[0].strip()
    if not child:
        _child(v[0], iss)
    sex = v[1]
    if sex not in codes.SEX:
        sex = _code(sex, "SEX", codes.SEX, True, iss)
    dob = ctx.dates[v[2]]
    if dob is None:
        _bad_date(v[2], "DOB", True, iss, "date of birth unknown")
    ethnic = v[3]
    if ethnic not in codes.ETHNIC:
        ethnic = _code(ethnic, "ETHNIC", codes.ETHNIC, True, iss)
    if v[6] and ctx.dates[v[6]] is None:
        _bad_date(v[6], "MC_DOB", False, iss)
    used = bool(child)
    if iss:
        ctx.report(line, pos, iss, used, child)
    if not used:
        return None
    return child, "", (dob, sex, ethnic)


# --- uasc: CHILD SEX DOB DUC


def uasc(v: tuple[str, ...], ctx: FileContext, line: int, pos: Positions | None) -> Converted:
    iss: list[Issue] = []
    child = _child(v[0], iss)
    duc = ctx.dates[v[3]]
    if duc is None:
        _bad_date(v[3], "DUC", True, iss)
    used = bool(child)
    if iss:
        ctx.report(line, pos, iss, used, child)
    return (child, "", duc) if used else None


# --- missing: CHILD DOB MISSING MIS_START MIS_END


def missing(v: tuple[str, ...], ctx: FileContext, line: int, pos: Positions | None) -> Converted:
    iss: list[Issue] = []
    child = _child(v[0], iss)
    kind = v[2]
    if kind not in codes.MISSING:
        kind = _code(kind, "MISSING", codes.MISSING, True, iss)
    start = ctx.dates[v[3]]
    if start is None:
        _bad_date(v[3], "MIS_START", True, iss)
    end = ctx.dates[v[4]] if v[4] else None
    if end is None and v[4]:
        _bad_date(v[4], "MIS_END", False, iss)
    elif end is not None and start is not None and end < start:
        iss.append(("MIS_END", v[4], f"before MIS_START {v[3].strip()}; read as blank", ERROR))
        end = None
    used = bool(child)
    if iss:
        ctx.report(line, pos, iss, used, child)
    if not used:
        return None
    return child, (kind, start or v[3].strip()), MissingEpisode(kind, start, end)


# --- previous_permanence: CHILD DOB PREV_PERM LA_PERM DATE_PERM


def _partial_date_ok(text: str) -> bool:
    """DATE_PERM may be partial: each of dd, mm, YYYY may be z's ("zz/zz/2014")."""
    parts = text.split("/")
    if len(parts) != 3:
        return False
    for part, size in zip(parts, (2, 2, 4), strict=True):
        if len(part) != size or not (part.isdigit() or part.lower() == "z" * size):
            return False
    return True


def previous_permanence(
    v: tuple[str, ...], ctx: FileContext, line: int, pos: Positions | None
) -> Converted:
    iss: list[Issue] = []
    child = _child(v[0], iss)
    kind = v[2]
    if kind not in codes.PREV_PERM:
        kind = _code(kind, "PREV_PERM", codes.PREV_PERM, True, iss)
    date_text = v[4].strip()
    if date_text and not _partial_date_ok(date_text):
        iss.append(
            (
                "DATE_PERM",
                v[4],
                "not a date (expected dd/mm/YYYY, unknown parts as zz/zz/zzzz); kept as text",
                ERROR,
            )
        )
    used = bool(child)
    if iss:
        ctx.report(line, pos, iss, used, child)
    if not used:
        return None
    return child, "", PreviousPermanence(kind, v[3].strip(), date_text)


# --- ad1: CHILD DOB DATE_INT DATE_MATCH FOSTER_CARE NB_ADOPTR SEX_ADOPTR LS_ADOPTR


def _optional_date(
    v: tuple[str, ...], i: int, field: str, ctx: FileContext, iss: list[Issue]
) -> date | None:
    text = v[i]
    if not text:
        return None
    value = ctx.dates[text]
    if value is None:
        _bad_date(text, field, False, iss)
    return value


def _optional_code(v: tuple[str, ...], i: int, field: str, iss: list[Issue]) -> str:
    text = v[i]
    valid = codes.BY_FIELD[field]
    if text and text not in valid:
        return _code(text, field, valid, False, iss)
    return text


def ad1(v: tuple[str, ...], ctx: FileContext, line: int, pos: Positions | None) -> Converted:
    iss: list[Issue] = []
    child = _child(v[0], iss)
    decided = _optional_date(v, 2, "DATE_INT", ctx, iss)
    matched = _optional_date(v, 3, "DATE_MATCH", ctx, iss)
    foster = _optional_code(v, 4, "FOSTER_CARE", iss)
    adopters = _optional_code(v, 5, "NB_ADOPTR", iss)
    sex = _optional_code(v, 6, "SEX_ADOPTR", iss)
    legal = _optional_code(v, 7, "LS_ADOPTR", iss)
    used = bool(child)
    if iss:
        ctx.report(line, pos, iss, used, child)
    if not used:
        return None
    by_foster_carer = True if foster == "1" else False if foster == "0" else None
    value = AdoptionDecision(
        decided, matched, by_foster_carer, adopters, sex, legal, SourceRef(ctx.file, line)
    )
    return child, decided or v[2].strip(), value


# --- placed_for_adoption: CHILD DOB DATE_PLACED DATE_PLACED_CEASED REASON_PLACED_CEASED


def placed_for_adoption(
    v: tuple[str, ...], ctx: FileContext, line: int, pos: Positions | None
) -> Converted:
    iss: list[Issue] = []
    child = _child(v[0], iss)
    decided = ctx.dates[v[2]]
    if decided is None:
        _bad_date(v[2], "DATE_PLACED", True, iss)
    ceased = _optional_date(v, 3, "DATE_PLACED_CEASED", ctx, iss)
    reason = _optional_code(v, 4, "REASON_PLACED_CEASED", iss)
    used = bool(child)
    if iss:
        ctx.report(line, pos, iss, used, child)
    if not used:
        return None
    value = PlacedForAdoption(decided, ceased, reason, SourceRef(ctx.file, line))
    return child, decided or v[2].strip(), value


Converter = Callable[[tuple[str, ...], FileContext, int, Positions | None], Converted]

CONVERTERS: dict[str, Converter] = {
    "header": header,
    "episodes": episode,
    "reviews": review,
    "uasc": uasc,
    "missing": missing,
    "previous_permanence": previous_permanence,
    "ad1": ad1,
    "placed_for_adoption": placed_for_adoption,
}

# What the de-duplication key is made of, for messages.
KEY_FIELDS = {
    "header": "CHILD",
    "episodes": "CHILD and DECOM",
    "reviews": "CHILD and REVIEW",
    "uasc": "CHILD",
    "missing": "CHILD, MISSING and MIS_START",
    "previous_permanence": "CHILD",
    "ad1": "CHILD and DATE_INT",
    "placed_for_adoption": "CHILD and DATE_PLACED",
}

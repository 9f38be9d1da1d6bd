"""Writing synthetic children as an SSDA903 return: CSV files and/or the XML form.

Rows are streamed to the files child by child; nothing is built up for the whole return.
A return is either the full history (every episode of the children in the file) or, with
split years, one return per collection year holding the episodes, reviews and other rows
of that year, as a council's yearly returns would: an episode still open at a year's end
is written there with DEC, REC and REASON_PLACE_CHANGE empty, and again, closed, in the
year it ended. Read together, the yearly returns give back the full history.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TextIO

from .days import add_years
from .records import (
    SynthAdoption,
    SynthCareLeaver,
    SynthChild,
    SynthEpisode,
    SynthHealth,
    SynthMissing,
    SynthPlacedForAdoption,
    SynthPreviousPermanence,
    SynthReview,
)

# The CSV tables in the DfE column order, with their file names (without ".csv").
TABLES: dict[str, tuple[str, ...]] = {
    "header": ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
    "episodes": (
        "CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
        "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN",
    ),
    "reviews": ("CHILD", "DOB", "REVIEW", "REVIEW_CODE"),
    "uasc": ("CHILD", "SEX", "DOB", "DUC"),
    "oc2": (
        "CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK",
        "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE",
        "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED",
    ),
    "oc3": ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"),
    "missing": ("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"),
    "previous_permanence": ("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"),
    "ad1": (
        "CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR",
        "LS_ADOPTR",
    ),
    "placed_for_adoption": (
        "CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED",
    ),
}  # fmt: skip

# The 2024-25 return (from 1 April 2024) codes SEX as M/F/U instead of 1/2.
SEX_LETTERS_FROM = date(2024, 4, 1)


class _DateText(dict):
    """dd/mm/YYYY for a date, each distinct date formatted once."""

    def __missing__(self, d: date | None) -> str:
        s = "" if d is None else f"{d.day:02d}/{d.month:02d}/{d.year:04d}"
        self[d] = s
        return s


@dataclass(slots=True)
class View:
    """One child's rows in one return."""

    child: SynthChild
    sex: str
    episodes: list[tuple[SynthEpisode, bool]] = field(default_factory=list)  # (e, closed)
    reviews: list[SynthReview] = field(default_factory=list)
    missing: list[tuple[SynthMissing, date | None]] = field(default_factory=list)
    adoption: SynthAdoption | None = None
    placed_for_adoption: list[tuple[SynthPlacedForAdoption, date | None, str]] = field(
        default_factory=list
    )
    health: SynthHealth | None = None
    care_leaver: SynthCareLeaver | None = None
    previous_permanence: SynthPreviousPermanence | None = None


def sex_code(sex: int, return_end: date) -> str:
    if return_end >= SEX_LETTERS_FROM:
        return "M" if sex == 1 else "F"
    return str(sex)


def full_view(c: SynthChild, year_end: date) -> View:
    """The child's rows in the full-history return ending on `year_end`."""
    v = View(c, sex_code(c.sex, year_end))
    v.episodes = [(e, True) for e in c.episodes]
    v.reviews = c.reviews
    v.missing = [(m, m.end) for m in c.missing]
    v.adoption = c.adoption
    v.placed_for_adoption = [(p, p.ceased, p.reason) for p in c.placed_for_adoption]
    v.health = next((h for h in c.health if h.year_end == year_end), None)
    v.care_leaver = next((o for o in c.care_leaver if o.year_end == year_end), None)
    v.previous_permanence = c.previous_permanence[-1] if c.previous_permanence else None
    return v


def collection_years(year_end: date, first: date) -> list[tuple[date, date]]:
    """(start, end) of each collection year, oldest first, from the one holding `first`
    to the one ending on `year_end`; a year ends on an anniversary of `year_end`."""
    out = []
    k = 0
    while True:
        end = add_years(year_end, -k)
        start = add_years(year_end, -k - 1) + timedelta(days=1)
        out.append((start, end))
        if start <= first:
            break
        k += 1
    out.reverse()
    return out


def year_view(c: SynthChild, start: date, end: date) -> View | None:
    """The child's rows in the yearly return for `start`..`end`, or None if none."""
    v = View(c, sex_code(c.sex, end))
    for e in c.episodes:
        if e.start <= end and (e.end is None or e.end >= start):
            v.episodes.append((e, e.end is not None and e.end <= end))
    v.care_leaver = next((o for o in c.care_leaver if o.year_end == end), None)
    if not v.episodes and v.care_leaver is None:
        return None
    v.reviews = [r for r in c.reviews if start <= r.date <= end]
    for m in c.missing:
        if m.start <= end and (m.end is None or m.end >= start):
            v.missing.append((m, m.end if m.end is not None and m.end <= end else None))
    a = c.adoption
    if a is not None and start <= a.adopted <= end:
        v.adoption = a
    if v.episodes:
        for p in c.placed_for_adoption:
            if p.decided <= end and (p.ceased is None or p.ceased >= start):
                if p.ceased is not None and p.ceased <= end:
                    v.placed_for_adoption.append((p, p.ceased, p.reason))
                else:
                    v.placed_for_adoption.append((p, None, ""))
    v.health = next((h for h in c.health if h.year_end == end), None)
    prev = [p for p in c.previous_permanence if p.period_start <= end]
    v.previous_permanence = prev[-1] if prev else None
    return v


class CsvReturn:
    """One return as CSV files, one per table, named `<prefix><table>.csv`."""

    def __init__(self, folder: Path, prefix: str = "") -> None:
        self.paths: dict[str, Path] = {}
        self.files: dict[str, TextIO] = {}
        self.counts: dict[str, int] = dict.fromkeys(TABLES, 0)
        for name, columns in TABLES.items():
            path = folder / f"{prefix}{name}.csv"
            f = open(path, "w", encoding="ascii", newline="\n", buffering=1 << 16)  # noqa: SIM115
            f.write(",".join(columns) + "\n")
            self.paths[name] = path
            self.files[name] = f
        self.dates = _DateText()

    def write(self, v: View) -> None:
        c = v.child
        dt = self.dates
        f = self.files
        n = self.counts
        cid = c.child
        dob = dt[c.dob]
        f["header"].write(f"{cid},{v.sex},{dob},{c.ethnic},{c.upn},{c.mother},{dt[c.mc_dob]}\n")
        n["header"] += 1
        if v.episodes:
            lines = []
            for e, closed in v.episodes:
                tail = f"{dt[e.end]},{e.rec},{e.reason_place_change}" if closed else ",,"
                lines.append(
                    f"{cid},{dt[e.start]},{e.rne},{e.ls},{e.cin},{e.place},{e.provider},"
                    f"{tail},{e.home_post},{e.pl_post},{e.urn}\n"
                )
            f["episodes"].write("".join(lines))
            n["episodes"] += len(lines)
        if v.reviews:
            f["reviews"].write("".join(f"{cid},{dob},{dt[r.date]},{r.code}\n" for r in v.reviews))
            n["reviews"] += len(v.reviews)
        if c.uasc:
            f["uasc"].write(f"{cid},{v.sex},{dob},{dt[c.duc]}\n")
            n["uasc"] += 1
        h = v.health
        if h is not None:
            f["oc2"].write(
                f"{cid},{dob},{h.sdq_score},{h.sdq_reason},{h.convicted},{h.health_check},"
                f"{h.immunisations},{h.teeth_check},{h.health_assessment},"
                f"{h.substance_misuse},{h.intervention_received},{h.intervention_offered}\n"
            )
            n["oc2"] += 1
        o = v.care_leaver
        if o is not None:
            f["oc3"].write(f"{cid},{dob},{o.in_touch},{o.activ},{o.accom}\n")
            n["oc3"] += 1
        if v.missing:
            f["missing"].write(
                "".join(f"{cid},{dob},{m.kind},{dt[m.start]},{dt[end]}\n" for m, end in v.missing)
            )
            n["missing"] += len(v.missing)
        p = v.previous_permanence
        if p is not None:
            f["previous_permanence"].write(f"{cid},{dob},{p.kind},{p.la},{p.date_text}\n")
            n["previous_permanence"] += 1
        a = v.adoption
        if a is not None:
            f["ad1"].write(
                f"{cid},{dob},{dt[a.decided]},{dt[a.matched]},{int(a.foster_care)},"
                f"{a.adopters},{a.adopters_sex},{a.adopters_legal_status}\n"
            )
            n["ad1"] += 1
        if v.placed_for_adoption:
            f["placed_for_adoption"].write(
                "".join(
                    f"{cid},{dob},{dt[p.decided]},{dt[ceased]},{reason}\n"
                    for p, ceased, reason in v.placed_for_adoption
                )
            )
            n["placed_for_adoption"] += len(v.placed_for_adoption)

    def close(self) -> None:
        for f in self.files.values():
            f.close()


def _el(tag: str, value: str) -> str:
    return f"<{tag}>{value}</{tag}>" if value else f"<{tag} />"


class XmlReturn:
    """One return in the XML form: EXPSSDA903 / CHILD (HEADER, EPISODE*), as the DfE
    upload and the validator's `fake_903.xml`. One CHILD per line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.file = open(path, "w", encoding="ascii", newline="\n", buffering=1 << 16)  # noqa: SIM115
        self.file.write("<?xml version='1.0' encoding='us-ascii'?>\n<EXPSSDA903>\n")
        self.dates = _DateText()
        self.children = 0

    def write(self, v: View) -> None:
        c = v.child
        dt = self.dates
        parts = [
            f"<CHILD><HEADER><CHILDID>{c.child}</CHILDID>{_el('UPN', c.upn)}"
            f"<SEX>{v.sex}</SEX><DOB>{dt[c.dob]}</DOB><ETHNIC>{c.ethnic}</ETHNIC>"
        ]
        if c.uasc:
            parts.append(f"<UASC>1</UASC><DUC>{dt[c.duc]}</DUC>")
        else:
            parts.append("<UASC />")
        a = v.adoption
        if a is not None:
            parts.append(
                f"<DATE_INT>{dt[a.decided]}</DATE_INT><DATE_MATCH>{dt[a.matched]}</DATE_MATCH>"
                f"<FOSTER_CARE>{int(a.foster_care)}</FOSTER_CARE>"
                f"<NB_ADOPTR>{a.adopters}</NB_ADOPTR><SEX_ADOPTR>{a.adopters_sex}</SEX_ADOPTR>"
                f"<LS_ADOPTR>{a.adopters_legal_status}</LS_ADOPTR>"
            )
        o = v.care_leaver
        if o is not None:
            parts.append(
                f"{_el('IN_TOUCH', o.in_touch)}{_el('ACTIV', o.activ)}{_el('ACCOM', o.accom)}"
            )
        for m, end in v.missing:
            parts.append(
                f"<AMISSING><MISSING>{m.kind}</MISSING><MIS_START>{dt[m.start]}</MIS_START>"
                f"{_el('MIS_END', dt[end])}</AMISSING>"
            )
        for r in v.reviews:
            parts.append(
                f"<AREVIEW><REVIEW>{dt[r.date]}</REVIEW><REVIEW_CODE>{r.code}</REVIEW_CODE>"
                "</AREVIEW>"
            )
        parts.append(f"{_el('MOTHER', c.mother)}{_el('MC_DOB', dt[c.mc_dob])}")
        p = v.previous_permanence
        if p is not None:
            parts.append(
                f"<PERMANENCE><PREV_PERM>{p.kind}</PREV_PERM>{_el('LA_PERM', p.la)}"
                f"{_el('DATE_PERM', p.date_text)}</PERMANENCE>"
            )
        h = v.health
        if h is not None:
            sdq = (
                f"<SDQ_SCORE>{h.sdq_score}</SDQ_SCORE>"
                if h.sdq_score
                else f"<SDQ_REASON>{h.sdq_reason}</SDQ_REASON>"
            )
            parts.append(
                f"<OC2>{sdq}<CONVICTED>{h.convicted}</CONVICTED>"
                f"<HEALTH_CHECK>{h.health_check}</HEALTH_CHECK>"
                f"<IMMUNISATIONS>{h.immunisations}</IMMUNISATIONS>"
                f"<TEETH_CHECK>{h.teeth_check}</TEETH_CHECK>"
                f"<HEALTH_ASSESSMENT>{h.health_assessment}</HEALTH_ASSESSMENT>"
                f"<SUBSTANCE_MISUSE>{h.substance_misuse}</SUBSTANCE_MISUSE>"
                f"<INTERVENTION_RECEIVED>{h.intervention_received}</INTERVENTION_RECEIVED>"
                f"<INTERVENTION_OFFERED>{h.intervention_offered}</INTERVENTION_OFFERED></OC2>"
            )
        for pfa, ceased, reason in v.placed_for_adoption:
            parts.append(
                f"<AD_PLACED><DATE_PLACED>{dt[pfa.decided]}</DATE_PLACED>"
                f"{_el('DATE_PLACED_CEASED', dt[ceased])}"
                f"{_el('REASON_PLACED_CEASED', reason)}</AD_PLACED>"
            )
        parts.append("</HEADER>")
        for e, closed in v.episodes:
            if closed:
                tail = (
                    f"{_el('DEC', dt[e.end])}{_el('REC', e.rec)}"
                    f"{_el('REASON_PLACE_CHANGE', e.reason_place_change)}"
                )
            else:
                tail = "<DEC /><REC /><REASON_PLACE_CHANGE />"
            parts.append(
                f"<EPISODE><DECOM>{dt[e.start]}</DECOM><RNE>{e.rne}</RNE><LS>{e.ls}</LS>"
                f"<CIN>{e.cin}</CIN><PL>{e.place}</PL><PL_POST>{e.pl_post}</PL_POST>"
                f"<HOME_POST>{e.home_post}</HOME_POST><URN>{e.urn}</URN>"
                f"<PLACE_PROVIDER>{e.provider}</PLACE_PROVIDER>{tail}</EPISODE>"
            )
        parts.append("</CHILD>\n")
        self.file.write("".join(parts))
        self.children += 1

    def close(self) -> None:
        self.file.write("</EXPSSDA903>\n")
        self.file.close()


class Return:
    """A return in the chosen formats ("csv", "xml")."""

    def __init__(self, folder: Path, prefix: str, formats: Iterable[str]) -> None:
        formats = tuple(formats)
        self.csv = CsvReturn(folder, prefix) if "csv" in formats else None
        self.xml = XmlReturn(folder / f"{prefix}ssda903.xml") if "xml" in formats else None
        self.children = 0
        self.episodes = 0
        self.reviews = 0

    def write(self, v: View) -> None:
        if self.csv is not None:
            self.csv.write(v)
        if self.xml is not None:
            self.xml.write(v)
        self.children += 1
        self.episodes += len(v.episodes)
        self.reviews += len(v.reviews)

    def close(self) -> None:
        if self.csv is not None:
            self.csv.close()
        if self.xml is not None:
            self.xml.close()

    def paths(self) -> list[Path]:
        out = list(self.csv.paths.values()) if self.csv is not None else []
        if self.xml is not None:
            out.append(self.xml.path)
        return out

"""`load_return`: read one or more SSDA903 returns (CSV folders, CSV files, XML files) into
the domain model, combining several returns and saying what was combined and how."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from permanence.domain.model import Child, Episode

from . import tables as T
from .dates import DateCache
from .problems import ERROR, WARNING, Problem, UnusableReturn
from .rows import KEY_FIELDS, FileContext
from .sources import FileResult, NotUtf8, looks_like_xml, read_csv, read_xml
from .store import Entry, Stores, where

PathArg = str | os.PathLike[str]

# Above this many bytes of input, a progress bar is shown (when stderr is a terminal).
PROGRESS_THRESHOLD = 5 * 1024 * 1024

_PLURAL = {
    "header": ("header row", "header rows"),
    "episodes": ("episode", "episodes"),
    "reviews": ("review", "reviews"),
    "uasc": ("uasc row", "uasc rows"),
    "missing": ("missing episode", "missing episodes"),
    "previous_permanence": ("previous permanence row", "previous permanence rows"),
    "ad1": ("adoption decision (ad1)", "adoption decisions (ad1)"),
    "placed_for_adoption": ("placed for adoption row", "placed for adoption rows"),
}


@dataclass
class Return:
    """A loaded SSDA903 return (or several combined).

    children: by CHILD id; each child's episodes and reviews are sorted.
    problems: every bad row or field, and every note on how a row was read, in file and
        line order.
    reconciliation: sentences saying what was combined, replaced or ended, with counts.
    tables: table name -> the files recognised as that table, in the order combined.
    """

    children: dict[str, Child]
    problems: list[Problem] = field(default_factory=list)
    reconciliation: list[str] = field(default_factory=list)
    tables: dict[str, list[str]] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]


@dataclass(frozen=True)
class _File:
    display: str
    path: Path
    kind: str  # "csv" or "xml"


_MIN = date.min


def _dmy(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


def _as_list(paths: PathArg | list[PathArg] | tuple[PathArg, ...]) -> list[PathArg]:
    if isinstance(paths, (str, os.PathLike)):
        return [paths]
    return list(paths)


def _discover(paths: PathArg | list[PathArg]) -> tuple[list[_File], list[str], list[str]]:
    """The files to read; the names of folder entries skipped (not .csv or .xml); and the
    XML files skipped because their folder holds CSV files (a folder is read as one form:
    CSV when it has any CSV file; an XML file is read when its own path is given)."""
    given = _as_list(paths)
    if not given:
        raise UnusableReturn("no SSDA903 files given")
    files: list[_File] = []
    skipped: list[str] = []
    xml_beside_csv: list[str] = []
    seen: set[Path] = set()
    for item in given:
        path = Path(item)
        shown = os.fspath(item)
        if not path.exists():
            raise UnusableReturn(f"{shown}: no such file or folder")
        if path.is_dir():
            try:
                entries = sorted(path.iterdir())
            except OSError as exc:
                raise UnusableReturn(f"{shown}: cannot be read ({exc.strerror or exc})") from exc
            found = [e for e in entries if e.is_file() and not e.name.startswith(".")]
            has_csv = any(e.suffix.lower() == ".csv" for e in found)
            for entry in found:
                suffix = entry.suffix.lower()
                if suffix not in (".csv", ".xml"):
                    skipped.append(entry.name)
                    continue
                if suffix == ".xml" and has_csv:
                    # usually the same return in its other form: read one form only
                    xml_beside_csv.append(os.path.join(shown, entry.name))
                    continue
                if entry.resolve() in seen:
                    continue
                seen.add(entry.resolve())
                files.append(_File(os.path.join(shown, entry.name), entry, suffix[1:]))
        elif path.is_file():
            if path.resolve() in seen:
                continue
            seen.add(path.resolve())
            is_xml = path.suffix.lower() == ".xml" or (
                path.suffix.lower() != ".csv" and looks_like_xml(path)
            )
            files.append(_File(shown, path, "xml" if is_xml else "csv"))
        else:
            raise UnusableReturn(f"{shown}: not a file or folder")
    # Later returns replace earlier ones: file-name order, then the full name as given.
    files.sort(key=lambda f: (f.path.name, f.display))
    return files, skipped, xml_beside_csv


class _Bar:
    """A tqdm progress bar on stderr by bytes read, or nothing."""

    def __init__(self, total: int, enabled: bool | None):
        if enabled is None:
            try:
                enabled = bool(sys.stderr and sys.stderr.isatty()) and total > PROGRESS_THRESHOLD
            except (AttributeError, ValueError):
                enabled = False
        self.bar: Any = None
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(
                total=total,
                unit="B",
                unit_scale=True,
                unit_divisor=1024,
                desc="Reading SSDA903",
                file=sys.stderr,
                leave=False,
            )

    def update(self, n: int) -> None:
        self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


class _Loader:
    def __init__(self, files: list[_File], skipped: list[str], xml_beside_csv: list[str]):
        self.files = files
        self.skipped = skipped
        self.xml_beside_csv = xml_beside_csv
        self.results: list[FileResult] = []
        self.problems: list[Problem] = []
        self.stores = Stores()
        self.episode_stats: Counter[str] = Counter()
        self.no_header: dict[str, tuple[int, int, int | None]] = {}
        self.header_ids: set[str] = set()

    # -- reading

    def read(
        self, progress: bool | None, windows_1252: set[Path], only: frozenset[str] | None = None
    ) -> None:
        total = 0
        for f in self.files:
            with contextlib.suppress(OSError):
                total += f.path.stat().st_size
        bar = _Bar(total, progress)
        shown = bar if bar.bar is not None else None
        dates = DateCache()
        try:
            for rank, f in enumerate(self.files):
                ctx = FileContext(f.display, rank, dates, only=only)
                if f.kind == "xml":
                    result = read_xml(f.path, ctx, self.stores, shown)
                else:
                    result = read_csv(f.path, ctx, self.stores, shown, f.path in windows_1252)
                self.results.append(result)
        finally:
            bar.close()
        for result in self.results:
            self.problems.extend(result.problems)

    def tables(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for table in T.TABLES:
            names = [r.file for r in self.results if table.name in r.counts]
            if names:
                found[table.name] = names
        return found

    # -- building children

    def build(self) -> dict[str, Child]:
        stores = self.stores.tables
        children: dict[str, Child] = {}
        for child_id, bucket in stores["header"].items():
            dob, sex, ethnic = bucket[""][3]
            children[child_id] = Child(child_id, dob=dob, sex=sex, ethnicity=ethnic)
        self.header_ids = set(children)

        def new(child_id: str, bucket: dict[Any, Entry]) -> Child:
            """A child with rows but no header row."""
            child = children[child_id] = Child(child_id)
            first = min(bucket.values(), key=lambda e: (e[0], e[1]))
            self.no_header[child_id] = (first[0], first[1], first[2])
            return child

        last_rank = max(
            (rank for rank, r in enumerate(self.results) if "episodes" in r.counts), default=-1
        )
        # (children.get(...) or new(...)): a Child is always true
        for child_id, bucket in stores["episodes"].items():
            child = children.get(child_id) or new(child_id, bucket)
            child.episodes = self._episodes(child_id, bucket, last_rank)
        for child_id, bucket in stores["reviews"].items():
            child = children.get(child_id) or new(child_id, bucket)
            child.reviews = [e[3] for e in bucket.values()]
        for child_id, bucket in stores["uasc"].items():
            (children.get(child_id) or new(child_id, bucket)).uasc_ceased = bucket[""][3]
        for child_id, bucket in stores["previous_permanence"].items():
            child = children.get(child_id) or new(child_id, bucket)
            child.previous_permanence = bucket[""][3]
        for child_id, bucket in stores["missing"].items():
            (children.get(child_id) or new(child_id, bucket)).missing = sorted(
                (e[3] for e in bucket.values()), key=lambda m: (m.start is None, m.start or _MIN)
            )
        for child_id, bucket in stores["ad1"].items():
            (children.get(child_id) or new(child_id, bucket)).adoption_decisions = sorted(
                (e[3] for e in bucket.values()),
                key=lambda a: (a.decided is None, a.decided or _MIN),
            )
        for child_id, bucket in stores["placed_for_adoption"].items():
            (children.get(child_id) or new(child_id, bucket)).placed_for_adoption = sorted(
                (e[3] for e in bucket.values()),
                key=lambda p: (p.decided is None, p.decided or _MIN),
            )
        for child in children.values():
            child.sort()

        if "header" in self.tables():
            for child_id, (rank, line, column) in self.no_header.items():
                self.problems.append(
                    Problem(
                        self.results[rank].file,
                        line,
                        "CHILD",
                        child_id,
                        "this child has no header row: date of birth, sex and ethnicity unknown",
                        WARNING,
                        True,
                        column,
                        child_id,
                    )
                )
        elif children:
            first = self.tables()["episodes"][0]
            self.problems.append(
                Problem(
                    first,
                    None,
                    None,
                    "",
                    "no header table was given: date of birth, sex "
                    "and ethnicity are unknown for every child",
                    WARNING,
                    True,
                )
            )
        return children

    def _episodes(self, child_id: str, bucket: dict[Any, Entry], last_rank: int) -> list[Episode]:
        """One child's episodes, in order, with overlaps resolved.

        - an episode from an earlier return that is open, or ends after the next episode
          starts, when the next episode comes from a later return: ended on the day the next
          episode starts (REC X1 where it was blank): the later return replaced it;
        - the same within one file: ended likewise, with a warning;
        - an episode from an earlier return that starts inside an episode of a later return:
          not used, with a warning (the later return does not have it).
        """
        entries = sorted(bucket.values(), key=lambda e: e[3].start)
        kept: list[Entry] = []
        stats = self.episode_stats
        for entry in entries:
            episode: Episode = entry[3]
            if kept:
                prev_entry = kept[-1]
                prev: Episode = prev_entry[3]
                if prev.end is None or prev.end > episode.start:
                    if prev_entry[0] > entry[0]:
                        stats["stale"] += 1
                        self._stale(child_id, entry, prev_entry)
                        continue
                    if prev_entry[0] == entry[0]:
                        stats["overlap"] += 1
                        self._overlap(child_id, prev_entry, entry)
                    else:
                        stats["replaced"] += 1
                    ended = replace(prev, end=episode.start, reason_end=prev.reason_end or "X1")
                    kept[-1] = (prev_entry[0], prev_entry[1], prev_entry[2], ended)
            kept.append(entry)
        if kept and kept[-1][3].end is None and kept[-1][0] < last_rank:
            rank, line, column, _ = kept[-1]
            stats["open_dropped_out"] += 1
            self.problems.append(
                Problem(
                    self.results[rank].file,
                    line,
                    "DEC",
                    "",
                    "episode still open in this "
                    "return, but the child has no episode in the later return "
                    f"{self.results[last_rank].file}: read as still open",
                    WARNING,
                    True,
                    column,
                    child_id,
                )
            )
        return [entry[3] for entry in kept]

    def _overlap(self, child_id: str, prev_entry: Entry, entry: Entry) -> None:
        rank, line, column, prev = prev_entry
        start = _dmy(entry[3].start)
        what = "is still open when" if prev.end is None else "ends after"
        self.problems.append(
            Problem(
                self.results[rank].file,
                line,
                "DEC",
                _dmy(prev.end),
                f"episode {what} "
                f"the next episode starts (DECOM {start}, {where(entry[1], entry[2])}): "
                f"ended on {start}",
                WARNING,
                True,
                column,
                child_id,
            )
        )

    def _stale(self, child_id: str, entry: Entry, later: Entry) -> None:
        rank, line, column, episode = entry
        self.problems.append(
            Problem(
                self.results[rank].file,
                line,
                "DECOM",
                _dmy(episode.start),
                "episode "
                "starts inside an episode of a later return "
                f"({self.results[later[0]].file} {where(later[1], later[2])}, DECOM "
                f"{_dmy(later[3].start)}) which does not have it: replaced by the later "
                "return",
                WARNING,
                False,
                column,
                child_id,
            )
        )

    # -- reporting

    def reconciliation(self, children: dict[str, Child]) -> list[str]:
        notes: list[str] = []
        tables = self.tables()
        n_files = len(self.files)
        episodes = sum(len(c.episodes) for c in children.values())
        reviews = sum(len(c.reviews) for c in children.values())
        errors = sum(1 for p in self.problems if p.severity == ERROR)
        warnings = len(self.problems) - errors
        notes.append(
            f"Loaded {_n(len(children), 'child', 'children')} ({_n(episodes, 'episode')}, "
            f"{_n(reviews, 'review')}) from {_n(n_files, 'file')}; "
            f"{_n(errors, 'error')} and {_n(warnings, 'warning')} reported."
        )
        several = {name: files for name, files in tables.items() if len(files) > 1}
        if several:
            parts = ", ".join(f"{name} ×{len(files)}" for name, files in several.items())
            notes.append(
                f"Tables given more than once were combined in file-name order, later files "
                f"replacing earlier ones: {parts}."
            )
        for table in T.TABLES:
            if table.used and self.stores.replaced[table.name]:
                one, many = _PLURAL[table.name]
                count = self.stores.replaced[table.name]
                notes.append(
                    f"{_n(count, one, many)} appeared in more than one return: "
                    f"the later return's row was kept."
                )
        for table in T.TABLES:
            if table.used and self.stores.duplicates[table.name]:
                one, many = _PLURAL[table.name]
                count = self.stores.duplicates[table.name]
                notes.append(
                    f"{_n(count, one, many)} repeated {KEY_FIELDS[table.name]} of an earlier "
                    f"row in the same file: the later row was used (warnings list them)."
                )
        stats = self.episode_stats
        if stats["replaced"]:
            notes.append(
                f"{_n(stats['replaced'], 'episode')} from an earlier return "
                f"{'was' if stats['replaced'] == 1 else 'were'} open or ran past the start of "
                "the next episode, which a later return gives: ended on the day the next "
                "episode starts (REC X1 where REC was blank)."
            )
        if stats["overlap"]:
            notes.append(
                f"{_n(stats['overlap'], 'episode')} overlapped the next episode in the same "
                "file: ended on the day the next episode starts (warnings list them)."
            )
        if stats["stale"]:
            notes.append(
                f"{_n(stats['stale'], 'episode')} from an earlier return started inside an "
                "episode of a later return that does not have it: not used (warnings list "
                "them)."
            )
        if stats["open_dropped_out"]:
            notes.append(
                f"{_n(stats['open_dropped_out'], 'child', 'children')} had an episode still "
                "open in an earlier return but no episode in the latest return: read as "
                "still open (warnings list them)."
            )
        if self.no_header and "header" in tables:
            notes.append(
                f"{_n(len(self.no_header), 'child', 'children')} had rows but no header row: "
                "loaded with date of birth, sex and ethnicity unknown (warnings list them)."
            )
        no_episodes = sum(1 for c in self.header_ids if not children[c].episodes)
        if no_episodes:
            notes.append(
                f"{_n(no_episodes, 'child', 'children')} in the header had no episodes: kept."
            )
        blank = sum(r.blank_rows for r in self.results)
        if blank:
            notes.append(f"{_n(blank, 'blank row')} skipped.")
        for table in T.TABLES:
            if not table.used and table.name in tables:
                rows = sum(r.counts.get(table.name, 0) for r in self.results)
                notes.append(
                    f"{table.name}: {_n(len(tables[table.name]), 'file')}, {_n(rows, 'row')} "
                    "recognised; not used by Permanence."
                )
        unrecognised = [
            r.file for r in self.results if not r.counts and any(not p.row_used for p in r.problems)
        ]
        if unrecognised:
            notes.append(
                f"Not recognised as SSDA903 tables, so not used: {', '.join(unrecognised)}."
            )
        encodings = [f"{r.file} ({r.note})" for r in self.results if r.note]
        if encodings:
            notes.append(f"Read with a fallback encoding: {', '.join(encodings)}.")
        if self.xml_beside_csv:
            notes.append(
                f"Not read: {', '.join(self.xml_beside_csv)}, an XML file in a folder of CSV "
                "files (taken to be the same return in XML form; give its path to read it)."
            )
        if self.skipped:
            verb = "is" if len(self.skipped) == 1 else "are"
            notes.append(
                f"Ignored {_n(len(self.skipped), 'file')} that {verb} not .csv or .xml: "
                f"{', '.join(self.skipped)}."
            )
        return notes

    def sorted_problems(self) -> list[Problem]:
        rank = {f.display: i for i, f in enumerate(self.files)}
        return sorted(
            self.problems,
            key=lambda p: (rank.get(p.file, len(rank)), p.line or 0, p.column or 0),
        )


def load_return(
    paths: PathArg | list[PathArg] | tuple[PathArg, ...],
    *,
    progress: bool | None = None,
    tables: Iterable[str] | None = None,
) -> Return:
    """Read an SSDA903 return into `Child` records.

    paths: a folder of CSV files, a CSV file, an XML file, or a list of these. Tables are
        recognised by their columns, never by file name. Several returns (e.g. five years
        in one folder) are combined in file-name order, later returns replacing earlier
        ones; `Return.reconciliation` says what was combined.
    progress: None shows a progress bar on stderr when it is a terminal and the input is
        over 5 MB; True or False force it on or off.
    tables: the tables a job needs (e.g. the measures need no reviews); the others are
        recognised and counted but neither converted nor checked. None reads them all.

    Raises UnusableReturn (one-line message) when a path is missing, a file cannot be read
    or is not well-formed XML, or there is no episodes table.
    """
    files, skipped, xml_beside_csv = _discover(paths)
    windows_1252: set[Path] = set()
    was_enabled = gc.isenabled()
    gc.disable()  # millions of small objects: the cyclic collector would double the time
    try:
        while True:
            loader = _Loader(files, skipped, xml_beside_csv)
            try:
                loader.read(progress, windows_1252, None if tables is None else frozenset(tables))
                break
            except NotUtf8 as exc:  # rare: start again, reading that file as Windows-1252
                windows_1252.add(exc.path)
        return _finish(loader, paths)
    finally:
        if was_enabled:
            gc.enable()


def _finish(loader: _Loader, paths: PathArg | list[PathArg]) -> Return:
    tables = loader.tables()
    if "episodes" not in tables:
        shown = ", ".join(os.fspath(p) for p in _as_list(paths))
        found = ", ".join(tables) if tables else "no SSDA903 tables"
        raise UnusableReturn(
            f"no episodes table found in {shown} (found: {found}); an episodes CSV has the "
            f"columns {','.join(T.EPISODES.columns)}"
        )
    children = loader.build()
    return Return(
        children=children,
        problems=loader.sorted_problems(),
        reconciliation=loader.reconciliation(children),
        tables=tables,
    )

"""Read one file, CSV or XML, row by row (streamed), into the stores.

Both readers hand each row to the table's converter (`rows.py`) as a tuple of strings in
the DfE column order, so CSV and XML are checked by the same code.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any, Protocol
from xml.parsers import expat

from . import tables as T
from .problems import ERROR, WARNING, Problem, UnusableReturn
from .rows import CONVERTERS, FileContext
from .store import Stores

# How many characters are read between two progress updates.
_PROGRESS_STEP = 1 << 20


class Progress(Protocol):
    def update(self, n: int) -> None: ...


class NotUtf8(Exception):
    """A CSV file is not UTF-8: the load starts again, reading it as Windows-1252."""

    def __init__(self, path: Path):
        super().__init__(str(path))
        self.path = path


@dataclass
class FileResult:
    """What one file gave besides its rows: rows read per table, and its problems."""

    file: str
    counts: dict[str, int] = field(default_factory=dict)  # table -> rows read
    problems: list[Problem] = field(default_factory=list)
    blank_rows: int = 0
    note: str = ""  # e.g. the encoding used when it was not UTF-8


def _counting(lines: Iterable[str], progress: Progress) -> Iterator[str]:
    """The lines, telling `progress` how much has been read."""
    pending = 0
    for line in lines:
        pending += len(line)
        if pending >= _PROGRESS_STEP:
            progress.update(pending)
            pending = 0
        yield line
    progress.update(pending)


def _delimiter(first_line: str) -> str:
    """A comma, unless the header row plainly uses semicolons or tabs instead."""
    if "," in first_line:
        return ","
    for candidate in (";", "\t"):
        if candidate in first_line:
            return candidate
    return ","


def _shorten(text: str, size: int = 80) -> str:
    return text if len(text) <= size else text[: size - 3] + "..."


# --- CSV -------------------------------------------------------------------------------


def read_csv(
    path: Path,
    ctx: FileContext,
    stores: Stores,
    progress: Progress | None,
    windows_1252: bool = False,
) -> FileResult:
    """Read a CSV file: UTF-8 with or without BOM, or Windows-1252 when asked (raises
    NotUtf8 when a UTF-8 read fails, so that the caller can ask)."""
    result = FileResult(ctx.file)
    ctx.problems = result.problems
    encoding = "cp1252" if windows_1252 else _bom_encoding(path)
    if windows_1252:
        result.note = "not UTF-8: read as Windows-1252"
        result.problems.append(
            Problem(
                ctx.file,
                None,
                None,
                "",
                "the file is not UTF-8; it was read as "
                "Windows-1252 (check any accented characters)",
                WARNING,
                True,
            )
        )
    try:
        handle = open(path, encoding=encoding, newline="")  # noqa: SIM115
    except OSError as exc:
        raise UnusableReturn(f"{ctx.file}: cannot be read ({exc.strerror or exc})") from exc
    try:
        with handle:
            _read_csv(handle, ctx, stores, progress, result)
    except UnicodeDecodeError:
        if windows_1252:  # a few bytes are undefined in Windows-1252
            raise UnusableReturn(f"{ctx.file}: cannot be read as text") from None
        raise NotUtf8(path) from None
    except OSError as exc:
        raise UnusableReturn(f"{ctx.file}: cannot be read ({exc.strerror or exc})") from exc
    return result


def _bom_encoding(path: Path) -> str:
    """UTF-16 when the file starts with a UTF-16 byte order mark (Excel's "Unicode text"),
    else UTF-8 (with or without its BOM)."""
    try:
        with open(path, "rb") as handle:
            start = handle.read(2)
    except OSError:
        return "utf-8-sig"  # the open that follows reports it
    return "utf-16" if start in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"


def _read_csv(
    handle: Any, ctx: FileContext, stores: Stores, progress: Progress | None, result: FileResult
) -> None:
    first = handle.readline()
    if progress is not None:
        progress.update(len(first))
    if not first.strip():
        result.problems.append(
            Problem(
                ctx.file,
                None,
                None,
                "",
                "empty file: not a recognised SSDA903 table; file not used",
                WARNING,
                False,
            )
        )
        return
    delimiter = _delimiter(first)
    header = next(csv.reader([first], delimiter=delimiter), [])
    table = T.recognise(header)
    if table is None:
        shown = _shorten(",".join(h.strip() for h in header), 120)
        result.problems.append(
            Problem(
                ctx.file,
                1,
                None,
                shown,
                "not a recognised SSDA903 table (its columns match no table); file not used",
                WARNING,
                False,
            )
        )
        return
    columns = [T.normalise_column(h) for h in header]
    _check_columns(columns, table, ctx.file, result)
    lines = handle if progress is None else _counting(handle, progress)
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        if not table.used or not ctx.wanted(table.name):
            result.counts[table.name] = _count_rows(reader)
            return
        _convert_rows(reader, columns, table, ctx, stores, result)
    except csv.Error as exc:  # a NUL byte, an overlong field...: the file is broken
        raise UnusableReturn(
            f"{ctx.file} line {reader.line_num + 1}: cannot be read as CSV ({exc})"
        ) from None


def _check_columns(columns: list[str], table: T.Table, file: str, result: FileResult) -> None:
    seen: set[str] = set()
    for name in columns:
        if name not in table.columns:
            result.problems.append(
                Problem(
                    file,
                    1,
                    name or "(blank)",
                    name,
                    f"column not part of the {table.name} table; ignored",
                    WARNING,
                    True,
                )
            )
        elif name in seen:
            result.problems.append(
                Problem(
                    file, 1, name, name, "column appears twice; the first is used", WARNING, True
                )
            )
        seen.add(name)
    if table.used:
        for name in table.columns:
            if name not in seen:
                result.problems.append(
                    Problem(
                        file,
                        1,
                        name,
                        "",
                        f"column missing from the {table.name} table; read as blank in every row",
                        WARNING,
                        True,
                    )
                )


def _getter(columns: list[str], table: T.Table) -> Any:
    """A function from a CSV row to the row's values in the table's column order, or None
    when the file's columns are already in that order."""
    canonical = list(table.columns)
    if columns == canonical:
        return None
    width = len(columns)
    indexes = [columns.index(c) if c in columns else width for c in canonical]
    inner = itemgetter(*indexes)
    if width not in indexes:
        return inner

    def padded(row: list[str]) -> tuple[str, ...]:
        return inner([*row, ""])

    return padded


def _count_rows(reader: Any) -> int:
    """Rows that are not blank, for a table that is recognised but not converted. The
    first field (CHILD) is nearly always filled, so most rows are settled by it alone."""
    n = 0
    for row in reader:
        if row and (row[0].strip() or any(f.strip() for f in row)):
            n += 1
    return n


def _convert_rows(
    reader: Any,
    columns: list[str],
    table: T.Table,
    ctx: FileContext,
    stores: Stores,
    result: FileResult,
) -> None:
    convert = CONVERTERS[table.name]
    getter = _getter(columns, table)
    width = len(columns)
    name = table.name
    store = stores.tables[name]
    rank, file, problems = ctx.rank, ctx.file, result.problems
    read = blank = 0
    last = 1  # the last line read; the header, line 1, was read before the csv reader
    for row in reader:
        line = last + 1  # where this row starts
        last = reader.line_num + 1
        if len(row) != width:
            if not any(f.strip() for f in row):
                blank += 1
                continue
            if len(row) > width and not any(f.strip() for f in row[width:]):
                row = row[:width]  # trailing empty fields
            else:
                read += 1
                at = columns.index("CHILD") if "CHILD" in columns else -1
                child = row[at].strip() if 0 <= at < len(row) else ""
                reason = f"has {len(row)} fields where the header has {width}"
                if last > line:
                    reason += f"; it runs over lines {line} to {last}: a quote left open?"
                problems.append(
                    Problem(
                        file,
                        line,
                        None,
                        _shorten(",".join(row)),
                        reason,
                        ERROR,
                        False,
                        None,
                        child or None,
                    )
                )
                continue
        read += 1
        converted = convert(row if getter is None else getter(row), ctx, line, None)
        if converted is None:
            if not any(f.strip() for f in row):  # ",,,,": nothing in it to lose
                read -= 1
                blank += 1
                while problems and problems[-1].line == line:
                    problems.pop()
            continue
        # stores.add, inlined: this loop runs once per row of the return
        child, key, value = converted
        bucket = store.get(child)
        if bucket is None:
            store[child] = {key: (rank, line, None, value)}
            continue
        previous = bucket.get(key)
        if previous is not None:
            stores.collision(name, child, key, previous, rank, file, line, None, problems)
        bucket[key] = (rank, line, None, value)
    result.counts[name] = read
    result.blank_rows = blank


# --- XML -------------------------------------------------------------------------------

# Elements that hold one row of a table, inside a CHILD.
_ROW_ELEMENTS = {
    "EPISODE": "episodes",
    "AREVIEW": "reviews",
    "AMISSING": "missing",
    "PERMANENCE": "previous_permanence",
    "AD_PLACED": "placed_for_adoption",
    "OC2": "oc2",
}
# XML element names that differ from the CSV column names.
_RENAME = {"CHILDID": "CHILD", "PL": "PLACE"}
# Rows built from the child's own (HEADER) fields, when any of the listed fields is given.
_HEADER_ROWS = (
    ("uasc", ("UASC", "DUC")),
    ("ad1", ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")),
    ("oc3", ("IN_TOUCH", "ACTIV", "ACCOM")),
)
_XML_CHUNK = 1 << 20


class _Record:
    """The fields of one XML element holding a row (or of a CHILD's own fields), with where
    each field is, as (line, 1-based column)."""

    __slots__ = ("table", "fields", "positions", "at")

    def __init__(self, table: str, at: tuple[int, int]):
        self.table = table
        self.fields: dict[str, str] = {}
        self.positions: dict[str, tuple[int, int]] = {}
        self.at = at


class XmlPositions:
    """Where the fields of one XML row are: the row's own elements first, then the child's
    (HEADER) elements, else the row's element itself. Looked up only for a problem."""

    __slots__ = ("row", "child", "at")

    def __init__(self, row: _Record, child: _Record):
        self.row = row
        self.child = child
        self.at = row.at

    def get(self, field: str) -> tuple[int, int]:
        return self.row.positions.get(field) or self.child.positions.get(field) or self.at


class _XmlReader:
    """expat handlers: collect each CHILD's fields and rows, then convert them.

    The handlers run once per element (millions for a large return), so they are closures
    over local state (cheaper than attributes) and do little: a field's text and position
    go into the current row's (or the child's) fields.
    """

    def __init__(self, ctx: FileContext, stores: Stores, result: FileResult):
        self.ctx = ctx
        self.stores = stores
        self.result = result
        self.children = 0
        self.parser = parser = expat.ParserCreate()
        parser.buffer_text = True
        names: dict[str, str] = {}  # element name -> column name
        rows_by_name = _ROW_ELEMENTS
        leaf: str | None = None  # the element last opened, until another opens or it ends
        data = ""
        child: _Record | None = None  # the CHILD being read
        rows: list[_Record] = []
        target: _Record | None = None  # where fields go: the current row, or the child

        line = column = 0  # where the element last opened starts (column from 0)

        def where() -> tuple[int, int]:
            return (line, column + 1)

        def start(name: str, attrs: Any) -> None:
            nonlocal leaf, data, child, target, rows, line, column
            leaf = name
            data = ""
            line = parser.CurrentLineNumber
            column = parser.CurrentColumnNumber
            if child is None:
                if name.upper() == "CHILD":
                    child = target = _Record("header", where())
                    rows = []
            elif target is child:
                table = rows_by_name.get(name)
                if table is None and not name.isupper():
                    table = rows_by_name.get(name.upper())
                if table is not None:
                    target = _Record(table, where())
                    rows.append(target)

        def text(chunk: str) -> None:
            nonlocal data
            data += chunk

        def end(name: str) -> None:
            nonlocal leaf, child, target, rows
            if leaf is not None:  # nothing opened inside this element: it is a field
                leaf = None
                if target is not None:
                    field = names.get(name)
                    if field is None:
                        upper = name.upper()
                        field = names[name] = _RENAME.get(upper, upper)
                    fields = target.fields
                    if field not in fields:
                        fields[field] = data
                        target.positions[field] = (line, column + 1)
                return
            if child is None:
                return
            if target is not child:
                if rows_by_name.get(name.upper()) == target.table:  # type: ignore[union-attr]
                    target = child
            elif name.upper() == "CHILD":
                self.emit_child(child, rows)
                child = target = None
                rows = []

        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = text

    def emit_child(self, child: _Record, rows: list[_Record]) -> None:
        self.children += 1
        fields = child.fields
        self.emit(T.HEADER, fields, None, XmlPositions(child, child))
        for table_name, trigger in _HEADER_ROWS:
            if table_name == "uasc":
                # <UASC /> (or 0) and no DUC: not an unaccompanied asylum-seeking child
                wanted = bool(
                    fields.get("UASC", "").strip() not in ("", "0") or fields.get("DUC", "").strip()
                )
            else:
                wanted = any(fields.get(name, "").strip() for name in trigger)
            if wanted:
                at = [child.positions[n] for n in trigger if n in child.positions]
                row = _Record(table_name, min(at, default=child.at))
                self.emit(T.BY_NAME[table_name], fields, None, XmlPositions(row, child))
        for row in rows:
            self.emit(T.BY_NAME[row.table], row.fields, fields, XmlPositions(row, child))

    def emit(
        self,
        table: T.Table,
        fields: dict[str, str],
        fallback: dict[str, str] | None,
        positions: XmlPositions,
    ) -> None:
        """Convert and keep one row: its `fields`, else the child's (`fallback`) fields."""
        counts = self.result.counts
        counts[table.name] = counts.get(table.name, 0) + 1
        if not table.used or not self.ctx.wanted(table.name):
            return
        columns = table.columns
        defaults = _BLANKS if fallback is None else map(fallback.get, columns, _BLANKS)
        values = tuple(map(fields.get, columns, defaults))
        line, column = positions.at
        converted = CONVERTERS[table.name](values, self.ctx, line, positions)
        if converted is not None:
            ctx = self.ctx
            self.stores.add(
                table.name, converted, ctx.rank, ctx.file, line, column, self.result.problems
            )


_BLANKS = ("",) * max(len(t.columns) for t in T.TABLES)


def read_xml(path: Path, ctx: FileContext, stores: Stores, progress: Progress | None) -> FileResult:
    """Read an SSDA903 XML return (CHILD elements holding HEADER and EPISODEs), streamed."""
    result = FileResult(ctx.file)
    ctx.problems = result.problems
    reader = _XmlReader(ctx, stores, result)
    try:
        handle = open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        raise UnusableReturn(f"{ctx.file}: cannot be read ({exc.strerror or exc})") from exc
    with handle:
        try:
            while chunk := handle.read(_XML_CHUNK):
                if progress is not None:
                    progress.update(len(chunk))
                reader.parser.Parse(chunk, False)
            reader.parser.Parse(b"", True)
        except expat.ExpatError as exc:
            raise UnusableReturn(
                f"{ctx.file} line {exc.lineno}, column {exc.offset + 1}: not well-formed XML "
                f"({expat.ErrorString(exc.code)})"
            ) from None
        except OSError as exc:
            raise UnusableReturn(f"{ctx.file}: cannot be read ({exc.strerror or exc})") from exc
    if reader.children == 0:
        result.problems.append(
            Problem(
                ctx.file,
                None,
                None,
                "",
                "no CHILD elements: not an SSDA903 XML return; file not used",
                WARNING,
                False,
            )
        )
    return result


def looks_like_xml(path: Path) -> bool:
    """Whether a file's first non-blank character is '<' (for files not named .csv/.xml)."""
    try:
        with open(path, "rb") as handle:
            start = handle.read(512)
    except OSError:
        return False
    return start.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"<")

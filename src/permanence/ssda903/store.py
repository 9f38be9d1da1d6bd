"""Rows kept so far, per table and child, with later returns replacing earlier ones."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from . import tables as T
from .problems import WARNING, Problem
from .rows import KEY_FIELDS

# The field a duplicate-row warning points at, per table.
KEY_FIELD = {
    "header": "CHILD",
    "episodes": "DECOM",
    "reviews": "REVIEW",
    "uasc": "CHILD",
    "missing": "MIS_START",
    "previous_permanence": "CHILD",
    "ad1": "DATE_INT",
    "placed_for_adoption": "DATE_PLACED",
}

# A kept row: (file rank, line, XML column or None, value)
Entry = tuple[int, int, int | None, Any]


def where(line: int, column: int | None) -> str:
    """Where a row is, for a message: "line 12" or "line 2, column 345"."""
    return f"line {line}" if column is None else f"line {line}, column {column}"


def show_key(value: Any) -> str:
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, tuple):
        return show_key(value[-1])
    return str(value)


class Stores:
    """table -> child -> key -> Entry. Files are read in order (rank), so a row with the key
    of a kept row replaces it: counted as replaced across files, warned about within one."""

    def __init__(self) -> None:
        self.tables: dict[str, dict[str, dict[Any, Entry]]] = {
            t.name: {} for t in T.TABLES if t.used
        }
        self.replaced: Counter[str] = Counter()
        self.duplicates: Counter[str] = Counter()

    def add(
        self,
        table: str,
        converted: tuple[str, Any, Any],
        rank: int,
        file: str,
        line: int,
        column: int | None,
        problems: list[Problem],
    ) -> None:
        child, key, value = converted
        store = self.tables[table]
        bucket = store.get(child)
        if bucket is None:
            store[child] = {key: (rank, line, column, value)}
            return
        previous = bucket.get(key)
        if previous is not None:
            self.collision(table, child, key, previous, rank, file, line, column, problems)
        bucket[key] = (rank, line, column, value)

    def collision(
        self,
        table: str,
        child: str,
        key: Any,
        previous: Entry,
        rank: int,
        file: str,
        line: int,
        column: int | None,
        problems: list[Problem],
    ) -> None:
        if previous[0] != rank:
            self.replaced[table] += 1
            return
        self.duplicates[table] += 1
        earlier = where(previous[1], previous[2])
        problems.append(
            Problem(
                file,
                line,
                KEY_FIELD[table],
                show_key(key) if key != "" else child,
                f"same {KEY_FIELDS[table]} as {earlier}: this later row is used and "
                f"{earlier} is not",
                WARNING,
                True,
                column,
                child,
            )
        )

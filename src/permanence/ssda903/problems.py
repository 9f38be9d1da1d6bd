"""What the reader reports about its input: `Problem` for a bad row or field, `UnusableReturn`
for input that cannot be used at all."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


class UnusableReturn(Exception):
    """The input cannot be used at all (missing path, no episodes table, unreadable file).

    The message is one line, fit to show a user as it is.
    """


@dataclass(frozen=True, slots=True)
class Problem:
    """One bad row or field, or a note about how a row was read.

    file: the file's name as given (a folder's files are joined to the folder as given).
    line: 1-based physical line in the file (a CSV's header is line 1); for XML, the line
        of the element. None when the problem is about the whole file.
    field: the column (CSV) or element (XML) name, when the problem is about one field.
    value: the text as found.
    reason: what is wrong, and what was done about it where that is not just "row (not) used".
    severity: "error" or "warning".
    row_used: whether the row still went into the return.
    column: 1-based column of the element in an XML file (XML files are often one line),
        None for CSV.
    child: the CHILD id of the row, when known.
    """

    file: str
    line: int | None
    field: str | None
    value: str
    reason: str
    severity: str = ERROR
    row_used: bool = True
    column: int | None = None
    child: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f" line {self.line}"
            if self.column is not None:
                where += f", column {self.column}"
        what = (
            f", {self.field} '{self.value}'"
            if self.field
            else (f", '{self.value}'" if self.value else "")
        )
        text = f"{where}{what}: {self.reason}"
        if self.field is not None or (self.line or 0) > 1:
            text += "; row used" if self.row_used else "; row not used"
        return text

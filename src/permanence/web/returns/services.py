"""Bringing an SSDA903 return in through the browser: the same reader and the same import
as `permanence import`, with every problem kept to show row by row."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from django.core.files.uploadedfile import UploadedFile

from permanence.ssda903 import Problem, UnusableReturn, load_return
from permanence.web.accounts.models import User
from permanence.web.audit.services import record_import
from permanence.web.children.services import ImportSummary, import_return


@dataclass
class UploadResult:
    files: list[str]
    children: int
    summary: ImportSummary | None
    problems: list[Problem]
    unusable: str = ""  # why nothing could be read, when nothing could

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def import_uploaded(files: Iterable[UploadedFile], *, user: User, profile: str) -> UploadResult:
    """Read the uploaded files as one return (CSV tables or XML) and import it.

    The files are written to a private temporary folder under their own names, so the
    problems name the file a person uploaded; the folder is removed afterwards. Rows with
    errors are left out and listed; every good row is imported."""
    files = list(files)
    names = [Path(f.name).name for f in files]
    with tempfile.TemporaryDirectory(prefix="permanence-upload-") as tmp:
        folder = Path(tmp)
        for f, name in zip(files, names, strict=True):
            with (folder / name).open("wb") as out:
                for chunk in f.chunks():
                    out.write(chunk)
        try:
            ret = load_return(folder, progress=False)
        except UnusableReturn as exc:
            return UploadResult(names, 0, None, [], unusable=str(exc).replace(f"{folder}/", ""))
        problems = [_named(p, folder) for p in ret.problems]
        summary = import_return(ret, user=user, profile=profile)
    record_import(user, ", ".join(names), summary=f"{summary}; {len(problems)} problems")
    return UploadResult(names, len(ret.children), summary, problems)


def _named(p: Problem, folder: Path) -> Problem:
    return replace(p, file=Path(p.file).name if p.file.startswith(str(folder)) else p.file)

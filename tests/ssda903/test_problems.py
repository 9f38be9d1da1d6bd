from dataclasses import FrozenInstanceError

import pytest

from permanence.ssda903 import Problem, UnusableReturn


def test_a_problem_reads_as_one_line():
    p = Problem(
        "episodes.csv",
        12,
        "DECOM",
        "31/02/2017",
        "not a real date (expected dd/mm/YYYY)",
        "error",
        False,
    )
    assert str(p) == (
        "episodes.csv line 12, DECOM '31/02/2017': not a real date "
        "(expected dd/mm/YYYY); row not used"
    )


def test_xml_problems_give_the_column_too():
    p = Problem(
        "r.xml", 2, "PL", "XX", "not a valid placement type code", "error", True, column=345
    )
    assert str(p) == "r.xml line 2, column 345, PL 'XX': not a valid placement type code; row used"


def test_a_problem_about_a_whole_file():
    p = Problem("notes.csv", None, None, "", "empty file", "warning", False)
    assert str(p) == "notes.csv: empty file"


def test_problems_are_frozen_and_unusable_return_is_an_exception():
    p = Problem("a.csv", 2, "CHILD", "", "blank", "error", False)
    with pytest.raises(FrozenInstanceError):
        p.line = 3  # type: ignore[misc]
    assert issubclass(UnusableReturn, Exception)

"""The engine's statuses where a source began recording part-way through a child's care.

A council starts using Permanence on a day; children's care began years before. What
was due before that day and is not recorded is not known to be missing: unknown, with
the reason, not overdue. Reviews come from the 903 and are known all along."""

from permanence.rules.engine import Status
from tests.builders import ChildBuilder, obligations
from tests.builders import d as D


def _child(since):
    child = ChildBuilder().enters("2023-09-04").knows("genogram").build()
    child.recorded_since = D(since) if since else None
    return child


def test_an_unrecorded_fact_due_before_recording_began_is_unknown_not_overdue():
    [o] = obligations(_child("2024-06-01"), "2024-10-01", "bolton.genogram", "bolton")
    assert (o.due, o.status) == (D("2023-09-04"), Status.UNKNOWN)
    assert "before recording began on 01 Jun 2024" in o.reason


def test_without_a_start_of_recording_it_is_overdue():
    [o] = obligations(_child(None), "2024-10-01", "bolton.genogram", "bolton")
    assert o.status is Status.OVERDUE


def test_recorded_done_before_recording_began_still_counts():
    child = _child("2024-06-01")
    child.recorded.genogram = D("2023-09-20")
    [o] = obligations(child, "2024-10-01", "bolton.genogram", "bolton")
    assert (o.done, o.status) == (D("2023-09-20"), Status.MET_LATE)


def test_due_on_the_day_recording_began_is_overdue_when_not_done():
    [o] = obligations(_child("2023-09-04"), "2024-10-01", "bolton.genogram", "bolton")
    assert o.status is Status.OVERDUE


def test_reviews_from_the_return_are_overdue_whenever_recording_began():
    [first] = obligations(_child("2024-06-01"), "2024-10-01", "review.first")
    assert first.status is Status.OVERDUE

"""Bradford: team permanence tracking meetings (policies/004_...txt).

2: "Tracking meetings are held in the teams with the service manager and / or court
consultant. The purpose of the meeting is to capture regular management oversight of all
children who are subject to permanence planning to prevent drift and delay." A child is
subject to permanence planning while looked after and not yet in a placement the plan
has made permanent (long-term foster care U1/U4, placed for adoption A3-A6).

The meeting sits on the second Tuesday of the month (the product's default): 10 Jun 2025.
"""

from permanence.panels import panel_definition, propose
from tests.builders import d as D
from tests.panels.helpers import agenda, child, planned, texts

TRACKING = panel_definition("bradford", "tracking")
SITTING = "2025-06-10"


def _month():
    c = {}
    # F1: short-term foster care since 6 Jan 2025, plan of adoption agreed 2 Apr 2025:
    # tracked; 155 days = 22 weeks in care.
    c["F1"] = planned(
        child("F1").enters("2025-01-06", ls="C1", place="U6").build(), "2025-04-02", "adoption"
    )
    # F2: accommodated on 14 Apr 2025, no plan yet: tracked; 57 days = 8 weeks.
    c["F2"] = child("F2").enters("2025-04-14", ls="V2", place="U6").build()
    # F3: the same carers confirmed as long-term (U4) on 3 Jun 2024: the plan is in place.
    c["F3"] = planned(
        child("F3")
        .enters("2023-09-04", ls="C2", place="U6")
        .moves("2024-06-03", place="U4", rne="T", reason="PLACE")
        .build(),
        "2023-12-01",
        "long_term_fostering",
    )
    # F4: placed for adoption with a placement order (A5) since 1 Oct 2024: off.
    c["F4"] = (
        child("F4", dob="2023-05-01")
        .enters("2023-11-06", ls="C1", place="U5")
        .legal("2024-08-01", "E1")
        .moves("2024-10-01", place="A5", rne="T", reason="PLACE")
        .build()
    )
    # F5: placed with parents on a care order, plan of home: still being planned for.
    c["F5"] = planned(
        child("F5").enters("2024-09-02", ls="C2", place="P1").build(), "2024-12-02", "home"
    )
    # F6: in a children's home since 4 Nov 2024, plan of residential care: tracked.
    c["F6"] = planned(
        child("F6", dob="2010-03-03")
        .enters("2024-04-08", ls="C2", place="U6")
        .moves("2024-11-04", place="K2", reason="CREQB")
        .build(),
        "2024-12-01",
        "residential",
    )
    # F7: home on 2 May 2025: no longer in care, off.
    c["F7"] = child("F7").enters("2024-10-07", ls="V2", place="U6").leaves("2025-05-02").build()
    # F8: on a short break (V4) over the sitting: not in care.
    c["F8"] = child("F8").enters("2025-06-09", ls="V4", place="U6").build()
    # F9: plan of long-term fostering in an earlier period of care; home on 10 Feb 2025
    # (unplanned, E4B); back in care on 19 May 2025: no plan yet for this period, 22 days
    # = 3 weeks in care.
    c["F9"] = planned(
        child("F9")
        .enters("2024-06-03", ls="V2", place="U6")
        .leaves("2025-02-10", "E4B")
        .enters("2025-05-19", ls="V2", place="U6")
        .build(),
        "2024-09-01",
        "long_term_fostering",
    )
    # F10: fostering for adoption (U5) with a plan of adoption: placed with the likely
    # adopters but not yet placed for adoption: tracked.
    c["F10"] = planned(
        child("F10", dob="2025-01-20").enters("2025-02-03", ls="C1", place="U5").build(),
        "2025-04-28",
        "adoption",
    )
    # F11: short breaks (V3) from 3 Mar 2025, then accommodated (V2) from 5 May: in care
    # from 5 May, 36 days = 5 weeks.
    c["F11"] = (
        child("F11").enters("2025-03-03", ls="V3", place="U6").legal("2025-05-05", "V2").build()
    )
    return c


def test_a_month_of_bradford_children_child_by_child():
    children = _month()
    assert TRACKING.sittings(D("2025-06-01"), D("2025-06-30")) == [D(SITTING)]
    got = propose(TRACKING, children.values(), D(SITTING))
    assert {p.child_id: p.codes for p in got} == {
        cid: ("permanence planning",) for cid in ("F1", "F2", "F5", "F6", "F9", "F10", "F11")
    }
    # The order is by child id as people read it: F2 before F10.
    assert [p.child_id for p in got] == ["F1", "F2", "F5", "F6", "F9", "F10", "F11"]

    def reason(child_id):
        return texts(got, child_id)["permanence planning"]

    assert reason("F1") == (
        "plan: adoption (agreed 02 Apr 2025); looked after since 06 Jan 2025 (22 weeks at the"
        " sitting); in U6 (foster care with another foster carer, not long term or FFA) since"
        " 06 Jan 2025"
    )
    assert reason("F2").startswith(
        "no permanence plan recorded yet; looked after since 14 Apr 2025 (8 weeks at the sitting)"
    )
    assert "P1 (placed with own parents" in reason("F5")
    assert "plan: residential care (agreed 01 Dec 2024)" in reason("F6")
    assert reason("F9").startswith(
        "no permanence plan recorded yet; looked after since 19 May 2025 (3 weeks at the sitting)"
    )
    assert "U5 (foster care with another foster carer (FFA/concurrent))" in reason("F10")
    assert "looked after since 05 May 2025 (5 weeks at the sitting)" in reason("F11")


def test_a_child_leaves_tracking_once_placed_with_long_term_carers():
    b = child("T1").enters("2024-09-02", ls="C2", place="U6")
    before = b.build()
    assert agenda(TRACKING, [before], SITTING) == {"T1": ("permanence planning",)}
    after = b.moves("2025-06-02", place="U4", rne="T", reason="PLACE").build()
    assert agenda(TRACKING, [after], SITTING) == {}
    # ... and comes back to it when that placement ends.
    again = b.moves("2025-06-09", place="U6", reason="CREQB").build()
    assert agenda(TRACKING, [again], SITTING) == {"T1": ("permanence planning",)}

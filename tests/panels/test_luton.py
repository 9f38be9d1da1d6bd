"""Luton: the monthly Permanence Tracking Meeting (policies/003_...txt).

"The Permanence Tracking Meeting (monthly) will monitor the progress of all permanence
plans"; "Once a permanence outcome is achieved the case is closed to the Permanency
Tracking process". When each route counts as achieved is the luton.achieved checklist
(permanence.approvals.luton_achieved): e.g. fostering to adopt "is only achieved once a
Placement Order has been made and the placement has been presented to Panel and endorsed
by the Agency Decision Maker, despite the child having already been placed with their
permanent carers".

The meeting sits on the first Monday of the month (the product's default); 5 May 2025 is
the May Day bank holiday, so it sits on Tuesday 6 May.
"""

from permanence.domain.model import AdoptionDecision
from permanence.panels import panel_definition, propose
from tests.builders import d as D
from tests.panels.helpers import agenda, child, decided, heard, planned, texts

TRACKING = panel_definition("luton", "tracking")
SITTING = "2025-05-06"


def _fostering(child_id, adm=None, panel="2025-01-30"):
    """Permanent fostering: the carers' commitment and the review's recommendation ticked,
    the Fostering Panel held, and the ADM's endorsement if `adm`."""
    c = planned(
        child(child_id, dob="2015-06-15")
        .enters("2023-03-06", ls="C2", place="U6")
        .moves("2025-02-03", place="U4", rne="T", reason="PLACE")
        .build(),
        "2023-08-01",
        "long_term_fostering",
    )
    c.recorded.ticks[("luton.achieved", "carers_commitment")] = D("2025-01-10")
    c.recorded.ticks[("luton.achieved", "review_recommendation")] = D("2025-01-15")
    heard(c, "fostering_panel", panel)
    if adm:
        decided(c, "adm_ratification", adm, role="adm")
    return c


def _month():
    c = {}
    # L1: placement order (E1) on 10 Jan 2025, match presented to the Adoption Panel on
    # 20 Feb and decided on 24 Feb, placed for adoption (A6) on 3 Mar: achieved, closed to
    # tracking although still looked after until the adoption order.
    c["L1"] = heard(
        planned(
            child("L1", dob="2022-02-01")
            .enters("2024-06-03", ls="C1", place="U6")
            .legal("2025-01-10", "E1")
            .moves("2025-03-03", place="A6")
            .build(),
            "2024-09-01",
            "adoption",
        ),
        "adoption_panel",
        "2025-02-20",
    )
    c["L1"].adoption_decisions.append(
        AdoptionDecision(D("2024-09-15"), D("2025-02-24"), by_foster_carer=False)
    )
    # L2: fostering to adopt (U5) with a plan of adoption, no placement order yet: placed
    # with the permanent carers but not achieved: tracked.
    c["L2"] = planned(
        child("L2", dob="2024-10-01").enters("2024-11-04", ls="C1", place="U5").build(),
        "2025-01-20",
        "adoption",
    )
    # L3: permanent fostering presented to the Fostering Panel (30 Jan 2025) and endorsed
    # by the ADM (5 Feb 2025): achieved.
    c["L3"] = _fostering("L3", adm="2025-02-05")
    # L4: the same, but the ADM has not endorsed it yet: tracked.
    c["L4"] = _fostering("L4", panel="2025-04-10")
    # L5: in care since 3 Mar 2025 with no plan yet: tracked.
    c["L5"] = child("L5").enters("2025-03-03", ls="C1", place="U6").build()
    # L6: placed with parents on a care order with a plan of home: achieved only when the
    # child has returned home and leaves care: tracked.
    c["L6"] = planned(
        child("L6").enters("2024-09-02", ls="C2", place="P1").build(), "2024-12-02", "home"
    )
    # L7: special guardianship order on 14 Apr 2025 (REC E45): left care, closed.
    c["L7"] = planned(
        child("L7").enters("2023-05-02", ls="C2", place="U3").leaves("2025-04-14", "E45").build(),
        "2023-07-01",
        "sgo",
    )
    # L8: short breaks (V4): not a child in care for tracking.
    c["L8"] = child("L8").enters("2025-05-02", ls="V4", place="U6").build()
    # L9: went home on 10 Jan 2025 (E4A) and came back into care on 17 Mar 2025: the
    # earlier return home does not close this period of care: tracked, 7 weeks in care.
    c["L9"] = (
        child("L9")
        .enters("2024-05-01", ls="V2", place="U6")
        .leaves("2025-01-10", "E4A")
        .enters("2025-03-17", ls="V2", place="U6")
        .build()
    )
    # L10: a plan of residential care in a children's home: still a plan to track.
    c["L10"] = planned(
        child("L10", dob="2010-01-20").enters("2024-04-08", ls="C2", place="K2").build(),
        "2024-07-01",
        "residential",
    )
    return c


def test_a_month_of_luton_children_child_by_child():
    children = _month()
    assert TRACKING.sittings(D("2025-05-01"), D("2025-05-31")) == [D(SITTING)]
    assert TRACKING.sitting_note(D(SITTING)) == (
        "moved from Monday 05 May 2025 (May Day) to Tuesday 06 May 2025"
    )
    got = propose(TRACKING, children.values(), D(SITTING))
    assert {p.child_id: p.codes for p in got} == {
        cid: ("open plan",) for cid in ("L2", "L4", "L5", "L6", "L9", "L10")
    }
    assert "A Placement Order has been made" in texts(got, "L2")["open plan"]
    assert "plan: adoption (agreed 20 Jan 2025)" in texts(got, "L2")["open plan"]
    assert texts(got, "L4")["open plan"].endswith(
        "route: permanent fostering; not yet achieved, still to come: Endorsed by the Agency"
        " Decision Maker after the Fostering Panel"
    )
    assert "no permanence plan recorded yet" in texts(got, "L5")["open plan"]
    assert "returned home" in texts(got, "L6")["open plan"]
    assert texts(got, "L9")["open plan"].startswith(
        "looked after since 17 Mar 2025 (7 weeks at the sitting); no permanence plan recorded yet"
    )


def test_a_child_drops_off_the_month_the_adm_endorses_permanent_fostering():
    c = _fostering("F1", panel="2025-04-10")
    assert agenda(TRACKING, [c], SITTING) == {"F1": ("open plan",)}
    decided(c, "adm_ratification", "2025-05-20", role="adm")
    assert TRACKING.sittings(D("2025-06-01"), D("2025-06-30")) == [D("2025-06-02")]
    assert agenda(TRACKING, [c], "2025-06-02") == {}
    # An endorsement recorded by someone who is not the ADM does not count.
    c2 = _fostering("F2", panel="2025-04-10")
    decided(c2, "adm_ratification", "2025-05-20", role="head_of_service")
    assert agenda(TRACKING, [c2], "2025-06-02") == {"F2": ("open plan",)}

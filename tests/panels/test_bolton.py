"""Bolton: the Gateway and Permanence Panel (Permanence Strategy, policies/000_...txt).

2.4: "Children who are identified under the following criteria will be required to be
presented to the 'Gateway' element ...: a) at risk of becoming looked after (Edge of Care)
b) there is a plan for a child to become looked after (... issue care proceedings or ...
accommodate under Section 20) c) a child has become looked after in an emergency".
5: "... presented to the permanence element ...: a. ... court proceedings and permanence
is not expected to be achieved within the 26-week court timescale. b. more than three
moves in 12 months c. difficulties securing a suitable permanence plan d. in residential
care e. Joint or tripartite funding ... f. previously presented ... and is returning for
review".

The panel sits on the first Wednesday of the month (the product's default): 7 May 2025.
"""

from permanence.panels import panel_definition, propose
from tests.builders import alerts
from tests.builders import d as D
from tests.panels.helpers import agenda, child, decided, heard, planned, texts

GATEWAY = panel_definition("bolton", "gateway")
PERMANENCE = panel_definition("bolton", "permanence")
SITTING = "2025-05-07"


def _month():
    """A month of Bolton's children; the comment on each says what the policy asks."""
    c = {}
    # B1: accommodated under s20 on 14 Apr 2025, after the previous sitting (2 Apr), and
    # not heard: gateway (b).
    c["B1"] = child("B1").enters("2025-04-14", ls="V2", place="U6").build()
    # B2: police protection on 28 Apr 2025, then an interim care order: gateway (c),
    # "looked after in an emergency".
    c["B2"] = (
        child("B2").enters("2025-04-28", ls="L1", place="U6").legal("2025-04-30", "C1").build()
    )
    # B3: in care since 10 Mar 2025 and heard at the gateway on 2 Apr: not again.
    c["B3"] = heard(
        child("B3").enters("2025-03-10", ls="C1", place="U6").build(), "gateway_panel", "2025-04-02"
    )
    # B4: the plan to accommodate was heard on 2 Apr, before care began on 15 Apr: (b) was
    # met before care began, as the policy intends.
    c["B4"] = heard(
        child("B4").enters("2025-04-15", ls="V2", place="U6").build(), "gateway_panel", "2025-04-02"
    )
    # B5: went home on 20 Jan 2025 and came back into care on 22 Apr 2025. The gateway
    # hearing of 6 Nov 2024 was about the first period of care: (b) again.
    c["B5"] = heard(
        child("B5")
        .enters("2024-08-01", ls="V2", place="U6")
        .leaves("2025-01-20", "E4A")
        .enters("2025-04-22", ls="C1", place="U6")
        .build(),
        "gateway_panel",
        "2024-11-06",
    )
    # B6: a series of short breaks (V4), on one on the day of the sitting: short breaks are
    # not becoming looked after for the panel.
    c["B6"] = (
        child("B6")
        .enters("2025-04-11", ls="V4", place="U6")
        .leaves("2025-04-13", "E8")
        .enters("2025-05-06", ls="V4", place="U6")
        .build()
    )
    # B7: accommodated on 14 Apr 2025 and home again on 25 Apr, before the sitting: off.
    c["B7"] = child("B7").enters("2025-04-14", ls="V2", place="U6").leaves("2025-04-25").build()
    # B8: interim care order since 4 Nov 2024; 26 weeks (182 days) on 5 May 2025, before
    # the sitting: permanence (a). Plan agreed before the second review: not (c).
    c["B8"] = planned(
        child("B8")
        .enters("2024-11-04", ls="C1", place="U6")
        .reviews("2024-11-29", "2025-02-27")
        .build(),
        "2025-02-20",
        "adoption",
    )
    # B9: four moves in the 12 months to the sitting (1 Aug, 15 Oct 2024, 10 Jan, 3 Mar
    # 2025): "more than three", permanence (b).
    c["B9"] = planned(
        child("B9")
        .enters("2024-06-03", ls="C2", place="U6")
        .moves("2024-08-01", place="U6")
        .moves("2024-10-15", place="U6")
        .moves("2025-01-10", place="U6")
        .moves("2025-03-03", place="U6")
        .reviews("2024-06-28", "2024-09-27", "2025-03-21")
        .build(),
        "2024-08-01",
        "long_term_fostering",
    )
    # B10: in a children's home (K2) since 3 Feb 2025: permanence (d).
    c["B10"] = planned(
        child("B10")
        .enters("2024-09-02", ls="C2", place="U6")
        .moves("2025-02-03", place="K2", reason="CREQB")
        .reviews("2024-09-27", "2024-12-19")
        .build(),
        "2024-11-20",
        "residential",
    )
    # B11: second review held 31 Jan 2025 and still no permanence plan: permanence (c).
    c["B11"] = (
        child("B11")
        .enters("2024-10-07", ls="C2", place="U6")
        .reviews("2024-11-01", "2025-01-31")
        .build()
    )
    # B12: heard on 5 Feb 2025; the panel asked to see the child again by 7 May 2025, the
    # day of this sitting: permanence (f).
    c["B12"] = heard(
        planned(
            child("B12")
            .enters("2024-07-01", ls="C2", place="U6")
            .reviews("2024-07-26", "2024-10-25", "2025-04-24")
            .build(),
            "2024-10-10",
            "long_term_fostering",
        ),
        "permanence_panel",
        "2025-02-05",
        return_by="2025-05-07",
        note="review progress with the match",
    )
    # B13: three moves in the 12 months (not more than three), heard on 5 Mar 2025 to come
    # back by 4 Jun 2025: not yet.
    c["B13"] = heard(
        planned(
            child("B13")
            .enters("2024-05-20", ls="C2", place="U6")
            .moves("2024-08-01", place="U6")
            .moves("2024-11-01", place="U6")
            .moves("2025-02-03", place="U4")
            .reviews("2024-06-14", "2024-09-13", "2025-03-07")
            .build(),
            "2024-07-15",
            "long_term_fostering",
        ),
        "permanence_panel",
        "2025-03-05",
        return_by="2025-06-04",
    )
    return c


def test_a_month_of_bolton_children_child_by_child():
    children = _month()
    assert GATEWAY.sittings(D("2025-05-01"), D("2025-05-31")) == [D(SITTING)]
    assert PERMANENCE.sittings(D("2025-05-01"), D("2025-05-31")) == [D(SITTING)]

    gateway = propose(GATEWAY, children.values(), D(SITTING))
    assert {p.child_id: p.codes for p in gateway} == {
        "B1": ("(b)",),
        "B2": ("(c)",),
        "B5": ("(b)",),
    }
    t = texts(gateway, "B1")["(b)"]
    assert "came into care on 14 Apr 2025, V2 (accommodated under section 20) in U6" in t
    assert "since the previous sitting on 02 Apr 2025" in t
    assert "L1 (police protection)" in texts(gateway, "B2")["(c)"]
    assert (
        "back in care after leaving on 20 Jan 2025; no gateway hearing recorded for this"
        " period of care" in texts(gateway, "B5")["(b)"]
    )

    permanence = propose(PERMANENCE, children.values(), D(SITTING))
    assert {p.child_id: p.codes for p in permanence} == {
        "B8": ("(a)",),
        "B9": ("(b)",),
        "B10": ("(d)",),
        "B11": ("(c)",),
        "B12": ("(f)",),
    }
    assert "since 04 Nov 2024, beyond 26 weeks on 05 May 2025" in texts(permanence, "B8")["(a)"]
    moves = texts(permanence, "B9")["(b)"]
    assert moves.startswith("4 placement moves in the last 12 months")
    for day in ("01 Aug 2024", "15 Oct 2024", "10 Jan 2025", "03 Mar 2025"):
        assert day in moves
    assert "K2 (children's home), since 03 Feb 2025" in texts(permanence, "B10")["(d)"]
    assert "second review (held 31 Jan 2025)" in texts(permanence, "B11")["(c)"]
    assert texts(permanence, "B12")["(f)"] == (
        "heard on 05 Feb 2025; the panel asked to see the child again by 07 May 2025"
        " (review progress with the match)"
    )
    # The panel and the child's page agree: criteria (a) to (d) are those the
    # bolton.permanence_panel rule names for each child on the day of the sitting.
    for child_id, c in children.items():
        ours = {r.code for p in permanence if p.child_id == child_id for r in p.reasons} - {"(f)"}
        named = {
            code
            for a in alerts(c, SITTING, "bolton.permanence_panel", "bolton")
            for code in ("(a)", "(b)", "(c)", "(d)")
            if code in a.detail
        }
        assert ours == named, child_id


# --- gateway (b) and (c) ---------------------------------------------------------------------


def test_with_no_earlier_sitting_recorded_the_five_weeks_before_count():
    # 7 May 2025 - 35 days = 2 Apr 2025.
    on = child("G1").enters("2025-04-02", ls="V2").build()
    off = child("G2").enters("2025-04-01", ls="V2").build()
    got = propose(GATEWAY, [on, off], D(SITTING))
    assert [p.child_id for p in got] == ["G1"]
    assert "in the 35 days before the sitting (no earlier sitting recorded), from 02 Apr 2025" in (
        got[0].reasons[0].text
    )


def test_short_breaks_before_full_time_care_are_not_when_care_began():
    # Short breaks (V3) from 1 Mar 2025, then accommodated under s20 from 14 Apr in the
    # same run of episodes: care began on 14 Apr, after the previous sitting of 2 Apr.
    other = heard(child("G0").enters("2025-03-03").build(), "gateway_panel", "2025-04-02")
    c = child("G1").enters("2025-03-01", ls="V3", place="U6").legal("2025-04-14", "V2").build()
    got = propose(GATEWAY, [other, c], D(SITTING))
    assert [(p.child_id, p.codes) for p in got] == [("G1", ("(b)",))]
    assert "came into care on 14 Apr 2025" in got[0].reasons[0].text


def test_a_hearing_recorded_at_the_sitting_does_not_change_that_sitting_s_proposal():
    c = child("G1").enters("2025-04-14", ls="V2").build()
    before = agenda(GATEWAY, [c], SITTING)
    heard(c, "gateway_panel", SITTING)
    assert agenda(GATEWAY, [c], SITTING) == before == {"G1": ("(b)",)}
    # ... but the next sitting (4 June) neither proposes the child nor looks back past it.
    assert agenda(GATEWAY, [c], "2025-06-04") == {}


def test_came_into_care_before_the_previous_sitting_and_not_heard_is_not_proposed_again():
    # Care began 31 Mar 2025; the previous sitting (2 Apr) is recorded for another child.
    other = heard(child("G0").enters("2025-03-03").build(), "gateway_panel", "2025-04-02")
    c = child("G1").enters("2025-03-31", ls="V2").build()
    assert agenda(GATEWAY, [other, c], SITTING) == {}


def test_gateway_a_is_chosen_by_hand_not_from_the_data():
    # A child at home at risk of becoming looked after: nothing in the data shows it.
    c = child("G1").build()
    assert agenda(GATEWAY, [c], SITTING) == {}


# --- permanence (a) to (f) -------------------------------------------------------------------


def test_exactly_three_moves_is_not_more_than_three():
    c = (
        child("P1")
        .enters("2024-06-03", ls="C2")
        .moves("2024-08-01")
        .moves("2024-10-15")
        .moves("2025-01-10")
        .build()
    )
    planned(c, "2024-06-20", "long_term_fostering")
    assert agenda(PERMANENCE, [c], SITTING) == {}


def test_returning_for_review_not_before_the_date_the_panel_set():
    c = planned(child("P1").enters("2024-06-03", ls="C2").build(), "2024-06-20", "adoption")
    heard(c, "permanence_panel", "2025-04-02", return_by="2025-05-08")
    assert agenda(PERMANENCE, [c], SITTING) == {}
    assert agenda(PERMANENCE, [c], "2025-06-04") == {"P1": ("(f)",)}


def test_returning_for_review_once_heard_again_is_not_proposed():
    c = planned(child("P1").enters("2024-06-03", ls="C2").build(), "2024-06-20", "adoption")
    heard(c, "permanence_panel", "2025-01-08", return_by="2025-04-02")
    heard(c, "permanence_panel", "2025-04-02")  # heard again, no return date set
    assert agenda(PERMANENCE, [c], SITTING) == {}


def test_returning_for_review_drops_off_once_the_child_has_left_care():
    def returning(*leaves):
        b = child("P1").enters("2024-06-03", ls="C2")
        if leaves:
            b.leaves(*leaves)
        c = planned(b.build(), "2024-06-20", "adoption")
        return heard(c, "permanence_panel", "2025-01-08", return_by="2025-04-02")

    assert agenda(PERMANENCE, [returning()], SITTING) == {"P1": ("(f)",)}
    # Adopted on 20 Apr 2025 (REC E11), before the sitting.
    assert agenda(PERMANENCE, [returning("2025-04-20", "E11")], SITTING) == {}


def test_several_criteria_are_each_named():
    # Interim care order since 6 Jan 2025 (26 weeks: 7 Jul 2025) and residential with four
    # moves by the sitting of 6 Aug 2025 (first Wednesday of August).
    c = (
        child("P1")
        .enters("2024-11-04", ls="C1", place="U6")
        .moves("2024-12-02")
        .moves("2025-01-06")
        .moves("2025-03-03")
        .moves("2025-05-06", place="R1")
        .reviews("2024-11-29", "2025-02-27")
        .build()
    )
    planned(c, "2025-02-20", "residential")
    decided(c, "residential_endorsed", "2025-06-04", role="assistant_director")
    assert PERMANENCE.sittings(D("2025-08-01"), D("2025-08-31")) == [D("2025-08-06")]
    assert agenda(PERMANENCE, [c], "2025-08-06") == {"P1": ("(a)", "(b)", "(d)")}


def test_returning_for_review_is_for_this_period_of_care():
    # Heard on 8 Jan 2025 with a return date of 2 Apr; home on 20 Jan; back in care on
    # 14 Apr 2025: the return date belonged to the earlier period of care.
    c = planned(
        child("P1")
        .enters("2024-06-03", ls="C2")
        .leaves("2025-01-20", "E4B")
        .enters("2025-04-14", ls="V2")
        .build(),
        "2024-06-20",
        "adoption",
    )
    heard(c, "permanence_panel", "2025-01-08", return_by="2025-04-02")
    assert agenda(PERMANENCE, [c], SITTING) == {}

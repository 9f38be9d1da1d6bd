"""Blackburn with Darwen: the Legal Gateway Panel and the Lasting Homes (long-term
matching) panel (policies/002_...txt).

6 Legal Gateway Meetings: "Legal Gateway Panel (LGP) is held weekly ... and Chaired by a
Head of Service"; "Relevant documentation ... must be uploaded ... by the end of the day
on Thursday prior to the LGP". 6 Becoming Looked After: "The decision for a child to
enter the care of the Local Authority must be made by a Head of Service or above" (after
the LGP). 6 Pre-Proceedings meetings: "formally reviewed at Legal Gateway Panel 14 weeks
after the decision to enter pre-proceedings". Long-term Fostering: "The above plans of
permanence should be approved via Head of Service through a 'long-term matching panel'".

The LGP sits on Mondays (the product's default), Tuesday 22 April 2025 after Easter
Monday. The Lasting Homes Panel sits on the third Wednesday (default): 16 April 2025.
"""

from permanence.panels import panel_definition, propose
from tests.builders import d as D
from tests.panels.helpers import agenda, child, decided, heard, planned, texts

LGP = panel_definition("blackburn", "legal_gateway")
LASTING = panel_definition("blackburn", "lasting_homes")
KIND = "legal_gateway_panel"


def _pre_proceedings(child_id, day):
    """A child at home: pre-proceedings agreed at the Legal Gateway Panel on `day`."""
    c = heard(child(child_id).build(), KIND, day)
    return decided(c, "pre_proceedings", day)


def _month():
    c = {}
    # K1: pre-proceedings agreed 6 Jan 2025; 14 weeks (98 days) on 14 Apr 2025, the day
    # of the second sitting.
    c["K1"] = _pre_proceedings("K1", "2025-01-06")
    # K2: agreed 16 Dec 2024; 14 weeks on 24 Mar 2025, not yet reviewed: overdue at the
    # first April sitting.
    c["K2"] = _pre_proceedings("K2", "2024-12-16")
    # K3: agreed 20 Jan 2025; 14 weeks on 28 Apr 2025: the last April sitting.
    c["K3"] = _pre_proceedings("K3", "2025-01-20")
    # K4: agreed 13 Jan 2025; 14 weeks on Easter Monday 21 Apr 2025: the panel sits on
    # Tuesday 22 April that week.
    c["K4"] = _pre_proceedings("K4", "2025-01-13")
    # K5: agreed 3 Feb 2025; 14 weeks on 12 May 2025: not in April.
    c["K5"] = _pre_proceedings("K5", "2025-02-03")
    # K6: emergency protection order on Wednesday 9 Apr 2025, no Legal Gateway Panel
    # before it: to the next sitting (14 April).
    c["K6"] = child("K6").enters("2025-04-09", ls="L2", place="U6").build()
    # K7: heard at the panel on 17 Mar 2025, Head of Service decision that day, into care
    # on 2 Apr: the panel came first, as the policy asks.
    c["K7"] = decided(
        heard(child("K7").enters("2025-04-02", ls="C1", place="U6").build(), KIND, "2025-03-17"),
        "entering_care",
        "2025-03-17",
    )
    # K8: heard 25 Nov 2024 before a first period of care (2 Dec 2024 to 3 Feb 2025); back
    # in care on 24 Apr 2025 without a panel: the 25 November hearing was about the first
    # period.
    c["K8"] = heard(
        child("K8")
        .enters("2024-12-02", ls="V2", place="U6")
        .leaves("2025-02-03", "E4A")
        .enters("2025-04-24", ls="V2", place="U6")
        .build(),
        KIND,
        "2024-11-25",
    )
    # K9: short breaks (V3) from 15 Apr 2025: not entering care.
    c["K9"] = child("K9").enters("2025-04-15", ls="V3", place="U6").build()
    # K10: in care 31 Mar to 4 Apr 2025, home before the first sitting: off.
    c["K10"] = child("K10").enters("2025-03-31", ls="V2", place="U6").leaves("2025-04-04").build()
    # K11: interim care order on Tuesday 1 Apr 2025, no panel before it; the last sitting
    # recorded before 7 April is 17 March (K7): to the 7 April sitting.
    c["K11"] = child("K11").enters("2025-04-01", ls="C1", place="U6").build()
    return c


def test_a_month_of_legal_gateway_sittings_child_by_child():
    children = _month()
    sittings = LGP.sittings(D("2025-04-01"), D("2025-04-30"))
    assert sittings == [D(x) for x in ("2025-04-07", "2025-04-14", "2025-04-22", "2025-04-28")]
    expected = {
        "2025-04-07": {"K2": ("14 weeks",), "K11": ("entered care",)},
        "2025-04-14": {"K1": ("14 weeks",), "K6": ("entered care",)},
        "2025-04-22": {"K4": ("14 weeks",)},
        "2025-04-28": {"K3": ("14 weeks",), "K8": ("entered care",)},
    }
    got = {}
    for sitting in sittings:
        proposals = propose(LGP, children.values(), sitting)
        got[f"{sitting}"] = {p.child_id: p.codes for p in proposals}
        got[f"{sitting}", "texts"] = {p.child_id: texts(proposals, p.child_id) for p in proposals}
        # The panel hears them; the administrator records each hearing.
        for p in proposals:
            heard(children[p.child_id], KIND, f"{sitting}")
    assert {k: v for k, v in got.items() if isinstance(k, str)} == expected

    t = got["2025-04-07", "texts"]
    assert t["K2"]["14 weeks"] == (
        "pre-proceedings agreed on 16 Dec 2024: the 14-week review is overdue since 24 Mar 2025,"
        " with no Legal Gateway hearing since the decision"
    )
    assert "came into care on 01 Apr 2025, C1 (interim care order)" in t["K11"]["entered care"]
    assert "since the previous sitting on 17 Mar 2025" in t["K11"]["entered care"]
    t = got["2025-04-14", "texts"]
    assert "the 14-week review is due 14 Apr 2025" in t["K1"]["14 weeks"]
    assert "L2 (emergency protection order)" in t["K6"]["entered care"]
    assert "no Head of Service decision to enter care recorded" in t["K6"]["entered care"]
    assert "the 14-week review is due 21 Apr 2025" in got["2025-04-22", "texts"]["K4"]["14 weeks"]
    assert (
        "back in care after leaving on 03 Feb 2025"
        in (got["2025-04-28", "texts"]["K8"]["entered care"])
    )


def test_the_lasting_homes_panel_for_the_month():
    c = {}
    # K12: with the same carers since 2 Jan 2024; the placement became long-term (U4, RNE
    # T: same carers) on 1 Nov 2024; no match ratified: to the panel.
    c["K12"] = (
        child("K12")
        .enters("2024-01-02", ls="C2", place="U6")
        .moves("2024-11-01", place="U4", rne="T", reason="PLACE")
        .build()
    )
    # K13: plan of long-term fostering agreed 10 Mar 2025 while in a short-term placement
    # (U6): the home is to be ratified: to the panel.
    c["K13"] = planned(
        child("K13").enters("2024-07-01", ls="C2", place="U6").build(),
        "2025-03-10",
        "long_term_fostering",
    )
    # K14: ratified as a lasting home on 20 May 2024 (same carers since 1 Feb 2024): off.
    c["K14"] = decided(
        child("K14")
        .enters("2024-02-01", ls="C2", place="U6")
        .moves("2024-06-03", place="U4", rne="T", reason="PLACE")
        .build(),
        "long_term_match",
        "2024-05-20",
    )
    # K15: matched with long-term carers on 10 Jan 2024; that home ended at the carers'
    # request and the child moved to new long-term carers on 3 Mar 2025: the old match is
    # not this home's: to the panel.
    c["K15"] = decided(
        child("K15")
        .enters("2023-06-05", ls="C2", place="U6")
        .moves("2023-10-02", place="U4")
        .moves("2025-03-03", place="U4", reason="CREQO")
        .build(),
        "long_term_match",
        "2024-01-10",
    )
    # K16: short-term foster care with a plan of adoption: not a lasting home plan.
    c["K16"] = planned(
        child("K16").enters("2024-09-02", ls="C1", place="U6").build(), "2024-12-02", "adoption"
    )
    assert LASTING.sittings(D("2025-04-01"), D("2025-04-30")) == [D("2025-04-16")]
    got = propose(LASTING, c.values(), D("2025-04-16"))
    assert {p.child_id: p.codes for p in got} == {
        "K12": ("long-term match",),
        "K13": ("long-term match",),
        "K15": ("long-term match",),
    }
    assert texts(got, "K12")["long-term match"].startswith(
        "in U4 (foster care with another foster carer, long term) since 01 Nov 2024; with these"
        " carers since 02 Jan 2024; no long-term match ratified for this home"
    )
    assert "plan: long-term fostering (agreed 10 Mar 2025)" in texts(got, "K13")["long-term match"]
    assert "since 03 Mar 2025" in texts(got, "K15")["long-term match"]


def test_a_review_held_at_the_panel_after_the_decision_takes_the_child_off():
    c = _pre_proceedings("P1", "2024-12-16")
    assert agenda(LGP, [c], "2025-04-07") == {"P1": ("14 weeks",)}
    heard(c, KIND, "2025-03-24")
    assert agenda(LGP, [c], "2025-04-07") == {}


def test_a_decision_taken_at_this_sitting_is_not_yet_due_for_review():
    c = _pre_proceedings("P1", "2025-04-07")
    assert agenda(LGP, [c], "2025-04-07") == {}
    # 14 weeks later: 14 Jul 2025, a Monday.
    assert agenda(LGP, [c], "2025-07-07") == {}
    assert agenda(LGP, [c], "2025-07-14") == {"P1": ("14 weeks",)}


def test_entering_care_with_a_head_of_service_decision_but_no_panel_says_so():
    c = decided(
        child("P1").enters("2025-04-09", ls="L2", place="U6").build(),
        "entering_care",
        "2025-04-09",
    )
    got = propose(LGP, [c], D("2025-04-14"))
    assert (
        "Head of Service decision to enter care recorded on 09 Apr 2025"
        in (texts(got, "P1")["entered care"])
    )
    # A decision by a team manager is not a Head of Service decision.
    c2 = decided(
        child("P2").enters("2025-04-09", ls="L2").build(),
        "entering_care",
        "2025-04-09",
        "team_manager",
    )
    got = propose(LGP, [c2], D("2025-04-14"))
    assert "no Head of Service decision to enter care recorded" in texts(got, "P2")["entered care"]

"""Halton: the Permanency Review Panel and its thematic panels (policies/001_...txt).

4 The Process: "The permanence plan for every child must be presented at the Permanence
Panel for review"; "The Panel will review all children with a permanence plan until they
are placed in a suitably approved long term placement"; "The Panel will review any
disruptions of permanence placements". Terms of Reference: "actively review children's
care plans at a panel ... at least annually"; "Further panels will take place to look
specifically at the arrangements for: Children placed at home with their parents on an
interim of full care order. Children who are looked after under Section 20. Children in
unregulated placements. Children who do not have a permanent long-term placement
identified." (and 4: "looked after children in residential").

The panel sits on the last Thursday of the month (the product's default): 29 May 2025.
"""

from permanence.panels import manual_reasons, panel_definition, propose
from tests.builders import d as D
from tests.panels.helpers import agenda, child, decided, heard, planned, texts

REVIEW = panel_definition("halton", "permanency_review")
SITTING = "2025-05-29"
KIND = "permanency_review_panel"


def _month():
    c = {}
    # H1: plan of adoption agreed 20 Mar 2025, never presented: "every plan".
    c["H1"] = planned(
        child("H1").enters("2025-01-06", ls="C1", place="U6").reviews("2025-01-31").build(),
        "2025-03-20",
        "adoption",
    )
    # H2: in a children's home since 3 Dec 2024; no plan by the second review (due 20 Mar
    # 2025, 3 months after the first held 20 Dec 2024; 4 months would be 3 Apr): the
    # plan was due and is not there: "every plan", to bring it to the panel.
    c["H2"] = child("H2").enters("2024-12-03", ls="C2", place="K2").reviews("2024-12-20").build()
    # H3: s20 since 10 Feb 2025; the plan is not due until 7 Jun 2025 (second review due
    # 3 months after the first on 7 Mar) and none is recorded yet: not on the agenda.
    c["H3"] = child("H3").enters("2025-02-10", ls="V2", place="U6").reviews("2025-03-07").build()
    # H4: last heard 23 May 2024, still not in an approved long-term placement (U6),
    # 12 months on is 23 May 2025: "annual". A long-term match was ratified on 2 May 2025
    # (the placement is not yet recorded as long-term), so the theme of no permanent
    # placement does not include the child.
    c["H4"] = decided(
        heard(
            heard(
                planned(
                    child("H4")
                    .enters("2023-09-04", ls="C2", place="U6")
                    .reviews("2023-09-29", "2023-12-20", "2024-06-14", "2024-12-13")
                    .build(),
                    "2023-11-20",
                    "long_term_fostering",
                ),
                KIND,
                "2023-11-30",
            ),
            KIND,
            "2024-05-23",
        ),
        "long_term_match",
        "2025-05-02",
    )
    # H5: heard on 24 Apr 2025 with a plan of long-term fostering; the plan changed to
    # adoption on 12 May 2025: "plan changed".
    c["H5"] = heard(
        planned(
            planned(
                child("H5")
                .enters("2024-08-05", ls="C2", place="U6")
                .reviews("2024-08-30", "2024-11-29")
                .build(),
                "2024-10-01",
                "long_term_fostering",
            ),
            "2025-05-12",
            "adoption",
        ),
        KIND,
        "2025-04-24",
    )
    # H6: placed long-term (U4) with the same carers since 1 Oct 2024, never heard: "until
    # they are placed in a suitably approved long term placement": off.
    c["H6"] = planned(
        child("H6")
        .enters("2024-03-04", ls="C2", place="U6")
        .moves("2024-10-01", place="U4", rne="T", reason="PLACE")
        .build(),
        "2024-05-01",
        "long_term_fostering",
    )
    # H7: the long-term foster placement (U4) from 3 Jun 2024 ended on 2 May 2025 at the
    # carer's request (CREQB), after the hearing of 24 Oct 2024: "disruption".
    c["H7"] = heard(
        planned(
            child("H7")
            .enters("2024-06-03", ls="C2", place="U4")
            .moves("2025-05-02", place="U6", reason="CREQB")
            .build(),
            "2024-06-20",
            "long_term_fostering",
        ),
        KIND,
        "2024-10-24",
    )
    # H8: a short break (V3) over the sitting: not a child in care for the panel.
    c["H8"] = child("H8").enters("2025-05-23", ls="V3", place="U6").build()
    # H9: heard 16 May 2024, so due again by 16 May 2025, but left care on 12 May 2025
    # with a special guardianship order (E45): off.
    c["H9"] = heard(
        planned(
            child("H9")
            .enters("2023-05-02", ls="C2", place="U3")
            .leaves("2025-05-12", "E45")
            .build(),
            "2023-07-01",
            "sgo",
        ),
        KIND,
        "2024-05-16",
    )
    # H10: heard on 7 Mar 2024 in an earlier period of care; home on 1 Jul 2024; back in
    # care on 4 Nov 2024 with a plan of adoption agreed 10 Feb 2025: this plan has not been
    # presented: "every plan" (the earlier hearing is not this period's).
    c["H10"] = heard(
        planned(
            child("H10")
            .enters("2023-03-06", ls="V2", place="U6")
            .leaves("2024-07-01", "E4A")
            .enters("2024-11-04", ls="C1", place="U6")
            .reviews("2024-11-29", "2025-02-27")
            .build(),
            "2025-02-10",
            "adoption",
        ),
        KIND,
        "2024-03-07",
    )
    # H11: placed with parents (P1) on a care order, plan of home heard on 27 Feb 2025:
    # not due at this sitting; in the theme "placed with parents".
    c["H11"] = heard(
        planned(
            child("H11")
            .enters("2024-09-02", ls="C2", place="P1")
            .reviews("2024-09-27", "2024-12-19")
            .build(),
            "2024-12-01",
            "home",
        ),
        KIND,
        "2025-02-27",
    )
    # H12: s20, plan of home heard on 24 Apr 2025: not due; in the s20 theme.
    c["H12"] = heard(
        planned(
            child("H12")
            .enters("2024-12-02", ls="V2", place="U6")
            .reviews("2024-12-20", "2025-03-20")
            .build(),
            "2025-03-20",
            "home",
        ),
        KIND,
        "2025-04-24",
    )
    return c


def test_a_month_of_halton_children_child_by_child():
    children = _month()
    assert REVIEW.sittings(D("2025-05-01"), D("2025-05-31")) == [D(SITTING)]
    got = propose(REVIEW, children.values(), D(SITTING))
    assert {p.child_id: p.codes for p in got} == {
        "H1": ("every plan",),
        "H2": ("every plan",),
        "H4": ("annual",),
        "H5": ("plan changed",),
        "H7": ("disruption",),
        "H10": ("every plan",),
    }
    assert "plan: adoption (agreed 20 Mar 2025); not yet heard" in texts(got, "H1")["every plan"]
    assert (
        "no permanence plan recorded yet, though one was due by 20 Mar 2025"
        in (texts(got, "H2")["every plan"])
    )
    assert texts(got, "H4")["annual"].startswith(
        "last heard on 23 May 2024: 12 months on, 23 May 2025, is on or before the sitting"
    )
    assert texts(got, "H5")["plan changed"] == (
        "plan changed from long-term fostering to adoption on 12 May 2025, after the hearing"
        " on 24 Apr 2025"
    )
    assert texts(got, "H7")["disruption"] == (
        "U4 (foster care with another foster carer, long term) from 03 Jun 2024 ended on"
        " 02 May 2025: CREQB (carer asked for the placement to end because of the child's"
        " behaviour), since the hearing on 24 Oct 2024"
    )
    assert "looked after since 04 Nov 2024" in texts(got, "H10")["every plan"]


def test_the_thematic_panels_for_the_same_children():
    children = _month().values()
    arranged = "2025-05-15"  # as arranged by the chair and senior management

    def theme(key):
        return agenda(panel_definition("halton", key), children, arranged)

    assert theme("placed_with_parents") == {"H11": ("placed with parents",)}
    assert theme("section_20") == {"H3": ("s20",), "H12": ("s20",)}
    assert theme("residential") == {"H2": ("residential",)}
    # H4 has a long-term match, H6 is placed long-term (U4), H11 lives at home under a plan
    # of home; H8 is not in care on 15 May and H9 has left.
    assert set(theme("no_permanent_placement")) == {"H1", "H2", "H3", "H5", "H7", "H10", "H12"}
    # No SSDA903 code says "unregulated": the administrator adds children by hand.
    unregulated = panel_definition("halton", "unregulated")
    assert theme("unregulated") == {}
    assert [r.code for r in manual_reasons(unregulated)] == ["unregulated"]
    # The s20 reason says since when, and how long the child has been looked after.
    s20 = propose(panel_definition("halton", "section_20"), children, D(arranged))
    assert texts(s20, "H3")["s20"].startswith(
        "V2 (accommodated under section 20) since 10 Feb 2025; looked after since"
        " 10 Feb 2025 (13 weeks at the sitting)"
    )


def test_annual_is_twelve_months_to_the_day():
    def heard_on(day):
        c = planned(
            child("A1").enters("2023-09-04", ls="C2", place="U6").build(),
            "2023-11-20",
            "long_term_fostering",
        )
        return heard(c, KIND, day)

    assert agenda(REVIEW, [heard_on("2024-05-29")], SITTING) == {"A1": ("annual",)}
    assert agenda(REVIEW, [heard_on("2024-05-30")], SITTING) == {}


def test_a_plan_reworded_with_the_same_aims_is_not_a_change():
    c = child("A1").enters("2024-08-05", ls="C2", place="U6").build()
    planned(c, "2024-10-01", "adoption", "long_term_fostering")
    heard(c, KIND, "2025-04-24")
    planned(c, "2025-05-12", "adoption", "long_term_fostering")
    assert agenda(REVIEW, [c], SITTING) == {}
    planned(c, "2025-05-20", "adoption", "sgo")  # the contingency changed
    assert agenda(REVIEW, [c], SITTING) == {"A1": ("plan changed",)}


def test_disruption_only_when_unplanned_and_since_the_last_hearing():
    def placed(reason, heard_on=None, place="A6"):
        c = (
            child("A1")
            .enters("2023-06-05", ls="E1", place="U6")
            .moves("2024-09-02", place=place)
            .moves("2025-03-03", place="U6", reason=reason)
            .build()
        )
        if heard_on:
            heard(c, KIND, heard_on)
        return c

    # An adoptive placement (A6) that ended at the carers' request (CREQO).
    assert agenda(REVIEW, [placed("CREQO", "2024-11-28")], SITTING) == {"A1": ("disruption",)}
    # A planned ending (change to the care plan) is not a disruption.
    assert agenda(REVIEW, [placed("CARPL", "2024-11-28")], SITTING) == {}
    # Heard on 27 Mar 2025, after the disruption of 3 March: already heard.
    assert agenda(REVIEW, [placed("CREQO", "2025-03-27")], SITTING) == {}
    # A short-term placement (U6) that ended at the carers' request is not a permanence
    # placement.
    assert agenda(REVIEW, [placed("CREQO", "2024-11-28", place="U6")], SITTING) == {}


def test_never_heard_with_a_plan_agreed_before_it_is_due_comes_to_the_next_panel():
    # In care 3 Mar 2025, plan agreed 20 May 2025, before the second review is due.
    c = planned(child("A1").enters("2025-03-03", ls="C1").build(), "2025-05-20", "adoption")
    assert agenda(REVIEW, [c], SITTING) == {"A1": ("every plan",)}
    # Recorded at this sitting: the next sitting (26 Jun 2025) does not propose it again.
    heard(c, KIND, SITTING)
    assert agenda(REVIEW, [c], SITTING) == {"A1": ("every plan",)}
    assert REVIEW.sittings(D("2025-06-01"), D("2025-06-30")) == [D("2025-06-26")]
    assert agenda(REVIEW, [c], "2025-06-26") == {}


def test_placed_with_parents_needs_an_interim_or_full_care_order():
    on_order = child("A1").enters("2025-01-06", ls="C1", place="P1").build()
    s20 = child("A2").enters("2025-01-06", ls="V2", place="P1").build()
    theme = panel_definition("halton", "placed_with_parents")
    assert agenda(theme, [on_order, s20], SITTING) == {"A1": ("placed with parents",)}


def test_s20_after_a_run_of_short_breaks_counts_care_from_the_s20():
    c = child("A1").enters("2025-03-03", ls="V4", place="U6").legal("2025-05-05", "V2").build()
    got = propose(panel_definition("halton", "section_20"), [c], D(SITTING))
    assert texts(got, "A1")["s20"].startswith(
        "V2 (accommodated under section 20) since 05 May 2025; looked after since 05 May 2025"
        " (3 weeks at the sitting)"
    )

"""The panels of each council, as their profiles give them: who sits when, the notice,
the papers, and the criteria. Dates worked by hand against the GOV.UK England and Wales
bank holidays (2025: Good Friday 18 Apr, Easter Monday 21 Apr, 5 May, 26 May, Christmas
Day Thursday 25 Dec, Boxing Day Friday 26 Dec; 2026: New Year's Day Thursday 1 Jan)."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from permanence.panels import (
    CRITERIA,
    UnknownPanel,
    _definition,
    criteria_of,
    manual_reasons,
    panel_definition,
    panels_of,
)
from permanence.panels.model import nth_weekday, on_working_day
from permanence.profiles import UnknownProfile
from permanence.rules import ELSEWHERE, RULES
from permanence.workingdays import WorkingDayCalendar
from tests.builders import d as D

COUNCILS = ("bolton", "halton", "blackburn", "luton", "bradford")
POLICY_WORDS = {
    "bolton": "Bolton",
    "halton": "Halton",
    "blackburn": "Blackburn with Darwen",
    "luton": "Luton",
    "bradford": "Bradford",
}


def days(*texts):
    return [D(t) for t in texts]


def test_each_council_has_the_panels_its_policy_names():
    keys = {name: [p.key for p in panels_of(name)] for name in COUNCILS}
    assert keys == {
        "bolton": ["gateway", "permanence"],
        "halton": [
            "permanency_review",
            "placed_with_parents",
            "section_20",
            "unregulated",
            "no_permanent_placement",
            "residential",
        ],
        "blackburn": ["legal_gateway", "lasting_homes"],
        "luton": ["tracking"],
        "bradford": ["tracking"],
    }
    assert panels_of("national") == ()


def test_halton_logistics_are_the_policy_s():
    # "You will be invited to panel no less than 2 weeks in advance ... their Practice Lead
    # will be copied in"; "A list will be circulated two weeks prior ... in groupings
    # according to team manager"; "up to date ... no later than one week prior"; "15 min
    # timeslot"; "Senior manager in CSC (Chair)".
    p = panel_definition("halton", "permanency_review")
    assert (p.notice_days, p.papers_days, p.slot_minutes, p.group_by) == (14, 7, 15, "team_manager")
    assert p.chair_words == "Senior manager in CSC (chair)"
    assert "their Practice Lead (copied)" in p.invited and "the IRM" in p.invited
    assert p.meeting_kind == "permanency_review_panel" and p.rule == "halton.panel_every_plan"
    # Sitting: thematic panels are arranged by the chair and senior management.
    for key in ("placed_with_parents", "section_20", "unregulated", "no_permanent_placement"):
        assert panel_definition("halton", key).frequency == "as_arranged"


def test_blackburn_legal_gateway_is_weekly_chaired_by_a_head_of_service_papers_thursday():
    p = panel_definition("blackburn", "legal_gateway")
    assert (p.frequency, p.chair, p.papers_thursday_before) == ("weekly", "head_of_service", True)
    assert p.meeting_kind == "legal_gateway_panel"
    lasting = panel_definition("blackburn", "lasting_homes")
    assert (lasting.chair, lasting.meeting_kind) == ("head_of_service", "lasting_homes_panel")


def test_luton_tracking_is_monthly_and_bradford_s_is_held_in_the_teams():
    assert panel_definition("luton", "tracking").frequency == "monthly"
    bradford = panel_definition("bradford", "tracking")
    assert bradford.group_by == "team"
    assert "court consultant" in bradford.chair_words


@pytest.mark.parametrize(
    "profile,key",
    [
        ("bolton", "gateway"),
        ("bolton", "permanence"),
        ("halton", "permanency_review"),
        ("blackburn", "legal_gateway"),
        ("blackburn", "lasting_homes"),
        ("luton", "tracking"),
        ("bradford", "tracking"),
    ],
)
def test_what_the_policy_does_not_set_is_marked_as_the_product_s_default(profile, key):
    p = panel_definition(profile, key)
    assert "product's default" in p.default_note
    assert p.weekday is not None and p.sittings(date(2025, 6, 1), date(2025, 6, 30))


def test_every_criterion_belongs_to_a_panel_with_its_rule_and_names_its_policy():
    used = {c.id for name in COUNCILS for p in panels_of(name) for c in criteria_of(p)}
    assert used == set(CRITERIA)
    for name in COUNCILS:
        for p in panels_of(name):
            assert POLICY_WORDS[name] in p.source
            assert p.rule in RULES or p.rule in ELSEWHERE
            for c in criteria_of(p):
                assert c.rule == p.rule, c.id
                assert POLICY_WORDS[name] in c.source, c.id
                assert c.code and c.title


def test_manual_criteria_are_those_the_data_cannot_show():
    def codes(profile, key):
        return [(r.code, r.manual) for r in manual_reasons(panel_definition(profile, key))]

    assert codes("bolton", "gateway") == [("(a)", True)]  # at risk of becoming looked after
    assert codes("bolton", "permanence") == [("(e)", True)]  # joint or tripartite funding
    assert codes("halton", "unregulated") == [("unregulated", True)]
    assert codes("blackburn", "legal_gateway") == [("requested", True)]  # by the Service Lead
    assert codes("halton", "permanency_review") == []
    [funding] = manual_reasons(panel_definition("bolton", "permanence"))
    assert "tripartite" in funding.text and funding.rule == "bolton.permanence_panel"


def test_an_unknown_panel_or_profile_is_a_clear_error():
    with pytest.raises(UnknownPanel, match="its panels are legal_gateway, lasting_homes"):
        panel_definition("blackburn", "fostering")
    assert issubclass(UnknownPanel, ValueError)
    with pytest.raises(UnknownProfile):
        panels_of("wigan")


def test_a_profile_panel_with_a_mistake_is_refused_with_where_and_why():
    raw = {
        "name": "Test panel",
        "frequency": "monthly",
        "weekday": 1,
        "chair": "Head of Service",
        "chair_words": "Head of Service",
        "invited": ["the child's social worker"],
        "slot_minutes": 10,
        "notice_days": 7,
        "papers_days": 2,
        "group_by": "team",
        "meeting_kind": "tracking",
        "rule": "bradford.tracking_meetings",
        "source": "test",
        "criteria": ["bradford.tracking.permanence_planning"],
    }
    assert _definition("testshire", "t", raw).chair == "head_of_service"
    with pytest.raises(ValueError, match=r"\[panels.t\]: frequency 'daily'"):
        _definition("testshire", "t", raw | {"frequency": "daily"})
    with pytest.raises(ValueError, match="unknown criteria bradford.nope"):
        _definition("testshire", "t", raw | {"criteria": ["bradford.nope"]})
    with pytest.raises(ValueError, match="missing criteria"):
        _definition("testshire", "t", {k: v for k, v in raw.items() if k != "criteria"})
    with pytest.raises(ValueError, match="needs a weekday"):
        _definition("testshire", "t", raw | {"weekday": None})
    with pytest.raises(ValueError, match="unknown fields colour"):
        _definition("testshire", "t", raw | {"colour": "blue"})


# --- sittings ------------------------------------------------------------------------------


def test_weekly_legal_gateway_moves_off_easter_monday_to_the_tuesday():
    lgp = panel_definition("blackburn", "legal_gateway")
    assert lgp.sittings(D("2025-04-01"), D("2025-04-30")) == days(
        "2025-04-07", "2025-04-14", "2025-04-22", "2025-04-28"
    )
    assert lgp.sitting_note(D("2025-04-22")) == (
        "moved from Monday 21 Apr 2025 (Easter Monday) to Tuesday 22 Apr 2025"
    )
    assert lgp.sitting_note(D("2025-04-28")) == ""
    # Both May bank holidays are Mondays.
    assert lgp.sittings(D("2025-05-01"), D("2025-05-31")) == days(
        "2025-05-06", "2025-05-12", "2025-05-19", "2025-05-27"
    )


def test_a_sitting_moved_out_of_the_range_asked_for_is_not_in_it():
    lgp = panel_definition("blackburn", "legal_gateway")
    assert lgp.sittings(D("2025-04-21"), D("2025-04-21")) == []
    assert lgp.sittings(D("2025-04-22"), D("2025-04-22")) == [D("2025-04-22")]
    assert lgp.sittings(D("2025-04-30"), D("2025-04-01")) == []


def test_monthly_last_thursday_on_christmas_day_stays_in_december():
    # Last Thursday of December 2025 is Christmas Day; Friday 26 is Boxing Day and the next
    # working day, Monday 29, is another week: the panel sits on Wednesday 24 December.
    halton = panel_definition("halton", "permanency_review")
    assert halton.sittings(D("2025-12-01"), D("2025-12-31")) == [D("2025-12-24")]
    assert "Christmas Day" in halton.sitting_note(D("2025-12-24"))
    # In 2026 the last Thursday is 31 December, a working day.
    assert halton.sittings(D("2026-12-01"), D("2026-12-31")) == [D("2026-12-31")]
    # A whole year: twelve sittings, one in each month.
    year = halton.sittings(D("2025-01-01"), D("2025-12-31"))
    assert [s.month for s in year] == list(range(1, 13))


def test_last_friday_of_march_on_good_friday_sits_the_thursday_before_not_in_april():
    # 29 Mar 2024 is Good Friday and the last Friday of March; Monday 1 Apr is Easter
    # Monday, so the next working day (Tuesday 2 April) is in April: Thursday 28 March.
    p = replace(panel_definition("luton", "tracking"), weekday=4, week_of_month=-1)
    assert p.sittings(D("2024-03-01"), D("2024-03-31")) == [D("2024-03-28")]
    assert p.sittings(D("2024-04-01"), D("2024-04-30")) == [D("2024-04-26")]
    weekly = replace(p, frequency="weekly")
    assert weekly.sittings(D("2025-04-14"), D("2025-04-20")) == [D("2025-04-17")]


def test_first_monday_of_may_is_always_a_bank_holiday():
    luton = panel_definition("luton", "tracking")
    assert luton.sittings(D("2025-05-01"), D("2025-05-31")) == [D("2025-05-06")]
    assert luton.sittings(D("2026-05-01"), D("2026-05-31")) == [D("2026-05-05")]
    # New Year's Day 2029 is the first Monday of January.
    assert luton.sittings(D("2029-01-01"), D("2029-01-31")) == [D("2029-01-02")]


def test_a_council_closure_day_moves_the_sitting_too():
    calendar = WorkingDayCalendar(closures=[D("2025-04-07")])
    lgp = panel_definition("blackburn", "legal_gateway")
    assert lgp.sittings(D("2025-04-01"), D("2025-04-13"), calendar) == [D("2025-04-08")]
    assert lgp.sitting_note(D("2025-04-08"), calendar) == (
        "moved from Monday 07 Apr 2025 (not a working day) to Tuesday 08 Apr 2025"
    )


def test_fortnightly_panels_alternate_from_their_anchor_and_as_arranged_have_no_dates():
    lgp = replace(
        panel_definition("blackburn", "legal_gateway"),
        frequency="fortnightly",
        anchor=D("2025-04-07"),
    )
    assert lgp.sittings(D("2025-04-01"), D("2025-05-10")) == days(
        "2025-04-07", "2025-04-22", "2025-05-06"
    )
    assert panel_definition("halton", "section_20").sittings(D("2025-01-01"), D("2025-12-31")) == []


def test_nth_weekday_and_working_day_helpers():
    assert nth_weekday(2025, 5, 0, 1) == D("2025-05-05")
    assert nth_weekday(2025, 5, 0, -1) == D("2025-05-26")
    assert nth_weekday(2025, 3, 2, 3) == D("2025-03-19")
    assert on_working_day(D("2025-05-05")) == D("2025-05-06")
    assert on_working_day(D("2025-05-07")) == D("2025-05-07")


# --- notice and papers ---------------------------------------------------------------------


def test_halton_invitations_and_list_two_weeks_before_records_one_week_before():
    p = panel_definition("halton", "permanency_review")
    sitting = D("2025-04-24")  # Thursday
    assert p.invite_by(sitting) == D("2025-04-10")
    assert p.papers_by(sitting) == D("2025-04-17")
    assert p.papers_note(sitting) == "by Thursday 17 Apr 2025, 7 days before the panel"


def test_legal_gateway_papers_by_the_end_of_the_thursday_before():
    lgp = panel_definition("blackburn", "legal_gateway")
    assert lgp.papers_by(D("2025-04-14")) == D("2025-04-10")  # Monday -> Thursday before
    # Moved to Tuesday 22 April: still the Thursday of the week before (17 April).
    assert lgp.papers_by(D("2025-04-22")) == D("2025-04-17")
    # An urgent panel on a Thursday: the Thursday a week before; on a Friday: the day before.
    assert lgp.papers_by(D("2025-04-24")) == D("2025-04-17")
    assert lgp.papers_by(D("2025-04-25")) == D("2025-04-24")
    assert lgp.invite_by(D("2025-04-14")) == D("2025-04-07")


@pytest.mark.parametrize(
    "sitting,thursday,holiday",
    [
        ("2025-12-29", "2025-12-25", "Christmas Day"),
        ("2024-12-30", "2024-12-26", "Boxing Day"),
        ("2026-01-05", "2026-01-01", "New Year's Day"),
    ],
)
def test_papers_thursday_on_a_bank_holiday_is_still_the_thursday_and_says_so(
    sitting, thursday, holiday
):
    lgp = panel_definition("blackburn", "legal_gateway")
    assert lgp.papers_by(D(sitting)) == D(thursday)
    note = lgp.papers_note(D(sitting))
    assert note.startswith(f"by the end of Thursday {D(thursday):%d %b %Y}")
    assert f"is a bank holiday ({holiday})" in note
    assert "the policy names the Thursday, so it is still the deadline" in note


def test_papers_note_on_an_ordinary_thursday_has_no_warning():
    note = panel_definition("blackburn", "legal_gateway").papers_note(D("2025-04-14"))
    assert note == "by the end of Thursday 10 Apr 2025, the Thursday before the panel"


def test_the_documentation_names_every_panel_and_criterion():
    text = (Path(__file__).resolve().parents[2] / "docs" / "panels.md").read_text()
    for name in COUNCILS:
        for p in panels_of(name):
            assert f"`{p.key}`" in text, p.key
            for c in criteria_of(p):
                assert f"`{c.id}`" in text, c.id

"""A connected person's temporary approval and its regulation 25 extension: CPPCR regs
24-25 and Bradford, policies/004_b99bb409667e0dca.txt, "Living with Kinship Carers"."""

import pytest

from permanence.domain.model import Decision, Meeting
from tests.approvals.helpers import checklist, item, missing, tick
from tests.builders import ChildBuilder
from tests.builders import d as D

REG = "kinship.reg24"


def with_kin(place="U3"):
    # Placed 1 Mar 2024: 16 weeks = 21 Jun 2024; 24 weeks = 16 Aug 2024.
    return ChildBuilder("C1", dob="2018-01-01").enters("2024-03-01", place=place).build()


def reg(child, as_of="2024-06-03", profile="bradford"):
    return checklist(child, as_of, profile, REG)


@pytest.mark.parametrize(
    "profile", ["national", "bolton", "halton", "blackburn", "luton", "bradford"]
)
def test_every_profile_has_it_a_national_rule(profile):
    assert reg(with_kin(), profile=profile) is not None


def test_applies_while_a_connected_person_is_not_yet_approved():
    # "a child can be placed subject to Reg 24 for 16 weeks (extended to 24 weeks through
    # Reg 25 agreement)"
    child = with_kin()
    got = reg(child)
    assert got.due == D("2024-06-21") and "16 weeks" in got.applies_because
    assert got.approver_roles == {"nominated_officer"} and got.decision_kind == "reg25_extension"
    child.recorded.decisions.append(Decision("connected_person_approved", D("2024-05-20"), "adm"))
    assert reg(child) is None
    assert reg(with_kin(place="U6")) is None


def test_head_of_service_agreement_before_placement_counts_a_team_manager_s_does_not():
    # "The Head of Service is required to agree these placements before the child is placed."
    child = with_kin()
    child.recorded.decisions.append(
        Decision("reg24_placement_agreed", D("2024-02-29"), "team_manager")
    )
    got = reg(child)
    assert "hos_agreed" in missing(got)
    assert "counts only from the Head of Service" in item(got, "hos_agreed").evidence
    child.recorded.decisions.append(
        Decision("reg24_placement_agreed", D("2024-03-01"), "head_of_service")
    )
    got = reg(child)
    assert item(got, "hos_agreed").done == D("2024-03-01")
    assert "after the child was placed" not in item(got, "hos_agreed").evidence


def test_agreement_after_the_child_was_placed_is_shown_as_late():
    child = with_kin()
    child.recorded.decisions.append(
        Decision("reg24_placement_agreed", D("2024-03-04"), "head_of_service")
    )
    assert "after the child was placed on 01 Mar 2024" in item(reg(child), "hos_agreed").evidence


def test_the_extension_needs_the_fostering_panel_s_view_the_iro_informed_and_a_nominated_officer():
    # reg 25(4): "seek the views of the fostering panel ... inform the IRO"; 25(5): "A
    # decision to extend temporary approval must be approved by a nominated officer."
    child = with_kin()
    child.recorded.decisions.append(
        Decision("reg24_placement_agreed", D("2024-02-28"), "head_of_service")
    )
    child.recorded.meetings.append(Meeting("fostering_panel", D("2024-06-04")))
    tick(child, REG, "still_most_appropriate", "2024-06-03")
    tick(child, REG, "iro_informed", "2024-06-05")
    child.recorded.decisions.append(Decision("reg25_extension", D("2024-06-10"), "head_of_service"))
    got = reg(child, "2024-06-12")
    assert got.complete and got.approved is None
    assert "by a head of service does not count" in got.not_counted[0]
    child.recorded.decisions.append(
        Decision("reg25_extension", D("2024-06-11"), "nominated_officer")
    )
    assert reg(child, "2024-06-12").approved == D("2024-06-11")


def test_an_extension_after_the_16_weeks_expired_is_not_counted():
    child = with_kin()
    child.recorded.decisions.append(
        Decision("reg25_extension", D("2024-06-24"), "nominated_officer")
    )
    got = reg(child, "2024-07-01")
    assert got.approved is None
    assert any("after the temporary approval expired on 21 Jun 2024" in n for n in got.not_counted)


def test_past_24_weeks_no_further_extension_is_possible():
    # reg 25(2): "extend the temporary approval once for a further period of up to eight
    # weeks": 16 + 8 = 24 weeks, 16 Aug 2024.
    child = with_kin()
    assert item(reg(child, "2024-08-16"), "within_24_weeks").done is not None
    got = reg(child, "2024-08-17")
    assert "within_24_weeks" in missing(got)
    assert "24 weeks ended on 16 Aug 2024" in item(got, "within_24_weeks").evidence

"""Every checklist is a rule of the catalogue, names its source, and belongs to the
profiles whose council (or the national rules) sets it."""

import re

import pytest

from permanence.approvals import CHECKLISTS, UnknownChecklist, checklist, checklist_ids
from permanence.profiles import PROFILE_NAMES

WORDS = {
    "blackburn": "Blackburn with Darwen",
    "bolton": "Bolton",
    "bradford": "Bradford",
    "luton": "Luton",
    "kinship": "CPPCR regs 24-25",
}


def test_every_checklist_id_is_a_catalogued_rule_id(shared):
    catalogue = set(
        re.findall(
            r"^\| ([a-z_0-9]+\.[a-z_0-9]+) \|", (shared / "POLICY-RULES.md").read_text(), re.M
        )
    )
    assert set(CHECKLISTS) <= catalogue


def test_every_checklist_names_its_title_source_and_approver():
    for checklist_id, cls in CHECKLISTS.items():
        assert cls.id == checklist_id and cls.title and cls.approver
        assert WORDS[checklist_id.split(".")[0]] in cls.source, checklist_id
        assert bool(cls.approver_roles) == bool(cls.decision_kind), checklist_id


def test_profiles_have_their_council_s_checklists_and_the_national_one():
    assert checklist_ids("national") == ("kinship.reg24",)
    assert checklist_ids("halton") == ("kinship.reg24",)
    assert set(checklist_ids("blackburn")) == {
        "blackburn.long_term_match",
        "blackburn.residential",
        "blackburn.reunification",
        "kinship.reg24",
    }
    assert set(checklist_ids("bolton")) == {
        "bolton.residential_endorsed",
        "bolton.ltf_under_5",
        "kinship.reg24",
    }
    assert set(checklist_ids("luton")) == {
        "luton.adm_ratification",
        "luton.achieved",
        "kinship.reg24",
    }
    assert set(checklist_ids("bradford")) == {"bradford.ltf_definition", "kinship.reg24"}
    assert {i for p in PROFILE_NAMES for i in checklist_ids(p)} == set(CHECKLISTS)


def test_an_unknown_checklist_is_a_clear_error():
    with pytest.raises(UnknownChecklist, match="choose one of blackburn.long_term_match"):
        checklist("wigan.match")

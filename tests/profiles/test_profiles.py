"""Profiles choose rules and parameters; the catalogue in POLICY-RULES.md is the authority."""

import importlib
import re

import pytest

from permanence import profiles
from permanence.profiles import PROFILE_NAMES, UnknownProfile, load_profile
from permanence.rules import ELSEWHERE, RULES

COUNCIL_HEADINGS = {
    "Bolton": "bolton",
    "Halton": "halton",
    "Blackburn with Darwen": "blackburn",
    "Luton": "luton",
    "Bradford": "bradford",
}


def catalogue(shared):
    """Rule ids by profile, read from the tables of POLICY-RULES.md."""
    text = (shared / "POLICY-RULES.md").read_text()
    out: dict[str, list[str]] = {}
    section = None
    for line in text.splitlines():
        if line.startswith("## National rules"):
            section = "national"
        elif line.startswith("### "):
            name = re.sub(r" \(.*", "", line[4:]).strip()
            section = COUNCIL_HEADINGS.get(name)
        elif line.startswith("## "):
            section = None
        elif section and (m := re.match(r"\|\s*([a-z_0-9]+\.[a-z_0-9.]+)\s*\|", line)):
            out.setdefault(section, []).append(m.group(1))
    return out


def test_every_catalogued_rule_is_in_its_profile_and_nowhere_else(shared):
    ids = catalogue(shared)
    assert len(ids["national"]) == 17 and set(ids) == set(PROFILE_NAMES)
    for name in PROFILE_NAMES:
        p = load_profile(name)
        expected = set(ids["national"]) | (set(ids[name]) if name != "national" else set())
        assert set(p.rule_ids) | set(p.elsewhere) == expected, name


def test_every_rule_that_is_evaluated_names_its_id_title_and_source():
    for rule_id, cls in RULES.items():
        assert cls.id == rule_id and cls.title and cls.source, rule_id
        council = rule_id.split(".")[0]
        if council in COUNCIL_HEADINGS.values():
            words = {"blackburn": "Blackburn with Darwen"}.get(council, council.capitalize())
            assert words in cls.source, f"{rule_id} source should name the {words} policy"


def test_only_non_deadline_rules_are_left_to_other_parts_of_the_product():
    assert not set(ELSEWHERE) & set(RULES)
    for rule_id, where in ELSEWHERE.items():
        if "needs facts" in where:
            continue
        # The rest name the part of the product that deals with them, and it exists.
        module = re.search(r"\((permanence\.[\w.]+)\)", where)
        assert module, (rule_id, where)
        importlib.import_module(module.group(1))


def test_unknown_profile_is_a_clear_error():
    with pytest.raises(UnknownProfile, match="choose one of national, bolton"):
        load_profile("wigan")


def test_a_council_can_tighten_a_statutory_timescale_but_not_loosen_it(monkeypatch):
    real = profiles._read

    def fake(name):
        if name == "testshire":
            return {
                "title": "Testshire",
                "policy": "test",
                "extends": "national",
                "rules": [],
                "params": {
                    "review.first": {"working_days": 15},
                    "review.subsequent": {"months": 12},
                },
            }
        return real(name)

    monkeypatch.setattr(profiles, "_read", fake)
    monkeypatch.setattr(profiles, "PROFILE_NAMES", (*PROFILE_NAMES, "testshire"))
    load_profile.cache_clear()
    try:
        p = load_profile("testshire")
    finally:
        load_profile.cache_clear()
    assert p.params["review.first"]["working_days"] == 15
    assert p.params["review.subsequent"]["months"] == 6
    assert any("looser than the national 6" in n for n in p.notes)


def test_halton_and_bradford_plan_deadlines_are_parameters_of_their_profiles():
    assert load_profile("halton").params["halton.plan_by_second_review"] == {"months": 4}
    assert load_profile("bradford").params["bradford.plan_16_weeks"] == {"weeks": 16}
    assert load_profile("luton").params["luton.ppm"] == {"weeks": 4}

"""Permanence plans: each change a new version; a change over someone else's newer
version is refused and the difference shown; the elements the rules read come from the
texts filled in."""

from datetime import date

import pytest
from django.urls import reverse

from permanence.rules import halton
from permanence.rules.engine import Status
from permanence.web.accounts.models import Role, Team, User
from permanence.web.children import domain, models, selectors, services
from tests.web.children.test_recording import dated, obligations, page_ready

pytestmark = pytest.mark.django_db

SIX = {
    "objectives_and_tasks": "Find a long-term foster home",
    "timescales": "By the third review",
    "responsible": "Social worker",
    "success_criteria": "Matched and settled",
    "contingency_plan": "Special guardianship with the aunt",
    "childs_voice": "Wants to stay at school",
}


@pytest.fixture
def team(db):
    return Team.objects.create(name="Permanence team")


@pytest.fixture
def sw(team):
    return User.objects.create_user(
        "sw", role=Role.SOCIAL_WORKER, team=team, password="pw-long-enough-1"
    )


@pytest.fixture
def tm(team):
    return User.objects.create_user(
        "tm", role=Role.TEAM_MANAGER, team=team, password="pw-long-enough-2"
    )


@pytest.fixture
def child(team):
    child = models.Child.objects.create(
        child_id="P1", dob=date(2016, 1, 1), team=team, profile="halton"
    )
    child.episodes.create(start=date(2024, 1, 8), reason_new="S", legal_status="C1", placement="U6")
    return child


def first_plan(child, by, **more):
    return services.record_plan(
        child,
        by=by,
        based_on=0,
        agreed=date(2024, 3, 1),
        primary="long_term_fostering",
        contingency="sgo",
        **more,
    )


def test_the_element_keys_are_the_ones_the_rules_read():
    assert {key for key, _ in models.REQUIRED_ELEMENTS.values()} == set(halton.PLAN_ELEMENTS)


def test_a_change_is_a_new_version_and_the_latest_is_the_plan(child, sw, tm):
    v1 = first_plan(child, sw, timescales="By the second review")
    v2 = services.record_plan(
        child, by=tm, based_on=1, **({n: getattr(v1, n) for n in services.PLAN_FIELDS} | SIX)
    )
    assert [p.version for p in child.plans.all()] == [1, 2]
    assert services.current_plan(child) == v2
    assert v1.elements == ["timescales"]
    assert set(v2.elements) == set(halton.PLAN_ELEMENTS)
    assert (v2.history.get().history_user, v2.recorded_by) == (tm, tm)
    assert v2.history.get().history_change_reason == "permanence plan version 2"
    # The first version is as it was.
    v1.refresh_from_db()
    assert v1.timescales == "By the second review" and v1.childs_voice == ""


def test_a_save_over_a_newer_version_is_refused_and_shows_the_difference(child, sw, tm):
    first_plan(child, sw, timescales="6 months")
    # Both open version 1; the team manager saves first.
    services.record_plan(
        child,
        by=tm,
        based_on=1,
        agreed=date(2024, 3, 1),
        primary="long_term_fostering",
        contingency="sgo",
        timescales="9 months",
    )
    with pytest.raises(services.PlanConflict) as refused:
        services.record_plan(
            child,
            by=sw,
            based_on=1,
            agreed=date(2024, 3, 1),
            primary="adoption",
            contingency="sgo",
            timescales="6 months",
            childs_voice="Wants to see her brother",
        )
    assert child.plans.count() == 2  # nothing saved
    conflict = refused.value
    diff = {
        d.field: (d.theirs, d.yours, d.you_changed, d.they_changed) for d in conflict.differences
    }
    assert diff == {
        "primary": ("Long-term fostering", "Adoption", True, False),
        "timescales": ("9 months", "6 months", False, True),
        "childs_voice": ("Not given", "Wants to see her brother", True, False),
    }
    # Re-applied: yours where you changed it, theirs elsewhere, based on their version.
    merged = conflict.merged()
    assert (merged["primary"], merged["timescales"], merged["based_on"]) == (
        "adoption",
        "9 months",
        2,
    )
    v3 = services.record_plan(child, by=sw, **merged)
    assert (v3.version, v3.primary, v3.timescales) == (3, "adoption", "9 months")


def test_the_plan_makes_the_plan_rules_met_and_names_its_missing_elements(child, sw):
    as_of = date(2024, 6, 3)
    assert obligations(child, as_of, "plan.permanence")[0].status == Status.OVERDUE
    first_plan(child, sw, **{k: v for k, v in SIX.items() if k != "childs_voice"})
    [ob] = obligations(child, as_of, "plan.permanence")
    assert (ob.done, ob.status) == (date(2024, 3, 1), Status.MET)
    [alert] = [
        a for a in selectors.deadlines_for(child, as_of).alerts if a.rule == "halton.plan_elements"
    ]
    assert alert.detail.endswith("does not name: the child's voice")
    services.record_plan(
        child, by=sw, based_on=1, agreed=date(2024, 3, 1), primary="long_term_fostering", **SIX
    )
    result = selectors.deadlines_for(child, as_of)
    assert not [a for a in result.alerts if a.rule == "halton.plan_elements"]


def test_a_correction_replaces_the_version_it_corrects_and_a_new_plan_adds_to_them(child, sw):
    first_plan(child, sw)
    services.record_plan(child, by=sw, based_on=1, agreed=date(2024, 2, 26), primary="home")
    services.record_plan(child, by=sw, based_on=2, agreed=date(2024, 9, 2), primary="adoption")
    plans = domain.domain_child(child).recorded.plans
    assert [(p.agreed, p.primary) for p in plans] == [
        (date(2024, 2, 26), "home"),
        (date(2024, 9, 2), "adoption"),
    ]


# Pages.


def plan_post(based_on, **values):
    data = {"based_on": based_on, "primary": "long_term_fostering", "contingency": "sgo"}
    data |= dated("agreed", date(2024, 3, 1))
    data |= values
    return data


def test_two_people_change_the_plan_at_once(client, child, sw, tm):
    page_ready()
    first_plan(child, sw, timescales="6 months")
    url = reverse("record:plan", kwargs={"child_id": "P1"})
    client.force_login(sw)
    opened = client.get(url)
    assert opened.status_code == 200
    assert opened.context["form"].initial["based_on"] == 1
    # The team manager saves version 2 meanwhile.
    client.force_login(tm)
    saved = client.post(url, plan_post(1, timescales="9 months"), follow=True)
    assert saved.redirect_chain[-1][0] == reverse("children:child", kwargs={"child_id": "P1"})
    assert "Permanence plan saved (version 2)" in saved.content.decode()
    # The social worker's save, based on version 1, is refused and the difference shown.
    client.force_login(sw)
    refused = client.post(url, plan_post(1, timescales="6 months", childs_voice="Wants to stay"))
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Someone else changed this plan" in page
    diff = {d.field: (d.theirs, d.yours) for d in refused.context["conflict"].differences}
    assert diff == {
        "timescales": ("9 months", "6 months"),
        "childs_voice": ("Not given", "Wants to stay"),
    }
    assert "9 months" in page and "Wants to stay" in page
    assert services.current_plan(child).version == 2
    # Saving again, now based on version 2, works.
    again = client.post(url, plan_post(2, timescales="9 months", childs_voice="Wants to stay"))
    assert again.status_code == 302
    current = services.current_plan(child)
    assert (current.version, current.timescales, current.childs_voice, current.recorded_by) == (
        3,
        "9 months",
        "Wants to stay",
        sw,
    )


def test_the_plan_page_creates_version_2_attributed_to_the_person(client, child, sw):
    page_ready()
    first_plan(child, sw)
    client.force_login(sw)
    url = reverse("record:plan", kwargs={"child_id": "P1"})
    response = client.post(url, plan_post(1, **SIX))
    assert response.status_code == 302
    v2 = services.current_plan(child)
    assert v2.version == 2 and v2.history.get().history_user == sw
    assert set(v2.elements) == set(halton.PLAN_ELEMENTS)


def test_the_plan_page_shows_what_is_wrong(client, child, sw):
    page_ready()
    client.force_login(sw)
    url = reverse("record:plan", kwargs={"child_id": "P1"})
    response = client.post(url, plan_post(0, primary="sgo", contingency="sgo"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "The contingency plan must be different from the plan for permanence" in page
    assert not child.plans.exists()

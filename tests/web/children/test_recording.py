"""Recording: who may record what for which child, the pages, and every fact recorded
reaching the one rules engine (met or overdue where it used to be "not known")."""

import html
import re
from datetime import date
from pathlib import Path

import pytest
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import NoReverseMatch, reverse

import permanence.rules
from permanence.rules.engine import Status
from permanence.web.accounts.models import Role, Team, User
from permanence.web.children import domain, models, selectors, services
from permanence.web.children.access import children_changeable_by
from permanence.web.forms import GovukDateInput
from permanence.web.permissions import Page

pytestmark = pytest.mark.django_db

# Helpers the plan tests share.


def dated(name: str, day: date | None) -> dict[str, str]:
    """The POST data of a GOV.UK date input (Day, Month, Year boxes)."""
    widget = GovukDateInput()
    parts = widget.decompress(day)
    return {
        f"{name}{suffix}": "" if v is None else str(v)
        for suffix, v in zip(widget.widgets_names, parts, strict=True)
    }


def obligations(child, as_of, rule):
    return [o for o in selectors.deadlines_for(child, as_of).obligations if o.rule == rule]


def page_ready():
    """The pages need the layout, the error summary and the child's page (other work)."""
    try:
        get_template("base.html")
        get_template("includes/error_summary.html")
        reverse("children:child", kwargs={"child_id": "X"})
    except (TemplateDoesNotExist, NoReverseMatch) as missing:
        pytest.skip(f"not there yet: {missing}")


def text(response) -> str:
    return html.unescape(response.content.decode())


# The people and children.


@pytest.fixture
def teams(db):
    return Team.objects.create(name="A"), Team.objects.create(name="B")


@pytest.fixture
def people(teams):
    a, b = teams
    make = User.objects.create_user
    return {
        "sw_a": make("sw_a", role=Role.SOCIAL_WORKER, team=a, password="pw-long-enough-1"),
        "tm_a": make("tm_a", role=Role.TEAM_MANAGER, team=a, password="pw-long-enough-2"),
        "sw_b": make("sw_b", role=Role.SOCIAL_WORKER, team=b, password="pw-long-enough-3"),
        "tm_b": make("tm_b", role=Role.TEAM_MANAGER, team=b, password="pw-long-enough-9"),
        "iro": make("iro", role=Role.IRO, password="pw-long-enough-4"),
        "hos": make("hos", role=Role.HEAD_OF_SERVICE, password="pw-long-enough-5"),
        "panel": make("panel", role=Role.PANEL_ADMINISTRATOR, password="pw-long-enough-6"),
        "analyst": make("analyst", role=Role.ANALYST, password="pw-long-enough-7"),
        "admin": make("admin", role=Role.ADMINISTRATOR, password="pw-long-enough-8"),
    }


@pytest.fixture
def child(teams, people):
    """Looked after from Monday 8 January 2024, in team A, reviewed by the IRO."""
    child = models.Child.objects.create(
        child_id="C1", dob=date(2016, 1, 1), team=teams[0], iro=people["iro"], profile="bolton"
    )
    child.episodes.create(start=date(2024, 1, 8), reason_new="S", legal_status="C1", placement="U6")
    return child


@pytest.fixture
def other(teams):
    return models.Child.objects.create(child_id="C2", team=teams[1])


AS_OF = date(2024, 6, 3)


# Kinds: every kind of meeting, decision and assessment a rule reads can be recorded.


def kinds_read_by_the_rules() -> dict[str, set[str]]:
    source = "\n".join(p.read_text() for p in Path(permanence.rules.__file__).parent.glob("*.py"))
    found = {
        "meetings": r'meetings_of\(case, "(\w+)"|meeting_kind = "(\w+)"|m\.kind == "(\w+)"',
        "decisions": r'decisions_of\(case, "(\w+)"|decision_kind = "(\w+)"|d\.kind == "(\w+)"',
        "assessments": r'a\.kind == "(\w+)"',
    }
    return {
        what: {
            k
            for groups in re.findall(pattern, source)
            for k in (groups if isinstance(groups, tuple) else (groups,))
            if k
        }
        for what, pattern in found.items()
    }


def test_every_kind_the_rules_read_can_be_recorded():
    read = kinds_read_by_the_rules()
    assert len(read["meetings"]) >= 10 and len(read["decisions"]) >= 10
    assert read["meetings"] <= set(models.Meeting.Kind.values)
    assert read["decisions"] <= set(models.Decision.Kind.values)
    assert read["assessments"] <= set(models.Assessment.Kind.values)
    # The seven meetings practitioners hold are there too.
    assert {
        "permanence_planning",
        "care_planning",
        "placement_planning",
        "stability",
        "disruption",
        "family_group_conference",
        "final_care_planning",
    } <= set(models.Meeting.Kind.values)


def test_every_role_a_rule_asks_for_can_be_given():
    from permanence.domain import roles

    assert set(models.DeciderRole.values) == set(roles.SENIORITY) | {
        roles.ADM,
        roles.IRO,
        roles.NOMINATED_OFFICER,
        roles.PANEL_ADMINISTRATOR,
    }


# Who may change which child.


def test_who_may_change_which_child(child, other, people):
    def changes(who, page=None):
        return set(children_changeable_by(people[who], page).values_list("child_id", flat=True))

    for page in (None, Page.RECORD_PLAN, Page.RECORD_FAMILY, Page.RECORD_REVIEW):
        assert changes("sw_a", page) == changes("tm_a", page) == {"C1"}
        assert changes("sw_b", page) == {"C2"}
    assert changes("iro", Page.RECORD_REVIEW) == changes("iro", Page.RECORD_MEETING) == {"C1"}
    assert changes("iro", Page.RECORD_PLAN) == changes("iro", Page.RECORD_DECISION) == set()
    assert changes("hos", Page.RECORD_DECISION) == {"C1", "C2"}
    assert changes("hos", Page.RECORD_PLAN) == changes("hos", Page.RECORD_MEETING) == set()
    assert changes("panel", Page.RECORD_MEETING) == {"C1", "C2"}
    assert changes("panel", Page.RECORD_REVIEW) == set()
    assert changes("hos") == changes("panel") == {"C1", "C2"}
    for who in ("analyst", "admin"):
        assert changes(who) == set()
    people["sw_a"].is_active = False
    assert changes("sw_a") == set()


# Every fact recorded reaches the rules.


def test_a_genogram_makes_the_genogram_rule_met(child, people):
    [ob] = obligations(child, AS_OF, "bolton.genogram")
    assert (ob.due, ob.status) == (date(2024, 1, 8), Status.OVERDUE)  # was "not known"
    services.record_genogram(child, by=people["sw_a"], completed=date(2024, 1, 8))
    [ob] = obligations(child, AS_OF, "bolton.genogram")
    assert (ob.done, ob.status) == (date(2024, 1, 8), Status.MET)


def test_a_sibling_assessment_before_the_plan_makes_siblings_first_met(child, people):
    child.profile = "halton"
    child.save()
    services.record_plan(
        child, by=people["sw_a"], based_on=0, agreed=date(2024, 3, 1), primary="home"
    )
    [ob] = obligations(child, AS_OF, "halton.siblings_first")
    assert (ob.due, ob.status) == (date(2024, 3, 1), Status.OVERDUE)
    services.record_sibling(
        child, by=people["sw_a"], name="Sam", assessment_completed=date(2024, 2, 20)
    )
    [ob] = obligations(child, AS_OF, "halton.siblings_first")
    assert (ob.done, ob.status) == (date(2024, 2, 20), Status.MET)


def test_a_decision_counts_only_when_made_in_the_role_the_policy_names(child, people):
    child.profile = "blackburn"
    child.save()
    tm = people["tm_a"]
    [ob] = obligations(child, AS_OF, "blackburn.entering_care")
    assert ob.status == Status.OVERDUE
    services.record_decision(
        child, by=tm, kind="entering_care", made=date(2024, 1, 5), role="team_manager"
    )
    services.record_decision(
        child,
        by=tm,
        kind="entering_care",
        made=date(2024, 1, 6),
        role="director",
        outcome="not_approved",
    )
    assert obligations(child, AS_OF, "blackburn.entering_care")[0].status == Status.OVERDUE
    services.record_decision(
        child, by=tm, kind="entering_care", made=date(2024, 1, 7), role="head_of_service"
    )
    [ob] = obligations(child, AS_OF, "blackburn.entering_care")
    assert (ob.done, ob.status) == (date(2024, 1, 7), Status.MET)


def test_a_child_and_family_assessment_and_a_life_story_book_count(child, people):
    sw = people["sw_a"]
    child.profile = "blackburn"
    child.save()
    [ob] = obligations(child, date(2025, 2, 3), "blackburn.cf_assessment_12_months")
    assert (ob.due, ob.status) == (date(2025, 1, 8), Status.OVERDUE)
    services.record_assessment(child, by=sw, kind="child_and_family", completed=date(2025, 1, 6))
    [ob] = obligations(child, date(2025, 2, 3), "blackburn.cf_assessment_12_months")
    assert ob.status == Status.MET
    # Placed for adoption on 1 April 2024: the life story book is expected from then.
    child.profile = "bolton"
    child.save()
    first = child.episodes.get()
    first.end, first.reason_end = date(2024, 4, 1), "X1"
    first.save()
    child.episodes.create(start=date(2024, 4, 1), reason_new="P", legal_status="E1", placement="A4")
    assert obligations(child, AS_OF, "bolton.life_story_book")[0].status == Status.OVERDUE
    services.record_life_story(child, by=sw, book_given=date(2024, 5, 1))
    [ob] = obligations(child, AS_OF, "bolton.life_story_book")
    assert (ob.done, ob.status) == (date(2024, 5, 1), Status.MET_LATE)


def test_viability_assessments_of_the_family_network_are_assessments(child, people):
    services.record_family_member(
        child,
        by=people["sw_a"],
        name="Ann",
        relationship="maternal aunt",
        viability_completed=date(2024, 2, 1),
        viability_outcome="positive",
    )
    services.record_family_member(child, by=people["sw_a"], name="Bob", relationship="uncle")
    recorded = domain.domain_child(child).recorded
    assert [(a.kind, a.completed) for a in recorded.assessments] == [
        ("viability", date(2024, 2, 1))
    ]
    assert {"assessments", "genogram", "life_story_book"} <= domain.domain_child(child).known


# Pages.

PAGES = [
    "plan",
    "review",
    "meeting",
    "decision",
    "assessment",
    "family-time",
    "sibling",
    "life-story",
    "family-member",
    "genogram",
]


def url(name, child_id="C1"):
    return reverse(f"record:{name}", kwargs={"child_id": child_id})


@pytest.mark.parametrize("name", PAGES)
def test_another_teams_social_worker_or_manager_gets_404(client, child, people, name):
    page_ready()
    for who in ("sw_b", "tm_b") if name != "decision" else ("tm_b",):
        client.force_login(people[who])
        assert client.get(url(name)).status_code == 404
        assert client.post(url(name), {}).status_code == 404
    assert not models.Meeting.objects.exists() and not models.Decision.objects.exists()


@pytest.mark.parametrize("name", PAGES)
def test_an_analyst_gets_403_and_someone_signed_out_is_sent_to_sign_in(client, child, people, name):
    page_ready()
    assert client.get(url(name)).status_code == 302
    client.force_login(people["analyst"])
    assert client.get(url(name)).status_code == 403
    assert client.post(url(name), {}).status_code == 403


def test_an_iro_records_reviews_for_the_children_they_review_only(client, child, other, people):
    page_ready()
    client.force_login(people["iro"])
    assert client.get(url("review")).status_code == 200
    assert client.get(url("review", "C2")).status_code == 404
    assert client.get(url("plan")).status_code == 403
    response = client.post(
        url("review"),
        {**dated("held", date(2024, 2, 5)), "iro": people["iro"].pk, "plan_ratified": "yes"},
    )
    assert response.status_code == 302
    review = child.reviews.get()
    assert (review.date, review.plan_ratified, review.iro) == (
        date(2024, 2, 5),
        True,
        people["iro"],
    )


def test_a_head_of_service_records_a_decision_for_any_child(client, child, other, people):
    page_ready()
    client.force_login(people["hos"])
    data = {
        "kind": "ltf_under_5",
        **dated("made", date(2024, 3, 1)),
        "role": "head_of_service",
        "outcome": "approved",
    }
    assert client.post(url("decision", "C2"), data).status_code == 302
    decision = other.decisions.get()
    assert (decision.kind, decision.made_by) == ("ltf_under_5", people["hos"])
    assert client.get(url("meeting", "C2")).status_code == 403


def test_a_panel_administrator_records_a_meeting_for_any_child(client, child, other, people):
    page_ready()
    client.force_login(people["panel"])
    data = {"kind": "gateway_panel", **dated("held", date(2024, 1, 4))}
    assert client.post(url("meeting", "C2"), data).status_code == 302
    assert other.meetings.get().kind == "gateway_panel"


def valid(people):
    d = dated
    return {
        "review": (
            {**d("held", date(2024, 2, 5)), "iro": people["iro"].pk, "plan_ratified": "no"},
            lambda c: c.reviews.get().plan_ratified is False,
            "Review recorded",
        ),
        "meeting": (
            {
                "kind": "permanence_planning",
                **d("held", date(2024, 3, 4)),
                "chair_role": "team_manager",
                "note": "Options considered",
            },
            lambda c: c.meetings.get().chair_role == "team_manager",
            "Meeting recorded",
        ),
        "decision": (
            {
                "kind": "entering_care",
                **d("made", date(2024, 1, 5)),
                "role": "head_of_service",
                "outcome": "approved",
            },
            lambda c: c.decisions.get().made_by == people["tm_a"],
            "Decision recorded",
        ),
        "assessment": (
            {"kind": "balance_sheet", **d("completed", date(2024, 3, 1))},
            lambda c: c.assessments.get().kind == "balance_sheet",
            "Assessment recorded",
        ),
        "family-time": (
            {
                "with_whom": "Mother",
                "contact": "direct",
                "supervision": "supervised",
                "frequency": "monthly",
                **d("starts", date(2024, 2, 1)),
                **d("ends", None),
            },
            lambda c: c.family_time.get().frequency == "monthly",
            "Family time recorded",
        ),
        "sibling": (
            {
                "name": "Sam",
                "same_group": "yes",
                "placed": "apart",
                **d("assessment_completed", date(2024, 2, 20)),
            },
            lambda c: c.siblings.get().assessment_completed == date(2024, 2, 20),
            "Brother or sister recorded",
        ),
        "life-story": (
            {**d("started", date(2024, 2, 1)), **d("book_given", None)},
            lambda c: c.life_story.started == date(2024, 2, 1),
            "Life story work recorded",
        ),
        "family-member": (
            {
                "name": "Ann",
                "relationship": "maternal aunt",
                **d("viability_completed", date(2024, 2, 1)),
                "viability_outcome": "negative",
            },
            lambda c: c.family_members.get().viability_outcome == "negative",
            "Family member recorded",
        ),
        "genogram": (
            d("completed", date(2024, 1, 10)),
            lambda c: c.genogram_completed == date(2024, 1, 10),
            "Genogram recorded",
        ),
    }


@pytest.mark.parametrize("name", PAGES[1:])
def test_each_page_saves_and_goes_back_to_the_child(client, child, people, name):
    page_ready()
    client.force_login(people["tm_a"])
    opened = client.get(url(name))
    assert opened.status_code == 200
    assert 'class="govuk-back-link"' in text(opened)
    assert reverse("children:child", kwargs={"child_id": "C1"}) in text(opened)
    assert ">Save<" in text(opened)
    data, saved, message = valid(people)[name]
    response = client.post(url(name), data, follow=True)
    assert response.redirect_chain[0] == (reverse("children:child", kwargs={"child_id": "C1"}), 302)
    assert message in text(response)
    child.refresh_from_db()
    assert saved(child)


def invalid(people):
    d = dated
    return {
        "review": ({"plan_ratified": "yes"}, "Enter date of the review"),
        "meeting": ({**d("held", date(2024, 3, 4))}, "Choose the meeting"),
        "decision": (
            {"kind": "entering_care", **d("made", date(2024, 1, 5)), "outcome": "approved"},
            "Choose the role of the person who made the decision",
        ),
        "assessment": (
            {"kind": "sibling", **d("completed", date(2999, 1, 1))},
            "Date completed must be today or in the past",
        ),
        "family-time": (
            {
                "with_whom": "Mother",
                "contact": "direct",
                "supervision": "supervised",
                "frequency": "monthly",
                **d("starts", date(2024, 2, 1)),
                **d("ends", date(2024, 1, 1)),
            },
            "The end date must be the same as or after the start date",
        ),
        "sibling": (
            {"same_group": "yes", "placed": "apart"},
            "Enter the brother or sister's name or their CHILD id",
        ),
        "life-story": (
            {"book_given_day": "31", "book_given_month": "2", "book_given_year": "2024"},
            "Life story book given to the child must be a real date",
        ),
        "family-member": (
            {"name": "Ann", "relationship": "aunt", **d("viability_completed", date(2024, 2, 1))},
            "Choose the outcome of the viability assessment",
        ),
        "genogram": ({}, "Enter date the genogram was completed"),
    }


@pytest.mark.parametrize("name", PAGES[1:])
def test_each_page_says_what_is_wrong_and_saves_nothing(client, child, people, name):
    page_ready()
    client.force_login(people["tm_a"])
    data, message = invalid(people)[name]
    before = {
        "reviews": child.reviews.count(),
        "meetings": child.meetings.count(),
        "decisions": child.decisions.count(),
        "assessments": child.assessments.count(),
        "family_time": child.family_time.count(),
        "siblings": child.siblings.count(),
        "family_members": child.family_members.count(),
    }
    response = client.post(url(name), data)
    assert response.status_code == 200
    page = text(response)
    assert "govuk-error-summary" in page and "There is a problem" in page
    assert message in page
    child.refresh_from_db()
    assert before == {k: getattr(child, k).count() for k in before}
    assert child.genogram_completed is None
    assert not models.LifeStoryWork.objects.filter(child=child).exists()


def test_what_is_recorded_on_the_pages_moves_the_deadlines(client, child, people):
    page_ready()
    client.force_login(people["sw_a"])
    assert obligations(child, AS_OF, "bolton.genogram")[0].status == Status.OVERDUE
    client.post(url("genogram"), dated("completed", date(2024, 1, 8)))
    child.refresh_from_db()
    assert obligations(child, AS_OF, "bolton.genogram")[0].status == Status.MET
    client.post(url("meeting"), {"kind": "permanence_planning", **dated("held", date(2024, 3, 4))})
    [ppm] = obligations(child, AS_OF, "bolton.ppm_before_second_review")
    assert (ppm.done, ppm.status) == (date(2024, 3, 4), Status.MET)


def test_a_list_of_children_reads_what_was_recorded_without_a_query_each(
    child, other, people, django_assert_num_queries
):
    sw = people["sw_a"]
    services.record_genogram(child, by=sw, completed=date(2024, 1, 8))
    services.record_life_story(child, by=sw, book_given=date(2024, 5, 1))
    services.record_sibling(child, by=sw, name="Sam", assessment_completed=date(2024, 2, 20))
    rows = list(models.Child.objects.prefetch_related(*domain.RELATED))
    with django_assert_num_queries(0):
        built = {c.child_id: domain.domain_child(c) for c in rows}
    assert built["C1"].recorded.life_story_book == date(2024, 5, 1)
    assert built["C1"].recorded.genogram == date(2024, 1, 8)
    assert [a.kind for a in built["C1"].recorded.assessments] == ["sibling"]
    assert built["C2"].recorded.life_story_book is None

"""The options page, the balance sheet and "My plan", as the people who use them check them."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from permanence.rules.engine import Status
from permanence.web.accounts.models import Role
from permanence.web.children import models, services
from permanence.web.forms import GovukDateInput
from permanence.web.guidance.models import BalanceSheet, Option
from permanence.workingdays import add_months, add_weeks
from tests.web.factories import days_ago, looked_after, person, team_with_people, today

pytestmark = pytest.mark.django_db

SECTIONS = re.compile(r'<section[^>]*data-rule="([^"]+)"')


def text(response) -> str:
    return html.unescape(response.content.decode())


def born(years: int) -> date:
    """A date of birth making the child `years` old today (1 January: always passed)."""
    return date(today().year - years, 1, 1)


def dated(name: str, day: date) -> dict[str, str]:
    widget = GovukDateInput()
    return {
        f"{name}{suffix}": str(v)
        for suffix, v in zip(widget.widgets_names, widget.decompress(day), strict=True)
    }


def long_date(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


@pytest.fixture
def north(db):
    return team_with_people("North")


@pytest.fixture
def south(db):
    return team_with_people("South")


@pytest.fixture
def iro(db):
    user = person("iro-ann", Role.IRO, last_name="Reviewer")
    user.first_name = "Ann"
    user.save()
    return user


def in_a_lasting_foster_home(child_id, team, worker, profile, **kw):
    """In care 500 days, with long-term foster carers (U4) for 400 days, the match ratified
    380 days ago: Blackburn with Darwen's reduced reviews apply."""
    child = looked_after(
        child_id,
        team=team,
        social_worker=worker,
        profile=profile,
        began=days_ago(500),
        placements=((days_ago(400), "U4"),),
        **kw,
    )
    child.decisions.create(kind="long_term_match", made=days_ago(380), role="head_of_service")
    return child


def plan(child, by, primary, **kw):
    values = {"agreed": days_ago(30), "primary": primary, **kw}
    return services.record_plan(child, by=by, based_on=0, **values)


# The options page: each profile's own guidance.

EXPECTED = {
    "bolton": {"bolton.options_by_age"},
    "halton": {"halton.hierarchy"},
    "blackburn": {"blackburn.reduced_reviews"},
    "luton": {"luton.route_advantages"},
    "bradford": {"bradford.options_checklist"},
    "national": set(),
}


@pytest.mark.parametrize("profile", list(EXPECTED))
def test_the_options_page_shows_the_childs_profiles_guidance_and_no_other(client, north, profile):
    team, _, worker = north
    child = in_a_lasting_foster_home("C1", team, worker, profile, dob=born(9))
    plan(child, worker, "long_term_fostering")
    client.force_login(worker)
    response = client.get(reverse("guidance:options", kwargs={"child_id": "C1"}))
    assert response.status_code == 200
    page = text(response)
    assert set(SECTIONS.findall(page)) == EXPECTED[profile]
    for section in SECTIONS.findall(page):
        assert f"Rule <strong>{section}</strong>. Source:" in page
    if profile == "national":
        assert 'data-testid="no-guidance"' in page
    if profile == "halton":
        # Long-term fostering with the council's own carer (PR1): 5th of 7.
        assert "is 5th of 7 in Halton's order" in page


def test_bolton_marks_the_band_and_the_kinship_column_once_a_relative_is_viable(client, north):
    team, _, worker = north
    child = looked_after("C1", team=team, social_worker=worker, profile="bolton", dob=born(9))
    client.force_login(worker)
    url = reverse("guidance:options", kwargs={"child_id": "C1"})
    page = text(client.get(url))
    assert 'data-group="7_to_10" data-current="true"' in page
    assert 'data-group="7_to_10.kinship" data-current="true"' not in page
    assert "Kinship care: not known" in page
    services.record_family_member(
        child,
        by=worker,
        name="Jo",
        relationship="aunt",
        viability_completed=days_ago(3),
        viability_outcome=models.FamilyMember.Outcome.POSITIVE,
    )
    page = text(client.get(url))
    assert 'data-group="7_to_10.kinship" data-current="true"' in page
    assert "positive viability assessment: Jo (aunt)" in page
    assert "bolton.kinship_0_3" not in page  # 9 years old


def test_a_negative_viability_leaves_kinship_not_known(client, north):
    team, _, worker = north
    child = looked_after("C1", team=team, social_worker=worker, profile="bolton", dob=born(2))
    services.record_family_member(
        child,
        by=worker,
        name="Sam",
        relationship="uncle",
        viability_completed=days_ago(3),
        viability_outcome=models.FamilyMember.Outcome.NEGATIVE,
    )
    client.force_login(worker)
    page = text(client.get(reverse("guidance:options", kwargs={"child_id": "C1"})))
    assert 'data-group="under_7.kinship" data-current="true"' not in page
    assert set(SECTIONS.findall(page)) == {"bolton.options_by_age", "bolton.kinship_0_3"}


# The balance sheet.


def sheet_data(completed: date, realistic=("adoption", "long_term_fostering"), **over):
    data = {**dated("completed", completed), "recommended": "adoption"}
    data["reasons"] = (
        "Adoption gives C1 a family for life; she is 2 and settled with no kin able to care."
    )
    for option in Option:
        yes = option.value in realistic
        data[f"{option.value}_realistic"] = "yes" if yes else "no"
        data[f"{option.value}_advantages"] = f"For: {option.label}" if yes else ""
        data[f"{option.value}_disadvantages"] = f"Against: {option.label}" if yes else ""
    data.update(over)
    return data


def balance_sheet_obligation(response):
    found = [
        o
        for o in response.context["summary"].result.obligations
        if o.rule == "bradford.adoption_balance_sheet"
    ]
    assert len(found) == 1
    return found[0]


def test_a_social_worker_records_a_balance_sheet_and_the_adoption_rule_is_met(client, north):
    team, _, worker = north
    child = looked_after("C1", team=team, social_worker=worker, profile="bradford", dob=born(2))
    decided = days_ago(10)  # the decision that the child should be placed for adoption
    child.adoption_decisions.create(decided=decided)
    client.force_login(worker)
    child_page = reverse("children:child", kwargs={"child_id": "C1"})
    before = client.get(child_page)
    assert balance_sheet_obligation(before).status is Status.OVERDUE
    assert "None yet" in text(before)

    url = reverse("guidance:balance-sheet", kwargs={"child_id": "C1"})
    assert client.get(url).status_code == 200
    response = client.post(url, sheet_data(days_ago(20)))
    assert response.status_code == 302
    assert response["Location"] == reverse("guidance:options", kwargs={"child_id": "C1"})

    sheet = BalanceSheet.objects.get(child=child)
    assert sheet.recorded_by == worker and sheet.recommended == "adoption"
    assert [o.option for o in sheet.realistic] == ["adoption", "long_term_fostering"]
    assert sheet.options.count() == len(Option)
    assert sheet.history.get().history_user == worker
    assessment = child.assessments.get()
    assert (assessment.kind, assessment.completed, assessment.recorded_by) == (
        "balance_sheet",
        days_ago(20),
        worker,
    )
    assert sheet.assessment == assessment

    after = client.get(child_page)
    obligation = balance_sheet_obligation(after)
    assert (obligation.status, obligation.done, obligation.due) == (
        Status.MET,
        days_ago(20),
        decided,
    )
    done = dict(after.context["groups"])["Done"]
    assert "bradford.adoption_balance_sheet" in [o.rule for o in done]
    assert f"Latest completed {long_date(days_ago(20))}, adoption recommended" in text(after)

    options_page = text(client.get(response["Location"]))
    assert "For: Adoption" in options_page and "Against: Long-term fostering" in options_page


def test_a_balance_sheet_after_the_adoption_decision_is_met_late(client, north):
    team, _, worker = north
    child = looked_after("C1", team=team, social_worker=worker, profile="bradford")
    child.placed_for_adoption.create(decided=days_ago(30))
    client.force_login(worker)
    client.post(
        reverse("guidance:balance-sheet", kwargs={"child_id": "C1"}), sheet_data(days_ago(5))
    )
    response = client.get(reverse("children:child", kwargs={"child_id": "C1"}))
    assert balance_sheet_obligation(response).status is Status.MET_LATE


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"adoption_disadvantages": ""}, "Enter the disadvantages of adoption for this child"),
        (
            {"recommended": "residential"},
            "The recommended option must be one you said is realistic",
        ),
        ({"cao_realistic": ""}, "Say whether child arrangements order is a realistic option"),
        ({"reasons": ""}, "Enter the reasons for the recommendation"),
        (dated("completed", today() + (today() - days_ago(1))), "must be today or in the past"),
    ],
)
def test_the_balance_sheet_says_what_is_wrong_and_saves_nothing(client, north, change, message):
    team, _, worker = north
    looked_after("C1", team=team, social_worker=worker, profile="bradford")
    client.force_login(worker)
    url = reverse("guidance:balance-sheet", kwargs={"child_id": "C1"})
    response = client.post(url, sheet_data(days_ago(2), **change))
    assert response.status_code == 200
    page = text(response)
    assert "There is a problem" in page and message in page
    assert page.count("<title>Error: ") == 1
    assert not BalanceSheet.objects.exists() and not models.Assessment.objects.exists()


def test_no_realistic_option_is_refused(client, north):
    team, _, worker = north
    looked_after("C1", team=team, social_worker=worker)
    client.force_login(worker)
    url = reverse("guidance:balance-sheet", kwargs={"child_id": "C1"})
    response = client.post(url, sheet_data(days_ago(2), realistic=()))
    assert "at least one must be" in text(response)
    assert not BalanceSheet.objects.exists()


def test_a_new_balance_sheet_starts_from_the_last_one(client, north):
    team, _, worker = north
    looked_after("C1", team=team, social_worker=worker)
    client.force_login(worker)
    url = reverse("guidance:balance-sheet", kwargs={"child_id": "C1"})
    client.post(url, sheet_data(days_ago(2)))
    form = client.get(url).context["form"]
    assert form.initial["adoption_realistic"] == "yes"
    assert form.initial["residential_realistic"] == "no"
    assert form.initial["adoption_advantages"] == "For: Adoption"


def test_the_analyst_cannot_record_a_balance_sheet(client, north):
    team, _, worker = north
    looked_after("C1", team=team, social_worker=worker)
    analyst = person("analyst", Role.ANALYST)
    client.force_login(analyst)
    url = reverse("guidance:balance-sheet", kwargs={"child_id": "C1"})
    assert client.get(url).status_code == 403
    assert client.post(url, sheet_data(days_ago(2))).status_code == 403
    assert not BalanceSheet.objects.exists()
    # They may read the options, without the link to record one.
    page = text(client.get(reverse("guidance:options", kwargs={"child_id": "C1"})))
    assert "Record a balance sheet" not in page
    child_page = text(client.get(reverse("children:child", kwargs={"child_id": "C1"})))
    assert reverse("guidance:options", kwargs={"child_id": "C1"}) in child_page
    assert url not in child_page
    assert reverse("guidance:child-plan", kwargs={"child_id": "C1"}) not in child_page


def test_another_teams_child_is_404(client, north, south):
    team, manager, worker = north
    looked_after("C1", team=team, social_worker=worker)
    client.force_login(south[2])
    for name in ("guidance:options", "guidance:balance-sheet", "guidance:child-plan"):
        assert client.get(reverse(name, kwargs={"child_id": "C1"})).status_code == 404, name
    assert (
        client.post(
            reverse("guidance:balance-sheet", kwargs={"child_id": "C1"}), sheet_data(days_ago(2))
        ).status_code
        == 404
    )
    assert not BalanceSheet.objects.exists()


def test_the_childs_iro_reads_my_plan_but_records_no_balance_sheet(client, north, iro):
    team, _, worker = north
    looked_after("C1", team=team, social_worker=worker, iro=iro)
    client.force_login(iro)
    assert client.get(reverse("guidance:child-plan", kwargs={"child_id": "C1"})).status_code == 200
    assert (
        client.get(reverse("guidance:balance-sheet", kwargs={"child_id": "C1"})).status_code == 403
    )


def test_the_childs_page_links_to_the_options_and_my_plan(client, north):
    team, manager, worker = north
    looked_after("C1", team=team, social_worker=worker)
    client.force_login(manager)
    page = text(client.get(reverse("children:child", kwargs={"child_id": "C1"})))
    assert "Options and the child's own plan" in page
    for name in ("guidance:options", "guidance:balance-sheet", "guidance:child-plan"):
        assert reverse(name, kwargs={"child_id": "C1"}) in page, name
    assert "None yet" in page


# "My plan".

JARGON = ("looked after", "looked-after", "s20", "section 20", "accommodated")


def assert_no_jargon(page: str) -> None:
    lower = page.lower()
    for word in JARGON:
        assert word not in lower, word
    assert "LAC" not in page and "CLA" not in page


@pytest.fixture
def six_and_fifteen(north, iro):
    team, _, worker = north
    worker.first_name, worker.last_name = "Sam", "Worker"
    worker.save()
    reviewed = days_ago(80)
    young = looked_after(
        "YOUNG1", team=team, social_worker=worker, iro=iro, dob=born(6), reviews=(reviewed,)
    )
    older = looked_after(
        "OLDER1",
        team=team,
        social_worker=worker,
        iro=iro,
        dob=born(15),
        legal_status="V2",
        reviews=(reviewed,),
    )
    for child in (young, older):
        plan(
            child,
            worker,
            "long_term_fostering",
            contingency="kinship_order",
            childs_voice="I want to stay with Pat and keep my dog.",
        )
    return worker, young, older


def test_my_plan_speaks_to_a_6_and_a_15_year_old_differently(client, six_and_fifteen):
    worker, young, older = six_and_fifteen
    client.force_login(worker)
    six = client.get(reverse("guidance:child-plan", kwargs={"child_id": "YOUNG1"}))
    fifteen = client.get(reverse("guidance:child-plan", kwargs={"child_id": "OLDER1"}))
    assert six.context["my"].band == "under_8" and fifteen.context["my"].band == "13_and_over"
    six, fifteen = text(six), text(fifteen)

    # Who they live with and how long, in words for their age.
    assert "You will live with your foster family." in six
    assert "You will stay with them until you are 18 and grown up." in six
    assert "a foster family who will look after you while you grow up" in fifteen
    eighteen = date(born(15).year + 18, 1, 1)
    assert f"You will stay with them until you are 18 (in {eighteen:%B %Y})." in fifteen
    assert "You will live with your foster family." not in fifteen

    # The fuller version: the back-up plan, growing up, Staying Put, the law in plain words.
    assert "back-up plan" in fifteen and "back-up plan" not in six
    assert "pathway plan" in fifteen and "Staying Put" in fifteen
    assert "pathway plan" not in six
    assert "Your parents and the council agreed that you should live away from home" in fifteen
    assert "A judge decided that the council helps your parents to look after you." in six
    assert "your carer, your teacher, Sam Worker or Ann Reviewer." in six
    assert "talk to Sam Worker, Ann Reviewer or an adult you trust." in fifteen

    for page in (six, fifteen):
        assert "I want to stay with Pat and keep my dog." in page
        assert "Sam Worker is your social worker." in page
        assert "Ann Reviewer" in page
        second_review = add_months(days_ago(80), 3)
        assert f"Your next review is by {long_date(second_review)}." in page
        assert "0800 1111" in page
        assert_no_jargon(page)


def test_my_plan_prints_on_a4_without_the_header():
    css = Path(finders.find("guidance/my-plan.css")).read_text("utf-8")
    assert "@media print" in css and "size: A4" in css
    for hidden in (".govuk-template__header", ".govuk-service-navigation", ".govuk-back-link"):
        assert hidden in css


def test_my_plan_in_bolton_is_the_forever_plan_and_without_a_plan_says_so(client, north):
    team, _, worker = north
    looked_after("C1", team=team, social_worker=worker, profile="bolton", dob=born(10))
    client.force_login(worker)
    response = client.get(reverse("guidance:child-plan", kwargs={"child_id": "C1"}))
    page = text(response)
    assert '<h1 class="govuk-heading-xl">My forever plan</h1>' in page
    assert "Your plan is still being worked out." in page
    assert "guidance/my-plan.css" in page
    assert_no_jargon(page)


@pytest.mark.parametrize(
    ("primary", "words"),
    [
        ("home", "live at home with your parents"),
        ("adoption", "The plan is for you to be adopted."),
        ("sgo", "live with your special guardian"),
        ("cao", "until you are 16"),
        ("residential", "children's home"),
        ("kinship_order", "people from your family"),
    ],
)
def test_my_plan_says_each_plan_in_plain_words(client, north, primary, words):
    team, _, worker = north
    child = looked_after("C1", team=team, social_worker=worker, dob=born(10), legal_status="C1")
    plan(child, worker, primary)
    client.force_login(worker)
    page = text(client.get(reverse("guidance:child-plan", kwargs={"child_id": "C1"})))
    assert words in page
    assert "A judge is still deciding what is best for you." in page
    assert_no_jargon(page)


def test_my_plan_at_16_names_the_pathway_plan_and_the_next_planning_meeting(client, north):
    team, _, worker = north
    began = days_ago(10)
    child = looked_after(
        "C1", team=team, social_worker=worker, profile="luton", dob=born(16), began=began
    )
    plan(child, worker, "long_term_fostering", agreed=days_ago(2))
    client.force_login(worker)
    page = text(client.get(reverse("guidance:child-plan", kwargs={"child_id": "C1"})))
    assert "Now that you are 16 or over, you and your social worker make a pathway plan" in page
    assert "Staying Put" in page
    # Luton: a Permanency Planning Meeting within 4 weeks of coming into care.
    assert f"There will be a meeting about your plan by {long_date(add_weeks(began, 4))}." in page
    # The first review: 20 working days after care began, still to come.
    assert "Your next review is by " in page
    assert_no_jargon(page)

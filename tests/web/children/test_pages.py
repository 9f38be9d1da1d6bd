"""The work lists and the child's page, as the people who use them would check them."""

import pytest
from django.urls import reverse

from permanence.web.accounts.models import Role, Team
from permanence.workingdays import add_months
from tests.web.factories import days_ago, looked_after, person, team_with_people, today

pytestmark = pytest.mark.django_db


@pytest.fixture
def north(db):
    return team_with_people("North")


@pytest.fixture
def south(db):
    return team_with_people("South")


def rows(response):
    """The CHILD ids listed in a work list, in order."""
    return [s.child.child_id for s in response.context["rows"]]


def test_my_work_lists_my_caseload_with_what_is_overdue(client, north, south):
    team, _, worker = north
    # First review due 20 working days after care began 100 days ago: not held, overdue.
    late = looked_after("LATE1", team=team, social_worker=worker)
    # Came into care 5 days ago: the first review is due within 4 weeks.
    looked_after("SOON1", team=team, social_worker=worker, began=days_ago(5))
    looked_after("OTHER1", team=team)  # same team, another worker's child
    looked_after("SOUTH1", team=south[0], social_worker=south[2])
    client.force_login(worker)
    response = client.get(reverse("children:my-work"))
    assert response.status_code == 200
    assert rows(response) == ["LATE1", "SOON1"]  # most overdue first
    first, second = response.context["rows"]
    assert [o.rule for o in first.overdue][:1] == ["review.first"]
    assert first.overdue[0].due < today()
    assert not second.overdue and [o.rule for o in second.due_soon][:1] == ["review.first"]
    page = response.content.decode()
    assert "LATE1" in page and "1 overdue" in page and "SOUTH1" not in page
    assert late.child_id in page


def test_filters_narrow_the_list_and_can_be_bookmarked(client, north):
    team, _, worker = north
    looked_after("LATE1", team=team, social_worker=worker)
    looked_after("SOON1", team=team, social_worker=worker, began=days_ago(5))
    looked_after(
        "ADOPT1",
        team=team,
        social_worker=worker,
        began=days_ago(3),
        legal_status="E1",
        placements=((days_ago(1), "A6"),),
    )
    client.force_login(worker)
    url = reverse("children:my-work")
    assert rows(client.get(url, {"status": "overdue"})) == ["LATE1"]
    due_soon = client.get(url, {"status": "due_soon"}).context["rows"]
    assert {"ADOPT1", "SOON1"} <= {s.child.child_id for s in due_soon}
    assert all(s.due_soon for s in due_soon)
    assert rows(client.get(url, {"legal_status": "E1"})) == ["ADOPT1"]
    assert rows(client.get(url, {"placement": "Placed for adoption"})) == ["ADOPT1"]
    assert rows(client.get(url, {"sort": "child"})) == ["ADOPT1", "LATE1", "SOON1"]


def test_children_who_left_care_are_listed_only_when_asked(client, north):
    team, _, worker = north
    child = looked_after("LEFT1", team=team, social_worker=worker, began=days_ago(200))
    episode = child.episodes.get()
    episode.end, episode.reason_end = days_ago(20), "E11"
    episode.save()
    client.force_login(worker)
    url = reverse("children:my-work")
    assert rows(client.get(url)) == []
    assert rows(client.get(url, {"include_left_care": "on"})) == ["LEFT1"]


def test_a_team_manager_sees_the_whole_team_and_no_other(client, north, south):
    team, manager, worker = north
    looked_after("N1", team=team, social_worker=worker)
    looked_after("N2", team=team)
    looked_after("S1", team=south[0], social_worker=south[2])
    client.force_login(manager)
    assert sorted(rows(client.get(reverse("children:team")))) == ["N1", "N2"]
    # Asking for another team's list by its id gives nothing of theirs.
    response = client.get(reverse("children:team"), {"team": south[0].pk})
    assert "S1" not in rows(response)


def test_a_head_of_service_chooses_any_team(client, north, south):
    looked_after("N1", team=north[0])
    looked_after("S1", team=south[0])
    head = person("hos", Role.HEAD_OF_SERVICE)
    client.force_login(head)
    assert sorted(rows(client.get(reverse("children:team")))) == ["N1", "S1"]
    assert rows(client.get(reverse("children:team"), {"team": south[0].pk})) == ["S1"]


def test_the_iro_view_shows_the_next_review_of_each_child_i_review(client, north):
    iro = person("iro", Role.IRO)
    held = days_ago(70)
    looked_after("R1", team=north[0], iro=iro, began=days_ago(100), reviews=(held,))
    looked_after("R2", team=north[0])  # reviewed by someone else
    client.force_login(iro)
    response = client.get(reverse("children:iro"))
    assert rows(response) == ["R1"]
    (row,) = response.context["rows"]
    assert row.last_review == held
    # The second review is due 3 months after the first was held.
    assert row.next_review.rule == "review.second"
    assert row.next_review.due == add_months(held, 3)


def test_the_childs_page_shows_obligations_with_rule_source_and_alerts(client, north):
    team, _, worker = north
    moves = tuple((days_ago(d), "U6") for d in (80, 60, 40, 20))
    looked_after("MOVES1", team=team, social_worker=worker, began=days_ago(100), placements=moves)
    client.force_login(worker)
    response = client.get(reverse("children:child", kwargs={"child_id": "MOVES1"}))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-rule="review.first"' in page
    overdue = response.context["groups"][0]
    assert overdue[0] == "Overdue" and "review.first" in [o.rule for o in overdue[1]]
    first = next(o for o in overdue[1] if o.rule == "review.first")
    assert first.source and first.source in page.replace("&#x27;", "'")
    # Four moves in the last 12 months: the stability alert, with the facts behind it.
    alerts = response.context["alerts"]
    assert alerts and any("4" in a.detail for a in alerts)
    assert 'data-testid="alert"' in page
    kinds = [e.kind for e in response.context["timeline"]]
    assert kinds.count("placement") == 5 and "care" in kinds


def test_a_social_worker_cannot_open_another_teams_child(client, north, south):
    looked_after("S1", team=south[0], social_worker=south[2])
    client.force_login(north[2])
    assert client.get(reverse("children:child", kwargs={"child_id": "S1"})).status_code == 404
    assert client.get(reverse("children:find"), {"q": "S1"}).context["rows"].__len__() == 0


def test_find_a_child_by_id_among_those_i_may_see(client, north):
    looked_after("ABC123", team=north[0])
    looked_after("XYZ789", team=north[0])
    client.force_login(north[2])
    response = client.get(reverse("children:find"), {"q": "abc"})
    assert [c.child_id for c in response.context["rows"]] == ["ABC123"]


def test_signing_in_is_needed(client):
    response = client.get(reverse("children:my-work"))
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_a_team_with_no_children_says_so(client):
    team = Team.objects.create(name="Empty")
    manager = person("tm-empty", Role.TEAM_MANAGER, team)
    client.force_login(manager)
    response = client.get(reverse("children:team"))
    assert response.status_code == 200 and "No children match" in response.content.decode()

"""One engine: a child read from the database gets the deadlines a return gives, and
recording a review moves them. Who may see which child."""

from datetime import date

import pytest

from permanence.profiles import load_profile
from permanence.rules.engine import Case, Status, evaluate_child
from permanence.ssda903 import load_return
from permanence.web.accounts.models import Role, Team, User
from permanence.web.children import models, selectors, services
from permanence.workingdays import ENGLAND_AND_WALES

pytestmark = pytest.mark.django_db


def contract(result):
    return [(o.rule, o.due, o.status) for o in result.obligations if o.rule.startswith("review.")]


def test_a_child_from_the_database_has_the_deadlines_of_the_return(shared):
    ret = load_return(shared / "data/ssda903/demand-model-samples", progress=False)
    services.import_return(ret, profile="bolton")
    profile, as_of = load_profile("bolton"), date(2021, 3, 31)
    compared = 0
    for row in models.Child.objects.order_by("child_id")[:200]:
        from_db = selectors.deadlines_for(row, as_of)
        from_file = evaluate_child(
            profile.rules,
            Case(ret.children[row.child_id], as_of, ENGLAND_AND_WALES, profile.params),
        )
        assert contract(from_db) == contract(from_file), row.child_id
        compared += bool(contract(from_db))
    assert compared > 50


def test_recording_the_review_moves_the_deadline(tmp_path):
    child = models.Child.objects.create(child_id="C9", dob=date(2016, 1, 1))
    child.episodes.create(
        start=date(2024, 3, 25), reason_new="S", legal_status="C1", placement="U6"
    )
    # First review due 24 Apr 2024 (20 working days over Easter).
    [first] = [
        o
        for o in selectors.deadlines_for(child, date(2024, 4, 30)).obligations
        if o.rule == "review.first"
    ]
    assert (first.due, first.status) == (date(2024, 4, 24), Status.OVERDUE)
    iro = User.objects.create_user("iro", role=Role.IRO)
    services.record_review(child, held=date(2024, 4, 26), by=iro)
    result = selectors.deadlines_for(child, date(2024, 4, 30))
    [first] = [o for o in result.obligations if o.rule == "review.first"]
    [second] = [o for o in result.obligations if o.rule == "review.second"]
    assert (first.done, first.status) == (date(2024, 4, 26), Status.MET_LATE)
    assert (second.due, second.status) == (date(2024, 7, 26), Status.UPCOMING)


def test_meetings_recorded_here_are_known_so_a_missing_one_is_overdue():
    child = models.Child.objects.create(child_id="C8", dob=date(2016, 1, 1), profile="luton")
    child.episodes.create(start=date(2024, 1, 8), reason_new="S", legal_status="C1", placement="U6")
    [ppm] = [
        o
        for o in selectors.deadlines_for(child, date(2024, 2, 12)).obligations
        if o.rule == "luton.ppm"
    ]
    assert (ppm.due, ppm.status) == (date(2024, 2, 5), Status.OVERDUE)  # 8 Jan + 4 weeks
    child.meetings.create(kind="permanence_planning", held=date(2024, 2, 1))
    ppms = [
        o
        for o in selectors.deadlines_for(child, date(2024, 2, 12)).obligations
        if o.rule == "luton.ppm"
    ]
    assert [(o.due, o.status) for o in ppms] == [
        (date(2024, 2, 5), Status.MET),
        (date(2024, 2, 29), Status.UPCOMING),
    ]


def test_who_sees_which_child():
    a, b = Team.objects.create(name="A"), Team.objects.create(name="B")
    in_a = models.Child.objects.create(child_id="A1", team=a)
    in_b = models.Child.objects.create(child_id="B1", team=b)
    iro = User.objects.create_user("iro", role=Role.IRO)
    in_b.iro = iro
    in_b.save()
    people = {
        "sw_a": User.objects.create_user("sw_a", role=Role.SOCIAL_WORKER, team=a),
        "tm_b": User.objects.create_user("tm_b", role=Role.TEAM_MANAGER, team=b),
        "iro": iro,
        "hos": User.objects.create_user("hos", role=Role.HEAD_OF_SERVICE),
        "analyst": User.objects.create_user("analyst", role=Role.ANALYST),
        "sw_no_team": User.objects.create_user("sw0", role=Role.SOCIAL_WORKER),
    }
    seen = {k: set(selectors.children_visible_to(u)) for k, u in people.items()}
    assert seen == {
        "sw_a": {in_a},
        "tm_b": {in_b},
        "iro": {in_b},
        "hos": {in_a, in_b},
        "analyst": {in_a, in_b},
        "sw_no_team": set(),
    }
    people["sw_a"].is_active = False
    assert not selectors.children_visible_to(people["sw_a"]).exists()


def test_what_fell_due_before_recording_began_is_not_known_rather_than_overdue():
    from tests.web.factories import days_ago, looked_after, today

    child = looked_after("GO1", profile="bolton", began=days_ago(400))
    child.recording_since = days_ago(30)
    child.save()

    def genogram():
        (o,) = [
            o
            for o in selectors.deadlines_for(child, today()).obligations
            if o.rule == "bolton.genogram"
        ]
        return o

    assert genogram().status is Status.UNKNOWN
    assert "before recording began" in genogram().reason
    child.recording_since = None
    child.save()
    assert genogram().status is Status.OVERDUE


def test_an_import_marks_the_day_recording_began_for_new_children(shared):
    from django.utils import timezone

    ret = load_return(shared / "data/ssda903/demand-model-samples", progress=False)
    services.import_return(ret)
    assert set(models.Child.objects.values_list("recording_since", flat=True)) == {
        timezone.localdate()
    }

"""Importing returns and recording reviews: nothing duplicated, nothing recorded here
overwritten, every change attributed."""

from datetime import date

import pytest

from permanence.ssda903 import load_return
from permanence.web.accounts.models import Role, Team, User
from permanence.web.children import models, services

pytestmark = pytest.mark.django_db

EPISODES = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
REVIEWS = "CHILD,DOB,REVIEW,REVIEW_CODE\n"
HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"


def write_return(folder, episodes, reviews=()):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "header.csv").write_text(HEADER + "S1,1,01/06/2015,WBRI,,,\n")
    (folder / "episodes.csv").write_text(EPISODES + "".join(line + "\n" for line in episodes))
    (folder / "reviews.csv").write_text(
        REVIEWS + "".join(f"S1,01/06/2015,{r},PN1\n" for r in reviews)
    )
    return load_return(folder, progress=False)


@pytest.fixture
def iro(db):
    return User.objects.create_user("iro1", role=Role.IRO, password="a long enough password")


def test_the_same_return_twice_adds_nothing_the_second_time(shared):
    ret = load_return(shared / "data/ssda903/demand-model-samples", progress=False)
    first = services.import_return(ret)
    assert first.children_added == len(ret.children) == models.Child.objects.count()
    assert models.Episode.objects.count() == sum(len(c.episodes) for c in ret.children.values())
    again = services.import_return(ret)
    assert (again.children_added, again.episodes_added, again.reviews_added) == (0, 0, 0)
    assert (again.children_updated, again.episodes_updated) == (0, 0)
    assert models.Episode.objects.count() == first.episodes_added


def test_a_later_return_closes_an_open_episode_and_keeps_reviews_recorded_here(tmp_path, iro):
    year1 = write_return(tmp_path / "2024", ["S1,08/01/2024,S,C1,N1,U6,PR1,,,,,,"], ["02/02/2024"])
    services.import_return(year1)
    child = models.Child.objects.get(child_id="S1")
    services.record_review(child, held=date(2024, 5, 2), by=iro, plan_ratified=True)
    year2 = write_return(
        tmp_path / "2025",
        [
            "S1,08/01/2024,S,C1,N1,U6,PR1,01/07/2024,X1,CARPL,,,",
            "S1,01/07/2024,P,C2,N1,U4,PR1,,,,,,",
        ],
        ["02/02/2024", "02/05/2024"],
    )
    summary = services.import_return(year2)
    assert (summary.episodes_added, summary.episodes_updated, summary.reviews_kept) == (1, 1, 1)
    first = child.episodes.get(start=date(2024, 1, 8))
    assert (first.end, first.reason_end) == (date(2024, 7, 1), "X1")
    review = child.reviews.get(date=date(2024, 5, 2))
    assert (review.origin, review.plan_ratified, review.iro) == ("application", True, iro)


def test_every_change_is_attributed_and_recoverable(tmp_path, iro):
    services.import_return(write_return(tmp_path, ["S1,08/01/2024,S,C1,N1,U6,PR1,,,,,,"]))
    child = models.Child.objects.get(child_id="S1")
    review = services.record_review(child, held=date(2024, 2, 5), by=iro, code="PN1")
    services.record_review(child, held=date(2024, 2, 5), by=iro, code="PN4")
    history = list(review.history.order_by("history_date"))
    assert [h.code for h in history] == ["PN1", "PN4"]
    assert {h.history_user for h in history} == {iro}
    assert history[-1].history_change_reason == "review recorded"
    # The earlier version can be brought back.
    history[0].instance.save()
    assert child.reviews.get(date=date(2024, 2, 5)).code == "PN1"
    imported = child.history.first()
    assert imported.history_change_reason == "imported from an SSDA903 return"


def test_teams_and_roles():
    team = Team.objects.create(name="Permanence team A")
    sw = User.objects.create_user("sw", role=Role.SOCIAL_WORKER, team=team)
    assert sw.team == team and sw.get_role_display() == "Social worker"


# Recording: every write attributed to the person, kept in the record's history.


@pytest.fixture
def sw(db):
    team = Team.objects.create(name="Permanence team B")
    return User.objects.create_user("sw_b", role=Role.SOCIAL_WORKER, team=team)


def test_each_record_is_attributed_to_who_made_it(sw):
    child = models.Child.objects.create(child_id="R1", team=sw.team)
    day = date(2024, 3, 1)
    records = [
        services.record_meeting(child, by=sw, kind="care_planning", held=day),
        services.record_decision(
            child, by=sw, kind="entering_care", made=day, role="head_of_service"
        ),
        services.record_assessment(child, by=sw, kind="child_and_family", completed=day),
        services.record_family_time(
            child,
            by=sw,
            with_whom="mother",
            contact="direct",
            supervision="supervised",
            frequency="monthly",
            starts=day,
        ),
        services.record_sibling(child, by=sw, name="Sam", placed="apart"),
        services.record_life_story(child, by=sw, started=day),
        services.record_family_member(child, by=sw, name="Ann", relationship="maternal aunt"),
        services.record_genogram(child, by=sw, completed=day),
    ]
    for record in records:
        latest = record.history.latest()
        assert latest.history_user == sw, type(record).__name__
        assert latest.history_change_reason.endswith("recorded"), type(record).__name__
    decision = child.decisions.get()
    assert (decision.made_by, decision.role, decision.outcome) == (
        sw,
        "head_of_service",
        "approved",
    )


def test_a_brother_or_sister_needs_a_name_or_a_child_id(sw):
    child = models.Child.objects.create(child_id="R2", team=sw.team)
    with pytest.raises(ValueError):
        services.record_sibling(child, by=sw)
    assert services.record_sibling(child, by=sw, sibling_child_id="R3").sibling_child_id == "R3"


def test_life_story_work_is_one_record_that_keeps_its_earlier_dates(sw):
    child = models.Child.objects.create(child_id="R4", team=sw.team)
    services.record_life_story(child, by=sw, started=date(2024, 1, 5))
    work = services.record_life_story(
        child, by=sw, started=date(2024, 1, 5), book_given=date(2024, 6, 1)
    )
    assert models.LifeStoryWork.objects.filter(child=child).count() == 1
    assert [h.book_given for h in work.history.order_by("history_date")] == [
        None,
        date(2024, 6, 1),
    ]


def test_a_review_records_the_iro_who_chaired_it(sw, iro):
    child = models.Child.objects.create(child_id="R5", team=sw.team)
    review = services.record_review(
        child, held=date(2024, 2, 5), by=sw, iro=iro, plan_ratified=False
    )
    assert (review.iro, review.plan_ratified, review.history.latest().history_user) == (
        iro,
        False,
        sw,
    )

"""The demo council: synthetic children in every profile, one person per role, sign-ins
that work, and nothing run twice."""

import pytest
from django.test import override_settings

from permanence.profiles import PROFILE_NAMES
from permanence.web import demo
from permanence.web.accounts.models import Role, User
from permanence.web.children import models
from permanence.web.children.selectors import held_by, summarise
from tests.web.factories import today

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=True)
def test_the_demo_gives_a_council_and_one_sign_in_per_role():
    logins = demo.set_up(children=80, today=today())
    assert {x.role for x in logins} == {r.label for r in Role}
    for x in logins:
        assert User.objects.get(username=x.username).check_password(x.password)
    assert models.Child.objects.count() == 80
    assert set(models.Child.objects.values_list("profile", flat=True)) == set(PROFILE_NAMES)
    worker = User.objects.get(username=demo.PEOPLE[Role.SOCIAL_WORKER][0])
    caseload = held_by(worker)
    assert 0 < caseload.count() <= demo.CASELOAD
    assert {c.team for c in caseload} == {worker.team}
    # Every child still looked after has a social worker and an IRO.
    open_care = models.Child.objects.filter(episodes__end__isnull=True).distinct()
    assert not open_care.filter(social_worker=None).exists()
    assert not open_care.filter(iro=None).exists()
    # The council has been recording: most children it looks after have a plan, and the
    # work list shows a mix of done and overdue rather than everything overdue.
    planned = open_care.filter(plans__isnull=False).distinct().count()
    assert planned >= open_care.count() // 2
    assert models.Meeting.objects.filter(child__in=open_care).exists()
    summaries = [summarise(c, today()) for c in open_care]
    assert any(s.overdue for s in summaries)
    assert any(not s.overdue for s in summaries)

    again = demo.set_up(children=80, today=today())
    assert models.Child.objects.count() == 80
    assert {x.password for x in again}.isdisjoint({x.password for x in logins})


@override_settings(DEBUG=False)
def test_the_demo_will_not_print_passwords_on_a_production_server():
    with pytest.raises(demo.DemoRefused):
        demo.set_up(children=5, today=today())
    assert not User.objects.exists()

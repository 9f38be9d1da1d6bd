"""Approval checklists on the web: the child's page, ticking (attributed), approving (only
in the role the policy names), and only for children the person may change."""

import html

import pytest
from django.urls import reverse

from permanence.domain.model import Decision as CoreDecision
from permanence.web.accounts.models import Role
from permanence.web.approvals import selectors, services
from permanence.web.approvals.models import ChecklistApproval, ChecklistTick
from permanence.web.children import models
from permanence.web.children import services as children_services
from permanence.web.children.selectors import summarise
from tests.web.factories import days_ago, looked_after, person, team_with_people, today

pytestmark = pytest.mark.django_db

LTM = "blackburn.long_term_match"
VIEWS = ("childs_views", "carers_views", "parents_views", "iro_ratified")


def text(response) -> str:
    return html.unescape(response.content.decode())


def dated(name: str, day) -> dict[str, str]:
    return {
        f"{name}_day": str(day.day),
        f"{name}_month": str(day.month),
        f"{name}_year": str(day.year),
    }


@pytest.fixture
def world():
    team, manager, worker = team_with_people("North")
    other_team, _, other_worker = team_with_people("South")
    hos = person("hos", Role.HEAD_OF_SERVICE)
    iro = person("iro", Role.IRO)
    child = looked_after(
        "C1", team=team, social_worker=worker, iro=iro, profile="blackburn", began=days_ago(200)
    )
    children_services.record_plan(
        child, by=worker, based_on=0, agreed=days_ago(60), primary="long_term_fostering"
    )
    other = looked_after("C2", team=other_team, social_worker=other_worker, profile="blackburn")
    return {"sw": worker, "tm": manager, "hos": hos, "iro": iro, "child": child, "other": other}


def checklist_page(client, user, child_id="C1"):
    client.force_login(user)
    return client.get(reverse("approvals:checklists", kwargs={"child_id": child_id}))


def ltm_now(child):
    return selectors.checklist_of(child, LTM, today())


def all_in_place(world):
    child, sw, tm = world["child"], world["sw"], world["tm"]
    children_services.record_assessment(
        child, by=sw, kind="child_and_family", completed=days_ago(20)
    )
    children_services.record_meeting(child, by=sw, kind="care_planning", held=days_ago(15))
    children_services.record_decision(
        child, by=tm, kind="staying_put_discussed", made=days_ago(10), role="team_manager"
    )
    for key in VIEWS + ("multi_agency_views",):
        if key != "multi_agency_views":
            services.tick(child, LTM, key, by=sw, ticked=days_ago(5))


def test_the_child_s_page_shows_the_long_term_match_checklist_with_what_is_missing(client, world):
    children_services.record_assessment(
        world["child"], by=world["sw"], kind="child_and_family", completed=days_ago(20)
    )
    client.force_login(world["sw"])
    page = text(client.get(reverse("children:child", kwargs={"child_id": "C1"})))
    assert "Long-term match of a foster home (Lasting Homes panel)" in page
    assert "1 of 7 in place" in page
    assert "Parents' views" in page and "Preliminary discussions about Staying Put" in page
    assert "Head of Service or above, at the long-term matching (Lasting Homes) panel" in page
    assert "blackburn.long_term_match" in page and "Blackburn with Darwen Permanence policy" in page
    assert "Not yet" in page
    assert reverse("approvals:checklists", kwargs={"child_id": "C1"}) in page
    # A social worker does not approve: no approval link for them.
    approve = reverse("approvals:approve", kwargs={"child_id": "C1", "checklist_id": LTM})
    assert approve not in page
    client.force_login(world["tm"])
    assert approve in text(client.get(reverse("children:child", kwargs={"child_id": "C1"})))


def test_the_checklist_page_lists_items_in_place_with_their_evidence_and_tick_boxes(client, world):
    children_services.record_assessment(
        world["child"], by=world["sw"], kind="child_and_family", completed=days_ago(20)
    )
    response = checklist_page(client, world["sw"])
    assert response.status_code == 200
    page = text(response)
    assert "child and family assessment completed" in page.lower()
    assert 'name="blackburn-long_term_match-items" value="parents_views"' in page
    # The assessment comes from its record: no tick box for it.
    assert 'value="cf_assessment"' not in page


def test_ticking_an_item_is_attributed_and_puts_it_in_place(client, world):
    client.force_login(world["sw"])
    url = reverse("approvals:checklists", kwargs={"child_id": "C1"})
    response = client.post(
        url,
        {
            "checklist": LTM,
            "blackburn-long_term_match-items": ["parents_views"],
            **dated("blackburn-long_term_match-ticked", days_ago(3)),
            "blackburn-long_term_match-note": "Mother's views in the assessment addendum",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith(
        "#blackburn-long_term_match"
    )
    tick = ChecklistTick.objects.get(child=world["child"], checklist=LTM, item="parents_views")
    assert tick.ticked == days_ago(3) and tick.recorded_by == world["sw"]
    assert tick.history.latest().history_user == world["sw"]
    item = next(i for i in ltm_now(world["child"]).items if i.key == "parents_views")
    assert item.done == days_ago(3) and item.ticked == days_ago(3)
    page = text(client.get(url))
    assert "Sw-North" in page and "Mother's views in the assessment addendum" in page
    # Taking the tick off is attributed too.
    client.post(url, {"checklist": LTM, **dated("blackburn-long_term_match-ticked", today())})
    assert not ChecklistTick.objects.filter(item="parents_views").exists()
    gone = ChecklistTick.history.filter(item="parents_views", history_type="-").get()
    assert gone.history_user == world["sw"]


def test_ticking_without_a_date_is_an_error_on_the_page(client, world):
    client.force_login(world["sw"])
    response = client.post(
        reverse("approvals:checklists", kwargs={"child_id": "C1"}),
        {"checklist": LTM, "blackburn-long_term_match-items": ["parents_views"]},
    )
    assert response.status_code == 200
    assert "Enter the date the items you ticked were in place" in text(response)
    assert not ChecklistTick.objects.exists()


def test_only_items_no_record_shows_can_be_ticked(world):
    with pytest.raises(services.ChecklistError, match="not an item a person ticks"):
        services.tick(world["child"], LTM, "cf_assessment", by=world["sw"], ticked=today())
    with pytest.raises(services.ChecklistError, match="does not apply"):
        services.tick(world["child"], "luton.achieved", "adm", by=world["sw"], ticked=today())


def test_a_team_manager_s_approval_of_a_long_term_match_is_refused_with_who_may(client, world):
    all_in_place(world)
    client.force_login(world["tm"])
    url = reverse("approvals:approve", kwargs={"child_id": "C1", "checklist_id": LTM})
    response = client.post(url, {**dated("made", today()), "decider_role": "team_manager"})
    assert response.status_code == 200
    page = text(response)
    assert "There is a problem" in page
    assert (
        "A team manager cannot approve the long-term match of a foster home (Lasting Homes"
        " panel). Who may approve: Head of Service or above, at the long-term matching (Lasting"
        " Homes) panel." in page
    )
    assert not models.Decision.objects.filter(kind="long_term_match").exists()


def test_approval_with_prerequisites_missing_needs_a_reason(world):
    with pytest.raises(services.ApprovalRefused, match="Not yet in place: .*Parents' views"):
        services.approve(
            world["child"], LTM, by=world["hos"], made=today(), decider_role="head_of_service"
        )
    decision = services.approve(
        world["child"],
        LTM,
        by=world["hos"],
        made=today(),
        decider_role="head_of_service",
        reason="Carers and child agreed at panel; parents' views to follow",
    )
    approval = ChecklistApproval.objects.get(decision=decision)
    assert "Parents' views" in approval.missing and approval.reason.startswith("Carers")
    assert approval.history.latest().history_user == world["hos"]


def test_a_head_of_service_approves_and_the_child_s_obligations_reflect_it(client, world):
    all_in_place(world)
    child = world["child"]

    def staying_put_before_match():
        return [
            o
            for o in summarise(child, today()).result.obligations
            if o.rule == "staying_put.discussion" and "long-term match" in o.why
        ]

    assert staying_put_before_match() == []
    client.force_login(world["hos"])
    url = reverse("approvals:approve", kwargs={"child_id": "C1", "checklist_id": LTM})
    assert client.get(url).status_code == 200
    made = days_ago(1)
    response = client.post(url, {**dated("made", made), "decider_role": "head_of_service"})
    assert response.status_code == 302
    decision = models.Decision.objects.get(child=child, kind="long_term_match")
    assert (decision.role, decision.made, decision.made_by) == (
        "head_of_service",
        made,
        world["hos"],
    )
    assert decision.history.latest().history_user == world["hos"]
    # The rules read the approval: Staying Put is due before the match is ratified (and was).
    [ob] = staying_put_before_match()
    assert ob.due == made and ob.done == days_ago(10)
    assert ltm_now(child).approved == made
    page = text(client.get(reverse("children:child", kwargs={"child_id": "C1"})))
    assert f"Yes, {made.day} {made:%B %Y}" in page
    # Approved once: approving again is refused.
    with pytest.raises(services.ApprovalRefused, match="already approved"):
        services.approve(child, LTM, by=world["hos"], made=today(), decider_role="director")


def test_the_decision_the_approval_records_is_what_the_core_reads(world):
    all_in_place(world)
    services.approve(
        world["child"], LTM, by=world["tm"], made=today(), decider_role="Head of Service"
    )
    core = summarise(world["child"], today()).case.child
    assert CoreDecision("long_term_match", today(), "head_of_service") in core.recorded.decisions
    assert core.recorded.ticks[(LTM, "parents_views")] == days_ago(5)


def test_another_team_s_child_is_not_found(client, world):
    assert checklist_page(client, world["sw"], "C2").status_code == 404
    client.force_login(world["tm"])
    url = reverse("approvals:approve", kwargs={"child_id": "C2", "checklist_id": LTM})
    assert client.get(url).status_code == 404
    assert (
        client.post(url, {**dated("made", today()), "decider_role": "head_of_service"}).status_code
        == 404
    )
    # A head of service records decisions for any child, but opens no tick page.
    client.force_login(world["hos"])
    assert client.get(url).status_code == 404  # C2 has no long-term fostering plan
    assert checklist_page(client, world["hos"], "C1").status_code == 403


def test_an_iro_ticks_for_the_children_they_review(client, world):
    assert checklist_page(client, world["iro"]).status_code == 200
    assert checklist_page(client, world["iro"], "C2").status_code == 404


def test_a_checklist_nobody_approves_has_no_approval_page(client, world):
    client.force_login(world["tm"])
    url = reverse("approvals:approve", kwargs={"child_id": "C1", "checklist_id": "nope.nope"})
    assert client.get(url).status_code == 404

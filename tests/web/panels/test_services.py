"""Setting up a panel, changing its agenda, circulating it and recording what it decided,
as Halton's Permanency Review Panel terms of reference and Bolton's Gateway panel ask."""

from datetime import time, timedelta

import pytest

from permanence.panels import manual_reasons, panel_definition
from permanence.rules.engine import Status
from permanence.web.children import models as children
from permanence.web.children.selectors import summarise
from permanence.web.panels import selectors, services
from permanence.web.panels.models import Action, AgendaItem, Panel
from tests.web.factories import days_ago, looked_after, team_with_people, today
from tests.web.panels.conftest import agenda_of, with_plan

pytestmark = pytest.mark.django_db

NORTH, SOUTH = "Team manager: Tm-North", "Team manager: Tm-South"


def item_of(panel, child):
    return panel.items.get(child=child)


def test_a_halton_panel_lists_children_with_a_plan_by_team_manager_in_15_minute_slots(
    world, make_panel
):
    # "A list will be circulated ... in groupings according to team manager"; "Each child
    # will be reviewed in a 15 min timeslot".
    panel = make_panel(start=time(9, 30))
    assert agenda_of(panel) == [
        ("H1", "09:30", NORTH),
        ("H5", "09:45", NORTH),
        ("H2", "10:00", SOUTH),
    ]
    # H3 has no plan yet, H4 is placed for adoption, N1 is not a Halton child.
    reasons = item_of(panel, world.h1).reasons
    assert [(r["code"], r["rule"], r["manual"]) for r in reasons] == [
        ("every plan", "halton.panel_every_plan", False)
    ]
    assert "plan: adoption" in reasons[0]["text"] and "Halton" in reasons[0]["source"]
    assert (panel.name, panel.status, panel.created_by) == (
        "Permanency Review Panel",
        Panel.Status.DRAFT,
        world.admin,
    )
    assert panel.history.first().history_user == world.admin


def test_a_child_taken_off_stays_on_the_agenda_as_removed_with_the_reason(world, make_panel):
    panel = make_panel()
    h5 = item_of(panel, world.h5)
    services.remove_item(h5, "Final hearing moved: to be heard next month", world.admin)
    assert agenda_of(panel) == [("H1", "10:00", NORTH), ("H2", "10:15", SOUTH)]
    h5.refresh_from_db()
    assert (h5.removed, h5.removed_reason, h5.slot_start) == (
        True,
        "Final hearing moved: to be heard next month",
        None,
    )
    last = h5.history.first()
    assert last.history_user == world.admin
    assert last.history_change_reason == "removed: Final hearing moved: to be heard next month"
    with pytest.raises(services.PanelError):
        services.remove_item(item_of(panel, world.h1), "  ", world.admin)


def test_a_child_added_by_hand_goes_at_the_end_of_their_group_with_the_reason(world, make_panel):
    panel = make_panel()
    item = services.add_child(panel, world.h3, "Unregulated placement since Friday", world.admin)
    assert agenda_of(panel) == [
        ("H1", "10:00", NORTH),
        ("H5", "10:15", NORTH),
        ("H3", "10:30", NORTH),
        ("H2", "10:45", SOUTH),
    ]
    assert item.added_by_hand and item.recorded_by == world.admin
    assert item.reasons == [
        {
            "code": "other",
            "text": "Unregulated placement since Friday",
            "rule": "",
            "source": "",
            "manual": True,
            "title": "",
        }
    ]
    first = item.history.earliest("history_date")
    assert first.history_user == world.admin
    assert first.history_change_reason == "added by hand: Unregulated placement since Friday"
    with pytest.raises(services.PanelError, match="already on the agenda"):
        services.add_child(panel, world.h3, "again", world.admin)
    with pytest.raises(services.PanelError, match="not a child of the"):
        services.add_child(panel, world.n1, "another council's child", world.admin)


def test_a_child_taken_off_can_be_put_back_by_hand(world, make_panel):
    panel = make_panel()
    h1 = item_of(panel, world.h1)
    services.remove_item(h1, "Mistake", world.admin)
    services.add_child(panel, world.h1, "Put back: the removal was a mistake", world.admin)
    assert [c for c, _, _ in agenda_of(panel)] == ["H5", "H1", "H2"]
    assert panel.items.filter(child=world.h1).count() == 1
    assert [h.removed for h in h1.history.order_by("history_date")][-1] is False


def test_bolton_gateway_a_criterion_the_records_cannot_show_is_chosen_by_hand(world):
    # Bolton 2.4 (a): "at risk of becoming looked after" is not in any record here.
    bolton, tm, sw = team_with_people("Bolton East")
    child = looked_after("B1", team=bolton, social_worker=sw, profile="bolton")
    panel = services.create_panel(
        "bolton", "gateway", today() + timedelta(days=14), time(14), world.admin
    )
    at_risk = next(
        r for r in manual_reasons(panel_definition("bolton", "gateway")) if r.code == "(a)"
    )
    item = services.add_child(panel, child, at_risk, world.admin)
    assert item.group == "Team: Bolton East"  # Bolton's agenda is grouped by team
    assert item.reasons[0]["code"] == "(a)" and item.reasons[0]["manual"] is True
    assert item.reasons[0]["rule"] == "bolton.gateway_panel"


def test_moving_a_child_swaps_slots_within_their_group_only(world, make_panel):
    panel = make_panel()
    services.move_item(item_of(panel, world.h5), "up", world.admin)
    assert agenda_of(panel) == [
        ("H5", "10:00", NORTH),
        ("H1", "10:15", NORTH),
        ("H2", "10:30", SOUTH),
    ]
    with pytest.raises(services.PanelError, match="already first"):
        services.move_item(item_of(panel, world.h5), "up", world.admin)
    with pytest.raises(services.PanelError, match="already last"):
        # H2 is alone in its group: moving it down would leave Tm-South's group.
        services.move_item(item_of(panel, world.h2), "down", world.admin)
    assert item_of(panel, world.h1).history.first().history_change_reason == "agenda re-slotted"


def test_refresh_adds_the_newly_eligible_and_never_drops_those_added_by_hand(world, make_panel):
    panel = make_panel()
    services.remove_item(item_of(panel, world.h5), "Heard elsewhere", world.admin)
    # Another Halton child with no criterion met, added by hand.
    extra = looked_after("H9", team=world.north, profile="halton", began=days_ago(5))
    services.add_child(panel, extra, "Asked for by the IRM", world.admin)
    # H3's plan is agreed: the panel should now hear H3 too.
    with_plan(world.h3, world.sw_north, agreed=days_ago(2))
    done = services.refresh(panel, world.admin)
    assert done.added == ["H3"] and done.dropped == []
    children_on = [c for c, _, _ in agenda_of(panel)]
    assert sorted(children_on) == ["H1", "H2", "H3", "H9"]  # H5 stays off: taken off by hand
    assert item_of(panel, world.h5).removed


def test_refresh_takes_off_a_proposed_child_who_no_longer_meets_a_criterion(world, make_panel):
    panel = make_panel()
    # H1 is placed for adoption before the sitting: settled, no longer for this panel.
    ep = world.h1.episodes.get()
    ep.end, ep.reason_end, ep.reason_place_change = days_ago(3), "X1", "CARPL"
    ep.save()
    world.h1.episodes.create(
        start=days_ago(3),
        reason_new="P",
        legal_status="E1",
        placement="A5",
        cin="N1",
        provider="PR1",
    )
    done = services.refresh(panel, world.admin)
    assert done.dropped == ["H1"]
    item = item_of(panel, world.h1)
    assert item.removed and item.removed_reason == services.DROPPED
    assert [c for c, _, _ in agenda_of(panel)] == ["H5", "H2"]


def test_circulating_late_warns_and_after_the_sitting_is_refused(world, make_panel):
    on_time = make_panel(sitting=today() + timedelta(days=15))
    assert services.circulate(on_time, world.admin) == []
    on_time.refresh_from_db()
    assert (on_time.status, on_time.circulated_on) == (Panel.Status.CIRCULATED, today())
    assert on_time.history.first().history_user == world.admin

    # Halton: "You will be invited to panel no less than 2 weeks in advance".
    late = make_panel(sitting=today() + timedelta(days=13))
    (warning,) = services.circulate(late, world.admin)
    assert "14 days before" in warning
    assert f"{(late.sitting - timedelta(days=14)).day} " in warning

    past = make_panel(sitting=days_ago(1))
    with pytest.raises(services.PanelError, match="can no longer be circulated"):
        services.circulate(past, world.admin)
    past.refresh_from_db()
    assert past.status == Panel.Status.DRAFT


def test_a_decision_records_the_hearing_so_the_rule_shows_it_met(world, make_panel):
    panel = make_panel(sitting=today())
    item = item_of(panel, world.h1)
    before = summarise(world.h1, today())
    rule = [o for o in before.result.obligations if o.rule == "halton.panel_every_plan"]
    assert rule and rule[-1].status is not Status.MET
    back = today() + timedelta(days=182)
    outcome = services.record_outcome(item, "Adoption plan endorsed", back, world.admin)
    meeting = children.Meeting.objects.get(child=world.h1)
    assert (meeting.kind, meeting.held, meeting.note, meeting.return_by, meeting.recorded_by) == (
        "permanency_review_panel",
        today(),
        "Adoption plan endorsed",
        back,
        world.admin,
    )
    assert meeting.chair_role == "head_of_service"
    assert outcome.meeting == meeting and outcome.recorded_by == world.admin
    after = summarise(children.Child.objects.get(pk=world.h1.pk), today())
    heard = [o for o in after.result.obligations if o.rule == "halton.panel_every_plan"]
    assert heard[0].status is Status.MET and heard[0].done == today()
    # Recording again corrects the decision: still one hearing.
    services.record_outcome(
        item, "Adoption plan endorsed; sibling assessment first", None, world.admin
    )
    meeting.refresh_from_db()
    assert children.Meeting.objects.filter(child=world.h1).count() == 1
    assert (meeting.note, meeting.return_by) == (
        "Adoption plan endorsed; sibling assessment first",
        None,
    )


def test_decisions_wait_for_the_sitting_and_return_dates_come_after_it(world, make_panel):
    future = make_panel()
    with pytest.raises(services.PanelError, match="record decisions from then"):
        services.record_outcome(item_of(future, world.h1), "Endorsed", None, world.admin)
    today_panel = make_panel(sitting=today())
    with pytest.raises(services.PanelError, match="after the sitting"):
        services.record_outcome(item_of(today_panel, world.h1), "Endorsed", today(), world.admin)
    assert not children.Meeting.objects.exists()


def test_an_action_goes_to_someone_who_may_see_the_child_and_can_be_done(world, make_panel):
    panel = make_panel(sitting=today())
    item = item_of(panel, world.h1)
    with pytest.raises(services.PanelError, match="cannot see child H1"):
        services.add_action(item, "Update the chronology", world.sw_south, today(), world.admin)
    action = services.add_action(
        item, "Update the chronology", world.sw_north, days_ago(-7), world.admin
    )
    assert (action.child, action.owner, action.created_by) == (
        world.h1,
        world.sw_north,
        world.admin,
    )
    work = selectors.work_for(world.sw_north, today())
    assert [(w.what, w.child.child_id, w.status) for w in work] == [
        ("Update the chronology", "H1", "due_soon")
    ]
    services.complete_action(action, world.sw_north, "Done on Tuesday")
    action.refresh_from_db()
    assert (action.done_on, action.done_by, action.note) == (
        today(),
        world.sw_north,
        "Done on Tuesday",
    )
    assert action.history.first().history_change_reason == "action done"
    assert selectors.work_for(world.sw_north, today()) == []
    with pytest.raises(services.PanelError, match="already done"):
        services.complete_action(action, world.sw_north)


def test_a_held_panel_keeps_its_agenda(world, make_panel):
    panel = make_panel(sitting=today())
    services.mark_held(panel, world.admin)
    with pytest.raises(services.PanelError, match="has been held"):
        services.remove_item(item_of(panel, world.h1), "late change", world.admin)
    with pytest.raises(services.PanelError, match="has been held"):
        services.add_child(panel, world.h3, "late addition", world.admin)
    future = make_panel()
    with pytest.raises(services.PanelError, match="not been held yet"):
        services.mark_held(future, world.admin)
    assert AgendaItem.objects.filter(panel=panel, removed=True).count() == 0
    assert Action.objects.count() == 0

"""The panel pages, checked by what they say and what they change."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse

from permanence.web.audit.models import Action as AuditAction
from permanence.web.audit.models import AuditEvent
from permanence.web.children import models as children
from permanence.web.panels import services
from permanence.web.panels.models import Action, Panel
from tests.web.factories import today

pytestmark = pytest.mark.django_db


def text(response) -> str:
    """The page's words, tags stripped and spaces squeezed."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def date_parts(prefix: str, d) -> dict:
    return {f"{prefix}_day": d.day, f"{prefix}_month": d.month, f"{prefix}_year": d.year}


def test_setting_up_a_panel_offers_the_policys_sittings_and_proposes_the_agenda(client, world):
    client.force_login(world.admin)
    page = client.get(reverse("panels:list"))
    assert "Set up a panel" in text(page)
    nothing = client.get(reverse("panels:new"), {"step": "1"})
    assert "Choose the panel" in text(nothing) and nothing.context["form"].errors
    chosen = client.get(reverse("panels:new"), {"step": "1", "panel": "halton:permanency_review"})
    assert chosen.status_code == 200
    # Halton's panel sits on the last Thursday of the month (the product's default).
    offered = chosen.context["form"].fields["sitting"].choices
    assert offered[0][1].startswith("Thursday") and offered[-1] == ("other", "Another date")
    sitting = today() + timedelta(days=20)
    response = client.post(
        reverse("panels:new") + "?panel=halton:permanency_review",
        {
            "panel": "halton:permanency_review",
            "sitting": "other",
            **date_parts("other_date", sitting),
            "start": "2pm",
        },
    )
    panel = Panel.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "panels:agenda", kwargs={"pk": panel.pk}
    )
    assert (panel.sitting, panel.start.strftime("%H:%M"), panel.created_by) == (
        sitting,
        "14:00",
        world.admin,
    )
    page = text(client.get(reverse("panels:panel", kwargs={"pk": panel.pk})))
    assert "Team manager: Tm-North" in page and "Team manager: Tm-South" in page
    for child, slot in (("H1", "14:00"), ("H5", "14:15"), ("H2", "14:30")):
        assert re.search(rf"{slot} {child} ", page), (child, slot)
    assert "halton.panel_every_plan" in page and "every plan" in page
    listed = text(client.get(reverse("panels:list")))
    assert re.search(
        r"Upcoming panels Halton Borough Council Panel .*Permanency Review Panel", listed
    )
    assert "No past panels" in listed
    invite_by = sitting - timedelta(days=14)
    assert f"Invitations and list by {invite_by:%A} {invite_by.day} {invite_by:%B %Y}" in page


def test_a_sitting_in_the_past_is_refused(client, world):
    client.force_login(world.admin)
    response = client.post(
        reverse("panels:new") + "?panel=halton:permanency_review",
        {
            "panel": "halton:permanency_review",
            "sitting": "other",
            **date_parts("other_date", today() - timedelta(days=1)),
            "start": "10:00",
        },
    )
    assert response.status_code == 200
    assert "The date of the sitting must be today or in the future" in text(response)
    assert not Panel.objects.exists()


def test_the_agenda_page_removes_adds_moves_and_circulates(client, world, make_panel):
    panel = make_panel(sitting=today() + timedelta(days=16))
    client.force_login(world.admin)
    address = reverse("panels:agenda", kwargs={"pk": panel.pk})
    h5 = panel.items.get(child=world.h5)
    empty = client.post(address, {"do": "remove", "item": h5.pk, f"remove-{h5.pk}-reason": ""})
    assert "Enter the reason the child is taken off the agenda" in text(empty)
    client.post(
        address, {"do": "remove", "item": h5.pk, f"remove-{h5.pk}-reason": "Heard last week"}
    )
    h5.refresh_from_db()
    assert h5.removed and h5.removed_reason == "Heard last week"
    client.post(
        address,
        {"do": "add", "child_id": "H3", "reason": "other", "other_reason": "Placement at risk"},
    )
    assert panel.items.get(child=world.h3).added_by_hand
    unknown = client.post(
        address, {"do": "add", "child_id": "NOBODY", "reason": "other", "other_reason": "x"}
    )
    assert unknown.status_code == 404
    h3 = panel.items.get(child=world.h3)
    client.post(address, {"do": "up", "item": h3.pk})
    page = text(client.get(reverse("panels:panel", kwargs={"pk": panel.pk})))
    assert re.search(r"10:00 H3 .* 10:15 H1 .* 10:30 H2 ", page)
    assert "Taken off the agenda" in page and "Heard last week" in page
    client.post(address, {"do": "circulate"})
    panel.refresh_from_db()
    assert (panel.status, panel.circulated_on) == ("circulated", today())


def test_circulating_after_the_sitting_says_why_not(client, world, make_panel):
    panel = make_panel(sitting=today() - timedelta(days=2))
    client.force_login(world.admin)
    response = client.post(
        reverse("panels:agenda", kwargs={"pk": panel.pk}), {"do": "circulate"}, follow=True
    )
    assert "it can no longer be circulated" in text(response)
    panel.refresh_from_db()
    assert panel.status == "draft"


def test_a_social_worker_sees_no_panel_without_their_teams_children(client, world, make_panel):
    panel = make_panel()
    services.remove_item(panel.items.get(child=world.h2), "Heard elsewhere", world.admin)
    client.force_login(world.sw_south)
    assert client.get(reverse("panels:panel", kwargs={"pk": panel.pk})).status_code == 404
    assert client.get(reverse("panels:pack", kwargs={"pk": panel.pk})).status_code == 404
    assert "Permanency Review Panel" not in text(client.get(reverse("panels:list")))
    client.force_login(world.sw_north)
    page = text(client.get(reverse("panels:panel", kwargs={"pk": panel.pk})))
    assert "H1" in page and "H5" in page and "H2" not in page  # taken off, and not theirs
    assert "Change the agenda" not in page


def test_outcomes_record_the_decision_and_an_action_for_someone_who_may_see_the_child(
    client, world, make_panel
):
    panel = make_panel(sitting=today())
    item = panel.items.get(child=world.h1)
    client.force_login(world.admin)
    address = reverse("panels:outcomes", kwargs={"pk": panel.pk})
    page = client.get(address)
    owners = set(page.context["rows"][0][1].fields["owner"].queryset)
    assert world.sw_north in owners and world.sw_south not in owners
    prefix = f"item-{item.pk}"
    due = today() + timedelta(days=14)
    refused = client.post(
        address,
        {
            "item": item.pk,
            f"{prefix}-decision": "Endorsed",
            f"{prefix}-action": "Sibling assessment",
            f"{prefix}-owner": world.sw_south.pk,
            **date_parts(f"{prefix}-due", due),
        },
    )
    assert "Select a valid choice" in text(refused)
    assert not children.Meeting.objects.exists()
    response = client.post(
        address,
        {
            "item": item.pk,
            f"{prefix}-decision": "Adoption plan endorsed",
            **date_parts(f"{prefix}-return_by", today() + timedelta(days=90)),
            f"{prefix}-action": "Sibling assessment",
            f"{prefix}-owner": world.sw_north.pk,
            **date_parts(f"{prefix}-due", due),
        },
    )
    assert response.status_code == 302
    meeting = children.Meeting.objects.get(child=world.h1)
    assert (meeting.kind, meeting.note) == ("permanency_review_panel", "Adoption plan endorsed")
    action = Action.objects.get()
    assert (action.owner, action.due, action.agenda_item) == (world.sw_north, due, item)
    held = client.post(address, {"do": "held"})
    assert held.status_code == 302
    panel.refresh_from_db()
    assert panel.status == "held"
    page = text(client.get(reverse("panels:panel", kwargs={"pk": panel.pk})))
    assert "Adoption plan endorsed" in page and "Sibling assessment" in page


def test_an_action_is_on_my_work_until_the_owner_marks_it_done(client, world, make_panel):
    panel = make_panel(sitting=today())
    action = services.add_action(
        panel.items.get(child=world.h1),
        "Update the chronology",
        world.sw_north,
        today() + timedelta(days=5),
        world.admin,
    )
    client.force_login(world.sw_south)  # another team's worker: cannot even find it
    assert client.post(reverse("panels:action-done", kwargs={"pk": action.pk})).status_code == 404
    other = services.add_action(
        panel.items.get(child=world.h5), "Ask the carers", world.admin, today(), world.admin
    )
    client.force_login(world.sw_north)  # sees the child, but the action is not theirs
    assert client.post(reverse("panels:action-done", kwargs={"pk": other.pk})).status_code == 403
    client.force_login(world.tm_north)  # the manager of the child's team may close it
    assert client.post(reverse("panels:action-done", kwargs={"pk": other.pk})).status_code == 302
    other.refresh_from_db()
    assert other.done_by == world.tm_north
    client.force_login(world.sw_north)
    my_work = reverse("children:my-work")
    page = text(client.get(my_work))
    due = action.due
    assert "Panels and actions" in page
    assert (
        f"Update the chronology Action from the {panel} H1 {due.day} {due:%b %Y} Due soon" in page
    )
    response = client.post(
        reverse("panels:action-done", kwargs={"pk": action.pk}), {"next": my_work}
    )
    assert response.status_code == 302 and response.url == my_work
    action.refresh_from_db()
    assert (action.done_on, action.done_by) == (today(), world.sw_north)
    after = text(client.get(my_work))
    assert "Action done for child H1: Update the chronology" in after  # the banner
    assert "Panels and actions" not in after


def test_the_pack_lists_every_child_with_reasons_and_papers(client, world, make_panel):
    panel = make_panel()
    services.remove_item(panel.items.get(child=world.h5), "Heard last month", world.admin)
    client.force_login(world.admin)
    response = client.get(reverse("panels:pack", kwargs={"pk": panel.pk}))
    page = text(response)
    for child in ("H1", "H2"):
        assert f"Child {child}" in page
    assert "Child H5" not in page  # taken off
    assert page.count("halton.panel_every_plan") >= 2
    assert (
        "Adoption, agreed" in page
        and "Long-term fostering: Long-term fostering with the current carers" in page
    )
    assert "Papers up to date by" in page and "@media print" in response.content.decode()
    assert AuditEvent.objects.filter(
        action=AuditAction.VIEWED, summary__contains="panel pack"
    ).exists()


def test_the_pack_as_pdf_is_a_pdf_and_its_download_is_audited(client, world, make_panel):
    panel = make_panel()
    client.force_login(world.sw_north)
    response = client.get(reverse("panels:pack-pdf", kwargs={"pk": panel.pk}))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].startswith("attachment;")
    event = AuditEvent.objects.get(action=AuditAction.EXPORTED)
    assert event.user == world.sw_north
    assert "panel pack of Permanency Review Panel" in event.summary
    assert "2 rows" in event.summary  # H1 and H5: the rows this person may see

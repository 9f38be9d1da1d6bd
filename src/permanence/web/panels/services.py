"""Writing panels: setting one up with the agenda the policy proposes, changing the
agenda, circulating it, and recording what the panel decided and who is to do what.

Every change is attributed (the person, and a reason in the record's history). A child
taken off an agenda stays on it as removed, with the reason, so nobody disappears
without trace. Recording a decision also records the hearing as a meeting of the
panel's kind on the child's record, so the rules see that the panel heard the child.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from permanence.panels import PanelDefinition, Reason, panel_definition, propose
from permanence.web.accounts.models import User
from permanence.web.children import models as children
from permanence.web.children import services as child_services
from permanence.web.children.domain import RELATED, domain_child
from permanence.web.children.selectors import children_visible_to, in_care_on
from permanence.web.history import save_attributed
from permanence.web.panels import models
from permanence.web.panels.models import AgendaItem, Panel

DROPPED = "No longer meets the panel's criteria (agenda refreshed)."


class PanelError(ValueError):
    """A change the panel's state or the policy does not allow; the message says why."""


def definition_of(panel: Panel) -> PanelDefinition:
    return panel_definition(panel.profile, panel.key)


def reason_dict(reason: Reason) -> dict:
    return asdict(reason)


def group_of(definition: PanelDefinition, child: children.Child) -> str:
    """The heading the child is listed under, as the policy groups the list: by the
    team manager (Halton: "listed in groupings according to team manager"), or team."""
    team = child.team
    if definition.group_by == "team_manager":
        manager = team.manager if team is not None else None
        return f"Team manager: {manager}" if manager is not None else "No team manager"
    if definition.group_by == "team":
        return f"Team: {team.name}" if team is not None else "No team"
    return ""


def looked_after_on(profile: str, day: date):
    """The profile's children with care open on `day`, ready for `domain_child`."""
    return (
        in_care_on(children.Child.objects.filter(profile=profile), day)
        .select_related("team__manager", "social_worker")
        .prefetch_related(*RELATED)
    )


def _proposals(definition: PanelDefinition, sitting: date):
    rows = {row.child_id: row for row in looked_after_on(definition.profile, sitting)}
    proposals = propose(definition, [domain_child(row) for row in rows.values()], sitting)
    return [(rows[p.child_id], p) for p in proposals if p.child_id in rows]


def _active(panel: Panel) -> list[AgendaItem]:
    return list(panel.items.filter(removed=False).select_related("child"))


def reslot(panel: Panel, by: User | None, definition: PanelDefinition | None = None) -> None:
    """Number the children still on the agenda in order (by group, then the order within
    the group) and give each the next slot of the panel's length from the start time."""
    definition = definition or definition_of(panel)
    items = sorted(_active(panel), key=lambda i: (i.group, i.position, i.child.child_id))
    start = datetime.combine(panel.sitting, panel.start)
    for n, item in enumerate(items):
        slot = (start + timedelta(minutes=definition.slot_minutes * n)).time()
        if (item.position, item.slot_start) != (n + 1, slot):
            item.position, item.slot_start = n + 1, slot
            save_attributed(item, by, "agenda re-slotted", update_fields=["position", "slot_start"])


def _not_held(panel: Panel) -> None:
    if panel.status == Panel.Status.HELD:
        raise PanelError("The panel has been held: its agenda can no longer change.")


@transaction.atomic
def create_panel(
    profile: str,
    key: str,
    sitting: date,
    start: time,
    by: User,
    *,
    chair: User | None = None,
    note: str = "",
) -> Panel:
    """A sitting of the profile's panel `key`, with the agenda the policy proposes: each
    child the panel's criteria pick as of the sitting, grouped as the policy lists them,
    in slots of the panel's length from `start`."""
    definition = panel_definition(profile, key)
    panel = Panel(
        profile=profile,
        key=key,
        name=definition.name,
        sitting=sitting,
        start=start,
        chair=chair,
        note=note,
        created_by=by,
    )
    save_attributed(panel, by, "panel set up")
    for row, proposal in _proposals(definition, sitting):
        item = AgendaItem(
            panel=panel,
            child=row,
            group=group_of(definition, row),
            reasons=[reason_dict(r) for r in proposal.reasons],
            recorded_by=by,
        )
        save_attributed(item, by, "proposed: meets the panel's criteria")
    reslot(panel, by, definition)
    return panel


def _check_reason(reason: Reason | str) -> Reason:
    if isinstance(reason, str):
        text = reason.strip()
        if not text:
            raise PanelError("Give the reason the child is to be heard.")
        return Reason(code="other", text=text, rule="", source="", manual=True)
    return reason


@transaction.atomic
def add_child(panel: Panel, child: children.Child, reason: Reason | str, by: User) -> AgendaItem:
    """Put a child on the agenda by hand, for `reason`: one of `manual_reasons` (a
    criterion the data cannot show) or the administrator's own words. A child taken
    off earlier is put back. The child goes at the end of their group."""
    _not_held(panel)
    definition = definition_of(panel)
    if child.profile != panel.profile:
        raise PanelError(
            f"Child {child.child_id} is not a child of the {panel.get_profile_display()} profile."
        )
    reason = _check_reason(reason)
    last = panel.items.order_by("-position").values_list("position", flat=True).first() or 0
    item = panel.items.filter(child=child).first()
    if item is not None and not item.removed:
        raise PanelError(f"Child {child.child_id} is already on the agenda.")
    if item is None:
        item = AgendaItem(panel=panel, child=child)
    item.group = group_of(definition, child)
    item.reasons = [*(item.reasons or []), reason_dict(reason)]
    item.added_by_hand, item.removed, item.removed_reason = True, False, ""
    item.position = last + 1
    item.recorded_by = by
    save_attributed(item, by, f"added by hand: {reason.text}")
    reslot(panel, by, definition)
    return item


@transaction.atomic
def remove_item(item: AgendaItem, reason: str, by: User) -> AgendaItem:
    """Take a child off the agenda, saying why; the item stays, marked removed."""
    _not_held(item.panel)
    reason = reason.strip()
    if not reason:
        raise PanelError("Give the reason the child is taken off the agenda.")
    item.removed, item.removed_reason, item.slot_start = True, reason, None
    save_attributed(
        item, by, f"removed: {reason}", update_fields=["removed", "removed_reason", "slot_start"]
    )
    reslot(item.panel, by)
    return item


@transaction.atomic
def move_item(item: AgendaItem, direction: str, by: User) -> AgendaItem:
    """Move a child one slot earlier ("up") or later ("down") within their group."""
    _not_held(item.panel)
    if direction not in ("up", "down"):
        raise PanelError("Move a child up or down.")
    if item.removed:
        raise PanelError("The child is not on the agenda.")
    group = [i for i in _active(item.panel) if i.group == item.group]
    group.sort(key=lambda i: i.position)
    at = next(n for n, i in enumerate(group) if i.pk == item.pk)
    to = at - 1 if direction == "up" else at + 1
    if not 0 <= to < len(group):
        where = "first" if direction == "up" else "last"
        raise PanelError(f"Child {item.child.child_id} is already {where} in the group.")
    other = group[to]
    item.position, other.position = other.position, item.position
    save_attributed(
        other, by, f"moved {'down' if direction == 'up' else 'up'}", update_fields=["position"]
    )
    save_attributed(item, by, f"moved {direction}", update_fields=["position"])
    reslot(item.panel, by)
    item.refresh_from_db()
    return item


@dataclass
class Refreshed:
    added: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


@transaction.atomic
def refresh(panel: Panel, by: User) -> Refreshed:
    """Propose the agenda again, as of the sitting: children newly meeting a criterion
    are added, the reasons of those proposed before are brought up to date, and those
    proposed before who no longer meet any are taken off (saying so). Children added by
    hand are never taken off, and those taken off by hand are not put back."""
    _not_held(panel)
    definition = definition_of(panel)
    out = Refreshed()
    proposed = {row.pk: (row, p) for row, p in _proposals(definition, panel.sitting)}
    items = {i.child_id: i for i in panel.items.select_related("child")}
    last = max((i.position for i in items.values()), default=0)
    for pk, (row, proposal) in proposed.items():
        reasons = [reason_dict(r) for r in proposal.reasons]
        item = items.get(pk)
        if item is None:
            last += 1
            item = AgendaItem(
                panel=panel,
                child=row,
                group=group_of(definition, row),
                reasons=reasons,
                position=last,
                recorded_by=by,
            )
            save_attributed(item, by, "proposed on refresh: meets the panel's criteria")
            out.added.append(row.child_id)
        elif item.removed and item.removed_reason == DROPPED:
            item.removed, item.removed_reason, item.reasons = False, "", reasons
            save_attributed(
                item,
                by,
                "meets the panel's criteria again",
                update_fields=["removed", "removed_reason", "reasons"],
            )
            out.added.append(row.child_id)
        elif not item.removed:
            manual = [r for r in item.reasons if r.get("manual")]
            if item.reasons != [*reasons, *manual]:
                item.reasons = [*reasons, *manual]
                save_attributed(item, by, "reasons brought up to date", update_fields=["reasons"])
    for item in items.values():
        if item.removed or item.added_by_hand or item.child_id in proposed:
            continue
        item.removed, item.slot_start = True, None
        item.removed_reason = DROPPED
        save_attributed(
            item,
            by,
            "removed on refresh",
            update_fields=["removed", "removed_reason", "slot_start"],
        )
        out.dropped.append(item.child.child_id)
    reslot(panel, by, definition)
    return out


@transaction.atomic
def circulate(panel: Panel, by: User, today: date | None = None) -> list[str]:
    """Send out the invitations and the list. Refused once the sitting has passed;
    returns warnings, such as circulating later than the policy's notice."""
    today = today or timezone.localdate()
    if panel.status == Panel.Status.HELD:
        raise PanelError("The panel has been held: there is nothing to circulate.")
    if today > panel.sitting:
        raise PanelError(
            f"The panel was to sit on {_day(panel.sitting)}: it can no longer be circulated."
        )
    if not panel.items.filter(removed=False).exists():
        raise PanelError("There is nobody on the agenda to circulate.")
    definition = definition_of(panel)
    warnings = []
    invite_by = definition.invite_by(panel.sitting)
    if today > invite_by:
        warnings.append(
            f"Circulated later than the policy asks: invitations and the list should have "
            f"gone out by {_day(invite_by)}, {definition.notice_days} days before the "
            f"sitting ({definition.source})."
        )
    panel.status, panel.circulated_on = Panel.Status.CIRCULATED, today
    save_attributed(panel, by, "circulated", update_fields=["status", "circulated_on"])
    return warnings


@transaction.atomic
def record_outcome(
    item: AgendaItem, decision: str, return_by: date | None, by: User
) -> models.Outcome:
    """What the panel decided for the child. The hearing is recorded on the child's
    record too, as a meeting of the panel's kind on the sitting date (with the decision
    as its note and `return_by`), which is what the rules read; recording again
    corrects both."""
    panel = item.panel
    decision = decision.strip()
    if not decision:
        raise PanelError("Enter the panel's decision.")
    if item.removed:
        raise PanelError(f"Child {item.child.child_id} was taken off the agenda.")
    if panel.sitting > timezone.localdate():
        raise PanelError(f"The panel sits on {_day(panel.sitting)}: record decisions from then.")
    if return_by is not None and return_by <= panel.sitting:
        raise PanelError("The date to return to the panel must be after the sitting.")
    definition = definition_of(panel)
    outcome = models.Outcome.objects.filter(item=item).first()
    meeting = outcome.meeting if outcome is not None else None
    if meeting is None:
        meeting = child_services.record_meeting(
            item.child,
            by=by,
            kind=definition.meeting_kind,
            held=panel.sitting,
            chair_role=_chair_role(definition),
            note=decision,
            return_by=return_by,
        )
    else:
        meeting.note, meeting.return_by, meeting.recorded_by = decision, return_by, by
        save_attributed(meeting, by, f"decision of the {panel.name} corrected")
    if outcome is None:
        outcome = models.Outcome(item=item)
    outcome.decision, outcome.return_by, outcome.meeting = decision, return_by, meeting
    outcome.recorded_by, outcome.recorded_at = by, timezone.now()
    save_attributed(outcome, by, "panel decision recorded")
    return outcome


def _chair_role(definition: PanelDefinition) -> str:
    return definition.chair if definition.chair in children.DeciderRole.values else ""


@transaction.atomic
def mark_held(panel: Panel, by: User, today: date | None = None) -> Panel:
    today = today or timezone.localdate()
    if today < panel.sitting:
        raise PanelError(f"The panel sits on {_day(panel.sitting)}: it has not been held yet.")
    panel.status = Panel.Status.HELD
    save_attributed(panel, by, "panel held", update_fields=["status"])
    return panel


def may_own(user: User, child: children.Child) -> bool:
    """Whether `user` may be given an action for the child: they must be able to see it."""
    return user.is_active and children_visible_to(user).filter(pk=child.pk).exists()


@transaction.atomic
def add_action(item: AgendaItem, what: str, owner: User, due: date, by: User) -> models.Action:
    """An action the panel set for the child, owned by someone who may see the child."""
    what = what.strip()
    if not what:
        raise PanelError("Say what is to be done.")
    if not may_own(owner, item.child):
        raise PanelError(f"{owner} cannot see child {item.child.child_id}: choose someone who can.")
    action = models.Action(
        child=item.child, agenda_item=item, what=what, owner=owner, due=due, created_by=by
    )
    save_attributed(action, by, f"action set at the {item.panel.name}")
    return action


@transaction.atomic
def complete_action(action: models.Action, by: User, note: str = "") -> models.Action:
    if action.done_on is not None:
        raise PanelError("This action is already done.")
    action.done_on, action.done_by = timezone.localdate(), by
    note = note.strip()
    if note:
        action.note = f"{action.note}\n{note}".strip()
    save_attributed(action, by, "action done", update_fields=["done_on", "done_by", "note"])
    return action


def _day(d: date) -> str:
    return f"{d.day} {d:%B %Y}"

"""A connected person's temporary approval (CPPCR regs 24-25; Bradford "Living with
Kinship Carers"): the Head of Service agrees the placement before the child is placed;
the 16 weeks of temporary approval may be extended once, by up to 8 weeks (24 weeks in
all), by a nominated officer, after seeking the fostering panel's views and informing
the IRO.
"""

from __future__ import annotations

from datetime import timedelta

from permanence.approvals.base import Checklist, in_window, meetings, role_words
from permanence.approvals.model import ChecklistResult, Item
from permanence.domain.care import KINSHIP_PLACEMENTS
from permanence.domain.roles import NOMINATED_OFFICER, normalise
from permanence.rules.engine import Case, fmt
from permanence.rules.national import HEAD_OF_SERVICE_OR_ABOVE, KinshipTemporaryApproval
from permanence.workingdays import add_weeks

# KinshipTemporaryApproval: an agreement up to a month before the placement counts.
BEFORE_PLACEMENT = timedelta(days=31)


class Regulation25Extension(Checklist):
    id = KinshipTemporaryApproval.id
    title = "Connected person's temporary approval: agreement and regulation 25 extension"
    source = (
        f"{KinshipTemporaryApproval.source}: 'a child can be placed subject to Reg 24 for 16"
        " weeks (extended to 24 weeks through Reg 25 agreement)'; 'The Head of Service is"
        " required to agree these placements before the child is placed'; reg 25(2) 'extend"
        " the temporary approval once for a further period of up to eight weeks', 25(4)"
        " 'seek the views of the fostering panel', 'inform the IRO', 25(5) 'approved by a"
        " nominated officer'"
    )
    approver = "A nominated officer (regulation 25(5))"
    approver_roles = frozenset({NOMINATED_OFFICER})
    decision_kind = "reg25_extension"

    def decision_word(self) -> str:
        return "An extension"

    def evaluate(self, case: Case) -> ChecklistResult | None:
        period, home = case.current_period, case.current_placement
        if period is None or home is None or home.placement not in KINSHIP_PLACEMENTS:
            return None
        decisions = case.child.recorded.decisions
        if any(
            d.kind == "connected_person_approved"
            and d.outcome == "approved"
            and in_window(d.made, home.start, case)
            for d in decisions
        ):
            return None
        expires = add_weeks(home.start, 16)
        limit = add_weeks(home.start, 24)
        items = [
            self._agreed(case, home.start),
            self.tick_item(
                case,
                "still_most_appropriate",
                "Placement with the connected person is still the most appropriate placement"
                " available (reg 25(4)(a))",
                home.start,
                "Tick when this has been considered",
            ),
            self.record_item(
                case,
                "fostering_panel_view",
                "The views of the fostering panel have been sought (reg 25(4)(b))",
                _panel(case, home.start),
                "Not recorded: record the fostering panel as a meeting, or tick when its views"
                " were sought",
                tickable=True,
                since=home.start,
            ),
            self.tick_item(
                case,
                "iro_informed",
                "The IRO has been informed (reg 25(4)(c))",
                home.start,
                "Tick when the IRO has been informed",
            ),
            Item(
                "within_24_weeks",
                "One extension only, of up to 8 weeks: temporary approval ends 24 weeks after"
                " the placement at most (reg 25(2))",
                home.start if case.as_of <= limit else None,
                f"temporary approval can run to {fmt(limit)} at most"
                if case.as_of <= limit
                else f"24 weeks ended on {fmt(limit)}: no further extension is possible unless"
                " the carer seeks a review of a refusal (reg 25(3)); otherwise the placement"
                " must end (reg 25(6))",
                False,
            ),
        ]
        day, evidence, not_counted = self.approval(case, home.start)
        late = [
            d.made
            for d in decisions
            if d.kind == self.decision_kind
            and d.outcome == "approved"
            and normalise(d.role) in self.approver_roles
            and expires < d.made <= case.as_of
        ]
        if day is not None and day in late:
            day, evidence = None, ""
        not_counted += tuple(
            f"Extension recorded on {fmt(d)}, after the temporary approval expired on"
            f" {fmt(expires)}: an extension must be made before it expires"
            for d in late
        )
        because = (
            f"Placed with a connected person ({home.placement}) on {fmt(home.start)} and not yet"
            f" approved as a foster carer: temporary approval ends {fmt(expires)} (16 weeks)"
        )
        return self.result(
            because,
            items,
            (day, evidence, not_counted),
            due=expires,
            due_why=f"before the 16 weeks of temporary approval end ({fmt(expires)})",
        )

    def _agreed(self, case: Case, placed) -> Item:
        text = "The Head of Service agreed the placement before the child was placed"
        agreements = sorted(
            (
                d
                for d in case.child.recorded.decisions
                if d.kind == "reg24_placement_agreed"
                and d.outcome == "approved"
                and in_window(d.made, placed - BEFORE_PLACEMENT, case)
            ),
            key=lambda d: d.made,
        )
        counted = [d for d in agreements if normalise(d.role) in HEAD_OF_SERVICE_OR_ABOVE]
        if counted:
            d = counted[0]
            late = "" if d.made <= placed else f", after the child was placed on {fmt(placed)}"
            return Item(
                "hos_agreed",
                text,
                d.made,
                f"agreed by {role_words(d.role)} {fmt(d.made)}{late}",
                False,
            )
        if agreements:
            d = agreements[0]
            return Item(
                "hos_agreed",
                text,
                None,
                f"Agreed on {fmt(d.made)} by {role_words(d.role)}: it counts only from the Head"
                " of Service or above",
                False,
            )
        return Item(
            "hos_agreed",
            text,
            None,
            "Not recorded: record the decision 'Placement with a connected person agreed'",
            False,
        )


def _panel(case: Case, since):
    held = meetings(case, "fostering_panel", since)
    return (held[-1].held, f"Fostering Panel {fmt(held[-1].held)}") if held else None


CHECKLISTS = (Regulation25Extension,)

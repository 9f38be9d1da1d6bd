"""Build synthetic children for tests in a few readable lines.

    child = (ChildBuilder("C1", dob="2015-03-31")
             .enters("2023-12-11", ls="C1", place="U6")
             .moves("2024-02-01", place="U4", reason="CREQB")
             .legal("2024-06-03", ls="C2")
             .reviews("2024-01-12", "2024-04-20")
             .build())

Every episode after the first starts on the day the previous one ends, as in a return.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from permanence.domain.model import Child, Episode, Review
from permanence.profiles import load_profile
from permanence.rules.engine import Case, ChildResult, evaluate_child
from permanence.workingdays import ENGLAND_AND_WALES

# POLICY-RULES.md, "National rules": every profile has these, written out by hand so that
# a profile that lost one would fail.
NATIONAL = {
    "review.first",
    "review.second",
    "review.subsequent",
    "plan.care_plan",
    "plan.placement_plan",
    "plan.permanence",
    "visits.social_worker",
    "health.assessment",
    "proceedings.26_weeks",
    "order.epo",
    "order.supervision",
    "order.cao_duration",
    "kinship.reg24",
    "sgo.eligibility",
    "leaving_care.pathway",
    "staying_put.discussion",
    "stability.moves_12m",
}


def d(text: str | date | None) -> date | None:
    if text is None or isinstance(text, date):
        return text
    return date.fromisoformat(text)


class ChildBuilder:
    def __init__(self, child_id: str = "C1", dob: str = "2015-06-15", **kw):
        self.child = Child(child_id, dob=d(dob), **kw)

    def _close_last(self, day: date, rec: str = "X1") -> None:
        eps = self.child.episodes
        if eps and eps[-1].end is None:
            eps[-1] = replace(eps[-1], end=day, reason_end=rec)

    def enters(self, start, ls="C2", place="U6", rne="S"):
        self.child.episodes.append(Episode(d(start), rne, ls, place))
        return self

    def episode(self, start, rne, ls, place, reason=""):
        day = d(start)
        self._close_last(day)
        if reason and self.child.episodes:
            self.child.episodes[-1] = replace(self.child.episodes[-1], reason_place_change=reason)
        self.child.episodes.append(Episode(day, rne, ls, place))
        return self

    def moves(self, start, place="U6", rne="P", reason="CARPL"):
        ls = self.child.episodes[-1].legal_status
        return self.episode(start, rne, ls, place, reason)

    def legal(self, start, ls):
        place = self.child.episodes[-1].placement
        return self.episode(start, "L", ls, place)

    def leaves(self, end, rec="E4A"):
        self._close_last(d(end), rec)
        return self

    def reviews(self, *days):
        self.child.reviews.extend(Review(d(x)) for x in days)
        return self

    def knows(self, *kinds):
        self.child.known = frozenset(kinds) | self.child.known
        return self

    def build(self) -> Child:
        return self.child.sort()


def triples(got) -> list[tuple]:
    """(due, done, status) of each obligation: what a team manager checks."""
    return [(o.due, o.done, o.status) for o in got]


def check_profile_holds(profile: str, council: set[str]):
    """The profile has the national rules and exactly its council's catalogued ids, each
    either evaluated or left to another part of the product, never both, never twice."""
    p = load_profile(profile)
    assert len(p.rule_ids) == len(set(p.rule_ids))
    assert not set(p.rule_ids) & set(p.elsewhere)
    assert set(p.rule_ids) | set(p.elsewhere) == NATIONAL | council
    return p


def run(child: Child, as_of: str, profile: str = "national", **kw) -> ChildResult:
    p = load_profile(profile)
    case = Case(child, d(as_of), kw.get("calendar", ENGLAND_AND_WALES), p.params)
    return evaluate_child(p.rules, case)


def obligations(child: Child, as_of: str, rule: str, profile: str = "national", **kw):
    return [o for o in run(child, as_of, profile, **kw).obligations if o.rule == rule]


def alerts(child: Child, as_of: str, rule: str, profile: str = "national"):
    return [a for a in run(child, as_of, profile).alerts if a.rule == rule]

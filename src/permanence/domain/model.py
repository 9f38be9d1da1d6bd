"""The child's record as the rules engine sees it.

One representation, filled either from an SSDA903 return or (later) from the
application's database, so that there is exactly one engine. Dates are
`datetime.date`; codes are the DfE SSDA903 codes as strings.

Facts the 903 does not carry (meetings, plans, approvals, visits...) live in
`Child.recorded`; `Child.known` says which kinds of fact the source records at
all, so a rule can tell "none held" from "not known".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

SHORT_BREAK_LEGAL_STATUSES = frozenset({"V3", "V4"})
PLACEMENT_START_RNE = frozenset({"S", "P", "B", "T", "U"})
CONTINUING_REC = "X1"


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a fact came from, so an error or an explanation can point at it."""

    file: str
    line: int


@dataclass(frozen=True, slots=True)
class Episode:
    """One SSDA903 episode: a span with one legal status and one placement."""

    start: date  # DECOM
    reason_new: str  # RNE
    legal_status: str  # LS
    placement: str  # PLACE
    end: date | None = None  # DEC
    reason_end: str | None = None  # REC
    cin: str = ""
    provider: str = ""  # PLACE_PROVIDER
    reason_place_change: str = ""
    urn: str = ""
    source: SourceRef | None = None

    @property
    def is_short_break(self) -> bool:
        return self.legal_status in SHORT_BREAK_LEGAL_STATUSES

    @property
    def starts_placement(self) -> bool:
        return self.reason_new in PLACEMENT_START_RNE

    def covers(self, day: date) -> bool:
        """Looked after on `day` by this episode (POLICY-RULES, Conventions)."""
        return self.start <= day and (self.end is None or self.end > day)


@dataclass(frozen=True, slots=True)
class Review:
    date: date
    code: str = ""  # REVIEW_CODE: participation
    source: SourceRef | None = None


@dataclass(frozen=True, slots=True)
class AdoptionDecision:
    """SSDA903 ad1: decision that the child should be placed for adoption, and the match."""

    decided: date | None  # DATE_INT
    matched: date | None  # DATE_MATCH
    by_foster_carer: bool | None  # FOSTER_CARE
    adopters: str = ""  # NB_ADOPTR
    adopters_sex: str = ""
    adopters_legal_status: str = ""
    source: SourceRef | None = None


@dataclass(frozen=True, slots=True)
class PlacedForAdoption:
    """SSDA903 placed_for_adoption: the decision the child should be placed for adoption."""

    decided: date | None  # DATE_PLACED
    ceased: date | None = None  # DATE_PLACED_CEASED
    reason_ceased: str = ""
    source: SourceRef | None = None


@dataclass(frozen=True, slots=True)
class MissingEpisode:
    kind: str  # M missing, A away without authorisation
    start: date | None
    end: date | None = None


@dataclass(frozen=True, slots=True)
class PreviousPermanence:
    kind: str  # PREV_PERM
    authority: str = ""
    date_text: str = ""  # DATE_PERM is often partial ("zz/zz/2014")


# Facts recorded in the application (not in the 903).


@dataclass(frozen=True, slots=True)
class Meeting:
    """A meeting held (or planned) about the child.

    kind: permanence_planning, care_planning, placement_planning, stability,
    disruption, family_group_conference, final_care_planning, tracking, or a panel
    (gateway_panel, permanence_panel, permanency_review_panel, legal_gateway_panel,
    lasting_homes_panel, fostering_panel). `return_by`: the panel asked to see the
    child again by then (Bolton 5(f) "returning for review").
    """

    kind: str
    held: date
    chair_role: str = ""
    note: str = ""
    return_by: date | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    """A decision or approval, with who made it in what role.

    kind examples: adm_ratification, ltf_under_5, residential_endorsed, reg25_extension,
    entering_care, long_term_match, reunification_ratified.
    """

    kind: str
    made: date
    role: str = ""
    outcome: str = "approved"


@dataclass(frozen=True, slots=True)
class PermanencePlan:
    """A version of the child's permanence plan."""

    agreed: date
    primary: str  # home, kinship_order, sgo, cao, adoption, long_term_fostering, residential
    contingency: str = ""
    elements: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Proceedings:
    """Care proceedings, with the issue date and any extensions (weeks, reason)."""

    issued: date
    concluded: date | None = None
    final_evidence: date | None = None  # the date final evidence is to be filed
    extensions: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class CourtOrder:
    """An order made by the court: supervision, cao, sgo, care, placement, epo."""

    kind: str
    made: date
    ends: date | None = None
    to_18: bool = False  # a child arrangements order the court extended to 18


@dataclass(frozen=True, slots=True)
class Assessment:
    """A completed assessment: child_and_family, sibling, balance_sheet, viability..."""

    kind: str
    completed: date


@dataclass(slots=True)
class Recorded:
    """Facts the application records; empty when the source is a 903 return."""

    meetings: list[Meeting] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    plans: list[PermanencePlan] = field(default_factory=list)
    visits: list[date] = field(default_factory=list)
    health_assessments: list[date] = field(default_factory=list)
    proceedings: list[Proceedings] = field(default_factory=list)
    care_plans: list[date] = field(default_factory=list)
    placement_plans: list[date] = field(default_factory=list)
    pathway_plans: list[date] = field(default_factory=list)
    orders: list[CourtOrder] = field(default_factory=list)
    assessments: list[Assessment] = field(default_factory=list)
    genogram: date | None = None
    life_story_book: date | None = None
    # Items of an approval checklist that a person ticked as in place, and when:
    # (checklist id, item key) -> date. Only for items no other record shows.
    ticks: dict[tuple[str, str], date] = field(default_factory=dict)


# Kinds of recorded fact; a source lists the ones it carries in Child.known.
FACT_KINDS = (
    "meetings",
    "decisions",
    "plans",
    "visits",
    "health_assessments",
    "proceedings",
    "care_plans",
    "placement_plans",
    "pathway_plans",
    "orders",
    "assessments",
    "genogram",
    "life_story_book",
)


@dataclass(slots=True)
class Child:
    """A child with everything the rules may ask about."""

    id: str
    dob: date | None = None
    sex: str = ""
    ethnicity: str = ""
    episodes: list[Episode] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    adoption_decisions: list[AdoptionDecision] = field(default_factory=list)
    placed_for_adoption: list[PlacedForAdoption] = field(default_factory=list)
    missing: list[MissingEpisode] = field(default_factory=list)
    previous_permanence: PreviousPermanence | None = None
    uasc_ceased: date | None = None  # DUC
    recorded: Recorded = field(default_factory=Recorded)
    known: frozenset[str] = frozenset()
    # When the source began recording the `known` kinds for this child (e.g. the day the
    # council started using Permanence): nothing is known to be missing before it.
    recorded_since: date | None = None

    def sort(self) -> Child:
        self.episodes.sort(key=lambda e: (e.start, e.end or date.max))
        self.reviews.sort(key=lambda r: r.date)
        return self

    def birthday(self, years: int) -> date | None:
        """The date the child turns `years`; a 29 February birthday falls on 1 March."""
        if self.dob is None:
            return None
        try:
            return self.dob.replace(year=self.dob.year + years)
        except ValueError:
            return date(self.dob.year + years, 3, 1)

    def age_on(self, day: date) -> int | None:
        if self.dob is None:
            return None
        years = day.year - self.dob.year
        if (day.month, day.day) < (self.dob.month, self.dob.day):
            years -= 1
        return years

"""The synthetic child as the generator hands it out: plain records, one per SSDA903 row.

Dates are `datetime.date`; codes are the DfE SSDA903 codes as strings. An episode still
open at the end of the data has `end=None` and `rec=""`. Every child is synthetic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(slots=True)
class SynthEpisode:
    """One row of the episodes table."""

    start: date  # DECOM
    rne: str  # RNE
    ls: str  # LS
    cin: str  # CIN
    place: str  # PLACE (PL in the XML form)
    provider: str  # PLACE_PROVIDER
    end: date | None  # DEC, None while open
    rec: str  # REC, "" while open
    reason_place_change: str  # REASON_PLACE_CHANGE, on the episode that a move ended
    home_post: str  # HOME_POST
    pl_post: str  # PL_POST
    urn: str  # URN


@dataclass(slots=True)
class SynthReview:
    date: date  # REVIEW
    code: str  # REVIEW_CODE, PN0-PN7


@dataclass(slots=True)
class SynthMissing:
    kind: str  # MISSING: M missing, A away from placement without authorisation
    start: date  # MIS_START
    end: date | None  # MIS_END, None while still missing at the end of the data


@dataclass(slots=True)
class SynthAdoption:
    """ad1: the decision that the child should be placed for adoption, the match, adopters.

    Written only for children adopted (E11/E12) by the end of the data; `adopted` is the
    adoption order date (the DEC of the last episode), kept to place the row in its year.
    """

    decided: date  # DATE_INT
    matched: date  # DATE_MATCH
    foster_care: bool  # FOSTER_CARE: adopted by the child's foster carer(s)
    adopters: int  # NB_ADOPTR
    adopters_sex: str  # SEX_ADOPTR
    adopters_legal_status: str  # LS_ADOPTR
    adopted: date


@dataclass(slots=True)
class SynthPlacedForAdoption:
    """placed_for_adoption: a decision that the child should be placed for adoption."""

    decided: date  # DATE_PLACED
    ceased: date | None = None  # DATE_PLACED_CEASED, when the decision was reversed
    reason: str = ""  # REASON_PLACED_CEASED, RD1-RD4


@dataclass(slots=True)
class SynthHealth:
    """oc2: outcomes for a child looked after for 12 months at a collection year's end."""

    year_end: date
    sdq_score: str
    sdq_reason: str
    convicted: str
    health_check: str
    immunisations: str
    teeth_check: str
    health_assessment: str
    substance_misuse: str
    intervention_received: str
    intervention_offered: str


@dataclass(slots=True)
class SynthCareLeaver:
    """oc3: a care leaver's situation around the 19th, 20th or 21st birthday."""

    year_end: date
    in_touch: str
    activ: str
    accom: str


@dataclass(slots=True)
class SynthPreviousPermanence:
    """previous_permanence: any permanence order before the period of care began."""

    period_start: date  # the start of the period of care it was recorded for
    kind: str  # PREV_PERM: P1 adoption, P2 SGO, P3 CAO/residence order, Z1 none
    la: str = ""  # LA_PERM
    date_text: str = ""  # DATE_PERM (dd/mm/YYYY), "" when not applicable


@dataclass(slots=True)
class SynthPeriod:
    """A period of care (or one short break), as simulated; not a table of its own."""

    start: date
    end: date | None
    short_break: bool


@dataclass(slots=True)
class SynthChild:
    child: str  # CHILD
    sex: int  # 1 male, 2 female (written as 1/2 or M/F by collection year)
    dob: date
    ethnic: str
    upn: str
    mother: str  # "1" a mother, "0" a girl aged 12+ who is not, "" otherwise
    mc_dob: date | None
    uasc: bool
    duc: date | None  # date UASC status ceased (the 18th birthday)
    episodes: list[SynthEpisode] = field(default_factory=list)
    reviews: list[SynthReview] = field(default_factory=list)
    missing: list[SynthMissing] = field(default_factory=list)
    adoption: SynthAdoption | None = None
    placed_for_adoption: list[SynthPlacedForAdoption] = field(default_factory=list)
    health: list[SynthHealth] = field(default_factory=list)  # one per qualifying year
    care_leaver: list[SynthCareLeaver] = field(default_factory=list)  # one per year
    previous_permanence: list[SynthPreviousPermanence] = field(default_factory=list)
    periods: list[SynthPeriod] = field(default_factory=list)

    def looked_after_on(self, day: date) -> bool:
        """Looked after on `day` (POLICY-RULES: DECOM <= day < DEC, or DEC empty)."""
        return any(e.start <= day and (e.end is None or e.end > day) for e in self.episodes)

    def birthday(self, years: int) -> date:
        """The date the child turns `years`; a 29 February birthday falls on 1 March."""
        try:
            return self.dob.replace(year=self.dob.year + years)
        except ValueError:
            return date(self.dob.year + years, 3, 1)

"""Bolton Council: Permanence Strategy ("Forever Planning"), policies/000_4cd377d27a90ef23.txt,
Appendix B - Permanence options for children of different ages.

The policy's table lost its layout when the PDF became text. Read against its headings
(four age bands; for the three under 16 a column where kinship care arrangements are
available and one where they are not), the cells fall as below. The text of each cell is
the policy's own. "Family Group Conference to be offered" appears once for each band under
16 without a column that can be told apart, so it is given for the band as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from permanence.guidance.facts import Kinship, current_plan, plan_words
from permanence.guidance.model import Entry, Group, GuidanceSection
from permanence.rules.engine import Case, fmt

POLICY = "Bolton Permanence Strategy"
APPENDIX_B = f"{POLICY}, Appendix B - Permanence options for children of different ages"

INTRO = (
    "The table below is to understand Permanence Planning for different ages of children "
    "and young people when relatives are and are not available. In the event the child can "
    "not remain or return to birth parents."
)
GUIDE_ONLY = (
    "This guidance should be used as a guide only to support your judgment, decision and planning."
)
MULTI_TRACK = (
    "Permanence Plan includes Multi-track planning until it is clear that a return to birth "
    "family is not possible and a clear plan of permanence is identified as achievable"
)
FGC = "Family Group Conference to be offered"
KINSHIP_HEADING = "Kinship care arrangements are available"
NO_KINSHIP_HEADING = "No Kinship care arrangements available"
ZERO_TO_THREE = (
    "Where the child is 0-3 years, if at the end of the legal process the carer is not able "
    "to consider SGO / RO then the adoption route must be followed"
)
KINSHIP_ORDERS = (
    "Special Guardianship Order",
    "Child Arrangement Order",
    "Care Order – possibility of move to SGO / RO",
    "Formal Approved Kinship Foster Care",
)


@dataclass(frozen=True, slots=True)
class Band:
    key: str
    heading: str
    youngest: int
    oldest: int | None  # None: and older
    kinship: tuple[str, ...] = ()
    no_kinship: tuple[str, ...] = ()
    options: tuple[str, ...] = ()  # 16+: one column, whatever the family network

    def holds(self, age: int) -> bool:
        return self.youngest <= age and (self.oldest is None or age <= self.oldest)

    @property
    def split_by_kinship(self) -> bool:
        return bool(self.kinship or self.no_kinship)


BANDS = (
    Band(
        "under_7",
        "Age under 7 years",
        0,
        6,
        kinship=(*KINSHIP_ORDERS, ZERO_TO_THREE),
        no_kinship=(
            "Adoption",
            "Long Term Fostering (needs Head of Service approval if child is under five)",
        ),
    ),
    Band(
        "7_to_10",
        "Age 7 to 10 years",
        7,
        10,
        kinship=KINSHIP_ORDERS,
        no_kinship=(
            "Adoption",
            "Long Term Fostering",
            "Special Guardianship (with existing foster carer)",
        ),
    ),
    Band(
        "11_to_15",
        "Age 11 to 15 years",
        11,
        15,
        kinship=KINSHIP_ORDERS,
        no_kinship=("Long Term Fostering", "Special Guardianship with existing foster carer"),
    ),
    Band(
        "16_plus",
        "Age 16+",
        16,
        None,
        options=(
            "Permanence Plan determined with young person through Assessment of need and "
            "Pathway Plan",
            "Return to birth family",
            "Kinship placement",
            "Long term Fostering (staying put)",
            "Semi-independent provision",
        ),
    ),
)


def band_of(age: int | None) -> Band | None:
    if age is None or age < 0:
        return None
    return next(b for b in BANDS if b.holds(age))


def _band_group(band: Band, current: bool, age: int | None, kin: Kinship) -> Group:
    mark = f"The child's age band (age {age})" if current else ""
    if not band.split_by_kinship:
        return Group(band.key, band.heading, tuple(Entry(t) for t in band.options), mark=mark)
    kin_mark = "Kinship care available" if current and kin.available else ""
    return Group(
        band.key,
        band.heading,
        entries=(Entry(FGC),),
        parts=(
            Group(
                f"{band.key}.kinship",
                KINSHIP_HEADING,
                tuple(Entry(t) for t in band.kinship),
                mark=kin_mark,
            ),
            Group(
                f"{band.key}.no_kinship",
                NO_KINSHIP_HEADING,
                tuple(Entry(t) for t in band.no_kinship),
            ),
        ),
        mark=mark,
    )


def options_by_age(case: Case, kin: Kinship) -> GuidanceSection:
    """bolton.options_by_age: the Appendix B table with the child's band marked, and the
    kinship column where kinship care is known to be available."""
    age = case.age_on(case.as_of)
    band = band_of(age)
    if band is None:
        summary = "Date of birth not known: no age band is marked; read every band."
    else:
        summary = f"Age {age} on {fmt(case.as_of)}: {band.heading.lower()}."
        if band.split_by_kinship:
            if kin.available:
                summary += f" Kinship care: {kin.words}: read the column '{KINSHIP_HEADING}'."
            else:
                summary += f" Kinship care: {kin.words}: read both columns."
        else:
            summary += " One column, whatever the family network."
    plan = current_plan(case)
    if plan is not None:
        summary += f" The current plan is {plan_words(plan.primary)} (agreed {fmt(plan.agreed)})."
    return GuidanceSection(
        rule="bolton.options_by_age",
        title="Permanence options for children of different ages",
        source=APPENDIX_B,
        profile="bolton",
        summary=summary,
        quote=INTRO,
        groups=tuple(_band_group(b, b is band, age, kin) for b in BANDS),
        notes=(MULTI_TRACK, GUIDE_ONLY),
    )


def kinship_0_3(case: Case, kin: Kinship) -> GuidanceSection | None:
    """bolton.kinship_0_3, for a child aged 0 to 3: with kinship carers who cannot
    consider an SGO or residence order at the end of proceedings, the adoption route."""
    age = case.age_on(case.as_of)
    if age is None or not 0 <= age <= 3:
        return None
    if kin.available:
        summary = (
            f"Age {age}, kinship care {kin.words}. If at the end of the legal process the "
            "carer is not able to consider an SGO or a residence order (since 2014 a child "
            "arrangements order), the adoption route must be followed."
        )
    else:
        summary = (
            f"Age {age}. Kinship care {kin.words}. Should the child live with kinship carers, "
            "the adoption route must be followed if at the end of the legal process the carer "
            "is not able to consider an SGO or a residence order."
        )
    return GuidanceSection(
        rule="bolton.kinship_0_3",
        title="Children aged 0 to 3 with kinship carers",
        source=f"{APPENDIX_B} (age under 7, kinship care arrangements available)",
        profile="bolton",
        summary=summary,
        quote=ZERO_TO_THREE,
    )

"""Blackburn with Darwen: Permanence policy, policies/002_7ce2db681111e704.txt, Children
Looked After Review: fewer reviews and visits in a lasting long-term foster home."""

from __future__ import annotations

from permanence.domain.care import FOSTER_PLACEMENTS
from permanence.guidance.model import GuidanceSection
from permanence.rules.common import decisions_of
from permanence.rules.engine import Case, fmt
from permanence.workingdays import add_months

SOURCE = "Blackburn with Darwen Permanence policy, Children Looked After Review"
QUOTE = (
    "Where a child has been living in a long-term foster home for over one year which has been "
    "ratified as permanent via 'long-term matching panel', a decision can be made to reduce the "
    "frequency of reviews and visits. This decision must be led by the child's wishes and "
    "feelings, supported via multi-agency care planning, and supported by the team manager, "
    "prior to confirming agreement via the Children Looked After Review process."
)
CARE_PLANNING = (
    "Multi agency Care Planning Meeting for children and young people in our care should be "
    "held at a frequency of at least every 6 weeks. The only exception to this, is when the "
    "home has been ratified as a permanent lasting home and there is an approved management "
    "position, agreed via the CLA review process, that frequency can be reduced."
)


def reduced_reviews(case: Case) -> GuidanceSection | None:
    """blackburn.reduced_reviews, when it applies: the child has lived in the current foster
    home for over one year (more than 12 months to the as-of date) and the home was ratified
    as permanent (a long_term_match decision approved while the child lived there)."""
    now = case.current_placement
    if now is None or now.placement not in FOSTER_PLACEMENTS:
        return None
    year = add_months(now.start, 12)
    if not year < case.as_of:
        return None
    ratified = [d for d in decisions_of(case, "long_term_match") if now.start <= d <= case.as_of]
    if not ratified:
        return None
    return GuidanceSection(
        rule="blackburn.reduced_reviews",
        title="Fewer reviews and visits may be considered",
        source=SOURCE,
        profile="blackburn",
        summary=(
            f"The child has lived in this foster home since {fmt(now.start)}, over one year, and "
            f"it was ratified as permanent on {fmt(ratified[0])}. Reviews and visits may be "
            "reduced if that is what the child wishes."
        ),
        quote=QUOTE,
        notes=(CARE_PLANNING,),
    )

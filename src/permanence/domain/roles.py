"""Who decides and who chairs: the roles the policies name.

Several policies ask for a decision "by a Head of Service or above"; `at_least` gives the
roles that satisfy such a requirement. The Agency Decision Maker, the IRO and the
nominated officer are functions rather than ranks, and are named on their own.
"""

from __future__ import annotations

SENIORITY = (
    "social_worker",
    "team_manager",
    "service_manager",
    "head_of_service",
    "assistant_director",
    "director",
)
ADM = "adm"  # Agency Decision Maker (Luton: the Service Director)
IRO = "iro"  # Independent Reviewing Officer
NOMINATED_OFFICER = "nominated_officer"
PANEL_ADMINISTRATOR = "panel_administrator"


def normalise(role: str) -> str:
    """'Head of Service' and 'head_of_service' are the same role."""
    return role.strip().lower().replace(" ", "_").replace("-", "_")


def at_least(role: str) -> frozenset[str]:
    return frozenset(SENIORITY[SENIORITY.index(role) :])

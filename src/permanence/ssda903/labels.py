"""What the codes mean, in the words of the DfE's SSDA903 guide, for people reading a page.

Short forms of the guide's descriptions (children looked after return, 2025 to 2026 guide,
with the codes earlier years used). A code not listed is shown as it is.
"""

from __future__ import annotations

LEGAL_STATUS = {
    "C1": "Interim care order",
    "C2": "Full care order",
    "D1": "Freeing order granted",
    "E1": "Placement order granted",
    "V2": "Accommodated under section 20",
    "V3": "Short break, single occasion",
    "V4": "Short breaks, series",
    "J1": "Remanded to local authority accommodation",
    "J2": "Placed under PACE",
    "J3": "Sentenced to a youth rehabilitation order with residence",
    "L1": "Police protection",
    "L2": "Emergency protection order",
    "L3": "Child assessment order with accommodation",
}

PLACEMENT = {
    "A3": "Placed for adoption with parental consent with a former foster carer",
    "A4": "Placed for adoption with parental consent, not with a former foster carer",
    "A5": "Placed for adoption with a placement order with a former foster carer",
    "A6": "Placed for adoption with a placement order, not with a former foster carer",
    "H5": "Semi-independent living",
    "K1": "Secure children's home",
    "K2": "Children's home",
    "K3": "Supported accommodation",
    "P1": "Placed with own parents or person with parental responsibility",
    "P2": "Independent living",
    "P3": "Residential employment",
    "R1": "Residential care home",
    "R2": "NHS or health trust establishment",
    "R3": "Family centre or mother and baby unit",
    "R5": "Young offender institution or prison",
    "S1": "Residential school",
    "T0": "Temporary placement: all types",
    "T1": "Temporary: periods in hospital",
    "T2": "Temporary: absence",
    "T3": "Temporary: holiday",
    "T4": "Temporary: accommodation",
    "U1": "Foster care with a relative or friend, long term",
    "U2": "Foster care with a relative or friend who is an approved foster carer (FFA/concurrent)",
    "U3": "Foster care with a relative or friend, not long term or FFA",
    "U4": "Foster care with another foster carer, long term",
    "U5": "Foster care with another foster carer (FFA/concurrent)",
    "U6": "Foster care with another foster carer, not long term or FFA",
    "Z1": "Other placement",
    "Z11": "Other: residential, not regulated",
    "Z12": "Other: family setting",
    "Z13": "Other: independent or semi-independent, not regulated",
    "Z14": "Other placement",
}

# Placement types grouped as the national tables group them, for filters.
PLACEMENT_GROUPS = {
    "Foster care": ("U1", "U2", "U3", "U4", "U5", "U6"),
    "Placed for adoption": ("A3", "A4", "A5", "A6"),
    "Placed with parents": ("P1",),
    "Children's homes and residential": ("K1", "K2", "R1", "R2", "R3", "S1"),
    "Independent and supported living": ("H5", "K3", "P2"),
    "Other": ("P3", "R5", "T0", "T1", "T2", "T3", "T4", "Z1", "Z11", "Z12", "Z13", "Z14"),
}


def legal_status(code: str) -> str:
    return LEGAL_STATUS.get(code, code)


def placement(code: str) -> str:
    return PLACEMENT.get(code, code)


def placement_group(code: str) -> str:
    for group, codes in PLACEMENT_GROUPS.items():
        if code in codes:
            return group
    return "Other"

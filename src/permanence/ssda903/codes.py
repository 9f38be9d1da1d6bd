"""Valid SSDA903 codes, one frozenset per coded field.

Source: the DfE "Children looked after return" guide, as encoded in the validation rules
of data-to-insight/csc-validator-be-903 (MIT licence, Copyright (c) Social Finance Ltd and
contributors), ``lac_validator/rules/``. The base lists are the **2022-23 collection year**
rule set (``lac2022_23``); the later rule sets (``lac2023_24``, ``lac2024_25``,
``lac2025_26``) change only the lists noted below. The rule number is given with each list
(file ``lac_validator/rules/<year>/rule_<number>.py``; e.g. ``lac2025_26/rule_146.py`` at
commit 31987277739f58cf376d04719ac72bd550043373).

A reader may be handed several years' returns at once (the demand-model samples run from
2017 to 2021), so each list accepted here is the union over the collection years 2022-23
to 2025-26: a code valid in any of those years is accepted. The per-year differences are
kept as separate sets so that a stricter, year-aware check can be added later.
"""

from __future__ import annotations

# episodes.RNE, reason for new episode (rule 143)
RNE = frozenset({"S", "P", "L", "T", "U", "B"})

# episodes.LS, legal status (rule 144)
LS = frozenset({"C1", "C2", "D1", "E1", "V2", "V3", "V4", "J1", "J2", "J3", "L1", "L2", "L3"})

# episodes.CIN, category of need (rule 145)
CIN = frozenset({"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"})

# episodes.PLACE, placement type (rule 146).
# 2022-23 and 2023-24 list:
PLACE_2022_23 = frozenset(
    {
        "A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3", "R5",
        "S1", "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1",
    }
)  # fmt: skip
# 2024-25 adds K3 (written "k3" in lac2024_25/rule_146.py; the guide's code is upper case).
PLACE_2024_25 = PLACE_2022_23 | {"K3"}
# 2025-26 drops H5, P2 and Z1 and splits Z1 into Z11-Z14 (lac2025_26/rule_146.py).
PLACE_2025_26 = (PLACE_2024_25 - {"H5", "P2", "Z1"}) | {"Z11", "Z12", "Z13", "Z14"}
PLACE = PLACE_2022_23 | PLACE_2024_25 | PLACE_2025_26

# episodes.PLACE_PROVIDER, placement provider (rule 178)
PLACE_PROVIDER = frozenset({"PR0", "PR1", "PR2", "PR3", "PR4", "PR5"})

# episodes.REC, reason episode ceased (rule 149)
REC = frozenset(
    {
        "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48",
        "E5", "E6", "E7", "E8", "E9", "E14", "E15", "E16", "E17", "X1",
    }
)  # fmt: skip

# episodes.REASON_PLACE_CHANGE, reason for placement change (rule 1009)
REASON_PLACE_CHANGE = frozenset(
    {
        "CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ",
        "PLACE", "CUSTOD", "OTHER",
    }
)  # fmt: skip

# reviews.REVIEW_CODE, participation in the review (rule 167)
REVIEW_CODE = frozenset({"PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"})

# header.SEX (rule 101): "1"/"2" to 2023-24; "M"/"F"/"U" from 2024-25 (lac2024_25/rule_101.py)
SEX_2022_23 = frozenset({"1", "2"})
SEX_2024_25 = frozenset({"M", "F", "U"})
SEX = SEX_2022_23 | SEX_2024_25

# header.ETHNIC (rule 103; unchanged in lac2024_25)
ETHNIC = frozenset(
    {
        "WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND",
        "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT",
    }
)  # fmt: skip

# missing.MISSING: M missing, A away from placement without authorisation (rule 1006)
MISSING = frozenset({"M", "A"})

# previous_permanence.PREV_PERM (rule 631)
PREV_PERM = frozenset({"P1", "P2", "P3", "P4", "Z1"})

# ad1.FOSTER_CARE (rule 114), NB_ADOPTR (175), SEX_ADOPTR (176), LS_ADOPTR (177)
FOSTER_CARE = frozenset({"0", "1"})
NB_ADOPTR = frozenset({"1", "2"})
SEX_ADOPTR = frozenset({"M1", "F1", "MM", "FF", "MF"})
LS_ADOPTR = frozenset({"L0", "L11", "L12", "L2", "L3", "L4"})

# placed_for_adoption.REASON_PLACED_CEASED (rule 120)
REASON_PLACED_CEASED = frozenset({"RD1", "RD2", "RD3", "RD4"})

# Short descriptions of each coded field, for problem messages.
DESCRIPTIONS = {
    "RNE": "reason for new episode",
    "LS": "legal status",
    "CIN": "category of need",
    "PLACE": "placement type",
    "PLACE_PROVIDER": "placement provider",
    "REC": "reason episode ceased",
    "REASON_PLACE_CHANGE": "reason for placement change",
    "REVIEW_CODE": "review participation",
    "SEX": "sex",
    "ETHNIC": "ethnicity",
    "MISSING": "missing/away type",
    "PREV_PERM": "previous permanence",
    "FOSTER_CARE": "adopted by foster carer",
    "NB_ADOPTR": "number of adopters",
    "SEX_ADOPTR": "sex of adopters",
    "LS_ADOPTR": "legal status of adopters",
    "REASON_PLACED_CEASED": "reason placed for adoption ceased",
}

# The list for each coded field, by column name.
BY_FIELD: dict[str, frozenset[str]] = {
    "RNE": RNE,
    "LS": LS,
    "CIN": CIN,
    "PLACE": PLACE,
    "PLACE_PROVIDER": PLACE_PROVIDER,
    "REC": REC,
    "REASON_PLACE_CHANGE": REASON_PLACE_CHANGE,
    "REVIEW_CODE": REVIEW_CODE,
    "SEX": SEX,
    "ETHNIC": ETHNIC,
    "MISSING": MISSING,
    "PREV_PERM": PREV_PERM,
    "FOSTER_CARE": FOSTER_CARE,
    "NB_ADOPTR": NB_ADOPTR,
    "SEX_ADOPTR": SEX_ADOPTR,
    "LS_ADOPTR": LS_ADOPTR,
    "REASON_PLACED_CEASED": REASON_PLACED_CEASED,
}

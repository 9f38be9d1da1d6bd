"""The SSDA903 tables and how a CSV's header row identifies one.

Column lists follow data-to-insight/csc-validator-be-903 `lac_validator/config.py` (the
DfE CSV layout) plus the DoLo table seen in its test data. A file is recognised by its
column names only, never by its file name.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]  # the DfE column order: rows are handed on in this order
    required: frozenset[str]  # enough to recognise the table; all of these must be present
    used: bool = True  # whether Permanence reads its rows


def _table(name: str, columns: str, required: str, used: bool = True) -> Table:
    return Table(name, tuple(columns.split()), frozenset(required.split()), used)


HEADER = _table("header", "CHILD SEX DOB ETHNIC UPN MOTHER MC_DOB", "CHILD SEX DOB ETHNIC")
EPISODES = _table(
    "episodes",
    "CHILD DECOM RNE LS CIN PLACE PLACE_PROVIDER DEC REC REASON_PLACE_CHANGE HOME_POST PL_POST URN",
    "CHILD DECOM RNE LS PLACE DEC",
)
REVIEWS = _table("reviews", "CHILD DOB REVIEW REVIEW_CODE", "CHILD REVIEW")
UASC = _table("uasc", "CHILD SEX DOB DUC", "CHILD DUC")
OC2 = _table(
    "oc2",
    "CHILD DOB SDQ_SCORE SDQ_REASON CONVICTED HEALTH_CHECK IMMUNISATIONS TEETH_CHECK "
    "HEALTH_ASSESSMENT SUBSTANCE_MISUSE INTERVENTION_RECEIVED INTERVENTION_OFFERED",
    "CHILD CONVICTED HEALTH_CHECK",
    used=False,
)
OC3 = _table("oc3", "CHILD DOB IN_TOUCH ACTIV ACCOM", "CHILD IN_TOUCH", used=False)
MISSING = _table("missing", "CHILD DOB MISSING MIS_START MIS_END", "CHILD MISSING MIS_START")
PREVIOUS_PERMANENCE = _table(
    "previous_permanence", "CHILD DOB PREV_PERM LA_PERM DATE_PERM", "CHILD PREV_PERM"
)
AD1 = _table(
    "ad1",
    "CHILD DOB DATE_INT DATE_MATCH FOSTER_CARE NB_ADOPTR SEX_ADOPTR LS_ADOPTR",
    "CHILD DATE_INT",
)
PLACED_FOR_ADOPTION = _table(
    "placed_for_adoption",
    "CHILD DOB DATE_PLACED DATE_PLACED_CEASED REASON_PLACED_CEASED",
    "CHILD DATE_PLACED",
)
SW_EPISODES = _table(
    "sw_episodes", "CHILD DOB SW_ID SW_DECOM SW_DEC SW_REASON", "CHILD SW_ID", used=False
)
DOLO = _table("DoLo", "CHILD DOB DOLO_START DOLO_END", "CHILD DOLO_START", used=False)

TABLES: tuple[Table, ...] = (
    HEADER,
    EPISODES,
    REVIEWS,
    UASC,
    OC2,
    OC3,
    MISSING,
    PREVIOUS_PERMANENCE,
    AD1,
    PLACED_FOR_ADOPTION,
    SW_EPISODES,
    DOLO,
)
BY_NAME = {t.name: t for t in TABLES}


def normalise_column(name: str) -> str:
    """A header cell as compared: BOM and surrounding whitespace removed, upper case."""
    return name.replace("\ufeff", "").strip().upper()


def recognise(header: list[str]) -> Table | None:
    """The table whose columns these are, or None.

    A table matches when all its `required` columns are present; of several, the one
    sharing most columns with the header wins (a tie means the header is ambiguous: None).
    """
    names = {normalise_column(h) for h in header}
    best: list[tuple[int, Table]] = []
    for table in TABLES:
        if table.required <= names:
            best.append((len(names.intersection(table.columns)), table))
    if not best:
        return None
    best.sort(key=lambda pair: -pair[0])
    if len(best) > 1 and best[0][0] == best[1][0]:
        return None
    return best[0][1]

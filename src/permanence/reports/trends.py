"""The national measures over the years: `permanence.measures.measure` at each 31 March
the data hold in full (`common.years_covered`), as a trend table and charts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from permanence.domain.model import Child
from permanence.measures import Measures, measure
from permanence.reports.common import year_label, years_covered

SOURCE = (
    "National measures (POLICY-RULES.md, 'National measures'): DfE children looked after"
    " statistics, placement stability and adoption scorecard (A1, A2, A10)"
)


@dataclass(frozen=True)
class TrendRow:
    as_of: date
    short_term: tuple[int, int, float | None]  # numerator, denominator, percent
    long_term: tuple[int, int, float | None]
    a1: float | None
    a2: float | None
    a10: float | None
    adopted: int

    @property
    def label(self) -> str:
        return year_label(self.as_of)

    @classmethod
    def of(cls, m: Measures) -> TrendRow:
        doc = m.as_json()
        st, lt, ad = doc["short_term_stability"], doc["long_term_stability"], doc["adoption"]
        return cls(
            as_of=m.as_of,
            short_term=(st["numerator"], st["denominator"], st["percent"]),
            long_term=(lt["numerator"], lt["denominator"], lt["percent"]),
            a1=ad["a1_days"],
            a2=ad["a2_days"],
            a10=ad["a10_days"],
            adopted=ad["children"],
        )


def trends(children: Iterable[Child], as_of: date) -> list[TrendRow]:
    """One row per 31 March the data hold, oldest first, none after `as_of`."""
    children = list(children)
    return [TrendRow.of(measure(children, year)) for year in years_covered(children, as_of)]

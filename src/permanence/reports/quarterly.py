"""Bolton's quarterly report (11.3, rule bolton.reports): "in respect of the Children Looked
After population in Bolton: the number of Children Looked After; the number of children
currently residing in each placement type; the identified Permanence Plan for each child;
the progress being made towards the Permanence Plan for each child".

Everything is as on the quarter's last day: a child is counted when looked after that day
(an episode with DECOM on or before it and DEC empty or after it), so a child whose care
ended on 31 March is not in the January to March figures and one whose care ended on
1 April is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from permanence.reports.common import quarter_label, quarter_start
from permanence.reports.tracker import TrackerRow
from permanence.ssda903 import labels

SOURCE = "Bolton Permanence policy, 11.3 Measuring impact for the child ('Quarterly report')"


@dataclass
class QuarterlyReport:
    end: date
    rows: list[TrackerRow]
    profile: str = ""  # the profile the children were narrowed to ("" for all)
    by_placement: list[tuple[str, str, int]] = field(default_factory=list)  # code, words, n
    by_group: list[tuple[str, int]] = field(default_factory=list)
    without_plan: list[str] = field(default_factory=list)

    @property
    def start(self) -> date:
        return quarter_start(self.end)

    @property
    def label(self) -> str:
        return quarter_label(self.end)

    @property
    def looked_after(self) -> int:
        return len(self.rows)


def quarterly_report(rows: Iterable[TrackerRow], end: date, profile: str = "") -> QuarterlyReport:
    """The report for the quarter ending on `end`, from the tracker rows as on that day."""
    rows = sorted(rows, key=lambda r: r.child)
    codes = Counter(r.placement for r in rows)
    groups = Counter(r.placement_group for r in rows)
    order = list(labels.PLACEMENT_GROUPS)
    return QuarterlyReport(
        end=end,
        rows=rows,
        profile=profile,
        by_placement=[(c, labels.placement(c), n) for c, n in sorted(codes.items())],
        by_group=sorted(
            groups.items(), key=lambda g: order.index(g[0]) if g[0] in order else len(order)
        ),
        without_plan=[r.child for r in rows if not r.plan],
    )

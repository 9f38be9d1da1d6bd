"""Service reports (rules bolton.reports and blackburn.stability_meeting, and the national
measures over the years): pure Python over `permanence.domain.model.Child`, no Django.

    from permanence.reports import tracker_rows, quarterly_report, annual_report, disruption_report, trends

- `tracker_rows`: the Permanence Tracker (Bolton 11.2), one row per child looked after, with
  the plan, its progress, what is due and overdue, and the cost of care.
- `quarterly_report`: Bolton's quarterly report (11.3) from the tracker at a quarter end.
- `annual_report`: Bolton's seven annual indicators (11.3), with the children behind each.
- `disruption_report`: placements that ended unplanned, by quarter (Blackburn with Darwen 8).
- `trends`: the national measures at each 31 March the data hold; `charts` draws them.
- `xlsx`: the workbooks; `cli`: `permanence report`.
"""

from permanence.reports.annual import AnnualReport, Indicator, annual_report
from permanence.reports.disruption import DisruptionReport, disruption_report
from permanence.reports.quarterly import QuarterlyReport, quarterly_report
from permanence.reports.tracker import TrackerRow, tracker_row, tracker_rows
from permanence.reports.trends import TrendRow, trends

__all__ = [
    "AnnualReport",
    "DisruptionReport",
    "Indicator",
    "QuarterlyReport",
    "TrackerRow",
    "TrendRow",
    "annual_report",
    "disruption_report",
    "quarterly_report",
    "tracker_row",
    "tracker_rows",
    "trends",
]

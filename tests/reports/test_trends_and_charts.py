"""The national measures at each 31 March the data hold, and their charts: SVG a page can
hold, readable without the picture."""

import xml.etree.ElementTree as ET
from datetime import date

from permanence.reports import trends
from permanence.reports.charts import adoption_chart, stability_chart
from permanence.reports.common import years_covered
from tests.builders import ChildBuilder

SVG = "{http://www.w3.org/2000/svg}"


def children():
    return [
        # Three placements in 2023-24: the one in force on 1 April and two moves.
        ChildBuilder("X", dob="2015-06-15")
        .enters("2022-04-04")
        .moves("2023-06-01")
        .moves("2023-09-01")
        .build(),
        # Left care in 2023-24.
        ChildBuilder("Y", dob="2015-06-15").enters("2022-04-04").leaves("2023-05-01").build(),
        # In care since May 2021, last moved in June 2022.
        ChildBuilder("Z", dob="2015-06-15").enters("2021-05-03").moves("2022-06-01").build(),
    ]


def test_the_years_the_data_hold_are_those_with_episodes_ending_in_them():
    assert years_covered(children(), date(2024, 6, 1)) == [date(2023, 3, 31), date(2024, 3, 31)]
    # The year in progress is not one: its 31 March has not come.
    assert years_covered(children(), date(2024, 3, 30)) == [date(2023, 3, 31)]


def test_a_row_per_31_march_with_stability_worked_by_hand():
    rows = trends(children(), date(2024, 6, 1))
    assert [r.as_of for r in rows] == [date(2023, 3, 31), date(2024, 3, 31)]
    first, second = rows
    # 2022-23: X, Y and Z looked after on 31 March; none had 3 placements in the year.
    assert first.short_term == (0, 3, 0.0)
    assert first.long_term == (0, 0, None)  # nobody in care 2.5 years yet
    # 2023-24: X had 3 placements of the 2 children looked after (Y had left).
    assert second.short_term == (1, 2, 50.0)
    # Z: in care over 2.5 years, but moved under 2 years before.
    assert second.long_term == (0, 1, 0.0)
    assert (second.a1, second.a2, second.a10, second.adopted) == (None, None, None, 0)
    assert second.label == "2023-24"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_a_chart_is_an_accessible_svg_with_its_figures_in_words():
    rows = trends(children(), date(2024, 6, 1))
    svg = stability_chart(rows)
    assert svg.startswith("<svg") and "<?xml" not in svg and "DOCTYPE" not in svg
    root = parse(svg)
    assert root.get("role") == "img"
    title, desc = root[0], root[1]
    assert title.tag == f"{SVG}title" and title.text == "Placement stability"
    assert desc.tag == f"{SVG}desc"
    assert "2022-23 0.0%" in desc.text and "2023-24 50.0%" in desc.text
    assert "2022-23 no figure" in desc.text  # long-term: nobody counted that year
    assert root.get("aria-labelledby") == title.get("id")
    assert root.get("aria-describedby") == desc.get("id")
    # Axis labels are drawn as text.
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "Year to 31 March" in texts and "Per cent of children" in texts
    assert "2023-24" in texts


def test_two_charts_on_one_page_share_no_id():
    rows = trends(children(), date(2024, 6, 1))
    ids = []
    for svg in (stability_chart(rows), adoption_chart(rows)):
        root = parse(svg)
        ids.extend(e.get("id") for e in root.iter() if e.get("id"))
        prefix = root.get("data-chart")
        assert all(e.get("id").startswith(prefix + "-") for e in root.iter() if e.get("id"))
    assert len(ids) == len(set(ids))


def test_adoption_chart_says_when_there_were_no_adoptions():
    rows = trends(children(), date(2024, 6, 1))
    desc = parse(adoption_chart(rows))[1].text
    assert "A1: 2022-23 no adoptions; 2023-24 no adoptions." in desc

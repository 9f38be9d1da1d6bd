"""Line charts of the reports, drawn with matplotlib (Agg, no display) as SVG to put
straight into a page.

Each chart is an accessible image: `role="img"`, a `<title>` and a `<desc>` that gives the
figures in words, and lines told apart by their markers and dashes as well as colour. The
page shows the same figures in a table beside it. The ids inside each SVG carry the
chart's own prefix, so that several charts can share a page.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Sequence
from html import escape

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402

from permanence.reports.trends import TrendRow  # noqa: E402

# GOV.UK palette colours with a contrast of at least 3:1 on white (WCAG 1.4.11).
COLOURS = ("#1d70b8", "#d4351c", "#00703c", "#4c2c92")
MARKERS = ("o", "s", "^", "D")
DASHES = ("-", "--", ":", "-.")
STYLE = {
    "svg.fonttype": "none",  # text stays text: smaller, and sharp at any size
    "svg.hashsalt": "permanence",  # the same figures give the same file
    "font.family": "sans-serif",
    "font.sans-serif": ["Arial", "Helvetica", "Liberation Sans", "DejaVu Sans"],
    "font.size": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
_ID = re.compile(r'\bid="([^"]+)"')


def line_chart(
    ident: str,
    title: str,
    description: str,
    x_labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    *,
    x_label: str,
    y_label: str,
    y_max: float | None = None,
) -> str:
    """An SVG line chart: one line per (name, values) of `series`; a missing value is a gap.

    `ident` prefixes the ids in the SVG (unique on the page); `description` is read out
    in place of the picture, so it should carry the figures.
    """
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(7.2, 4.4), layout="constrained")
        ax = fig.subplots()
        xs = list(range(len(x_labels)))
        for k, (name, values) in enumerate(series):
            ys = [math.nan if v is None else v for v in values]
            ax.plot(
                xs,
                ys,
                label=name,
                color=COLOURS[k % len(COLOURS)],
                marker=MARKERS[k % len(MARKERS)],
                linestyle=DASHES[k % len(DASHES)],
                linewidth=2,
                markersize=7,
            )
        ax.set_xticks(xs, list(x_labels))
        if len(xs) == 1:
            ax.set_xlim(-0.5, 0.5)
        ax.set_title(title, loc="left", fontweight="bold")
        ax.set_xlabel(x_label)
        ax.set_ylabel(y_label)
        top = y_max
        if top is None:
            finite = [v for _, values in series for v in values if v is not None]
            top = max(finite) * 1.15 if finite and max(finite) > 0 else 1
        ax.set_ylim(0, top)
        ax.grid(axis="y", color="#b1b4b6", linewidth=0.6)
        if series:
            fig.legend(frameon=False, loc="outside lower left", ncols=1)
        out = io.StringIO()
        fig.savefig(out, format="svg", metadata={"Date": None})
    return accessible(out.getvalue(), ident, title, description)


def accessible(svg: str, ident: str, title: str, description: str) -> str:
    """The SVG as markup for a page: no XML prologue or metadata, ids prefixed, scaling
    to its container, with a title and description for assistive technology."""
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = _ID.sub(lambda m: f'id="{ident}-{m.group(1)}"', svg)
    svg = svg.replace('href="#', f'href="#{ident}-').replace("url(#", f"url(#{ident}-")
    svg = re.sub(r'\swidth="[^"]+pt" height="[^"]+pt"', "", svg, count=1)
    opening = (
        f'<svg class="app-chart" role="img" focusable="false" data-chart="{escape(ident)}"'
        f' aria-labelledby="{ident}-title" aria-describedby="{ident}-desc"'
        ' preserveAspectRatio="xMinYMin meet" '
    )
    svg = svg.replace("<svg ", opening, 1)
    head = svg.index(">") + 1
    words = (
        f'\n <title id="{ident}-title">{escape(title)}</title>'
        f'\n <desc id="{ident}-desc">{escape(description)}</desc>'
    )
    return svg[:head] + words + svg[head:]


def _percent(v: float | None) -> str:
    return "no figure" if v is None else f"{v}%"


def _days(v: float | None) -> str:
    return "no adoptions" if v is None else f"{v:g} days"


def stability_chart(rows: Sequence[TrendRow], ident: str = "chart-stability") -> str:
    """Short-term and long-term placement stability, per cent, year by year."""
    years = [r.label for r in rows]
    short = [r.short_term[2] for r in rows]
    long = [r.long_term[2] for r in rows]
    desc = (
        "Short-term stability (children with 3 or more placements in the year, lower is"
        " better): "
        + "; ".join(f"{y} {_percent(v)}" for y, v in zip(years, short, strict=True))
        + ". Long-term stability (in the same placement for 2 years, higher is better): "
        + "; ".join(f"{y} {_percent(v)}" for y, v in zip(years, long, strict=True))
        + "."
    )
    return line_chart(
        ident,
        "Placement stability",
        desc,
        years,
        [
            ("Short-term: 3 or more placements (lower is better)", short),
            ("Long-term: same placement 2 years (higher is better)", long),
        ],
        x_label="Year to 31 March",
        y_label="Per cent of children",
        y_max=100,
    )


def adoption_chart(rows: Sequence[TrendRow], ident: str = "chart-adoption") -> str:
    """Mean days of A1, A2 and A10, year by year (fewer days is better)."""
    years = [r.label for r in rows]
    parts = [
        ("A1: entering care to moving in with the adoptive family", [r.a1 for r in rows]),
        ("A2: court authority to the match", [r.a2 for r in rows]),
        ("A10: as A1, clock stopped if fostered by the adopters", [r.a10 for r in rows]),
    ]
    desc = "Adoption timeliness, mean days (fewer is better). " + " ".join(
        f"{name.split(':')[0]}: "
        + "; ".join(f"{y} {_days(v)}" for y, v in zip(years, values, strict=True))
        + "."
        for name, values in parts
    )
    return line_chart(
        ident,
        "Adoption timeliness",
        desc,
        years,
        parts,
        x_label="Year to 31 March",
        y_label="Mean days",
    )

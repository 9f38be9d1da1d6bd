"""`permanence synth`: write a synthetic SSDA903 return.

The main command line wires this in with `add_arguments(subparser)` and `run(args)`.
"""

from __future__ import annotations

import argparse
from datetime import date

from . import DEFAULT_YEAR_END, SIZES, write_return

FORMATS = {"csv": ("csv",), "xml": ("xml",), "both": ("csv", "xml")}


def _year_end(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Write a synthetic SSDA903 return (every child made up, none real): full care "
        "histories shaped like an English council's, deterministic for a seed."
    )
    parser.add_argument("--out", required=True, metavar="DIR", help="folder to write into")
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--children", type=_positive, metavar="N", help="number of children")
    size.add_argument(
        "--size",
        choices=sorted(SIZES),
        help="council: about 700 looked after on the year end, plus those who left in the "
        "window (the default); national: 100,000 children",
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--year-end",
        type=_year_end,
        default=DEFAULT_YEAR_END,
        metavar="YYYY-MM-DD",
        help=f"end of the last collection year (default {DEFAULT_YEAR_END.isoformat()})",
    )
    parser.add_argument(
        "--years", type=_positive, default=5, help="years of history in the window (default 5)"
    )
    parser.add_argument(
        "--format", choices=sorted(FORMATS), default="csv", help="csv, xml or both (default csv)"
    )
    parser.add_argument(
        "--split-years",
        action="store_true",
        help="one return per collection year, files prefixed with the year (2024-episodes.csv)",
    )


def run(args: argparse.Namespace) -> int:
    if args.children is not None:
        n, size = args.children, None
    else:
        n, size = None, args.size or "council"
    summary = write_return(
        args.out,
        n_children=n,
        size=size,
        seed=args.seed,
        year_end=args.year_end,
        years=args.years,
        formats=FORMATS[args.format],
        split_years=args.split_years,
    )
    returns = f" as {len(summary['returns'])} yearly returns" if args.split_years else ""
    print(
        f"Wrote {summary['children']:,} synthetic children ({summary['looked_after_at_year_end']:,}"
        f" looked after on {summary['year_end']}; {summary['episodes']:,} episodes, "
        f"{summary['reviews']:,} reviews) to {summary['out_dir']}{returns} "
        f"({args.format}, seed {args.seed}) in {summary['seconds']:.1f} s."
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run on its own: `python -m permanence.synth.cli --out DIR`."""
    parser = argparse.ArgumentParser(prog="permanence synth")
    add_arguments(parser)
    return run(parser.parse_args(argv))


__all__ = ["add_arguments", "main", "run"]

if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

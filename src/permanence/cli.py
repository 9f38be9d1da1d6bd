"""The `permanence` command: a thin layer over the core.

Unusable input (a missing folder, no episodes table, a bad date) ends with a one-line
message on stderr and exit status 2; rows with problems are reported and the rest used.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date

from permanence import __version__

EXIT_UNUSABLE = 2


class CommandError(Exception):
    """A one-line message for the person at the terminal; no traceback."""


class Parser(argparse.ArgumentParser):
    """Usage mistakes end in one line, like every other unusable input."""

    def error(self, message: str):
        self.exit(EXIT_UNUSABLE, f"{self.prog}: {message} (see --help)\n")


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


def _load(paths: Sequence[str], progress: bool | None, tables=None):
    from permanence.ssda903 import UnusableReturn, load_return

    try:
        return load_return(list(paths), progress=progress, tables=tables)
    except UnusableReturn as exc:
        raise CommandError(str(exc)) from None


def _report_problems(ret, problems_path: str | None, quiet: bool) -> None:
    """Problems go to a file when asked, and a one-line summary to stderr."""
    if problems_path:
        import csv

        with open(problems_path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["file", "line", "field", "value", "severity", "row_used", "reason"])
            for p in ret.problems:
                w.writerow(
                    [p.file, p.line or "", p.field or "", p.value, p.severity, p.row_used, p.reason]
                )
    if quiet:
        return
    for line in ret.reconciliation:
        print(f"note: {line}", file=sys.stderr)
    if ret.problems:
        dropped = len({(p.file, p.line) for p in ret.problems if not p.row_used})
        where = f" (listed in {problems_path})" if problems_path else " (see `permanence check`)"
        print(
            f"{len(ret.problems):,} problems in the return,"
            f" {dropped:,} row{'' if dropped == 1 else 's'} not used{where}",
            file=sys.stderr,
        )


def _open_out(path: str | None):
    if path in (None, "-"):
        return sys.stdout, False
    return open(path, "w", encoding="utf-8", newline=""), True


def cmd_deadlines(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from permanence.deadlines import rendered
    from permanence.output import deadlines as out
    from permanence.profiles import UnknownProfile, load_profile
    from permanence.workingdays import WorkingDayCalendar

    try:
        profile = load_profile(args.profile)
    except UnknownProfile as exc:
        raise CommandError(str(exc)) from None
    ret = _load(args.ssda903, args.progress)
    _report_problems(ret, args.problems, args.quiet)
    children = ret.children.values()
    if args.child:
        wanted = set(args.child)
        children = [c for c in children if c.id in wanted]
        missing = wanted - {c.id for c in children}
        if missing:
            raise CommandError(f"no child with id {', '.join(sorted(missing))} in the return")
    calendar = WorkingDayCalendar(closures=args.closure or ())
    wanted = set(args.status or ())

    def run(render):
        if wanted:
            inner = render

            def render(r):
                return inner(
                    replace(r, obligations=[o for o in r.obligations if o.status in wanted])
                )

        return rendered(list(children), profile, args.as_of, render, calendar)

    if args.format == "xlsx":
        if not args.output or args.output == "-":
            raise CommandError("--format xlsx needs --output FILE.xlsx")
        n = out.write_xlsx(run(out.rows_of), args.as_of, profile, args.output, profile.notes)
        if not args.quiet:
            print(f"wrote {n:,} rows to {args.output}", file=sys.stderr)
        return 0
    stream, close = _open_out(args.output)
    try:
        if args.format == "json":
            out.write_json(run(out.json_renderer(args.explain)), args.as_of, profile, stream)
        elif args.format == "csv":
            out.write_csv(run(out.rows_of), stream)
        else:
            out.write_table(run(out.table_lines), stream)
            if profile.elsewhere and not args.quiet:
                stream.write(
                    "\nNot assessed child by child here: "
                    + ", ".join(profile.elsewhere)
                    + " (see `permanence rules`)\n"
                )
    finally:
        if close:
            stream.close()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    ret = _load(args.ssda903, args.progress)
    for table, files in sorted(ret.tables.items()):
        print(f"{table}: {', '.join(files)}")
    print(f"{len(ret.children):,} children")
    for line in ret.reconciliation:
        print(f"note: {line}")
    for p in ret.problems[: args.limit or None]:
        print(str(p))
    if args.limit and len(ret.problems) > args.limit:
        print(f"... and {len(ret.problems) - args.limit:,} more (use --limit 0 for all)")
    print(f"{len(ret.problems):,} problems")
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    from permanence.profiles import UnknownProfile, load_profile

    try:
        profile = load_profile(args.profile)
    except UnknownProfile as exc:
        raise CommandError(str(exc)) from None
    print(f"{profile.title} ({profile.name}): {profile.policy}\n")
    for rule in profile.rules:
        params = profile.params.get(rule.id)
        extra = f"  [{', '.join(f'{k}={v}' for k, v in params.items())}]" if params else ""
        print(f"{rule.id:<38} {rule.title}{extra}\n{'':<38} source: {rule.source}")
    for rule_id, where in profile.elsewhere.items():
        print(f"{rule_id:<38} not a deadline for one child: {where}")
    for note in profile.notes:
        print(f"note: {note}")
    return 0


def _django() -> None:
    """Set up the web application's settings and database for a command that needs them."""
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "permanence.web.settings")
    import django

    django.setup()
    from pathlib import Path

    from django.conf import settings

    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3") and str(db["NAME"]) != ":memory:":
        Path(db["NAME"]).parent.mkdir(parents=True, exist_ok=True)


def cmd_import(args: argparse.Namespace) -> int:
    from permanence.profiles import PROFILE_NAMES

    if args.profile not in PROFILE_NAMES:
        raise CommandError(
            f"unknown profile {args.profile!r}: choose one of {', '.join(PROFILE_NAMES)}"
        )
    ret = _load(args.ssda903, args.progress)
    _report_problems(ret, args.problems, args.quiet)
    _django()
    from django.core.management import call_command
    from django.db import DatabaseError

    from permanence.web.children.services import import_return

    try:
        call_command("migrate", verbosity=0)
        summary = import_return(ret, profile=args.profile)
    except DatabaseError as exc:
        raise CommandError(f"the database could not be used: {str(exc).splitlines()[0]}") from None
    print(summary)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    _django()
    from datetime import date

    from django.core.management import call_command
    from django.db import DatabaseError

    from permanence.web import demo

    try:
        call_command("migrate", verbosity=0)
        logins = demo.set_up(children=args.children, today=date.today())
    except demo.DemoRefused as exc:
        raise CommandError(str(exc)) from None
    except DatabaseError as exc:
        raise CommandError(f"the database could not be used: {str(exc).splitlines()[0]}") from None
    print("Synthetic council ready (no real children). Sign in as any of these demo people:")
    width = max(len(x.role) for x in logins)
    for x in logins:
        print(f"  {x.role:<{width}}  {x.username:<26} {x.password}")
    if args.no_serve:
        return 0
    print(f"Open http://{args.address}/ (Ctrl+C stops the server)", flush=True)
    call_command("runserver", args.address, use_reloader=False)
    return 0


def cmd_manage(args: argparse.Namespace) -> int:
    _django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["permanence manage", *args.rest])
    return 0


def _add_input(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--ssda903",
        action="append",
        required=True,
        metavar="PATH",
        help="a folder of SSDA903 CSV files, a CSV file or an XML return; repeat for several years",
    )
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None)


def build_parser() -> argparse.ArgumentParser:
    from permanence.profiles import PROFILE_NAMES

    parser = Parser(
        prog="permanence", description="Permanence planning and tracking for children's services."
    )
    parser.add_argument("--version", action="version", version=f"permanence {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

    d = sub.add_parser("deadlines", help="what is due and overdue for each child, and why")
    _add_input(d)
    d.add_argument(
        "--as-of", type=iso_date, default=date.today(), help="YYYY-MM-DD (default today)"
    )
    d.add_argument("--profile", default="national", help=f"one of {', '.join(PROFILE_NAMES)}")
    d.add_argument("--format", choices=("table", "json", "csv", "xlsx"), default="table")
    d.add_argument("--output", "-o", help="file to write (default standard output)")
    d.add_argument("--child", action="append", help="only this child (repeatable)")
    d.add_argument(
        "--status",
        action="append",
        choices=("met", "met_late", "upcoming", "overdue", "unknown", "not_applicable"),
        help="only obligations with this status (repeatable)",
    )
    d.add_argument("--explain", action="store_true", help="JSON: add title, why, reason, source")
    d.add_argument("--closure", action="append", type=iso_date, help="a local closure day")
    d.add_argument("--problems", help="write the return's problems to this CSV file")
    d.add_argument("--quiet", "-q", action="store_true")
    d.set_defaults(func=cmd_deadlines)

    c = sub.add_parser("check", help="load a return and list its problems row by row")
    _add_input(c)
    c.add_argument("--limit", type=int, default=50, help="problems to print (0 = all)")
    c.set_defaults(func=cmd_check)

    r = sub.add_parser("rules", help="the rules of a profile, with their sources")
    r.add_argument("--profile", default="national")
    r.set_defaults(func=cmd_rules)

    i = sub.add_parser("import", help="import a return into the application's database")
    _add_input(i)
    i.add_argument("--profile", default="national", help="the profile of newly added children")
    i.add_argument("--problems", help="write the return's problems to this CSV file")
    i.add_argument("--quiet", "-q", action="store_true")
    i.set_defaults(func=cmd_import)

    dm = sub.add_parser("demo", help="a synthetic council in the web application, and run it")
    dm.add_argument("--children", type=int, default=400, help="children in the synthetic return")
    dm.add_argument("--address", default="127.0.0.1:8000", help="where the server listens")
    dm.add_argument("--no-serve", action="store_true", help="set up and print the sign-ins only")
    dm.set_defaults(func=cmd_demo)

    m = sub.add_parser("manage", help="the web application's Django management commands")
    m.add_argument("rest", nargs=argparse.REMAINDER)
    m.set_defaults(func=cmd_manage)

    from permanence.measures import cli as measures_cli
    from permanence.synth import cli as synth_cli

    ms = sub.add_parser("measures", help="national measures: stability, adoption, outcomes")
    _add_input(ms)
    measures_cli.add_arguments(ms)
    ms.set_defaults(func=measures_cli.run)

    from permanence.reports import cli as reports_cli

    rp = sub.add_parser(
        "report", help="service reports: tracker, quarterly, annual, disruption, trends"
    )
    _add_input(rp)
    reports_cli.add_arguments(rp)
    rp.set_defaults(func=reports_cli.run)

    sy = sub.add_parser("synth", help="write a synthetic SSDA903 return (no real children)")
    synth_cli.add_arguments(sy)
    sy.set_defaults(func=synth_cli.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args) or 0
    except CommandError as exc:
        print(f"permanence: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

"""Web pages under load: the caseload, child and team pages of a real server on loopback.

    python benchmarks/web.py                          # ~2,500 looked after, SQLite
    python benchmarks/web.py --children 3000 --seconds 10
    python benchmarks/web.py --database-url postgres://postgres@127.0.0.1:5432/postgres
    python benchmarks/web.py --profile                # and profile one request per page

Steps, each timed and printed:
1. A fresh database in a temporary folder (SQLite), or a throwaway database on the
   PostgreSQL server of --database-url (dropped afterwards); migrations; the synthetic
   demo council (`permanence.web.demo`) with ten years of history, loaded with
   PERMANENCE_DEBUG=1 because the demo refuses otherwise.
2. Known passwords for the social workers used and the team manager.
3. gunicorn serving `permanence.web.wsgi:application` on 127.0.0.1, production settings:
   PERMANENCE_DEBUG=0, a secret key, allowed hosts. With DEBUG off the settings redirect
   plain HTTP to HTTPS and mark cookies Secure, so the client here plays the part of the
   TLS-terminating proxy in front of a real server: it sends `X-Forwarded-Proto: https`,
   which gunicorn trusts from 127.0.0.1 by default, and it sends cookies back over the
   loopback connection itself. Nothing in the settings is relaxed.
4. One user at a time: real HTTP with a cookie session (the standard library's
   http.client, one kept-alive connection), the caseload page of several social workers
   and their looked-after children's pages, the team view as the team manager, and the
   plain baseline: the sign-in page fetched the same way without a session (middleware,
   CSRF token and a template; no query). p50, p95 and max in ms; ratio = page p95 /
   baseline p95.
5. Concurrent users with locust (headless, `benchmarks/locustfile.py`): each simulated
   user signs in as a different social worker, then alternates caseload and child
   pages with no wait. Requests, failures, p50/p95 and requests per second, read from
   locust's CSV. Locust runs on the same two cores as the server.
6. The server is stopped and the database deleted.

The aim (issue 4): caseload and child pages at p95 <= 150 ms for one user, and no errors
with 20 concurrent users. This prints figures and PASS / NOT MET; it asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import http.client
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

from run import machine  # benchmarks/run.py: the same machine line in both reports

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve()

# About 2,500 children looked after on the day with ten years of history: the demo's
# generator keeps roughly one child in five of a ten-year file looked after at the end.
DEFAULT_CHILDREN = 12_200
YEARS = 10
SEED = 2026
AIM_MS = 150.0
PROXY = {"X-Forwarded-Proto": "https"}  # the TLS-terminating proxy's word (see above)


# --------------------------------------------------------------------------- in the child
# These run in subprocesses with Django configured by the environment.


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "permanence.web.settings")
    import django

    django.setup()


def load(args: argparse.Namespace) -> None:
    """Migrate, load the demo council, set passwords; write what the clients need."""
    _django()
    from django.core.management import call_command
    from django.db import transaction
    from django.test import override_settings
    from django.utils import timezone

    from permanence.web import demo
    from permanence.web.accounts.models import Role, Team, User
    from permanence.web.children import models

    t0 = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrate_s = time.perf_counter() - t0
    today = timezone.localdate()
    t0 = time.perf_counter()
    # The import writes each record's history row (and an audit event for it) one at a
    # time: about 30 ms a child, over five minutes for this council. The pages measured
    # never read either, so the history rows are written in bulk afterwards instead, as
    # many as the import would write; the import's audit events are left out.
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        demo.set_up(children=args.children, today=today, seed=SEED, years=YEARS)
    with transaction.atomic():
        for model in (models.Child, models.Episode, models.Review):
            model.history.bulk_history_create(
                model.objects.all(),
                batch_size=2000,
                default_change_reason="imported from an SSDA903 return",
            )
        models.Child.history.bulk_history_create(
            models.Child.objects.all(),
            batch_size=2000,
            update=True,
            default_change_reason="demo council: children allocated",
        )
    load_s = time.perf_counter() - t0

    # Social workers in every team in turn, so that every profile's rules are measured.
    by_team: dict[int, list[User]] = {}
    for u in User.objects.filter(role=Role.SOCIAL_WORKER).order_by("username"):
        by_team.setdefault(u.team_id, []).append(u)
    workers: list[User] = []
    while len(workers) < args.workers and any(by_team.values()):
        for held in by_team.values():
            if held and len(workers) < args.workers:
                workers.append(held.pop(0))
    t0 = time.perf_counter()
    caseloads = {}
    for u in workers:
        u.set_password(args.password)
        u.save(update_fields=["password"])
        caseloads[u.username] = sorted(
            models.Child.objects.filter(social_worker=u).values_list("child_id", flat=True)
        )
    lead = Team.objects.get(name=demo.TEAMS["bolton"])
    manager = lead.manager
    manager.set_password(args.password)
    manager.save(update_fields=["password"])
    passwords_s = time.perf_counter() - t0
    info = {
        "today": today.isoformat(),
        "migrate_s": migrate_s,
        "load_s": load_s,
        "passwords_s": passwords_s,
        "children": models.Child.objects.count(),
        "looked_after": models.Child.objects.filter(episodes__end__isnull=True).distinct().count(),
        "episodes": models.Episode.objects.count(),
        "reviews": models.Review.objects.count(),
        "social_workers": User.objects.filter(role=Role.SOCIAL_WORKER).count(),
        "teams": Team.objects.count(),
        "manager": manager.username,
        "manager_team_children": models.Child.objects.filter(team=lead).count(),
        "manager_team_looked_after": models.Child.objects.filter(
            team=lead, episodes__end__isnull=True
        )
        .distinct()
        .count(),
        "password": args.password,
        "caseloads": caseloads,
    }
    Path(args.out).write_text(json.dumps(info, indent=1))


def profile(args: argparse.Namespace) -> None:
    """One request per page through Django's test client, under cProfile, with the
    query count: where a page's time goes."""
    _django()
    import cProfile
    import pstats

    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from permanence.web.accounts.models import User

    info = json.loads(Path(args.info).read_text())
    worker = next(iter(info["caseloads"]))
    child_id = info["caseloads"][worker][0]
    pages = [
        ("caseload", worker, reverse("children:my-work")),
        ("child", worker, reverse("children:child", kwargs={"child_id": child_id})),
        ("team view", info["manager"], reverse("children:team")),
    ]
    for name, username, url in pages:
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(User.objects.get(username=username))
        warm = client.get(url, secure=True)
        if warm.status_code != 200:
            raise RuntimeError(f"GET {url} gave {warm.status_code}")
        queries = []

        def count(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            t0 = time.perf_counter()
            client.get(url, secure=True)
            plain = time.perf_counter() - t0
        prof = cProfile.Profile()
        prof.enable()
        client.get(url, secure=True)
        prof.disable()
        print(f"\n=== {name} ({url}): {plain * 1000:.0f} ms unprofiled, {len(queries)} queries")
        stats = pstats.Stats(prof)
        stats.sort_stats("cumulative").print_stats(
            r"permanence|django/template/base|sqlite3|psycopg", 25
        )
        stats.sort_stats("tottime").print_stats(12)


# -------------------------------------------------------------------------- in the parent


def load_average() -> str:
    """The machine's 1-minute load average: anything else running skews the figures."""
    return f"{os.getloadavg()[0]:.1f}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, -(-len(ordered) * p // 100) - 1))
    return ordered[int(k)]


class Browser:
    """One person's session over one kept-alive connection: cookies by hand, so that the
    Secure cookies of production settings come back over loopback (see the docstring)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, str]:
        headers = {"Host": f"127.0.0.1:{self.port}", **PROXY}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            origin = f"https://127.0.0.1:{self.port}"
            headers.update(
                {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Origin": origin,
                    "Referer": origin + path,
                }
            )
        try:
            self.conn.request(method, path, body=body, headers=headers)
            resp = self.conn.getresponse()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # The server closed an idle kept-alive connection: open another, once.
            self.conn.close()
            self.conn.request(method, path, body=body, headers=headers)
            resp = self.conn.getresponse()
        text = resp.read().decode("utf-8", "replace")
        for header in resp.msg.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0]
            if value in ('""', "") or "max-age=0" in rest.lower():
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = value
        if resp.getheader("Connection", "").lower() == "close":
            self.conn.close()
        return resp.status, text

    def get(self, path: str) -> tuple[int, str]:
        return self.request("GET", path)

    def sign_in(self, username: str, password: str) -> None:
        status, page = self.get("/accounts/sign-in/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or not token:
            raise RuntimeError(f"the sign-in page gave {status} and no CSRF token")
        body = urlencode(
            {"csrfmiddlewaretoken": token[1], "username": username, "password": password}
        )
        status, _ = self.request("POST", "/accounts/sign-in/", body)
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"signing in as {username} gave {status}, no session")

    def timed(self, path: str) -> float:
        t0 = time.perf_counter()
        status, _ = self.get(path)
        elapsed = (time.perf_counter() - t0) * 1000
        if status != 200:
            raise RuntimeError(f"GET {path} gave {status}")
        return elapsed


def wait_for(port: int, server: subprocess.Popen, seconds: float = 60) -> float:
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}")
        try:
            status, _ = Browser(port).get("/accounts/sign-in/")
            if status == 200:
                return time.perf_counter() - t0
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("the server did not answer in time")


def one_user(port: int, info: dict, args, rng: random.Random) -> dict[str, list[float]]:
    """Sequential requests from one person at a time; warm-up requests are not counted."""
    password = info["password"]
    caseloads = {w: ids for w, ids in info["caseloads"].items() if ids}
    workers = list(caseloads)[: max(1, min(10, len(caseloads)))]
    browsers = {}
    for w in workers:
        browsers[w] = Browser(port)
        browsers[w].sign_in(w, password)
    anonymous = Browser(port)
    manager = Browser(port)
    manager.sign_in(info["manager"], password)

    def child_url(w: str) -> str:
        return f"/children/{rng.choice(caseloads[w])}/"

    # Warm up: every session's first pages (templates, connections, the profile cache).
    for w in workers:
        browsers[w].timed("/children/my-work/")
        browsers[w].timed(child_url(w))
        anonymous.timed("/accounts/sign-in/")
    if args.team_requests:
        manager.timed("/children/team/")
    if args.team_requests:
        manager.timed("/reports/tracker/?format=xlsx")
    times: dict[str, list[float]] = {
        "baseline": [],
        "caseload": [],
        "child": [],
        "team": [],
        "tracker": [],
    }
    for k in range(args.requests):
        w = workers[k % len(workers)]
        times["baseline"].append(anonymous.timed("/accounts/sign-in/"))
        times["caseload"].append(browsers[w].timed("/children/my-work/"))
        times["child"].append(browsers[w].timed(child_url(w)))
    for _ in range(args.team_requests):
        times["team"].append(manager.timed("/children/team/"))
        times["tracker"].append(manager.timed("/reports/tracker/?format=xlsx"))
    times["_workers"] = workers  # type: ignore[assignment]
    return times


def run_locust(port: int, info_path: Path, args, tmp: Path) -> tuple[dict, str]:
    prefix = tmp / "locust"
    env = {**os.environ, "BENCH_INFO": str(info_path)}
    cmd = [
        sys.executable,
        "-m",
        "locust",
        "-f",
        str(ROOT / "benchmarks" / "locustfile.py"),
        "--headless",
        "-u",
        str(args.users),
        "-r",
        str(args.users),
        "-t",
        f"{args.seconds}s",
        "--host",
        f"http://127.0.0.1:{port}",
        "--csv",
        str(prefix),
        "--only-summary",
        "--loglevel",
        "WARNING",
        "--stop-timeout",
        "10",
    ]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT)
    rows = {}
    stats = Path(f"{prefix}_stats.csv")
    if stats.exists():
        with open(stats, newline="") as fh:
            for row in csv.DictReader(fh):
                rows[row["Name"]] = row
    log = (out.stdout + out.stderr).strip()
    return rows, log


def pg_admin(url: str, sql: str) -> None:
    import dj_database_url
    import psycopg

    cfg = dj_database_url.parse(url)
    with psycopg.connect(
        host=cfg["HOST"] or None,
        port=cfg["PORT"] or None,
        user=cfg["USER"] or None,
        password=cfg["PASSWORD"] or None,
        dbname=cfg["NAME"],
        autocommit=True,
    ) as conn:
        conn.execute(sql)


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--children",
        type=int,
        default=DEFAULT_CHILDREN,
        help="children in the synthetic file, those who left care included "
        f"(default {DEFAULT_CHILDREN:,}: about 2,500 looked after)",
    )
    ap.add_argument("--users", type=int, default=20, help="concurrent users for locust")
    ap.add_argument("--seconds", type=int, default=30, help="how long locust runs")
    ap.add_argument("--requests", type=int, default=200, help="one-user requests per page")
    ap.add_argument(
        "--team-requests", type=int, default=5, help="one-user requests of the team view"
    )
    ap.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    ap.add_argument("--threads", type=int, default=4, help="gunicorn threads per worker")
    ap.add_argument("--database-url", help="a PostgreSQL server to make a throwaway database on")
    ap.add_argument("--profile", action="store_true", help="also profile one request per page")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args()

    print(f"Machine: {machine()}")
    tmp = Path(tempfile.mkdtemp(prefix="permanence-web-bench-"))
    password = "bench-" + secrets.token_urlsafe(12)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "permanence.web.settings",
        "PERMANENCE_DATA_DIR": str(tmp),
    }
    env.pop("DATABASE_URL", None)
    dbname = None
    if args.database_url:
        dbname = f"permanence_bench_{secrets.token_hex(4)}"
        pg_admin(args.database_url, f'CREATE DATABASE "{dbname}"')
        env["DATABASE_URL"] = with_database(args.database_url, dbname)
        engine = f"PostgreSQL (throwaway database {dbname})"
    else:
        engine = "SQLite (temporary file)"
    server = None
    info_path = tmp / "info.json"
    try:
        # 1-2. Database, council, passwords.
        subprocess.run(
            [
                sys.executable,
                str(HERE),
                "_load",
                "--children",
                str(args.children),
                "--workers",
                str(max(args.users, 10)),
                "--password",
                password,
                "--out",
                str(info_path),
            ],
            env={**env, "PERMANENCE_DEBUG": "1"},
            check=True,
            cwd=ROOT,
        )
        info = json.loads(info_path.read_text())
        print(f"Database: {engine}")
        print(
            f"Council on {info['today']}: {info['children']:,} children "
            f"({info['looked_after']:,} looked after), {info['episodes']:,} episodes, "
            f"{info['reviews']:,} reviews, {YEARS} years of history; "
            f"{info['teams']} teams, {info['social_workers']} social workers"
        )
        print(
            f"Migrate {info['migrate_s']:.1f} s, load {info['load_s']:.1f} s, "
            f"{len(info['caseloads']) + 1} passwords {info['passwords_s']:.1f} s"
        )
        sys.stdout.flush()

        # 3. The server, with production settings.
        port = free_port()
        server_env = {
            **env,
            "PERMANENCE_DEBUG": "0",
            "PERMANENCE_SECRET_KEY": secrets.token_urlsafe(50),
            "PERMANENCE_ALLOWED_HOSTS": "127.0.0.1,localhost",
        }
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "permanence.web.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(args.workers),
                "--threads",
                str(args.threads),
                "--log-level",
                "warning",
                "--timeout",
                "120",
                "--keep-alive",
                "30",
            ],
            env=server_env,
            cwd=tmp,
            stdout=open(tmp / "gunicorn.log", "w"),  # noqa: SIM115 - closed with the process
            stderr=subprocess.STDOUT,
        )
        up = wait_for(port, server)
        print(
            f"Server: gunicorn, {args.workers} workers x {args.threads} threads, "
            f"127.0.0.1:{port}, PERMANENCE_DEBUG=0, up in {up:.1f} s"
        )
        sys.stdout.flush()

        # 4. One user.
        load_before = load_average()
        t0 = time.perf_counter()
        times = one_user(port, info, args, random.Random(SEED))
        workers = times.pop("_workers")
        one_s = time.perf_counter() - t0
        base = percentile(times["baseline"], 95)
        print(
            f"\nOne user: {args.requests} requests each page ({len(times['team'])} of the team "
            f"view) over {len(workers)} social workers' sessions, after one warm-up request "
            f"per session; {one_s:.0f} s; load average before {load_before}"
        )
        print(
            f"{'page':<34} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} "
            f"{'x baseline':>10}  aim"
        )
        labels = {
            "baseline": "sign-in page, no session (baseline)",
            "caseload": "caseload (my work)",
            "child": "child page",
            "team": f"team view ({info['manager_team_children']:,} children)",
            "tracker": "tracker XLSX, same team (issue 5)",
        }
        verdicts = {}
        for key, label in labels.items():
            t = times[key]
            if not t:
                continue
            p95 = percentile(t, 95)
            aim = ""
            if key in ("caseload", "child"):
                verdicts[key] = p95 <= AIM_MS
                aim = f"{'PASS' if verdicts[key] else 'NOT MET'} (p95 <= {AIM_MS:.0f} ms)"
            print(
                f"{label:<34} {len(t):>5} {percentile(t, 50):>8.1f} {p95:>8.1f} {max(t):>8.1f} "
                f"{p95 / base:>10.1f}  {aim}"
            )
        sys.stdout.flush()

        # 5. Concurrent users.
        if args.users > 0:
            load_before = load_average()
            rows, log = run_locust(port, info_path, args, tmp)
            print(
                f"\n{args.users} concurrent users (locust, headless, no wait between requests), "
                f"{args.seconds} s; load average before {load_before}"
            )
            print(
                f"{'page':<34} {'requests':>8} {'failures':>8} {'p50 ms':>8} {'p95 ms':>8} "
                f"{'max ms':>8} {'req/s':>7}"
            )
            for name in ("sign in", "caseload", "child", "Aggregated"):
                r = rows.get(name)
                if r is None:
                    continue
                print(
                    f"{name:<34} {int(r['Request Count']):>8} {int(r['Failure Count']):>8} "
                    f"{float(r['50%']):>8.0f} {float(r['95%']):>8.0f} "
                    f"{float(r['Max Response Time']):>8.0f} {float(r['Requests/s']):>7.1f}"
                )
            agg = rows.get("Aggregated")
            if agg is None:
                print("locust gave no figures:\n" + log[-3000:])
            else:
                failures = int(agg["Failure Count"])
                print(f"Failures: {failures} ({'PASS' if failures == 0 else 'NOT MET'}: aim 0)")
                failed = Path(f"{tmp / 'locust'}_failures.csv")
                if failures and failed.exists():
                    print(failed.read_text()[:2000])
            if "cpu usage" in log.lower():
                print("locust warned about its own CPU use (it shares the two cores)")

        if server.poll() is not None:
            print("gunicorn stopped during the run; its log:")
        log_text = (tmp / "gunicorn.log").read_text()
        if "Traceback" in log_text or "ERROR" in log_text:
            print("gunicorn log:\n" + log_text[-3000:])

        if args.profile:
            print("\nProfile (Django's test client, same database, PERMANENCE_DEBUG=0):")
            sys.stdout.flush()
            subprocess.run(
                [sys.executable, str(HERE), "_profile", "--info", str(info_path)],
                env=server_env,
                check=False,
                cwd=ROOT,
            )
    finally:
        if server is not None and server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        if args.keep:
            print(f"Kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
        if dbname:
            pg_admin(args.database_url, f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
    return 0


def internal(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("step", choices=["_load", "_profile"])
    ap.add_argument("--children", type=int)
    ap.add_argument("--workers", type=int)
    ap.add_argument("--password")
    ap.add_argument("--out")
    ap.add_argument("--info")
    args = ap.parse_args(argv)
    (load if args.step == "_load" else profile)(args)
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1].startswith("_"):
        sys.exit(internal(sys.argv[1:]))
    sys.exit(main())

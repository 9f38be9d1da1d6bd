"""Benchmarks: time and peak memory of the product's jobs beside a plain baseline.

    python benchmarks/run.py                 # 1k, 10k and 100k synthetic children
    python benchmarks/run.py --sizes 1000    # one size
    python benchmarks/run.py --replicate     # replicate the validator sample instead
    python benchmarks/run.py --steps "load return" "deadlines (bolton, json)"

Each step runs in its own process, so its peak memory (max RSS) is its own. The plain
baseline is reading every CSV row with the standard library's csv module and nothing
else; ratios are step time / baseline time in the same run, on the same files. The
measures are also compared with short-term stability written in pandas, the way
analysts do today (`pandas_baseline.py`: a per-child groupby-apply, and a vectorised
version for reference). This prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "ssda903"

PRELUDE = """
import json, resource, sys, time
from datetime import date
path = sys.argv[1]
"""

STEPS: dict[str, str] = {
    "csv baseline": """
import csv, pathlib
t0 = time.perf_counter()
rows = 0
for f in sorted(pathlib.Path(path).glob("*.csv")):
    with open(f, newline="", encoding="utf-8-sig") as fh:
        for _ in csv.reader(fh):
            rows += 1
elapsed = time.perf_counter() - t0
""",
    "load return": """
from permanence.ssda903 import load_return
t0 = time.perf_counter()
ret = load_return(path, progress=False)
elapsed = time.perf_counter() - t0
rows = len(ret.children)
""",
    "measures (json)": """
import os
from permanence.cli import main
t0 = time.perf_counter()
sys.stdout = open(os.devnull, "w")
main(["measures", "--ssda903", path, "--as-of", "2026-03-31", "--format", "json", "--quiet"])
sys.stdout = sys.__stdout__
elapsed = time.perf_counter() - t0
rows = 0
""",
    "pandas notebook (short-term)": """
sys.path.insert(0, "benchmarks")
import pandas_baseline
t0 = time.perf_counter()
rows = pandas_baseline.notebook(path, date(2026, 3, 31))[1]
elapsed = time.perf_counter() - t0
""",
    "pandas vectorised (short-term)": """
sys.path.insert(0, "benchmarks")
import pandas_baseline
t0 = time.perf_counter()
rows = pandas_baseline.vectorised(path, date(2026, 3, 31))[1]
elapsed = time.perf_counter() - t0
""",
    "deadlines (bolton, json)": """
import io, os
from permanence.cli import main
t0 = time.perf_counter()
sys.stdout = open(os.devnull, "w")
main(["deadlines", "--ssda903", path, "--as-of", "2026-03-31", "--profile", "bolton",
      "--format", "json", "--quiet"])
sys.stdout = sys.__stdout__
elapsed = time.perf_counter() - t0
rows = 0
""",
}

MEASURE = """
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "peak_mb": peak, "rows": rows}))
"""


def run_step(code: str, path: Path) -> dict:
    script = PRELUDE + textwrap.dedent(code) + MEASURE
    out = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def make_synthetic(n: int, where: Path) -> Path:
    from permanence.synth import write_return

    write_return(where, n_children=n, seed=2026)
    return where


def make_replicated(n: int, where: Path) -> Path:
    """The validator sample copied with new child ids until it holds about n children."""
    src = SHARED / "validator-fake"
    where.mkdir(parents=True, exist_ok=True)
    with open(src / "header.csv", newline="") as fh:
        per_copy = sum(1 for _ in fh) - 1
    copies = max(1, round(n / per_copy))
    for f in sorted(src.glob("*.csv")):
        with open(f, newline="", encoding="utf-8-sig") as fh:
            rows = list(csv.reader(fh))
        if not rows or "CHILD" not in rows[0]:
            continue
        col = rows[0].index("CHILD")
        with open(where / f.name, "w", newline="") as out:
            w = csv.writer(out)
            w.writerow(rows[0])
            for k in range(copies):
                for r in rows[1:]:
                    r = list(r)
                    r[col] = f"{k}{r[col]}" if k else r[col]
                    w.writerow(r)
    return where


def machine() -> str:
    mem = ""
    try:
        with open("/proc/meminfo") as fh:
            kb = int(fh.readline().split()[1])
            mem = f", {kb / 1024 / 1024:.0f} GiB"
    except OSError:
        pass
    return (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores{mem}, "
        f"Python {platform.python_version()}"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    ap.add_argument("--replicate", action="store_true", help="replicate the validator sample")
    ap.add_argument("--steps", nargs="+", choices=list(STEPS), default=list(STEPS))
    args = ap.parse_args()

    print(f"Machine: {machine()}")
    print(f"{'children':>9}  {'step':<32} {'seconds':>8} {'peak MB':>8} {'x csv parse':>11}")
    tmp = Path(tempfile.mkdtemp(prefix="permanence-bench-"))
    summary = []
    try:
        for n in args.sizes:
            where = tmp / str(n)
            (make_replicated if args.replicate else make_synthetic)(n, where)
            times: dict[str, float] = {}
            for name in ["csv baseline", *[s for s in args.steps if s != "csv baseline"]]:
                r = run_step(STEPS[name], where)
                times[name] = r["seconds"]
                ratio = r["seconds"] / times["csv baseline"]
                print(
                    f"{n:>9,}  {name:<32} {r['seconds']:>8.2f} {r['peak_mb']:>8.0f} {ratio:>11.1f}"
                )
                sys.stdout.flush()
            m = times.get("measures (json)")
            for base in ("pandas notebook (short-term)", "pandas vectorised (short-term)"):
                if m and base in times:
                    summary.append(f"{n:>9,}  measures vs {base}: {times[base] / m:.1f}x as fast")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("\n".join(["", *summary]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

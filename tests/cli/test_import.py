"""`permanence import`: a return into the application's database, twice, from a fresh folder."""

import os
import subprocess
import sys


def run(args, tmp_path, database_url):
    env = {**os.environ, "DATABASE_URL": database_url, "PERMANENCE_DATA_DIR": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-m", "permanence.cli", "import", *map(str, args), "-q"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )


def test_import_twice_into_a_new_sqlite_database(shared, tmp_path):
    sample = shared / "data/ssda903/demand-model-samples"
    url = f"sqlite:///{tmp_path / 'new' / 'permanence.sqlite3'}"  # its folder does not exist yet
    first = run(["--ssda903", sample, "--profile", "bolton"], tmp_path, url)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("820 children added")
    again = run(["--ssda903", sample], tmp_path, url)
    assert again.stdout.startswith("0 children added, 0 updated; 0 episodes added, 0 updated")


def test_a_database_that_cannot_be_reached_is_one_line(shared, tmp_path):
    sample = shared / "data/ssda903/demand-model-samples"
    out = run(["--ssda903", sample], tmp_path, "postgres://nobody@127.0.0.1:1/none")
    assert out.returncode == 2
    assert out.stderr.startswith("permanence: the database could not be used")
    assert len(out.stderr.strip().splitlines()) == 1

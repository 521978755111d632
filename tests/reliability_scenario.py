"""Real builds as separate processes, killed at known points while readers query the result.

One scenario per test session, shared by the publish, concurrency, idempotence, path and
guide tests because full builds are slow:

1. the session's demo build, copied with its build file: the last good warehouse;
2. a build of the same drop folder killed (SIGKILL of the whole process group) between the
   staged copy and its rename: its staged copy is a second build of that folder;
3. three entries added to the drop folder, and two files.csv rows leading out of their
   edition folder (`../` and a symlink);
4. builds killed during raw ingest and during dbt; after each kill, a look at the
   published files;
5. the next full build, while reader processes query the published file read-only.

Run as `python -m tests.reliability_scenario read ...` it is one such reader.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

PROJECT_ROOT = Path(__file__).resolve().parent.parent
GUIDE = PROJECT_ROOT / "docs" / "analysts.md"
BUILD_COMMAND = [
    str(Path(sys.executable).with_name("dagster")),
    *("job", "execute", "-m", "orchestration.definitions", "-j", "build_warehouse"),
]
PAUSED = "podium: paused at "
BUILD_TIMEOUT = 900.0
ADDED_ENTRIES = 3
READERS = 3
PUBLISH_STEP_STARTED = 'Started execution of step "published__warehouse"'
ENTRIES_QUERY = "select count(*) from marts.fct_entries"
# Parallel sums may add floats in another order from build to build (see docs/analysts.md).
FLOAT_TOLERANCE = 1e-9


@dataclass(frozen=True)
class KillPoint:
    """Where a build is killed: a named pause point, or the first log line matching a pattern."""

    name: str
    pause_at: str | None = None
    log_pattern: str | None = None


KILL_POINTS = [
    KillPoint("raw ingest", pause_at="after:raw_entries"),
    KillPoint("dbt", log_pattern=r"OK created sql table model marts\."),
    KillPoint("publishing", pause_at="publish:staged"),
]


# --- the analysts' guide -------------------------------------------------------------------


def guide_section(title: str, text: str | None = None) -> str:
    """The body of the `## title` section of docs/analysts.md."""
    text = GUIDE.read_text(encoding="utf-8") if text is None else text
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    if not match:
        raise LookupError(f"docs/analysts.md has no section '## {title}'")
    return match[1]


def guide_queries() -> list[tuple[str, str]]:
    """(title, sql) of every example query of the guide: each ```sql block under a ### title."""
    queries = []
    for block in re.split(r"^### ", guide_section("Example queries"), flags=re.M)[1:]:
        title, _, body = block.partition("\n")
        queries.extend(
            (title.strip(), sql.strip()) for sql in re.findall(r"```sql\n(.*?)```", body, re.S)
        )
    return queries


def volatile_columns() -> set[str]:
    """The columns the guide lists as changing from build to build (backquoted names)."""
    return set(re.findall(r"^- `(\w+)`", guide_section("Volatile columns"), re.M))


# --- reading a published warehouse ---------------------------------------------------------


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sort_key(row: tuple) -> str:
    """A row order that the last digits of a float cannot change."""
    return repr(tuple(f"{v:.6g}" if isinstance(v, float) else v for v in row))


def _same_value(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=FLOAT_TOLERANCE, abs_tol=FLOAT_TOLERANCE)
    return a == b


def same_rows(a: list[dict], b: list[dict]) -> bool:
    """Equal rows, floats equal to FLOAT_TOLERANCE (the guide explains why)."""
    return len(a) == len(b) and all(
        x.keys() == y.keys() and all(_same_value(x[k], y[k]) for k in x)
        for x, y in zip(a, b, strict=True)
    )


def table_contents(path: Path, schemas: tuple[str, ...], ignore: set[str]) -> dict[str, list]:
    """Every table of the schemas, opened read-only: its rows (as column -> value, in a stable
    order), without the ignored columns."""
    contents = {}
    with duckdb.connect(str(path), read_only=True) as con:
        tables = con.execute(
            "select schema_name, table_name from duckdb_tables() "
            "where list_contains(?, schema_name) order by all",
            [list(schemas)],
        ).fetchall()
        for schema, table in tables:
            columns = [
                name
                for (name,) in con.execute(
                    "select column_name from duckdb_columns() "
                    "where schema_name = ? and table_name = ? order by column_index",
                    [schema, table],
                ).fetchall()
                if name not in ignore
            ]
            # Names from the file's own catalog, quoted: identifiers cannot be parameters.
            select = ", ".join(f'"{c}"' for c in columns)
            rows = con.execute(f'select {select} from "{schema}"."{table}"').fetchall()
            contents[f"{schema}.{table}"] = [
                dict(zip(columns, row, strict=True)) for row in sorted(rows, key=_sort_key)
            ]
    return contents


@dataclass(frozen=True)
class Published:
    """What the published files held at one moment."""

    warehouse_digest: str
    sponsor_digest: str
    marts: dict[str, list]
    sponsor: dict[str, list]
    leftovers: list[str]

    @classmethod
    def read(cls, out_dir: Path) -> Published:
        """Both files' bytes, and their tables without the guide's volatile columns."""
        warehouse, sponsor = out_dir / "podium.duckdb", out_dir / "sponsor.duckdb"
        volatile = volatile_columns()
        return cls(
            warehouse_digest=file_digest(warehouse),
            sponsor_digest=file_digest(sponsor),
            marts=table_contents(warehouse, ("marts", "sponsor"), volatile),
            sponsor=table_contents(sponsor, ("main",), volatile),
            leftovers=sorted(p.name for p in out_dir.iterdir() if p.name.endswith(".publishing")),
        )


# --- a build as a real process -------------------------------------------------------------


def build_env(data_dir: Path, out_dir: Path, pause_at: str | None = None) -> dict[str, str]:
    dagster_home = out_dir.parent / "dagster_home"
    dagster_home.mkdir(parents=True, exist_ok=True)
    (dagster_home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    env = {
        **os.environ,
        "PODIUM_DATA_DIR": str(data_dir),
        "PODIUM_WAREHOUSE": str(out_dir / "podium.duckdb"),
        "PODIUM_SPONSOR_WAREHOUSE": str(out_dir / "sponsor.duckdb"),
        "DAGSTER_HOME": str(dagster_home),
        "DBT_PROFILES_DIR": str(PROJECT_ROOT / "dbt_project"),
        "PYTHONPATH": str(PROJECT_ROOT),
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("PODIUM_PAUSE_AT", None)
    if pause_at:
        env["PODIUM_PAUSE_AT"] = pause_at
    return env


class BuildProcess:
    """`dagster job execute` of build_warehouse in its own process group, logging to a file."""

    def __init__(self, data_dir: Path, out_dir: Path, log: Path, pause_at: str | None = None):
        self.log = log
        with log.open("wb") as handle:
            self.process = subprocess.Popen(
                BUILD_COMMAND,
                cwd=PROJECT_ROOT,
                env=build_env(data_dir, out_dir, pause_at),
                stdin=subprocess.DEVNULL,
                stdout=handle,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, pattern: str, timeout: float = BUILD_TIMEOUT) -> str:
        """Block until a log line matches pattern; fail if the build ends or times out first."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            match = re.search(pattern, self.text())
            if match:
                return match[0]
            if self.process.poll() is not None:
                raise AssertionError(f"build ended before /{pattern}/:\n{self.text()[-3000:]}")
            time.sleep(0.1)
        raise AssertionError(f"no /{pattern}/ within {timeout}s:\n{self.text()[-3000:]}")

    def kill_group(self) -> None:
        """SIGKILL every process of the build (Dagster and the dbt it started), then reap."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=60)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                os.killpg(self.process.pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.1)
        raise AssertionError("processes of the killed build are still running")

    def finish(self, timeout: float = BUILD_TIMEOUT) -> int:
        return self.process.wait(timeout=timeout)


# --- drop-folder growth --------------------------------------------------------------------


def _read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _append_csv(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    data = path.read_bytes()
    with path.open("a", encoding="utf-8", newline="") as handle:
        if data and not data.endswith(b"\n"):
            handle.write("\r\n")
        csv.DictWriter(handle, fieldnames=header).writerows(rows)


def add_entries(edition: Path, count: int) -> list[str]:
    """Add count entries to an edition: copies of its first entry with their cases, files and
    media, under new ids (no scores, so no ranking moves). Returns the new entry ids."""
    header, entries = _read_csv(edition / "entries.csv")
    template = entries[0]
    new_ids = [f"{template['entry_id']}-NEW{n}" for n in range(1, count + 1)]
    _append_csv(edition / "entries.csv", header, [{**template, "entry_id": i} for i in new_ids])
    for table in ("cases", "files"):
        path = edition / f"{table}.csv"
        if not path.exists():
            continue
        header, rows = _read_csv(path)
        own = [row for row in rows if row["entry_id"] == template["entry_id"]]
        added = []
        for new_id in new_ids:
            for row in own:
                copy = {**row, "entry_id": new_id}
                if table == "files" and row.get("path"):
                    source = Path(row["path"])
                    copy["path"] = str(source.with_name(f"{new_id}_{source.name}"))
                    shutil.copyfile(edition / source, edition / copy["path"])
                added.append(copy)
        _append_csv(path, header, added)
    return new_ids


@dataclass(frozen=True)
class HostilePaths:
    """files.csv rows pointing outside their edition folder, at a real recording."""

    listed: dict[str, str]
    outside_sha256: str


def add_hostile_paths(edition: Path, entry_id: str, outside: Path) -> HostilePaths:
    """List, for entry_id's first case, a `../` path and a symlink leading out of the edition
    folder, both to a readable MP3 whose bytes would show in raw.media if it were opened."""
    header, rows = _read_csv(edition / "files.csv")
    own = [row for row in rows if row["entry_id"] == entry_id]
    recording = next(row["path"] for row in own if row.get("path"))
    outside.mkdir(parents=True, exist_ok=True)
    secret = outside / "outside.mp3"
    # Trailing bytes keep it a readable MP3 but give it a hash no listed file has.
    secret.write_bytes((edition / recording).read_bytes() + b"podium: outside the edition")
    shutil.copyfile(secret, edition.parent / "outside.mp3")
    link = Path(recording).with_name(f"{entry_id}_link.mp3")
    (edition / link).symlink_to(secret)
    listed = {
        "../outside.mp3": "climbs out of the edition folder with ..",
        link.as_posix(): "a symlink to a file outside the drop folder",
    }
    template = own[0]
    _append_csv(
        edition / "files.csv",
        header,
        [
            {**template, "interaction_no": str(90 + n), "path": path}
            for n, path in enumerate(listed)
        ],
    )
    return HostilePaths(listed, file_digest(secret))


# --- readers -------------------------------------------------------------------------------


def read_loop(warehouse: Path, queries: Path, stop: Path, out: Path) -> None:
    """Query the published file read-only, one short-lived connection per query, until stop exists.

    Writes one JSON line per query: when, which, whether it failed (with the error), its row
    count, and for the entries count query its value.
    """
    named = json.loads(queries.read_text(encoding="utf-8"))
    with out.open("w", encoding="utf-8") as log:
        while not stop.exists():
            for title, sql in named:
                record = {"t": time.time(), "query": title, "ok": True}
                try:
                    with duckdb.connect(str(warehouse), read_only=True) as con:
                        rows = con.execute(sql).fetchall()
                    record["rows"] = len(rows)
                    if sql == ENTRIES_QUERY:
                        record["value"] = rows[0][0]
                except Exception as error:  # every failure is the finding, whatever its kind
                    record.update(ok=False, error=f"{type(error).__name__}: {error}")
                log.write(json.dumps(record) + "\n")
                log.flush()
            time.sleep(0.05)


@dataclass
class Readers:
    """Reader processes querying a published warehouse in parallel with a build."""

    folder: Path
    processes: list[subprocess.Popen] = field(default_factory=list)

    @property
    def stop_file(self) -> Path:
        return self.folder / "stop"

    def start(self, warehouse: Path, queries: list[tuple[str, str]], count: int) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        query_file = self.folder / "queries.json"
        query_file.write_text(json.dumps(queries), encoding="utf-8")
        for n in range(count):
            self.processes.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "tests.reliability_scenario",
                        "read",
                        *(str(p) for p in (warehouse, query_file, self.stop_file)),
                        str(self.folder / f"reader{n}.jsonl"),
                    ],
                    cwd=PROJECT_ROOT,
                    env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
                )
            )

    def wait_until_querying(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        logs = [self.folder / f"reader{n}.jsonl" for n in range(len(self.processes))]
        while time.monotonic() < deadline:
            if all(p.exists() and p.stat().st_size for p in logs):
                return
            time.sleep(0.1)
        raise AssertionError("readers did not start querying")

    def stop(self) -> list[dict]:
        self.stop_file.touch()
        for process in self.processes:
            process.wait(timeout=120)
        records = []
        for log in sorted(self.folder.glob("reader*.jsonl")):
            records.extend(
                {**json.loads(line), "reader": log.stem} for line in log.read_text().splitlines()
            )
        return records


# --- the scenario --------------------------------------------------------------------------


@dataclass
class Kill:
    """One killed build and what the published files held afterwards."""

    point: KillPoint
    reached: str
    log: str
    staged_at_kill: list[str]
    after: Published


@dataclass
class Scenario:
    data_dir: Path
    out_dir: Path
    last_good: Published
    rebuilt: dict[str, list]
    added_ids: list[str]
    hostile: HostilePaths
    kills: list[Kill]
    leftovers_before_next: list[str]
    next_rc: int
    next_log: str
    started_at: float
    finished_at: float
    reads: list[dict]
    final: Published
    queries: list[tuple[str, str]]


def _staged(out_dir: Path) -> list[str]:
    return sorted(p.name for p in out_dir.iterdir() if p.name.endswith(".publishing"))


def _kill_at(point: KillPoint, data_dir: Path, out_dir: Path, log: Path) -> Kill:
    build = BuildProcess(data_dir, out_dir, log, point.pause_at)
    reached = build.wait_for(
        re.escape(PAUSED + point.pause_at) if point.pause_at else point.log_pattern
    )
    staged = _staged(out_dir)
    build.kill_group()
    return Kill(point, reached, build.text(), staged, Published.read(out_dir))


def run_scenario(demo_data_dir: Path, demo_out_dir: Path, root: Path) -> Scenario:
    """The steps of the module docstring; the last good warehouse is the session's demo build
    (published and build files copied), and the build killed while publishing runs on the
    same drop folder, so its staged copy is a second build of it."""
    data_dir, out_dir = root / "drop", root / "warehouse"
    shutil.copytree(demo_data_dir, data_dir)
    shutil.copytree(demo_out_dir, out_dir)
    last_good = Published.read(out_dir)

    by_name = {point.name: point for point in KILL_POINTS}
    publishing = _kill_at(by_name["publishing"], data_dir, out_dir, root / "kill-publishing.log")
    rebuilt = table_contents(
        out_dir / publishing.staged_at_kill[0], ("marts", "sponsor"), volatile_columns()
    )

    added_ids = add_entries(data_dir / "PCCA-2026", ADDED_ENTRIES)
    hostile = add_hostile_paths(data_dir / "PCCA-2026", added_ids[0], root / "outside")
    kills = [
        _kill_at(by_name[name], data_dir, out_dir, root / f"kill-{name.replace(' ', '-')}.log")
        for name in ("raw ingest", "dbt")
    ]
    kills.append(publishing)
    leftovers = _staged(out_dir)

    queries = [("entries", ENTRIES_QUERY), *guide_queries()]
    readers = Readers(root / "readers")
    readers.start(out_dir / "podium.duckdb", queries, READERS)
    readers.wait_until_querying()
    started_at = time.time()
    following = BuildProcess(data_dir, out_dir, root / "next.log")
    next_rc = following.finish()
    finished_at = time.time()
    time.sleep(2)
    reads = readers.stop()
    return Scenario(
        data_dir=data_dir,
        out_dir=out_dir,
        last_good=last_good,
        rebuilt=rebuilt,
        added_ids=added_ids,
        hostile=hostile,
        kills=kills,
        leftovers_before_next=leftovers,
        next_rc=next_rc,
        next_log=following.text(),
        started_at=started_at,
        finished_at=finished_at,
        reads=reads,
        final=Published.read(out_dir) if next_rc == 0 else last_good,
        queries=queries,
    )


_SCENARIOS: dict[Path, Scenario] = {}


def scenario_for(demo_warehouse, root_factory) -> Scenario:
    """The session's one scenario, run on first use (root_factory makes its folder), starting
    from the session's demo build (conftest's BuiltWarehouse)."""
    if demo_warehouse.data_dir not in _SCENARIOS:
        _SCENARIOS[demo_warehouse.data_dir] = run_scenario(
            demo_warehouse.data_dir, demo_warehouse.warehouse.parent, root_factory()
        )
    return _SCENARIOS[demo_warehouse.data_dir]


if __name__ == "__main__" and sys.argv[1:2] == ["read"]:
    read_loop(*(Path(a) for a in sys.argv[2:6]))

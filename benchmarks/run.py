"""`make bench`: measure Podium at one or more scales and write BENCHMARKS.md.

    python -m benchmarks.run --scales 1000 10000 many [--work bench] [--report BENCHMARKS.md]

For each scale (entries), in one run on the same generated files: media probing
throughput (a bare mutagen loop, ffprobe per file, and the pipeline's probe step: the
raw_media step of the cold build, on a cold probe cache and every core), a cold
build, a re-run with nothing changed, a re-run with 1% of the media files changed, one with
one entry row changed, one with a new edition folder (a copy of the largest as the next
year), the dbt build alone and the dashboards' queries; each step in its own child process, with its
wall time and peak memory. Results go to <work>/results/<entries>.json, and the report is
rendered from every result found there.

The scale `many` is one contest with a hundred editions instead (benchmarks.many_editions:
100 editions of 25 catalog categories, 12,000 entries, no media): a cold build, what its
formal checks ran (benchmarks.checks_census on the build file), Great Expectations alone on
that file (benchmarks.checks_timing; with --one-per-category-checks also with one
expectation per catalog row, as before categories shared them: about an hour more) and a re-run
with nothing changed, into <work>/results/many_editions.json.

Generating a large drop folder takes longer than measuring it: `--generate-only` makes
the folders ahead of time and `--reuse-drop` measures on them (the generation's own cost,
measured when it ran, is still reported).
Results are saved after every step, so a scale cut short keeps what it measured;
`--only dashboard_queries` (after a dashboard change) or `--only build_unchanged` (after a
pipeline change) measures that step again on each scale's last run and keeps the rest.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

from benchmarks import many_editions
from benchmarks.dataset import (
    SEED,
    add_edition,
    change_one_row,
    listed_files,
    modify_fraction,
    write_list,
)
from benchmarks.machine import this_machine
from benchmarks.measure import StepFailed, StepResult, run_step
from benchmarks.report import write_report
from benchmarks.steps import run_seconds, step_seconds
from settings.environment import PROJECT_ROOT, PodiumPaths, dbt_profile_env

FFPROBE_SAMPLE = 200
CHANGED_FRACTION = 0.01
QUERY_REPEATS = 30
# Steps that can be measured again on a scale's last run (--only).
AGAIN = ("dashboard_queries", "build_unchanged")
BIN = Path(sys.executable).parent
DAGSTER_JOB = ("-m", "orchestration.definitions", "-j", "build_warehouse")
# The scale of one contest's many editions (--scales many), and its results' name.
MANY = "many"
MANY_NAME = "many_editions"
# Folders whose uncommitted changes a result notes: the code it measured.
CODE_FOLDERS = ("benchmarks", "dbt_project", "expectations", "ingest", "orchestration")


def scale_arg(text: str) -> int | str:
    """A scale of --scales: entries, or `many` for the many-editions contest."""
    if text == MANY:
        return MANY
    try:
        return int(text)
    except ValueError:
        message = f"{text!r} is neither a number of entries nor {MANY!r}"
        raise argparse.ArgumentTypeError(message) from None


class ScaleRun:
    """The folders and environment of one scale's benchmark, under <work>/<name>/.

    name is the entries target for a scale of the demo's editions (e.g. 10000), or
    many_editions.
    """

    def __init__(self, work: Path, entries: int, name: str | None = None) -> None:
        self.entries = entries
        self.name = name or str(entries)
        self.root = work / self.name
        # Rewritten after every step: a long scale cut short keeps what it measured.
        self.results_file = work / "results" / f"{self.name}.json"
        self.summary: dict = {"entries_target": entries}
        self.drop = self.root / "drop"
        self.warehouse = self.root / "warehouse" / "podium.duckdb"
        self.sponsor = self.root / "warehouse" / "sponsor.duckdb"
        self.dagster_home = self.root / "dagster_home"
        self.logs = self.root / "logs"
        # Present while the drop folder is exactly as generated, with the generation's cost.
        self.pristine = self.root / "generated.json"
        self.steps: dict[str, StepResult] = {}

    def env(self, **extra: str) -> dict[str, str]:
        # Every step starts Python afresh; with bytecode writing off (some sandboxes set
        # this) each start compiles ~1,100 modules again, which no ordinary install does.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(
            PODIUM_DATA_DIR=str(self.drop),
            PODIUM_WAREHOUSE=str(self.warehouse),
            PODIUM_SPONSOR_WAREHOUSE=str(self.sponsor),
            DAGSTER_HOME=str(self.dagster_home),
            DBT_PROFILES_DIR=str(PROJECT_ROOT / "dbt_project"),
            PYTHONPATH=str(PROJECT_ROOT),
            PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}",
        )
        env.update(extra)
        return env

    @property
    def build_db(self) -> Path:
        """The pipeline's private build file of this scale."""
        return PodiumPaths(self.drop, self.warehouse, self.sponsor).build_db

    def step(self, name: str, argv: list[str], **extra_env: str) -> StepResult:
        print(f"[{self.name}] {name} ...", flush=True)
        log = self.logs / f"{name}.log"
        try:
            result = run_step(name, argv, self.env(**extra_env), log, PROJECT_ROOT)
        except StepFailed:
            # Kept in the results, so the report says what failed and why.
            self.summary["failed"] = {"step": name, "log": str(log), "why": failure_lines(log)}
            self.save()
            raise
        self.summary.pop("failed", None)
        print(f"[{self.name}] {name}: {result.seconds:.1f} s", flush=True)
        self.steps[name] = result
        self.save()
        return result

    def save(self) -> None:
        result = {
            **self.summary,
            "load_after": list(this_machine().load_average),
            "steps": {name: asdict(step) for name, step in self.steps.items()},
        }
        self.results_file.parent.mkdir(parents=True, exist_ok=True)
        self.results_file.write_text(json.dumps(result, indent=2))

    def load(self) -> None:
        """Take up the results a previous run of this scale saved."""
        saved = json.loads(self.results_file.read_text())
        self.steps = {name: StepResult(**step) for name, step in saved.pop("steps").items()}
        saved.pop("load_after", None)
        self.summary = saved

    def time_dashboard_queries(self) -> StepResult:
        return self.python(
            "dashboard_queries",
            "benchmarks.queries",
            str(self.warehouse),
            str(self.sponsor),
            "--repeats",
            str(QUERY_REPEATS),
        )

    def python(self, name: str, module: str, *args: str) -> StepResult:
        return self.step(name, [str(BIN / "python"), "-m", module, *args])

    def build(self, name: str) -> StepResult:
        result = self.step(
            name,
            [str(BIN / "dagster"), "job", "execute", *DAGSTER_JOB],
        )
        log = self.logs / f"{name}.log"
        result.reported = {"steps": step_seconds(log), "run_seconds": run_seconds(log)}
        self.save()
        return result


def scale_run(work: Path, entries: int | str) -> ScaleRun:
    """The run of a scale of --scales: entries, or the many-editions contest."""
    if entries == MANY:
        return ScaleRun(work, many_editions.ENTRIES, MANY_NAME)
    return ScaleRun(work, int(entries))


FAILURE_LINE = re.compile(r"Failure in |ERROR=\d|Error in |Exception: |Error: ")


def failure_lines(log: Path, limit: int = 8) -> list[str]:
    """The lines of a failed step's log that say why: dbt's failures with the two lines after
    each (the failing test's message), the exception."""
    if not log.is_file():
        return []
    lines = [
        re.sub(r"\x1b\[[0-9;]*m", "", line).strip()
        for line in log.read_text(errors="replace").splitlines()
    ]
    found: list[str] = []
    for number, line in enumerate(lines):
        if not FAILURE_LINE.search(line):
            continue
        following = [x for x in lines[number + 1 : number + 4] if x][:2]
        context = following if line.startswith("Failure in ") else []
        for kept in (line, *context):
            if kept[:300] not in found:
                found.append(kept[:300])
    return found[:limit]


def _warm_page_cache(pairs: list[tuple[Path, str]]) -> None:
    # Every method then reads the files from memory, as the generator just wrote them.
    for folder, relative in pairs:
        path = folder / relative
        if path.is_file():
            path.read_bytes()


def prepare_drop_folder(run: ScaleRun, reuse: bool) -> StepResult:
    """Generate the scale's drop folder, or take the pristine one a previous call left.

    A scale's drop folder comes from the demo generator (benchmarks.dataset); the
    many-editions one from benchmarks.many_editions.
    """
    if reuse and run.pristine.is_file() and run.drop.is_dir():
        for child in run.root.iterdir():
            if child in (run.drop, run.pristine):
                continue
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()
        return StepResult(**json.loads(run.pristine.read_text()))
    if run.root.exists():
        shutil.rmtree(run.root)
    run.root.mkdir(parents=True)
    if run.name == MANY_NAME:
        generated = run.python("generate", "benchmarks.many_editions", str(run.drop))
    else:
        generated = run.python(
            "generate", "benchmarks.dataset", str(run.drop), "--entries", str(run.entries)
        )
    run.pristine.write_text(json.dumps(asdict(generated)))
    return generated


def run_scale(work: Path, entries: int, reuse: bool) -> None:
    """Every measurement at one scale, in order, on the same drop folder."""
    run = ScaleRun(work, entries)
    generated = prepare_drop_folder(run, reuse)
    # A reused folder's generation was measured when it ran: reported as that step.
    run.steps["generate"] = generated
    pairs = listed_files(run.drop)
    all_list, sample_list = run.root / "files.tsv", run.root / "ffprobe_sample.tsv"
    write_list(pairs, all_list)
    sample = sorted(random.Random(SEED).sample(pairs, min(FFPROBE_SAMPLE, len(pairs))))
    write_list(sample, sample_list)
    run.summary.update(
        machine=this_machine().as_dict(),
        dataset=generated.reported,
        probed_files=len(pairs),
        ffprobe_sample=len(sample),
        code=code_state(),
    )
    _warm_page_cache(pairs)
    run.python("probe_mutagen", "benchmarks.probe", "mutagen", str(all_list))
    run.python("probe_ffprobe", "benchmarks.probe", "ffprobe", str(sample_list))

    run.dagster_home.mkdir(parents=True)
    run.build("build_cold")
    run.build("build_unchanged")
    run.pristine.unlink()  # the drop folder is about to change: never reuse it
    run.summary["changed_files"] = modify_fraction(pairs, CHANGED_FRACTION, SEED)
    run.build("build_1pct_changed")
    run.summary["row_changed_in"] = change_one_row(run.drop)
    run.build("build_row_changed")
    run.summary["edition_added"] = add_edition(run.drop)
    run.build("build_edition_added")
    run.step(
        "dbt_build",
        [
            str(BIN / "dbt"),
            "build",
            "--project-dir",
            str(PROJECT_ROOT / "dbt_project"),
            "--target-path",
            str(run.root / "dbt_target"),
            "--log-path",
            str(run.logs),
        ],
        **dbt_profile_env(run.build_db),
    )
    run.time_dashboard_queries()


def _git(*args: str) -> str:
    try:
        done = subprocess.run(
            ["git", *args], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return ""
    return done.stdout.strip()


def code_state() -> dict:
    """The commit measured, and the files of the pipeline changed since it (read-only git)."""
    changed = _git("status", "--porcelain", "--", *CODE_FOLDERS).splitlines()
    return {
        "commit": _git("rev-parse", "--short", "HEAD") or "unknown",
        "uncommitted": sorted(line[3:] for line in changed),
    }


def run_many_editions(work: Path, reuse: bool, one_per_category: bool = False) -> None:
    """One contest of a hundred editions: cold build, what its checks ran, no-change re-run."""
    run = scale_run(work, MANY)
    generated = prepare_drop_folder(run, reuse)
    run.steps["generate"] = generated
    run.summary.update(
        kind=MANY_NAME,
        machine=this_machine().as_dict(),
        dataset=generated.reported,
        code=code_state(),
    )
    run.save()
    run.dagster_home.mkdir(parents=True)
    run.build("build_cold")
    # Read-only on the build file the cold build left, before anything runs again.
    run.python(
        "checks_census", "benchmarks.checks_census", str(run.build_db),
        "--contest", many_editions.CONTEST,
    )  # fmt: skip
    run.python("checks_shared", "benchmarks.checks_timing", str(run.build_db))
    if one_per_category:
        run.python(
            "checks_one_per_category", "benchmarks.checks_timing", str(run.build_db),
            "--one-per-category",
        )  # fmt: skip
    run.build("build_unchanged")


def measure_again(work: Path, entries: int | str, step: str) -> None:
    """Measure one step again on what a previous run of the scale left, keeping the rest.

    dashboard_queries: the dashboards' queries on the published warehouse (after a
    dashboard change); build_unchanged: the job once more on the drop folder and build file
    as they are, with nothing changed since the last build (after a pipeline change).
    """
    run = scale_run(work, entries)
    run.load()
    if step == "dashboard_queries":
        run.time_dashboard_queries()
    else:
        run.build(step)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--scales",
        type=scale_arg,
        nargs="+",
        default=[1000],
        help=f"entries per scale, or {MANY!r}: one contest of 100 editions",
    )
    parser.add_argument("--work", type=Path, default=PROJECT_ROOT / "bench")
    parser.add_argument("--report", type=Path, default=PROJECT_ROOT / "BENCHMARKS.md")
    parser.add_argument(
        "--generate-only",
        action="store_true",
        help="only generate the drop folders, to measure them later with --reuse-drop",
    )
    parser.add_argument(
        "--only",
        choices=AGAIN,
        help="measure this step again on each scale's last run, keeping its other results",
    )
    parser.add_argument(
        "--one-per-category-checks",
        action="store_true",
        help="many editions: also time GX with one expectation per catalog row (~1 h)",
    )
    parser.add_argument(
        "--reuse-drop",
        action="store_true",
        help="measure on a drop folder left unchanged by --generate-only, if there is one",
    )
    args = parser.parse_args()
    if args.generate_only:
        for entries in args.scales:
            prepare_drop_folder(scale_run(args.work, entries), reuse=True)
        return
    probing = any(entries != MANY for entries in args.scales)
    if probing and not args.only and shutil.which("ffprobe") is None:
        sys.exit("ffprobe is missing: install Debian's ffmpeg (make bench does it as root)")
    for entries in args.scales:
        if args.only:
            if entries == MANY and args.only == "dashboard_queries":
                sys.exit("the many-editions scale measures builds only")
            measure_again(args.work, entries, args.only)
        elif entries == MANY:
            run_many_editions(args.work, args.reuse_drop, args.one_per_category_checks)
        else:
            run_scale(args.work, entries, args.reuse_drop)
        write_report(args.work / "results", args.report)
        print(f"wrote {args.report}")


if __name__ == "__main__":
    main()

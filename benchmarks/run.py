"""`make bench`: measure Podium at one or more scales and write BENCHMARKS.md.

    python -m benchmarks.run --scales 1000 10000 [--work bench] [--report BENCHMARKS.md]

For each scale (entries), in one run on the same generated files: media probing
throughput (a bare mutagen loop, ffprobe per file, and the pipeline's probe step: the
raw_media step of the cold build, on a cold probe cache and every core), a cold
build, a re-run with nothing changed, a re-run with 1% of the media files changed, the
dbt build alone and the dashboards' queries; each step in its own child process, with its
wall time and peak memory. Results go to <work>/results/<entries>.json, and the report is
rendered from every result found there.

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
import shutil
import sys
from dataclasses import asdict
from pathlib import Path

from benchmarks.dataset import SEED, listed_files, modify_fraction, write_list
from benchmarks.machine import this_machine
from benchmarks.measure import StepResult, run_step
from benchmarks.report import write_report
from benchmarks.steps import step_seconds
from orchestration.settings import PROJECT_ROOT

FFPROBE_SAMPLE = 200
CHANGED_FRACTION = 0.01
QUERY_REPEATS = 30
# Steps that can be measured again on a scale's last run (--only).
AGAIN = ("dashboard_queries", "build_unchanged")
BIN = Path(sys.executable).parent
DAGSTER_JOB = ("-m", "orchestration.definitions", "-j", "build_warehouse")


class ScaleRun:
    """The folders and environment of one scale's benchmark, under <work>/<entries>/."""

    def __init__(self, work: Path, entries: int) -> None:
        self.entries = entries
        self.root = work / str(entries)
        # Rewritten after every step: a long scale cut short keeps what it measured.
        self.results_file = work / "results" / f"{entries}.json"
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

    def step(self, name: str, argv: list[str], **extra_env: str) -> StepResult:
        print(f"[{self.entries} entries] {name} ...", flush=True)
        result = run_step(
            name, argv, self.env(**extra_env), self.logs / f"{name}.log", PROJECT_ROOT
        )
        print(f"[{self.entries} entries] {name}: {result.seconds:.1f} s", flush=True)
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
        result.reported = {"steps": step_seconds(self.logs / f"{name}.log")}
        self.save()
        return result


def _warm_page_cache(pairs: list[tuple[Path, str]]) -> None:
    # Every method then reads the files from memory, as the generator just wrote them.
    for folder, relative in pairs:
        path = folder / relative
        if path.is_file():
            path.read_bytes()


def prepare_drop_folder(run: ScaleRun, reuse: bool) -> StepResult:
    """Generate the scale's drop folder, or take the pristine one a previous call left."""
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
        PODIUM_BUILD_DB=str(run.warehouse.parent / ".build" / "podium.duckdb"),
    )
    run.time_dashboard_queries()


def measure_again(work: Path, entries: int, step: str) -> None:
    """Measure one step again on what a previous run of the scale left, keeping the rest.

    dashboard_queries: the dashboards' queries on the published warehouse (after a
    dashboard change); build_unchanged: the job once more on the drop folder and build file
    as they are, with nothing changed since the last build (after a pipeline change).
    """
    run = ScaleRun(work, entries)
    run.load()
    if step == "dashboard_queries":
        run.time_dashboard_queries()
    else:
        run.build(step)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scales", type=int, nargs="+", default=[1000])
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
        "--reuse-drop",
        action="store_true",
        help="measure on a drop folder left unchanged by --generate-only, if there is one",
    )
    args = parser.parse_args()
    if args.generate_only:
        for entries in args.scales:
            prepare_drop_folder(ScaleRun(args.work, entries), reuse=True)
        return
    if shutil.which("ffprobe") is None:
        sys.exit("ffprobe is missing: install Debian's ffmpeg (make bench does it as root)")
    for entries in args.scales:
        if args.only:
            measure_again(args.work, entries, args.only)
        else:
            run_scale(args.work, entries, args.reuse_drop)
        write_report(args.work / "results", args.report)
        print(f"wrote {args.report}")


if __name__ == "__main__":
    main()

"""Render BENCHMARKS.md from the per-scale result files: ratios first, absolute times after.

Only the part between the two markers is generated; the text around it is kept, so the
explanations written by hand survive a new run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

START = "<!-- bench:results:start -->"
END = "<!-- bench:results:end -->"
MIB = 1024**2
MISSING = "n/a"
LARGE_SCALE = 100_000
PIPELINE_STEPS = (
    "build_cold",
    "build_unchanged",
    "build_1pct_changed",
    "dbt_build",
    "dashboard_queries",
)
PROBE_STEP = "raw_media"
DBT_STEPS = ("podium_dbt_models", "podium_dbt_checked_models")
CHECKS_STEP = "formal_checks"


@dataclass(frozen=True)
class Target:
    """A target of the benchmark issue: a ratio or a limit, at least or at most."""

    label: str
    limit: float
    at_least: bool
    unit: str
    only_at_large_scale: bool = False

    def verdict(self, value: float | None, entries: int) -> str:
        if value is None:
            return "not measured"
        shown = _fmt(value, self.unit)
        if self.only_at_large_scale and entries < LARGE_SCALE:
            return f"{shown} (target applies at 100k)"
        met = value >= self.limit if self.at_least else value < self.limit
        if met:
            return f"{shown} ✅"
        if self.at_least:
            return f"{shown} ❌ {1 - value / self.limit:.0%} short"
        return f"{shown} ❌ {value / self.limit:.1f}x the limit"


def _fmt(value: float, unit: str) -> str:
    if unit == "x":
        return f"{value:.1f}x" if value < 100 else f"{value:.0f}x"
    if unit == "%":
        return f"{value:.0%}"
    if unit == "ms":
        return f"{value:.0f} ms" if value >= 10 else f"{value:.1f} ms"
    if unit == "MiB":
        return f"{value / MIB:,.0f} MiB"
    return f"{value:g}"


TARGETS = {
    "vs_mutagen": Target("probe step / bare mutagen loop", 1.5, True, "x"),
    "vs_ffprobe": Target("probe step / ffprobe per file", 50, True, "x"),
    "unchanged": Target("no-change re-run / cold build", 0.10, False, "%"),
    "query_p95": Target("heaviest dashboard query, p95", 200, False, "ms", True),
    "peak_memory": Target("peak memory of any step", 2 * 1024**3, False, "MiB", True),
}


class ScaleResult:
    """One scale's result file, with the figures the tables need."""

    def __init__(self, data: dict) -> None:
        self.data = data
        self.steps = data["steps"]
        self.entries = data["dataset"]["entries"]

    def seconds(self, step: str) -> float | None:
        return self.steps[step]["seconds"] if step in self.steps else None

    def rate(self, step: str) -> float | None:
        if step == "probe_pipeline":
            seconds = self.inner("build_cold", PROBE_STEP)
            return self.data["probed_files"] / seconds if seconds else None
        return self.steps.get(step, {}).get("reported", {}).get("files_per_second")

    def inner(self, build: str, *steps: str) -> float | None:
        """Seconds the build spent in the named steps (summed), from its Dagster log."""
        reported = self.steps.get(build, {}).get("reported", {}).get("steps", {})
        found = [reported[step] for step in steps if step in reported]
        return sum(found) if found else None

    def queries(self) -> list[dict]:
        return self.steps.get("dashboard_queries", {}).get("reported", {}).get("queries", [])

    def ratios(self) -> dict[str, float | None]:
        pipeline, bare, ffprobe = (
            self.rate(s) for s in ("probe_pipeline", "probe_mutagen", "probe_ffprobe")
        )
        cold, unchanged = self.seconds("build_cold"), self.seconds("build_unchanged")
        queries = self.queries()
        memory = [
            self.steps[s]["peak_tree_bytes"]
            for s in PIPELINE_STEPS
            if self.steps.get(s, {}).get("peak_tree_bytes") is not None
        ]
        return {
            "vs_mutagen": pipeline / bare if pipeline and bare else None,
            "vs_ffprobe": pipeline / ffprobe if pipeline and ffprobe else None,
            "unchanged": unchanged / cold if cold and unchanged else None,
            "query_p95": max(q["p95_ms"] for q in queries) if queries else None,
            "peak_memory": max(memory) if memory else None,
        }


def _seconds(value: float | None) -> str:
    if value is None:
        return MISSING
    return f"{value:.2f} s" if value < 10 else f"{value:,.0f} s"


def _rate(value: float | None) -> str:
    if value is None:
        return MISSING
    return f"{value:.1f}" if value < 10 else f"{value:,.0f}"


def _scale_label(r: ScaleResult) -> str:
    d = r.data["dataset"]
    label = f"{d['entries']:,} entries, {d['listed_files']:,} files, {d['editions']} editions"
    # Results from before the short-media drop folders did not measure the disk.
    if "disk_bytes" in d:
        label += f", {d['disk_bytes'] / 1024**3:.1f} GiB"
    return label


def _machine(results: list[ScaleResult]) -> list[str]:
    lines = [
        "| scale | measured at | CPU | cores | RAM | load average before → after |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        m = r.data["machine"]
        before = ", ".join(f"{x:.2f}" for x in m["load_average"])
        after = ", ".join(f"{x:.2f}" for x in r.data["load_after"])
        lines.append(
            f"| {r.entries:,} | {m['measured_at']} | {m['cpu_model']} | {m['cores']} "
            f"| {m['ram_gib']} GiB | {before} → {after} |"
        )
    return lines


def _ratios(results: list[ScaleResult]) -> list[str]:
    header = " | ".join(
        f"{t.label} ({'≥' if t.at_least else '<'} {_fmt(t.limit, t.unit)})"
        for t in TARGETS.values()
    )
    lines = [
        f"| scale | {header} | 1%-changed re-run / cold build |",
        "|---|" + "---|" * (len(TARGETS) + 1),
    ]
    for r in results:
        ratios = r.ratios()
        cells = " | ".join(t.verdict(ratios[k], r.entries) for k, t in TARGETS.items())
        cold, changed = r.seconds("build_cold"), r.seconds("build_1pct_changed")
        share = f"{changed / cold:.0%}" if cold and changed else MISSING
        lines.append(f"| {_scale_label(r)} | {cells} | {share} |")
    return lines


def _absolute(results: list[ScaleResult]) -> list[str]:
    lines = [
        "| entries | generate drop folder | probe step, cold (files/s) "
        "| bare mutagen loop (files/s) "
        "| ffprobe per file (files/s, sample) | cold build | no-change re-run | 1%-changed re-run "
        "| raw_media step: cold / no-change / 1% | dbt in the cold build "
        "| formal checks (GX) in the cold build | dbt build alone |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        media = " / ".join(
            _seconds(r.inner(b, PROBE_STEP))
            for b in ("build_cold", "build_unchanged", "build_1pct_changed")
        )
        lines.append(
            f"| {r.entries:,} | {_seconds(r.seconds('generate'))} "
            f"| {_rate(r.rate('probe_pipeline'))} | {_rate(r.rate('probe_mutagen'))} "
            f"| {_rate(r.rate('probe_ffprobe'))} ({r.data['ffprobe_sample']} files) "
            f"| {_seconds(r.seconds('build_cold'))} | {_seconds(r.seconds('build_unchanged'))} "
            f"| {_seconds(r.seconds('build_1pct_changed'))} "
            f"({r.data.get('changed_files', MISSING)} files) "
            f"| {media} | {_seconds(r.inner('build_cold', *DBT_STEPS))} "
            f"| {_seconds(r.inner('build_cold', CHECKS_STEP))} "
            f"| {_seconds(r.seconds('dbt_build'))} |"
        )
    return lines


def _memory(results: list[ScaleResult]) -> list[str]:
    names = [n for n in ("generate", "probe_mutagen", "probe_ffprobe", *PIPELINE_STEPS)]
    lines = ["| entries | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for r in results:
        cells = []
        for name in names:
            step = r.steps.get(name)
            cells.append(
                MISSING
                if step is None or step["peak_tree_bytes"] is None
                else f"{step['peak_tree_bytes'] / MIB:,.0f} "
                f"({step['peak_process_bytes'] / MIB:,.0f})"
            )
        lines.append(f"| {r.entries:,} | " + " | ".join(cells) + " |")
    return lines


def _ms(value: float | None) -> str:
    return MISSING if value is None else _fmt(value, "ms")


def _queries(results: list[ScaleResult]) -> list[str]:
    lines = [
        "| entries | script | query | rows | p50 | p95 | max "
        "| first after opening: p50 | first after opening: p95 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        for q in r.queries():
            sql = q["sql"] if len(q["sql"]) <= 120 else q["sql"][:117] + "..."
            sql = sql.replace("|", "\\|")
            # Results measured before the connection was kept open have no first-open figures.
            lines.append(
                f"| {r.entries:,} | {q['script']} | `{sql}` | {q['rows']:,} "
                f"| {_ms(q['p50_ms'])} | {_ms(q['p95_ms'])} | {_ms(q['max_ms'])} "
                f"| {_ms(q.get('first_open_p50_ms'))} | {_ms(q.get('first_open_p95_ms'))} |"
            )
    return lines


def render(results: list[ScaleResult]) -> str:
    sections = [
        START,
        "",
        "### Machine",
        "",
        *_machine(results),
        "",
        "### Ratios, against the targets",
        "",
        *_ratios(results),
        "",
        "### Absolute times",
        "",
        *_absolute(results),
        "",
        "### Peak memory of each step, MiB: whole process tree (largest single process)",
        "",
        *_memory(results),
        "",
        "### Dashboard queries, slowest first",
        "",
        "p50/p95/max: a dashboard's cache miss (a cursor on the kept read-only connection, "
        "execute, fetch a DataFrame); first after opening: the same query when the file must "
        "be opened first (after a publish or a server start).",
        "",
        *_queries(results),
        "",
        END,
    ]
    return "\n".join(sections)


def load_results(results_dir: Path) -> list[ScaleResult]:
    results = [ScaleResult(json.loads(p.read_text())) for p in results_dir.glob("*.json")]
    return sorted(results, key=lambda r: r.entries)


def write_report(results_dir: Path, report: Path) -> None:
    """Replace the generated part of the report (or create the report around it)."""
    generated = render(load_results(results_dir))
    if report.exists() and START in (text := report.read_text(encoding="utf-8")) and END in text:
        before, rest = text.split(START, 1)
        after = rest.split(END, 1)[1]
        report.write_text(before + generated + after, encoding="utf-8")
    else:
        report.write_text(f"# Benchmarks\n\n{generated}\n", encoding="utf-8")

"""Render BENCHMARKS.md from the per-scale result files: ratios first, absolute times after.

Only the part between the two markers is generated; the text around it is kept, so the
explanations written by hand survive a new run. A scale with no result file (bench/ is
gitignored: another machine, a cleaned work folder) keeps its rows of the previous report,
so measuring one scale never erases the others; the report says which rows were kept.

The many-editions scale (benchmarks.many_editions) has tables of its own, with its cold
build set against the latest 10,000-entry cold build: a fresh result if there is one, else
the row the previous report kept.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
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
MANY_KIND = "many_editions"
# The many-editions cold build against the 10,000-entry one (3 editions): at most twice.
MANY_REFERENCE_SCALE = 10_000
MANY_LIMIT = 2.0
SCALE_CELL = re.compile(r"^\|\s*([\d,]+)[\s|]")


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
    if unit == "s":
        return f"{value:g} s"
    return f"{value:g}"


TARGETS = {
    "vs_mutagen": Target("probe step / bare mutagen loop", 1.5, True, "x"),
    "vs_ffprobe": Target("probe step / ffprobe per file", 50, True, "x"),
    "unchanged": Target("no-change re-run / cold build", 0.10, False, "%"),
    "query_p95": Target("heaviest dashboard query, p95", 200, False, "ms", True),
    "peak_memory": Target("peak memory of any step", 2 * 1024**3, False, "MiB", True),
}


def scale_bucket(entries: int) -> int:
    """The scale a count of entries belongs to: the nearest power of ten (10,080 -> 10,000)."""
    return 10 ** round(math.log10(max(entries, 1)))


class ScaleResult:
    """One scale's result file, with the figures the tables need."""

    def __init__(self, data: dict) -> None:
        self.data = data
        self.steps = data["steps"]
        self.entries = data["dataset"]["entries"]
        self.bucket = scale_bucket(data.get("entries_target") or self.entries)

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

    def in_job(self, build: str) -> float | None:
        """Seconds from the run's start to its end, from its Dagster log."""
        return self.steps.get(build, {}).get("reported", {}).get("run_seconds")

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


# The fast-builds issue: seconds inside the job at the demo's scale, shares of the cold build
# at 100,000 entries.
DEMO_SCALE = 1_000
FAST_SECONDS = {
    "build_cold": Target("cold", 20, False, "s"),
    "build_unchanged": Target("nothing changed", 5, False, "s"),
    "build_row_changed": Target("one entry row changed", 10, False, "s"),
}
FAST_SHARES = {
    "build_unchanged": Target("nothing changed / cold", 0.05, False, "%", True),
    "build_1pct_changed": Target("1% of media files changed / cold", 0.15, False, "%", True),
    "build_edition_added": Target("one edition folder added / cold", 0.20, False, "%", True),
}


def _in_job(r: ScaleResult, build: str) -> str:
    seconds = r.in_job(build)
    if build in FAST_SECONDS and r.entries < DEMO_SCALE:
        return FAST_SECONDS[build].verdict(seconds, r.entries)
    return _seconds(seconds)


def _fast(results: list[ScaleResult]) -> list[str]:
    builds = ("build_cold", "build_unchanged", "build_row_changed", "build_1pct_changed")
    seconds = " | ".join(
        f"{FAST_SECONDS[b].label} (< {FAST_SECONDS[b].limit:g} s at demo scale)"
        if b in FAST_SECONDS
        else "1% of media files changed"
        for b in builds
    )
    shares = " | ".join(f"{t.label} (< {t.limit:.0%} at 100k)" for t in FAST_SHARES.values())
    lines = [
        f"| entries | {seconds} | one edition folder added | {shares} |",
        "|---|" + "---|" * (len(builds) + 1 + len(FAST_SHARES)),
    ]
    for r in results:
        cold = r.in_job("build_cold")
        ratios = [
            t.verdict(r.in_job(b) / cold if cold and r.in_job(b) else None, r.entries)
            for b, t in FAST_SHARES.items()
        ]
        cells = [_in_job(r, b) for b in builds] + [_seconds(r.in_job("build_edition_added"))]
        lines.append(f"| {r.entries:,} | {' | '.join(cells + ratios)} |")
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


Tables = dict[str, tuple[str, list[str]]]  # section title -> (header row, body rows)
MACHINE, RATIOS, ABSOLUTE, MEMORY, QUERIES = (
    "Machine",
    "Ratios, against the targets",
    "Absolute times",
    "Peak memory of each step, MiB: whole process tree (largest single process)",
    "Dashboard queries, slowest first",
)
FAST = "Fast builds: seconds inside the job, and shares of the cold build"
MANY_TIMES = "Many editions: one contest, a century of editions"
MANY_CHECKS = "Many editions: what the formal checks ran"


def _row_bucket(row: str) -> int | None:
    match = SCALE_CELL.match(row)
    return scale_bucket(int(match[1].replace(",", ""))) if match else None


def previous_tables(text: str) -> Tables:
    """The tables of a report's generated part, by section title."""
    if START not in text or END not in text:
        return {}
    generated = text.split(START, 1)[1].split(END, 1)[0]
    tables: Tables = {}
    title = None
    for line in generated.splitlines():
        if line.startswith("### "):
            title = line[4:].strip()
        elif line.startswith("|") and title is not None:
            if title not in tables:
                tables[title] = (line, [])
            elif not set(line) <= set("|-: "):
                tables[title][1].append(line)
    return tables


def _kept_rows(previous: Tables, title: str, header: str, fresh: set[int]) -> list[str]:
    """Rows of the previous report's table for scales with no fresh result (same columns)."""
    old = previous.get(title)
    if old is None or old[0] != header:
        return []
    return [row for row in old[1] if (b := _row_bucket(row)) is not None and b not in fresh]


def _merged(title: str, lines: list[str], previous: Tables, fresh: set[int]) -> list[str]:
    rows = lines[2:] + _kept_rows(previous, title, lines[0], fresh)
    # Stable: a scale's own rows keep their order (queries are sorted slowest first).
    return [*lines[:2], *sorted(rows, key=lambda row: _row_bucket(row) or 0)]


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def _cell(previous: Tables, title: str, row: str, column: str) -> str | None:
    names = _cells(previous[title][0])
    return _cells(row)[names.index(column)] if column in names else None


@dataclass(frozen=True)
class Reference:
    """The 10,000-entry cold build the many-editions cold build is compared with."""

    entries: int
    cold_seconds: float
    measured_at: str
    fresh: bool
    editions: int | None = None

    def describe(self) -> str:
        where = (
            "its result file in bench/results/"
            if self.fresh
            else "a row kept from the previous report (no result file of that scale here)"
        )
        editions = f"{self.editions} editions" if self.editions else "the demo's editions"
        return (
            f"the {self.entries:,}-entry cold build ({editions}, with their media files), "
            f"{_seconds(self.cold_seconds)}, measured {self.measured_at}, from {where}"
        )


def _parse_seconds(text: str) -> float | None:
    match = re.fullmatch(r"([\d,.]+) s", text.strip())
    return float(match[1].replace(",", "")) if match else None


def reference_build(results: list[ScaleResult], previous: Tables) -> Reference | None:
    """The latest 10,000-entry cold build: a fresh result, else the previous report's row."""
    fresh = [r for r in results if r.bucket == MANY_REFERENCE_SCALE and r.seconds("build_cold")]
    if fresh:
        r = max(fresh, key=lambda r: r.data["machine"]["measured_at"])
        measured_at = r.data["machine"]["measured_at"]
        editions = r.data["dataset"].get("editions")
        return Reference(r.entries, r.seconds("build_cold"), measured_at, True, editions)
    if ABSOLUTE not in previous or MACHINE not in previous:
        return None
    absolute = [r for r in previous[ABSOLUTE][1] if _row_bucket(r) == MANY_REFERENCE_SCALE]
    machine = [r for r in previous[MACHINE][1] if _row_bucket(r) == MANY_REFERENCE_SCALE]
    if not absolute:
        return None
    seconds = _parse_seconds(_cell(previous, ABSOLUTE, absolute[0], "cold build") or "")
    if seconds is None:
        return None
    measured = _cell(previous, MACHINE, machine[0], "measured at") if machine else None
    entries = int(_cells(absolute[0])[0].replace(",", ""))
    ratios = [
        r for r in previous.get(RATIOS, ("", []))[1] if _row_bucket(r) == MANY_REFERENCE_SCALE
    ]
    found = re.search(r"(\d+) editions", _cells(ratios[0])[0]) if ratios else None
    editions = int(found[1]) if found else None
    return Reference(entries, seconds, measured or "at an unknown time", False, editions)


class ManyEditionsResult:
    """The many-editions scale's result file (benchmarks.run --scales many)."""

    def __init__(self, data: dict) -> None:
        self.data = data
        self.steps = data["steps"]
        self.dataset = data["dataset"]
        self.census = self.steps.get("checks_census", {}).get("reported", {})

    def seconds(self, step: str) -> float | None:
        return self.steps[step]["seconds"] if step in self.steps else None

    def inner(self, build: str, keep: Callable[[str], bool]) -> float | None:
        reported = self.steps.get(build, {}).get("reported", {}).get("steps", {})
        found = [seconds for step, seconds in reported.items() if keep(step)]
        return sum(found) if found else None

    def label(self) -> str:
        d = self.dataset
        return (
            f"{d['contest']} {d['first_year']}-{d['last_year']}: {d['editions']} editions of "
            f"{d['categories_per_edition']} categories ({d['catalog_categories']:,} catalog "
            f"rows), {d['entries']:,} entries, the last {d['scored_editions']} scored, "
            f"{d['disk_bytes'] / 1024**2:.0f} MiB"
        )

    def memory(self, step: str) -> str:
        found = self.steps.get(step)
        if not found or found.get("peak_tree_bytes") is None:
            return MISSING
        return f"{found['peak_tree_bytes'] / MIB:,.0f} ({found['peak_process_bytes'] / MIB:,.0f})"

    def code(self) -> str:
        code = self.data.get("code", {})
        changed = code.get("uncommitted", [])
        if not changed:
            return f"{code.get('commit', MISSING)}"
        checks = [c for c in changed if c.startswith("expectations/")]
        shown = ", ".join(checks) if checks else "none in expectations/"
        return f"{code.get('commit', MISSING)} + {len(changed)} uncommitted files ({shown})"


def _ratio_verdict(cold: float | None, reference: Reference | None) -> str:
    if cold is None:
        return "not measured"
    if reference is None:
        return "no 10,000-entry cold build to compare with"
    ratio = cold / reference.cold_seconds
    verdict = "✅" if ratio <= MANY_LIMIT else f"❌ {ratio / MANY_LIMIT:.1f}x the limit"
    return f"{ratio:.2f}x {verdict}"


def _many_times(many: list[ManyEditionsResult], reference: Reference | None) -> list[str]:
    lines = [
        "| drop folder | measured at | load average before → after | generate | cold build "
        f"| cold build / 10,000-entry cold build (≤ {MANY_LIMIT:g}x) "
        "| no-change re-run (share of the cold build) | formal checks (GX) in the cold build "
        "| dbt in the cold build (both steps) | raw tables in the cold build "
        "| peak memory, cold build, MiB | peak memory, no-change re-run, MiB |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in many:
        m = r.data["machine"]
        before = ", ".join(f"{x:.2f}" for x in m["load_average"])
        after = ", ".join(f"{x:.2f}" for x in r.data["load_after"])
        cold, unchanged = r.seconds("build_cold"), r.seconds("build_unchanged")
        share = f" ({unchanged / cold:.0%})" if cold and unchanged else ""
        lines.append(
            f"| {r.label()} | {m['measured_at']} | {before} → {after} "
            f"| {_seconds(r.seconds('generate'))} | {_seconds(cold)} "
            f"| {_ratio_verdict(cold, reference)} | {_seconds(unchanged)}{share} "
            f"| {_seconds(r.inner('build_cold', lambda s: s == CHECKS_STEP))} "
            f"| {_seconds(r.inner('build_cold', lambda s: s in DBT_STEPS))} "
            f"| {_seconds(r.inner('build_cold', lambda s: s.startswith('raw_')))} "
            f"| {r.memory('build_cold')} | {r.memory('build_unchanged')} |"
        )
    return lines


def _count(value: object) -> str:
    return f"{value:,}" if isinstance(value, int) else MISSING


def _alone(r: ManyEditionsResult) -> str:
    """GX alone on the build file: shared expectations against one per catalog row."""
    shared = r.steps.get("checks_shared", {}).get("reported", {})
    single = r.steps.get("checks_one_per_category", {}).get("reported", {})
    if not shared:
        return MISSING
    text = f"{_seconds(shared['validate_seconds'])} ({shared['expectations']:,})"
    if not single:
        return f"{text} / not measured"
    same = single["violations_digest"] == shared["violations_digest"]
    return (
        f"{text} / {_seconds(single['validate_seconds'])} ({single['expectations']:,}); "
        f"{'the same' if same else 'DIFFERENT'} {shared['failing_rows']:,} failing rows"
        + ("" if same else f" vs {single['failing_rows']:,}")
    )


def _many_checks(many: list[ManyEditionsResult]) -> list[str]:
    lines = [
        "| drop folder | GX expectations run | one per catalog row would be "
        "| rule-and-category outcomes (checks.validation_outcomes rows) | failing rows "
        "| GX alone (expectations): shared / one per catalog row "
        "| families: catalog / lineage / own | editions ok | entries formally invalid "
        "| results: computed / published | code measured |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in many:
        c = r.census
        families = c.get("family_source", {})
        results = c.get("result_source", {})
        lines.append(
            f"| {r.label()} | {_count(c.get('expectations_run'))} "
            f"| {_count(c.get('planned_one_per_category'))} | {_count(c.get('outcome_rows'))} "
            f"| {_count(c.get('failing_rows'))} | {_alone(r)} "
            f"| {' / '.join(_count(families.get(k, 0)) for k in ('catalog', 'lineage', 'own'))} "
            f"| {_count(c.get('catalog_status', {}).get('ok', 0))} of "
            f"{_count(r.dataset['editions'])} "
            f"| {_count(c.get('formally_invalid_entries'))} "
            f"| {_count(results.get('computed', 0))} / {_count(results.get('published', 0))} "
            f"| {r.code()} |"
        )
    return lines


def _many_section(title: str, lines: list[str], fresh: bool, previous: Tables) -> list[str]:
    """A many-editions table; without a fresh result, the previous report's rows."""
    if fresh:
        return lines
    old = previous.get(title)
    if old is None or old[0] != lines[0]:
        return []
    return [*lines[:2], *old[1]] if old[1] else []


def render(
    results: list[ScaleResult],
    many: list[ManyEditionsResult] | None = None,
    previous: Tables | None = None,
) -> str:
    many, previous = many or [], previous or {}
    fresh = {r.bucket for r in results}
    kept = [
        _cells(row)[0]
        for row in previous.get(MACHINE, ("", []))[1]
        if (b := _row_bucket(row)) is not None and b not in fresh
    ]
    sections = [START, ""]
    tables = (
        (MACHINE, _machine(results)),
        (RATIOS, _ratios(results)),
        (ABSOLUTE, _absolute(results)),
        (FAST, _fast(results)),
        (MEMORY, _memory(results)),
        (QUERIES, _queries(results)),
    )
    for title, lines in tables:
        sections += [f"### {title}", ""]
        if title == QUERIES:
            sections += [
                "p50/p95/max: a dashboard's cache miss (a cursor on the kept read-only "
                "connection, execute, fetch a DataFrame); first after opening: the same query "
                "when the file must be opened first (after a publish or a server start).",
                "",
            ]
        sections += [*_merged(title, lines, previous, fresh), ""]
    if kept:
        shown = ", ".join(kept[:-1]) + (" and " if len(kept) > 1 else "") + kept[-1]
        sections += [
            f"Rows of {shown} entries are kept from the previous report: no result file of "
            "theirs is in bench/results/ (the Machine table says when they were measured).",
            "",
        ]
    reference = reference_build(results, previous)
    many_tables = (
        (MANY_TIMES, _many_times(many, reference)),
        (MANY_CHECKS, _many_checks(many)),
    )
    for title, lines in many_tables:
        lines = _many_section(title, lines, bool(many), previous)
        if lines:
            sections += [f"### {title}", "", *lines, ""]
    if many and reference is not None:
        sections += [f"Reference for the ratio: {reference.describe()}.", ""]
    for r in many:
        if failed := r.data.get("failed"):
            why = "; ".join(f"`{line}`" for line in failed.get("why", [])) or "see the log"
            sections += [
                f"**The last many-editions run failed** in step `{failed['step']}` "
                f"({failed['log']}): {why}",
                "",
            ]
    sections.append(END)
    return "\n".join(sections)


def _load(results_dir: Path) -> list[dict]:
    """Every result file with something measured (one cut short while generating has not)."""
    found = [json.loads(p.read_text()) for p in sorted(results_dir.glob("*.json"))]
    return [d for d in found if "machine" in d and "dataset" in d]


def load_results(results_dir: Path) -> list[ScaleResult]:
    """The results of the demo's editions at each scale (not the many-editions one)."""
    results = [ScaleResult(d) for d in _load(results_dir) if d.get("kind") != MANY_KIND]
    return sorted(results, key=lambda r: r.entries)


def load_many_editions(results_dir: Path) -> list[ManyEditionsResult]:
    return [ManyEditionsResult(d) for d in _load(results_dir) if d.get("kind") == MANY_KIND]


def write_report(results_dir: Path, report: Path) -> None:
    """Replace the generated part of the report (or create the report around it).

    Rows of scales with no result file in results_dir are kept from the report as it was.
    """
    text = report.read_text(encoding="utf-8") if report.exists() else ""
    generated = render(
        load_results(results_dir), load_many_editions(results_dir), previous_tables(text)
    )
    if START in text and END in text:
        before, rest = text.split(START, 1)
        after = rest.split(END, 1)[1]
        report.write_text(before + generated + after, encoding="utf-8")
    else:
        report.write_text(f"# Benchmarks\n\n{generated}\n", encoding="utf-8")

"""The recording duration limits of the categories a page shows, as the published rules
catalog (marts.dim_category) states them: the dashboards restate no limit."""

from dataclasses import dataclass
from pathlib import Path

from dashboards.connections import query, table_columns
from dashboards.ui import Filters

CATALOG = "marts.dim_category"
FILTER_COLUMNS = ("contest_code", "edition_year", "category_code")


@dataclass(frozen=True)
class DurationLimits:
    """Each distinct limit of the shown categories, in seconds, with how many categories set
    it: the most common first."""

    counts: tuple[tuple[int, int], ...]

    @property
    def main(self) -> int | None:
        """The most common limit (the shorter of equally common ones), None when none is set."""
        return self.counts[0][0] if self.counts else None

    @property
    def differ(self) -> bool:
        return len(self.counts) > 1


def minutes(seconds: int) -> str:
    """A limit in minutes, as the labels write it (15, 2.5)."""
    return f"{seconds / 60:g}"


def duration_limits(path: Path, filters: Filters) -> DurationLimits:
    """The limits of the categories the filters keep."""
    if CATALOG not in table_columns(path):
        return DurationLimits(())
    where, params = filters.where(FILTER_COLUMNS, "d", "d.duration_limit_seconds is not null")
    counted = query(
        path,
        f"select d.duration_limit_seconds, count(*) from {CATALOG} as d{where} "
        "group by all order by count(*) desc, d.duration_limit_seconds",
        params,
    )
    return DurationLimits(tuple((int(s), int(n)) for s, n in counted.itertuples(index=False)))


def entry_limits(entries: str) -> str:
    """A `from` expression of each entry's duration limit (`limit_seconds`: the largest of
    its categories', should it have rows in several), for the entries of a category that
    sets one. entries is a `from` expression with category_key (dashboards.sources)."""
    return (
        "(select e.contest_code, e.edition_year, e.entry_id, "
        f"max(d.duration_limit_seconds) as limit_seconds from {entries} as e "
        f"join {CATALOG} as d on d.category_key = e.category_key "
        "where d.duration_limit_seconds is not null group by all)"
    )

"""The recording duration limits of the recordings a page shows, as the published rules
catalog (marts.dim_category) states them: the dashboards restate no limit."""

from dataclasses import dataclass
from pathlib import Path

from dashboards.connections import query, table_columns

CATALOG = "marts.dim_category"
MEDIA = "marts.fct_media"


@dataclass(frozen=True)
class DurationLimits:
    """Each distinct limit the recordings shown are compared with, in seconds, with how many
    recordings it applies to: the most common first."""

    counts: tuple[tuple[int, int], ...]

    @property
    def main(self) -> int | None:
        """The most common limit (the shorter of equally common ones), None when none is set."""
        return self.counts[0][0] if self.counts else None

    @property
    def differ(self) -> bool:
        return len(self.counts) > 1


def limit_minutes(seconds: int) -> str:
    """A limit in minutes, as the labels write it (15, 2.5)."""
    return f"{seconds / 60:g}"


def limit_join(entries: str) -> str:
    """A left join giving each recording of `marts.fct_media as m` its entry's duration limit,
    `lim.limit_seconds` (the largest of its categories', should it have rows in several;
    null when its category sets none or is unknown). entries is a `from` expression with
    category_key (dashboards.sources.entries_source)."""
    return (
        " left join (select e.contest_code, e.edition_year, e.entry_id, "
        f"max(d.duration_limit_seconds) as limit_seconds from {entries} as e "
        f"join {CATALOG} as d on d.category_key = e.category_key "
        "where d.duration_limit_seconds is not null group by all) as lim "
        "on lim.contest_code = m.contest_code and lim.edition_year = m.edition_year "
        "and lim.entry_id = m.entry_id"
    )


def duration_limits(path: Path, entries: str | None, where: str, params: tuple) -> DurationLimits:
    """The limits of the recordings `where` keeps (a clause on `marts.fct_media as m`)."""
    tables = table_columns(path)
    if entries is None or CATALOG not in tables or MEDIA not in tables:
        return DurationLimits(())
    limited = f"{where} and" if where else " where"
    counted = query(
        path,
        f"select lim.limit_seconds, count(*) from {MEDIA} as m{limit_join(entries)}"
        f"{limited} lim.limit_seconds is not null "
        "group by all order by count(*) desc, lim.limit_seconds",
        params,
    )
    return DurationLimits(tuple((int(s), int(n)) for s, n in counted.itertuples(index=False)))

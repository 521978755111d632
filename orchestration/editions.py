"""Edition folders as Dagster partitions: a change in one edition re-reads only that edition.

The drop-folder tables are partitioned by `editions`, a dynamic partitions definition with
one key per edition folder found (`<CONTEST>-<YEAR>`, the folder's name). A run names the
editions it reads: one partition, or a range of them in the order they were added (a single
run reads the whole range, `BackfillPolicy.single_run`). A run that names none (`dagster job
execute` with no partition tags, `dg.materialize` in the tests) reads every edition found.
Every run also drops the rows of editions whose folder is gone, so a removed folder leaves
nothing behind whichever editions the run read. The media step and everything after the raw
layer (dbt, the formal checks, publishing) are unpartitioned: Dagster requires a run of a
partitioned asset with a partitioned parent to name partitions, and a build must run with
none. The media step skips unchanged editions by their fingerprints instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import dagster as dg

from ingest.drop_folder import Edition, discover_editions

EDITIONS = dg.DynamicPartitionsDefinition(name="editions")
# Dagster's own run tags for a run over a range of partitions.
RANGE_START_TAG = "dagster/asset_partition_range_start"
RANGE_END_TAG = "dagster/asset_partition_range_end"
# A partitioned step reads all the run's editions at once, not one run per edition.
ONE_RUN = dg.BackfillPolicy.single_run()


def editions_of_run(context: dg.AssetExecutionContext, found: Sequence[Edition]) -> list[Edition]:
    """The edition folders found that this run reads: its partitions, or all when it names none."""
    if not (context.has_partition_key or context.has_partition_key_range):
        return list(found)
    keys = set(context.partition_keys)
    return [edition for edition in found if edition.name in keys]


@dataclass(frozen=True)
class PartitionChanges:
    """What makes the partitions the folders found: keys to add and to delete, and every
    key afterwards in Dagster's order (the known ones kept, then the added)."""

    added: list[str]
    gone: list[str]
    ordered: list[str]


def partition_changes(known: Sequence[str], names: Sequence[str]) -> PartitionChanges:
    """The changes that turn the partitions `known` into the edition folders `names`."""
    added = [name for name in names if name not in known]
    kept = [key for key in known if key in names]
    return PartitionChanges(added, [key for key in known if key not in names], kept + added)


def sync_editions(instance: dg.DagsterInstance, found: Iterable[Edition]) -> list[str]:
    """Add a partition for each edition folder found and delete those of folders gone;
    every partition key afterwards, in Dagster's order."""
    names = [edition.name for edition in found]
    changes = partition_changes(instance.get_dynamic_partitions(EDITIONS.name), names)
    for key in changes.gone:
        instance.delete_dynamic_partition(EDITIONS.name, key)
    if changes.added:
        instance.add_dynamic_partitions(EDITIONS.name, changes.added)
    return changes.ordered


def range_tags(ordered: Sequence[str], wanted: Iterable[str]) -> dict[str, str]:
    """Run tags for the shortest range of `ordered` holding every wanted key (none: no tags).

    Keys between two wanted ones are read too; their unchanged folders cost a fingerprint.
    """
    positions = sorted(ordered.index(key) for key in set(wanted))
    if not positions:
        return {}
    return {RANGE_START_TAG: ordered[positions[0]], RANGE_END_TAG: ordered[positions[-1]]}


def keys_of_run(run: dg.DagsterRun, ordered: Sequence[str]) -> set[str] | None:
    """The editions a run reads (None: every one, the run names no partition)."""
    tags = run.tags
    if "dagster/partition" in tags:
        return {tags["dagster/partition"]}
    start, end = tags.get(RANGE_START_TAG), tags.get(RANGE_END_TAG)
    if start is None or end is None:
        return None
    if start not in ordered or end not in ordered:
        return set()
    return set(ordered[ordered.index(start) : ordered.index(end) + 1])


def every_edition_tags(data_dir: Path) -> dict[str, str]:
    """Register the drop folder's editions as partitions of $DAGSTER_HOME's instance and
    tag a run to read every one of them (`podium build`: Dagster's UI then shows each
    edition's tables materialized)."""
    with dg.DagsterInstance.get() as instance:
        ordered = sync_editions(instance, discover_editions(data_dir))
    return range_tags(ordered, ordered)

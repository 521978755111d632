"""Raw-layer assets: every drop-folder table of every edition, landed in schema raw."""

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

import dagster as dg
import duckdb
import polars as pl

from ingest.contract import TABLE_CONTRACTS, TableContract
from ingest.drop_folder import Edition, discover_editions
from ingest.raw_schema import (
    RAW_SCHEMA,
    editions_held,
    replace_edition_issues,
    replace_edition_rows,
)
from ingest.tables import empty_raw_frame, read_table
from orchestration import unchanged
from orchestration.editions import EDITIONS, ONE_RUN, editions_of_run
from orchestration.resources import PodiumWarehouse
from orchestration.table_metadata import data_version, table_metadata
from settings.environment import PROJECT_ROOT

WRITER_POOL = "duckdb_writer"


# The code that turns a drop-folder file into raw rows and issues: a change to it reads
# every file again.
READER_CODE = [
    *(PROJECT_ROOT / "ingest").glob("*.py"),
    *(PROJECT_ROOT / "ingest" / "readers").glob("*.py"),
]


# Dagster's code version of every raw table asset: a change to the readers makes each stale.
READER_CODE_VERSION = unchanged.files_fingerprint(PROJECT_ROOT, READER_CODE)[:16]


def _sources(edition: Edition, contract: TableContract) -> unchanged.StepInputs:
    """A fingerprint of the table's files in one edition (path, size, modification time) and
    of the reader code: equal fingerprints, equal rows."""
    stats = []
    for name in contract.file_names:
        path = edition.folder / name
        found = path.stat() if path.is_file() else None
        stats.append(f"{name}: {found and (found.st_size, found.st_mtime_ns)}")
    digest = hashlib.sha256("\n".join([READER_CODE_VERSION, *stats]).encode()).hexdigest()
    return unchanged.StepInputs(f"raw_{contract.name}/{edition.name}", digest)


def _reader_inputs(contract: TableContract) -> unchanged.StepInputs:
    """The reader code the table's rows were read with: when it changed, every edition's rows
    are read again (the rows of editions a run does not read would be the old code's)."""
    return unchanged.StepInputs(f"raw_{contract.name}", READER_CODE_VERSION)


def _reused(
    context: dg.AssetExecutionContext, con: duckdb.DuckDBPyConnection, contract: TableContract
) -> Iterator[dg.MaterializeResult]:
    context.log.info(
        f"{contract.name}: no file of it changed since it was last read; its rows stand"
    )
    tables = table_metadata(con, _keys(contract))
    for key in _keys(contract):
        yield dg.MaterializeResult(
            asset_key=key,
            metadata={"rebuilt": False, **tables[key]},
            data_version=data_version(con, key),
        )


@dataclass(frozen=True)
class Plan:
    """What one run of a raw table reads: the editions whose files changed, of those it was
    asked for, and every edition folder found (the rows of any other edition go)."""

    read: list[Edition]
    found: list[Edition]
    gone: set[tuple[str, int]]

    @property
    def work(self) -> bool:
        return bool(self.read or self.gone)


def _plan(
    con: duckdb.DuckDBPyConnection,
    contract: TableContract,
    asked: list[Edition],
    found: list[Edition],
) -> Plan:
    """Every edition found when the reader code changed, else those asked whose files did."""
    same_code = unchanged.begin(con, _reader_inputs(contract))
    read = [
        edition
        for edition in (asked if same_code else found)
        if not (same_code and unchanged.begin(con, _sources(edition, contract)))
    ]
    gone = editions_held(con, contract.name) - {edition.key for edition in found}
    return Plan(read, found, gone)


def _land(
    contract: TableContract, warehouse: PodiumWarehouse, plan: Plan
) -> tuple[int, int, dict[dg.AssetKey, dict], dict[dg.AssetKey, dg.DataVersion]]:
    """Read the table of the planned editions into raw with their issues, the other editions'
    rows kept: rows and issues read, and both tables' row counts, columns and data versions."""
    frames, issues = [empty_raw_frame(contract)], []
    for edition in plan.read:
        read = read_table(edition, contract)
        frames.append(read.frame)
        issues.extend(read.issues)
    frame = pl.concat(frames, how="vertical")
    read_keys = [edition.key for edition in plan.read]
    present = [edition.key for edition in plan.found]
    with warehouse.connect() as con:
        replace_edition_rows(con, contract.name, frame, read_keys, present)
        replace_edition_issues(con, contract.name, issues, read_keys, present)
        for edition in plan.read:
            unchanged.remember(con, _sources(edition, contract))
        for contest, year in plan.gone:
            unchanged.forget(con, f"raw_{contract.name}/{contest}-{year}")
        unchanged.remember(con, _reader_inputs(contract))
        tables = table_metadata(con, _keys(contract))
        versions = {key: data_version(con, key) for key in _keys(contract)}
    return frame.height, len(issues), tables, versions


def _keys(contract: TableContract) -> list[dg.AssetKey]:
    """The raw table of the contract and its issues table."""
    return [
        dg.AssetKey([RAW_SCHEMA, contract.name]),
        dg.AssetKey([RAW_SCHEMA, f"{contract.name}_issues"]),
    ]


def _table_asset(contract: TableContract) -> dg.AssetsDefinition:
    files = " / ".join(contract.file_names)
    table_key, issues_key = _keys(contract)

    @dg.multi_asset(
        name=f"raw_{contract.name}",
        specs=[
            dg.AssetSpec(
                table_key,
                group_name="raw",
                kinds={"polars", "duckdb"},
                code_version=READER_CODE_VERSION,
                partitions_def=EDITIONS,
                description=f"Rows of {files} from every edition folder, with their origin.",
            ),
            dg.AssetSpec(
                issues_key,
                group_name="raw",
                kinds={"duckdb"},
                code_version=READER_CODE_VERSION,
                partitions_def=EDITIONS,
                description=f"What could not be taken as given in {files}, with reasons.",
            ),
        ],
        backfill_policy=ONE_RUN,
        pool=WRITER_POOL,
    )
    def raw_table(context: dg.AssetExecutionContext, warehouse: PodiumWarehouse):
        """Read one drop-folder table of the run's editions into raw, with its issues."""
        found = discover_editions(warehouse.paths.data_dir)
        with warehouse.connect() as con:
            plan = _plan(con, contract, editions_of_run(context, found), found)
            if not plan.work:
                yield from _reused(context, con, contract)
                return
        rows, issues, tables, versions = _land(contract, warehouse, plan)
        context.log.info(
            f"{contract.name}: {rows} rows, {issues} issues read from "
            f"{', '.join(e.name for e in plan.read) or 'no edition'}"
            + (f"; rows of {len(plan.gone)} removed editions dropped" if plan.gone else "")
        )
        yield dg.MaterializeResult(
            asset_key=table_key,
            metadata={
                "rows": rows,
                "editions": ", ".join(e.name for e in plan.read),
                **tables[table_key],
            },
            data_version=versions[table_key],
        )
        yield dg.MaterializeResult(
            asset_key=issues_key,
            metadata={"issues": issues, **tables[issues_key]},
            data_version=versions[issues_key],
        )

    return raw_table


raw_table_assets = [_table_asset(contract) for contract in TABLE_CONTRACTS]

"""Raw-layer assets: every drop-folder table of every edition, landed in schema raw."""

import hashlib
from collections.abc import Iterator

import dagster as dg
import duckdb
import polars as pl

from ingest.contract import TABLE_CONTRACTS, TableContract
from ingest.drop_folder import Edition, discover_editions
from ingest.raw_schema import RAW_SCHEMA, replace_issues, replace_raw_table
from ingest.tables import empty_raw_frame, read_table
from orchestration import unchanged
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


def _sources(editions: list[Edition], contract: TableContract) -> str:
    """A fingerprint of the table's files in every edition (path, size, modification time)
    and of the reader code: equal fingerprints, equal rows."""
    stats = []
    for edition in editions:
        for name in contract.file_names:
            path = edition.folder / name
            found = path.stat() if path.is_file() else None
            stats.append(f"{edition.name}/{name}: {found and (found.st_size, found.st_mtime_ns)}")
    return hashlib.sha256("\n".join([READER_CODE_VERSION, *stats]).encode()).hexdigest()


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


def _land(
    contract: TableContract,
    warehouse: PodiumWarehouse,
    editions: list[Edition],
    inputs: unchanged.StepInputs,
) -> tuple[int, int, dict[dg.AssetKey, dict], dict[dg.AssetKey, dg.DataVersion]]:
    """Read the table of every edition into raw with its issues: rows and issues landed, and
    both tables' row counts, columns and data versions."""
    frames, issues = [empty_raw_frame(contract)], []
    for edition in editions:
        read = read_table(edition, contract)
        frames.append(read.frame)
        issues.extend(read.issues)
    frame = pl.concat(frames, how="vertical")
    with warehouse.connect() as con:
        replace_raw_table(con, contract.name, frame)
        replace_issues(con, contract.name, issues)
        unchanged.remember(con, inputs)
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
                description=f"Rows of {files} from every edition folder, with their origin.",
            ),
            dg.AssetSpec(
                issues_key,
                group_name="raw",
                kinds={"duckdb"},
                code_version=READER_CODE_VERSION,
                description=f"What could not be taken as given in {files}, with reasons.",
            ),
        ],
        pool=WRITER_POOL,
    )
    def raw_table(context: dg.AssetExecutionContext, warehouse: PodiumWarehouse):
        """Read one drop-folder table of every edition into raw, with its issues."""
        editions = discover_editions(warehouse.paths.data_dir)
        inputs = unchanged.StepInputs(f"raw_{contract.name}", _sources(editions, contract))
        with warehouse.connect() as con:
            if unchanged.begin(con, inputs):
                yield from _reused(context, con, contract)
                return
        rows, issues, tables, versions = _land(contract, warehouse, editions, inputs)
        context.log.info(f"{contract.name}: {rows} rows, {issues} issues")
        yield dg.MaterializeResult(
            asset_key=table_key,
            metadata={
                "rows": rows,
                "editions": ", ".join(e.name for e in editions),
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

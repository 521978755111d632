"""Raw-layer assets: every drop-folder table of every edition, landed in schema raw."""

import dagster as dg
import polars as pl

from ingest.contract import TABLE_CONTRACTS, TableContract
from ingest.drop_folder import discover_editions
from ingest.tables import empty_raw_frame, read_table
from ingest.warehouse import replace_issues, replace_raw_table
from orchestration.resources import PodiumWarehouse

WRITER_POOL = "duckdb_writer"


def _table_asset(contract: TableContract) -> dg.AssetsDefinition:
    files = " / ".join(contract.file_names)

    @dg.multi_asset(
        name=f"raw_{contract.name}",
        specs=[
            dg.AssetSpec(
                ["raw", contract.name],
                group_name="raw",
                kinds={"polars", "duckdb"},
                description=f"Rows of {files} from every edition folder, with their origin.",
            ),
            dg.AssetSpec(
                ["raw", f"{contract.name}_issues"],
                group_name="raw",
                kinds={"duckdb"},
                description=f"What could not be taken as given in {files}, with reasons.",
            ),
        ],
        pool=WRITER_POOL,
    )
    def raw_table(context: dg.AssetExecutionContext, warehouse: PodiumWarehouse):
        """Read one drop-folder table of every edition into raw, with its issues."""
        editions = discover_editions(warehouse.paths.data_dir)
        frames, issues = [empty_raw_frame(contract)], []
        for edition in editions:
            read = read_table(edition, contract)
            frames.append(read.frame)
            issues.extend(read.issues)
        frame = pl.concat(frames, how="vertical")
        with warehouse.connect() as con:
            replace_raw_table(con, contract.name, frame)
            replace_issues(con, contract.name, issues)
        context.log.info(f"{contract.name}: {frame.height} rows, {len(issues)} issues")
        yield dg.MaterializeResult(
            asset_key=["raw", contract.name],
            metadata={"rows": frame.height, "editions": ", ".join(e.name for e in editions)},
        )
        yield dg.MaterializeResult(
            asset_key=["raw", f"{contract.name}_issues"], metadata={"issues": len(issues)}
        )

    return raw_table


raw_table_assets = [_table_asset(contract) for contract in TABLE_CONTRACTS]

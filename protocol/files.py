"""Where `make protocol` writes, in which language, and the writing of each edition's files.

The published warehouse is opened read-only, so a protocol can be written during a build;
each file is written beside its target and renamed over it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from protocol.document import protocol_pdf
from protocol.gather import EditionProtocol, Query, editions, gather
from protocol.labels import check_language
from protocol.workbook import protocol_xlsx
from settings.environment import export_dir, language


@dataclass(frozen=True)
class WrittenProtocol:
    edition: str
    xlsx: Path
    pdf: Path


def protocol_dir() -> Path:
    """The protocols' folder: protocol/ in the export folder ($PODIUM_EXPORT_DIR)."""
    return export_dir() / "protocol"


def default_language() -> str:
    """$PODIUM_LANG (Polish by default), once checked to be a language of the labels."""
    return check_language(language())


def connection_query(connection: duckdb.DuckDBPyConnection) -> Query:
    return lambda sql, params: connection.execute(sql, list(params)).df()


def write_protocols(
    warehouse: Path, target: Path, language: str, edition: str | None = None
) -> list[WrittenProtocol]:
    """Write <target>/<CONTEST>-<YEAR>-protocol.xlsx and .pdf for every edition (or the one
    named 'CONTEST-YEAR')."""
    if not warehouse.is_file():
        raise FileNotFoundError(f"no published warehouse at {warehouse}: run make build first")
    target.mkdir(parents=True, exist_ok=True)
    written = []
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        query = connection_query(connection)
        chosen = [
            (contest, year)
            for contest, year in editions(query)
            if edition is None or f"{contest}-{year}" == edition
        ]
        if edition is not None and not chosen:
            raise LookupError(f"no edition {edition} in {warehouse}")
        for contest, year in chosen:
            protocol = gather(query, contest, year, language)
            written.append(
                WrittenProtocol(
                    protocol.edition,
                    _write(target, protocol, ".xlsx", protocol_xlsx),
                    _write(target, protocol, ".pdf", protocol_pdf),
                )
            )
    return written


def _write(
    target: Path, protocol: EditionProtocol, suffix: str, render: Callable[..., bytes]
) -> Path:
    path = target / f"{protocol.file_stem}{suffix}"
    staged = target / f".{path.name}.{os.getpid()}.writing"
    staged.write_bytes(render(protocol))
    os.replace(staged, path)
    return path

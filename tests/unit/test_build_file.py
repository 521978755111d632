"""Which build files count as damaged: only those DuckDB cannot read, never one in use."""

from pathlib import Path

import duckdb

from orchestration.build_file import damage


def _built(path: Path) -> Path:
    with duckdb.connect(str(path)) as con:
        con.execute("create table t as select range as i from range(300000)")
    return path


def test_a_whole_file_is_not_damaged(tmp_path):
    assert damage(_built(tmp_path / "b.duckdb")) is None


def test_a_truncated_file_is_damaged(tmp_path):
    path = _built(tmp_path / "b.duckdb")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert "Could not read enough bytes" in damage(path)


def test_a_file_that_is_no_duckdb_file_is_damaged(tmp_path):
    path = tmp_path / "b.duckdb"
    path.write_text("entry_id,category\nP1,Sprzedaż\n" * 500)
    assert "not a valid DuckDB database file" in damage(path)


def test_a_file_this_process_holds_with_other_settings_is_not_damaged(tmp_path):
    path = _built(tmp_path / "b.duckdb")
    with duckdb.connect(str(path), config={"memory_limit": "1GB"}):
        assert damage(path) is None
    assert path.exists()

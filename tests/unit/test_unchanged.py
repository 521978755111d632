"""Each step's record of its last success (orchestration/unchanged.py) on a scratch file:
what a fingerprint sees, and how `begin` decides between keeping the last work and redoing it."""

import duckdb
import pytest

from orchestration.unchanged import (
    StepInputs,
    begin,
    forget,
    is_unchanged,
    remember,
    step_inputs,
    table_fingerprint,
)


@pytest.fixture
def con(tmp_path):
    with duckdb.connect(str(tmp_path / "steps.duckdb")) as connection:
        connection.execute("create schema raw")
        connection.execute(
            "create table raw.t as select range as id, 'a' || range as name, "
            "now() as _loaded_at from range(3)"
        )
        yield connection


def test_a_fingerprint_ignores_load_times_and_sees_every_other_change(con):
    base = table_fingerprint(con, "raw", "t")
    con.execute("update raw.t set _loaded_at = _loaded_at + interval 1 day")
    assert table_fingerprint(con, "raw", "t") == base
    con.execute("update raw.t set name = 'b1' where id = 1")
    changed = table_fingerprint(con, "raw", "t")
    assert changed != base
    # Two identical rows must not cancel each other out.
    con.execute("insert into raw.t select * from raw.t where id = 2")
    con.execute("insert into raw.t select * from raw.t where id = 2")
    assert table_fingerprint(con, "raw", "t") not in (base, changed)
    con.execute("alter table raw.t add column extra integer")
    assert "extra" in table_fingerprint(con, "raw", "t")
    assert table_fingerprint(con, "raw", "gone") == "raw.gone: absent"


def test_a_step_is_unchanged_only_after_it_succeeded_on_the_same_inputs(con):
    inputs = step_inputs(con, "step", [("raw", "t")], "definition v1")
    assert not is_unchanged(con, inputs)
    remember(con, inputs)
    assert is_unchanged(con, inputs)
    assert not is_unchanged(con, step_inputs(con, "step", [("raw", "t")], "definition v2"))
    assert not is_unchanged(con, StepInputs("other step", inputs.fingerprint))
    forget(con, "step")
    assert not is_unchanged(con, inputs)


def test_begin_keeps_the_last_work_only_when_it_stands_and_else_forgets_it(con):
    inputs = step_inputs(con, "step", [("raw", "t")], "definition v1")
    assert not begin(con, inputs)
    remember(con, inputs)
    # The caller cannot reuse the work (a subset, Data Docs gone): the record is dropped too,
    # so a step failing after this point is redone by the next run.
    assert not begin(con, inputs, reusable=False)
    assert not is_unchanged(con, inputs)
    remember(con, inputs)
    assert begin(con, inputs)
    assert is_unchanged(con, inputs)
    changed = step_inputs(con, "step", [("raw", "t")], "definition v2")
    assert not begin(con, changed)
    assert not is_unchanged(con, inputs)

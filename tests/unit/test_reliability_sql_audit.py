"""No SQL is built by string formatting from input values.

Every call that runs SQL (`execute`, `sql`, `query`, `table`, ...) in the project's code is
read from its syntax tree; an SQL argument built with an f-string, `%` or `.format()` may
only interpolate identifiers listed below with the reason they never come from input.
Values always travel as bound parameters (`?`).
"""

import ast
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
# dashboards/ and expectations/ build WHERE fragments and target names into their SQL and
# are not audited yet: see the closing note.
AUDITED = ("orchestration", "ingest", "demo", "docs")
SQL_CALLS = {"execute", "executemany", "sql", "query", "table", "from_query", "run_query"}

# (file, interpolated expression) -> why it is an identifier of our own, not an input value.
IDENTIFIERS = {
    ("ingest/raw_schema.py", "RAW_SCHEMA"): "constant schema name 'raw'",
    ("ingest/raw_schema.py", "table"): "raw table names from ingest.contract, never from files",
    ("ingest/media/cache.py", "RAW_SCHEMA"): "constant schema name 'raw'",
    ("ingest/media/cache.py", "CACHE_TABLE"): "constant table name 'media_probe_cache'",
    ("orchestration/publish.py", "own"): "the staged file's catalog name, from DuckDB",
    ("orchestration/publish.py", "name"): "sponsor table names from the build's catalog",
    ("orchestration/publish.py", "SPONSOR_SCHEMA"): "constant schema name 'sponsor'",
    ("orchestration/export.py", "schema"): "schema names from the published file's catalog",
    ("orchestration/export.py", "table"): "table names from the published file's catalog",
    ("orchestration/unchanged.py", "STEPS_SCHEMA"): "constant schema name 'build'",
    ("orchestration/unchanged.py", "STEPS_TABLE"): "constant table name 'steps'",
    ("orchestration/unchanged.py", "stable"): "column names from the build's catalog, quoted",
    ("orchestration/unchanged.py", "relation"): "table names of our dbt sources, quoted",
}


def _sql_call_name(call: ast.Call) -> str | None:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    return name if name in SQL_CALLS else None


def _interpolated(argument: ast.expr) -> list[ast.expr] | None:
    """The expressions formatted into a string argument, or None if it is not formatted."""
    if isinstance(argument, ast.JoinedStr):
        return [part.value for part in argument.values if isinstance(part, ast.FormattedValue)]
    if (
        isinstance(argument, ast.BinOp)
        and isinstance(argument.op, ast.Mod | ast.Add)
        and (isinstance(argument.left, ast.Constant) or isinstance(argument.right, ast.Constant))
    ):
        return [
            side for side in (argument.left, argument.right) if not isinstance(side, ast.Constant)
        ]
    if (
        isinstance(argument, ast.Call)
        and isinstance(argument.func, ast.Attribute)
        and argument.func.attr == "format"
        and isinstance(argument.func.value, ast.Constant)
    ):
        return [*argument.args, *(keyword.value for keyword in argument.keywords)]
    return None


def formatted_sql(path: Path) -> list[tuple[int, str]]:
    """(line, expression) of every expression formatted into an SQL call's argument."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and _sql_call_name(node):
            for argument in node.args:
                for expression in _interpolated(argument) or []:
                    found.append((node.lineno, ast.unparse(expression)))
    return found


def audited_files() -> list[Path]:
    return sorted(
        path
        for folder in AUDITED
        if (PROJECT_ROOT / folder).is_dir()
        for path in (PROJECT_ROOT / folder).rglob("*.py")
    )


def test_the_audit_reads_the_code_that_runs_sql():
    files = [path.relative_to(PROJECT_ROOT).as_posix() for path in audited_files()]
    assert "orchestration/publish.py" in files
    assert ("ingest/raw_schema.py", "table") in {
        ("ingest/raw_schema.py", expression)
        for _, expression in formatted_sql(PROJECT_ROOT / "ingest/raw_schema.py")
    }


def test_the_audit_catches_a_formatted_value(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "con.execute(f\"select * from t where name = '{name}'\")\n"
        "con.sql('select %s' % value)\n"
        "query(path, 'select {}'.format(category))\n"
        "con.execute('select ?', [value])\n"
    )
    assert formatted_sql(sample) == [(1, "name"), (2, "value"), (3, "category")]


@pytest.mark.parametrize(
    "path", audited_files(), ids=lambda path: path.relative_to(PROJECT_ROOT).as_posix()
)
def test_sql_interpolates_only_known_identifiers(path):
    relative = path.relative_to(PROJECT_ROOT).as_posix()
    unknown = [
        f"{relative}:{line}: {{{expression}}}"
        for line, expression in formatted_sql(path)
        if (relative, expression) not in IDENTIFIERS
    ]
    assert unknown == [], "bind values as parameters (?) instead of formatting them into SQL"

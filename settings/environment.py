"""Every environment variable Podium reads: its name, default and meaning, and typed accessors.

This is the one place a default is written. The Makefile includes the fragment this module
prints (`python3 -m settings.environment --make`), the pipeline exports the dbt profile's
values from it before dbt runs (`dbt_profile_env`), and the README's configuration table is
generated from it (settings/readme.py). It uses the standard library only, so that the system
python3 can run it before .venv exists.

Every value is read when asked for, so tests can point Podium elsewhere by setting the
environment first. An empty value counts as unset; relative paths are taken from the project
root.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Variable:
    """One environment variable: its name, its default (None: unset) and its meaning."""

    name: str
    default: str | None
    meaning: str
    # Set by Podium for its own processes (or by the fault tests), never by a user.
    internal: bool = False
    # Only make sets the default, as an absolute path below the folder make runs in; a
    # program started outside make sees the variable unset.
    make_only: bool = False

    def value(self) -> str | None:
        """The environment's value, else the default (None when neither is set)."""
        return os.environ.get(self.name) or (None if self.make_only else self.default)

    def path(self) -> Path | None:
        """The value as a path, a relative one taken from the project root."""
        value = (self.value() or "").strip()
        if not value:
            return None
        path = Path(value).expanduser()
        return path if path.is_absolute() else PROJECT_ROOT / path


DATA_DIR = Variable("PODIUM_DATA_DIR", "data/demo", "the drop folder to read")
WAREHOUSE = Variable(
    "PODIUM_WAREHOUSE",
    "warehouse/podium.duckdb",
    "the published warehouse (organizers, analysts)",
)
SPONSOR_WAREHOUSE = Variable(
    "PODIUM_SPONSOR_WAREHOUSE",
    "warehouse/sponsor.duckdb",
    "the published sponsor file (aggregates only)",
)
PORT = Variable("PODIUM_PORT", "8501", "port of the organizers' dashboards")
SPONSOR_PORT = Variable("PODIUM_SPONSOR_PORT", "8502", "port of the sponsors' dashboards")
DOCS_PORT = Variable("PODIUM_DOCS_PORT", "8580", "port of `make docs-serve`")
ORGANIZER_PASSWORD = Variable(
    "PODIUM_ORGANIZER_PASSWORD",
    None,
    "when set, the organizers' app asks for this password first",
)
USERS = Variable(
    "PODIUM_USERS",
    None,
    "the organizers' accounts file (YAML, outside the repository); when set, the app asks "
    "for a username and password and `PODIUM_ORGANIZER_PASSWORD` is ignored "
    "([docs/accounts.md](docs/accounts.md))",
)
EXPORT_DIR = Variable(
    "PODIUM_EXPORT_DIR",
    "warehouse/export",
    "where `make export` writes `<schema>/<table>.<format>` (and `make protocol`, `protocol/`)",
)
LANGUAGE = Variable(
    "PODIUM_LANG",
    "pl",
    "language of `make protocol` and `podium check` (`pl` or `en`; `--lang` overrides it)",
)
WATCH = Variable(
    "PODIUM_WATCH",
    None,
    "`1` turns the `watch_drop_folder` sensor on when Dagster starts (`make watch` sets it)",
)
DUCKDB_MEMORY_LIMIT = Variable(
    "PODIUM_DUCKDB_MEMORY_LIMIT",
    "1GB",
    "DuckDB's memory limit inside dbt's build; past it DuckDB spills to disk (`<build file>.tmp/`)",
)
DAGSTER_HOME = Variable(
    "DAGSTER_HOME",
    ".dagster",
    "Dagster's instance folder (runs, sensor states, the project's `dagster.yaml`); unset "
    "outside make, each run of a `podium` command gets a throwaway instance",
    make_only=True,
)
SOURCE_DOCS = Variable(
    "PODIUM_SOURCE_DOCS",
    None,
    "the rules' source documents, for `tests/unit/test_source_documents.py`; unset, "
    "`../shared/seeds` beside the clone or beside a parent folder",
)
BUILD_DB = Variable(
    "PODIUM_BUILD_DB",
    None,
    "the build file dbt's profile opens; the pipeline sets it to `.build/podium.duckdb` beside "
    "`$PODIUM_WAREHOUSE` before dbt runs, `make docs` to a copy of the published file",
    internal=True,
)
BUILD_LOCK_FD = Variable(
    "PODIUM_BUILD_LOCK_FD",
    None,
    "the descriptor of the build lock `podium build` hands to the run it starts",
    internal=True,
)
PAUSE_AT = Variable(
    "PODIUM_PAUSE_AT",
    None,
    "where a build holds still for the fault tests: `after:<step>` or a point of publishing "
    "such as `publish:staged`",
    internal=True,
)

VARIABLES = (
    DATA_DIR,
    WAREHOUSE,
    SPONSOR_WAREHOUSE,
    PORT,
    SPONSOR_PORT,
    DOCS_PORT,
    ORGANIZER_PASSWORD,
    USERS,
    EXPORT_DIR,
    LANGUAGE,
    WATCH,
    DUCKDB_MEMORY_LIMIT,
    DAGSTER_HOME,
    SOURCE_DOCS,
    BUILD_DB,
    BUILD_LOCK_FD,
    PAUSE_AT,
)


def _set_path(variable: Variable) -> Path:
    """The path of a variable that has a default, so is never None."""
    path = variable.path()
    assert path is not None, f"{variable.name} has no default"
    return path


@dataclass(frozen=True)
class PodiumPaths:
    """The files one build reads and writes."""

    data_dir: Path
    warehouse: Path
    sponsor_warehouse: Path

    @property
    def build_dir(self) -> Path:
        """Private working area of the pipeline, beside the published warehouse."""
        return self.warehouse.parent / ".build"

    @property
    def build_db(self) -> Path:
        """The only file the pipeline writes to; readers never open it."""
        return self.build_dir / "podium.duckdb"

    @property
    def gx_docs_dir(self) -> Path:
        """Great Expectations Data Docs, rebuilt on every run."""
        return self.warehouse.parent / "data_docs"


def podium_paths() -> PodiumPaths:
    """The paths configured by PODIUM_DATA_DIR, PODIUM_WAREHOUSE and PODIUM_SPONSOR_WAREHOUSE."""
    return PodiumPaths(
        data_dir=_set_path(DATA_DIR),
        warehouse=_set_path(WAREHOUSE),
        sponsor_warehouse=_set_path(SPONSOR_WAREHOUSE),
    )


def export_dir() -> Path:
    """Where `make export` writes its files, and `make protocol` its protocol/ folder."""
    return _set_path(EXPORT_DIR)


def port(variable: Variable) -> int:
    """The port a server listens on: PORT, SPONSOR_PORT or DOCS_PORT."""
    value = variable.value() or ""
    if not value.isdigit():
        raise ValueError(f"{variable.name} must be a port number, not {value!r}")
    return int(value)


def language() -> str:
    """The language of the protocol and of `podium check`'s messages, as configured."""
    return LANGUAGE.value() or ""


def organizer_password() -> str | None:
    """The organizers' one password, or None when the app is open."""
    return ORGANIZER_PASSWORD.value()


def users_file() -> Path | None:
    """The organizers' accounts file, or None when accounts are not configured."""
    return USERS.path()


def watch_on() -> bool:
    """Whether the drop-folder sensor is on when Dagster starts."""
    return WATCH.value() == "1"


def dagster_home() -> Path | None:
    """Dagster's instance folder, or None for a throwaway instance."""
    return DAGSTER_HOME.path()


def source_docs() -> Path | None:
    """The folder PODIUM_SOURCE_DOCS names, or None when it is unset."""
    return SOURCE_DOCS.path()


def pause_at() -> str | None:
    """The pause point a fault test named, or None (always, outside the fault tests)."""
    return PAUSE_AT.value()


def inherited_lock_fd() -> int | None:
    """The build lock's descriptor the parent `podium build` handed down, if any."""
    value = BUILD_LOCK_FD.value() or ""
    return int(value) if value.isdigit() else None


def lock_fd_env(descriptor: int) -> dict[str, str]:
    """The environment that hands the build lock's descriptor to a child process."""
    return {BUILD_LOCK_FD.name: str(descriptor)}


def dbt_profile_env(build_db: Path) -> dict[str, str]:
    """What dbt's profile (dbt_project/profiles.yml) reads, for a build of build_db."""
    return {
        BUILD_DB.name: str(build_db),
        DUCKDB_MEMORY_LIMIT.name: DUCKDB_MEMORY_LIMIT.value() or "",
    }


def make_fragment() -> str:
    """The Makefile's defaults: `export NAME ?= default` for each variable make should set,
    and NAME_DEFAULT, for recipes that treat the default specially (the demo's drop folder)."""
    lines = ["# Generated from settings/environment.py (`python3 -m settings.environment --make`)."]
    for variable in VARIABLES:
        if variable.internal or variable.default is None:
            continue
        default = f"$(CURDIR)/{variable.default}" if variable.make_only else variable.default
        lines += [
            f"export {variable.name} ?= {default}",
            f"{variable.name}_DEFAULT := {default}",
        ]
    return "\n".join(lines) + "\n"


def markdown_table() -> str:
    """The README's configuration table: every variable, the internal ones last."""
    lines = ["| variable | default | meaning |", "|---|---|---|"]
    for variable in sorted(VARIABLES, key=lambda variable: variable.internal):
        default = f"`{variable.default}`" if variable.default else "unset"
        if variable.make_only:
            default += " (set by make)"
        meaning = f"internal: {variable.meaning}" if variable.internal else variable.meaning
        lines.append(f"| `{variable.name}` | {default} | {meaning} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if argv != ["--make"]:
        print("usage: python3 -m settings.environment --make", file=sys.stderr)
        return 2
    sys.stdout.write(make_fragment())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""`podium`: build, serve, export and check from one command.

Exit codes: 0 done and nothing to report, 1 findings or a failed build, 2 bad usage.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from cli.accounts import add_arguments as add_hash_password_arguments
from cli.findings import findings, print_findings
from cli.runs import run_build
from orchestration.build_lock import build_lock
from orchestration.disk_space import disk_full_message, is_disk_full
from orchestration.export import DEFAULT_FORMAT, WRITERS
from orchestration.export import main as export_main
from orchestration.instance import install_instance_config
from protocol.__main__ import add_arguments as add_protocol_arguments
from protocol.__main__ import run as run_protocol
from protocol.files import default_language
from settings.environment import (
    PORT,
    PROJECT_ROOT,
    SPONSOR_PORT,
    Variable,
    dagster_home,
    podium_paths,
    port,
)
from vocabulary.words import LANGUAGES

APPS: dict[str, tuple[str, Variable]] = {
    "organizer": ("dashboards/organizer_app.py", PORT),
    "sponsor": ("dashboards/sponsor_app.py", SPONSOR_PORT),
}
OK, FINDINGS, USAGE = 0, 1, 2


def _say(line: str) -> None:
    print(line, flush=True)


def _build(_: argparse.Namespace) -> int:
    paths = podium_paths()
    home = dagster_home()
    if home is not None:
        install_instance_config(home)
    print(f"Building {paths.warehouse} from {paths.data_dir}")
    # Taken here, before the run starts, so a waiting build says so at once; the run holds
    # the same lock through the open file it inherits.
    with build_lock(paths.build_dir, f"podium build of {paths.data_dir}", _say) as lock:
        tags = None
        if home is not None:
            # Imported here: Dagster costs every other command a second or more to start.
            from orchestration.editions import every_edition_tags

            tags = every_edition_tags(paths.data_dir)
        run = run_build(lock.child_env(), sys.stdout, pass_fds=(lock.descriptor,), tags=tags)
    if run.ok:
        return OK
    disk_full = run.disk_full() or (
        disk_full_message(paths) if any(map(is_disk_full, run.log)) else None
    )
    # A full disk's traceback says nothing more than the message naming the disk.
    print(disk_full or run.failure_log(), file=sys.stderr)
    return FINDINGS


def _serve(options: argparse.Namespace) -> int:
    script, port_variable = APPS[options.app]
    streamlit = str(Path(sys.executable).with_name("streamlit"))
    listen = str(port(port_variable))
    os.chdir(PROJECT_ROOT)
    os.execv(
        streamlit,
        [streamlit, "run", script, "--server.headless", "true", "--server.port", listen],
    )


def _export(options: argparse.Namespace) -> int:
    export_main(["--format", options.file_format])
    return OK


def _check(options: argparse.Namespace) -> int:
    folder = Path(options.folder).resolve()
    if not folder.is_dir():
        print(f"podium check: {folder} is not a folder", file=sys.stderr)
        return USAGE
    with tempfile.TemporaryDirectory(prefix="podium-check-") as scratch:
        out = Path(scratch)
        (out / "dagster").mkdir()
        env = {
            "PODIUM_DATA_DIR": str(folder),
            "PODIUM_WAREHOUSE": str(out / "podium.duckdb"),
            "PODIUM_SPONSOR_WAREHOUSE": str(out / "sponsor.duckdb"),
            "DAGSTER_HOME": str(out / "dagster"),
        }
        print(f"Checking {folder} (nothing is published)")
        run = run_build(env, sys.stderr)
        warehouse = out / "podium.duckdb"
        if not run.ok or not warehouse.is_file():
            print(
                "The check could not finish: the build failed at "
                f"{', '.join(run.failed_steps) or 'its start'}.",
                file=sys.stderr,
            )
            print(run.failure_log(), file=sys.stderr)
            return FINDINGS
        found = findings(warehouse, options.lang or default_language())
    print_findings(found, sys.stdout)
    return FINDINGS if found else OK


def parser() -> argparse.ArgumentParser:
    podium = argparse.ArgumentParser(
        prog="podium",
        description="Podium: a warehouse of contest entries, formal checks and jury results.",
        epilog="Exit codes: 0 ok, 1 findings or a failed build, 2 bad usage.",
    )
    commands = podium.add_subparsers(dest="command", required=True, metavar="COMMAND")
    build = commands.add_parser(
        "build", help="materialize every asset on $PODIUM_DATA_DIR and publish $PODIUM_WAREHOUSE"
    )
    build.set_defaults(run=_build)
    serve = commands.add_parser("serve", help="serve the organizers' or the sponsors' dashboards")
    serve.add_argument("app", nargs="?", choices=sorted(APPS), default="organizer")
    serve.set_defaults(run=_serve)
    export = commands.add_parser(
        "export", help="every marts and sponsor table as files in $PODIUM_EXPORT_DIR"
    )
    export.add_argument(
        "--format", choices=sorted(WRITERS), default=DEFAULT_FORMAT, dest="file_format"
    )
    export.set_defaults(run=_export)
    check = commands.add_parser(
        "check",
        help="read a drop folder and print every ingest finding and violation, publishing nothing",
    )
    check.add_argument("folder", help="a drop folder: one <CONTEST>-<YEAR> folder per edition")
    check.add_argument(
        "--lang", choices=list(LANGUAGES), help="messages' language (default $PODIUM_LANG, else pl)"
    )
    check.set_defaults(run=_check)
    protocol = commands.add_parser(
        "protocol",
        help="the jury protocol of each edition (XLSX and PDF) from the published warehouse",
    )
    add_protocol_arguments(protocol).set_defaults(run=run_protocol)
    add_hash_password_arguments(
        commands.add_parser(
            "hash-password", help="the bcrypt hash of a password, for the users file $PODIUM_USERS"
        )
    )
    return podium


def main(argv: list[str] | None = None) -> int:
    options = parser().parse_args(argv)
    return options.run(options)

"""`make protocol`: the jury protocol of every contest edition (or one) as XLSX and PDF."""

import argparse
import sys
from pathlib import Path

from protocol.files import default_language, protocol_dir, write_protocols
from settings.environment import EXPORT_DIR, LANGUAGE, podium_paths
from vocabulary.words import LANGUAGES


def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The protocol's options, shared by `python -m protocol` and `podium protocol`."""
    parser.add_argument(
        "--lang",
        choices=list(LANGUAGES),
        help=f"language of the protocol (default ${LANGUAGE.name}, else {LANGUAGE.default})",
    )
    parser.add_argument("--edition", help="only this edition, as CONTEST-YEAR (e.g. PCCA-2026)")
    parser.add_argument(
        "--out", type=Path, help=f"folder to write to (default protocol/ in ${EXPORT_DIR.name})"
    )
    return parser


def run(arguments: argparse.Namespace) -> int:
    """Write the protocols; 0 when written, 1 with the reason when they cannot be."""
    try:
        written = write_protocols(
            podium_paths().warehouse,
            arguments.out or protocol_dir(),
            arguments.lang or default_language(),
            arguments.edition,
        )
    except (FileNotFoundError, LookupError, ValueError) as problem:
        print(problem, file=sys.stderr)
        return 1
    for protocol in written:
        print(f"{protocol.edition}: {protocol.xlsx} {protocol.pdf}")
    print(f"{len(written)} protocol(s) written", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m protocol", description=__doc__)
    return run(add_arguments(parser).parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())

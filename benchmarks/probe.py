"""Media probing throughput, one method per child process, over the same list of files.

    python -m benchmarks.probe {mutagen,ffprobe} LIST_FILE

LIST_FILE holds one `edition folder<TAB>path relative to it` a line (see dataset.py).
- mutagen: a bare single-process loop of `mutagen.File` (the library's own speed);
- ffprobe: one `ffprobe` process per file, as most people would script it.
The pipeline's own probe step is measured where it runs: the raw_media step of the cold
build (run.py), on the same files.
"""

from __future__ import annotations

import argparse
import subprocess
import time
from collections import Counter
from pathlib import Path

import mutagen

from benchmarks.measure import report

FFPROBE = ("ffprobe", "-v", "error", "-show_format", "-show_streams", "-of", "json")


def read_list(list_file: Path) -> list[tuple[Path, str]]:
    pairs = []
    for line in list_file.read_text(encoding="utf-8").splitlines():
        folder, relative = line.split("\t", 1)
        pairs.append((Path(folder), relative))
    return pairs


def _mutagen_loop(pairs: list[tuple[Path, str]]) -> Counter:
    outcomes: Counter = Counter()
    for folder, relative in pairs:
        try:
            parsed = mutagen.File(folder / relative)
        except Exception:  # a corrupt file is an outcome here, not a failure of the loop
            outcomes["error"] += 1
            continue
        outcomes["parsed" if parsed is not None else "unrecognised"] += 1
    return outcomes


def _ffprobe_loop(pairs: list[tuple[Path, str]]) -> Counter:
    outcomes: Counter = Counter()
    for folder, relative in pairs:
        done = subprocess.run(
            [*FFPROBE, str(folder / relative)],
            capture_output=True,
            check=False,
        )
        outcomes["parsed" if done.returncode == 0 else "error"] += 1
    return outcomes


METHODS = {"mutagen": _mutagen_loop, "ffprobe": _ffprobe_loop}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("method", choices=sorted(METHODS))
    parser.add_argument("list_file", type=Path)
    args = parser.parse_args()
    pairs = read_list(args.list_file)
    started = time.perf_counter()
    outcomes = METHODS[args.method](pairs)
    seconds = time.perf_counter() - started
    report(
        {
            "files": len(pairs),
            "seconds": seconds,
            "files_per_second": len(pairs) / seconds if seconds else 0.0,
            "outcomes": dict(outcomes),
        }
    )


if __name__ == "__main__":
    main()

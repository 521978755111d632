"""The project's Dagster instance settings (dagster.yaml), installed into $DAGSTER_HOME.

Dagster reads its instance settings only from $DAGSTER_HOME/dagster.yaml, so the project's
file is copied there. A dagster.yaml someone wrote there themselves is never replaced.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path

from settings.environment import DAGSTER_HOME, PROJECT_ROOT, dagster_home

INSTANCE_CONFIG = PROJECT_ROOT / "dagster.yaml"
INSTALLED_MARK = "# Installed from Podium's dagster.yaml; `make instance` replaces this file.\n"


class Installed(Enum):
    WRITTEN = "written"
    CURRENT = "current"
    FOREIGN = "foreign"


def install_instance_config(dagster_home: Path) -> Installed:
    """Write the project's dagster.yaml into dagster_home unless it is there or is someone's own."""
    dagster_home.mkdir(parents=True, exist_ok=True)
    target = dagster_home / "dagster.yaml"
    wanted = INSTALLED_MARK + INSTANCE_CONFIG.read_text(encoding="utf-8")
    if target.exists():
        current = target.read_text(encoding="utf-8")
        if current == wanted:
            return Installed.CURRENT
        if not current.startswith(INSTALLED_MARK):
            return Installed.FOREIGN
    staged = target.with_name(f".dagster.yaml.{os.getpid()}")
    staged.write_text(wanted, encoding="utf-8")
    os.replace(staged, target)
    return Installed.WRITTEN


def main() -> int:
    home = dagster_home()
    if home is None:
        print(f"{DAGSTER_HOME.name} is not set: nowhere to install dagster.yaml", file=sys.stderr)
        return 2
    target = home / "dagster.yaml"
    installed = install_instance_config(home)
    if installed is Installed.FOREIGN:
        print(
            f"{target} is not Podium's: left as it is. For one writer at a time, add the "
            f"`concurrency` section of {INSTANCE_CONFIG} to it.",
            file=sys.stderr,
        )
    elif installed is Installed.WRITTEN:
        print(f"Installed {INSTANCE_CONFIG} as {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

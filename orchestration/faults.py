"""Named pause points, so the fault tests can kill a real build at a known place.

A build holds still at the point named by PODIUM_PAUSE_AT (`after:<step>` once a Dagster step
has succeeded, or a point of publishing such as `publish:staged`), announces it on stderr and
waits to be killed. Unset, as it always is outside the fault tests, nothing pauses.
"""

import sys
import time

import dagster as dg

from settings.environment import pause_at

PAUSED_MESSAGE = "podium: paused at "


def pause_point(name: str) -> None:
    """Wait here for good if PODIUM_PAUSE_AT names this point."""
    if pause_at() != name:
        return
    print(f"{PAUSED_MESSAGE}{name}", file=sys.stderr, flush=True)
    while True:
        time.sleep(60)


@dg.success_hook(name="pause_after_step")
def pause_after_step(context: dg.HookContext) -> None:
    """The pause point `after:<step key>`, reached once that step has succeeded."""
    pause_point(f"after:{context.step_key}")

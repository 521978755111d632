"""A watched drop folder: a build is launched when a file of an edition folder changes.

The sensor's cursor is the state of the drop folder (`folder_state`: every file's path,
size and modification time) when it last launched a build, so a state is built once. It
launches the whole build job: steps whose inputs did not change skip themselves.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

import dagster as dg

from ingest.drop_folder import discover_editions, folder_state
from orchestration.dead_runs import fail_dead_runs
from settings.environment import podium_paths, watch_on

SENSOR_NAME = "watch_drop_folder"
# Seconds between two looks at the drop folder: small beside the 60 s a dropped file may
# take to be published.
INTERVAL_SECONDS = 5
# A run in these states has not read the drop folder yet, so it will build what is there now.
NOT_YET_READING = [
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.STARTING,
]
STATE_TAG = "podium/folder_state"


@dataclass(frozen=True)
class WatchCursor:
    """The folder state last handed to a build, and how many builds the sensor launched."""

    state: str
    launches: int

    def dumps(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def loads(cls, cursor: str | None) -> WatchCursor | None:
        """The cursor the sensor stored, or None on its first look (or an unreadable cursor)."""
        try:
            return cls(**json.loads(cursor or ""))
        except (ValueError, TypeError):
            return None


def default_status() -> dg.DefaultSensorStatus:
    """On when $PODIUM_WATCH is 1, off otherwise (`make dagster` users launch builds by hand);
    a state set in Dagster's UI is kept in $DAGSTER_HOME and wins over this default."""
    if watch_on():
        return dg.DefaultSensorStatus.RUNNING
    return dg.DefaultSensorStatus.STOPPED


def _pending_run(context: dg.SensorEvaluationContext, job_name: str) -> dg.DagsterRun | None:
    """A build this sensor launched that has not started reading the drop folder."""
    runs = context.instance.get_runs(
        filters=dg.RunsFilter(
            job_name=job_name,
            statuses=NOT_YET_READING,
            tags={"dagster/sensor_name": SENSOR_NAME},
        ),
        limit=1,
    )
    return runs[0] if runs else None


def watch_drop_folder(job: dg.UnresolvedAssetJobDefinition) -> dg.SensorDefinition:
    """The sensor launching `job` on each new state of the drop folder."""

    @dg.sensor(
        name=SENSOR_NAME,
        job=job,
        minimum_interval_seconds=INTERVAL_SECONDS,
        default_status=default_status(),
        description=(
            "Builds the warehouse when a file of an edition folder of $PODIUM_DATA_DIR is "
            "added, changed or removed."
        ),
    )
    def sensor(context: dg.SensorEvaluationContext):
        for run_id in fail_dead_runs(context.instance):
            context.log.warning(f"run {run_id} was left started by a killed build: failed")
        # The paths from the environment, as the build's warehouse resource reads them; not
        # the resource itself, whose setup waits for the build lock a running build holds.
        paths = podium_paths()
        data_dir = paths.data_dir
        if not data_dir.is_dir():
            return dg.SkipReason(f"the drop folder {data_dir} does not exist or is not a folder")
        # An empty drop folder is more likely an unmounted disk than a season with no
        # edition: publishing an empty warehouse is left to a `podium build` by hand.
        if not discover_editions(data_dir):
            return dg.SkipReason(f"no edition folder (<CONTEST>-<YEAR>) in {data_dir}")
        try:
            state = folder_state(data_dir)
        except OSError as error:
            return dg.SkipReason(f"could not read the drop folder {data_dir}: {error}")
        last = WatchCursor.loads(context.cursor)
        if last is not None and last.state == state:
            return dg.SkipReason(f"no file of {data_dir} changed since build {last.launches}")
        launched = last.launches if last else 0
        pending = _pending_run(context, job.name)
        if pending is not None:
            return dg.SensorResult(
                skip_reason=f"run {pending.run_id} has not started yet: it will read "
                f"{data_dir} as it is now",
                cursor=WatchCursor(state, launched).dumps(),
            )
        launches = launched + 1
        # The launch number in the key: a folder changed back to a state built before
        # (a dropped file removed again) is a new build, not a repeat of the old one.
        return dg.SensorResult(
            run_requests=[
                dg.RunRequest(run_key=f"{launches}-{state[:16]}", tags={STATE_TAG: state[:16]})
            ],
            cursor=WatchCursor(state, launches).dumps(),
        )

    return sensor

"""A watched drop folder: a build of the changed editions is launched when a file changes.

The sensor's cursor holds the state of each edition folder (`edition_state`: every file's
path, size and modification time) when it last launched a build, so a state is built once.
It keeps the `editions` partitions in step with the folders found and launches the build
job for the editions whose folder changed (a range of partitions: the drop-folder tables
read only those; a removed folder's rows go in any run; everything after the raw layer is
built whole, its steps skipping themselves when their inputs did not change).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field

import dagster as dg

from ingest.drop_folder import discover_editions, edition_state
from orchestration.dead_runs import fail_dead_runs
from orchestration.editions import EDITIONS, keys_of_run, partition_changes, range_tags
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
    """The folder state last handed to a build (the whole folder's and each edition's), and
    how many builds the sensor launched."""

    state: str
    launches: int
    editions: Mapping[str, str] = field(default_factory=dict)

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


def _folder_state(editions: Mapping[str, str]) -> str:
    """The whole folder's state: every edition folder's name and state."""
    lines = sorted(f"{name} {state}" for name, state in editions.items())
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def _changed(last: WatchCursor | None, editions: Mapping[str, str]) -> list[str]:
    """Editions whose folder is new or changed since the last launch (all on a first look)."""
    if last is None or not last.editions:
        return list(editions)
    return [name for name, state in editions.items() if last.editions.get(name) != state]


def _partition_requests(
    instance: dg.DagsterInstance, names: list[str]
) -> tuple[list[str], list[dg.AddDynamicPartitionsRequest | dg.DeleteDynamicPartitionsRequest]]:
    """The partitions in Dagster's order once the folders found are its editions, and the
    requests that make them so."""
    changes = partition_changes(instance.get_dynamic_partitions(EDITIONS.name), names)
    requests: list[dg.AddDynamicPartitionsRequest | dg.DeleteDynamicPartitionsRequest] = []
    if changes.gone:
        requests.append(dg.DeleteDynamicPartitionsRequest(EDITIONS.name, changes.gone))
    if changes.added:
        requests.append(dg.AddDynamicPartitionsRequest(EDITIONS.name, changes.added))
    return changes.ordered, requests


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
        found = discover_editions(data_dir)
        if not found:
            return dg.SkipReason(f"no edition folder (<CONTEST>-<YEAR>) in {data_dir}")
        try:
            editions = {edition.name: edition_state(edition) for edition in found}
        except OSError as error:
            return dg.SkipReason(f"could not read the drop folder {data_dir}: {error}")
        state = _folder_state(editions)
        last = WatchCursor.loads(context.cursor)
        if last is not None and last.state == state:
            return dg.SkipReason(f"no file of {data_dir} changed since build {last.launches}")
        launched = last.launches if last else 0
        ordered, partition_requests = _partition_requests(context.instance, list(editions))
        # Only removed folders: their rows go in a run of any edition; all are named, each
        # unchanged one costing a fingerprint.
        changed = _changed(last, editions) or ordered
        pending = _pending_run(context, job.name)
        covered = keys_of_run(pending, ordered) if pending is not None else set()
        if pending is not None and (covered is None or covered >= set(changed)):
            return dg.SensorResult(
                skip_reason=f"run {pending.run_id} has not started yet: it will read "
                f"{', '.join(changed)} as they are now",
                cursor=WatchCursor(state, launched, editions).dumps(),
                dynamic_partitions_requests=partition_requests,
            )
        launches = launched + 1
        # The launch number in the key: a folder changed back to a state built before
        # (a dropped file removed again) is a new build, not a repeat of the old one.
        return dg.SensorResult(
            run_requests=[
                dg.RunRequest(
                    run_key=f"{launches}-{state[:16]}",
                    tags={STATE_TAG: state[:16], **range_tags(ordered, changed)},
                )
            ],
            cursor=WatchCursor(state, launches, editions).dumps(),
            dynamic_partitions_requests=partition_requests,
        )

    return sensor

"""Runs a killed build left marked as started, found and reported failed.

The instance runs one build at a time (dagster.yaml), counting every run marked as started.
A build killed outright (SIGKILL, a closed terminal, a power cut) never reports its end, so
its run stays started and the queue would hold the sensor's and the UI's runs for ever. A
started run whose process is gone from this machine is reported failed, saying why.
"""

from __future__ import annotations

import dagster as dg

from orchestration.publish import process_alive


def _pid(instance: dg.DagsterInstance, run: dg.DagsterRun) -> int | None:
    """The process that started the run, from its RUN_START event (None before it has one)."""
    records = instance.get_records_for_run(
        run.run_id, of_type=dg.DagsterEventType.RUN_START, limit=1
    ).records
    event = records[0].event_log_entry.dagster_event if records else None
    return event.pid if event else None


def fail_dead_runs(instance: dg.DagsterInstance) -> list[str]:
    """Report failed every started run whose process no longer exists; their ids."""
    failed = []
    for run in instance.get_runs(filters=dg.RunsFilter(statuses=[dg.DagsterRunStatus.STARTED])):
        pid = _pid(instance, run)
        if pid is None or process_alive(pid):
            continue
        instance.report_run_failed(
            run,
            f"its process {pid} is gone (killed?): reported failed so that the next build "
            "can start",
        )
        failed.append(run.run_id)
    return failed

"""Failed sign-ins per account, kept in a small SQLite file so that every session, tab and
server process of the organizers' app counts them together: a guessing loop opens a new
session for each try, so a count in the session would never reach the limit."""

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# How long a writer waits for another session's transaction before giving up.
BUSY_SECONDS = 10.0


@dataclass(frozen=True)
class LockoutPolicy:
    """After max_attempts failed sign-ins in a row an account is locked for `minutes`."""

    max_attempts: int = 5
    minutes: float = 15.0

    @property
    def seconds(self) -> float:
        return self.minutes * 60


class LockoutStore:
    """The failures in a row and the lock of each account, by username.

    Every change is one SQLite transaction taken with `begin immediate`, so two sessions
    failing at once both count, and a crash mid-write leaves the previous state (SQLite's
    journal makes each commit atomic)."""

    def __init__(self, path: Path, policy: LockoutPolicy) -> None:
        self.path = path
        self.policy = policy

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        con = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
        try:
            con.execute("begin immediate")
            con.execute(
                "create table if not exists failures (username text primary key, "
                "in_a_row integer not null, locked_until real)"
            )
            try:
                yield con
            except BaseException:
                con.execute("rollback")
                raise
            con.execute("commit")
        finally:
            con.close()

    def locked(self, now: float | None = None) -> dict[str, float]:
        """The accounts locked at `now`, with the time each lock ends."""
        moment = time.time() if now is None else now
        with self._transaction() as con:
            rows = con.execute(
                "select username, locked_until from failures where locked_until > ?", (moment,)
            ).fetchall()
        return dict(rows)

    def record_failure(self, username: str, now: float | None = None) -> float | None:
        """Count a failed sign-in; when it is the policy's last allowed one, lock the account
        and return the time the lock ends. A lock that has ended starts a new count."""
        moment = time.time() if now is None else now
        with self._transaction() as con:
            row = con.execute(
                "select in_a_row, locked_until from failures where username = ?", (username,)
            ).fetchone()
            in_a_row, locked_until = row if row else (0, None)
            if locked_until is not None and locked_until > moment:
                return locked_until
            in_a_row = 1 if locked_until is not None else in_a_row + 1
            ends = moment + self.policy.seconds if in_a_row >= self.policy.max_attempts else None
            con.execute(
                "insert or replace into failures values (?, ?, ?)", (username, in_a_row, ends)
            )
        return ends

    def record_success(self, username: str) -> None:
        """A right password ends the count."""
        with self._transaction() as con:
            con.execute("delete from failures where username = ?", (username,))

"""Organizer accounts without a browser: the users file is checked with a specific reason for
each fault, the lockout store counts failures across processes, and the organizers' app
(AppTest) signs in, refuses, locks, fails closed and hides contact data by role."""

import io
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import bcrypt
import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from cli.main import main
from dashboards.accounts import (
    CONTACT_COLUMNS,
    DEFAULT_COOKIE_NAME,
    ROLES,
    AccountsError,
    load_accounts,
)
from dashboards.i18n import TEXTS
from dashboards.lockout import LockoutPolicy, LockoutStore
from settings.environment import PROJECT_ROOT
from tests.dashboard_app import ORGANIZER_APP, TIMEOUT, shown_text

COOKIE_KEY = "a-test-cookie-key-of-forty-characters-xx"
# The lowest bcrypt cost: the tests check passwords many times, and the cost is not tested.
FAST_ROUNDS = 4
PASSWORDS = {"anna": "anna-hasło-1", "jan": "jan-hasło-2", "ewa": "ewa-hasło-3"}
ROLE_OF = {"anna": "organizer", "jan": "jury_chair", "ewa": "organizer"}


def password_hash(password: str) -> str:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(FAST_ROUNDS)).decode()


def users_yaml(extra: str = "") -> str:
    """A users file of PASSWORDS and ROLE_OF, the cookie key, and extra at the end."""
    users = "".join(
        f"  {name}:\n    name: {name.title()} Testowa\n"
        f'    password_hash: "{password_hash(password)}"\n    role: {ROLE_OF[name]}\n'
        for name, password in PASSWORDS.items()
    )
    return f'cookie:\n  key: "{COOKIE_KEY}"\nusers:\n{users}{extra}'


def write_users(folder: Path, extra: str = "") -> Path:
    path = folder / "users.yaml"
    path.write_text(users_yaml(extra), encoding="utf-8")
    return path


# --- The users file ------------------------------------------------------------------


def test_a_users_file_is_read_with_its_defaults(tmp_path):
    accounts = load_accounts(write_users(tmp_path))
    assert {name: account.role for name, account in accounts.users.items()} == ROLE_OF
    assert accounts.users["jan"].name == "Jan Testowa"
    assert accounts.cookie_key == COOKIE_KEY
    assert accounts.cookie_name == DEFAULT_COOKIE_NAME
    # 5 failures and 15 minutes unless the file says otherwise; the state beside the file.
    assert accounts.lockout == LockoutPolicy() == LockoutPolicy(max_attempts=5, minutes=15)
    assert accounts.lockout_file == tmp_path / "users.lockout.sqlite"


def test_the_users_file_can_change_the_lockout(tmp_path):
    extra = "lockout:\n  max_attempts: 3\n  minutes: 0.5\n  state_file: /elsewhere/lock.db\n"
    accounts = load_accounts(write_users(tmp_path, extra))
    assert accounts.lockout == LockoutPolicy(max_attempts=3, minutes=0.5)
    assert accounts.lockout_file == Path("/elsewhere/lock.db")


BAD_FILES = {
    "not YAML": ("cookie: [unclosed", "is not valid YAML"),
    "a list": ("- anna\n- jan\n", "must be a mapping"),
    "no cookie": ("users:\n  anna: {}\n", "`cookie` must be a mapping"),
    "short key": ('cookie:\n  key: "short"\nusers: {}\n', "at least 32 characters"),
    "no users": (f'cookie:\n  key: "{COOKIE_KEY}"\nusers: {{}}\n', "lists nobody"),
    "plain password": (
        f'cookie:\n  key: "{COOKIE_KEY}"\nusers:\n  anna:\n    name: Anna\n'
        "    password_hash: anna-hasło-1\n    role: organizer\n",
        "not a bcrypt hash",
    ),
    "unknown role": (
        f'cookie:\n  key: "{COOKIE_KEY}"\nusers:\n  anna:\n    name: Anna\n'
        f'    password_hash: "{password_hash("x")}"\n    role: admin\n',
        "role 'admin' is not one of organizer, jury_chair",
    ),
    "no name": (
        f'cookie:\n  key: "{COOKIE_KEY}"\nusers:\n  anna:\n'
        f'    password_hash: "{password_hash("x")}"\n    role: organizer\n',
        "`name` must be a non-empty text",
    ),
    "twice": (
        f'cookie:\n  key: "{COOKIE_KEY}"\nusers:\n'
        + "".join(
            f'  {name}:\n    name: A\n    password_hash: "{password_hash("x")}"\n'
            "    role: organizer\n"
            for name in ("anna", "ANNA")
        ),
        "listed twice",
    ),
    "bad lockout": (users_yaml("lockout:\n  max_attempts: 2.5\n"), "whole number"),
    "negative minutes": (users_yaml("lockout:\n  minutes: -1\n"), "positive number"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_users_file_says_what_is_wrong(tmp_path, case):
    text, reason = BAD_FILES[case]
    path = tmp_path / "users.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AccountsError, match=reason):
        load_accounts(path)


def test_an_unreadable_users_file_says_so(tmp_path):
    with pytest.raises(AccountsError, match="cannot be read"):
        load_accounts(tmp_path / "missing.yaml")
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(AccountsError, match="cannot be read"):
        load_accounts(binary)


def test_roles_and_their_pages():
    assert ROLES["organizer"].pages == ("participation", "formal_check", "scores", "entry")
    assert ROLES["jury_chair"].pages == ("scores", "entry")
    assert ROLES["organizer"].sees_contact_data and not ROLES["jury_chair"].sees_contact_data


# --- The lockout store ---------------------------------------------------------------


def test_five_failures_lock_for_fifteen_minutes(tmp_path):
    store = LockoutStore(tmp_path / "lock.sqlite", LockoutPolicy())
    start = 1_000_000.0
    for attempt in range(4):
        assert store.record_failure("anna", start + attempt) is None
    assert store.locked(start + 4) == {}
    ends = store.record_failure("anna", start + 4)
    assert ends == start + 4 + 15 * 60
    assert store.locked(start + 5) == {"anna": ends}
    # A failure during the lock does not prolong it; another account is not touched.
    assert store.record_failure("anna", start + 60) == ends
    assert store.record_failure("jan", start + 60) is None
    assert store.locked(ends - 1) == {"anna": ends}
    assert store.locked(ends) == {}
    # After the lock a new count starts: one more failure does not lock again.
    assert store.record_failure("anna", ends + 1) is None
    assert store.locked(ends + 2) == {}


def test_a_right_password_ends_the_count(tmp_path):
    store = LockoutStore(tmp_path / "lock.sqlite", LockoutPolicy())
    for attempt in range(4):
        store.record_failure("anna", float(attempt))
    store.record_success("anna")
    for attempt in range(4):
        assert store.record_failure("anna", 10.0 + attempt) is None


def _fail_once(path: Path) -> float | None:
    return LockoutStore(path, LockoutPolicy(max_attempts=40)).record_failure("anna")


def test_failures_from_many_processes_all_count(tmp_path):
    # A guessing loop of many sessions at once: every failure counts, none is lost.
    path = tmp_path / "lock.sqlite"
    with ProcessPoolExecutor(max_workers=8) as pool:
        ends = list(pool.map(_fail_once, [path] * 40))
    assert sum(end is not None for end in ends) == 1
    assert set(LockoutStore(path, LockoutPolicy()).locked()) == {"anna"}


# --- The command that hashes a password ----------------------------------------------


def test_podium_hash_password_prints_a_bcrypt_hash():
    podium = str(Path(sys.executable).with_name("podium"))
    done = subprocess.run(
        [podium, "hash-password"],
        input="anna-hasło-1\n",
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert bcrypt.checkpw("anna-hasło-1".encode(), done.stdout.strip().encode())


@pytest.mark.parametrize("typed", ["\n", " padded \n"])
def test_podium_hash_password_refuses_a_password_that_cannot_be_typed(monkeypatch, capsys, typed):
    # In-process: starting `podium` costs seconds, and the command above tests the process.
    monkeypatch.setattr(sys, "stdin", io.StringIO(typed))
    assert main(["hash-password"]) == 2
    assert "must not be empty" in capsys.readouterr().err


# --- The app ---------------------------------------------------------------------------


def text_of(key: str, **values: object) -> str:
    """The Polish text of key (the app's default language)."""
    return TEXTS[key][0].format(**values)


def fresh_session() -> AppTest:
    """A new session of the organizers' app, as a new tab or a new guessing loop opens."""
    return AppTest.from_file(ORGANIZER_APP, default_timeout=TIMEOUT).run()


def sign_in(app: AppTest, username: str, password: str) -> AppTest:
    username_box, password_box = app.text_input
    username_box.input(username)
    password_box.input(password)
    return app.button[0].click().run()


def errors(app: AppTest) -> list[str]:
    return [error.value for error in app.error]


def shows_data(app: AppTest) -> bool:
    return bool(app.metric or app.dataframe)


@pytest.fixture
def users(published_env, tmp_path, monkeypatch) -> Path:
    path = write_users(tmp_path)
    monkeypatch.setenv("PODIUM_USERS", str(path))
    return path


def test_a_wrong_password_shows_no_data(users):
    app = fresh_session()
    assert not shows_data(app)
    sign_in(app, "anna", "wrong")
    assert errors(app) == [text_of("wrong_login")]
    assert not shows_data(app) and not app.exception
    sign_in(app, "nobody", PASSWORDS["anna"])
    assert errors(app) == [text_of("wrong_login")]
    sign_in(app, "anna", PASSWORDS["anna"])
    assert not app.exception and not errors(app)
    assert shows_data(app)


def test_five_failures_lock_the_account_in_every_session(users):
    locked = text_of("account_locked", attempts=5, minutes="15")
    # Each try from a new session, as a loop would: the count is not the session's.
    for _ in range(4):
        assert errors(sign_in(fresh_session(), "ewa", "wrong")) == [text_of("wrong_login")]
    assert errors(sign_in(fresh_session(), "ewa", "wrong")) == [locked]
    refused = sign_in(fresh_session(), "ewa", PASSWORDS["ewa"])
    assert errors(refused) == [locked]
    assert not shows_data(refused)
    # Another account signs in meanwhile.
    assert shows_data(sign_in(fresh_session(), "anna", PASSWORDS["anna"]))


@pytest.mark.parametrize(
    "content", ["cookie: [unclosed", "users: {}", None], ids=["not YAML", "no cookie", "missing"]
)
def test_an_unusable_users_file_fails_closed(published_env, tmp_path, monkeypatch, content):
    path = tmp_path / "users.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    monkeypatch.setenv("PODIUM_USERS", str(path))
    # Even with the shared password set: accounts configured and unusable open nothing.
    monkeypatch.setenv("PODIUM_ORGANIZER_PASSWORD", "tajne-hasło")
    app = fresh_session()
    assert not app.exception
    assert len(app.error) == 1
    assert app.error[0].value.startswith(text_of("accounts_unusable", reason=""))
    assert not app.text_input and not shows_data(app)


def test_an_unwritable_lockout_store_fails_closed(users, tmp_path):
    users.write_text(
        users_yaml(f"lockout:\n  state_file: {tmp_path / 'no-such-folder' / 'lock.db'}\n"),
        encoding="utf-8",
    )
    app = fresh_session()
    assert not app.exception and not shows_data(app)
    assert app.error[0].value.startswith("Nie można zapisać nieudanych logowań")


def entry_page(username: str, filters: dict[str, object], entry_row_key: str) -> AppTest:
    app = AppTest.from_file(ORGANIZER_APP, default_timeout=TIMEOUT)
    for key, value in filters.items():
        app.session_state[key] = value
    sign_in(app.run(), username, PASSWORDS[username])
    app.switch_page("views/entry.py").run()
    app.selectbox(key="entry_row_key").set_value(entry_row_key).run()
    assert not app.exception and not errors(app)
    return app


def test_a_jury_chair_sees_no_contact_data(users, published_env):
    warehouse = published_env.warehouse
    with duckdb.connect(str(warehouse), read_only=True) as con:
        contest, year, entry_row_key, participant, reason = con.execute(
            "select e.contest_code, e.edition_year, e.entry_row_key, p.participant_name, "
            # The page speaks Polish unless switched: the reason shown is the Polish one.
            "v.reason_pl from marts.fct_entries as e "
            "join marts.dim_participant as p using (participant_key) "
            "left join marts.fct_jury_violations as v on v.contest_code = e.contest_code "
            "and v.edition_year = e.edition_year and v.entry_id = e.entry_id "
            "and v.conflict_source is not null "
            "order by (v.reason_pl like '%' || p.participant_name || '%') desc nulls last, "
            "e.entry_row_key limit 1"
        ).fetchone()
    filters = {"filter_contest": contest, "filter_edition": year}
    organizer = entry_page("anna", filters, entry_row_key)
    assert participant in shown_text(organizer)
    chair = entry_page("jan", filters, entry_row_key)
    shown = shown_text(chair)
    assert participant not in shown
    # The analysts' expander lists the entry's columns by name: none of the contact ones.
    assert "participant_name" in shown_text(organizer)
    assert not [column for column in CONTACT_COLUMNS if column in shown]
    if reason is not None and participant in reason:
        assert reason in shown_text(organizer) and reason not in shown

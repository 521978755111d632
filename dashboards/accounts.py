"""Organizer accounts: the YAML file $PODIUM_USERS (kept outside the repository) names each
user with a display name, a bcrypt password hash and a role, and holds the secret that
signs the sign-in cookie. What each role may open and see is written here (docs/accounts.md).

A file that cannot be read or does not hold what is needed raises AccountsError with the
reason: the app then shows the reason and no data."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st
import yaml
from streamlit_authenticator import Hasher

from dashboards.lockout import LockoutPolicy

# The organizers' pages (dashboards/views/<page>.py), in the order of the navigation.
PAGES = ("participation", "formal_check", "scores", "entry")
# A participant's name is the contact data of an entry: the person behind it, whom the
# organizers reach. The marts hold no e-mail or phone; a column of those would join here.
CONTACT_COLUMNS = ("participant_name", "participant_name_normalized")
# A cookie key shorter than this could be guessed, and with it any sign-in forged.
MIN_COOKIE_KEY_CHARS = 32
DEFAULT_COOKIE_NAME = "podium_login"
DEFAULT_COOKIE_DAYS = 7.0
# Where the signed-in session's role is kept for the pages.
ROLE_KEY = "podium_role"


@dataclass(frozen=True)
class Role:
    """The pages a role opens (first the default) and whether it sees contact data."""

    pages: tuple[str, ...]
    sees_contact_data: bool


ROLES = {
    "organizer": Role(pages=PAGES, sees_contact_data=True),
    "jury_chair": Role(pages=("scores", "entry"), sees_contact_data=False),
}
# The role of the local demo (nothing configured) and of the shared password's single account.
OPEN_ROLE = "organizer"
# A page reached without a signed-in role opens nothing more and sees no contact data.
NO_ROLE = Role(pages=(), sees_contact_data=False)


@dataclass(frozen=True)
class Account:
    username: str
    name: str
    password_hash: str
    role: str


@dataclass(frozen=True)
class Accounts:
    """What the users file says, checked."""

    users: dict[str, Account]
    cookie_key: str
    cookie_name: str
    cookie_days: float
    lockout: LockoutPolicy
    lockout_file: Path

    def credentials(self, locked: set[str]) -> dict[str, Any]:
        """The users in streamlit-authenticator's shape; a locked account carries the
        failures that make the library refuse it before it checks the password."""
        return {
            "usernames": {
                account.username: {
                    "name": account.name,
                    "password": account.password_hash,
                    "roles": [account.role],
                    "failed_login_attempts": (
                        self.lockout.max_attempts if account.username in locked else 0
                    ),
                }
                for account in self.users.values()
            }
        }


class AccountsError(Exception):
    """The users file cannot be used; the message says why."""


def _mapping(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise AccountsError(f"{where} must be a mapping")
    return value


def _text(section: dict[str, Any], key: str, where: str) -> str:
    value = section.get(key)
    if not isinstance(value, str) or not value.strip():
        raise AccountsError(f"{where}: `{key}` must be a non-empty text")
    return value.strip()


def _positive(section: dict[str, Any], key: str, default: float, where: str) -> float:
    value = section.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise AccountsError(f"{where}: `{key}` must be a positive number, not {value!r}")
    return value


def _account(username: object, entry: object) -> Account:
    where = f"user {username!r}"
    if not isinstance(username, str) or not username.strip():
        raise AccountsError(f"{where}: a username must be a non-empty text")
    fields = _mapping(entry, where)
    password_hash = _text(fields, "password_hash", where)
    if not Hasher.is_hash(password_hash):
        raise AccountsError(
            f"{where}: `password_hash` is not a bcrypt hash (make one with `podium hash-password`)"
        )
    role = _text(fields, "role", where)
    if role not in ROLES:
        raise AccountsError(f"{where}: role {role!r} is not one of {', '.join(ROLES)}")
    # The library compares usernames lower-cased.
    return Account(username.strip().lower(), _text(fields, "name", where), password_hash, role)


def load_accounts(path: Path) -> Accounts:
    """The accounts of the users file, checked; AccountsError says what is wrong."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise AccountsError(f"{path} cannot be read: {error}") from error
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise AccountsError(f"{path} is not valid YAML: {error}") from error
    top = _mapping(document, str(path))
    cookie = _mapping(top.get("cookie"), "`cookie`")
    key = _text(cookie, "key", "`cookie`")
    if len(key) < MIN_COOKIE_KEY_CHARS:
        raise AccountsError(f"`cookie`: `key` must be at least {MIN_COOKIE_KEY_CHARS} characters")
    users: dict[str, Account] = {}
    for username, entry in _mapping(top.get("users"), "`users`").items():
        account = _account(username, entry)
        if account.username in users:
            raise AccountsError(f"user {username!r} is listed twice (usernames ignore case)")
        users[account.username] = account
    if not users:
        raise AccountsError("`users` lists nobody")
    lockout = _mapping(top.get("lockout", {}), "`lockout`")
    defaults = LockoutPolicy()
    attempts = _positive(lockout, "max_attempts", defaults.max_attempts, "`lockout`")
    if not isinstance(attempts, int):
        raise AccountsError(f"`lockout`: `max_attempts` must be a whole number, not {attempts}")
    state = lockout.get("state_file", f"{path.stem}.lockout.sqlite")
    if not isinstance(state, str) or not state.strip():
        raise AccountsError("`lockout`: `state_file` must be a non-empty text")
    return Accounts(
        users=users,
        cookie_key=key,
        cookie_name=_text(cookie, "name", "`cookie`") if "name" in cookie else DEFAULT_COOKIE_NAME,
        cookie_days=_positive(cookie, "expiry_days", DEFAULT_COOKIE_DAYS, "`cookie`"),
        lockout=LockoutPolicy(
            attempts, _positive(lockout, "minutes", defaults.minutes, "`lockout`")
        ),
        # A relative state file sits beside the users file.
        lockout_file=path.parent / Path(state).expanduser(),
    )


def current_role() -> Role:
    """The signed-in session's role; a page reached without one sees no contact data."""
    return ROLES.get(st.session_state.get(ROLE_KEY), NO_ROLE)


def hidden_columns(*quoting: str) -> list[str]:
    """The columns a page drops for the signed-in role: none for a role that sees contact
    data, else the contact columns and the named free-text columns that may quote them."""
    if current_role().sees_contact_data:
        return []
    return [*CONTACT_COLUMNS, *quoting]

"""Who may open the organizers' app, and with which role.

- $PODIUM_USERS set: its accounts (dashboards/accounts.py), signed in with
  streamlit-authenticator's form and kept by its signed cookie across reloads; failures
  are counted per account in the lockout store, shared by every session.
- Else $PODIUM_ORGANIZER_PASSWORD set: that one password, for this session, as an organizer.
- Neither: open, as an organizer (the local demo).
"""

import hmac
import sqlite3

import streamlit as st
from streamlit_authenticator import Authenticate, LoginError

from dashboards.accounts import (
    OPEN_ROLE,
    Accounts,
    AccountsError,
    load_accounts,
)
from dashboards.i18n import t
from dashboards.lockout import LockoutStore
from settings.environment import organizer_password, users_file

LOGIN_FORM = "podium_login"
LOGOUT_BUTTON = "podium_logout"


def password_accepted() -> bool:
    """True when no password is configured or this session has given the right one."""
    expected = organizer_password()
    if not expected or st.session_state.get("organizer_authenticated"):
        return True
    given = st.text_input(t("password"), type="password", key="organizer_password")
    if given and hmac.compare_digest(given.encode(), expected.encode()):
        st.session_state["organizer_authenticated"] = True
        st.rerun()
    if given:
        st.error(t("wrong_password"))
    return False


def signed_in_role() -> str | None:
    """This session's role, once signed in (the sign-in form is shown until then): None
    while nobody is signed in or the accounts cannot be used, and the page must stop."""
    path = users_file()
    if path is None:
        return OPEN_ROLE if password_accepted() else None
    try:
        accounts = load_accounts(path)
    except AccountsError as error:
        st.error(t("accounts_unusable", reason=str(error)))
        return None
    store = LockoutStore(accounts.lockout_file, accounts.lockout)
    try:
        return _account_role(accounts, store)
    except sqlite3.Error as error:
        st.error(t("lockout_unusable", path=str(accounts.lockout_file), reason=str(error)))
        return None


def _locked_message(accounts: Accounts) -> str:
    policy = accounts.lockout
    return t("account_locked", attempts=policy.max_attempts, minutes=f"{policy.minutes:g}")


def _account_role(accounts: Accounts, store: LockoutStore) -> str | None:
    locked = set(store.locked())
    credentials = accounts.credentials(locked)
    # The library counts a failed password in these entries, which tells whose it was.
    users = dict(credentials["usernames"])
    before = {username: user["failed_login_attempts"] for username, user in users.items()}
    authenticator = Authenticate(
        credentials,
        accounts.cookie_name,
        accounts.cookie_key,
        accounts.cookie_days,
        auto_hash=False,
    )
    token = authenticator.cookie_controller.get_cookie()
    if token and token.get("username") not in accounts.users:
        # A cookie of an account since removed: ignored, so that the form is shown.
        st.session_state["logout"] = True
    try:
        authenticator.login(
            location="main",
            max_login_attempts=accounts.lockout.max_attempts,
            fields={
                "Form name": t("sign_in"),
                "Username": t("username"),
                "Password": t("account_password"),
                "Login": t("sign_in_button"),
            },
            key=LOGIN_FORM,
            callback=lambda event: store.record_success(event["username"]),
        )
    except LoginError:
        # The library refuses a locked account (its failures at the maximum) before it
        # checks the password: a right one is refused too.
        st.error(_locked_message(accounts))
        return None
    if st.session_state.get("authentication_status"):
        return _signed_in(authenticator, accounts)
    failed = [name for name, user in users.items() if user["failed_login_attempts"] > before[name]]
    if failed:
        locks = store.record_failure(failed[0]) is not None
        st.error(_locked_message(accounts) if locks else t("wrong_login"))
    elif st.session_state.get("authentication_status") is False:
        st.error(t("wrong_login"))
    return None


def _signed_in(authenticator: Authenticate, accounts: Accounts) -> str | None:
    """The signed-in account's role from the users file as it is now, with its name and a
    sign-out button in the sidebar; None once it has signed out or been removed."""
    account = accounts.users.get(st.session_state.get("username"))
    if account is None:
        authenticator.logout(location="unrendered")
        st.info(t("account_removed"))
        return None
    st.sidebar.caption(t("signed_in_as", name=account.name, role=t(f"role_{account.role}")))
    authenticator.logout(button_name=t("sign_out"), location="sidebar", key=LOGOUT_BUTTON)
    if not st.session_state.get("authentication_status"):
        st.info(t("signed_out"))
        return None
    return account.role

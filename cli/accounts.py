"""`podium hash-password`: the bcrypt hash of a password, for an account of the users file
($PODIUM_USERS, docs/accounts.md). The password is asked twice on a terminal, or read as
one line from a pipe; it is never an argument, which the shell history and `ps` would keep."""

import argparse
import getpass
import sys

OK, USAGE = 0, 2


def _password() -> str | None:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Repeat it: ") != first:
        print("podium hash-password: the passwords differ", file=sys.stderr)
        return None
    return first


def run(_: argparse.Namespace) -> int:
    password = _password()
    if password is None:
        return USAGE
    # The sign-in form strips what is typed, so a password kept with spaces around it
    # could never be given.
    if not password or password != password.strip():
        print(
            "podium hash-password: a password must not be empty nor start or end with a space",
            file=sys.stderr,
        )
        return USAGE
    # Imported here: the library starts Streamlit's machinery, which no other command needs.
    from streamlit_authenticator import Hasher

    print(Hasher.hash(password))
    return OK


def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.set_defaults(run=run)
    return parser

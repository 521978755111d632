"""Organizer accounts in Debian's Chromium (Playwright) against `streamlit run` with a users
file ($PODIUM_USERS): a wrong password shows no data, five failures lock an account (a right
password then too is refused), each role sees only its pages and a jury chair no contact
data (deep links included), and a sign-in survives a reload through its signed cookie."""

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import duckdb
import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.pipeline.test_browser import (
    ARTIFACTS,
    ORGANIZER_PAGES,
    PAGE_TIMEOUT_MS,
    PAGE_TITLES,
    browser,
    server_env,
    serving,
)
from tests.pipeline.test_dashboards_accounts import PASSWORDS, text_of, write_users
from vocabulary.words import COLUMNS

__all__ = ["browser"]  # the fixture, used by name
pytestmark = pytest.mark.browser

NAVIGATION = '[data-testid="stSidebarNav"]'
ERROR = '[data-testid="stAlertContentError"]'
IDLE = '[data-test-script-state="notRunning"]'
# The Entry card's label of the participant (Polish, the default language).
PARTICIPANT_LABEL = COLUMNS["participant_name"][0].capitalize()


@pytest.fixture(scope="module")
def organizer(demo_warehouse, tmp_path_factory) -> Iterator[str]:
    """The organizers' app with accounts: its address."""
    folder = tmp_path_factory.mktemp("accounts")
    env = {**server_env(demo_warehouse), "PODIUM_USERS": str(write_users(folder))}
    with serving("organizer_app.py", env, folder / "organizer.log") as address:
        yield address


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A browser of its own (its own cookies), as another person's would be."""
    opened = browser.new_context(viewport={"width": 1400, "height": 2400})
    opened.set_default_timeout(PAGE_TIMEOUT_MS)
    yield opened
    opened.close()


def settled(page: Page) -> None:
    """Wait until the script has run and the page is drawn."""
    page.wait_for_selector(IDLE)
    page.wait_for_load_state("load")
    page.wait_for_timeout(1000)
    page.wait_for_selector(IDLE)


def open_form(context: BrowserContext, url: str) -> Page:
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector('input[type="password"]')
    settled(page)
    return page


def submit(page: Page, username: str, password: str) -> None:
    """Sign in and wait for the run it starts (a run without an account lasts at least the
    library's 0.7 s pause, so it is seen running)."""
    page.get_by_label(text_of("username"), exact=True).fill(username)
    page.get_by_label(text_of("account_password"), exact=True).fill(password)
    page.get_by_role("button", name=text_of("sign_in_button")).click()
    page.wait_for_selector('[data-test-script-state="running"]')
    page.wait_for_selector(IDLE)


def refused(page: Page, message: str, screenshot: str) -> None:
    """The form says message and the page shows no data."""
    page.locator(ERROR).filter(has_text=message).wait_for()
    settled(page)
    page.screenshot(path=str(ARTIFACTS / f"{screenshot}.png"), full_page=True)
    assert page.locator(ERROR).all_inner_texts() == [message]
    for data in ('[data-testid="stDataFrame"]', '[data-testid="stMetric"]', NAVIGATION):
        assert page.locator(data).count() == 0, data
    assert page.locator('input[type="password"]').count() == 1


def signed_in(page: Page, heading: str, screenshot: str) -> None:
    page.get_by_role("heading", name=heading, exact=True).wait_for()
    settled(page)
    page.screenshot(path=str(ARTIFACTS / f"{screenshot}.png"), full_page=True)
    assert page.locator('input[type="password"]').count() == 0
    assert page.locator(ERROR).count() == 0
    assert "Traceback" not in page.inner_text("body")


def title(page_name: str) -> str:
    return text_of(PAGE_TITLES[page_name])


def conflicted_entry(warehouse: Path) -> tuple[str, str, str, list[str]]:
    """The deep-link key and heading of an entry whose conflict reason quotes a
    participant, its participant's name, and the names the reason quotes."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        contest, year, entry_id, participant, reason = con.execute(
            "select e.contest_code, e.edition_year, e.entry_id, p.participant_name, v.reason "
            "from marts.fct_jury_violations as v join marts.fct_entries as e "
            "using (contest_code, edition_year, entry_id) "
            "join marts.dim_participant as p using (participant_key) "
            "where v.conflict_source is not null and v.reason like '%about participant%' "
            "order by all limit 1"
        ).fetchone()
        names = [
            name
            for (name,) in con.execute(
                "select participant_name from marts.dim_participant"
            ).fetchall()
            if name in reason
        ]
    assert names, "the fixture must quote a participant in a conflict for this test to mean it"
    return f"{contest}-{year}-{entry_id}", f"{entry_id} · {contest} {year}", participant, names


def test_a_wrong_password_shows_no_data(organizer, context, demo_warehouse):
    key, _, participant, _ = conflicted_entry(demo_warehouse.warehouse)
    page = open_form(context, f"{organizer}/entry?entry={quote(key)}")
    submit(page, "anna", "not-her-password")
    refused(page, text_of("wrong_login"), "accounts_wrong_password")
    assert participant not in page.inner_text("body")


def test_five_failures_lock_the_account(organizer, context, browser):
    locked = text_of("account_locked", attempts=5, minutes="15")
    page = open_form(context, organizer)
    for attempt in range(4):
        submit(page, "ewa", f"guess-{attempt}")
        refused(page, text_of("wrong_login"), "accounts_guess")
    # The fifth try from another browser: the count is the account's, not the session's.
    elsewhere = browser.new_context()
    elsewhere.set_default_timeout(PAGE_TIMEOUT_MS)
    try:
        fifth = open_form(elsewhere, organizer)
        submit(fifth, "ewa", "guess-4")
        refused(fifth, locked, "accounts_locked")
        right = open_form(elsewhere, organizer)
        submit(right, "ewa", PASSWORDS["ewa"])
        refused(right, locked, "accounts_locked_right_password")
    finally:
        elsewhere.close()


def navigation_of(page: Page) -> list[str]:
    return [line.strip() for line in page.locator(NAVIGATION).inner_text().splitlines() if line]


def test_an_organizer_sees_every_page_and_the_contact_data(organizer, context, demo_warehouse):
    key, heading, participant, _ = conflicted_entry(demo_warehouse.warehouse)
    page = open_form(context, organizer)
    submit(page, "anna", PASSWORDS["anna"])
    signed_in(page, title("participation"), "accounts_organizer")
    assert navigation_of(page) == [title(name) for name in ORGANIZER_PAGES]
    entry = context.new_page()
    entry.goto(f"{organizer}/entry?entry={quote(key)}")
    signed_in(entry, heading, "accounts_organizer_entry")
    # The card names the participant.
    assert participant in entry.inner_text("body")
    assert PARTICIPANT_LABEL in entry.inner_text("body")


def test_a_jury_chair_sees_its_pages_and_no_contact_data(organizer, context, demo_warehouse):
    key, heading, participant, quoted = conflicted_entry(demo_warehouse.warehouse)
    # Signed in on a deep link, which opens once signed in.
    page = open_form(context, f"{organizer}/entry?entry={quote(key)}")
    submit(page, "jan", PASSWORDS["jan"])
    signed_in(page, heading, "accounts_jury_chair_entry")
    assert navigation_of(page) == [title("scores"), title("entry")]
    text = page.inner_text("body")
    assert participant not in text and PARTICIPANT_LABEL not in text
    assert not [name for name in quoted if name in text]
    # The addresses of the organizers' other pages lead a jury chair to Scores.
    for page_name in ("participation", "formal_check"):
        opened = context.new_page()
        opened.goto(f"{organizer}/{ORGANIZER_PAGES[page_name]}")
        signed_in(opened, title("scores"), f"accounts_jury_{page_name}")
        assert opened.get_by_role("heading", name=title(page_name), exact=True).count() == 0
        assert navigation_of(opened) == [title("scores"), title("entry")]
        text = opened.inner_text("body")
        assert not [name for name in quoted if name in text], page_name
        opened.close()


def test_a_sign_in_survives_a_reload(organizer, context):
    page = open_form(context, f"{organizer}/scores")
    submit(page, "anna", PASSWORDS["anna"])
    signed_in(page, title("scores"), "accounts_signed_in")
    page.reload()
    signed_in(page, title("scores"), "accounts_reloaded")
    assert navigation_of(page) == [title(name) for name in ORGANIZER_PAGES]

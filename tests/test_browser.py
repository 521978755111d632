"""End to end: both apps served by `streamlit run` on the fixture warehouse, every page loaded
in Debian's Chromium (driven by Playwright), screenshots in tests/artifacts/, and no error or
exception shown on any page."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from orchestration.settings import PROJECT_ROOT

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = PROJECT_ROOT / "tests" / "artifacts"
ORGANIZER_PAGES = {
    "participation": "",
    "formal_check": "formal_check",
    "scores": "scores",
    "entry": "entry",
}
ERROR_SELECTORS = (
    '[data-testid="stException"]',
    '[data-testid="stAlertContentError"]',
)
STARTUP_SECONDS = 90
PAGE_TIMEOUT_MS = 90_000


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(app: str, port: int, env: dict[str, str], log: Path) -> subprocess.Popen:
    """`streamlit run` of one app on localhost, ready when its health check answers."""
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(PROJECT_ROOT / "dashboards" / app),
        "--server.headless=true",
        "--server.address=127.0.0.1",
        f"--server.port={port}",
        "--browser.gatherUsageStats=false",
        "--server.fileWatcherType=none",
    ]
    process = subprocess.Popen(
        command, cwd=PROJECT_ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{app} exited: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return process
        except OSError:
            time.sleep(0.5)
    process.terminate()
    raise RuntimeError(f"{app} did not answer within {STARTUP_SECONDS}s")


@pytest.fixture(scope="module")
def servers(demo_warehouse, tmp_path_factory) -> Iterator[dict[str, str]]:
    logs = tmp_path_factory.mktemp("streamlit")
    env = {
        **os.environ,
        "PYTHONPATH": str(PROJECT_ROOT),
        "PODIUM_WAREHOUSE": str(demo_warehouse.warehouse),
        "PODIUM_SPONSOR_WAREHOUSE": str(demo_warehouse.sponsor_warehouse),
        "PODIUM_DATA_DIR": str(demo_warehouse.data_dir),
    }
    env.pop("PODIUM_ORGANIZER_PASSWORD", None)
    ports = {"organizer": free_port(), "sponsor": free_port()}
    processes = []
    try:
        processes.append(serve("organizer_app.py", ports["organizer"], env, logs / "organizer.log"))
        processes.append(serve("sponsor_app.py", ports["sponsor"], env, logs / "sponsor.log"))
        yield {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
    finally:
        for process in processes:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.exists(), "Debian's chromium is missing: run `make browser`"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


def load(browser: Browser, url: str, screenshot: str) -> Page:
    """Open url, wait until the script has run and drawn, save a screenshot, check errors."""
    page = browser.new_page(viewport={"width": 1400, "height": 2400})
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    page.goto(url)
    page.wait_for_selector('[data-testid="stHeading"]')
    page.wait_for_selector('[data-test-script-state="notRunning"]')
    page.wait_for_load_state("load")
    # Charts and tables draw after the script finishes.
    page.wait_for_timeout(1500)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{screenshot}.png"), full_page=True)
    for selector in ERROR_SELECTORS:
        shown = page.locator(selector)
        assert shown.count() == 0, f"{url}: {shown.first.inner_text()}"
    assert "Traceback" not in page.inner_text("body")
    return page


@pytest.mark.parametrize("page_name", list(ORGANIZER_PAGES))
def test_organizer_page_loads_without_errors(servers, browser, page_name):
    page = load(browser, f"{servers['organizer']}/{ORGANIZER_PAGES[page_name]}", page_name)
    sidebar = page.locator('[data-testid="stSidebar"]')
    # The shared filters and the language switch are on every page.
    for label in ("Konkurs", "Edycja", "Kategoria", "Język / Language"):
        assert sidebar.get_by_text(label, exact=True).count() == 1, label
    page.close()


def test_entry_page_plays_a_recording(servers, browser, demo_warehouse):
    with duckdb.connect(str(demo_warehouse.warehouse), read_only=True) as con:
        has_media = con.execute(
            "select count(*) from information_schema.tables "
            "where table_schema = 'marts' and table_name = 'fct_media'"
        ).fetchone()[0]
    if not has_media:
        pytest.skip("marts.fct_media is not built on this branch yet")
    page = load(browser, f"{servers['organizer']}/entry", "entry_player")
    assert page.locator("audio").count() >= 1
    page.close()


def test_language_switch_turns_labels_english(servers, browser):
    page = load(browser, f"{servers['organizer']}/scores", "scores_pl")
    assert page.get_by_role("heading", name="Oceny i wyniki").count() == 1
    page.get_by_text("English", exact=True).click()
    page.get_by_role("heading", name="Scores and results").wait_for()
    page.wait_for_selector('[data-test-script-state="notRunning"]')
    page.screenshot(path=str(ARTIFACTS / "scores_en.png"), full_page=True)
    assert page.locator('[data-testid="stException"]').count() == 0
    page.close()


def test_sponsor_app_loads_and_shows_no_personal_name(servers, browser, demo_warehouse):
    page = load(browser, servers["sponsor"], "sponsor")
    text = page.inner_text("body").casefold()
    with duckdb.connect(str(demo_warehouse.warehouse), read_only=True) as con:
        names = [
            name
            for (name,) in con.execute(
                "select participant_name from staging.stg_raw__entries "
                "union select juror_name from marts.dim_juror"
            ).fetchall()
            if name and len(name.strip()) > 3
        ]
    assert names
    assert not [name for name in names if name.casefold() in text]
    page.close()


@pytest.mark.parametrize("page_name", ["participation", "entry"])
def test_sponsor_server_does_not_serve_organizer_pages(servers, browser, page_name):
    page = load(browser, f"{servers['sponsor']}/{page_name}", f"sponsor_{page_name}")
    assert page.get_by_role("heading", name="Podium — sponsorzy").count() == 1
    for organizer_heading in ("Udział", "Zgłoszenie"):
        assert page.get_by_role("heading", name=organizer_heading, exact=True).count() == 0
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0
    page.close()

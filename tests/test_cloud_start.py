"""A Community Cloud start, reproduced: a fresh virtual environment made from requirements.txt alone,
`streamlit run dashboard.py --server.headless true`, the health endpoint, every page without an exception."""

import subprocess
import sys
import urllib.request

import pytest

from tests.browser import ARTIFACTS, CHROMIUM_ARGS, chromium_path, running_app, settled
from tests.conftest import ROOT

pytestmark = pytest.mark.browser


def test_fresh_environment_from_requirements_serves_every_page(tmp_path):
    executable = chromium_path()
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = str(venv / "bin" / "python")
    installed = subprocess.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r",
                                str(ROOT / "requirements.txt")], capture_output=True, text=True, timeout=1800)
    assert installed.returncode == 0, installed.stderr[-3000:]
    # Nothing from the test environment leaks in: the venv has no pytest, no playwright.
    assert subprocess.run([python, "-c", "import pytest"], capture_output=True).returncode != 0

    from playwright.sync_api import expect, sync_playwright

    with running_app(python=python) as app, sync_playwright() as p:
        with urllib.request.urlopen(f"{app.url}/_stcore/health", timeout=10) as health:
            assert health.read().decode().strip() == "ok"
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1200})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        for path, heading in (("", "How the reports differ"), ("/coverage", "Issue coverage"),
                              ("/actors", "Actors & quotes"), ("/reader", "Reader")):
            page.goto(app.url + path)
            settled(page)
            # A cold start reruns once (through dashboard.py's navigation): wait for the page, not the first idle.
            expect(page.get_by_role("heading", name=heading).first).to_be_visible(timeout=120_000)
            assert page.locator("[data-testid='stException']").count() == 0, path
            page.screenshot(path=str(ARTIFACTS / f"cloud_start{path.replace('/', '_') or '_overview'}.png"))
        browser.close()
        assert not errors, errors
        assert "Traceback" not in app.log.read_text()

"""Running the app for real and driving Debian's Chromium with Playwright (never `playwright install`)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path() -> str:
    """Debian's Chromium, or skip (fail under CI) with how to get it."""
    reason = ""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        reason = "Playwright for Python is missing: pip install -r requirements-test.txt"
    path = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else "")
    if not path:
        reason = reason or "Chromium is missing: apt-get install -y chromium (Debian) enables the browser tests"
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"a browser test may not be skipped under CI: {reason}")
        pytest.skip(reason)
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RunningApp:
    def __init__(self, url: str, process: subprocess.Popen, log: Path):
        self.url = url
        self.process = process
        self.log = log

    def rss_mb(self) -> float:
        """The server's resident memory, from /proc."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")


@contextmanager
def running_app(python: str = sys.executable, **env: str) -> Iterator[RunningApp]:
    """`streamlit run dashboard.py` (with `python`) on a free loopback port, until /_stcore/health answers."""
    port = _free_port()
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / f"server-{port}.log"
    process = subprocess.Popen(
        [python, "-m", "streamlit", "run", "dashboard.py", "--server.headless=true",
         f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false",
         "--server.fileWatcherType=none"],
        cwd=ROOT, env={**os.environ, **env}, stdout=log.open("w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the app did not start; its log:\n{log.read_text()[-3000:]}")
            time.sleep(0.3)
        yield RunningApp(url, process, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def settled(page, timeout: float = 60_000) -> None:
    """Wait until the script runs that the last action started have finished (a run may hand over to
    another, so the app must stay idle for a moment)."""
    idle = "[data-testid='stApp'][data-test-script-state='notRunning']"
    page.wait_for_timeout(250)
    for _ in range(3):
        page.wait_for_selector(idle, timeout=timeout)
        page.wait_for_timeout(300)
        if page.locator(idle).count():
            return


def is_expected_noise(message: str) -> bool:
    """Console lines that are not app errors: a sub-page probing /<page>/_stcore/… and getting a 404."""
    return "404" in message and "Failed to load resource" in message

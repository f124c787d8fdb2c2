"""Eight browser sessions use the app at once for a minute: no errors, every page answers,
memory stays level. The figures are printed and kept in test-artifacts/load.txt."""

from __future__ import annotations

import asyncio
import time

import pytest

from tests.browser import ARTIFACTS, CHROMIUM_ARGS, chromium_path, is_expected_noise, running_app

pytestmark = pytest.mark.browser

SESSIONS = 8
SECONDS = 60
PAGES = ["/", "/coverage?issue=territory", "/actors?actor=Russia", "/reader"]
DONE = "[data-testid='stApp'][data-test-script-state='notRunning']"


async def _session(browser, url: str, deadline: float, served: list[tuple[str, float]], errors: list[str], n: int):
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    page.on("pageerror", lambda e: errors.append(f"session {n}: {e}"))
    page.on("console", lambda m: errors.append(f"session {n}: {m.text}")
            if m.type == "error" and not is_expected_noise(m.text) else None)
    step = n  # sessions start on different pages
    while time.monotonic() < deadline:
        path = PAGES[step % len(PAGES)]
        started = time.monotonic()
        await page.goto(url + path)
        await page.wait_for_timeout(200)
        await page.wait_for_selector(DONE, timeout=120_000)
        if await page.locator("[data-testid='stException']").count():
            errors.append(f"session {n}: exception box on {path}")
        served.append((path, time.monotonic() - started))
        step += 1
    await context.close()


async def _load(url: str) -> tuple[list[tuple[str, float]], list[str]]:
    from playwright.async_api import async_playwright

    served: list[tuple[str, float]] = []
    errors: list[str] = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        deadline = time.monotonic() + SECONDS
        await asyncio.gather(*(_session(browser, url, deadline, served, errors, n) for n in range(SESSIONS)))
        await browser.close()
    return served, errors


def test_eight_sessions_for_a_minute():
    chromium_path()
    with running_app() as app:
        asyncio.run(_warm(app.url))  # every page once, so caches are filled before memory is read
        before = app.rss_mb()
        served, errors = asyncio.run(_load(app.url))
        after = app.rss_mb()
    slowest = max(served, key=lambda s: s[1])
    per_page = {p: sum(1 for path, _ in served if path == p) for p in PAGES}
    report = (f"{SESSIONS} sessions for {SECONDS} s: {len(served)} pages served {per_page}; slowest "
              f"{slowest[1]:.2f} s ({slowest[0]}); server memory {before:.0f} MB before, {after:.0f} MB after")
    print(report)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "load.txt").write_text(report + "\n")
    assert not errors, errors[:5]
    assert all(per_page.values()), per_page
    assert after < before * 1.25 + 50, report


async def _warm(url: str) -> None:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = await browser.new_page()
        for path in PAGES:
            await page.goto(url + path)
            await page.wait_for_timeout(200)
            await page.wait_for_selector(DONE, timeout=120_000)
        await browser.close()

"""What an analyst does, in a real browser, on every page. Any exception box, page error, console
error or alert fails the test; a screenshot of each test is kept in test-artifacts/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests import hostile_corpus
from tests.browser import ARTIFACTS, CHROMIUM_ARGS, chromium_path, is_expected_noise, running_app, settled
from tests.conftest import GENEVA_AFP, GENEVA_BRIEF

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def app():
    with running_app() as running:
        yield running


class Watched:
    """A page whose errors, console errors and dialogs are collected."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        page.on("console", lambda m: self.errors.append(f"console: {m.text}")
                if m.type == "error" and not is_expected_noise(m.text) else None)
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def open(self, url: str) -> None:
        self.page.goto(url)
        settled(self.page)

    def check(self) -> None:
        exceptions = self.page.locator("[data-testid='stException']")
        assert exceptions.count() == 0, exceptions.first.inner_text()
        assert not self.errors, self.errors
        assert not self.dialogs, self.dialogs


@pytest.fixture
def watched(browser, request):
    context = browser.new_context(viewport={"width": 1400, "height": 1800}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(60_000)
    w = Watched(page)
    yield w
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"))
    try:
        w.check()
    finally:
        context.close()


def test_overview_and_choosing_articles(app, watched):
    page = watched.page
    watched.open(app.url)
    expect(page.get_by_text("How the reports differ")).to_be_visible()
    assert page.get_by_text("Ukrainian and Russian delegations abruptly called off", exact=False).count() >= 1
    page.get_by_text("Volodymyr Zelenskyy is quoted 7 times in 2 articles").click()
    finding = page.locator("[data-testid='stExpander']").filter(has_text="Volodymyr Zelenskyy is quoted")
    expect(finding.get_by_text("open in reader ↗").first).to_be_visible()
    expect(finding.get_by_text("drag out", exact=False).first).to_be_visible()
    # Remove the last article from the sidebar choice: the URL and the cards follow.
    page.locator("[data-testid='stSidebar'] input").first.click()
    page.keyboard.press("Backspace")
    page.keyboard.press("Escape")
    settled(page)
    assert "articles=" in page.url
    expect(page.get_by_text("2 articles")).to_be_visible()


def test_clicking_a_heatmap_cell_opens_its_sentences(app, watched):
    page = watched.page
    watched.open(f"{app.url}/coverage")
    points = page.locator(".js-plotly-plot .scatterlayer .trace").first.locator("path.point")
    expect(points).to_have_count(33)  # plotly draws after the script run has finished
    # Cells run article by article in issue order: the explainer's "Ceasefire & verification".
    box = points.nth(11 + 3).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    settled(page)
    expect(page.get_by_text("Drafts addressing ceasefire verification", exact=False).first).to_be_visible()
    assert "issue=ceasefire_verification" in page.url


def test_downloading_a_charts_data_and_picture(app, watched):
    page = watched.page
    watched.open(f"{app.url}/coverage")
    with page.expect_download() as download:
        page.get_by_role("button", name="Data (CSV)").first.click()
    assert download.value.suggested_filename.startswith("parallax_coverage_heatmap_3-articles_")
    header = open(download.value.path(), encoding="utf-8").readline().strip()
    assert header == "article_id,label,issue,issue_label,value,sentences"
    with page.expect_download(timeout=90_000) as download:  # kaleido starts its Chromium on the first image
        page.get_by_role("button", name="PNG").first.click()
    png = open(download.value.path(), "rb").read()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 20_000
    assert download.value.suggested_filename.endswith(".png")


def test_filtering_quotations_and_choosing_an_actor(app, watched):
    page = watched.page
    watched.open(f"{app.url}/actors")
    search = page.get_by_role("textbox", name="Search the quotations")
    search.fill("difficult")
    search.press("Enter")
    settled(page)
    expect(page.get_by_text(re.compile(r"^3 of 12 quotations match"))).to_be_visible()
    assert "q=difficult" in page.url


def test_switching_highlights_in_the_reader(app, watched):
    page = watched.page
    watched.open(f"{app.url}/reader")
    assert page.locator(".px-quote").count() > 0
    page.get_by_role("button", name="Quotations").click()
    settled(page)
    assert page.locator(".px-quote").count() == 0
    assert "hl=" in page.url
    expect(page.get_by_text("just two hours", exact=False).first).to_be_visible()


def test_a_deep_link_is_the_first_request_after_a_start(browser):
    """The case Streamlit's pages/ fallback broke: the first request names a sub-page."""
    with running_app() as fresh:
        context = browser.new_context(viewport={"width": 1400, "height": 1400})
        w = Watched(context.new_page())
        w.open(f"{fresh.url}/reader?read={GENEVA_AFP},{GENEVA_BRIEF}&focus={GENEVA_AFP}:0-40")
        page = w.page
        expect(page.get_by_text("Opened at a passage", exact=False)).to_be_visible()
        expect(page.locator("[data-testid='stSidebar']").get_by_text("Articles", exact=True)).to_be_visible()
        expect(page.locator("[data-testid='stSidebarNav']").get_by_text("Issue coverage")).to_be_visible()
        assert page.locator(".px-focus").count() >= 1
        page.screenshot(path=str(ARTIFACTS / "deep_link_first_request.png"))
        w.check()
        context.close()


def test_payloads_in_articles_titles_and_lexicons_show_as_text(browser, tmp_path):
    corpus = hostile_corpus.build(tmp_path / "corpus")
    actors, issues = hostile_corpus.hostile_lexicons(tmp_path)
    with running_app(PARALLAX_CORPUS=str(corpus), PARALLAX_ACTORS=str(actors), PARALLAX_ISSUES=str(issues)) as hostile:
        context = browser.new_context(viewport={"width": 1400, "height": 1800})
        w = Watched(context.new_page())
        for path in ("", "/coverage?issue=talks", "/actors", "/reader?read=hostile-title,payloads"):
            w.open(hostile.url + path)
            w.page.screenshot(path=str(ARTIFACTS / f"hostile{path.split('?')[0].replace('/', '_') or '_overview'}.png"))
            w.check()
        page = w.page
        # The payloads are on the page as text: the title and the article both show them literally.
        expect(page.get_by_text(hostile_corpus.SCRIPT, exact=False).first).to_be_visible()
        expect(page.get_by_text("onerror=alert(1)", exact=False).first).to_be_visible()
        assert page.locator("img[src='x']").count() == 0
        w.open(hostile.url)
        expect(page.get_by_text("notes from reading the corpus", exact=False)).to_be_visible()
        w.check()
        context.close()


def test_an_uploaded_article_appears_on_every_page(app, watched):
    page = watched.page
    watched.open(f"{app.url}/corpus")
    page.locator("[data-testid='stFileUploader'] input[type='file']").first.set_input_files(files=[{
        "name": "my report.txt", "mimeType": "text/plain",
        "buffer": "GENEVA: Umerov said the talks were “hard but useful.” Russia wants territory.".encode()}])
    settled(page)
    expect(page.get_by_text("1 articles added from 1 files")).to_be_visible()
    nav = page.locator("[data-testid='stSidebarNav']")
    for link, seen in (("Overview", "4 articles"), ("Issue coverage", "Umerov said the talks were"),
                       ("Actors & quotes", "Rustem Umerov"), ("Reader", "Umerov said the talks were")):
        nav.get_by_text(link, exact=True).click()  # within the session: the upload lives in it
        settled(page)
        if link == "Reader":  # three articles are shown already: make room, then choose the new one
            page.get_by_label("Articles side by side (up to three)").click()
            page.keyboard.press("Backspace")
            page.keyboard.type("Umerov")
            page.get_by_role("option", name=re.compile("Umerov said")).click()
            page.keyboard.press("Escape")
            settled(page)
        expect(page.get_by_text(seen, exact=False).first).to_be_visible()

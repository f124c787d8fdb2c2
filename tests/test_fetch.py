"""Importing articles from links, against pages served on this machine's loopback address."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from lib.fetch import FetchError, fetch_article
from lib.workspace import Workspace

PAGE = """<!DOCTYPE html><html><head><title>Talks end in Geneva | The Daily Wire</title>
<meta property="og:site_name" content="The Daily Wire"><meta property="og:title" content="Talks end in Geneva">
<meta name="author" content="Jane Reporter"><meta property="article:published_time" content="2026-02-18T12:00:00Z">
</head><body><nav>Home · World · Sport</nav><article><h1>Talks end in Geneva</h1>
<p>Ukrainian and Russian delegations ended a second day of U.S.-mediated talks in Geneva on Wednesday after just two
hours, with neither side signalling any major progress toward ending the war.</p>
<p>The head of Russia's delegation, Vladimir Medinsky, told state media the talks were "difficult, but business-like,"
while Ukrainian President Volodymyr Zelenskyy said Moscow was trying to drag out the negotiations.</p>
<p>Diplomatic efforts have for months been deadlocked over territory and security guarantees.</p></article>
<footer>Subscribe to our newsletter</footer><script>track()</script></body></html>"""


class _Pages(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the http.server name)
        if self.path == "/news/talks":
            body, kind, code = PAGE.encode(), "text/html; charset=utf-8", 200
        elif self.path == "/logo.png":
            body, kind, code = b"\x89PNG", "image/png", 200
        else:
            body, kind, code = b"not here", "text/plain", 404
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_an_article_page_gives_its_text_and_metadata(site):
    article = fetch_article(f"{site}/news/talks")
    assert (article.title, article.outlet, article.date, article.author) == (
        "Talks end in Geneva", "The Daily Wire", "2026-02-18", "Jane Reporter")
    assert "difficult, but business-like," in article.text
    assert "Subscribe" not in article.text and "track()" not in article.text and "Home · World" not in article.text
    assert article.article_id == "talks-end-in-geneva" and article.url == f"{site}/news/talks"


@pytest.mark.parametrize(("path", "message"), [
    ("/missing", "the site answered 404"),
    ("/logo.png", "gives image/png, not a web page"),
])
def test_links_that_give_no_article_say_why(site, path, message):
    with pytest.raises(FetchError, match=message):
        fetch_article(site + path)


def test_only_web_links_are_fetched():
    for url in ("file:///etc/passwd", "ftp://example.org/a", "javascript:alert(1)", "not a link"):
        with pytest.raises(FetchError, match="only http:// and https:// links"):
            fetch_article(url)


def test_imported_articles_join_the_workspace_with_a_status(site, lexicons):
    ws = Workspace([], "actors: []", "issues: []")
    ok = ws.add_url(f"{site}/news/talks")
    missing = ws.add_url(f"{site}/missing")
    again = ws.add_url(f"{site}/news/talks")
    assert (ok.articles, ok.status) == (1, "analysed")
    assert missing.status == "skipped: the site answered 404 Not Found"
    assert again.status == "skipped: already in the workspace"
    assert [a.outlet for a in ws.articles] == ["The Daily Wire"]



def test_corpus_page_imports_links_in_the_browser(site):
    """In a real browser: AppTest cannot press a button on a page under st.navigation."""
    from playwright.sync_api import expect, sync_playwright

    from tests.browser import CHROMIUM_ARGS, chromium_path, running_app, settled

    executable = chromium_path()
    with running_app() as app, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1600})
        page.goto(f"{app.url}/corpus")
        settled(page)
        page.get_by_role("textbox", name="Or import from links, one per line").fill(f"{site}/news/talks\n{site}/missing")
        page.get_by_role("button", name="Import the links").click()
        settled(page)
        expect(page.get_by_text("2 links read; their status is in the table below.")).to_be_visible()
        expect(page.locator("[data-testid='stSidebar']").get_by_text("The Daily Wire")).to_be_visible()
        assert page.locator("[data-testid='stException']").count() == 0
        page.get_by_role("button", name="Start again from the app's corpus").click()
        settled(page)
        expect(page.locator("[data-testid='stSidebar']").get_by_text("The Daily Wire")).to_have_count(0)
        browser.close()

"""Importing an article from a link: fetch the page, keep its article text and metadata.

trafilatura does the extraction (article body, title, site name, date, author); the
fetch itself is ours, with a timeout and a size limit, so a slow or huge page cannot
hang or swamp the app.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from urllib.parse import urlparse

from .corpus import Article, UnreadableFile, decode

__all__ = ["FetchError", "fetch_article", "MAX_PAGE_BYTES"]

MAX_PAGE_BYTES = 10 * 1024 * 1024
_USER_AGENT = "Parallax/0.1 (news coverage comparison)"


class FetchError(ValueError):
    """A link that gave no article; the message says why."""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "article"


def fetch_article(url: str, *, timeout: float = 20) -> Article:
    """The article at `url`, with its title, outlet (site name), date, author and url."""
    url = url.strip()
    parts = urlparse(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError(f"{url}: only http:// and https:// links can be imported")
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            kind = response.headers.get_content_type()
            if kind not in ("text/html", "application/xhtml+xml", "text/plain"):
                raise FetchError(f"{url}: the link gives {kind}, not a web page")
            raw = response.read(MAX_PAGE_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: the site answered {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(f"{url}: the page could not be fetched ({reason}); is this machine online?") from None
    if len(raw) > MAX_PAGE_BYTES:
        raise FetchError(f"{url}: the page is over {MAX_PAGE_BYTES // 2**20} MB")
    try:
        page = decode(raw)
    except UnreadableFile as exc:
        raise FetchError(f"{url}: {exc}") from None

    import trafilatura  # imported here: only link imports need it

    document = trafilatura.bare_extraction(page, url=url, with_metadata=True, include_comments=False)
    found = document.as_dict() if document is not None else {}
    text = found.get("text") or ""
    if len(text.split()) < 20:
        raise FetchError(f"{url}: no article text was found on the page")
    title = found.get("title") or ""
    return Article(
        article_id=_slug(title or parts.path.rsplit("/", 1)[-1] or parts.netloc),
        text=(title + "\n\n" + text) if title and not text.startswith(title) else text,
        source_file=url,
        title=title,
        outlet=found.get("sitename") or "",
        date=(found.get("date") or "")[:10],
        url=url,
        author=found.get("author") or "",
    )

"""Article text as HTML with highlighted spans, every character of the text escaped.

Article, metadata and lexicon text is data, never markup: it is escaped here, and the
only tags in the output are the ones this module writes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["Span", "highlight", "legend", "chip", "md", "safe_color"]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str  # "issue", "actor", "quote", "focus", "match", "unique"
    color: str = ""
    title: str = ""


_STYLE = {
    "issue": "background:{c}26;border-bottom:2px solid {c};",
    "actor": "color:{c};font-weight:600;",
    "quote": "background:#fff3b0;font-style:italic;",
    "match": "background:{c}40;border-radius:2px;",
    "focus": "outline:2px solid #e8590c;outline-offset:1px;border-radius:2px;",
    "unique": "text-decoration:underline dotted #9c36b5;text-decoration-thickness:2px;text-underline-offset:5px;",
}


def safe_color(color: str) -> str:
    """Only #rrggbb colours reach a style attribute; anything else becomes grey."""
    ok = len(color) == 7 and color.startswith("#") and all(c in "0123456789abcdefABCDEF" for c in color[1:])
    return color if ok else "#888888"


def _open_tag(span: Span) -> str:
    style = _STYLE[span.kind].format(c=safe_color(span.color or "#888888"))
    title = f' title="{html.escape(span.title, quote=True)}"' if span.title else ""
    return f'<span class="px-{span.kind}" style="{style}"{title}>'


def highlight(text: str, spans: Iterable[Span], *, start: int = 0, end: int | None = None) -> str:
    """`text[start:end]` as escaped HTML, with each span wrapped in a styled <span>.

    Spans may nest or overlap; they are opened and closed at their boundaries so the
    output is always well formed. Newlines become <br>. One sweep over the boundaries,
    so a paragraph with thousands of highlights costs no more than its length.
    """
    end = len(text) if end is None else end
    spans = sorted((s for s in spans if s.end > start and s.start < end and s.end > s.start), key=lambda s: s.start)
    bounds = sorted({start, end, *(max(s.start, start) for s in spans), *(min(s.end, end) for s in spans)})
    out: list[str] = []
    active: list[Span] = []
    following = 0
    for a, b in zip(bounds, bounds[1:]):
        active = [s for s in active if s.end > a]
        while following < len(spans) and max(spans[following].start, start) <= a:
            active.append(spans[following])
            following += 1
        piece = html.escape(text[a:b]).replace("\r\n", "\n").replace("\n", "<br>")
        for s in active:
            piece = _open_tag(s) + piece + "</span>"
        out.append(piece)
    return "".join(out)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md(text: object) -> str:
    """Text made inert for Streamlit markdown: no links, images, emphasis, maths or tags, one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def chip(label: str, color: str) -> str:
    """A small coloured label, escaped."""
    c = safe_color(color)
    return (f'<span style="display:inline-block;padding:1px 8px;margin:1px 3px 1px 0;border-radius:10px;'
            f'background:{c}22;border:1px solid {c};font-size:0.85em">{html.escape(label)}</span>')


def legend(entries: Sequence[tuple[str, str, str]]) -> str:
    """A legend of (kind, colour, label) entries, drawn with the same styles as the text."""
    return " ".join(_open_tag(Span(0, 0, kind, color)) + html.escape(label) + "</span>" for kind, color, label in entries)

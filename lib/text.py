"""Segmentation of one article's text into paragraphs and sentences, with offsets.

Every span is a pair of character offsets into the article's original text, so
anything computed later can be traced back to the words it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

__all__ = [
    "Paragraph",
    "Sentence",
    "Segmented",
    "segment",
    "find_date",
    "count_words",
    "WORD_RE",
]

# A word: letters or digits, with inner apostrophes or hyphens ("Russia's", "four-year").
WORD_RE = re.compile(r"[^\W_]+(?:['’\-‑][^\W_]+)*")

# Lines carrying metadata, not body text: "date 2026-02-18", "Published: 18 Feb 2026", "By Jane Doe".
_META_PREFIX_RE = re.compile(
    r"\s*(?:date[d]?|published|updated|posted)\s*[:\-]?\s*"
    r"(?P<value>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?"
    r"|(?:\d{1,2}\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*|\s+)\d{4})\s*",
    re.IGNORECASE,
)
_BYLINE_RE = re.compile(r"\s*By\s+(?P<value>[A-Z][\w.'’\-]+(?:\s+(?:and\s+)?[A-Z][\w.'’\-]+){0,5})\s*$")

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_RES = [
    (re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"), "ymd"),
    (re.compile(rf"\b(?P<mon>{_MONTH_ALT})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.I), "mdy"),
    (re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH_ALT})\.?,?\s+(?P<y>\d{{4}})\b", re.I), "dmy"),
]

# "GENEVA:" or "GENEVA —" (capitals), or "Geneva, Feb. 18, 2026 —" / "Geneva (Reuters) -".
_DATELINE_RE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,2})\s*(?:\([^)\n]{1,40}\))?\s*[:—–]\s+"
    r"|(?P<place2>[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,2})"
    r"(?:\s*\([^)\n]{1,40}\))?(?:,\s*[^—–\n]{3,30}?)?\s+(?:—|–|--)\s+"
)

# Words before a full stop that do not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col sgt capt maj adm sen rep gov pres st jr sr inc ltd co corp "
    "no vs jan feb mar apr jun jul aug sep sept oct nov dec mt ft approx dept est fig".split()
)
_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])|[.!?…]+[\"”’)\]]*\s*$")
_TERMINAL = tuple(".!?…:;\"”’)")
_MAX_HEADING_WORDS = 12
_MAX_TITLE_WORDS = 30


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    role: str  # "title", "heading" or "body"


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    heading: bool


@dataclass(frozen=True, slots=True)
class Segmented:
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    title: str  # the headline line, "" when the text has none
    date: str  # ISO date, "" when none is found
    dateline: str  # "Geneva", "" when none
    author: str


def count_words(text: str) -> int:
    return sum(1 for _ in WORD_RE.finditer(text))


def find_date(text: str) -> str:
    """The earliest date written in `text`, as YYYY-MM-DD, or "" when there is none."""
    best: tuple[int, str] | None = None
    for pattern, order in _DATE_RES:
        for m in pattern.finditer(text):
            if best is not None and m.start() >= best[0]:
                break
            iso = _to_iso(m, order)
            if iso:
                best = (m.start(), iso)
                break
    return best[1] if best else ""


def _to_iso(m: re.Match[str], order: str) -> str:
    year, day = int(m["y"]), int(m["d"])
    month = int(m["m"]) if order == "ymd" else _MONTHS[m["mon"].lower()]
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _lines(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as stripped spans; a hard-wrapped line continuing a sentence is joined to it."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        start, end = _strip_span(text, pos, pos + len(raw))
        pos += len(raw)
        if start == end:
            spans.append((-1, -1))  # blank line: a paragraph break
            continue
        if spans and spans[-1][0] >= 0:
            prev_start, prev_end = spans[-1]
            prev = text[prev_start:prev_end]
            if len(prev) >= 40 and not prev.endswith(_TERMINAL) and text[start].islower():
                spans[-1] = (prev_start, end)
                continue
        spans.append((start, end))
    return [s for s in spans if s[0] >= 0]


def _is_heading_like(line: str, max_words: int) -> bool:
    return not line.endswith(_TERMINAL) and 0 < count_words(line) <= max_words


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    for m in _SENTENCE_END_RE.finditer(text, start, end):
        stop = m.end()
        if m.group().startswith(".") and _is_abbreviation(text, cursor, m.start()):
            continue
        s, e = _strip_span(text, cursor, stop)
        if s < e:
            spans.append((s, e))
        cursor = stop
    s, e = _strip_span(text, cursor, end)
    if s < e:
        spans.append((s, e))
    return spans


def _is_abbreviation(text: str, floor: int, dot: int) -> bool:
    i = dot
    while i > floor and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    word = text[i:dot].lower()
    # Single initials and dotted acronyms ("J.", "U.S.") do not end a sentence.
    return word in _ABBREVIATIONS or len(word.replace(".", "")) == 1 or "." in word


def segment(text: str) -> Segmented:
    """Split an article into paragraphs and sentences, and read its title, date, dateline and byline."""
    lines = _lines(text)
    paragraphs: list[Paragraph] = []
    date_found = author = dateline = title = ""
    body_seen = False
    for index, (start, end) in enumerate(lines):
        meta = _META_PREFIX_RE.match(text, start, end)
        if meta and not body_seen:
            date_found = date_found or find_date(meta["value"]) or _loose_date(meta["value"])
            start, end = _strip_span(text, meta.end(), end)
            if start == end:
                continue
        byline = _BYLINE_RE.match(text[start:end]) if not body_seen else None
        if byline:
            author = byline["value"]
            continue
        line = text[start:end]
        has_more = index + 1 < len(lines)
        if not paragraphs and not body_seen and has_more and _is_heading_like(line, _MAX_TITLE_WORDS):
            paragraphs.append(Paragraph(start, end, "title"))
            title = line
            continue
        if _is_heading_like(line, _MAX_HEADING_WORDS) and has_more:
            paragraphs.append(Paragraph(start, end, "heading"))
            continue
        if not body_seen:
            dl = _DATELINE_RE.match(text, start, end)
            if dl:
                place = dl["place"] or dl["place2"]
                dateline = place.title() if place.isupper() else place
                start = dl.end()
        body_seen = True
        paragraphs.append(Paragraph(start, end, "body"))

    sentences: list[Sentence] = []
    for p_index, para in enumerate(paragraphs):
        if para.role != "body":
            sentences.append(Sentence(para.start, para.end, p_index, True))
            continue
        for s, e in _split_sentences(text, para.start, para.end):
            sentences.append(Sentence(s, e, p_index, False))

    head = text[: min(len(text), 1200)]
    return Segmented(
        paragraphs=paragraphs,
        sentences=sentences,
        title=title,
        date=date_found or find_date(head),
        dateline=dateline,
        author=author,
    )


def _loose_date(value: str) -> str:
    """Dates like "Feb 18 2026" that the strict patterns above miss because the comma is absent."""
    m = re.match(rf"(?P<mon>{_MONTH_ALT})\.?\s+(?P<d>\d{{1,2}})\s+(?P<y>\d{{4}})", value, re.I)
    return _to_iso(m, "mdy") if m else ""

"""Direct quotations: finding them, and attributing each to a speaker through its cue.

Marks are paired by type (“ with ”, " with "), never blindly in order, so an odd count
of marks costs one quotation, not every quotation after it. Attribution reads the cue
around the quotation: `"…," X said`, `said X`, `X told Y …"…"`, `according to X`,
`X described … as "…"`, `X accused … of seeking to "…"`, and participles that continue
a subject (`…, adding that "…"`). A wholly quoted sentence right after an attributed one
inherits its speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["QuoteSpan", "Attribution", "find_quote_spans", "attribute", "quote_kind", "CUE_FORMS"]

_MARK_RE = re.compile('[“”"]')


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    open_mark: int
    close_mark: int


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker_phrase: str
    phrase_start: int
    phrase_end: int
    cue: str
    cue_start: int


def find_quote_spans(text: str, paragraphs: Sequence[tuple[int, int]]) -> tuple[list[QuoteSpan], list[str]]:
    """Quotations in `text`, and a message for every mark that could not be paired.

    A paragraph that ends inside a quotation continues it when the next paragraph opens
    with the same mark, the convention for quotations running over several paragraphs.
    """
    spans: list[QuoteSpan] = []
    problems: list[str] = []
    open_kind = ""
    open_at = -1
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        pos = p_start
        if open_kind:
            if text.startswith(open_kind, p_start):
                pos = p_start + 1  # continuation mark: the quotation goes on
            else:
                problems.append(f"quotation mark at offset {open_at} is never closed")
                open_kind = ""
        for mark in _MARK_RE.finditer(text, pos, p_end):
            i, ch = mark.start(), mark.group()
            if ch == "“":
                # A curly opening mark inside an open quotation means the earlier mark was stray.
                if open_kind:
                    problems.append(f"quotation mark at offset {open_at} is never closed")
                open_kind, open_at = "“", i
            elif ch == "”":
                if open_kind == "“":
                    spans.append(QuoteSpan(open_at + 1, i, open_at, i))
                    open_kind = ""
                elif not open_kind:
                    problems.append(f"closing quotation mark at offset {i} has no opening mark")
            elif ch == '"':
                if open_kind == '"':
                    spans.append(QuoteSpan(open_at + 1, i, open_at, i))
                    open_kind = ""
                elif not open_kind:
                    open_kind, open_at = '"', i
        next_start = paragraphs[p_index + 1][0] if p_index + 1 < len(paragraphs) else -1
        if open_kind and (next_start < 0 or not text.startswith(open_kind, next_start)):
            problems.append(f"quotation mark at offset {open_at} is never closed")
            open_kind = ""
    return [s for s in spans if s.end > s.start], problems


def quote_kind(quote_text: str) -> str:
    """"fragment" for one to three quoted words (scare quotes, a single word), else "quotation"."""
    return "fragment" if len(re.findall(r"[^\W_]+(?:['’\-][^\W_]+)*", quote_text)) <= 3 else "quotation"


def _forms(base: str) -> list[str]:
    irregular = {
        "say": ["say", "says", "said", "saying"],
        "tell": ["tell", "tells", "told", "telling"],
        "write": ["write", "writes", "wrote", "written", "writing"],
        "admit": ["admit", "admits", "admitted", "admitting"],
    }
    if base in irregular:
        return irregular[base]
    if base.endswith("e"):
        return [base, base + "s", base + "d", base[:-1] + "ing"]
    if base.endswith("y") and base[-2] not in "aeiou":
        return [base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    return [base, base + "s", base + "ed", base + "ing"]


_CUE_BASES = (
    "say tell add warn insist claim confirm explain stress urge deny accuse call describe characterize "
    "characterise note state declare argue write announce acknowledge admit assert suggest reply respond "
    "ask complain remark predict promise vow threaten concede recall conclude observe caution emphasize "
    "emphasise tweet post"
).split()
CUE_FORMS: frozenset[str] = frozenset(f for base in _CUE_BASES for f in _forms(base))
_AS_CUES = frozenset(f for base in ("describe", "characterize", "characterise", "call") for f in _forms(base))
# Any word is a candidate; a set lookup decides, which is far cheaper than a 200-way alternation.
_CUE_CANDIDATE_RE = re.compile(r"\b(?:[Aa]ccording to\b|[A-Za-z]+\b)")
# Only these cues invert ("…," said Zelenskyy); after "told" or "asked" the name is the listener.
_INVERTIBLE = (
    "said says added adds wrote writes noted notes explained warned insisted stressed replied argued declared "
    "recalled remarked concluded observed continued claimed confirmed stated announced acknowledged conceded"
).split()
_AFTER_INVERTED_RE = re.compile(
    rf"\s*,?\s*(?P<cue>{'|'.join(_INVERTIBLE)})\s+(?P<sp>[A-Z][^,.;:!?\"“”]{{0,80}}?)"
    r"(?=\s*(?:[,.;:!?]|$)|\s+(?:on|in|to|after|at|during|from|late|while|when|before)\b)"
)
_FINITE_CUE_ALT = "|".join(sorted((f for f in CUE_FORMS if not f.endswith("ing")), key=len, reverse=True))
_AFTER_SUBJECT_RE = re.compile(rf"\s*,?\s*(?P<sp>[^.;:!?\"“”]{{1,120}}?)\s*,?\s+(?P<cue>{_FINITE_CUE_ALT})\b")
_COORDINATED_RE = re.compile(r"\b(?:and|but|or|then)\s*,?\s*$", re.I)
_ACCORDING_RE = re.compile(r"according to\s+(?P<sp>[^,.;:!?\"“”]{1,80}?)(?=\s*(?:[,.;:!?\"“”]|$))", re.I)
_LEADING_WORDS_RE = re.compile(r"(?:(?:and|but|yet|still|however|meanwhile|so|then|also|while|as)\b[\s,]*)+", re.I)
_TRAILING_WORDS_RE = re.compile(
    r"(?:[\s,]+(?:(?:on|late|early|last|this|on\s+late)\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|night|morning|evening|also|later|then|"
    r"again|earlier|previously|repeatedly|publicly|separately|once|has|have|had|was|were|is|would|will))+$",
    re.I,
)
_APPOSITION_HEAD_RE = re.compile(r"^(?:the|a|an|its|their|his|her|[\w.\-]+['’]s)\b", re.I)
_MAX_SUBJECT_WORDS = 10


def _words(s: str) -> int:
    return len(s.split())


def _inside(pos: int, spans: Sequence[QuoteSpan]) -> bool:
    """Whether `pos` lies within a quotation's marks (quotations are sorted and never overlap)."""
    i = bisect_right(spans, pos, key=lambda q: q.open_mark) - 1
    return i >= 0 and spans[i].close_mark >= pos


def _within(spans: Sequence[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The (sorted) spans that lie wholly between `start` and `end`."""
    first = bisect_left(spans, start, key=lambda m: m[0])
    return [m for m in spans[first:bisect_left(spans, end, key=lambda m: m[0])] if m[1] <= end]


def _cues(text: str, start: int, end: int, quotes: Sequence[QuoteSpan]) -> list[re.Match[str]]:
    """Cue verbs (and "according to") between `start` and `end`, outside quotations."""
    return [
        m
        for m in _CUE_CANDIDATE_RE.finditer(text, start, end)
        if (m.group().lower() in CUE_FORMS or m.group().lower() == "according to") and not _inside(m.start(), quotes)
    ]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span to its words: no leading conjunctions, trailing day names or punctuation."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-\"“”"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-\"“”"):
        end -= 1
    lead = _LEADING_WORDS_RE.match(text, start, end)
    if lead:
        start = lead.end()
    trail = _TRAILING_WORDS_RE.search(text[start:end])
    if trail and trail.start() > 0:
        end = start + trail.start()
    return start, end


def _subject_before(
    text: str, floor: int, cue: re.Match[str], quotes: Sequence[QuoteSpan], mention_spans: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """The subject phrase written before a cue verb, or None when it is elided ("…, adding", "and said")."""
    if cue.group().lower().endswith("ing"):
        return None
    segment_start = floor
    before = bisect_left(quotes, cue.start(), key=lambda q: q.close_mark)
    if before and quotes[before - 1].close_mark >= floor:
        segment_start = quotes[before - 1].close_mark + 1  # text after the last quotation closed
    for m in re.finditer(r"[;:—–]|\s-\s", text[segment_start : cue.start()]):
        segment_start = max(segment_start, segment_start + m.end())
    if _COORDINATED_RE.search(text, segment_start, cue.start()):
        return None  # "… and said": the subject is that of the verb before
    pieces = _comma_pieces(text, segment_start, cue.start())
    if not pieces:
        return None
    start, end = _trim(text, *pieces[-1])
    if start >= end:
        return None
    if len(pieces) > 1 and text[start].isupper():
        prev_start, prev_end = _trim(text, *pieces[-2])
        prev = text[prev_start:prev_end]
        if prev and _words(prev) <= 8 and _APPOSITION_HEAD_RE.match(prev) and not _looks_clausal(prev):
            start = prev_start
    if _words(text[start:end]) > _MAX_SUBJECT_WORDS:
        inner = _within(mention_spans, start, end)
        return inner[-1] if inner else None
    return start, end


def _looks_clausal(s: str) -> bool:
    return bool(re.search(r"\b(?:is|are|was|were|has|have|had|will|would|while|when|if|because)\b", s, re.I))


def _comma_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    cursor = start
    for m in re.finditer(",", text[start:end]):
        pieces.append((cursor, start + m.start()))
        cursor = start + m.end()
    pieces.append((cursor, end))
    return [(s, e) for s, e in pieces if text[s:e].strip()]


def _cue_label(text: str, cue: re.Match[str], quote: QuoteSpan) -> str:
    word = cue.group()
    if word.lower() == "according to":
        return "according to"
    between = text[cue.end() : quote.open_mark] if cue.end() <= quote.open_mark else ""
    if word.lower() in _AS_CUES and re.search(r"\bas\s*$", between):
        return f"{word} … as"
    if word.lower().startswith("accus") and re.search(r"\bof\b", between):
        return f"{word} … of"
    return word


def attribute(
    text: str,
    quote: QuoteSpan,
    sentence: tuple[int, int],
    quotes: Sequence[QuoteSpan],
    mention_spans: Sequence[tuple[int, int]],
) -> Attribution | None:
    """The speaker phrase and cue of one quotation, read from the sentence around it.

    `sentence` runs from the start of the sentence where the quotation opens to the end
    of the sentence where it closes; `mention_spans` are the actor mentions in the text.
    """
    s_start, tail_end = sentence
    after = quote.close_mark + 1
    ends_clause = text[quote.end - 1 : quote.end] in ",!?" or text[after : after + 1] == ","

    # 1. Right after the quotation: `"…," X said`, `"…," said X`, `"…" according to X`.
    m = _ACCORDING_RE.match(text, _skip(text, after, ","), tail_end)
    if m:
        return _made(text, m.start("sp"), m.end("sp"), "according to", m.start())
    if ends_clause:
        m = _AFTER_INVERTED_RE.match(text, after, tail_end) or _AFTER_SUBJECT_RE.match(text, after, tail_end)
        if m and _words(m["sp"]) <= _MAX_SUBJECT_WORDS:
            return _made(text, m.start("sp"), m.end("sp"), m["cue"], m.start("cue"))

    # 2. A cue earlier in the sentence: `X said …"…"`, `X described the talks as "…"`.
    before = _cues(text, s_start, quote.open_mark, quotes)
    for index in range(len(before) - 1, -1, -1):
        cue = before[index]
        if cue.group().lower() == "according to":
            m = _ACCORDING_RE.match(text, cue.start(), quote.open_mark)
            if m:
                return _made(text, m.start("sp"), m.end("sp"), "according to", cue.start())
            continue
        label = _cue_label(text, cue, quote)
        subject = _subject_before(text, s_start, cue, quotes, mention_spans)
        # An elided subject ("…, adding", "and said") is the subject of an earlier cue.
        for earlier in reversed(before[:index]) if subject is None else ():
            subject = _subject_before(text, s_start, earlier, quotes, mention_spans)
            if subject:
                break
        if subject is None:
            subject = next(iter(_within(mention_spans, s_start, cue.start())), None)
        if subject:
            return _made(text, *subject, label, cue.start())
        break

    # 3. A cue later in the sentence: `The talks were "difficult," for both sides, Zelenskyy said.`
    for cue in _cues(text, after, tail_end, quotes):
        if cue.group().lower() == "according to":
            m = _ACCORDING_RE.match(text, cue.start(), tail_end)
            if m:
                return _made(text, m.start("sp"), m.end("sp"), "according to", cue.start())
            continue
        inverted = _AFTER_INVERTED_RE.match(text, cue.start(), tail_end)
        if inverted and inverted.start("cue") == cue.start():
            return _made(text, inverted.start("sp"), inverted.end("sp"), cue.group(), cue.start())
        subject = _subject_before(text, after, cue, quotes, mention_spans)
        if subject:
            return _made(text, *subject, cue.group(), cue.start())
        break
    return None


def _skip(text: str, pos: int, chars: str) -> int:
    while pos < len(text) and (text[pos] in chars or text[pos] == " "):
        pos += 1
    return pos


def _made(text: str, start: int, end: int, cue: str, cue_start: int) -> Attribution:
    start, end = _trim(text, start, end)
    return Attribution(text[start:end], start, end, cue, cue_start)

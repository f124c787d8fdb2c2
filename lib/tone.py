"""Tone: TextBlob's PatternAnalyzer polarity and subjectivity, and scoping it to one actor.

PatternAnalyzer averages the polarity of lexicon words (mostly adjectives, from product
reviews), with some handling of negation and intensifiers. It knows nothing of targets,
so a sentence naming two actors gets one score. Here each sentence is assessed once, as
TextBlob does it, and every assessed word keeps its offset; the score of a clause or a
quotation is then the same mean taken over the assessed words inside it, with the
negations and intensifiers read in the context of the whole sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from textblob.en.sentiments import pattern_sentiment

__all__ = ["Assessment", "assess_sentence", "mean_tone", "clauses", "actor_scope", "mask"]

# Clause breaks: punctuation, and conjunctions that turn to another subject.
_CLAUSE_BREAK_RE = re.compile(
    r"[,;:()]|\s[—–-]\s|—|\b(?:but|while|whereas|although|though|yet|which|who|after|before|as)\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Assessment:
    """One word (with its modifier or negation) that PatternAnalyzer scored, at its offset."""

    offset: int
    polarity: float
    subjectivity: float


def assess_sentence(text: str, start: int, end: int) -> tuple[float, float, list[Assessment]]:
    """(polarity, subjectivity, assessments) of `text[start:end]`.

    The two scores equal `TextBlob(text[start:end]).sentiment`: the same tokenizer, the
    same assessments, the same mean.
    """
    sentence = text[start:end]
    tokens = " ".join(pattern_sentiment.tokenizer(sentence)).split()
    scored = pattern_sentiment.assessments(((t.lower(), None) for t in tokens), True)
    if not scored:
        return 0.0, 0.0, []
    lowered = sentence.lower()
    located: list[Assessment] = []
    cursor = 0
    for words, polarity, subjectivity, _label in scored:
        # Assessments come in token order; each begins with its first word.
        found = _find_word(lowered, words[0], cursor)
        if found >= 0:
            cursor = found + len(words[0])
        located.append(Assessment(start + (found if found >= 0 else cursor), float(polarity), float(subjectivity)))
    n = len(located)
    return sum(a.polarity for a in located) / n, sum(a.subjectivity for a in located) / n, located


def _find_word(haystack: str, word: str, cursor: int) -> int:
    """The offset of `word` as a whole token at or after `cursor`, or -1."""
    found = haystack.find(word, cursor)
    while found >= 0:
        before = haystack[found - 1] if found else " "
        after = haystack[found + len(word) : found + len(word) + 1] or " "
        if not (before.isalnum() and word[0].isalnum()) and not (after.isalnum() and word[-1].isalnum()):
            return found
        found = haystack.find(word, found + 1)
    return -1


def _covers(spans: Sequence[tuple[int, int]], offset: int) -> bool:
    """Whether one of the sorted, non-overlapping `spans` contains `offset`."""
    i = bisect_right(spans, offset, key=lambda span: span[0]) - 1
    return i >= 0 and offset < spans[i][1]


def mean_tone(
    assessments: Iterable[Assessment], spans: Sequence[tuple[int, int]], hidden: Sequence[tuple[int, int]] = ()
) -> tuple[float, float]:
    """The mean polarity and subjectivity of the assessed words inside `spans` and outside `hidden`."""
    inside = [a for a in assessments if _covers(spans, a.offset) and not _covers(hidden, a.offset)]
    if not inside:
        return 0.0, 0.0
    return sum(a.polarity for a in inside) / len(inside), sum(a.subjectivity for a in inside) / len(inside)


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of `text[start:end]`, split at punctuation and at turning conjunctions."""
    cuts = [start] + [m.start() for m in _CLAUSE_BREAK_RE.finditer(text, start, end)] + [end]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip(" ,;:()—–-")]


def actor_scope(
    sentence_clauses: Sequence[tuple[int, int]],
    actor_spans: Sequence[tuple[int, int]],
    other_spans: Sequence[tuple[int, int]],
) -> list[tuple[int, int]]:
    """The clauses of a sentence that are about one actor.

    Each clause holding one of the actor's mentions, widened over following clauses that
    name no actor (they continue its subject), up to the next clause that names another.
    """

    actor_starts = sorted(s for s, _ in actor_spans)
    other_starts = sorted(s for s, _ in other_spans)

    def holds(clause: tuple[int, int], starts: list[int]) -> bool:
        i = bisect_left(starts, clause[0])
        return i < len(starts) and starts[i] < clause[1]

    scope: list[tuple[int, int]] = []
    current = ""
    for clause in sentence_clauses:
        current = "self" if holds(clause, actor_starts) else "other" if holds(clause, other_starts) else current
        if current != "self":
            continue
        if scope and scope[-1][1] == clause[0]:
            scope[-1] = (scope[-1][0], clause[1])
        else:
            scope.append(clause)
    return scope


def mask(text: str, spans: Sequence[tuple[int, int]], hidden: Sequence[tuple[int, int]]) -> str:
    """The text of `spans` joined by " … ", with the `hidden` ranges (quotations) shown as "[…]"."""
    parts = []
    for start, end in spans:
        pieces, cursor = [], start
        for h_start, h_end in sorted(hidden):
            if h_end <= cursor or h_start >= end:
                continue
            pieces.append(text[cursor:max(h_start, cursor)])
            pieces.append("[…]")
            cursor = min(h_end, end)
        pieces.append(text[cursor:end])
        parts.append("".join(pieces).strip())
    return " … ".join(p for p in parts if p)

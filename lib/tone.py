"""Tone: TextBlob's PatternAnalyzer polarity and subjectivity, and scoping it to one actor.

PatternAnalyzer averages the polarity of lexicon words (mostly adjectives, from product
reviews), with some handling of negation and intensifiers. It knows nothing of targets,
so a sentence naming two actors gets one score; `actor_scope` narrows the text to the
clauses that mention the actor before it is scored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from textblob.en.sentiments import pattern_sentiment

__all__ = ["score", "actor_scope", "mask"]

# Clause breaks: punctuation, and conjunctions that turn to another subject.
_CLAUSE_BREAK_RE = re.compile(
    r"[,;:()]|\s[—–-]\s|—|\b(?:but|while|whereas|although|though|yet|which|who|after|before|as)\b", re.IGNORECASE
)


def score(text: str) -> tuple[float, float]:
    """(polarity in −1…1, subjectivity in 0…1), exactly as `TextBlob(text).sentiment` gives them."""
    polarity, subjectivity = pattern_sentiment(text)
    return float(polarity), float(subjectivity)


def actor_scope(
    text: str, sentence: tuple[int, int], actor_spans: Sequence[tuple[int, int]], other_spans: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The parts of a sentence that are about one actor.

    With no other actor in the sentence that is the whole sentence. Otherwise it is each
    clause holding one of the actor's mentions, widened over neighbouring clauses up to
    the next clause that mentions another actor.
    """
    start, end = sentence
    if not other_spans:
        return [sentence]
    cuts = [start] + [m.start() for m in _CLAUSE_BREAK_RE.finditer(text, start, end)] + [end]
    clauses = [(a, b) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip(" ,;:()—–-")]

    def holds(clause: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
        return any(clause[0] <= s < clause[1] for s, _ in spans)

    owner = ["self" if holds(c, actor_spans) else "other" if holds(c, other_spans) else "" for c in clauses]
    # A clause with no actor belongs to the nearest actor clause before it (its subject).
    current = ""
    for i, tag in enumerate(owner):
        current = tag or current
        owner[i] = current
    scope: list[tuple[int, int]] = []
    for clause, tag in zip(clauses, owner):
        if tag != "self":
            continue
        if scope and scope[-1][1] == clause[0]:
            scope[-1] = (scope[-1][0], clause[1])
        else:
            scope.append(clause)
    return scope


def mask(text: str, spans: Sequence[tuple[int, int]], hidden: Sequence[tuple[int, int]]) -> str:
    """The text of `spans` joined, with the `hidden` ranges (quotations) blanked out."""
    parts = []
    for start, end in spans:
        piece = list(text[start:end])
        for h_start, h_end in hidden:
            for i in range(max(h_start, start), min(h_end, end)):
                piece[i - start] = " "
        parts.append("".join(piece))
    return " … ".join(parts)

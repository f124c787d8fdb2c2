"""Reading articles side by side: which passages say the same thing, which only one
article has, and where the same fact is told with different numbers.
"""

from __future__ import annotations

import math
import re
from collections import Counter

import pandas as pd

from .analysis import Analysis

__all__ = ["align_passages", "quantity_claims", "differences", "QUANTITY_FAMILIES"]

_STOP = frozenset(
    "a an the and or but of to in on at for with by from as is are was were be been has have had that this these "
    "those it its their they them he she his her we our you not no than then so such into over after before while "
    "also more most some any all both each other which who whom what when where why how will would could should "
    "can may might must said says say".split()
)
_TOKEN_RE = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")


def _stem(word: str) -> str:
    for suffix in ("ings", "ing", "ies", "ied", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _terms(text: str) -> Counter[str]:
    return Counter(_stem(w.replace("’", "'").replace("-", "")) for w in _TOKEN_RE.findall(text.lower())
                   if w not in _STOP and len(w) > 2)


def align_passages(analysis: Analysis, *, threshold: float = 0.2) -> pd.DataFrame:
    """Body sentences grouped across articles by what they say.

    Each sentence is a TF-IDF vector of its content words plus its actors and issues
    (so "Kyiv" and "Ukrainian" count as Ukraine). Two sentences in different articles are
    linked when each is the other's closest match and their cosine reaches `threshold`.
    Returns one row per body sentence: article_id, sentence, start, end, group (shared by
    linked sentences; -1 when only this article has the passage), best_score, best_match
    ("article_id:sentence" of the closest sentence elsewhere).
    """
    body = analysis.sentences[~analysis.sentences.heading][["article_id", "sentence", "start", "end", "text"]]
    body = body.reset_index(drop=True)
    tags: dict[tuple[str, int], list[str]] = {}
    for aid, sentence, actor in zip(analysis.mentions.article_id, analysis.mentions.sentence, analysis.mentions.actor):
        tags.setdefault((aid, sentence), []).append("@" + actor)
    for aid, sentence, issue in zip(analysis.issue_hits.article_id, analysis.issue_hits.sentence,
                                    analysis.issue_hits.issue):
        tags.setdefault((aid, sentence), []).append("#" + issue)
    terms = []
    for aid, sentence, text in zip(body.article_id, body.sentence, body.text):
        counted = _terms(text)
        counted.update(set(tags.get((aid, sentence), [])))
        terms.append(counted)
    df = Counter(t for ts in terms for t in ts)
    n_docs = max(len(terms), 1)
    vectors = []
    for ts in terms:
        v = {t: c * math.log(1 + n_docs / df[t]) for t, c in ts.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({t: x / norm for t, x in v.items()})

    def cosine(i: int, j: int) -> float:
        vi, vj = vectors[i], vectors[j]
        if len(vi) > len(vj):
            vi, vj = vj, vi
        return sum(w * vj[t] for t, w in vi.items() if t in vj)

    by_article: dict[str, list[int]] = {}
    for i, a in enumerate(body.article_id):
        by_article.setdefault(a, []).append(i)
    best_score = [0.0] * len(body)
    best_match = [""] * len(body)
    parent = list(range(len(body)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    ids = list(by_article)
    for x, a in enumerate(ids):
        for b in ids[x + 1 :]:
            scores = {(i, j): cosine(i, j) for i in by_article[a] for j in by_article[b]}
            best_in_b = {i: max(by_article[b], key=lambda j: scores[(i, j)]) for i in by_article[a]}
            best_in_a = {j: max(by_article[a], key=lambda i: scores[(i, j)]) for j in by_article[b]}
            for i, j in best_in_b.items():
                for k, other, score in ((i, j, scores[(i, j)]), (j, i, scores[(i, j)])):
                    if score > best_score[k]:
                        best_score[k], best_match[k] = score, f"{body.article_id[other]}:{body.sentence[other]}"
                if best_in_a[j] == i and scores[(i, j)] >= threshold:
                    parent[find(i)] = find(j)
    roots = [find(i) for i in range(len(body))]
    sizes = Counter(roots)
    numbering: dict[int, int] = {}
    groups = [numbering.setdefault(r, len(numbering) + 1) if sizes[r] > 1 else -1 for r in roots]
    out = body[["article_id", "sentence", "start", "end"]].copy()
    out["group"] = groups
    out["best_score"] = best_score
    out["best_match"] = best_match
    return out


_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "ninety": 90, "hundred": 100,
}
_VAGUE = ("several", "a few", "few", "dozens", "dozen", "scores", "hundreds", "thousands", "tens of thousands",
          "millions", "many", "numerous")
_HEDGES = ("barely", "just", "only", "nearly", "almost", "around", "about", "some", "at least", "more than",
           "over", "roughly", "up to", "less than", "fewer than", "much")
_NUM = r"\d[\d,.]*|" + "|".join(sorted([*_NUMBER_WORDS, *_VAGUE], key=len, reverse=True))
_HEDGE = "|".join(sorted(_HEDGES, key=len, reverse=True))

# Each family: what is counted, and the words that name its unit.
QUANTITY_FAMILIES: dict[str, tuple[str, str]] = {
    "duration": ("How long the talks lasted", r"minutes?|hours?"),
    "weapons": ("What was fired", r"(?:attack\s+|ballistic\s+|cruise\s+)?(?:missiles?|drones?|rockets?|shells?)"
                                  r"(?:\s+and\s+(?:missiles?|drones?|rockets?))?"),
    "people": ("People killed, wounded or displaced",
               r"(?:soldiers|civilians|people|persons?|refugees)(?:\s+(?:and\s+\w+\s+)?(?:dead|killed|wounded))?"),
    "war_length": ("How long the war has lasted", r"years?(?:[\s-]+long)?\s+(?:war|conflict)"),
    "share": ("Share of territory", r"(?:fifth|quarter|third|half|percent|per cent|%)\s+of\s+Ukraine"),
}


def _quantity_re(unit: str) -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:(?P<hedge>{_HEDGE})\s+)?(?P<num>{_NUM})(?:[\s-]+of)?(?P<mid>(?:[\s-]+[a-z]+){{0,2}}?)[\s-]+(?P<unit>{unit})\b",
        re.IGNORECASE,
    )


_FAMILY_RES = {family: _quantity_re(unit) for family, (_label, unit) in QUANTITY_FAMILIES.items()}
_FRACTION_RE = re.compile(r"\b(?P<hedge>around|about|nearly|almost|roughly)?\s*(?P<num>one|two)[\s-]+(?P<unit>fifth|quarter|third)s?\s+of\s+Ukraine\b",
                          re.IGNORECASE)


def _value(num: str, unit: str, family: str) -> float | None:
    word = num.lower()
    if word in _NUMBER_WORDS:
        value = float(_NUMBER_WORDS[word])
    else:
        try:
            value = float(word.replace(",", ""))
        except ValueError:
            return None  # "several", "dozens": a vague quantity
    if family == "duration" and unit.lower().startswith("hour"):
        value *= 60  # compare durations in minutes
    return value


def quantity_claims(analysis: Analysis) -> pd.DataFrame:
    """Every counted quantity in the body text: what family it belongs to, its words and value."""
    rows = []
    body = analysis.sentences[~analysis.sentences.heading]
    for r in body.itertuples():
        found: list[tuple[int, int, str, str, float | None]] = []
        for family, pattern in _FAMILY_RES.items():
            for m in pattern.finditer(r.text):
                if family == "share":
                    continue
                found.append((m.start(), m.end(), family, m.group(), _value(m["num"], m["unit"], family)))
        for m in _FRACTION_RE.finditer(r.text):
            found.append((m.start(), m.end(), "share", m.group().strip(), None))
        for a, b, family, words, value in found:
            rows.append((r.article_id, r.sentence, family, QUANTITY_FAMILIES[family][0], words, value,
                         r.start + a, r.start + b, r.start, r.end, r.text))
    return pd.DataFrame(rows, columns=["article_id", "sentence", "family", "family_label", "words", "value",
                                       "start", "end", "sentence_start", "sentence_end", "text"])


def differences(analysis: Analysis) -> pd.DataFrame:
    """Quantities of one kind that the chosen articles state differently.

    One row per (family, article) for families that at least two articles quantify and
    whose wording or values differ between them ("barely 90 minutes" against "just two
    hours"; "dozens of missiles and drones" against "126 attack drones and a ballistic missile").
    """
    claims = quantity_claims(analysis)
    rows = []
    for family, group in claims.groupby("family", sort=False):
        if group.article_id.nunique() < 2:
            continue
        wordings = {w.lower() for w in group.words}
        if len(wordings) < 2:
            continue
        for article_id, in_article in group.groupby("article_id", sort=False):
            rows.append((family, in_article.family_label.iloc[0], article_id,
                         " · ".join(dict.fromkeys(in_article.words)),
                         [(int(s), int(e)) for s, e in zip(in_article.start, in_article.end)],
                         [(int(s), int(e)) for s, e in zip(in_article.sentence_start, in_article.sentence_end)],
                         " … ".join(dict.fromkeys(in_article.text))))
    return pd.DataFrame(rows, columns=["family", "family_label", "article_id", "wording", "spans", "sentence_spans",
                                       "sentences"])

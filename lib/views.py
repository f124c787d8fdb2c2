"""The tables behind every view: one plain DataFrame feeds the chart, the table and the CSV.

Everything here takes an `Analysis` (already narrowed to the chosen articles with
`select`) and returns a DataFrame with the article_id and offsets that lead back to the
words, so any number on screen can be opened as evidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import pandas as pd

from .analysis import Analysis

__all__ = [
    "METRICS",
    "Metric",
    "select",
    "article_labels",
    "coverage_matrix",
    "issue_positions",
    "blind_spots",
    "issue_evidence",
    "mention_counts",
    "mention_evidence",
    "tone_points",
    "quote_table",
    "voice_share",
    "side_colors",
    "speaker_renderings",
    "reader_link",
    "parse_focus",
]


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    percent: bool


METRICS: dict[str, Metric] = {
    "share_sentences": Metric("share_sentences", "Share of sentences", True),
    "sentences": Metric("sentences", "Sentences", False),
    "share_words": Metric("share_words", "Share of words", True),
}


def select(analysis: Analysis, article_ids: Iterable[str]) -> Analysis:
    """The analysis narrowed to some articles, in the order given."""
    ids = [a for a in article_ids if a in analysis.texts]
    order = {a: i for i, a in enumerate(ids)}

    def narrow(frame: pd.DataFrame) -> pd.DataFrame:
        if "article_id" not in frame.columns:
            return frame
        kept = frame[frame.article_id.isin(order)]
        if frame is analysis.articles:
            kept = kept.iloc[kept.article_id.map(order).argsort()]
        return kept.reset_index(drop=True)

    tables = {name: narrow(analysis.table(name)) for name in Analysis.TABLES if name != "problems"}
    return replace(analysis, **tables, texts={a: analysis.texts[a] for a in ids})


def article_labels(analysis: Analysis) -> dict[str, str]:
    return dict(zip(analysis.articles.article_id, analysis.articles.label))


def coverage_matrix(analysis: Analysis, metric: str) -> pd.DataFrame:
    """Long table: article_id, label, issue, issue_label, value (percent for shares), sentences."""
    m = METRICS[metric]
    labels = article_labels(analysis)
    issue_labels = analysis.lexicons.issue_labels()
    frame = analysis.coverage[list(dict.fromkeys(["article_id", "issue", "sentences", metric]))].copy()
    frame["value"] = frame[metric] * 100 if m.percent else frame[metric].astype(float)
    frame["label"] = frame.article_id.map(labels)
    frame["issue_label"] = frame.issue.map(issue_labels)
    return frame[["article_id", "label", "issue", "issue_label", "value", "sentences"]]


def issue_positions(analysis: Analysis, issue: str | None = None) -> pd.DataFrame:
    """Where each issue's sentences fall through each article: position 0 (lead) to 1 (end)."""
    hits = analysis.issue_hits[~analysis.issue_hits.heading]
    if issue:
        hits = hits[hits.issue == issue]
    body = analysis.articles.set_index("article_id").sentences
    rows = hits.merge(analysis.sentences[["article_id", "sentence", "body_index", "text"]], on=["article_id", "sentence"])
    rows["position"] = rows.body_index / rows.article_id.map(body).clip(lower=1)
    rows["label"] = rows.article_id.map(article_labels(analysis))
    rows["issue_label"] = rows.issue.map(analysis.lexicons.issue_labels())
    return rows[["article_id", "label", "issue", "issue_label", "sentence", "position", "start", "end", "text",
                 "phrases", "phrase_offsets"]]


def blind_spots(analysis: Analysis) -> pd.DataFrame:
    """Issues that some chosen articles cover and others leave out, with who does which."""
    labels = article_labels(analysis)
    covered = analysis.coverage[analysis.coverage.sentences > 0]
    n = len(analysis.articles)
    rows = []
    for issue in analysis.lexicons.issues:
        ids = list(covered[covered.issue == issue.id].article_id)
        if 0 < len(ids) < n:
            missing = [a for a in analysis.articles.article_id if a not in ids]
            rows.append((issue.id, issue.label, len(ids), ", ".join(labels[a] for a in ids),
                         ", ".join(labels[a] for a in missing)))
        elif not ids and n:
            rows.append((issue.id, issue.label, 0, "", "every chosen article"))
    return pd.DataFrame(rows, columns=["issue", "issue_label", "covered_by_n", "covered_by", "left_out_by"])


def issue_evidence(analysis: Analysis, issue: str, article_id: str | None = None) -> pd.DataFrame:
    """The sentences tagged with an issue, with the phrases that matched and their offsets."""
    hits = analysis.issue_hits[analysis.issue_hits.issue == issue]
    if article_id:
        hits = hits[hits.article_id == article_id]
    rows = hits.merge(analysis.sentences[["article_id", "sentence", "text"]], on=["article_id", "sentence"])
    rows["label"] = rows.article_id.map(article_labels(analysis))
    return rows[["article_id", "label", "sentence", "start", "end", "text", "phrases", "phrase_offsets", "heading"]]


def mention_counts(analysis: Analysis) -> pd.DataFrame:
    """Mentions per actor and article, zeros included, actors in lexicon order."""
    counts = analysis.mentions.groupby(["article_id", "actor"]).size()
    labels = article_labels(analysis)
    rows = []
    for actor in analysis.lexicons.actors:
        for article_id in analysis.articles.article_id:
            rows.append((actor.name, actor.side, article_id, labels[article_id],
                         int(counts.get((article_id, actor.name), 0))))
    frame = pd.DataFrame(rows, columns=["actor", "side", "article_id", "label", "mentions"])
    seen = frame.groupby("actor").mentions.transform("sum") > 0
    return frame[seen].reset_index(drop=True)


def mention_evidence(analysis: Analysis, actor: str, article_id: str | None = None) -> pd.DataFrame:
    m = analysis.mentions[analysis.mentions.actor == actor]
    if article_id:
        m = m[m.article_id == article_id]
    rows = m.merge(analysis.sentences[["article_id", "sentence", "start", "end", "text"]],
                   on=["article_id", "sentence"], suffixes=("", "_sentence"))
    rows["label"] = rows.article_id.map(article_labels(analysis))
    return rows[["article_id", "label", "sentence", "matched", "match_kind", "start", "end", "start_sentence",
                 "end_sentence", "text"]]


def tone_points(analysis: Analysis, actors: Sequence[str] | None = None) -> pd.DataFrame:
    """Every tone score behind the per-actor summaries: one row per scored sentence or quotation."""
    e = analysis.tone_evidence
    if actors:
        e = e[e.actor.isin(actors)]
    e = e.copy()
    e["label"] = e.article_id.map(article_labels(analysis))
    return e[["actor", "measure", "article_id", "label", "sentence", "start", "end", "text", "polarity",
              "subjectivity", "scoped"]]


def quote_table(analysis: Analysis) -> pd.DataFrame:
    q = analysis.quotes.copy()
    q["label"] = q.article_id.map(article_labels(analysis))
    actors = {a.name: a for a in analysis.lexicons.actors}
    q["side"] = q.speaker.map(lambda s: actors[s].side if s in actors else ("unattributed" if not s else "other"))
    q["speaker"] = q.speaker.where(q.speaker != "", "(unattributed)")
    return q[["article_id", "label", "speaker", "side", "cue", "kind", "text", "polarity", "subjectivity",
              "speaker_phrase", "start", "end", "sentence"]]


def voice_share(analysis: Analysis) -> pd.DataFrame:
    """Quotations per article and speaking side, with each side's share of the article's quotations."""
    q = quote_table(analysis)
    rows = []
    for article_id, label in zip(analysis.articles.article_id, analysis.articles.label):
        in_article = q[q.article_id == article_id]
        total = len(in_article)
        for side, group in in_article.groupby("side", sort=False):
            rows.append((article_id, label, side, len(group), len(group) / total, ", ".join(dict.fromkeys(group.speaker))))
        if total == 0:
            rows.append((article_id, label, "no quotations", 0, 0.0, ""))
    return pd.DataFrame(rows, columns=["article_id", "label", "side", "quotes", "share", "speakers"])


def side_colors(analysis: Analysis) -> dict[str, str]:
    """One colour per side: that of the actor named like the side, else its first actor."""
    colors: dict[str, str] = {}
    for actor in analysis.lexicons.actors:
        if actor.name == actor.side or actor.side not in colors:
            colors[actor.side] = actor.color
    colors.update({"unattributed": "#9e9e9e", "other": "#bdbdbd", "no quotations": "#eeeeee"})
    return colors


def _norm_words(text: str) -> set[str]:
    import re

    return {w.replace("-", "") for w in re.findall(r"[a-z][a-z\-']+", text.lower()) if len(w) > 2}


def speaker_renderings(analysis: Analysis) -> pd.DataFrame:
    """A speaker's words as different articles render them, paired where they share words.

    One row per pair of quotations from the same speaker in different articles whose
    words overlap ("businesslike" and "difficult, but business-like").
    """
    q = analysis.quotes[analysis.quotes.speaker != ""]
    labels = article_labels(analysis)
    rows = []
    for speaker, group in q.groupby("speaker", sort=False):
        if group.article_id.nunique() < 2:
            continue
        items = list(group.itertuples())
        for i, a in enumerate(items):
            for b in items[i + 1 :]:
                if a.article_id == b.article_id:
                    continue
                shared = _norm_words(a.text) & _norm_words(b.text)
                if shared:
                    rows.append((speaker, a.article_id, labels[a.article_id], a.text, a.cue, a.start, a.end,
                                 b.article_id, labels[b.article_id], b.text, b.cue, b.start, b.end,
                                 ", ".join(sorted(shared))))
    return pd.DataFrame(rows, columns=["speaker", "article_a", "label_a", "quote_a", "cue_a", "start_a", "end_a",
                                       "article_b", "label_b", "quote_b", "cue_b", "start_b", "end_b", "shared"])


def reader_link(article_ids: Sequence[str], focus_article: str, start: int, end: int) -> str:
    """A relative URL that opens the reader on these articles with one passage in focus."""
    from urllib.parse import urlencode

    ids = list(dict.fromkeys([focus_article, *article_ids]))[:3]
    return "reader?" + urlencode({"read": ",".join(ids), "focus": f"{focus_article}:{start}-{end}"})


def parse_focus(value: str | None) -> tuple[str, int, int] | None:
    """"article_id:start-end" from a URL, or None when it is missing or malformed."""
    if not value or ":" not in value:
        return None
    article_id, _, span = value.rpartition(":")
    start, _, end = span.partition("-")
    if not (start.isdigit() and end.isdigit()) or int(end) < int(start):
        return None
    return article_id, int(start), int(end)

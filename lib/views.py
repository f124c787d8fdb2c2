"""The tables behind every view: one plain DataFrame feeds the chart, the table and the CSV.

Everything here takes an `Analysis` (already narrowed to the chosen articles with
`select`) and returns a DataFrame with the article_id and offsets that lead back to the
words, so any number on screen can be opened as evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import pandas as pd

from .analysis import Analysis

__all__ = [
    "METRICS",
    "Metric",
    "select",
    "first_articles",
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
    "encode_choice",
    "decode_choice",
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


def first_articles(analysis: Analysis, limit: int) -> Analysis:
    """The first `limit` articles, for charts that draw one row per article."""
    return analysis if len(analysis.articles) <= limit else select(analysis, analysis.articles.article_id[:limit])


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
    rows["position"] = rows.body_index / rows.article_id.map(body).astype("float64").clip(lower=1)
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
    """Mentions per actor and article, zeros included, for actors named at least once, in lexicon order."""
    # A Counter over (actor, article) pairs: several times faster than a groupby on string columns.
    counts = Counter(zip(analysis.mentions.actor, analysis.mentions.article_id))
    present = {actor for actor, _ in counts}
    labels = article_labels(analysis)
    rows = [(actor.name, actor.side, article_id, labels[article_id], counts.get((actor.name, article_id), 0))
            for actor in analysis.lexicons.actors if actor.name in present
            for article_id in analysis.articles.article_id]
    return pd.DataFrame(rows, columns=["actor", "side", "article_id", "label", "mentions"])


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
    speakers = q.drop_duplicates(["article_id", "side", "speaker"]).groupby(["article_id", "side"], sort=False).speaker
    grouped = q.groupby(["article_id", "side"], sort=False).size().rename("quotes").to_frame()
    grouped["speakers"] = speakers.agg(", ".join)
    grouped = grouped.reset_index()
    grouped["share"] = grouped.quotes / grouped.groupby("article_id").quotes.transform("sum")
    quoting = set(grouped.article_id)
    silent = [a for a in analysis.articles.article_id if a not in quoting]
    silent_rows = pd.DataFrame({"article_id": silent, "side": "no quotations", "quotes": 0, "speakers": "",
                                "share": 0.0})
    frame = pd.concat([grouped, silent_rows], ignore_index=True) if silent else grouped
    order = {a: i for i, a in enumerate(analysis.articles.article_id)}
    frame = frame.iloc[frame.article_id.map(order).argsort(kind="stable")].reset_index(drop=True)
    frame["label"] = frame.article_id.map(article_labels(analysis))
    return frame[["article_id", "label", "side", "quotes", "share", "speakers"]]


def side_colors(analysis: Analysis) -> dict[str, str]:
    """One colour per side: that of the actor named like the side, else its first actor."""
    colors: dict[str, str] = {}
    for actor in analysis.lexicons.actors:
        if actor.name == actor.side or actor.side not in colors:
            colors[actor.side] = actor.color
    colors.update({"unattributed": "#9e9e9e", "other": "#bdbdbd", "no quotations": "#eeeeee"})
    return colors


def _norm_words(text: str) -> set[str]:
    return {w.replace("-", "") for w in re.findall(r"[a-z][a-z\-']+", text.lower()) if len(w) > 2}


def speaker_renderings(analysis: Analysis, *, limit: int = 40) -> pd.DataFrame:
    """A speaker's words as different articles render them, paired where they share words.

    One row per pair of quotations from the same speaker in different articles whose
    words overlap ("businesslike" and "difficult, but business-like"). Quotations are
    indexed by word, so a speaker quoted thousands of times costs no more than a scan;
    at most `limit` pairs are returned, those sharing the most words first.
    """
    q = analysis.quotes[analysis.quotes.speaker != ""]
    labels = article_labels(analysis)
    candidates: dict[tuple[int, int], set[str]] = {}
    for speaker, group in q.groupby("speaker", sort=False):
        if group.article_id.nunique() < 2:
            continue
        by_word: dict[str, dict[str, int]] = {}  # word -> article -> first quotation with it
        for r in group.itertuples():
            for word in _norm_words(r.text):
                by_word.setdefault(word, {}).setdefault(r.article_id, r.Index)
        for word, per_article in by_word.items():
            firsts = list(per_article.values())[:4]
            for i, a in enumerate(firsts):
                for b in firsts[i + 1 :]:
                    candidates.setdefault((a, b), set()).add(word)
    chosen = sorted(candidates.items(), key=lambda kv: -len(kv[1]))[:limit]
    # Each quotation's sentence bounds, from one merge rather than a search per quotation.
    involved = q.loc[sorted({i for pair, _ in chosen for i in pair})]
    bounds = involved.reset_index().merge(
        analysis.sentences[["article_id", "sentence", "start", "end"]], on=["article_id", "sentence"],
        suffixes=("", "_sentence")).set_index("index")
    rows = []
    for (a_index, b_index), shared in chosen:
        a, b = bounds.loc[a_index], bounds.loc[b_index]
        rows.append((a.speaker, a.article_id, labels[a.article_id], a.text, a.cue, int(a.start), int(a.end),
                     int(a.start_sentence), int(a.end_sentence), b.article_id, labels[b.article_id], b.text, b.cue,
                     int(b.start), int(b.end), int(b.start_sentence), int(b.end_sentence), ", ".join(sorted(shared))))
    return pd.DataFrame(rows, columns=["speaker", "article_a", "label_a", "quote_a", "cue_a", "start_a", "end_a",
                                       "sentence_start_a", "sentence_end_a", "article_b", "label_b", "quote_b",
                                       "cue_b", "start_b", "end_b", "sentence_start_b", "sentence_end_b", "shared"])


def reader_link(article_ids: Sequence[str], focus_article: str, start: int, end: int) -> str:
    """A relative URL that opens the reader on these articles with one passage in focus."""
    from urllib.parse import quote

    ids = [focus_article]
    for article_id in article_ids:  # the first two others suffice; never walk a long list
        if len(ids) == 3:
            break
        if article_id != focus_article:
            ids.append(article_id)
    return f"reader?read={quote(','.join(ids), safe='')}&focus={quote(f'{focus_article}:{start}-{end}', safe='')}"


def encode_choice(chosen: Sequence[str], all_ids: Sequence[str]) -> str | None:
    """The chosen articles for a URL: None for all, "-a,b" (all but these) when that is shorter."""
    if list(chosen) == list(all_ids):
        return None
    kept = set(chosen)
    left_out = [a for a in all_ids if a not in kept]
    if len(left_out) < len(chosen) and list(chosen) == [a for a in all_ids if a in kept]:
        return "-" + ",".join(left_out)
    return ",".join(chosen)


def decode_choice(value: str, all_ids: Sequence[str]) -> list[str]:
    """The articles a URL's choice names, in order, ignoring ids the corpus does not have."""
    known = set(all_ids)
    if value.startswith("-"):
        left_out = set(value[1:].split(","))
        return [a for a in all_ids if a not in left_out]
    return [a for a in dict.fromkeys(value.split(",")) if a in known]


def parse_focus(value: str | None) -> tuple[str, int, int] | None:
    """"article_id:start-end" from a URL, or None when it is missing or malformed."""
    if not value or ":" not in value:
        return None
    article_id, _, span = value.rpartition(":")
    start, _, end = span.partition("-")
    if not (start.isdigit() and end.isdigit()) or int(end) < int(start):
        return None
    return article_id, int(start), int(end)

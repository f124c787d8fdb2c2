"""Findings for the overview, computed from the analysis, each with the passages behind it."""

from __future__ import annotations

from dataclasses import dataclass

from .analysis import Analysis
from .views import article_labels

__all__ = ["Evidence", "Finding", "findings"]


@dataclass(frozen=True, slots=True)
class Evidence:
    article_id: str
    start: int
    end: int
    text: str
    marks: tuple[tuple[int, int], ...] = ()  # the words inside the passage the finding is about


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str  # "only_one", "nobody", "quoted", "unquoted", "opinionated", "only_names"
    headline: str
    detail: str
    evidence: tuple[Evidence, ...]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def findings(analysis: Analysis, *, max_evidence: int = 6) -> list[Finding]:
    """What stands out when the chosen articles are compared; empty for fewer than one article."""
    if analysis.articles.empty:
        return []
    labels = article_labels(analysis)
    issue_labels = analysis.lexicons.issue_labels()
    n_articles = len(analysis.articles)
    sentences = analysis.sentences
    out: list[Finding] = []

    # Issues only one article covers, and issues no article covers.
    covered = analysis.coverage[analysis.coverage.sentences > 0]
    if n_articles > 1:
        for issue, group in covered.groupby("issue", sort=False):
            if len(group) == 1:
                aid = group.article_id.iloc[0]
                hits = analysis.issue_hits[(analysis.issue_hits.issue == issue) & (analysis.issue_hits.article_id == aid)]
                evidence = _sentence_evidence(analysis, aid, hits.sentence, max_evidence)
                out.append(Finding(
                    "only_one", f"Only {labels[aid]} covers {issue_labels[issue]}",
                    f"{_plural(int(group.sentences.iloc[0]), 'sentence')} there; none in the other "
                    f"{_plural(n_articles - 1, 'article')}.", evidence))
    nobody = [issue_labels[i.id] for i in analysis.lexicons.issues if i.id not in set(covered.issue)]
    if nobody:
        out.append(Finding("nobody", "No chosen article covers " + ", ".join(nobody),
                           "None of their phrases appears in any sentence.", ()))

    # Who is quoted, where and how often.
    quotes = analysis.quotes[analysis.quotes.speaker != ""]
    for speaker, group in sorted(quotes.groupby("speaker"), key=lambda kv: -len(kv[1]))[:4]:
        per_article = group.groupby("article_id", sort=False).size()
        where = ", ".join(f"{labels[a]} ({n})" for a, n in per_article.items())
        out.append(Finding(
            "quoted", f"{speaker} is quoted {_plural(len(group), 'time')} in {_plural(len(per_article), 'article')}",
            where, tuple(_quote_evidence(analysis, r) for r in group.head(max_evidence).itertuples())))
    kinds = {a.name: a.kind for a in analysis.lexicons.actors}
    quoting = set(analysis.quotes.article_id)
    silent = [aid for aid in analysis.articles.article_id if aid not in quoting]
    people = analysis.mentions[analysis.mentions.actor.map(kinds) == "person"]
    if 0 < len(silent) <= 5:
        for aid in silent:
            named = list(people[people.article_id == aid].actor.unique())
            detail = "It names no person either." if not named else "It names " + ", ".join(named) + " without quoting them."
            out.append(Finding("unquoted", f"{labels[aid]} quotes nobody", detail, ()))
    elif silent:
        out.append(Finding("unquoted", f"{len(silent):,} of {n_articles:,} articles quote nobody",
                           "Among them: " + ", ".join(labels[a] for a in silent[:8]) + "…", ()))

    # The most opinionated language: mean subjectivity of body sentences.
    body = sentences[~sentences.heading]
    if n_articles > 1 and len(body):
        means = body.groupby("article_id", sort=False).subjectivity.mean()
        top = means.idxmax()
        others = means.drop(top)
        top_sentences = body[body.article_id == top].nlargest(3, "subjectivity")
        out.append(Finding(
            "opinionated", f"{labels[top]} carries the most opinionated language",
            f"Mean subjectivity {means[top]:.2f} on TextBlob's 0–1 scale, against "
            + ", ".join(f"{labels[a]} {v:.2f}" for a, v in others.items()) + ". Its most subjective sentences:",
            tuple(Evidence(r.article_id, r.start, r.end, r.text) for r in top_sentences.itertuples())))

    # People only one article names.
    if n_articles > 1:
        articles_naming = people.groupby("actor").article_id.nunique()
        for aid, group in people.groupby("article_id", sort=False):
            only = [p for p in group.actor.unique() if articles_naming[p] == 1]
            if only:
                firsts = group[group.actor.isin(only)].drop_duplicates("actor")
                out.append(Finding(
                    "only_names", f"Only {labels[aid]} names " + ", ".join(only), "First mentions:",
                    tuple(_sentence_of(analysis, r.article_id, r.sentence) for r in firsts.itertuples())))
    return out


def _quote_evidence(analysis: Analysis, quote) -> Evidence:
    """The sentence(s) a quotation stands in, with the quoted words marked."""
    s = analysis.sentences[(analysis.sentences.article_id == quote.article_id)
                           & (analysis.sentences.end > quote.start) & (analysis.sentences.start < quote.end)]
    start, end = int(s.start.min()), int(s.end.max())
    return Evidence(quote.article_id, start, end, analysis.texts[quote.article_id][start:end],
                    ((int(quote.start), int(quote.end)),))


def _sentence_of(analysis: Analysis, article_id: str, sentence: int) -> Evidence:
    row = analysis.sentences[(analysis.sentences.article_id == article_id) & (analysis.sentences.sentence == sentence)]
    r = row.iloc[0]
    return Evidence(article_id, int(r.start), int(r.end), r.text)


def _sentence_evidence(analysis: Analysis, article_id: str, sentence_ids, limit: int) -> tuple[Evidence, ...]:
    return tuple(_sentence_of(analysis, article_id, int(s)) for s in list(dict.fromkeys(sentence_ids))[:limit])

"""From articles to tables: one pass per article, cached by its text and the lexicons.

`analyze_text` reads one article into plain records; `analyze_corpus` runs it over a
corpus (reusing cached results, so adding one article to a thousand analyses one) and
assembles the pandas DataFrames every page, chart, table and CSV is built from.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable
from itertools import chain
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa

from .corpus import Corpus
from .lexicon import Lexicons
from .quotes import QuoteSpan, attribute, find_quote_spans, quote_kind
from .text import WORD_RE, find_date, segment
from .tone import Assessment, actor_scope, assess_sentence, clauses, mask, mean_tone

__all__ = [
    "ArticleResult",
    "Analysis",
    "AnalysisCache",
    "analyze_text",
    "analyze_corpus",
    "TABLE_COLUMNS",
    "LEAD_SENTENCES",
]

LEAD_SENTENCES = 2  # the lead: an article's first two body sentences
_PRONOUN_RE = re.compile(r"\b(?:he|him|his|she|her|hers)\b", re.IGNORECASE)
_PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}
_PRONOUN_WINDOW = 3  # sentences a pronoun may look back for its person

TABLE_COLUMNS: dict[str, list[str]] = {
    "articles": [
        "article_id", "title", "outlet", "date", "dateline", "words", "url", "sentences", "paragraphs",
        "quotes", "author", "label", "title_source", "source_file",
    ],
    "paragraphs": ["article_id", "paragraph", "start", "end", "role"],
    "sentences": [
        "article_id", "sentence", "paragraph", "start", "end", "text", "heading", "body_index", "words",
        "polarity", "subjectivity",
    ],
    "mentions": ["article_id", "actor", "start", "end", "matched", "match_kind", "sentence"],
    "quotes": [
        "article_id", "start", "end", "text", "speaker", "speaker_phrase", "cue", "kind", "sentence",
        "quote_index", "speaker_start", "speaker_end", "polarity", "subjectivity",
    ],
    "issue_hits": ["article_id", "issue", "start", "end", "sentence", "phrases", "phrase_offsets", "heading"],
    "coverage": [
        "article_id", "issue", "sentences", "share_sentences", "words", "share_words", "first_position",
        "in_title", "in_lead",
    ],
    "tone": [
        "article_id", "actor", "coverage_polarity", "coverage_subjectivity", "coverage_n", "voice_polarity",
        "voice_subjectivity", "voice_n",
    ],
    "tone_evidence": [
        "article_id", "actor", "measure", "sentence", "start", "end", "text", "polarity", "subjectivity", "scoped",
    ],
    "problems": ["source", "message"],
}


# How each table's columns are kept per article: "i" int, "d" float, "b" bool, "s" text.
# Text that is a slice of the article ("=" here) is not kept at all: it is cut out of the
# article again when the tables are built, which keeps a large corpus's cache small.
# Paragraph text ("-") is not kept or rebuilt: its offsets point into the article.
_STORED: dict[str, dict[str, str]] = {
    "paragraphs": {"paragraph": "i", "start": "i", "end": "i", "role": "s", "text": "-"},
    "sentences": {"sentence": "i", "paragraph": "i", "start": "i", "end": "i", "text": "=", "heading": "b",
                  "body_index": "i", "words": "i", "polarity": "d", "subjectivity": "d"},
    "mentions": {"actor": "s", "start": "i", "end": "i", "matched": "=", "match_kind": "s", "sentence": "i"},
    "quotes": {"start": "i", "end": "i", "text": "=", "speaker": "s", "speaker_phrase": "s", "cue": "s", "kind": "s",
               "sentence": "i", "quote_index": "i", "speaker_start": "i", "speaker_end": "i", "polarity": "d",
               "subjectivity": "d"},
    "issue_hits": {"issue": "s", "start": "i", "end": "i", "sentence": "i", "phrases": "s", "phrase_offsets": "s",
                   "heading": "b"},
    "coverage": {"issue": "s", "sentences": "i", "share_sentences": "d", "words": "i", "share_words": "d",
                 "first_position": "d", "in_lead": "b"},
    "tone_evidence": {"actor": "s", "measure": "s", "sentence": "i", "start": "i", "end": "i", "text": "s",
                      "polarity": "d", "subjectivity": "d", "scoped": "b"},
}
_ARRAY_CODES = {"i": "q", "d": "d", "b": "b"}
_NUMPY_TYPES = {"i": np.int64, "d": np.float64, "b": np.bool_}


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """One article's analysis, column by column (no article id: the same text gives the same result)."""

    title: str
    lead: str
    date: str
    dateline: str
    author: str
    words: int
    body_sentences: int
    columns: dict[str, dict[str, array | list]]
    problems: list[str]

    def rows(self, table: str) -> int:
        return len(next(iter(self.columns[table].values())))


def _compact(table: str, rows: list[tuple]) -> dict[str, array | list]:
    """Rows as columns: typed arrays for numbers, lists for text, nothing for slices of the article."""
    out: dict[str, array | list] = {}
    for position, (column, kind) in enumerate(_STORED[table].items()):
        if kind in "=-":
            continue
        values = [row[position] for row in rows]
        out[column] = array(_ARRAY_CODES[kind], values) if kind in _ARRAY_CODES else values
    return out


def _resolve_pronouns(
    text: str,
    named: list[tuple[int, int, int]],
    quotes: list[QuoteSpan],
    sentence_of: Callable[[int], int],
    lex: Lexicons,
) -> list[tuple[int, int, int]]:
    """Pronoun mentions (start, end, actor index) of the nearest compatible person before them.

    One sweep through the text, remembering the last person of each gender, so a long
    article costs no more than its length. Pronouns inside quotations are left alone:
    there "he" is rarely the speaker's subject.
    """
    people = sorted((s, a) for s, _e, a in named if lex.actors[a].kind == "person")
    if not people:
        return []
    pronouns = [m for m in _PRONOUN_RE.finditer(text) if not _in_quote(m.start(), quotes)]
    last: dict[str, tuple[int, int]] = {}  # actor gender ("" unknown) -> (position, actor index)
    resolved: list[tuple[int, int, int]] = []
    i = 0
    for m in pronouns:
        pos = m.start()
        while i < len(people) and people[i][0] < pos:
            last[lex.actors[people[i][1]].gender] = people[i]
            i += 1
        gender = _PRONOUN_GENDER[m.group().lower()]
        options = [c for c in (last.get(gender), last.get("")) if c]
        if not options:
            continue
        position, actor_index = max(options)
        if sentence_of(pos) - sentence_of(position) <= _PRONOUN_WINDOW:
            resolved.append((pos, m.end(), actor_index))
            last[lex.actors[actor_index].gender] = (pos, actor_index)  # the pronoun carries the person on
    return resolved


def _in_quote(pos: int, quotes: list[QuoteSpan]) -> bool:
    """Whether `pos` lies within a quotation's marks (quotations are sorted and never overlap)."""
    i = bisect_right([q.open_mark for q in quotes], pos) - 1 if quotes else -1
    return i >= 0 and quotes[i].close_mark >= pos


def analyze_text(text: str, lex: Lexicons) -> ArticleResult:
    """Segment one article and find its actors, quotations, issues and tone."""
    seg = segment(text)
    word_starts = [w.start() for w in WORD_RE.finditer(text)]
    starts = [s.start for s in seg.sentences]

    def sentence_of(pos: int) -> int:
        return max(0, bisect_right(starts, pos) - 1)

    def inside_sentence(start: int) -> bool:
        i = sentence_of(start)
        return bool(seg.sentences) and seg.sentences[i].start <= start < seg.sentences[i].end

    # Sentences, with their word counts and tone; the assessed words keep their offsets.
    sentences: list[tuple] = []
    assessed: list[list[Assessment]] = []  # per sentence
    body_index = 0
    body_words = 0
    for i, s in enumerate(seg.sentences):
        n_words = bisect_left(word_starts, s.end) - bisect_left(word_starts, s.start)
        sentence_text = text[s.start : s.end]
        polarity, subjectivity, in_sentence = assess_sentence(text, s.start, s.end)
        assessed.append(in_sentence)
        sentences.append(
            (i, s.paragraph, s.start, s.end, sentence_text, s.heading, -1 if s.heading else body_index, n_words,
             polarity, subjectivity)
        )
        if not s.heading:
            body_index += 1
            body_words += n_words
    paragraphs = [(i, p.start, p.end, p.role, text[p.start : p.end]) for i, p in enumerate(seg.paragraphs)]

    # Actors: names and descriptions, then pronouns that continue a person.
    quote_spans, problems = find_quote_spans(text, [(p.start, p.end) for p in seg.paragraphs])
    actor_matches, issue_matches = lex.find(text)
    named = [(m.start, m.end, m.payload, m.phrase) for m in actor_matches if inside_sentence(m.start)]
    pronouns = _resolve_pronouns(text, [(s, e, a) for s, e, a, _ in named], quote_spans, sentence_of, lex)
    mention_rows: list[tuple] = []
    for start, end, actor_index, phrase in named:
        actor = lex.actors[actor_index]
        kind = "alias" if phrase in actor.aliases else "description"
        mention_rows.append((actor.name, start, end, text[start:end], kind, sentence_of(start)))
    for start, end, actor_index in pronouns:
        mention_rows.append((lex.actors[actor_index].name, start, end, text[start:end], "pronoun", sentence_of(start)))
    mention_rows.sort(key=lambda r: r[1])
    mention_spans = [(r[1], r[2]) for r in mention_rows]
    mention_starts = [r[1] for r in mention_rows]

    # Quotations and their speakers.
    quotes: list[tuple] = []
    previous: tuple | None = None
    for q_index, q in enumerate(quote_spans):
        first, last = sentence_of(q.open_mark), sentence_of(q.close_mark)
        bounds = (seg.sentences[first].start, seg.sentences[last].end) if seg.sentences else (0, len(text))
        found = attribute(text, q, bounds, quote_spans, mention_spans)
        quote_text = text[q.start : q.end]
        if found:
            speaker_phrase, sp_start, sp_end, cue = found.speaker_phrase, found.phrase_start, found.phrase_end, found.cue
            speaker = _speaker_actor(mention_rows, mention_starts, sp_start, sp_end, lex) or speaker_phrase
        elif previous and _is_floating(q, bounds) and previous[7] >= first - 1 and previous[3]:
            # A wholly quoted sentence right after an attributed quotation continues it.
            speaker, speaker_phrase, cue, sp_start, sp_end = previous[3], previous[4], "continued", previous[9], previous[10]
        else:
            speaker, speaker_phrase, cue, sp_start, sp_end = "", "", "", -1, -1
        in_quote = [a for i in range(first, last + 1) for a in assessed[i]] if seg.sentences else []
        polarity, subjectivity = mean_tone(in_quote, [(q.start, q.end)])
        row = (q.start, q.end, quote_text, speaker, speaker_phrase, cue, quote_kind(quote_text), first, q_index,
               sp_start, sp_end, polarity, subjectivity)
        quotes.append(row)
        previous = row

    # Issues, one row per sentence and issue, with the phrases that matched.
    per_sentence: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for m in issue_matches:
        if inside_sentence(m.start):
            per_sentence[(sentence_of(m.start), m.payload)].append((m.start, m.end))
    issue_hits = []
    for (s_index, issue_index), spans in sorted(per_sentence.items()):
        s = seg.sentences[s_index]
        phrases = "; ".join(dict.fromkeys(text[a:b].lower() for a, b in spans))
        offsets = ";".join(f"{a}-{b}" for a, b in spans)
        issue_hits.append((lex.issues[issue_index].id, s.start, s.end, s_index, phrases, offsets, s.heading))

    tone_evidence = _tone_evidence(text, sentences, assessed, mention_rows, quotes, quote_spans)
    tables = {
        "paragraphs": paragraphs,
        "sentences": sentences,
        "mentions": [(r[0], r[1], r[2], None, r[4], r[5]) for r in mention_rows],
        "quotes": quotes,
        "issue_hits": issue_hits,
        "coverage": _coverage_rows(sentences, issue_hits, lex, body_index, body_words),
        "tone_evidence": tone_evidence,
    }
    lead = next((r[4] for r in sentences if not r[5]), "")
    return ArticleResult(
        title=seg.title,
        lead=_short_label(lead, 90),
        date=seg.date,
        dateline=seg.dateline,
        author=seg.author,
        words=body_words,
        body_sentences=body_index,
        columns={name: _compact(name, rows) for name, rows in tables.items()},
        problems=problems,
    )


def _is_floating(q: QuoteSpan, bounds: tuple[int, int]) -> bool:
    return (q.close_mark - q.open_mark + 1) >= 0.6 * (bounds[1] - bounds[0])


def _speaker_actor(mention_rows: list[tuple], starts: list[int], start: int, end: int, lex: Lexicons) -> str:
    """The actor a speaker phrase names: its last person, else its last actor of any kind."""
    first, stop = bisect_left(starts, start), bisect_left(starts, end)
    inside = [r[0] for r in mention_rows[first:stop] if r[2] <= end]
    people = [name for name in inside if (a := lex.actor(name)) is not None and a.kind == "person"]
    return (people or inside or [""])[-1]


def _tone_evidence(
    text: str,
    sentences: list[tuple],
    assessed: list[list[Assessment]],
    mentions: list[tuple],
    quotes: list[tuple],
    quote_spans: list[QuoteSpan],
) -> list[tuple]:
    """Evidence rows (actor, measure, sentence, start, end, scored text, polarity, subjectivity, scoped).

    "coverage" is the tone of the text about the actor: the sentences that mention it,
    narrowed to the clauses about it when several actors share a sentence, with quoted
    words left out. "voice" is the tone of the actor's own quotations. The text is kept
    only where it is not simply the article's text between start and end.
    """
    rows: list[tuple] = []
    by_sentence: dict[int, list[tuple]] = defaultdict(list)
    for m in mentions:
        by_sentence[m[5]].append(m)
    hidden = [(q.open_mark, q.close_mark + 1) for q in quote_spans]
    hidden_ends = [h[1] for h in hidden]  # sorted: quotations never overlap
    for s_index, in_sentence in sorted(by_sentence.items()):
        _, _, s_start, s_end, _, _, _, _, s_pol, s_subj = sentences[s_index]
        quoted_here = []
        for h in hidden[bisect_right(hidden_ends, s_start) :]:
            if h[0] >= s_end:
                break
            quoted_here.append(h)
        sentence_clauses: list[tuple[int, int]] | None = None
        for actor in dict.fromkeys(m[0] for m in in_sentence):
            own = [(m[1], m[2]) for m in in_sentence if m[0] == actor]
            others = [(m[1], m[2]) for m in in_sentence if m[0] != actor]
            if not others and not quoted_here:
                rows.append((actor, "coverage", s_index, s_start, s_end, "", s_pol, s_subj, False))
                continue
            if not others:
                scope = [(s_start, s_end)]
            else:
                sentence_clauses = sentence_clauses or clauses(text, s_start, s_end)
                scope = actor_scope(sentence_clauses, own, others)
            polarity, subjectivity = mean_tone(assessed[s_index], scope, quoted_here)
            rows.append((actor, "coverage", s_index, scope[0][0], scope[-1][1], mask(text, scope, quoted_here),
                         polarity, subjectivity, bool(others)))
    for q in quotes:
        if q[3] and q[3] != q[4]:  # resolved to a lexicon actor, not a bare phrase
            rows.append((q[3], "voice", q[7], q[0], q[1], "", q[11], q[12], False))
    return rows


class AnalysisCache:
    """Per-article results keyed by a hash of the text and the lexicons' fingerprint."""

    def __init__(self) -> None:
        self._results: dict[str, ArticleResult] = {}
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(text: str, lex: Lexicons) -> str:
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32] + lex.fingerprint

    def get_or_analyze(self, text: str, lex: Lexicons) -> ArticleResult:
        key = self.key(text, lex)
        found = self._results.get(key)
        if found is not None:
            self.hits += 1
            return found
        self.misses += 1
        result = self._results[key] = analyze_text(text, lex)
        return result

    def __len__(self) -> int:
        return len(self._results)


@dataclass
class Analysis:
    """Every table of a corpus's analysis, plus the texts the offsets point into."""

    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    quotes: pd.DataFrame
    issue_hits: pd.DataFrame
    coverage: pd.DataFrame
    tone: pd.DataFrame
    tone_evidence: pd.DataFrame
    problems: pd.DataFrame
    texts: dict[str, str] = field(repr=False)
    lexicons: Lexicons = field(repr=False)

    TABLES = ("articles", "paragraphs", "sentences", "mentions", "quotes", "issue_hits", "coverage", "tone",
              "tone_evidence", "problems")

    def table(self, name: str) -> pd.DataFrame:
        if name not in self.TABLES:
            raise KeyError(f"no table '{name}'; the tables are {', '.join(self.TABLES)}")
        return getattr(self, name)


def _frame(name: str, rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame.from_records(rows, columns=TABLE_COLUMNS[name])


def _short_label(title: str, width: int = 36) -> str:
    title = " ".join(title.split())
    if len(title) <= width:
        return title
    cut = title[: width - 1].rsplit(" ", 1)[0].rstrip(",;:—–-")
    return cut + "…"


def analyze_corpus(
    corpus: Corpus,
    lex: Lexicons,
    *,
    cache: AnalysisCache | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Analysis:
    """Analyse every article (each once per text and lexicons) and assemble the tables."""
    cache = cache if cache is not None else AnalysisCache()
    results: list[ArticleResult] = []
    texts: dict[str, str] = {}
    article_rows: list[tuple] = []
    headlines: list[str] = []
    labels_seen: dict[str, int] = {}
    problems = [(p.source, p.message) for p in corpus.problems]
    total = len(corpus.articles)
    for n, article in enumerate(corpus.articles, 1):
        result = cache.get_or_analyze(article.text, lex)
        results.append(result)
        aid = article.article_id
        texts[aid] = article.text
        if article.title:
            title, title_source = article.title, "metadata"
        elif result.title:
            title, title_source = result.title, "headline"
        else:
            title, title_source = result.lead, "lead"
        headlines.append("" if title_source == "lead" else title)  # a lead-derived title is not a headline
        label = _short_label(article.outlet or title)
        labels_seen[label] = labels_seen.get(label, 0) + 1
        if labels_seen[label] > 1:
            label = f"{label} ({aid})"
        article_rows.append(
            (aid, title, article.outlet, find_date(article.date) or article.date or result.date, result.dateline,
             result.words, article.url, result.body_sentences, result.rows("paragraphs"), result.rows("quotes"),
             article.author or result.author, label, title_source, article.source_file)
        )
        problems += [(aid, p) for p in result.problems]
        if progress:
            progress(n, total)
    ids = [row[0] for row in article_rows]
    frames = {name: _assemble(name, ids, results, texts) for name in _STORED}
    coverage = frames["coverage"]
    in_title = {(aid, lex.issues[m.payload].id) for aid, h in zip(ids, headlines) if h for m in lex.find(h)[1]}
    coverage["in_title"] = [pair in in_title for pair in zip(coverage.article_id, coverage.issue)]
    return Analysis(
        articles=_frame("articles", article_rows),
        paragraphs=frames["paragraphs"],
        sentences=frames["sentences"],
        mentions=frames["mentions"],
        quotes=frames["quotes"],
        issue_hits=frames["issue_hits"],
        coverage=coverage[TABLE_COLUMNS["coverage"]],
        tone=_tone_summary(frames["tone_evidence"]),
        tone_evidence=frames["tone_evidence"],
        problems=_frame("problems", problems),
        texts=texts,
        lexicons=lex,
    )


def _assemble(table: str, ids: list[str], results: list[ArticleResult], texts: dict[str, str]) -> pd.DataFrame:
    """One table for the whole corpus, column by column, cutting stored-out text from the articles."""
    counts = [r.rows(table) for r in results]
    data: dict[str, object] = {"article_id": _repeated_ids(ids, counts)}
    for column, kind in _STORED[table].items():
        if kind in "=-":
            continue
        parts = [r.columns[table][column] for r in results]
        if kind in _NUMPY_TYPES:
            dtype = _NUMPY_TYPES[kind]
            data[column] = np.concatenate([np.frombuffer(p, dtype=dtype) for p in parts if len(p)]) if any(
                counts) else np.array([], dtype=dtype)
        else:
            data[column] = list(chain.from_iterable(parts))
    starts, ends = data.get("start"), data.get("end")
    article_ids = np.repeat(np.array(ids, dtype=object), counts)
    for column, kind in _STORED[table].items():
        if kind == "=":
            data[column] = [texts[a][s:e] for a, s, e in zip(article_ids, starts, ends)]
    if table == "tone_evidence":
        data["text"] = [t or texts[a][s:e] for t, a, s, e in zip(data["text"], article_ids, starts, ends)]
    frame = pd.DataFrame(data)
    if table == "coverage":
        return frame
    return frame[TABLE_COLUMNS[table]]


def _repeated_ids(ids: list[str], counts: list[int]) -> pd.Series:
    """The article_id column, built from Arrow's dictionary encoding: far cheaper than
    converting one Python string per row, and still a plain string column."""
    codes = pa.array(np.repeat(np.arange(len(ids), dtype=np.int32), counts))
    decoded = pa.DictionaryArray.from_arrays(codes, pa.array(ids, type=pa.large_string())).dictionary_decode()
    return decoded.to_pandas(types_mapper=lambda _: pd.StringDtype("pyarrow", na_value=np.nan))


def _coverage_rows(sentences: list[tuple], issue_hits: list[tuple], lex: Lexicons, n_body: int, n_words: int
                   ) -> list[tuple]:
    """One row per issue, zeros included, so an issue an article leaves out is a row too."""
    sentence_words = {s[0]: s[7] for s in sentences}
    body_index = {s[0]: s[6] for s in sentences}
    hits: dict[str, list[int]] = defaultdict(list)
    for issue, _start, _end, s_index, _phrases, _offsets, heading in issue_hits:
        if not heading:
            hits[issue].append(s_index)
    out = []
    for issue in (i.id for i in lex.issues):
        sentence_ids = hits.get(issue, [])
        n = len(sentence_ids)
        words = sum(sentence_words[i] for i in sentence_ids)
        first = min((body_index[i] for i in sentence_ids), default=None)
        out.append(
            (issue, n, n / n_body if n_body else 0.0, words, words / n_words if n_words else 0.0,
             float("nan") if first is None else first / n_body, first is not None and first < LEAD_SENTENCES)
        )
    return out


def _tone_summary(evidence: pd.DataFrame) -> pd.DataFrame:
    if evidence.empty:
        return pd.DataFrame(columns=TABLE_COLUMNS["tone"])
    grouped = (
        evidence.groupby(["article_id", "actor", "measure"], sort=False)
        .agg(polarity=("polarity", "mean"), subjectivity=("subjectivity", "mean"), n=("polarity", "size"))
        .unstack("measure")
    )
    out = pd.DataFrame(index=grouped.index)
    for measure in ("coverage", "voice"):
        for stat in ("polarity", "subjectivity", "n"):
            column = (stat, measure)
            out[f"{measure}_{stat}"] = grouped[column] if column in grouped.columns else float("nan")
    for measure in ("coverage", "voice"):
        out[f"{measure}_n"] = out[f"{measure}_n"].fillna(0).astype(int)
    return out.reset_index()[TABLE_COLUMNS["tone"]]

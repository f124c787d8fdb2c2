"""Reading a folder of articles: plain text, Markdown, HTML, CSV and JSON Lines.

A file that cannot be used is skipped with a problem that names it and says why; the
rest of the corpus still loads. Nothing here writes to the corpus folder.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path

from .lexicon import DATA_DIR

__all__ = [
    "Article",
    "Corpus",
    "CorpusError",
    "LoadProblem",
    "DEFAULT_CORPUS",
    "ARTICLE_SUFFIXES",
    "load_corpus",
    "read_articles",
    "decode",
    "text_key",
]

DEFAULT_CORPUS = DATA_DIR / "corpus"
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".csv", ".jsonl")
METADATA_FIELDS = ("title", "outlet", "date", "url", "author")
_TEXT_COLUMNS = ("text", "body", "content", "article")
_ID_COLUMNS = ("article_id", "id")
MAX_FILE_BYTES = 50 * 1024 * 1024  # a file of many articles (CSV, JSON Lines)
MAX_ARTICLE_CHARS = 5_000_000  # one article: a news report is well under 100,000


class CorpusError(ValueError):
    """The corpus as a whole cannot be read (a missing folder, say)."""


class UnreadableFile(ValueError):
    """One file cannot be used; the message says why."""


@dataclass(frozen=True, slots=True)
class Article:
    article_id: str
    text: str
    source_file: str
    title: str = ""
    outlet: str = ""
    date: str = ""
    url: str = ""
    author: str = ""


@dataclass(frozen=True, slots=True)
class LoadProblem:
    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass
class Corpus:
    articles: list[Article]
    problems: list[LoadProblem] = field(default_factory=list)
    root: str = ""


def text_key(text: str) -> bytes:
    """What makes two articles the same text: their words, whatever the white space between them."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8", "surrogatepass")).digest()


def decode(raw: bytes) -> str:
    """Text from bytes: UTF-8 (with or without a byte-order mark), else Windows-1252."""
    if not raw.strip():
        raise UnreadableFile("the file is empty")
    if b"\x00" in raw[:8192]:
        raise UnreadableFile("the file is binary, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise UnreadableFile("the text is neither UTF-8 nor Windows-1252") from None
    if not text.strip():
        raise UnreadableFile("the file holds only white space")
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\r\n\t\f")
    if controls > 0.05 * min(len(text), 8192):
        raise UnreadableFile("the file is binary, not text")
    return text


class _HTMLArticle(HTMLParser):
    """The article body of an HTML page: the text of <article> (or <main>, or <body>),
    without scripts, styles, navigation, headers, footers, asides or forms."""

    _SKIP = frozenset("script style noscript nav header footer aside form svg button iframe template select".split())
    _BLOCK = frozenset("p h1 h2 h3 h4 h5 h6 li blockquote div section article main br tr figcaption pre".split())

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self._skip_depth = 0
        self._containers: list[str] = []
        self._blocks: dict[str, list[list[str]]] = {"article": [[]], "main": [[]], "body": [[]]}
        self._in_title = False
        self._title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in self._SKIP:
            self._skip_depth += 1
        elif tag in ("article", "main"):
            self._containers.append(tag)
        elif tag == "title":
            self._in_title = True
        elif tag == "meta":
            key = (a.get("property") or a.get("name") or "").lower()
            if a.get("content"):
                self.meta.setdefault(key, a["content"].strip())
        elif tag == "link" and a.get("rel", "").lower() == "canonical" and a.get("href"):
            self.meta.setdefault("canonical", a["href"])
        elif tag == "time" and a.get("datetime"):
            self.meta.setdefault("time", a["datetime"])
        if tag in self._BLOCK:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skip_depth:
            self._skip_depth -= 1
        elif tag in ("article", "main") and tag in self._containers:
            self._containers.remove(tag)
        elif tag == "title":
            self._in_title = False
        if tag in self._BLOCK:
            self._break()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
            return
        if self._skip_depth:
            return
        for scope in {*self._containers, "body"}:
            self._blocks[scope][-1].append(data)

    def _break(self) -> None:
        for blocks in self._blocks.values():
            if blocks[-1]:
                blocks.append([])

    def body(self) -> str:
        for scope in ("article", "main", "body"):
            paragraphs = [" ".join("".join(b).split()) for b in self._blocks[scope]]
            paragraphs = [p for p in paragraphs if p]
            if paragraphs:
                return "\n\n".join(paragraphs)
        return ""

    def title(self) -> str:
        return " ".join("".join(self._title).split())


def _checked(article: Article) -> Article:
    """Refuse an article too long to be one: it would be a book, or several articles in one file."""
    if len(article.text) > MAX_ARTICLE_CHARS:
        raise UnreadableFile(f"the text is {len(article.text) / 1e6:.1f} million characters, over the "
                             f"{MAX_ARTICLE_CHARS / 1e6:.0f} million an article may have; split it into articles")
    return article


def _from_html(text: str, stem: str, source: str) -> list[Article]:
    parser = _HTMLArticle()
    parser.feed(text)
    parser.close()
    body = parser.body()
    if not body.strip():
        raise UnreadableFile("the page has no article text")
    meta = parser.meta
    return [
        _checked(Article(
            article_id=stem,
            text=body,
            source_file=source,
            title=meta.get("og:title") or parser.title(),
            outlet=meta.get("og:site_name", ""),
            date=(meta.get("article:published_time") or meta.get("date") or meta.get("time") or "")[:10],
            url=meta.get("og:url") or meta.get("canonical", ""),
            author=meta.get("author", ""),
        ))
    ]


def _rows_to_articles(rows: Iterable[dict[str, object]], stem: str, source: str) -> list[Article]:
    articles = []
    for n, row in enumerate(rows, 1):
        lowered = {str(k).strip().lower(): ("" if v is None else str(v)) for k, v in row.items()}
        text = next((lowered[c] for c in _TEXT_COLUMNS if lowered.get(c, "").strip()), "")
        if not text:
            continue
        given_id = next((lowered[c].strip() for c in _ID_COLUMNS if lowered.get(c, "").strip()), "")
        articles.append(
            _checked(Article(
                article_id=given_id or f"{stem}-{n}",
                text=text,
                source_file=source,
                **{f: lowered.get(f, "").strip() for f in METADATA_FIELDS},
            ))
        )
    if not articles:
        columns = {str(c).strip().lower() for row in rows[:1] for c in row}
        if columns & set(METADATA_FIELDS) and not columns & {*_TEXT_COLUMNS, *_ID_COLUMNS}:
            raise UnreadableFile("it looks like metadata but has no article_id column to say which article each row is")
        raise UnreadableFile(f"no row has a text column ({', '.join(_TEXT_COLUMNS)})")
    return articles


def _csv_rows(text: str) -> list[dict[str, str]]:
    try:
        return list(csv.DictReader(io.StringIO(text)))
    except csv.Error as exc:
        raise UnreadableFile(f"not valid CSV ({exc})") from None


def _jsonl_rows(text: str) -> list[dict[str, object]]:
    rows = []
    for line_no, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UnreadableFile(f"line {line_no} is not valid JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise UnreadableFile(f"line {line_no} is not a JSON object")
        rows.append(row)
    return rows


def _is_metadata_table(rows: list[dict[str, str]]) -> bool:
    if not rows:
        return False
    columns = {str(c).strip().lower() for c in rows[0]}
    return "article_id" in columns and not columns & set(_TEXT_COLUMNS)


def read_articles(name: str, raw: bytes) -> list[Article]:
    """The articles in one file, given its name and bytes; raises UnreadableFile with the reason."""
    path = Path(name)
    suffix = path.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        raise UnreadableFile(f"'{suffix or 'no extension'}' is not an article format ({', '.join(ARTICLE_SUFFIXES)})")
    if len(raw) > MAX_FILE_BYTES:
        raise UnreadableFile(f"the file is {len(raw) / 2**20:.0f} MB, over the {MAX_FILE_BYTES // 2**20} MB limit")
    text = decode(raw)
    stem = path.stem.strip() or "article"
    if suffix in (".html", ".htm"):
        return _from_html(text, stem, name)
    if suffix == ".csv":
        rows = _csv_rows(text)
        if _is_metadata_table(rows):
            raise UnreadableFile("this is a metadata table (article_id without text), not articles")
        return _rows_to_articles(rows, stem, name)
    if suffix == ".jsonl":
        return _rows_to_articles(_jsonl_rows(text), stem, name)
    return [_checked(Article(article_id=stem, text=text, source_file=name))]


def _apply_metadata(articles: list[Article], rows: list[dict[str, str]], source: str) -> list[LoadProblem]:
    by_id = {a.article_id: i for i, a in enumerate(articles)}
    problems = []
    for n, row in enumerate(rows, 2):
        lowered = {str(k).strip().lower(): (v or "").strip() for k, v in row.items() if k is not None}
        article_id = lowered.get("article_id", "")
        if article_id not in by_id:
            problems.append(LoadProblem(source, f"row {n} names article '{article_id}', which is not in the corpus"))
            continue
        updates = {f: lowered[f] for f in METADATA_FIELDS if lowered.get(f)}
        index = by_id[article_id]
        articles[index] = replace(articles[index], **updates)
    return problems


def load_corpus(
    path: Path | str | None = None,
    *,
    metadata: Path | str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Corpus:
    """Every article in a folder (or one file), with metadata from a metadata CSV beside them.

    A metadata CSV has an `article_id` column and any of title, outlet, date, url, author,
    and no text column; its values override what is read from the articles themselves.
    """
    root = Path(path) if path else DEFAULT_CORPUS
    if not root.exists():
        raise CorpusError(f"{root}: no such file or folder")
    # Hidden files and Parallax's own backups (NAME.bak, left by saving) are not articles.
    files = [root] if root.is_file() else sorted(
        p for p in root.iterdir() if p.is_file() and not p.name.startswith(".") and not p.name.endswith(".bak"))
    articles: list[Article] = []
    problems: list[LoadProblem] = []
    metadata_tables: list[tuple[str, list[dict[str, str]]]] = []
    seen_ids: set[str] = set()
    seen_texts: dict[bytes, str] = {}
    for n, file in enumerate(files, 1):
        if progress:
            progress(n, len(files))
        if metadata and file.resolve() == Path(metadata).resolve():
            continue
        try:
            raw = file.read_bytes()
            if file.suffix.lower() == ".csv":
                rows = _csv_rows(decode(raw))
                if _is_metadata_table(rows):
                    metadata_tables.append((file.name, rows))
                    continue
            found = read_articles(file.name, raw)
        except UnreadableFile as exc:
            problems.append(LoadProblem(file.name, f"skipped: {exc}"))
            continue
        except OSError as exc:
            problems.append(LoadProblem(file.name, f"skipped: cannot be read ({exc.strerror})"))
            continue
        for article in found:
            key = text_key(article.text)
            if key in seen_texts:
                problems.append(
                    LoadProblem(file.name, f"skipped '{article.article_id}': same text as '{seen_texts[key]}'")
                )
                continue
            article_id = _unique_id(article.article_id, seen_ids)
            if article_id != article.article_id:
                problems.append(LoadProblem(file.name, f"id '{article.article_id}' was taken; using '{article_id}'"))
            seen_ids.add(article_id)
            seen_texts[key] = article_id
            articles.append(replace(article, article_id=article_id))
    if metadata:
        meta_path = Path(metadata)
        try:
            metadata_tables.append((meta_path.name, _csv_rows(decode(meta_path.read_bytes()))))
        except (OSError, UnreadableFile) as exc:
            problems.append(LoadProblem(meta_path.name, f"metadata not used: {exc}"))
    for source, rows in metadata_tables:
        problems += _apply_metadata(articles, rows, source)
    return Corpus(articles=articles, problems=problems, root=str(root))


def _unique_id(article_id: str, seen: set[str]) -> str:
    article_id = re.sub(r"\s+", " ", article_id).strip() or "article"
    candidate, n = article_id, 2
    while candidate in seen:
        candidate, n = f"{article_id}-{n}", n + 1
    return candidate

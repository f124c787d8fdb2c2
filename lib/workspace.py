"""An analyst's own corpus: uploaded files, edited metadata, hidden articles and lexicons,
kept in memory for one session and carried between sessions as one zip file.

Uploads are read from bytes and a workspace file is written to and read from bytes, so
on a shared deployment one user's work never reaches another's. Only `save`, which a
local install offers, writes to disk.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path, PurePosixPath

import yaml

from .corpus import (ARTICLE_SUFFIXES, METADATA_FIELDS, Article, Corpus, LoadProblem, UnreadableFile, read_articles,
                     text_key)
from .lexicon import LexiconError, Lexicons, parse_actors, parse_issues

__all__ = ["FileStatus", "Workspace", "WorkspaceError", "MAX_UPLOAD_BYTES"]

MAX_UPLOAD_BYTES = 200 * 1024 * 1024  # all files of one upload, unpacked
_FORMAT = "parallax-workspace/1"


class WorkspaceError(ValueError):
    """A workspace file that cannot be used; the message says why."""


@dataclass(frozen=True, slots=True)
class FileStatus:
    file: str
    articles: int
    status: str  # "analysed" or "skipped: why"


@dataclass
class Workspace:
    articles: list[Article]
    actors_yaml: str
    issues_yaml: str
    hidden: set[str] = field(default_factory=set)
    files: list[FileStatus] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)

    @classmethod
    def start(cls, corpus: Corpus, actors_yaml: str, issues_yaml: str) -> Workspace:
        files = [FileStatus(p.source, 0, p.message) for p in corpus.problems if p.message.startswith("skipped")]
        counts: dict[str, int] = {}
        for a in corpus.articles:
            counts[a.source_file] = counts.get(a.source_file, 0) + 1
        files = [FileStatus(name, n, "analysed") for name, n in counts.items()] + files
        return cls(list(corpus.articles), actors_yaml, issues_yaml, files=files, problems=list(corpus.problems))

    def lexicons(self) -> Lexicons:
        return Lexicons(actors=parse_actors(yaml.safe_load(self.actors_yaml), source="actors"),
                        issues=parse_issues(yaml.safe_load(self.issues_yaml), source="issues"))

    def corpus(self) -> Corpus:
        """The articles in view: all but the hidden ones."""
        return Corpus([a for a in self.articles if a.article_id not in self.hidden], list(self.problems))

    def fingerprint(self) -> str:
        """A hash of everything the analysis depends on."""
        digest = hashlib.sha256()
        for article in self.articles:
            digest.update(json.dumps(asdict(article), sort_keys=True).encode("utf-8", "surrogatepass"))
        digest.update(json.dumps(sorted(self.hidden)).encode())
        digest.update(self.actors_yaml.encode() + b"\0" + self.issues_yaml.encode())
        return digest.hexdigest()[:24]

    def add_files(self, uploads: list[tuple[str, bytes]]) -> list[FileStatus]:
        """Read uploaded files (zips unpacked) into the workspace; returns each file's status."""
        statuses: list[FileStatus] = []
        for name, raw, problem in _unpacked(uploads):
            safe_name = PurePosixPath(name.replace("\\", "/")).name or "unnamed"  # never a path
            if raw is None:
                statuses.append(FileStatus(safe_name, 0, f"skipped: {problem}"))
                continue
            try:
                found = read_articles(safe_name, raw)
            except UnreadableFile as exc:
                statuses.append(FileStatus(safe_name, 0, f"skipped: {exc}"))
                continue
            added = self._add(found, safe_name)
            statuses.append(FileStatus(safe_name, added, "analysed" if added else "skipped: every article in it "
                                                                                   "is already in the workspace"))
        self.files += statuses
        return statuses

    def add_url(self, url: str) -> FileStatus:
        """Import the article at a link; its status says what happened."""
        from .fetch import FetchError, fetch_article

        try:
            article = fetch_article(url)
        except FetchError as exc:
            status = FileStatus(url.strip(), 0, f"skipped: {str(exc).split(': ', 1)[-1]}")
        else:
            added = self._add([article], url.strip())
            status = FileStatus(url.strip(), added, "analysed" if added else "skipped: already in the workspace")
        self.files.append(status)
        return status

    def _add(self, found: list[Article], source: str) -> int:
        taken = {a.article_id for a in self.articles}
        texts = {text_key(a.text) for a in self.articles}
        added = 0
        for article in found:
            key = text_key(article.text)
            if key in texts:
                self.problems.append(LoadProblem(source, f"skipped '{article.article_id}': already in the workspace"))
                continue
            article_id, n = article.article_id, 2
            while article_id in taken:
                article_id, n = f"{article.article_id}-{n}", n + 1
            self.articles.append(replace(article, article_id=article_id))
            taken.add(article_id)
            texts.add(key)
            added += 1
        return added

    def lexicon_tables(self) -> tuple[list[dict], list[dict]]:
        """Actors and issues as rows for a table editor, lists joined with "; "."""
        lex = self.lexicons()
        actors = [{"name": a.name, "kind": a.kind, "side": a.side, "gender": a.gender, "color": a.color,
                   "aliases": "; ".join(a.aliases), "descriptions": "; ".join(a.descriptions)} for a in lex.actors]
        issues = [{"id": i.id, "label": i.label, "description": i.description, "color": i.color,
                   "phrases": "; ".join(i.phrases)} for i in lex.issues]
        return actors, issues

    def set_lexicons(self, actors: list[dict], issues: list[dict]) -> None:
        """Replace both lexicons from edited rows; raises LexiconError naming the row and the field."""
        def entry(row: dict, lists: tuple[str, ...]) -> dict:
            clean = {k: ("" if v is None or (isinstance(v, float) and v != v) else v) for k, v in row.items()}
            for key in lists:
                clean[key] = [p.strip() for p in str(clean.get(key, "")).split(";") if p.strip()]
            return {k: v for k, v in clean.items() if v not in ("", [])}

        actor_entries = [entry(r, ("aliases", "descriptions")) for r in actors if any(r.values())]
        issue_entries = [entry(r, ("phrases",)) for r in issues if any(r.values())]
        # Validate both before changing either.
        parse_actors({"actors": actor_entries}, source="actors")
        parse_issues({"issues": issue_entries}, source="issues")
        self.actors_yaml = yaml.safe_dump({"actors": actor_entries}, allow_unicode=True, sort_keys=False)
        self.issues_yaml = yaml.safe_dump({"issues": issue_entries}, allow_unicode=True, sort_keys=False)

    def save(self, corpus_folder: Path, actors_file: Path, issues_file: Path) -> list[Path]:
        """Write the workspace to disk for a local install: lexicons over their files, new articles into
        the corpus folder, metadata to its metadata.csv. Each write goes to a temporary file that is then
        renamed over the old one, and the old one is kept as NAME.bak. No article file is deleted."""
        existing = {p.name for p in corpus_folder.iterdir()} if corpus_folder.is_dir() else set()
        corpus_folder.mkdir(parents=True, exist_ok=True)
        written = [_atomic_write(actors_file, self.actors_yaml), _atomic_write(issues_file, self.issues_yaml)]
        for article in self.articles:
            if article.source_file not in existing:
                name = _safe_file_name(article.article_id) + ".txt"
                written.append(_atomic_write(corpus_folder / name, article.text))
        rows = io.StringIO()
        writer = csv.writer(rows)
        writer.writerow(["article_id", *METADATA_FIELDS])
        for a in self.articles:
            writer.writerow([a.article_id, *(getattr(a, f) for f in METADATA_FIELDS)])
        written.append(_atomic_write(corpus_folder / "metadata.csv", rows.getvalue()))
        return written

    def set_metadata(self, article_id: str, **values: str) -> None:
        """Change title, outlet, date, url or author of one article."""
        unknown = set(values) - set(METADATA_FIELDS)
        if unknown:
            raise ValueError(f"not metadata fields: {', '.join(sorted(unknown))}")
        self.articles = [replace(a, **{k: str(v or "").strip() for k, v in values.items()})
                         if a.article_id == article_id else a for a in self.articles]

    def to_zip(self) -> bytes:
        """The whole workspace as one zip: articles (texts exactly), hidden ids, both lexicons."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("manifest.json", json.dumps({"format": _FORMAT, "hidden": sorted(self.hidden),
                                                    "files": [asdict(f) for f in self.files]}, indent=1))
            z.writestr("articles.jsonl", "".join(json.dumps(asdict(a), ensure_ascii=False) + "\n"
                                                 for a in self.articles))
            z.writestr("actors.yaml", self.actors_yaml)
            z.writestr("issues.yaml", self.issues_yaml)
        return buffer.getvalue()

    @classmethod
    def from_zip(cls, raw: bytes) -> Workspace:
        """A workspace from its zip; raises WorkspaceError saying what is wrong."""
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as z:
                if sum(i.file_size for i in z.infolist()) > MAX_UPLOAD_BYTES:
                    raise WorkspaceError("the workspace unpacks to more than 200 MB")
                names = set(z.namelist())
                missing = {"manifest.json", "articles.jsonl", "actors.yaml", "issues.yaml"} - names
                if missing:
                    raise WorkspaceError(f"this zip is not a Parallax workspace: {', '.join(sorted(missing))} missing")
                manifest = json.loads(z.read("manifest.json"))
                if manifest.get("format") != _FORMAT:
                    raise WorkspaceError(f"unknown workspace format {manifest.get('format')!r}")
                articles = [Article(**json.loads(line)) for line in z.read("articles.jsonl").decode("utf-8").splitlines()
                            if line.strip()]
                workspace = cls(articles, z.read("actors.yaml").decode("utf-8"), z.read("issues.yaml").decode("utf-8"),
                                hidden=set(manifest.get("hidden", [])),
                                files=[FileStatus(**f) for f in manifest.get("files", [])])
        except (zipfile.BadZipFile, json.JSONDecodeError, UnicodeDecodeError, TypeError, KeyError) as exc:
            raise WorkspaceError(f"the workspace file is damaged ({exc})") from None
        try:
            workspace.lexicons()
        except (LexiconError, yaml.YAMLError) as exc:
            raise WorkspaceError(f"the workspace's lexicons are not valid: {exc}") from None
        return workspace


def _safe_file_name(article_id: str) -> str:
    """A file name made from an article id: letters, digits, spaces, dots, dashes; never a path."""
    cleaned = re.sub(r"[^\w .\-]", "_", article_id).strip(" .") or "article"
    return cleaned[:120]


def _atomic_write(path: Path, text: str) -> Path:
    """Write `text` to a temporary file beside `path`, keep the old file as .bak, then rename."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.",
                                     delete=False) as handle:
        handle.write(text)
        temporary = Path(handle.name)
    if path.exists():
        shutil.copy2(path, path.with_name(path.name + ".bak"))
    os.replace(temporary, path)
    return path


def _unpacked(uploads: list[tuple[str, bytes]]) -> list[tuple[str, bytes | None, str]]:
    """(name, bytes, "") for each uploaded file, zips unpacked to the article files inside them;
    (name, None, why) for what cannot be read. Sizes are checked before anything is unpacked."""
    out: list[tuple[str, bytes | None, str]] = []
    total = 0
    for name, raw in uploads:
        if not name.lower().endswith(".zip"):
            total += len(raw)
            out.append((name, raw, "") if total <= MAX_UPLOAD_BYTES else (name, None, "over the 200 MB upload limit"))
            continue
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as z:
                for info in z.infolist():
                    if info.is_dir() or not info.filename.lower().endswith(ARTICLE_SUFFIXES):
                        continue
                    total += info.file_size
                    if total > MAX_UPLOAD_BYTES:
                        out.append((info.filename, None, "over the 200 MB upload limit once unpacked"))
                        continue
                    out.append((info.filename, z.read(info), ""))
        except zipfile.BadZipFile:
            out.append((name, None, "not a readable zip file"))
    return out

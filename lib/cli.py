"""`python -m lib analyze [CORPUS] --out DIR`: write every analysis table to files."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .analysis import Analysis, analyze_corpus
from .corpus import DEFAULT_CORPUS, CorpusError, load_corpus
from .lexicon import LexiconError, load_lexicons

__all__ = ["main", "write_tables", "CLI_TABLES"]

# The files `analyze` writes; tone_evidence carries the sentences behind every tone score.
CLI_TABLES = ("articles", "paragraphs", "sentences", "mentions", "quotes", "issue_hits", "coverage", "tone",
              "tone_evidence")


class _Progress:
    """A one-line progress counter on stderr for long runs; silent for small corpora."""

    def __init__(self, label: str, *, threshold: int = 50) -> None:
        self.label = label
        self.threshold = threshold
        self.started = time.perf_counter()
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if total < self.threshold:
            return
        now = time.perf_counter()
        if done == total or now - self.last >= 0.5:
            self.last = now
            rate = done / max(now - self.started, 1e-9)
            end = "\n" if done == total else ""
            print(f"\r{self.label}: {done}/{total} ({rate:.0f}/s)", end=end, file=sys.stderr, flush=True)


def write_tables(analysis: Analysis, out: Path, fmt: str) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in CLI_TABLES:
        frame = analysis.table(name)
        path = out / f"{name}.{fmt}"
        if fmt == "csv":
            frame.to_csv(path, index=False)
        elif fmt == "json":
            frame.to_json(path, orient="records", force_ascii=False, indent=1)
        else:
            frame.to_parquet(path, index=False)
        written.append(path)
    return written


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m lib", description="Parallax: compare how news reports cover an event.")
    commands = parser.add_subparsers(dest="command", required=True)
    analyze = commands.add_parser("analyze", help="analyse a folder of articles and write one file per table")
    analyze.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS), help="folder or file of articles "
                         "(default: the bundled Geneva corpus)")
    analyze.add_argument("--out", required=True, help="folder to write the tables into")
    analyze.add_argument("--format", choices=("csv", "parquet", "json"), default="csv")
    analyze.add_argument("--actors", help="actor lexicon (YAML); default: data/actors.yaml")
    analyze.add_argument("--issues", help="issue lexicon (YAML); default: data/issues.yaml")
    analyze.add_argument("--metadata", help="CSV of article_id, title, outlet, date, url to override the articles'")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        lex = load_lexicons(args.actors, args.issues)
        corpus = load_corpus(args.corpus, metadata=args.metadata)
    except (LexiconError, CorpusError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for problem in corpus.problems:
        print(f"warning: {problem}", file=sys.stderr)
    if not corpus.articles:
        print(f"error: {args.corpus}: no readable articles", file=sys.stderr)
        return 1
    if args.format == "parquet":
        try:
            import pyarrow  # noqa: F401  (only to say clearly that it is missing)
        except ImportError:
            print("error: --format parquet needs pyarrow (pip install pyarrow)", file=sys.stderr)
            return 2
    analysis = analyze_corpus(corpus, lex, progress=_Progress("analysing"))
    for source, message in analysis.problems.itertuples(index=False):
        if source in analysis.texts:
            print(f"warning: {source}: {message}", file=sys.stderr)
    try:
        written = write_tables(analysis, Path(args.out), args.format)
    except OSError as exc:
        print(f"error: cannot write to {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"{len(analysis.articles)} articles, {len(analysis.quotes)} quotations, {len(analysis.mentions)} actor "
          f"mentions -> {len(written)} {args.format} files in {args.out}")
    return 0

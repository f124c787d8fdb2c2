"""Benchmark the analysis core: speed against TextBlob's own sentiment, peak memory, re-analysis.

    python bench/bench_analysis.py                 # 100, 1,000 and 10,000 articles
    python bench/bench_analysis.py --sizes 1000

Each size runs in a fresh process so its peak memory (max RSS) is its own. Times are
CPU seconds of this process (time.process_time), best of three. Articles of
about 600 words are written to a temporary folder and read back as a user's would be;
they are assembled from the bundled corpus's sentences with words swapped, so no two
sentences are the same and no cache can flatter the figures.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS_PER_ARTICLE = 600
REPEATS = 3


def build_corpus(folder: Path, n_articles: int, seed: int = 7) -> None:
    from lib.corpus import load_corpus
    from lib.text import segment

    rng = random.Random(seed)
    pool: list[str] = []
    for article in load_corpus().articles:
        seg = segment(article.text)
        pool += [article.text[s.start : s.end] for s in seg.sentences if not s.heading]
    vocabulary = sorted({w for s in pool for w in re.findall(r"\b[a-z]{4,}\b", s)})
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(n_articles):
        paragraphs, words, para = [], 0, []
        while words < WORDS_PER_ARTICLE:
            tokens = rng.choice(pool).split(" ")
            for _ in range(2):  # swap two lower-case words so every sentence is new
                i = rng.randrange(len(tokens))
                if tokens[i].isalpha() and tokens[i].islower():
                    tokens[i] = rng.choice(vocabulary)
            sentence = " ".join(tokens)
            para.append(sentence)
            words += len(tokens)
            if len(para) == 3:
                paragraphs.append(" ".join(para))
                para = []
        if para:
            paragraphs.append(" ".join(para))
        headline = f"Report {n}: talks in Geneva end without a breakthrough"
        (folder / f"article_{n:05d}.txt").write_text(headline + "\n\n" + "\n\n".join(paragraphs), encoding="utf-8")


def measure(n_articles: int) -> dict[str, float]:
    from textblob import TextBlob

    from lib.analysis import AnalysisCache, analyze_corpus
    from lib.corpus import Article, load_corpus
    from lib.lexicon import load_lexicons

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        build_corpus(folder, n_articles)
        started = time.perf_counter()
        corpus = load_corpus(folder)
        load_seconds = time.perf_counter() - started
    lex = load_lexicons()
    # Load PatternAnalyzer's lexicon before timing either side, so neither pays for it.
    TextBlob("a good start").sentiment  # noqa: B018
    # Wall-clock time on this virtual machine wanders by up to half between identical
    # runs; both sides are timed in CPU time, interleaved, and the best of three kept.
    analysis_runs, textblob_runs = [], []
    for _ in range(REPEATS if n_articles <= 1000 else 1):
        cache = AnalysisCache()
        started = time.process_time()
        analysis = analyze_corpus(corpus, lex, cache=cache)
        analysis_runs.append(time.process_time() - started)
        if n_articles <= 1000:
            sentences = list(analysis.sentences.text)
            started = time.process_time()
            for sentence in sentences:
                TextBlob(sentence).sentiment  # noqa: B018 (the call is what is timed)
            textblob_runs.append(time.process_time() - started)
    analysis_seconds = min(analysis_runs)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    figures = {
        "articles": n_articles,
        "sentences": len(analysis.sentences),
        "words": int(analysis.articles.words.sum()),
        "load_s": load_seconds,
        "analysis_s": analysis_seconds,
        "peak_rss_mb": peak_mb,
        "quotes": len(analysis.quotes),
        "mentions": len(analysis.mentions),
    }
    # The floor: TextBlob's own sentiment over the same sentences.
    if textblob_runs:
        figures["textblob_s"] = min(textblob_runs)
        figures["ratio"] = analysis_seconds / figures["textblob_s"]
        # Add one article to the corpus: only that one is analysed again.
        corpus.articles.append(Article("added", corpus.articles[0].text + " Zelenskyy said more.", "added.txt"))
        misses = cache.misses
        started = time.process_time()
        analyze_corpus(corpus, lex, cache=cache)
        figures["add_one_s"] = time.process_time() - started
        figures["add_one_analysed"] = cache.misses - misses
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: measure one size in this process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return
    print(f"{'articles':>8} {'words':>9} {'sentences':>9} {'analysis':>9} {'textblob':>9} {'ratio':>6} "
          f"{'peak RSS':>9} {'add one':>8}")
    for size in args.sizes:
        done = subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True, text=True, check=True)
        f = json.loads(done.stdout.strip().splitlines()[-1])
        textblob = f"{f['textblob_s']:.2f}s" if "textblob_s" in f else "-"
        ratio = f"{f['ratio']:.2f}" if "ratio" in f else "-"
        add_one = f"{f['add_one_s']:.2f}s ({f['add_one_analysed']})" if "add_one_s" in f else "-"
        print(f"{f['articles']:>8} {f['words']:>9} {f['sentences']:>9} {f['analysis_s']:>8.2f}s {textblob:>9} "
              f"{ratio:>6} {f['peak_rss_mb']:>7.0f}MB {add_one:>8}")


if __name__ == "__main__":
    main()

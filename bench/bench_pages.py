"""Benchmark the dashboard: server time to re-render each page after a widget change.

    python bench/bench_pages.py              # the bundled corpus and 1,000 articles
    python bench/bench_pages.py --articles 0 # the bundled corpus only

Runs the app through Streamlit's AppTest (the server side of a rerun, without a
browser): the analysis is computed once and cached, then each page is opened and one
of its widgets set to five different values in turn. The time is the script run's own,
as dashboard.py records it, without AppTest's parsing of what the run produced.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

REPEATS = 5


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def measure(corpus: Path | None) -> dict[str, float]:
    from streamlit.testing.v1 import AppTest

    if corpus:
        os.environ["PARALLAX_CORPUS"] = str(corpus)
    else:
        os.environ.pop("PARALLAX_CORPUS", None)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)
    first = _timed(at.run)
    figures = {"first load (analysis)": (first, first)}
    ids = list(at.sidebar.multiselect(key="articles").value)

    def rerun(page: str, changes: list[Callable[[AppTest], object]]) -> tuple[float, float]:
        """(the slowest, the median) server time of a rerun after each change; every change differs."""
        at.switch_page(page).run()
        times = []
        for change in changes:
            change(at)
            at.run()
            assert not at.exception, [e.value for e in at.exception]
            times.append(at.session_state["_run_seconds"])
        return max(times), statistics.median(times)

    def choose(subset: list[str]) -> Callable[[AppTest], object]:
        return lambda a: a.sidebar.multiselect(key="articles").set_value(subset)

    # Dropping a different article each time: every choice is new, so nothing is cached yet.
    subsets = [ids[:k] + ids[k + 1 :] if len(ids) > 1 else ids for k in range(REPEATS)]
    figures["overview: change the articles"] = rerun("pages/overview.py", [choose(s) for s in subsets])
    issues = ["territory", "sequencing", "humanitarian", "military_strikes", "sanctions_economy"]
    figures["coverage: choose an issue"] = rerun(
        "pages/coverage.py", [lambda a, i=i: a.selectbox(key="issue").set_value(i) for i in issues])
    actors = ["Russia", "Ukraine", "United States", "Volodymyr Zelenskyy", "Vladimir Medinsky"]
    figures["actors: choose an actor"] = rerun(
        "pages/actors.py", [lambda a, x=x: a.selectbox(key="actor").set_value(x) for x in actors])
    layers = [["issues"], ["issues", "quotes"], ["actors"], ["quotes", "unique"], ["issues", "actors", "quotes"]]
    figures["reader: switch highlights"] = rerun(
        "pages/reader.py", [lambda a, h=h: a.get("button_group")[0].set_value(h) for h in layers])
    figures["actors: change the articles"] = rerun(
        "pages/actors.py", [choose(s[:-1] if len(s) > 1 else s) for s in subsets])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="size of the synthetic corpus (0: skip it)")
    args = parser.parse_args()
    runs = [("bundled corpus (3 articles)", None)]
    tmp = tempfile.TemporaryDirectory()
    if args.articles:
        from bench_analysis import build_corpus

        folder = Path(tmp.name) / "corpus"
        build_corpus(folder, args.articles)
        runs.append((f"{args.articles:,} articles", folder))
    for title, corpus in runs:
        print(f"\n{title}: server time of a rerun, slowest and median of {REPEATS} different changes")
        for what, (slowest, median) in measure(corpus).items():
            print(f"  {what:<34} {slowest:6.3f} s   {median:6.3f} s")
    tmp.cleanup()


if __name__ == "__main__":
    main()

"""The app's shared state: the cached analysis, the chosen articles, and the URL.

Every selection lives in `st.query_params`, so a copied link reopens the same view.
The URL wins when it changed since this session last wrote it (a deep link, the back
button); otherwise the session's widget state does.
"""

from __future__ import annotations

import os
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import TypeVar

import streamlit as st

from lib.analysis import Analysis, AnalysisCache, analyze_corpus
from lib.corpus import DEFAULT_CORPUS, CorpusError, load_corpus
from lib.lexicon import DEFAULT_ACTORS, DEFAULT_ISSUES, LexiconError, load_lexicons
from lib.views import decode_choice, encode_choice, select
from lib.workspace import Workspace

T = TypeVar("T")

__all__ = ["can_save", "workspace", "memo", "through_entry_point", "corpus_path", "lexicon_paths", "load_analysis", "view", "url_value", "write_url", "bind", "article_choice"]


def _option(flag: str, variable: str, default: Path) -> Path:
    """`streamlit run dashboard.py -- --flag PATH`, else the environment variable, else the default."""
    args = sys.argv[1:]
    for i, arg in enumerate(args):
        if arg == flag and i + 1 < len(args):
            return Path(args[i + 1])
        if arg.startswith(flag + "="):
            return Path(arg.split("=", 1)[1])
    return Path(os.environ.get(variable) or default)


def corpus_path() -> Path:
    """--corpus PATH, else $PARALLAX_CORPUS, else the bundled corpus."""
    return _option("--corpus", "PARALLAX_CORPUS", DEFAULT_CORPUS)


def lexicon_paths() -> tuple[Path, Path]:
    """--actors / --issues, else $PARALLAX_ACTORS / $PARALLAX_ISSUES, else the bundled lexicons."""
    return _option("--actors", "PARALLAX_ACTORS", DEFAULT_ACTORS), _option("--issues", "PARALLAX_ISSUES", DEFAULT_ISSUES)


def _signature(*paths: Path) -> tuple:
    """What the analysis depends on, cheaply: every file's name, size and modification time."""
    entries = []
    for path in paths:
        files = [path] if path.is_file() else sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else []
        entries += [(str(f), f.stat().st_size, f.stat().st_mtime_ns) for f in files]
    return tuple(entries)


class _AnalysisStore:
    """Analyses by corpus and content signature, shared by every session of this process.

    Kept outside `st.cache_*` on purpose: a cached function may not draw into a
    placeholder made outside it, and the progress bar of a long first analysis is one.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.articles = AnalysisCache()  # per article, keyed by its text and the lexicons
        self.analyses: dict[tuple, Analysis] = {}
        self.derived: OrderedDict[tuple, object] = OrderedDict()  # tables and figures per chosen articles

    def memo(self, key: tuple, compute: Callable[[], T]) -> T:
        """`compute()` once per key, keeping the most recent few hundred results."""
        with self.lock:
            if key in self.derived:
                self.derived.move_to_end(key)
                return self.derived[key]  # type: ignore[return-value]
        value = compute()
        with self.lock:
            self.derived[key] = value
            while len(self.derived) > 256:
                self.derived.popitem(last=False)
        return value

    def get(self, path: Path, lexicons: tuple[Path, Path], signature: tuple,
            progress: Callable[[int, int], None]) -> Analysis:
        key = (str(path), *map(str, lexicons), signature)
        with self.lock:
            if key not in self.analyses:
                lex = load_lexicons(*lexicons)
                analysis = analyze_corpus(load_corpus(path), lex, cache=self.articles, progress=progress)
                # Keep the newest few corpora; an edited file gives a new signature.
                while len(self.analyses) >= 3:
                    self.analyses.pop(next(iter(self.analyses)))
                self.derived.clear()
                self.analyses[key] = analysis
            return self.analyses[key]


@st.cache_resource(show_spinner=False)
def _store() -> _AnalysisStore:
    return _AnalysisStore()


def can_save() -> bool:
    """Whether Save may write to disk: a local install whose corpus and lexicons are writable.

    Community Cloud runs apps from /mount/src and shares them; PARALLAX_READ_ONLY=1 turns
    saving off anywhere else.
    """
    if os.environ.get("PARALLAX_READ_ONLY") == "1" or str(Path.cwd()).startswith("/mount/src"):
        return False
    folder = corpus_path()
    return all(os.access(p, os.W_OK) for p in (folder if folder.is_dir() else folder.parent, *lexicon_paths()))


def workspace() -> Workspace:
    """This session's own corpus, started from the app's corpus the first time it is asked for."""
    if "workspace" not in st.session_state:
        actors, issues = lexicon_paths()
        try:
            st.session_state["workspace"] = Workspace.start(load_corpus(corpus_path()),
                                                            actors.read_text(encoding="utf-8"),
                                                            issues.read_text(encoding="utf-8"))
        except (OSError, CorpusError) as exc:
            st.error(f"Parallax cannot read its corpus or lexicons: {exc}", icon=":material/error:")
            st.stop()
    return st.session_state["workspace"]


def load_analysis() -> Analysis:
    """The analysis of the corpus (or of this session's workspace, once it has one), computed
    once per content of the articles and lexicons."""
    if "workspace" in st.session_state:
        ws = st.session_state["workspace"]
        try:
            return _store().memo(("workspace", ws.fingerprint()),
                                 lambda: analyze_corpus(ws.corpus(), ws.lexicons(), cache=_store().articles))
        except LexiconError as exc:
            st.error(f"The workspace's lexicons are not valid: {exc}", icon=":material/error:")
            st.stop()
    path = corpus_path()
    lexicons = lexicon_paths()
    try:
        signature = _signature(path, *lexicons)
    except OSError as exc:
        st.error(f"Parallax cannot read {path}: {exc.strerror or exc}", icon=":material/error:")
        st.stop()
    bar = st.empty()

    def progress(done: int, total: int) -> None:
        if total >= 20 and (done % 10 == 0 or done == total):
            bar.progress(done / total, text=f"Analysing {done:,} of {total:,} articles…")

    try:
        analysis = _store().get(path, lexicons, signature, progress)
    except (CorpusError, LexiconError) as exc:
        bar.empty()
        st.error(f"Parallax cannot start on this corpus: {exc}", icon=":material/error:")
        st.stop()
    bar.empty()
    return analysis


def url_value(name: str) -> str | None:
    """The URL's value for `name` if it changed since this session last wrote it, else None."""
    value = st.query_params.get(name)
    if value is not None and value != st.session_state.get(f"_url_{name}"):
        return value
    return None


def write_url(name: str, value: str | None) -> None:
    """Put a selection in the URL (or take it out when it is the default)."""
    if value:
        if st.query_params.get(name) != value:
            st.query_params[name] = value
    elif name in st.query_params:
        del st.query_params[name]
    st.session_state[f"_url_{name}"] = value


def bind(name: str, options: Sequence[str] | None, default: str | None) -> None:
    """Prepare the widget state `name` from the URL, else keep it, else the default.

    `options` are the values a choice widget accepts; None for free text.
    """
    from_url = url_value(name)
    if from_url is not None and (options is None or from_url in options):
        st.session_state[name] = from_url
    elif name not in st.session_state or (options is not None and st.session_state[name] not in options):
        st.session_state[name] = default


def article_choice(analysis: Analysis) -> list[str]:
    """The sidebar's article picker, bound to ?articles=…; the choice holds on every page."""
    ids = list(analysis.articles.article_id)
    labels = dict(zip(analysis.articles.article_id, analysis.articles.label))
    from_url = url_value("articles")
    previous_ids = st.session_state.get("_article_ids")
    st.session_state["_article_ids"] = ids
    if from_url is not None:
        st.session_state["articles"] = decode_choice(from_url, ids) or ids
    elif "articles" not in st.session_state or st.session_state["articles"] == previous_ids:
        st.session_state["articles"] = ids  # "all articles" stays all when articles are added
    else:  # keep the choice, without articles that have left the corpus; an empty choice stays empty
        st.session_state["articles"] = [a for a in st.session_state["articles"] if a in labels]
    chosen = st.sidebar.multiselect("Articles", ids, format_func=lambda a: labels[a], key="articles",
                                    help="The articles every page compares.")
    write_url("articles", encode_choice(chosen, ids))
    return chosen


def through_entry_point() -> None:
    """Make sure every run goes through dashboard.py's navigation.

    While a folder named pages/ exists, Streamlit serves requests in its old multipage
    mode until some session runs `st.navigation`; a deep link that is the first request
    after a start (or after Community Cloud wakes the app) would run the page bare, with
    no sidebar, and even dashboard.py's own first run would give its widgets ids that the
    next run does not recognise (the first change to the article choice was lost).
    `st.navigation` clears this flag itself; clearing it first and rerunning makes every
    run a normal one.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def view() -> tuple[Analysis, Analysis]:
    """(the whole analysis, the analysis narrowed to the chosen articles)."""
    through_entry_point()
    analysis = load_analysis()
    chosen = st.session_state.get("articles")
    if chosen is None:
        chosen = list(analysis.articles.article_id)
    return analysis, memo(select, analysis, tuple(chosen))


def memo(compute: Callable[..., T], analysis: Analysis, *args: Hashable) -> T:
    """`compute(analysis, *args)`, computed once per analysis and arguments and shared by sessions.

    A widget change that does not change the chosen articles then costs no recomputation
    of the tables and figures that depend only on them.
    """
    code = getattr(compute, "__code__", None)
    key = (compute.__module__, compute.__qualname__, code.co_filename if code else "", id(analysis), len(analysis.articles),
           tuple(analysis.articles.article_id), args)
    return _store().memo(key, lambda: compute(analysis, *args))

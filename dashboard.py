"""Parallax: how different news reports cover the same event.

    streamlit run dashboard.py                          # the bundled Geneva corpus
    streamlit run dashboard.py -- --corpus my/articles  # or PARALLAX_CORPUS=my/articles
"""

import time

import streamlit as st

from ui import state

run_started = time.perf_counter()
state.through_entry_point()
st.set_page_config(page_title="Parallax", page_icon="🔭", layout="wide")  # an emoji: a :material: favicon is fetched from Google

analysis = state.load_analysis()
with st.sidebar:
    st.markdown("### Parallax")
    source = "your workspace" if "workspace" in st.session_state else f"`{state.corpus_path().name}`"
    st.caption(f"{len(analysis.articles):,} articles in {source}")
state.article_choice(analysis)

page = st.navigation(
    [
        st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
        st.Page("pages/coverage.py", title="Issue coverage", icon=":material/grid_on:"),
        st.Page("pages/actors.py", title="Actors & quotes", icon=":material/record_voice_over:"),
        st.Page("pages/reader.py", title="Reader", icon=":material/chrome_reader_mode:"),
        st.Page("pages/corpus.py", title="Corpus", icon=":material/library_books:"),
    ]
)
try:
    page.run()
finally:
    # Server time of this run, read by bench/bench_pages.py.
    st.session_state["_run_seconds"] = time.perf_counter() - run_started

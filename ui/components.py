"""Pieces every page draws the same way: charts with their data, evidence, empty states."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from datetime import date

import kaleido
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lib.analysis import Analysis
from lib.export import PLOTLY_CONFIG, figure_html, figure_image, image_support
from lib.highlight import Span, chip, highlight
from lib.views import article_labels, reader_link

__all__ = ["start_page", "file_name", "chart", "table", "evidence", "empty", "reader_href", "ROWS_DRAWN", "rows_note"]

# Charts with one row per article draw this many; more would not be read, only scrolled.
ROWS_DRAWN = 40


def rows_note(analysis: Analysis) -> None:
    """Say so when a per-article chart shows only the first articles."""
    n = len(analysis.articles)
    if n > ROWS_DRAWN:
        st.caption(f"Drawn for the first {ROWS_DRAWN} of the {n:,} chosen articles; its CSV holds all of them. "
                   "Narrow the choice in the sidebar to draw others.")


def file_name(page: str, what: str, analysis: Analysis, extension: str) -> str:
    """"parallax_coverage_heatmap_3-articles_2026-11-22.csv": what is inside, for which articles, when."""
    n = len(analysis.articles)
    scope = analysis.articles.article_id.iloc[0][:24] if n == 1 else f"{n}-articles"
    return f"parallax_{page}_{what}_{scope}_{date.today().isoformat()}.{extension}"


def _csv(data: pd.DataFrame):
    """The CSV, made only when the button is clicked (large tables would slow every rerun)."""
    return lambda: data.to_csv(index=False).encode("utf-8")


@st.cache_resource(show_spinner=False, on_release=lambda _: kaleido.stop_sync_server(silence_warnings=True))
def _image_server() -> bool:
    """One kaleido server (one Chromium) for the whole process, not a browser per click."""
    kaleido.start_sync_server(silence_warnings=True)
    return True


def _image(fig: go.Figure, fmt: str):
    def make() -> bytes:
        _image_server()
        return figure_image(fig, fmt)

    return make


def chart(fig: go.Figure, data: pd.DataFrame, *, page: str, name: str, analysis: Analysis, key: str,
          on_select=None):
    """A plotly chart with its downloads: PNG and SVG (drawn on the server on click), interactive
    HTML that opens offline, and the data behind it as CSV. The toolbar also saves a sharp PNG."""
    config = {**PLOTLY_CONFIG, "modeBarButtonsToRemove": ["lasso2d", "select2d"],
              "toImageButtonOptions": {**PLOTLY_CONFIG["toImageButtonOptions"],
                                       "filename": file_name(page, name, analysis, "png")[:-4]}}
    event = st.plotly_chart(fig, key=key, config=config, on_select=on_select or "ignore",
                            selection_mode=("points",))
    images, why_not = image_support()
    columns = st.columns([1, 1, 1, 2, 3])
    for column, fmt, mime in ((columns[0], "png", "image/png"), (columns[1], "svg", "image/svg+xml")):
        column.download_button(fmt.upper(), _image(fig, fmt) if images else b"", disabled=not images,
                               file_name=file_name(page, name, analysis, fmt), mime=mime, key=f"{key}_{fmt}",
                               on_click="ignore", icon=":material/image:",
                               help=f"The chart as {fmt.upper()}." if images else why_not)
    title = f"Parallax · {name.replace('_', ' ')} · {len(analysis.articles)} articles"
    columns[2].download_button("HTML", lambda: figure_html(fig, title=title).encode("utf-8"),
                               file_name=file_name(page, name, analysis, "html"), mime="text/html",
                               key=f"{key}_html", on_click="ignore", icon=":material/code:",
                               help="The interactive chart as one HTML file that opens offline.")
    columns[3].download_button("Data (CSV)", _csv(data), file_name=file_name(page, name, analysis, "csv"),
                               mime="text/csv", key=f"{key}_csv", on_click="ignore", icon=":material/download:",
                               help="The table behind this chart.")
    if not images:
        columns[4].caption(why_not)
    return event


def table(data: pd.DataFrame, *, page: str, name: str, analysis: Analysis, key: str,
          csv: pd.DataFrame | None = None, **kwargs):
    """A table with its CSV download (of `csv` when the table shows only part of it)."""
    shown = st.dataframe(data, hide_index=True, key=key, **kwargs)
    st.download_button("Download this table (CSV)", _csv(data if csv is None else csv),
                       file_name=file_name(page, name, analysis, "csv"), mime="text/csv", key=f"{key}_csv",
                       on_click="ignore", icon=":material/download:")
    return shown


def reader_href(analysis: Analysis, article_id: str, start: int, end: int) -> str:
    """Link into the reader at a passage, beside the other chosen articles."""
    return reader_link(analysis.articles.article_id.iloc[:3].tolist(), article_id, start, end)


def evidence(analysis: Analysis, items: Iterable[tuple[str, int, int, Sequence[Span]]], *, limit: int = 50,
             note: str = "") -> None:
    """Passages as escaped HTML with their highlights, each with the article's label and a reader link.

    `items`: (article_id, start, end, spans inside the passage).
    """
    labels = article_labels(analysis)
    rows = []
    items = list(items)
    for article_id, start, end, spans in items[:limit]:
        text = analysis.texts[article_id]
        href = html.escape(reader_href(analysis, article_id, start, end), quote=True)
        rows.append(
            f'<div class="px-evidence" style="margin:0 0 10px 0;padding:6px 10px;border-left:3px solid #d0d7de;">'
            f'{chip(labels[article_id], "#5c6f82")} '
            f'<span style="color:#6b7280;font-size:0.8em">chars {start}–{end}</span><br>'
            f"{highlight(text, spans, start=start, end=end)} "
            f'<a href="{href}" target="_self" style="font-size:0.85em;white-space:nowrap">open in reader ↗</a></div>'
        )
    if len(items) > limit:
        rows.append(f"<p><i>… and {len(items) - limit} more; the CSV has them all.</i></p>")
    if note:
        rows.insert(0, f"<p style='color:#6b7280'>{html.escape(note)}</p>")
    st.markdown("".join(rows), unsafe_allow_html=True)


def start_page(title: str, caption: str = "") -> tuple[Analysis, Analysis]:
    """A page's opening: its title, and (the whole analysis, the chosen articles'), or a plain
    statement and a stop when no article is chosen."""
    from ui import state

    analysis, view = state.view()
    st.title(title)
    if caption:
        st.caption(caption)
    if view.articles.empty:
        empty("No article is chosen. Pick one or more in the sidebar.")
        st.stop()
    return analysis, view


def empty(message: str) -> None:
    """A plain statement of what is missing."""
    st.info(message, icon=":material/info:")

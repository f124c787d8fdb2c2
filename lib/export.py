"""Exports: charts as PNG, SVG and offline HTML, and a one-file HTML report of a view.

PNG and SVG are drawn by kaleido, which drives an installed Chromium; HTML embeds
plotly.js, so every file opens offline with its charts still interactive.
"""

from __future__ import annotations

import html
import shutil
import warnings
from datetime import date

import plotly.graph_objects as go
import plotly.io as pio
from plotly.offline import get_plotlyjs

from .analysis import Analysis
from .charts import coverage_heatmap, mention_matrix, position_chart, tone_distribution, voice_share_chart
from .findings import findings
from .highlight import highlight
from .views import (blind_spots, coverage_matrix, first_articles, issue_positions, mention_counts, quote_table,
                    side_colors, tone_points, voice_share)

__all__ = ["image_support", "figure_image", "figure_html", "report_html", "PLOTLY_CONFIG"]

PLOTLY_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 3}}
_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def image_support() -> tuple[bool, str]:
    """Whether PNG and SVG can be drawn here, and if not, why and how to enable them."""
    if any(shutil.which(b) for b in _BROWSERS):
        return True, ""
    return False, ("PNG and SVG are drawn by Chromium on the server, and none is installed. Install it "
                   "(Debian: apt-get install -y chromium; on Community Cloud, packages.txt lists it). "
                   "HTML and CSV work without it.")


def figure_image(fig: go.Figure, fmt: str, *, scale: float = 3) -> bytes:
    """The figure as PNG (at `scale` times its size) or SVG, drawn by kaleido."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"images are png or svg, not {fmt!r}")
    with warnings.catch_warnings():
        # plotly passes options that a running kaleido server ignores, and says so each time.
        warnings.simplefilter("ignore", UserWarning)
        return pio.to_image(fig, format=fmt, scale=scale if fmt == "png" else None)


def figure_html(fig: go.Figure, *, title: str) -> str:
    """One chart as a standalone HTML page with plotly.js inside: it opens offline, still interactive."""
    page = pio.to_html(fig, full_html=True, include_plotlyjs=True, config=PLOTLY_CONFIG)
    return page.replace("<head>", f"<head><title>{html.escape(title)}</title>", 1)


_STYLE = """
body{font-family:'DejaVu Sans',Arial,sans-serif;color:#1f2933;max-width:1100px;margin:24px auto;padding:0 16px}
h1{font-size:28px}h2{margin-top:36px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border:1px solid #d0d7de;padding:4px 6px;
text-align:left;vertical-align:top}th{background:#f3f5f8}.evidence{border-left:3px solid #d0d7de;padding:4px 10px;
margin:6px 0}.muted{color:#6b7280;font-size:12px}
"""


def _table(rows: list[list[object]], header: list[str]) -> str:
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _figure(fig: go.Figure, div_id: str) -> str:
    return pio.to_html(fig, full_html=False, include_plotlyjs=False, div_id=div_id, config=PLOTLY_CONFIG)


def report_html(analysis: Analysis, *, title: str = "Parallax report", max_quotes: int = 500) -> str:
    """The view of the chosen articles as one self-contained HTML file: the articles, the findings
    with their evidence, coverage, actors, tone, voice share and quotations."""
    lex = analysis.lexicons
    drawn = first_articles(analysis, 40)
    order = list(drawn.articles.label)
    parts = [f"<h1>{html.escape(title)}</h1>",
             f"<p class='muted'>Made by Parallax on {date.today().isoformat()} from {len(analysis.articles)} "
             "articles. Every figure comes from the sentences quoted under it; offsets are character positions "
             "in each article's text.</p>",
             "<h2>The articles</h2>",
             _table([[a.label, a.title, a.outlet, a.date, a.words, a.quotes] for a in analysis.articles.itertuples()],
                    ["Label", "Title", "Outlet", "Date", "Words", "Quotations"])]

    parts.append("<h2>What stands out</h2>")
    for finding in findings(analysis):
        parts.append(f"<h3>{html.escape(finding.headline)}</h3><p>{html.escape(finding.detail)}</p>")
        for e in finding.evidence:
            text = analysis.texts[e.article_id]
            label = analysis.articles.set_index("article_id").label[e.article_id]
            parts.append(f"<div class='evidence'><span class='muted'>{html.escape(label)} · chars {e.start}–{e.end}"
                         f"</span><br>{highlight(text, [], start=e.start, end=e.end)}</div>")

    parts.append("<h2>Issue coverage</h2>")
    parts.append(_figure(coverage_heatmap(coverage_matrix(drawn, "share_sentences"), metric="share_sentences",
                                          issue_colors=lex.issue_colors()), "coverage"))
    positions = issue_positions(drawn)
    if not positions.empty:
        parts.append(_figure(position_chart(positions, issue_colors=lex.issue_colors(), article_order=order),
                             "positions"))
    spots = blind_spots(analysis)
    if not spots.empty:
        parts.append("<h3>Blind spots</h3>" + _table(spots[["issue_label", "covered_by", "left_out_by"]].values.tolist(),
                                                      ["Issue", "Covered by", "Left out by"]))

    parts.append("<h2>Actors</h2>")
    counts = mention_counts(drawn)
    if not counts.empty:
        parts.append(_figure(mention_matrix(counts, actor_colors=lex.actor_colors(), article_order=order), "mentions"))
    points = tone_points(analysis)
    if not points.empty:
        ranked = list(points.groupby("actor").size().sort_values(ascending=False).index[:14])
        parts.append(_figure(tone_distribution(points, actor_colors=lex.actor_colors(), actors=ranked), "tone"))
        parts.append("<p class='muted'>Tone is TextBlob's PatternAnalyzer polarity (−1 to +1), a lexicon of "
                     "adjectives scored on product reviews: read the sentences behind it, not only the means.</p>")

    quotes = quote_table(analysis)
    parts.append("<h2>Quotations</h2>")
    if quotes.empty:
        parts.append("<p>The chosen articles quote nobody.</p>")
    else:
        share = voice_share(drawn)
        parts.append(_figure(voice_share_chart(share, side_colors=side_colors(analysis), article_order=order), "voice"))
        shown = quotes.head(max_quotes)
        parts.append(_table([[q.speaker, q.text, q.cue, q.kind, q.label, f"{q.polarity:+.2f}", f"{q.start}–{q.end}"]
                             for q in shown.itertuples()],
                            ["Speaker", "Quotation", "Cue", "Kind", "Article", "Polarity", "Offsets"]))
        if len(quotes) > max_quotes:
            parts.append(f"<p class='muted'>The first {max_quotes} of {len(quotes)} quotations.</p>")

    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<style>{_STYLE}</style><script type='text/javascript'>{get_plotlyjs()}</script></head>"
            f"<body>{''.join(parts)}</body></html>")

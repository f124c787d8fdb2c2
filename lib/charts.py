"""Plotly figures built from the view tables in `views`; each returns a `go.Figure`.

Every clickable mark carries `customdata` naming what it stands for (article_id, issue,
actor, offsets), so a click can be turned back into its evidence by the functions in
`selection`. Shares are drawn on a fixed 0–100 % scale, never a stretched one.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from .highlight import safe_color
from .views import METRICS

__all__ = [
    "coverage_heatmap",
    "position_chart",
    "mention_matrix",
    "tone_distribution",
    "voice_share_chart",
    "FONT",
]

FONT = dict(family="Inter, 'Source Sans Pro', 'DejaVu Sans', sans-serif", size=13, color="#262730")
_HEAT_SCALE = [[0.0, "#f7f7f7"], [0.01, "#e3eef9"], [0.35, "#8fb8de"], [0.7, "#3b7cbf"], [1.0, "#08306b"]]


def _esc(values) -> list[str]:
    """Article labels and lexicon names for plotly, which reads a subset of HTML in its text."""
    import html

    return [html.escape(str(v)) for v in values]


def _base_layout(fig: go.Figure, *, title: str, height: int) -> go.Figure:
    fig.update_layout(
        title=dict(text=title, x=0, xanchor="left", font=dict(size=16)),
        height=height,
        margin=dict(l=10, r=10, t=50, b=10),
        font=FONT,
        plot_bgcolor="white",
        paper_bgcolor="white",
        hoverlabel=dict(font_size=12, align="left"),
        clickmode="event+select",
        dragmode=False,
    )
    return fig


def _wrap(text: str, width: int = 70, *, limit: int = 400) -> str:
    """Hover text wrapped for plotly (which does not wrap), HTML-escaped because plotly renders tags."""
    import html

    if len(text) > limit:
        text = text[: limit - 1] + "…"
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return "<br>".join(html.escape(x) for x in lines) or "—"


def _two_lines(label: str, width: int = 22) -> str:
    """An axis label on at most two lines, so long article labels stay readable unrotated."""
    import html
    import textwrap

    lines = textwrap.wrap(label, width)
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder="…")]
    return "<br>".join(html.escape(line) for line in lines)


def coverage_heatmap(cells: pd.DataFrame, *, metric: str, issue_colors: dict[str, str]) -> go.Figure:
    """Articles × issues as a grid of squares coloured by `metric`.

    Drawn as square scatter markers rather than `go.Heatmap`, whose cells Streamlit
    cannot select; each carries customdata (article_id, issue).
    """
    m = METRICS[metric]
    labels = _esc(dict.fromkeys(cells.label))
    issues = _esc(dict.fromkeys(cells.issue_label))
    top = 100.0 if m.percent else max(1.0, float(cells.value.max() if len(cells) else 1))
    text = [(f"{v:.0f}%" if m.percent else f"{v:.0f}") if v > 0 else "·" for v in cells.value]
    cell_px = 44
    fig = go.Figure(
        go.Scatter(
            x=_esc(cells.issue_label),
            y=_esc(cells.label),
            mode="markers+text",
            marker=dict(
                symbol="square",
                size=cell_px - 4,
                color=cells.value,
                colorscale=_HEAT_SCALE,
                cmin=0,
                cmax=top,
                line=dict(color="white", width=1),
                colorbar=dict(title=dict(text=m.label + (" (%)" if m.percent else "")), thickness=12,
                              ticksuffix="%" if m.percent else ""),
            ),
            text=text,
            textfont=dict(color=["white" if v > 0.55 * top else "#262730" for v in cells.value], size=12),
            customdata=list(zip(cells.article_id, cells.issue)),
            hovertemplate="<b>%{y}</b><br>%{x}<br>" + m.label + ": %{text}<br>click for the sentences<extra></extra>",
            name="coverage",
        )
    )
    height = 90 + cell_px * max(len(labels), 1) + 110
    _base_layout(fig, title=f"{m.label} per article and issue", height=height)
    fig.update_xaxes(categoryorder="array", categoryarray=issues, tickangle=-35, showgrid=False, side="bottom",
                     tickfont=dict(size=12))
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(labels)), showgrid=False, automargin=True)
    # Colour ticks by issue so the grid matches the issue colours used elsewhere.
    fig.update_xaxes(ticktext=[f"<span style='color:{safe_color(issue_colors.get(i, '#262730'))}'>■</span> {lbl}"
                               for i, lbl in zip(dict.fromkeys(cells.issue), issues)], tickvals=issues)
    return fig


def position_chart(positions: pd.DataFrame, *, issue_colors: dict[str, str], article_order: list[str]) -> go.Figure:
    """Where each issue's sentences fall through each article: 0 is the lead, 1 the last sentence."""
    fig = go.Figure()
    for issue, group in positions.groupby("issue", sort=False):
        fig.add_trace(
            go.Scatter(
                x=group.position,
                y=_esc(group.label),
                mode="markers",
                name=_esc([group.issue_label.iloc[0]])[0],
                marker=dict(color=issue_colors.get(issue, "#888"), size=13, symbol="line-ns-open",
                            line=dict(width=3, color=issue_colors.get(issue, "#888"))),
                customdata=list(zip(group.article_id, group.start, group.end, group.issue)),
                hovertext=[_wrap(t) for t in group.text],
                hovertemplate="<b>%{fullData.name}</b> · %{y}<br>%{x:.0%} through the article<br>%{hovertext}"
                              "<extra></extra>",
            )
        )
    _base_layout(fig, title="Where in the article each issue appears", height=120 + 60 * max(len(article_order), 1))
    fig.update_xaxes(range=[-0.03, 1.03], tickformat=".0%", title="position in the article (0% = lead)",
                     showgrid=True, gridcolor="#eee", zeroline=False)
    fig.update_yaxes(categoryorder="array", categoryarray=_esc(reversed(article_order)), automargin=True)
    fig.add_vrect(x0=-0.03, x1=0.1, fillcolor="#fff3cd", opacity=0.5, line_width=0, layer="below",
                  annotation_text="lead", annotation_position="top left")
    fig.update_layout(legend=dict(orientation="h", y=-0.25, x=0))
    return fig


def mention_matrix(counts: pd.DataFrame, *, actor_colors: dict[str, str], article_order: list[str]) -> go.Figure:
    """Mentions per actor and article as sized dots in each actor's colour; zeros drawn as empty rings."""
    actors = _esc(dict.fromkeys(counts.actor))
    largest = max(1, int(counts.mentions.max()) if len(counts) else 1)
    sizes = [8 + 34 * math.sqrt(v / largest) if v else 8 for v in counts.mentions]
    fig = go.Figure(
        go.Scatter(
            x=_esc(counts.label),
            y=_esc(counts.actor),
            mode="markers+text",
            text=[str(v) if v else "" for v in counts.mentions],
            textposition="middle right",
            marker=dict(
                size=sizes,
                color=[actor_colors.get(a, "#888") if v else "rgba(0,0,0,0)" for a, v in zip(counts.actor, counts.mentions)],
                line=dict(color=[actor_colors.get(a, "#888") for a in counts.actor], width=1.5),
            ),
            customdata=list(zip(counts.article_id, counts.actor)),
            hovertemplate="<b>%{y}</b> in %{x}: %{text} mentions<extra></extra>",
            name="mentions",
        )
    )
    _base_layout(fig, title="Mentions per actor and article", height=110 + 34 * max(len(actors), 1))
    fig.update_xaxes(categoryorder="array", categoryarray=_esc(article_order), side="top", showgrid=False, tickangle=0,
                     tickvals=_esc(article_order), ticktext=[_two_lines(a) for a in article_order])
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(actors)), showgrid=True, gridcolor="#f0f0f0",
                     automargin=True)
    fig.update_layout(margin=dict(t=90))
    return fig


def tone_distribution(points: pd.DataFrame, *, actor_colors: dict[str, str], actors: list[str],
                      max_dots: int = 250) -> go.Figure:
    """Every tone score per actor, text about the actor (left) apart from its own quoted words (right).

    One dot per scored sentence or quotation, with the mean as a bar and n in the axis
    label, so a mean of one sentence never passes for a trend. Past `max_dots` per actor
    and measure the dots are an even sample; the mean and n always use every score.
    """
    from plotly.subplots import make_subplots

    measures = [("coverage", "Text about the actor"), ("voice", "The actor's own quoted words")]
    fig = make_subplots(rows=1, cols=2, shared_yaxes=True, horizontal_spacing=0.04,
                        subplot_titles=[title for _, title in measures])
    row_of = {actor: i for i, actor in enumerate(actors)}
    shown = points[points.actor.isin(row_of)]
    for col, (measure, _title) in enumerate(measures, 1):
        every = shown[shown.measure == measure]
        # An even sample past max_dots per actor; the mean below always uses every score.
        by_actor = every.groupby("actor", sort=False)
        step = (by_actor.polarity.transform("size") + max_dots - 1) // max_dots
        sampled = every[(by_actor.cumcount() % step) == 0]
        rank = sampled.groupby("actor", sort=False).cumcount().to_numpy()
        jitter = ((rank * 0.618) % 1 - 0.5) * 0.5
        fig.add_trace(
            go.Scatter(
                x=sampled.polarity,
                y=sampled.actor.map(row_of).to_numpy() + jitter,
                mode="markers",
                marker=dict(color=[actor_colors.get(a, "#888") for a in sampled.actor], size=9, opacity=0.75,
                            line=dict(width=0.5, color="white")),
                name=measure,
                showlegend=False,
                customdata=list(zip(sampled.article_id, sampled.start, sampled.end, sampled.actor, sampled.measure)),
                hovertext=[f"{lbl}<br>{_wrap(t)}" for lbl, t in zip(_esc(sampled.label), sampled.text)],
                text=_esc(sampled.actor),
                hovertemplate="<b>%{text}</b> · polarity %{x:.2f}<br>%{hovertext}<extra></extra>",
            ),
            row=1,
            col=col,
        )
        means = every.groupby("actor", sort=False).polarity.mean()
        xs, ys = [], []
        for actor, mean in means.items():
            xs += [mean, mean, None]
            ys += [row_of[actor] - 0.35, row_of[actor] + 0.35, None]
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=dict(color="#262730", width=2), hoverinfo="skip",
                                 showlegend=False, name=f"{measure} mean"), row=1, col=col)
    n_by = points.groupby(["actor", "measure"]).size()
    ticktext = [f"{_esc([a])[0]}  <span style='color:#777'>(n={int(n_by.get((a, 'coverage'), 0))} | "
                f"{int(n_by.get((a, 'voice'), 0))})</span>" for a in actors]
    _base_layout(fig, title="Tone per actor: every score, with its mean (black bar)", height=140 + 46 * max(len(actors), 1))
    fig.update_yaxes(tickvals=list(range(len(actors))), ticktext=ticktext, range=[-0.6, len(actors) - 0.4],
                     autorange="reversed", showgrid=True, gridcolor="#f3f3f3", row=1, col=1)
    fig.update_xaxes(range=[-1.05, 1.05], zeroline=True, zerolinecolor="#bbb", title="polarity (−1 negative … +1 positive)",
                     gridcolor="#f3f3f3")
    fig.update_layout(clickmode="event+select")
    return fig


def voice_share_chart(share: pd.DataFrame, *, side_colors: dict[str, str], article_order: list[str]) -> go.Figure:
    """Who gets quoted: each article's quotations split by the speaker's side, on a 0–100 % axis."""
    fig = go.Figure()
    for side, group in share.groupby("side", sort=False):
        fig.add_trace(
            go.Bar(
                x=group.share * 100,
                y=_esc(group.label),
                orientation="h",
                name=_esc([side])[0],
                marker=dict(color=side_colors.get(side, "#888"), line=dict(color="white", width=1)),
                text=[f"{q} ({s:.0%})" if q else "none" for q, s in zip(group.quotes, group.share)],
                textposition="inside",
                insidetextanchor="middle",
                customdata=list(zip(group.article_id, group.side, group.speakers)),
                hovertext=_esc(group.speakers),
                hovertemplate="<b>%{y}</b><br>" + _esc([side])[0] + ": %{text}<br>%{hovertext}<extra></extra>",
            )
        )
    _base_layout(fig, title="Voice share: whose words each article quotes, by side", height=140 + 56 * max(len(article_order), 1))
    fig.update_layout(barmode="stack", legend=dict(orientation="h", y=-0.2, x=0))
    fig.update_xaxes(range=[0, 100], ticksuffix="%", title="share of the article's quotations")
    fig.update_yaxes(categoryorder="array", categoryarray=_esc(reversed(article_order)), automargin=True)
    return fig

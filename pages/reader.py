"""Reader: two or three articles side by side, with what they share, what only one has, and what differs."""

import pandas as pd
import streamlit as st

from lib.compare import align_passages, differences
from lib.highlight import Span, highlight, legend, md
from lib.views import parse_focus, select
from ui import components, state

analysis, view = components.start_page("Reader")

lex = analysis.lexicons
all_labels = dict(zip(analysis.articles.article_id, analysis.articles.label))
chosen_ids = list(view.articles.article_id)

from_url = state.url_value("read")
if from_url is not None:
    st.session_state["read"] = [a for a in from_url.split(",") if a in all_labels][:3] or chosen_ids[:3]
elif not set(st.session_state.get("read") or []) <= set(all_labels) or not st.session_state.get("read"):
    st.session_state["read"] = chosen_ids[:3]
read = st.multiselect("Articles side by side (up to three)", list(all_labels), format_func=all_labels.get,
                      key="read", max_selections=3)
state.write_url("read", ",".join(read) if read else None)
if not read:
    components.empty("Choose one to three articles to read side by side.")
    st.stop()

LAYERS = {"issues": "Issues", "actors": "Actors", "quotes": "Quotations", "unique": "Only in this article"}
from_url = state.url_value("hl")
if from_url is not None:
    st.session_state["hl"] = [h for h in from_url.split(",") if h in LAYERS]
elif "hl" not in st.session_state:
    st.session_state["hl"] = list(LAYERS)
layers = st.pills("Highlight", list(LAYERS), format_func=LAYERS.get, selection_mode="multi", key="hl")
state.write_url("hl", ",".join(layers) if set(layers) != set(LAYERS) else None)

focus = parse_focus(st.query_params.get("focus"))
pane = select(analysis, read)
issue_share = pane.issue_hits.groupby("issue").sentence.size() / max(len(pane.sentences), 1)
if "issues" in layers:
    # An issue on most sentences would bury the others: it starts switched off.
    common = [i.id for i in lex.issues if issue_share.get(i.id, 0) <= 0.5]
    from_url = state.url_value("issues")
    if from_url is not None:
        st.session_state["hl_issues"] = [i for i in from_url.split(",") if lex.issue(i)]
    elif not isinstance(st.session_state.get("hl_issues"), list):
        st.session_state["hl_issues"] = common
    shown_issues = st.multiselect("Issues to highlight", [i.id for i in lex.issues], key="hl_issues",
                                  format_func=lambda i: lex.issue(i).label)
    state.write_url("issues", ",".join(shown_issues) if set(shown_issues) != set(common) else None)
else:
    shown_issues = []
aligned = align_passages(pane)
issue_colors = lex.issue_colors()
actor_colors = lex.actor_colors()

legend_entries = []
if shown_issues:
    legend_entries += [("match", lex.issue(i).color, lex.issue(i).label) for i in shown_issues]
if "actors" in layers:
    legend_entries += [("actor", actor_colors[a], a) for a in dict.fromkeys(pane.mentions.actor)]
if "quotes" in layers:
    legend_entries.append(("quote", "", "quotation"))
if "unique" in layers and len(read) > 1:
    legend_entries.append(("unique", "", "only in this article"))
if legend_entries:
    st.markdown(legend(legend_entries), unsafe_allow_html=True)


def spans_for(article_id: str) -> list[Span]:
    spans: list[Span] = []
    if "issues" in layers:
        hits = pane.issue_hits[pane.issue_hits.article_id == article_id]
        for issue, offsets in zip(hits.issue, hits.phrase_offsets):
            if issue not in shown_issues:
                continue
            for o in offsets.split(";"):
                a, b = o.split("-")
                spans.append(Span(int(a), int(b), "match", issue_colors[issue], lex.issue(issue).label))
    if "actors" in layers:
        m = pane.mentions[pane.mentions.article_id == article_id]
        spans += [Span(int(a), int(b), "actor", actor_colors[actor], actor) for a, b, actor in zip(m.start, m.end, m.actor)]
    if "quotes" in layers:
        q = pane.quotes[pane.quotes.article_id == article_id]
        spans += [Span(int(a), int(b), "quote", "", f"{s or 'unattributed'} ({c or 'no cue'})")
                  for a, b, s, c in zip(q.start, q.end, q.speaker, q.cue)]
    if "unique" in layers and len(read) > 1:
        u = aligned[(aligned.article_id == article_id) & (aligned.group == -1)]
        spans += [Span(int(a), int(b), "unique", "", "only in this article") for a, b in zip(u.start, u.end)]
    if focus and focus[0] == article_id:
        spans.append(Span(focus[1], focus[2], "focus", "", "the passage you opened"))
    return spans


if focus and focus[0] in pane.texts:
    text = pane.texts[focus[0]]
    st.info(f"Opened at a passage in **{md(all_labels[focus[0]])}** (outlined below): "
            f"\u201c{md(text[focus[1]:focus[2]][:300])}\u201d", icon=":material/my_location:")

MAX_READER_CHARS = 60_000  # per column: more would be megabytes of HTML for the browser


def reading_window(paragraphs: pd.DataFrame, around: int) -> tuple[int, int]:
    """The characters to draw: all of a normal article, about MAX_READER_CHARS of a very long one,
    centred on the passage in focus."""
    first, last = int(paragraphs.start.min()), int(paragraphs.end.max())
    if last - first <= MAX_READER_CHARS:
        return first, last
    lo = max(first, min(around - MAX_READER_CHARS // 2, last - MAX_READER_CHARS))
    return lo, lo + MAX_READER_CHARS


columns = st.columns(len(read))
for column, article in zip(columns, pane.articles.itertuples()):
    with column:
        st.markdown(f"#### {md(article.title)}")
        st.caption(md(" · ".join(x for x in (article.outlet, article.date, article.dateline, f"{article.words} words")
                                 if x)))
        text = pane.texts[article.article_id]
        spans = spans_for(article.article_id)
        paragraphs = pane.paragraphs[(pane.paragraphs.article_id == article.article_id) & (pane.paragraphs.role != "title")]
        if paragraphs.empty:
            components.empty("This article has no body text.")
            continue
        lo, hi = reading_window(paragraphs, focus[1] if focus and focus[0] == article.article_id else 0)
        if (lo, hi) != (int(paragraphs.start.min()), int(paragraphs.end.max())):
            st.caption(f"A long article: showing characters {lo:,}–{hi:,} of {len(text):,}, around the passage "
                       "in focus. Links from other pages open it at their passage.")
        blocks = []
        for p in paragraphs[(paragraphs.end > lo) & (paragraphs.start < hi)].itertuples():  # headline is the heading
            inner = highlight(text, spans, start=max(int(p.start), lo), end=min(int(p.end), hi))
            blocks.append(f"<h5 style='margin:12px 0 4px'>{inner}</h5>" if p.role != "body"
                          else f"<p style='line-height:1.6'>{inner}</p>")
        st.markdown(f"<div class='px-article'>{''.join(blocks)}</div>", unsafe_allow_html=True)

if len(read) > 1:
    st.subheader("What differs: the same fact, told differently")
    diff = differences(pane)
    if diff.empty:
        components.empty("No counted fact (durations, weapons, casualties, the war's length) is told differently.")
    for family, group in diff.groupby("family", sort=False):
        st.markdown(f"**{md(group.family_label.iloc[0])}**")
        cells = st.columns(len(read))
        by_article = group.set_index("article_id")
        for cell, aid in zip(cells, read):
            with cell:
                if aid not in by_article.index:
                    st.caption(f"{md(all_labels[aid])}: not stated")
                    continue
                row = by_article.loc[aid]
                lo = min(s for s, _ in row.sentence_spans)
                hi = max(e for _, e in row.sentence_spans)
                st.markdown(f"{md(all_labels[aid])}: **{md(row.wording)}**")
                with st.expander("the sentences"):
                    components.evidence(pane, [(aid, s, e, [Span(a, b, "focus") for a, b in row.spans])
                                               for s, e in row.sentence_spans])
    components.table(diff.drop(columns=["spans", "sentence_spans"]), page="reader", name="differences",
                     analysis=pane, key="diff_table")

    st.subheader("Passages the articles share")
    shared = aligned[aligned.group > 0]
    if shared.empty:
        components.empty("No passage in one article closely matches a passage in another.")
    else:
        sentences = pane.sentences.set_index(["article_id", "sentence"]).text
        rows = []
        for group, members in shared.groupby("group"):
            row = {"passage": group}
            for aid in read:
                texts = [sentences[(aid, s)] for s in members[members.article_id == aid].sentence]
                row[all_labels[aid]] = " ".join(texts) if texts else "—"
            rows.append(row)
        st.dataframe(pd.DataFrame(rows), hide_index=True,
                     column_config={all_labels[a]: st.column_config.TextColumn(width="large") for a in read})
        unique = aligned.groupby("article_id").group.apply(lambda g: int((g == -1).sum()))
        st.caption("Sentences only one article has: " + ", ".join(f"{md(all_labels[a])} {unique.get(a, 0)}" for a in read)
                   + ". They are marked with a dotted line in the text above.")

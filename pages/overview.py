"""Overview: the corpus at a glance, and what stands out, each finding with its evidence."""

import streamlit as st

from lib.export import report_html
from lib.findings import findings
from lib.highlight import Span, chip, md
from ui import components, state

analysis, view = components.start_page(
    "How the reports differ", "Parallax compares the chosen articles closely: issues, actors, quotations and tone, "
    "every figure traceable to its sentences.")

actor_colors = analysis.lexicons.actor_colors()
issue_colors = analysis.lexicons.issue_colors()
issue_labels = analysis.lexicons.issue_labels()
mentions = view.mentions.groupby(["article_id", "actor"]).size()
coverage = view.coverage.set_index("article_id")

MAX_CARDS = 12
st.subheader(f"{len(view.articles):,} articles")
for row_start in range(0, min(len(view.articles), MAX_CARDS), 3):
    columns = st.columns(3)
    for column, article in zip(columns, view.articles.iloc[row_start : row_start + 3].itertuples()):
        top_actors = mentions.get(article.article_id, default=None)
        actors = "".join(chip(a, actor_colors.get(a, "#888")) for a in
                         (top_actors.sort_values(ascending=False).head(4).index if top_actors is not None else []))
        issues = coverage.loc[[article.article_id]].sort_values("share_sentences", ascending=False)
        issues = issues[issues.sentences > 0].head(3)
        issue_chips = "".join(chip(f"{issue_labels[i]} {s:.0%}", issue_colors[i])
                              for i, s in zip(issues.issue, issues.share_sentences))
        meta = " · ".join(x for x in (article.outlet, article.date, article.dateline) if x)
        with column.container(border=True):
            st.markdown(f"**{md(article.title)}**")
            st.caption(f"{md(meta) or 'no outlet or date'} · {article.words:,} words · {article.quotes} quotations")
            st.markdown(f"<div>{actors or '<i>no actors named</i>'}</div><div style='margin-top:4px'>"
                        f"{issue_chips or '<i>no issue found</i>'}</div>", unsafe_allow_html=True)
if len(view.articles) > MAX_CARDS:
    st.caption(f"Cards for the first {MAX_CARDS}; all {len(view.articles):,} are in the table below.")
    components.table(view.articles.drop(columns=["source_file"]), page="overview", name="articles",
                     analysis=view, key="articles_table")

st.download_button("Download this view as a report (HTML)", lambda: report_html(view).encode("utf-8"),
                   file_name=components.file_name("overview", "report", view, "html"), mime="text/html",
                   on_click="ignore", icon=":material/description:",
                   help="Overview, findings with their evidence, coverage, actors, tone and quotations for the "
                        "chosen articles, in one HTML file that opens offline with its charts interactive.")

st.subheader("What stands out")
found = state.memo(findings, view)
if not found:
    components.empty("Nothing stands out yet: choose at least two articles to compare them.")
for finding in found:
    with st.expander(f"**{md(finding.headline)}**", expanded=False):
        st.markdown(md(finding.detail))
        if finding.evidence:
            components.evidence(view, [(e.article_id, e.start, e.end, [Span(a, b, "quote") for a, b in e.marks])
                                       for e in finding.evidence])

if not analysis.problems.empty:
    with st.expander(f"{len(analysis.problems)} notes from reading the corpus (skipped files, unbalanced quotation marks)"):
        st.dataframe(analysis.problems, hide_index=True)

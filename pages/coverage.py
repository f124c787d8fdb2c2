"""Issue coverage: which issues each article covers, how prominently, and where."""

import streamlit as st

from lib.charts import coverage_heatmap, position_chart
from lib.highlight import Span, md
from lib.selection import coverage_cell
from lib.views import METRICS, blind_spots, coverage_matrix, first_articles, issue_evidence, issue_positions
from ui import components, state

analysis, view = components.start_page("Issue coverage")

lex = analysis.lexicons
issue_ids = [i.id for i in lex.issues]
issue_labels = lex.issue_labels()
article_ids = list(view.articles.article_id)
labels = dict(zip(view.articles.article_id, view.articles.label))


def _on_cell_click() -> None:
    cell = coverage_cell(st.session_state["heatmap"].selection.points)
    if cell:
        st.session_state["issue"] = cell.issue
        st.session_state["in"] = cell.article_id


state.bind("metric", list(METRICS), "share_sentences")
state.bind("issue", issue_ids, None)
state.bind("in", ["all", *article_ids], "all")

metric = st.segmented_control("Measure", list(METRICS), format_func=lambda m: METRICS[m].label, key="metric",
                              selection_mode="single") or "share_sentences"
state.write_url("metric", metric if metric != "share_sentences" else None)


def heatmap_figure(view, metric):
    drawn = coverage_matrix(first_articles(view, components.ROWS_DRAWN), metric)
    return coverage_heatmap(drawn, metric=metric, issue_colors=lex.issue_colors())


cells = state.memo(coverage_matrix, view, metric)
components.chart(state.memo(heatmap_figure, view, metric), cells, page="coverage", name="heatmap", analysis=view,
                 key="heatmap", on_select=_on_cell_click)
components.rows_note(view)
st.caption("Click a cell to read its sentences. Shares are of each article's body sentences (or words), "
           "on a fixed 0–100 % scale.")

st.subheader("The evidence")
left, right = st.columns([2, 1])
issue = left.selectbox("Issue", issue_ids, format_func=lambda i: issue_labels[i], key="issue",
                       placeholder="Choose an issue, or click a cell above")
article = right.selectbox("In", ["all", *article_ids], key="in",
                          format_func=lambda a: "every chosen article" if a == "all" else labels[a])
state.write_url("issue", issue)
state.write_url("in", article if article != "all" else None)
if issue:
    rows = state.memo(issue_evidence, view, issue, None if article == "all" else article)
    description = lex.issue(issue).description
    if rows.empty:
        where = "the chosen articles" if article == "all" else labels[article]
        components.empty(f"{md(issue_labels[issue])} does not appear in {md(where)}: none of its phrases "
                         f"({md(', '.join(lex.issue(issue).phrases[:6]))}…) is in any sentence.")
    else:
        color = lex.issue(issue).color
        components.evidence(view, [
            (r.article_id, r.start, r.end,
             [Span(int(a), int(b), "match", color) for a, b in (o.split("-") for o in r.phrase_offsets.split(";"))])
            for r in rows.itertuples()], note=f"{description} {len(rows)} sentences; matched phrases highlighted.")
        st.download_button("These sentences (CSV)", lambda: rows.to_csv(index=False).encode("utf-8"),
                           file_name=components.file_name("coverage", f"evidence_{issue}", view, "csv"),
                           mime="text/csv", on_click="ignore", icon=":material/download:")

st.subheader("Where in the article")
positions = issue_positions(first_articles(view, components.ROWS_DRAWN), issue)
if positions.empty:
    components.empty("No issue sentence to place." if not issue else f"{md(issue_labels[issue])} appears nowhere.")
else:
    components.chart(position_chart(positions, issue_colors=lex.issue_colors(),
                                    article_order=list(labels.values())[: components.ROWS_DRAWN]),
                     issue_positions(view, issue).drop(columns=["phrase_offsets"]), page="coverage", name="positions",
                     analysis=view, key="positions")
    components.rows_note(view)
    st.caption("Each tick is a sentence; 0 % is the first sentence of the body. "
               + ("Showing " + md(issue_labels[issue]) + " only." if issue else "Choose an issue above to show one."))

st.subheader("Blind spots")
spots = state.memo(blind_spots, view)
if len(view.articles) < 2:
    components.empty("Choose at least two articles to see what one covers and another leaves out.")
elif spots.empty:
    st.success("Every chosen article touches every issue.")
else:
    components.table(spots.drop(columns=["issue"]).rename(columns={
        "issue_label": "Issue", "covered_by_n": "Articles covering it", "covered_by": "Covered by",
        "left_out_by": "Left out by"}), page="coverage", name="blind_spots", analysis=view, key="blind_spots")

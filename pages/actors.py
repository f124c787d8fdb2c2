"""Actors & quotes: who appears, in what tone, who gets quoted, and how each article renders their words."""

from itertools import islice

import streamlit as st

from lib.charts import mention_matrix, tone_distribution, voice_share_chart
from lib.highlight import Span, md
from lib.selection import actor_cell, passage
from lib.views import (mention_counts, mention_evidence, quote_table, side_colors, speaker_renderings,
                       tone_points, voice_share)
from ui import components, state

analysis, view = components.start_page("Actors & quotes")

lex = analysis.lexicons
actor_colors = lex.actor_colors()
labels = dict(zip(view.articles.article_id, view.articles.label))
order = list(labels.values())
QUOTES_DRAWN = 500
RENDERINGS_DRAWN = 12
chosen = view.articles.article_id


def narrowed(table):
    """A per-article table of the whole analysis (computed once), narrowed to the chosen articles."""
    whole = state.memo(table, analysis)
    return whole if len(chosen) == len(analysis.articles) else whole[whole.article_id.isin(chosen)]


counts = narrowed(mention_counts)
counts = counts[counts.groupby("actor").mentions.transform("sum") > 0]  # actors the chosen articles name
named = list(dict.fromkeys(counts.actor))


def mention_figure(view):
    drawn = counts[counts.article_id.isin(view.articles.article_id[: components.ROWS_DRAWN])]
    return mention_matrix(drawn, actor_colors=actor_colors, article_order=order[: components.ROWS_DRAWN])


def tone_figure(view):
    points = narrowed(tone_points)
    ranked = list(points.groupby("actor").size().sort_values(ascending=False).index)
    return tone_distribution(points, actor_colors=actor_colors, actors=ranked[:14])


def voice_figure(view):
    share = narrowed(voice_share)
    drawn = share[share.article_id.isin(view.articles.article_id[: components.ROWS_DRAWN])]
    return voice_share_chart(drawn, side_colors=side_colors(view), article_order=order[: components.ROWS_DRAWN])


def _on_dot_click() -> None:
    cell = actor_cell(st.session_state["mentions"].selection.points)
    if cell:
        st.session_state["actor"] = cell.actor
        st.session_state["actor_in"] = cell.article_id


state.bind("actor", named, None)
state.bind("actor_in", ["all", *labels], "all")

st.subheader("Who appears")
if counts.empty:
    components.empty("No actor from the lexicon is named in the chosen articles.")
else:
    components.chart(state.memo(mention_figure, view), counts, page="actors", name="mentions", analysis=view,
                     key="mentions", on_select=_on_dot_click)
    components.rows_note(view)
    st.caption("Names, descriptions (\u201cthe Ukrainian leader\u201d) and pronouns that continue a person count. "
               "Click a dot for the sentences.")
    left, right = st.columns([2, 1])
    actor = left.selectbox("Actor", named, key="actor", placeholder="Choose an actor, or click a dot")
    where = right.selectbox("In", ["all", *labels], key="actor_in",
                            format_func=lambda a: "every chosen article" if a == "all" else labels[a])
    state.write_url("actor", actor)
    state.write_url("actor_in", where if where != "all" else None)
    if actor:
        rows = state.memo(mention_evidence, view, actor, None if where == "all" else where)
        if rows.empty:
            components.empty(f"{md(actor)} is not named there.")
        else:
            color = actor_colors.get(actor, "#888")
            sentences = rows.groupby(["article_id", "start_sentence", "end_sentence"], sort=False)
            shown = islice(sentences, 50)
            components.evidence(view, [(aid, s, e, [Span(int(a), int(b), "actor", color, m)
                                                    for a, b, m in zip(g.start, g.end, g.match_kind)])
                                       for (aid, s, e), g in shown],
                                note=f"{len(rows)} mentions of {actor} in {sentences.ngroups} sentences"
                                     + (" (the first 50 below)." if sentences.ngroups > 50 else "."))

st.subheader("Tone: about the actor, and in the actor's own words")
with st.expander("What this tone score measures, and where it misleads", icon=":material/help:"):
    st.markdown(
        "Polarity comes from TextBlob's PatternAnalyzer: the mean polarity (−1 to +1) of the words it knows, "
        "mostly adjectives, with their lexicon scores taken from **product reviews**. It handles *not* and *very*, "
        "but not irony, diplomatic understatement or who a word is aimed at: \u201cfavored follow-up meetings\u201d "
        "scores +0.8, and \u201cdifficult\u201d −0.5 whoever says it.\n\n"
        "Parallax keeps two measures apart. **Text about the actor** scores the sentences that mention it; where a "
        "sentence names several actors, only the clauses about this one count, and quoted words are left out. "
        "**The actor's own words** scores its quotations. Every dot is one scored sentence or quotation: click it to "
        "read it. With a handful of dots, read the sentences, not the mean.")
points = narrowed(tone_points)
if points.empty:
    components.empty("No sentence names an actor, so there is no tone to show.")
else:
    ranked = list(points.groupby("actor").size().sort_values(ascending=False).index)
    components.chart(state.memo(tone_figure, view), points, page="actors", name="tone", analysis=view, key="tone",
                     on_select="rerun")
    picked = passage(st.session_state["tone"].selection.points) if "tone" in st.session_state else None
    if picked:
        hit = points[(points.article_id == picked.article_id) & (points.start == picked.start)].iloc[0]
        st.markdown(f"**{md(hit.actor)}** · {hit.measure} · polarity {hit.polarity:+.2f}, subjectivity "
                    f"{hit.subjectivity:.2f}" + (" · scored on the clauses about this actor" if hit.scoped else ""))
        components.evidence(view, [(picked.article_id, picked.start, picked.end,
                                    [Span(picked.start, picked.end, "focus")])])
    never_quoted = [a for a in ranked[:14] if not ((points.actor == a) & (points.measure == "voice")).any()]
    if never_quoted:
        st.caption("Never quoted in the chosen articles: " + md(", ".join(never_quoted)) + ".")

st.subheader("Quotations")
quotes = narrowed(quote_table)
if quotes.empty:
    components.empty("The chosen articles quote nobody.")
else:
    search, speakers, kinds = st.columns([2, 2, 1])
    state.bind("q", None, "")
    text = search.text_input("Search the quotations", key="q", placeholder="words, speaker, cue or article",
                             help="Finds the words in the quotation, the speaker, the cue (said, told, according to "
                                  "…) or the article's label.")
    chosen = speakers.multiselect("Speakers", sorted(quotes.speaker.unique()))
    kind = kinds.segmented_control("Kind", ["quotation", "fragment"], selection_mode="multi",
                                   default=["quotation", "fragment"])
    state.write_url("q", text or None)
    shown = quotes
    if text:  # the quoted words, the speaker, the cue or the article
        shown = shown[shown[["text", "speaker", "speaker_phrase", "cue", "label"]]
                      .apply(lambda column: column.str.contains(text, case=False, regex=False)).any(axis=1)]
    if chosen:
        shown = shown[shown.speaker.isin(chosen)]
    shown = shown[shown.kind.isin(kind or [])]
    matching_rows = shown
    matching = len(shown)
    shown = shown.head(QUOTES_DRAWN)
    shown = shown.assign(open=[components.reader_href(view, a, s, e) for a, s, e in
                               zip(shown.article_id, shown.start, shown.end)])
    components.table(
        shown[["speaker", "text", "cue", "kind", "label", "polarity", "speaker_phrase", "side", "open"]],
        page="actors", name="quotations", analysis=view, key="quotes_table", csv=matching_rows,
        column_config={
            "speaker": "Speaker", "text": st.column_config.TextColumn("Quotation", width="large"), "cue": "Cue",
            "kind": "Kind", "label": "Article", "side": "Side",
            "polarity": st.column_config.NumberColumn("Polarity", format="%+.2f"),
            "speaker_phrase": "As the text names them",
            "open": st.column_config.LinkColumn("Evidence", display_text="open in reader"),
        })
    st.caption(f"{matching:,} of {len(quotes):,} quotations match"
               + (f"; the first {QUOTES_DRAWN} are listed (search to narrow them; the CSV has all)"
                  if matching > QUOTES_DRAWN else "") + ". A fragment is one to three quoted words.")

    st.subheader("Voice share")
    components.chart(state.memo(voice_figure, view), narrowed(voice_share), page="actors",
                     name="voice_share", analysis=view, key="voice")
    components.rows_note(view)

    st.subheader("The same speaker, as each article renders them")
    pairs = state.memo(speaker_renderings, view)
    if pairs.empty:
        components.empty("No speaker is quoted in more than one chosen article with overlapping words.")
    for pair in pairs.head(RENDERINGS_DRAWN).itertuples():
        st.markdown(f"**{md(pair.speaker)}** · shared words: *{md(pair.shared)}*")
        for column, side in zip(st.columns(2), ("a", "b")):
            with column:
                aid, s, e = getattr(pair, f"article_{side}"), getattr(pair, f"start_{side}"), getattr(pair, f"end_{side}")
                components.evidence(view, [(aid, getattr(pair, f"sentence_start_{side}"),
                                            getattr(pair, f"sentence_end_{side}"), [Span(s, e, "quote")])],
                                    note=f"cue: {getattr(pair, f'cue_{side}')}")
    if len(pairs) > RENDERINGS_DRAWN:
        st.caption(f"The {RENDERINGS_DRAWN} pairs sharing the most words; all {len(pairs)} are in the CSV.")
        st.download_button("All pairs (CSV)", lambda: pairs.to_csv(index=False).encode("utf-8"),
                           file_name=components.file_name("actors", "renderings", view, "csv"), mime="text/csv",
                           on_click="ignore", icon=":material/download:")

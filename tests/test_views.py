"""The tables behind the views, on the bundled corpus."""

from lib.views import (blind_spots, decode_choice, encode_choice, coverage_matrix, issue_evidence, issue_positions, mention_counts, parse_focus,
                       quote_table, reader_link, select, speaker_renderings, voice_share)
from tests.conftest import GENEVA_AFP, GENEVA_BRIEF, GENEVA_EXPLAINER


def test_select_narrows_every_table_and_keeps_the_order(geneva):
    two = select(geneva, [GENEVA_AFP, GENEVA_BRIEF])
    assert list(two.articles.article_id) == [GENEVA_AFP, GENEVA_BRIEF]
    assert set(two.quotes.article_id) <= {GENEVA_AFP, GENEVA_BRIEF}
    assert set(two.texts) == {GENEVA_AFP, GENEVA_BRIEF}
    assert len(two.coverage) == 2 * 11
    assert select(geneva, []).articles.empty


def test_coverage_shares_are_percentages(geneva):
    cells = coverage_matrix(geneva, "share_sentences")
    assert cells.value.between(0, 100).all()
    row = cells[(cells.article_id == GENEVA_BRIEF) & (cells.issue == "territory")].iloc[0]
    assert abs(row.value - 100 * 3 / 17) < 1e-9
    counts = coverage_matrix(geneva, "sentences")
    assert counts[(counts.article_id == GENEVA_BRIEF) & (counts.issue == "territory")].value.iloc[0] == 3


def test_blind_spots_name_who_covers_and_who_leaves_out(geneva):
    spots = blind_spots(geneva).set_index("issue")
    assert spots.loc["sequencing", "covered_by_n"] == 1
    assert "U.S.-led Geneva" in spots.loc["sequencing", "covered_by"]
    assert "territory" not in spots.index  # all three cover it


def test_issue_evidence_and_positions_point_at_sentences(geneva):
    rows = issue_evidence(geneva, "territory", GENEVA_AFP)
    assert len(rows) == 6
    assert all(geneva.texts[r.article_id][r.start : r.end] == r.text for r in rows.itertuples())
    positions = issue_positions(geneva, "territory")
    assert positions.position.between(0, 1).all()
    assert set(positions.issue) == {"territory"}


def test_mention_counts_include_zeros_for_actors_named_somewhere(geneva):
    counts = mention_counts(geneva).set_index(["actor", "article_id"]).mentions
    assert counts[("Rustem Umerov", GENEVA_BRIEF)] == 0
    assert counts[("Rustem Umerov", GENEVA_AFP)] == 1
    assert "Vladimir Putin" not in counts.index.get_level_values(0)  # named nowhere: no row


def test_quotes_voice_share_and_renderings(geneva):
    quotes = quote_table(geneva)
    assert set(quotes.side) >= {"Ukraine", "Russia", "mediator", "other"}  # "delegates" is no lexicon actor
    share = voice_share(geneva)
    sums = share.groupby("article_id").share.sum()
    assert abs(sums[GENEVA_AFP] - 1) < 1e-9 and abs(sums[GENEVA_BRIEF] - 1) < 1e-9
    assert share[share.article_id == GENEVA_EXPLAINER].side.tolist() == ["no quotations"]
    pairs = speaker_renderings(geneva)
    medinsky = pairs[pairs.speaker == "Vladimir Medinsky"].iloc[0]
    assert {medinsky.quote_a, medinsky.quote_b} == {"businesslike", "difficult, but business-like,"}


def test_reader_links_round_trip():
    link = reader_link(["a", "b", "c", "d"], "b", 10, 42)
    assert link == "reader?read=b%2Ca%2Cc&focus=b%3A10-42"
    assert parse_focus("b:10-42") == ("b", 10, 42)
    assert parse_focus("id:with:colons:3-9") == ("id:with:colons", 3, 9)
    for bad in (None, "", "b", "b:x-1", "b:9-3"):
        assert parse_focus(bad) is None


def test_article_choice_in_the_url_stays_short():
    ids = [f"a{i}" for i in range(10)]
    assert encode_choice(ids, ids) is None
    assert encode_choice(["a1", "a3"], ids) == "a1,a3"
    assert encode_choice(ids[:-1], ids) == "-a9"
    assert decode_choice("-a9", ids) == ids[:-1]
    assert decode_choice("a3,a1,zz,a3", ids) == ["a3", "a1"]
    for chosen in (["a2"], ids[1:], ["a5", "a0"]):
        assert decode_choice(encode_choice(chosen, ids), ids) == chosen


def test_positions_of_an_article_with_no_issue_sentence(lexicons):
    from tests.conftest import analyze_snippet

    positions = issue_positions(analyze_snippet("Nothing here names an issue at all.", lexicons))
    assert positions.empty and "position" in positions.columns

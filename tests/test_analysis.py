"""The tables built from the bundled corpus: every figure traceable to its words."""

from lib.analysis import TABLE_COLUMNS, AnalysisCache, analyze_corpus
from lib.corpus import Article, Corpus
from tests.conftest import GENEVA_AFP, GENEVA_BRIEF, GENEVA_EXPLAINER


def test_every_table_has_its_columns(geneva):
    for name, columns in TABLE_COLUMNS.items():
        assert list(geneva.table(name).columns) == columns, name


def test_articles_metadata_is_inferred_from_the_text(geneva):
    rows = geneva.articles.set_index("article_id")
    assert rows.loc[GENEVA_EXPLAINER, "title"] == (
        "U.S.-led Geneva talks end without breakthrough as Russia and Ukraine remain far apart")
    assert rows.loc[GENEVA_EXPLAINER, "title_source"] == "headline"
    assert set(rows["date"]) == {"2026-02-18"}
    assert rows.loc[GENEVA_BRIEF, "dateline"] == "Geneva"
    assert rows.loc[GENEVA_EXPLAINER, "dateline"] == "Geneva"
    assert rows.loc[GENEVA_AFP, "quotes"] == 9
    assert rows["label"].is_unique


def test_subheadings_and_metadata_lines_are_not_body_sentences(geneva):
    s = geneva.sentences
    headings = set(s[s.heading].text)
    assert {"Breakthrough hopes low", "What the teams actually worked on"} <= headings
    assert not s.text.str.contains("date 2026-02-18").any()
    assert (s[~s.heading].body_index >= 0).all()


def test_offsets_of_every_text_item_point_into_the_article(geneva):
    for r in geneva.sentences.itertuples():
        assert geneva.texts[r.article_id][r.start : r.end] == r.text
    paragraphs = geneva.paragraphs.set_index(["article_id", "paragraph"])
    for r in geneva.sentences.itertuples():
        p = paragraphs.loc[(r.article_id, r.paragraph)]
        assert p.start <= r.start < r.end <= p.end
    for r in geneva.mentions.itertuples():
        assert geneva.texts[r.article_id][r.start : r.end] == r.matched
    for r in geneva.issue_hits.itertuples():
        text = geneva.texts[r.article_id]
        for span in r.phrase_offsets.split(";"):
            a, b = map(int, span.split("-"))
            assert r.start <= a < b <= r.end
            assert text[a:b].lower() in r.phrases


def test_explainer_names_no_person(geneva, lexicons):
    people = {a.name for a in lexicons.actors if a.kind == "person"}
    explainer = geneva.mentions[geneva.mentions.article_id == GENEVA_EXPLAINER]
    assert not set(explainer.actor) & people
    assert {"Russia", "Ukraine", "United States"} <= set(explainer.actor)


def test_pronoun_continues_zelenskyy(geneva):
    m = geneva.mentions
    he = m[(m.article_id == GENEVA_BRIEF) & (m.matched == "He")]
    assert list(he.actor) == ["Volodymyr Zelenskyy"]
    assert list(he.match_kind) == ["pronoun"]


def test_descriptions_map_to_people(geneva):
    m = geneva.mentions
    found = set(zip(m.matched, m.actor))
    assert ("Moscow’s chief negotiator, Vladimir Medinsky", "Vladimir Medinsky") in found
    assert ("The Ukrainian leader", "Volodymyr Zelenskyy") in found
    assert ("Ukrainian national security secretary, Rustem Umerov", "Rustem Umerov") in found
    assert ("Kremlin", "Russia") in found


def test_issue_hits_and_coverage_of_territory(geneva):
    hits = geneva.issue_hits
    territory = hits[(hits.issue == "territory") & (hits.article_id == GENEVA_BRIEF)]
    assert "territorial control" in territory.phrases.iloc[0]
    cov = geneva.coverage.set_index(["article_id", "issue"])
    row = cov.loc[(GENEVA_BRIEF, "territory")]
    assert row.sentences == len(territory)
    assert abs(row.share_sentences - row.sentences / 17) < 1e-9
    assert 0 <= row.first_position < 1
    # Every article × issue is a row, so what an article leaves out is visible.
    assert len(geneva.coverage) == 3 * 11
    assert cov.loc[(GENEVA_AFP, "nato_alliances")].sentences == 0
    assert cov.loc[(GENEVA_EXPLAINER, "talks_process")].in_title


def test_tone_keeps_coverage_and_voice_apart_with_their_evidence(geneva):
    tone = geneva.tone.set_index(["article_id", "actor"])
    medinsky = tone.loc[(GENEVA_AFP, "Vladimir Medinsky")]
    assert medinsky.voice_n == 1 and medinsky.coverage_n >= 1
    evidence = geneva.tone_evidence
    voice = evidence[(evidence.article_id == GENEVA_AFP) & (evidence.actor == "Vladimir Medinsky")
                     & (evidence.measure == "voice")]
    assert list(voice.text) == ["difficult, but business-like,"]
    assert abs(medinsky.voice_polarity - voice.polarity.mean()) < 1e-12
    # The quoted words never count towards the tone of the text about the speaker.
    about = evidence[(evidence.actor == "Vladimir Medinsky") & (evidence.measure == "coverage")]
    assert not about.text.str.contains("business-like").any()
    explainer = tone.loc[GENEVA_EXPLAINER]
    assert (explainer.voice_n == 0).all()


def test_clause_scoping_separates_two_actors_in_one_sentence(lexicons):
    text = "Russia launched a brutal assault, while Ukraine showed great courage."
    corpus = Corpus([Article("x", text, "x.txt")])
    evidence = analyze_corpus(corpus, lexicons).tone_evidence.set_index("actor")
    assert evidence.loc["Russia", "polarity"] < 0 < evidence.loc["Ukraine", "polarity"]
    assert "Ukraine" not in evidence.loc["Russia", "text"]
    assert evidence.loc["Russia", "scoped"]


def test_adding_one_article_analyses_only_that_one(geneva, lexicons):
    from lib.corpus import load_corpus

    cache = AnalysisCache()
    corpus = load_corpus()
    analyze_corpus(corpus, lexicons, cache=cache)
    assert (cache.misses, cache.hits) == (3, 0)
    corpus.articles.append(Article("new", "Zelenskyy said talks would go on.", "new.txt"))
    again = analyze_corpus(corpus, lexicons, cache=cache)
    assert (cache.misses, cache.hits) == (4, 3)
    assert len(again.articles) == 4
    assert again.articles.iloc[:3].equals(geneva.articles)


def test_sentence_tone_is_exactly_textblobs(geneva):
    from textblob import TextBlob

    for r in geneva.sentences.itertuples():
        blob = TextBlob(r.text).sentiment
        assert (r.polarity, r.subjectivity) == (blob.polarity, blob.subjectivity), r.text


def test_quotation_tone_matches_textblob_on_the_quoted_words(geneva):
    from textblob import TextBlob

    for r in geneva.quotes.itertuples():
        blob = TextBlob(r.text).sentiment
        assert abs(r.polarity - blob.polarity) < 1e-9, r.text


def test_offsets_survive_text_whose_lower_case_is_longer(lexicons):
    from tests.conftest import analyze_snippet

    result = analyze_snippet("İstanbul hosted talks. Zelenskyy said the talks were “difficult.”", lexicons)
    assert list(result.mentions.matched) == ["Zelenskyy"]
    assert list(result.quotes.text) == ["difficult."]

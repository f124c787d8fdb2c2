"""Quotation finding and attribution, on the bundled corpus and on small fixtures."""

import pytest

from lib.quotes import quote_kind
from tests.conftest import GENEVA_AFP, GENEVA_BRIEF, GENEVA_EXPLAINER, analyze_snippet


def _quotes(lexicons, text):
    quotes = analyze_snippet(text, lexicons).quotes
    return list(zip(quotes.text, quotes.speaker, quotes.speaker_phrase, quotes.cue))


def test_every_quotation_in_the_bundled_corpus_has_its_speaker_and_cue(geneva):
    got = {(r.article_id, r.text, r.speaker, r.speaker_phrase, r.cue, r.kind) for r in geneva.quotes.itertuples()}
    assert got == {
        (GENEVA_BRIEF, "practical issues", "delegates", "delegates", "according to", "fragment"),
        (GENEVA_BRIEF, "difficult,", "Volodymyr Zelenskyy", "Ukrainian President Volodymyr Zelenskyy",
         "characterized … as", "fragment"),
        (GENEVA_BRIEF, "businesslike", "Vladimir Medinsky", "Moscow’s chief negotiator, Vladimir Medinsky",
         "described … as", "fragment"),
        (GENEVA_AFP, "difficult, but business-like,", "Vladimir Medinsky",
         "the head of Russia's delegation, Vladimir Medinsky", "told", "fragment"),
        (GENEVA_AFP, "drag out", "Volodymyr Zelenskyy", "Ukrainian President Volodymyr Zelenskyy", "accused … of",
         "fragment"),
        (GENEVA_AFP, "difficult.", "Volodymyr Zelenskyy", "Ukrainian President Volodymyr Zelenskyy", "said", "fragment"),
        (GENEVA_AFP, "better come to the table, fast.", "Donald Trump", "Trump", "saying", "quotation"),
        (GENEVA_AFP, "not fair", "Volodymyr Zelenskyy", "Zelenskyy", "told", "fragment"),
        (GENEVA_AFP, "victory", "Volodymyr Zelenskyy", "Zelenskyy", "adding", "fragment"),
        (GENEVA_AFP, "I hope it is just his tactics and not the decision,", "Volodymyr Zelenskyy", "Zelenskyy", "said",
         "quotation"),
        (GENEVA_AFP, "quickly", "Volodymyr Zelenskyy", "The Ukrainian leader", "said", "fragment"),
        (GENEVA_AFP, "reward", "Ukraine", "Ukraine", "says", "fragment"),
    }
    assert GENEVA_EXPLAINER not in set(geneva.quotes.article_id)


def test_quote_offsets_point_at_the_quoted_words(geneva):
    for q in geneva.quotes.itertuples():
        text = geneva.texts[q.article_id]
        assert text[q.start : q.end] == q.text
        assert text[q.start - 1] in "\"“" and text[q.end] in "\"”"
        assert text[q.speaker_start : q.speaker_end] == q.speaker_phrase


def test_said_after_the_name_and_before_it(lexicons):
    text = '"We will meet again," said Medinsky. "Not now," Umerov said.'
    assert _quotes(lexicons, text) == [
        ("We will meet again,", "Vladimir Medinsky", "Medinsky", "said"),
        ("Not now,", "Rustem Umerov", "Umerov", "said"),
    ]


def test_told_names_the_speaker_not_the_listener(lexicons):
    text = '"It was useful," Zelenskyy told Umerov on Tuesday.'
    assert _quotes(lexicons, text)[0][1] == "Volodymyr Zelenskyy"


def test_pronoun_speaker_continues_the_last_person(lexicons):
    text = 'Medinsky arrived late. "We are ready," he said.'
    assert _quotes(lexicons, text) == [("We are ready,", "Vladimir Medinsky", "he", "said")]


def test_floating_quotation_inherits_the_previous_speaker(lexicons):
    text = 'Zelenskyy said the talks were "hard but necessary." "We will not give up our land."'
    quotes = _quotes(lexicons, text)
    assert quotes[1] == ("We will not give up our land.", "Volodymyr Zelenskyy", "Zelenskyy", "continued")


def test_quotation_running_over_two_paragraphs_is_one_quotation(lexicons):
    text = "Umerov said: “The first point is territory.\n\n“The second is security guarantees,” he added.\n"
    result = analyze_snippet(text, lexicons)
    assert len(result.quotes) == 1
    quote = result.quotes.iloc[0]
    assert quote.text.startswith("The first point is territory.")
    assert quote.text.endswith("The second is security guarantees,")
    assert quote.speaker == "Rustem Umerov"
    assert result.problems.empty


def test_unbalanced_marks_are_reported_and_crash_nothing(lexicons):
    text = 'Zelenskyy said it was "difficult. Medinsky said it was “fine”.\n\nAnother ” stray mark.'
    result = analyze_snippet(text, lexicons)
    assert list(result.quotes.text) == ["fine"]
    messages = list(result.problems.message)
    assert set(result.problems.source) == {"snippet"}
    assert any("never closed" in m for m in messages)
    assert any("no opening mark" in m for m in messages)


def test_unattributed_quotation_keeps_an_empty_speaker(lexicons):
    assert _quotes(lexicons, 'The word "peace" appears often.') == [("peace", "", "", "")]


@pytest.mark.parametrize(("text", "kind"), [("victory", "fragment"), ("drag out", "fragment"),
                                            ("difficult, but business-like,", "fragment"),
                                            ("better come to the table, fast.", "quotation")])
def test_fragments_are_one_to_three_words(text, kind):
    assert quote_kind(text) == kind

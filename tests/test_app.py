"""Every page through AppTest, from dashboard.py: it runs, shows what it should, and answers interaction."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import GENEVA_AFP, GENEVA_BRIEF, GENEVA_EXPLAINER, ROOT

PAGES = ["pages/overview.py", "pages/coverage.py", "pages/actors.py", "pages/reader.py"]


def app(page: str | None = None, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    if page:
        at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def param(at: AppTest, key: str) -> str:
    """A query parameter as the URL holds it (AppTest gives a list or a string)."""
    value = at.query_params[key]
    return value if isinstance(value, str) else value[-1]


def unescape(markdown: str) -> str:
    """Markdown as it reads, without the backslashes that keep article text inert."""
    return re.sub(r"\\(.)", r"\1", markdown)


def html(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_with_the_sidebar_choice(page):
    at = app(page)
    assert at.sidebar.multiselect(key="articles").value == [GENEVA_BRIEF, GENEVA_EXPLAINER, GENEVA_AFP]
    assert at.title[0].value


@pytest.mark.parametrize("page", PAGES)
def test_every_page_says_plainly_when_no_article_is_chosen(page):
    at = app(page)
    at.sidebar.multiselect(key="articles").set_value([]).run()
    assert not at.exception
    assert any("No article is chosen" in i.value for i in at.info)


def test_overview_cards_and_findings_with_evidence():
    at = app()
    text = unescape("\n".join(m.value for m in at.markdown))
    assert "**U.S.-led Geneva talks end without breakthrough as Russia and Ukraine remain far apart**" in text
    headlines = [unescape(e.label) for e in at.expander]
    assert "**Volodymyr Zelenskyy is quoted 7 times in 2 articles**" in headlines
    assert "**U.S.-led Geneva talks end without… quotes nobody**" in headlines
    # The evidence of the quotation finding marks the quoted words inside their sentence.
    assert "difficult, but business-like," in html(at)
    assert "open in reader" in html(at)


def test_choosing_articles_changes_every_page_and_the_url():
    at = app()
    at.sidebar.multiselect(key="articles").set_value([GENEVA_AFP, GENEVA_EXPLAINER]).run()
    assert param(at, "articles") == f"{GENEVA_AFP},{GENEVA_EXPLAINER}"
    assert not any("Ukraine and Russia are set to" in m.value for m in at.markdown if m.value.startswith("**"))
    at.switch_page("pages/coverage.py").run()
    assert at.sidebar.multiselect(key="articles").value == [GENEVA_AFP, GENEVA_EXPLAINER]
    blind = at.dataframe[0].value
    assert set(blind.columns) == {"Issue", "Articles covering it", "Covered by", "Left out by"}


def test_coverage_issue_choice_shows_highlighted_evidence():
    at = app("pages/coverage.py")
    assert "Choose an issue" in at.selectbox(key="issue").placeholder
    at.selectbox(key="issue").set_value("territory").run()
    text = html(at)
    assert "14 sentences" in text
    assert 'class="px-match"' in text and ">territorial control</span>" in text
    assert param(at, "issue") == "territory"
    at.selectbox(key="in").set_value(GENEVA_EXPLAINER).run()
    assert "5 sentences" in html(at)


def test_coverage_deep_link_and_metric_switch():
    at = app("pages/coverage.py", issue="nato_alliances", metric="sentences", **{"in": GENEVA_AFP})
    assert at.get("button_group")[0].value == "sentences"
    assert any("NATO & alliances does not appear in Ukrainian and Russian" in unescape(i.value) for i in at.info)


def test_actors_page_evidence_tone_note_and_quote_search():
    at = app("pages/actors.py", actor="Vladimir Medinsky")
    text = html(at)
    assert "mentions of Vladimir Medinsky" in text
    assert "Moscow’s chief negotiator, Vladimir Medinsky" in text
    assert any("product reviews" in m.value for m in at.markdown)
    quotes = at.dataframe[0].value
    assert len(quotes) == 12
    at.text_input(key="q").set_value("difficult").run()
    assert set(at.dataframe[0].value.text) == {"difficult,", "difficult, but business-like,", "difficult."}
    assert param(at, "q") == "difficult"
    at.text_input(key="q").set_value("according to").run()
    assert list(at.dataframe[0].value.text) == ["practical issues"]
    # The same speaker's words as two articles render them, side by side.
    assert "shared words: *businesslike*" in unescape("\n".join(m.value for m in at.markdown))


def test_actors_page_with_an_article_that_quotes_nobody():
    at = app("pages/actors.py", articles=GENEVA_EXPLAINER)
    assert any("quote nobody" in i.value for i in at.info)
    assert "Never quoted" in "\n".join(c.value for c in at.caption)


def test_reader_side_by_side_with_highlights_and_differences():
    at = app("pages/reader.py")
    text = html(at)
    assert 'class="px-quote"' in text and 'class="px-actor"' in text and 'class="px-unique"' in text
    assert "barely 90 minutes" in text and "just two hours" in text
    at.get("button_group")[0].set_value(["issues"]).run()
    text = html(at)
    assert 'class="px-quote"' not in text and 'class="px-match"' in text
    assert param(at, "hl") == "issues"


def test_reader_deep_link_opens_at_the_passage():
    at = app("pages/reader.py", read=f"{GENEVA_AFP},{GENEVA_BRIEF}", focus=f"{GENEVA_AFP}:0-40")
    assert at.multiselect(key="read").value == [GENEVA_AFP, GENEVA_BRIEF]
    assert any("Opened at a passage" in i.value for i in at.info)
    assert 'class="px-focus"' in html(at)


def test_reader_ignores_a_malformed_link():
    at = app("pages/reader.py", read="nope,also-nope", focus="garbage", hl="<script>")
    assert at.multiselect(key="read").value == [GENEVA_BRIEF, GENEVA_EXPLAINER, GENEVA_AFP]
    assert not any("Opened at a passage" in i.value for i in at.info)

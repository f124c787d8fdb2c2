"""A hostile corpus, against the command line and against the app: clear messages, the rest loads,
nothing crashes, no file is changed."""

import subprocess
import sys

import pandas as pd
from streamlit.testing.v1 import AppTest

from tests import hostile_corpus
from tests.conftest import ROOT


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lib", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_command_line_names_every_bad_file_and_analyses_the_rest(tmp_path):
    corpus = hostile_corpus.build(tmp_path / "corpus")
    before = hostile_corpus.snapshot(corpus)
    done = _cli("analyze", str(corpus), "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    for name, reason in hostile_corpus.EXPECTED_PROBLEMS.items():
        line = next((l for l in done.stderr.splitlines() if l.startswith(f"warning: {name}: ")), "")
        assert reason in line, (name, done.stderr)
    assert "names article 'no-such-article', which is not in the corpus" in done.stderr
    assert "quotation mark at offset" in done.stderr  # the unbalanced marks, reported
    articles = pd.read_csv(tmp_path / "out" / "articles.csv", keep_default_na=False)
    assert set(articles.article_id) == hostile_corpus.EXPECTED_ARTICLES
    row = articles.set_index("article_id").loc["hostile-title"]
    assert row.title == hostile_corpus.SCRIPT  # stored as text, exactly
    assert articles.set_index("article_id").loc["windows-1252", "words"] > 5
    assert hostile_corpus.snapshot(corpus) == before


def test_html_payloads_never_reach_the_article_text_as_markup(tmp_path):
    corpus = hostile_corpus.build(tmp_path / "corpus")
    done = _cli("analyze", str(corpus), "--out", str(tmp_path / "out"))
    sentences = pd.read_csv(tmp_path / "out" / "sentences.csv", keep_default_na=False)
    payload = " ".join(sentences[sentences.article_id == "payloads"].text)
    assert "alert('head')" not in payload and "alert(2)" not in payload  # scripts dropped
    assert "<script>alert(1)</script>" in payload  # escaped text in the page stays text
    assert done.returncode == 0


def test_malformed_lexicon_and_bad_regular_expression_are_one_line_errors(tmp_path):
    bad_yaml = tmp_path / "actors.yaml"
    bad_yaml.write_text("actors:\n  - name: [broken\n")
    done = _cli("analyze", "--out", str(tmp_path / "o"), "--actors", str(bad_yaml))
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert "actors.yaml: not valid YAML" in done.stderr
    bad_regex = tmp_path / "issues.yaml"
    bad_regex.write_text("issues:\n  - id: x\n    color: '#123456'\n    phrases: ['re:[unclosed']\n")
    done = _cli("analyze", "--out", str(tmp_path / "o"), "--issues", str(bad_regex))
    assert done.returncode == 2 and "is not a valid regular expression" in done.stderr


def _app(monkeypatch, corpus=None, actors=None, issues=None, page=None) -> AppTest:
    for variable, value in (("PARALLAX_CORPUS", corpus), ("PARALLAX_ACTORS", actors), ("PARALLAX_ISSUES", issues)):
        if value:
            monkeypatch.setenv(variable, str(value))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=240)
    if page:
        at.switch_page(page)
    return at.run()


def test_app_loads_the_hostile_corpus_and_lists_what_it_skipped(tmp_path, monkeypatch):
    corpus = hostile_corpus.build(tmp_path / "corpus")
    before = hostile_corpus.snapshot(corpus)
    at = _app(monkeypatch, corpus)
    assert not at.exception, [e.value for e in at.exception]
    problems = at.dataframe[-1].value
    for name in hostile_corpus.EXPECTED_PROBLEMS:
        assert name in set(problems.source), name
    assert set(at.sidebar.multiselect(key="articles").value) == hostile_corpus.EXPECTED_ARTICLES
    for page in ("pages/coverage.py", "pages/actors.py", "pages/reader.py"):
        at.switch_page(page).run()
        assert not at.exception, (page, [e.value for e in at.exception])
    assert hostile_corpus.snapshot(corpus) == before


def test_app_with_hostile_lexicons_runs_every_page(tmp_path, monkeypatch):
    corpus = hostile_corpus.build(tmp_path / "corpus")
    actors, issues = hostile_corpus.hostile_lexicons(tmp_path)
    at = _app(monkeypatch, corpus, actors, issues)
    for page in ("pages/overview.py", "pages/coverage.py", "pages/actors.py", "pages/reader.py"):
        at.switch_page(page).run()
        assert not at.exception, (page, [e.value for e in at.exception])
        for block in at.markdown:
            if "unsafe" not in str(block.proto.allow_html) and block.proto.allow_html:
                assert "<script>" not in block.value and "<img src=x" not in block.value


def test_app_says_plainly_when_a_lexicon_is_broken(tmp_path, monkeypatch):
    bad = tmp_path / "issues.yaml"
    bad.write_text("issues:\n  - id: x\n    color: '#123456'\n    phrases: ['re:(']\n")
    at = _app(monkeypatch, issues=bad)
    assert not at.exception
    assert any("is not a valid regular expression" in e.value for e in at.error)
    bad.write_text("issues: [unclosed\n")
    at = _app(monkeypatch, issues=bad)
    assert any("not valid YAML" in e.value for e in at.error)


def test_app_says_plainly_when_the_corpus_folder_is_missing(tmp_path, monkeypatch):
    at = _app(monkeypatch, tmp_path / "nowhere")
    assert not at.exception
    assert any("no such file or folder" in e.value for e in at.error)

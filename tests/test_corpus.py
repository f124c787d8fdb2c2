"""Reading articles in every format, metadata, and files that cannot be read."""

import json

import pytest

from lib.corpus import CorpusError, load_corpus, read_articles


def test_bundled_corpus_is_kept_byte_for_byte():
    from tests.conftest import ROOT

    corpus = load_corpus()
    assert [a.article_id for a in corpus.articles] == [
        "000_3e95c8d81244a9bd", "001_aaaf2ef0fc62bc93", "002_9954074d4e36f3b7"]
    for article in corpus.articles:
        assert article.text.encode("utf-8") == (ROOT / "data" / "corpus" / article.source_file).read_bytes()
    assert corpus.problems == []


def test_html_keeps_the_article_body_and_drops_scripts_and_navigation():
    html = b"""<html><head><title>Talks end | Daily</title>
    <meta property="og:site_name" content="The Daily"><meta property="article:published_time" content="2026-02-18T10:00Z">
    <link rel="canonical" href="https://example.org/talks"><script>var x = "evil";</script></head>
    <body><nav>Home | World</nav><article><h1>Talks end</h1><p>Russia and Ukraine met in Geneva.</p>
    <p>They will meet again &amp; soon.</p><aside>Read more</aside></article><footer>(c)</footer></body></html>"""
    [article] = read_articles("talks.html", html)
    assert article.text == "Talks end\n\nRussia and Ukraine met in Geneva.\n\nThey will meet again & soon."
    assert (article.title, article.outlet, article.date, article.url) == (
        "Talks end | Daily", "The Daily", "2026-02-18", "https://example.org/talks")


def test_csv_and_jsonl_give_one_article_per_row():
    csv_bytes = b"id,title,outlet,text\na1,First,Outlet A,Russia said no.\n,Second,Outlet B,Ukraine said yes.\n"
    articles = read_articles("batch.csv", csv_bytes)
    assert [(a.article_id, a.title, a.outlet) for a in articles] == [("a1", "First", "Outlet A"),
                                                                      ("batch-2", "Second", "Outlet B")]
    jsonl = "\n".join(json.dumps(r) for r in [{"text": "One.", "date": "2026-02-18"}, {"body": "Two."}]).encode()
    assert [(a.article_id, a.text, a.date) for a in read_articles("feed.jsonl", jsonl)] == [
        ("feed-1", "One.", "2026-02-18"), ("feed-2", "Two.", "")]


def test_windows_1252_and_bom_crlf_text_decode():
    [a] = read_articles("w.txt", "Kyiv’s “red lines” — café".encode("cp1252"))
    assert a.text == "Kyiv’s “red lines” — café"
    [b] = read_articles("b.txt", "\ufeffLine one.\r\nLine two.\r\n".encode("utf-8"))
    assert b.text == "Line one.\r\nLine two.\r\n"


def test_unreadable_files_are_skipped_with_their_reason(tmp_path):
    (tmp_path / "good.txt").write_text("Russia and Ukraine met in Geneva.")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("   \n\t\n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "copy.txt").write_text("Russia and Ukraine met in Geneva.")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    corpus = load_corpus(tmp_path)
    assert [a.article_id for a in corpus.articles] == ["copy"]
    problems = {p.source: p.message for p in corpus.problems}
    assert problems["empty.txt"] == "skipped: the file is empty"
    assert problems["blank.txt"] == "skipped: the file is empty"
    assert problems["binary.txt"] == "skipped: the file is binary, not text"
    assert problems["good.txt"] == "skipped 'good': same text as 'copy'"
    assert "not an article format" in problems["notes.docx"]
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # nothing changed or deleted


def test_metadata_csv_beside_the_articles_overrides_fields(tmp_path):
    (tmp_path / "a.txt").write_text("GENEVA: Talks ended on February 18, 2026.")
    (tmp_path / "articles.csv").write_text("article_id,title,outlet,date\na,Talks end,Wire,2026-02-19\nzzz,X,Y,\n")
    corpus = load_corpus(tmp_path)
    [a] = corpus.articles
    assert (a.title, a.outlet, a.date) == ("Talks end", "Wire", "2026-02-19")
    assert [str(p) for p in corpus.problems] == [
        "articles.csv: row 3 names article 'zzz', which is not in the corpus"]


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="no such file or folder"):
        load_corpus(tmp_path / "nope")

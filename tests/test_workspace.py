"""Bring your own articles: uploads, metadata edits, hidden articles, and the workspace file."""

import io
import zipfile

import pytest
from streamlit.testing.v1 import AppTest

from lib.analysis import analyze_corpus
from lib.corpus import load_corpus
from lib.lexicon import DEFAULT_ACTORS, DEFAULT_ISSUES
from lib.workspace import Workspace, WorkspaceError
from tests.conftest import GENEVA_AFP, ROOT

UPLOAD = "GENEVA: Umerov said the talks were “hard but useful.” Russia wants territory.".encode()


def _workspace() -> Workspace:
    return Workspace.start(load_corpus(), DEFAULT_ACTORS.read_text(), DEFAULT_ISSUES.read_text())


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, raw in files.items():
            z.writestr(name, raw)
    return buffer.getvalue()


def test_uploads_report_each_file_and_never_take_a_path(tmp_path):
    ws = _workspace()
    statuses = ws.add_files([
        ("mine.txt", UPLOAD),
        ("batch.zip", _zip({"../../etc/evil.txt": b"Zelenskyy met Medinsky.", "notes.docx": b"PK",
                            "inner/empty.md": b""})),
        ("broken.zip", b"not a zip"),
        ("again.txt", UPLOAD),
    ])
    assert [(s.file, s.articles, s.status) for s in statuses] == [
        ("mine.txt", 1, "analysed"),
        ("evil.txt", 1, "analysed"),
        ("empty.md", 0, "skipped: the file is empty"),
        ("broken.zip", 0, "skipped: not a readable zip file"),
        ("again.txt", 0, "skipped: every article in it is already in the workspace"),
    ]
    assert [a.article_id for a in ws.articles][-2:] == ["mine", "evil"]
    assert list(tmp_path.iterdir()) == []  # nothing written anywhere


def test_metadata_edits_and_hidden_articles_change_the_analysis():
    ws = _workspace()
    ws.set_metadata(GENEVA_AFP, outlet="Wire Agency", title="Talks end early")
    ws.hidden.add("001_aaaf2ef0fc62bc93")
    analysis = analyze_corpus(ws.corpus(), ws.lexicons())
    rows = analysis.articles.set_index("article_id")
    assert rows.loc[GENEVA_AFP, "label"] == "Wire Agency"
    assert rows.loc[GENEVA_AFP, "title"] == "Talks end early"
    assert "001_aaaf2ef0fc62bc93" not in rows.index
    with pytest.raises(ValueError, match="not metadata fields: text"):
        ws.set_metadata(GENEVA_AFP, text="x")


def test_the_workspace_file_gives_back_exactly_the_same_analysis():
    ws = _workspace()
    ws.add_files([("mine.txt", UPLOAD)])
    ws.set_metadata("mine", outlet="My Desk", date="2026-02-19")
    ws.hidden.add(GENEVA_AFP)
    ws.issues_yaml = ws.issues_yaml.replace("      - truce\n", "      - truce\n      - armistice\n")
    before = analyze_corpus(ws.corpus(), ws.lexicons())
    again = Workspace.from_zip(ws.to_zip())
    after = analyze_corpus(again.corpus(), again.lexicons())
    assert again.fingerprint() == ws.fingerprint()
    for table in before.TABLES:
        assert before.table(table).equals(after.table(table)), table
    assert after.texts == before.texts


def test_damaged_or_foreign_workspace_files_say_why():
    with pytest.raises(WorkspaceError, match="damaged"):
        Workspace.from_zip(b"nonsense")
    with pytest.raises(WorkspaceError, match="not a Parallax workspace: actors.yaml, articles.jsonl"):
        Workspace.from_zip(_zip({"manifest.json": b"{}", "issues.yaml": b""}))
    foreign = _zip({"manifest.json": b'{"format": "parallax-workspace/9"}', "articles.jsonl": b"",
                    "actors.yaml": b"actors: []", "issues.yaml": b"issues: []"})
    with pytest.raises(WorkspaceError, match="unknown workspace format 'parallax-workspace/9'"):
        Workspace.from_zip(foreign)
    bad_lexicon = _zip({"manifest.json": b'{"format": "parallax-workspace/1"}', "articles.jsonl": b"",
                        "actors.yaml": b"actors: [{name: A, kind: alien}]", "issues.yaml": b"issues: []"})
    with pytest.raises(WorkspaceError, match="lexicons are not valid: actors: actor 1 \\('A'\\): 'kind'"):
        Workspace.from_zip(bad_lexicon)


def test_corpus_page_upload_appears_on_every_page():
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90).run()
    at.switch_page("pages/corpus.py").run()
    assert not at.exception
    at.get("file_uploader")[0].upload("mine.txt", UPLOAD, "text/plain").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("1 articles added from 1 files" in s.value for s in at.success)
    assert "mine" in at.sidebar.multiselect(key="articles").value
    at.switch_page("pages/overview.py").run()
    assert "5 articles" not in [s.value for s in at.subheader] and "4 articles" in [s.value for s in at.subheader]
    at.switch_page("pages/actors.py").run()
    assert "hard but useful." in set(at.dataframe[0].value.text)


def test_lexicon_edits_are_validated_and_change_the_analysis():
    ws = _workspace()
    actors, issues = ws.lexicon_tables()
    actors.append({"name": "Axios", "kind": "organisation", "side": "other", "gender": "", "color": "",
                   "aliases": "Axios", "descriptions": ""})
    ws.set_lexicons(actors, issues)
    analysis = analyze_corpus(ws.corpus(), ws.lexicons())
    assert "Axios" in set(analysis.mentions.actor)
    before = (ws.actors_yaml, ws.issues_yaml)
    issues[0]["color"] = "red"
    with pytest.raises(Exception, match=r"issue 1 \('territory'\): 'color' must look like #1f77b4"):
        ws.set_lexicons(actors, issues)
    assert (ws.actors_yaml, ws.issues_yaml) == before  # nothing half-applied


def test_save_writes_atomically_keeps_backups_and_deletes_nothing(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "old.txt").write_text("Russia and Ukraine met.")
    actors, issues = tmp_path / "actors.yaml", tmp_path / "issues.yaml"
    actors.write_text(DEFAULT_ACTORS.read_text())
    issues.write_text(DEFAULT_ISSUES.read_text())
    ws = Workspace.start(load_corpus(corpus), actors.read_text(), issues.read_text())
    ws.add_files([("../mine.txt", UPLOAD)])
    ws.set_metadata("old", outlet="Old Desk")
    ws.save(corpus, actors, issues)
    assert sorted(p.name for p in corpus.iterdir()) == ["metadata.csv", "mine.txt", "old.txt"]
    assert load_corpus(corpus).problems == []
    assert (tmp_path / "actors.yaml.bak").read_text() == DEFAULT_ACTORS.read_text()
    reloaded = {a.article_id: a for a in load_corpus(corpus).articles}
    assert reloaded["old"].outlet == "Old Desk" and reloaded["mine"].text == UPLOAD.decode()
    ws.save(corpus, actors, issues)  # saving again keeps the previous metadata as a backup
    assert (corpus / "metadata.csv.bak").exists()
    assert not any(p.name.startswith(".") for p in tmp_path.rglob("*"))  # no temporary file left behind


def test_corpus_page_offers_saving_only_where_it_may_write(monkeypatch):
    monkeypatch.setenv("PARALLAX_READ_ONLY", "1")
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90).run()
    at.switch_page("pages/corpus.py").run()
    assert not at.exception
    assert not [b for b in at.button if b.label == "Save to disk"]
    assert any("shared or read-only" in c.value for c in at.caption)
    assert [t.label for t in at.tabs] == ["Actors", "Issues"]

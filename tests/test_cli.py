"""`python -m lib analyze`: the files it writes and the errors it gives."""

import subprocess
import sys

import pandas as pd

from tests.conftest import ROOT


def _run(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lib", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_analyze_writes_the_contract_columns(tmp_path):
    done = _run("analyze", "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "3 articles, 12 quotations" in done.stdout
    contract = {
        "quotes": ["article_id", "start", "end", "text", "speaker", "speaker_phrase", "cue", "kind"],
        "mentions": ["article_id", "actor", "start", "end"],
        "issue_hits": ["article_id", "issue", "start", "end"],
        "tone": ["article_id", "actor", "coverage_polarity", "coverage_subjectivity", "coverage_n",
                 "voice_polarity", "voice_subjectivity", "voice_n"],
        "articles": ["article_id", "title", "outlet", "date", "dateline", "words"],
    }
    for table, columns in contract.items():
        frame = pd.read_csv(tmp_path / f"{table}.csv", keep_default_na=False)
        assert list(frame.columns[: len(columns)]) == columns, table
    for table in ("paragraphs", "sentences", "coverage", "tone_evidence"):
        assert (tmp_path / f"{table}.csv").exists()
    quotes = pd.read_csv(tmp_path / "quotes.csv", keep_default_na=False)
    medinsky = quotes[quotes.text == "difficult, but business-like,"].iloc[0]
    assert medinsky.speaker == "Vladimir Medinsky"


def test_json_and_parquet_formats(tmp_path):
    for fmt in ("json", "parquet"):
        done = _run("analyze", "--out", str(tmp_path / fmt), "--format", fmt)
        assert done.returncode == 0, done.stderr
        frame = pd.read_json(tmp_path / fmt / "quotes.json") if fmt == "json" else pd.read_parquet(
            tmp_path / fmt / "quotes.parquet")
        assert len(frame) == 12


def test_bad_files_are_warned_about_and_the_rest_analysed(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ok.txt").write_text("Zelenskyy said the talks were “difficult.”")
    (corpus / "empty.txt").write_text("")
    (corpus / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    done = _run("analyze", str(corpus), "--out", str(tmp_path / "out"))
    assert done.returncode == 0
    assert "warning: empty.txt: skipped: the file is empty" in done.stderr
    assert "warning: bin.txt: skipped: the file is binary, not text" in done.stderr
    assert "1 articles, 1 quotations" in done.stdout


def test_missing_folder_and_broken_lexicon_are_one_line_errors(tmp_path):
    done = _run("analyze", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"error: {tmp_path / 'nope'}: no such file or folder"]
    bad = tmp_path / "issues.yaml"
    bad.write_text("issues:\n  - id: x\n    color: '#123456'\n    phrases: ['re:(']\n")
    done = _run("analyze", "--out", str(tmp_path / "out"), "--issues", str(bad))
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert "is not a valid regular expression" in done.stderr
    assert "Traceback" not in done.stderr

"""Shared fixtures: the bundled corpus analysed once per test session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib.analysis import Analysis, analyze_corpus  # noqa: E402
from lib.corpus import load_corpus  # noqa: E402
from lib.lexicon import Lexicons, load_lexicons  # noqa: E402

GENEVA_AFP = "002_9954074d4e36f3b7"  # "date 2026-02-18 Ukrainian and Russian delegations abruptly called off…"
GENEVA_BRIEF = "000_3e95c8d81244a9bd"  # "GENEVA: Ukraine and Russia are set to resume peace talks…"
GENEVA_EXPLAINER = "001_aaaf2ef0fc62bc93"  # "U.S.-led Geneva talks end without breakthrough…"


@pytest.fixture(scope="session")
def lexicons() -> Lexicons:
    return load_lexicons()


@pytest.fixture(scope="session")
def geneva(lexicons: Lexicons) -> Analysis:
    return analyze_corpus(load_corpus(), lexicons)


def analyze_snippet(text: str, lexicons: Lexicons) -> Analysis:
    """The full analysis of one small article, as its tables."""
    from lib.corpus import Article, Corpus

    return analyze_corpus(Corpus([Article("snippet", text, "snippet.txt")]), lexicons)

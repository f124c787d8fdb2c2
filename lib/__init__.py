"""Parallax's analysis core: a news corpus into pandas DataFrames, with no Streamlit in it.

    from lib import load_corpus, load_lexicons, analyze_corpus
    analysis = analyze_corpus(load_corpus("my/articles"), load_lexicons())
    analysis.quotes  # article_id, start, end, text, speaker, speaker_phrase, cue, kind, …
"""

from .analysis import Analysis, AnalysisCache, analyze_corpus, analyze_text
from .corpus import Article, Corpus, CorpusError, LoadProblem, load_corpus, read_articles
from .lexicon import Actor, Issue, LexiconError, Lexicons, load_lexicons

__all__ = [
    "Actor",
    "Analysis",
    "AnalysisCache",
    "Article",
    "Corpus",
    "CorpusError",
    "Issue",
    "LexiconError",
    "Lexicons",
    "LoadProblem",
    "analyze_corpus",
    "analyze_text",
    "load_corpus",
    "load_lexicons",
    "read_articles",
]

"""The editable lexicons of actors and issues, and the phrase matcher built from them."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml


__all__ = [
    "Actor",
    "Issue",
    "Lexicons",
    "LexiconError",
    "Match",
    "PhraseMatcher",
    "DATA_DIR",
    "DEFAULT_ACTORS",
    "DEFAULT_ISSUES",
    "ACTOR_KINDS",
    "load_lexicons",
    "parse_actors",
    "parse_issues",
    "phrase_pattern",
]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEFAULT_ACTORS = DATA_DIR / "actors.yaml"
DEFAULT_ISSUES = DATA_DIR / "issues.yaml"

ACTOR_KINDS = ("person", "country", "organisation", "bloc")
_GENDERS = ("male", "female", "")
_COLOR_RE = re.compile(r"#[0-9a-fA-F]{6}")
_ISSUE_ID_RE = re.compile(r"[a-z][a-z0-9_]*")
# Distinct from the issue colours so an actor never looks like an issue.
_ACTOR_PALETTE = (
    "#0057b7", "#c8102e", "#2e8b57", "#6a3d9a", "#e6a100", "#00838f", "#ad1457",
    "#5d4037", "#3949ab", "#7cb342", "#f4511e", "#546e7a", "#8e24aa", "#00897b",
)
_HYPHENS = "-\u2010\u2011\u2013"
_HYPHEN_CLASS = r"\-\u2010\u2011\u2013"  # the same, escaped for a [...] class
_APOSTROPHES = "'\u2019"


class LexiconError(ValueError):
    """A lexicon file or entry that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    kind: str
    side: str
    aliases: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()
    gender: str = ""
    color: str = ""


@dataclass(frozen=True, slots=True)
class Issue:
    id: str
    label: str
    description: str
    color: str
    phrases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    payload: int  # index of the actor or issue the phrase belongs to
    phrase: str  # the lexicon entry that matched


def _inflections(word: str) -> list[str]:
    """`word` and its common inflections (plural, past, -ing, adjective in -al), as written."""
    if len(word) <= 3 or not word.isalpha() or word.isupper():
        return [word]
    low = word.lower()
    if low.endswith("ee"):
        stem, endings = word, ("", "s", "d", "ing")
    elif low.endswith("y") and low[-2] not in "aeiou":
        stem, endings = word[:-1], ("y", "ies", "ied", "ial", "ially", "ying")
    elif low.endswith("e"):
        stem, endings = word[:-1], ("e", "es", "ed", "ing", "ation", "ations")
    else:
        stem, endings = word, ("", "s", "es", "ed", "ing", "al", "ally", "ation", "ations")
    return [stem + ending for ending in endings]


def _first_words(phrase: str, *, inflect: bool) -> list[str]:
    """The lower-case forms a phrase's first word can take, to index the phrase under."""
    first = _WORD_PART_RE.match(phrase)
    if phrase.startswith("re:") or first is None or first.start() != 0:
        return []
    forms = _inflections(first.group()) if inflect and first.end() == len(phrase.split()[0]) else [first.group()]
    return sorted({f.lower() for f in forms})


def phrase_pattern(phrase: str, *, inflect: bool) -> str:
    """The regex source for one lexicon phrase: flexible spaces, hyphens and apostrophes."""
    if phrase.startswith("re:"):
        return phrase[3:]
    parts = []
    for token in re.split(r"(\s+|[-\u2010\u2011\u2013]|['\u2019])", phrase.strip()):
        if not token:
            continue
        if token.isspace():
            parts.append(rf"[\s{_HYPHEN_CLASS}]+")
        elif token in _HYPHENS:
            parts.append(rf"[\s{_HYPHEN_CLASS}]?")
        elif token in _APOSTROPHES:
            parts.append(f"[{_APOSTROPHES}]")
        else:
            forms = _inflections(token) if inflect else [token]
            parts.append("(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + ")")
    return "".join(parts)


_ARTICLES = frozenset({"the", "a", "an"})
_NEXT_WORD = re.compile(r"[^\w]+([^\W_]+)")


def _trie_pattern(words: Iterable[str]) -> str:
    """One regex matching any of `words`, factored by prefix so the engine never backtracks
    through hundreds of alternatives at each position."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)
_APPOSITION_GAP = re.compile(r"\s*,?\s*")
# A word part: letters and digits between hyphens, apostrophes and other punctuation.
_WORD_PART_RE = re.compile(r"(?<![^\W_])[^\W_]+")


class PhraseMatcher:
    """Finds lexicon phrases in text, longest match first, never overlapping within a group.

    Phrases are indexed by the forms their first word can take, so a text is scanned
    once for words and a phrase's regex is tried only where its first word stands.
    Several groups (actors, issues) share the one scan; each keeps its own matches.
    """

    def __init__(self, entries: Iterable[tuple[str, str, int, str, bool, bool]]):
        """`entries`: (group, regex source, payload, phrase, case_sensitive, inflected)."""
        self._indexed: dict[str, list[tuple[re.Pattern[str], str, int, str]]] = {}
        # Phrases opening with "the", "a" or "an" are indexed by their first two words, so the
        # many articles in a text do not each try every "the …" description.
        self._by_two: dict[str, dict[str, list[tuple[re.Pattern[str], str, int, str]]]] = {}
        self._scanned: list[tuple[re.Pattern[str], str, int, str]] = []
        self.groups: set[str] = set()
        for group, source, payload, phrase, case_sensitive, inflected in entries:
            self.groups.add(group)
            flags = 0 if case_sensitive else re.IGNORECASE
            compiled = re.compile(rf"(?:{source})(?![^\W_])", flags)
            entry = (compiled, group, payload, phrase)
            keys = _first_words(phrase, inflect=inflected)
            second = _first_words(phrase.split(None, 1)[1], inflect=inflected) if len(phrase.split()) > 1 else []
            if not keys:
                self._scanned.append(entry)
            elif keys[0] in _ARTICLES and second:
                for first in keys:
                    for key in second:
                        self._by_two.setdefault(first, {}).setdefault(key, []).append(entry)
            else:
                for key in keys:
                    self._indexed.setdefault(key, []).append(entry)
        self._compile_keys()

    def _compile_keys(self) -> None:
        words = sorted(set(self._indexed) | set(self._by_two), key=len, reverse=True)
        source = rf"(?<![^\W_])(?:{_trie_pattern(words)})(?![^\W_])" if words else r"(?!x)x"
        self._keys_re = re.compile(source)
        self._keys_re_any_case = re.compile(source, re.IGNORECASE)

    def find(self, text: str, lowered: str | None = None) -> dict[str, list[Match]]:
        """Each group's non-overlapping matches in `text`; pass `text.lower()` to share it."""
        found: dict[str, list[Match]] = {group: [] for group in self.groups}
        indexed, by_two = self._indexed, self._by_two
        lowered = text.lower() if lowered is None else lowered
        # Lower-casing can change the length ("İ" becomes two characters); then match in any case.
        same_length = len(lowered) == len(text)
        haystack, keys_re = (lowered, self._keys_re) if same_length else (text, self._keys_re_any_case)
        for hit in keys_re.finditer(haystack):
            pos, key = hit.start(), hit.group().lower()
            candidates = indexed.get(key)
            if key in by_two:
                following = _NEXT_WORD.match(haystack, hit.end())
                more = by_two[key].get(following.group(1).lower()) if following else None
                if more:
                    candidates = (candidates or []) + more
            if not candidates:
                continue
            for compiled, group, payload, phrase in candidates:
                m = compiled.match(text, pos)
                if m and m.end() > pos:
                    found[group].append(Match(pos, m.end(), payload, phrase))
        for compiled, group, payload, phrase in self._scanned:
            for m in compiled.finditer(text):
                if m.end() > m.start() and (m.start() == 0 or not text[m.start() - 1].isalnum()):
                    found[group].append(Match(m.start(), m.end(), payload, phrase))
        return {group: _longest_first(matches) for group, matches in found.items()}


def _longest_first(found: list[Match]) -> list[Match]:
    found.sort(key=lambda m: (m.start, m.start - m.end))
    kept: list[Match] = []
    for m in found:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


@dataclass(frozen=True)
class Lexicons:
    actors: tuple[Actor, ...]
    issues: tuple[Issue, ...]
    fingerprint: str = field(init=False)
    matcher: PhraseMatcher = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        payload = json.dumps(
            {"actors": [asdict(a) for a in self.actors], "issues": [asdict(i) for i in self.issues]},
            sort_keys=True,
        )
        object.__setattr__(self, "fingerprint", hashlib.sha256(payload.encode()).hexdigest()[:16])
        entries: list[tuple[str, str, int, str, bool, bool]] = []
        for index, actor in enumerate(self.actors):
            entries += [("actors", phrase_pattern(a, inflect=False), index, a, True, False) for a in actor.aliases]
            entries += [("actors", phrase_pattern(d, inflect=False), index, d, False, False) for d in actor.descriptions]
        for index, issue in enumerate(self.issues):
            entries += [("issues", phrase_pattern(p, inflect=True), index, p, False, True) for p in issue.phrases]
        object.__setattr__(self, "matcher", PhraseMatcher(entries))

    def find(self, text: str, lowered: str | None = None) -> tuple[list[Match], list[Match]]:
        """(actor mentions, issue phrases) in `text`, from one scan of its words.

        One actor named twice in a row ("Ukrainian President Volodymyr Zelenskyy", "the head
        of Russia's delegation, Vladimir Medinsky") is one mention, not two.
        """
        found = self.matcher.find(text, lowered)
        merged: list[Match] = []
        for m in found.get("actors", []):
            last = merged[-1] if merged else None
            if last and last.payload == m.payload and _APPOSITION_GAP.fullmatch(text, last.end, m.start):
                phrase = last.phrase if last.phrase in self.actors[m.payload].aliases else m.phrase
                merged[-1] = Match(last.start, m.end, m.payload, phrase)
            else:
                merged.append(m)
        return merged, found.get("issues", [])

    def actor(self, name: str) -> Actor | None:
        return next((a for a in self.actors if a.name == name), None)

    def issue(self, issue_id: str) -> Issue | None:
        return next((i for i in self.issues if i.id == issue_id), None)

    def actor_colors(self) -> dict[str, str]:
        return {a.name: a.color for a in self.actors}

    def issue_colors(self) -> dict[str, str]:
        return {i.id: i.color for i in self.issues}

    def issue_labels(self) -> dict[str, str]:
        return {i.id: i.label for i in self.issues}


def _strings(value: object, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise LexiconError(f"{where}: '{key}' must be a list of phrases")
    out = tuple(str(v).strip() for v in value if str(v).strip())
    for phrase in out:
        if phrase.startswith("re:"):
            try:
                re.compile(phrase[3:])
            except re.error as exc:
                raise LexiconError(f"{where}: '{phrase}' is not a valid regular expression ({exc})") from None
            if re.fullmatch(phrase[3:], ""):
                raise LexiconError(f"{where}: '{phrase}' matches empty text, which would match everywhere")
    return out


def _entries(data: object, key: str, source: str) -> list[Mapping[str, object]]:
    if isinstance(data, Mapping):
        data = data.get(key)
    if not isinstance(data, list):
        raise LexiconError(f"{source}: expected a top-level '{key}:' list")
    for n, entry in enumerate(data, 1):
        if not isinstance(entry, Mapping):
            raise LexiconError(f"{source}: {key} entry {n} is not a mapping of fields")
    return data


def parse_actors(data: object, *, source: str = "actors") -> tuple[Actor, ...]:
    """Actors from parsed YAML (a mapping with an `actors:` list, or the list itself)."""
    actors = []
    seen: set[str] = set()
    for n, entry in enumerate(_entries(data, "actors", source), 1):
        name = str(entry.get("name") or "").strip()
        where = f"{source}: actor {n}" + (f" ('{name}')" if name else "")
        if not name:
            raise LexiconError(f"{where}: 'name' is missing")
        if name in seen:
            raise LexiconError(f"{where}: the name '{name}' is used twice")
        seen.add(name)
        kind = str(entry.get("kind") or "").strip().lower()
        if kind not in ACTOR_KINDS:
            raise LexiconError(f"{where}: 'kind' must be one of {', '.join(ACTOR_KINDS)}, not '{kind}'")
        gender = str(entry.get("gender") or "").strip().lower()
        if gender not in _GENDERS:
            raise LexiconError(f"{where}: 'gender' must be male or female, not '{gender}'")
        color = str(entry.get("color") or "").strip() or _ACTOR_PALETTE[(n - 1) % len(_ACTOR_PALETTE)]
        if not _COLOR_RE.fullmatch(color):
            raise LexiconError(f"{where}: 'color' must look like #1f77b4, not '{color}'")
        aliases = _strings(entry.get("aliases"), where, "aliases")
        descriptions = _strings(entry.get("descriptions"), where, "descriptions")
        actors.append(
            Actor(
                name=name,
                kind=kind,
                side=str(entry.get("side") or "other").strip(),
                aliases=aliases or (name,),
                descriptions=descriptions,
                gender=gender,
                color=color,
            )
        )
    return tuple(actors)


def parse_issues(data: object, *, source: str = "issues") -> tuple[Issue, ...]:
    """Issues from parsed YAML (a mapping with an `issues:` list, or the list itself)."""
    issues = []
    seen: set[str] = set()
    for n, entry in enumerate(_entries(data, "issues", source), 1):
        issue_id = str(entry.get("id") or "").strip()
        where = f"{source}: issue {n}" + (f" ('{issue_id}')" if issue_id else "")
        if not _ISSUE_ID_RE.fullmatch(issue_id):
            raise LexiconError(f"{where}: 'id' must be lower-case letters, digits and underscores")
        if issue_id in seen:
            raise LexiconError(f"{where}: the id '{issue_id}' is used twice")
        seen.add(issue_id)
        color = str(entry.get("color") or "").strip()
        if not _COLOR_RE.fullmatch(color):
            raise LexiconError(f"{where}: 'color' must look like #1f77b4, not '{color}'")
        phrases = _strings(entry.get("phrases"), where, "phrases")
        if not phrases:
            raise LexiconError(f"{where}: 'phrases' is empty, so the issue could never be found")
        issues.append(
            Issue(
                id=issue_id,
                label=str(entry.get("label") or issue_id).strip(),
                description=str(entry.get("description") or "").strip(),
                color=color,
                phrases=phrases,
            )
        )
    return tuple(issues)


def _read_yaml(path: Path) -> object:
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise LexiconError(f"{path}: no such lexicon file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot be read ({exc})") from None
    try:
        return yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise LexiconError(f"{path}: not valid YAML{where} ({problem})") from None


def load_lexicons(actors: Path | str | None = None, issues: Path | str | None = None) -> Lexicons:
    """Load and validate both lexicons; the bundled ones where a path is not given."""
    actors_path = Path(actors) if actors else DEFAULT_ACTORS
    issues_path = Path(issues) if issues else DEFAULT_ISSUES
    return Lexicons(
        actors=parse_actors(_read_yaml(actors_path), source=str(actors_path)),
        issues=parse_issues(_read_yaml(issues_path), source=str(issues_path)),
    )

import pytest

from lib.lexicon import LexiconError, Lexicons, load_lexicons, parse_actors, parse_issues


def _names(lex: Lexicons, text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], lex.actors[m.payload].name) for m in lex.find(text)[0]]


def test_full_and_short_names_possessives_and_capitals(lexicons):
    text = "Volodymyr Zelenskyy met Zelenskyy's aides; Moscow’s envoy and the Kremlin replied to Kyiv and Washington."
    assert _names(lexicons, text) == [
        ("Volodymyr Zelenskyy", "Volodymyr Zelenskyy"),
        ("Zelenskyy", "Volodymyr Zelenskyy"),
        ("Moscow", "Russia"),
        ("Kremlin", "Russia"),
        ("Kyiv", "Ukraine"),
        ("Washington", "United States"),
    ]


def test_description_beats_the_country_inside_it_and_appositions_are_one_mention(lexicons):
    text = "the head of Russia's delegation, Vladimir Medinsky, and Ukrainian President Volodymyr Zelenskyy met Russia."
    assert _names(lexicons, text) == [
        ("the head of Russia's delegation, Vladimir Medinsky", "Vladimir Medinsky"),
        ("Ukrainian President Volodymyr Zelenskyy", "Volodymyr Zelenskyy"),
        ("Russia", "Russia"),
    ]


def test_aliases_keep_their_capitals(lexicons):
    assert _names(lexicons, "Let us talk about the US and USA.") == [("US", "United States"), ("USA", "United States")]
    assert _names(lexicons, "Russian forces") == [("Russian", "Russia")]


def test_issue_phrases_match_inflections(lexicons):
    text = "Territorial control and territory; a guarantee and security guarantees; drones and a missile."
    found = {(text[m.start : m.end].lower(), lexicons.issues[m.payload].id) for m in lexicons.find(text)[1]}
    assert ("territorial control", "territory") in found
    assert ("territory", "territory") in found
    assert ("security guarantees", "security_guarantees") in found
    assert ("drones", "military_strikes") in found
    assert ("missile", "military_strikes") in found


def test_bundled_lexicons_have_the_required_entries(lexicons):
    names = {a.name for a in lexicons.actors}
    assert {"Volodymyr Zelenskyy", "Vladimir Medinsky", "Rustem Umerov", "Donald Trump", "Russia", "Ukraine",
            "United States", "NATO", "European Union", "United Kingdom", "Germany", "France"} <= names
    assert [i.id for i in lexicons.issues] == [
        "territory", "security_guarantees", "sequencing", "ceasefire_verification", "humanitarian",
        "military_strikes", "nato_alliances", "sanctions_economy", "europe_role", "us_mediation", "talks_process",
    ]
    for issue in lexicons.issues:
        assert issue.label and issue.description and issue.color.startswith("#") and issue.phrases


def test_regex_phrases_and_their_errors():
    issues = parse_issues([{"id": "x", "color": "#123456", "phrases": ["re:cease-?fire"]}])
    lex = Lexicons(actors=(), issues=issues)
    assert [m.phrase for m in lex.find("a cease-fire and a ceasefire")[1]] == ["re:cease-?fire"] * 2
    with pytest.raises(LexiconError, match=r"issues: issue 1 \('x'\): 're:\(unclosed' is not a valid regular expression"):
        parse_issues([{"id": "x", "color": "#123456", "phrases": ["re:(unclosed"]}])


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"kind": "person"}, "'name' is missing"),
        ({"name": "A", "kind": "alien"}, "'kind' must be one of"),
        ({"name": "A", "kind": "person", "color": "red"}, "'color' must look like"),
        ({"name": "A", "kind": "person", "aliases": {"x": 1}}, "'aliases' must be a list"),
    ],
)
def test_actor_entries_are_validated_with_reasons(entry, message):
    with pytest.raises(LexiconError, match=message):
        parse_actors({"actors": [entry]}, source="my.yaml")


def test_broken_yaml_names_the_file_and_line(tmp_path):
    bad = tmp_path / "actors.yaml"
    bad.write_text("actors:\n  - name: [unclosed\n")
    with pytest.raises(LexiconError, match=r"actors.yaml: not valid YAML at line \d"):
        load_lexicons(actors=bad)
    with pytest.raises(LexiconError, match="no such lexicon file"):
        load_lexicons(actors=tmp_path / "missing.yaml")


def test_fingerprint_changes_with_the_lexicon(lexicons):
    changed = Lexicons(actors=lexicons.actors[:-1], issues=lexicons.issues)
    assert changed.fingerprint != lexicons.fingerprint
    assert Lexicons(actors=lexicons.actors, issues=lexicons.issues).fingerprint == lexicons.fingerprint

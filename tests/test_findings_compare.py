"""Overview findings and the reader's comparisons, on the bundled corpus."""

from lib.compare import align_passages, differences, quantity_claims
from lib.findings import findings
from lib.views import select
from tests.conftest import GENEVA_AFP, GENEVA_BRIEF, GENEVA_EXPLAINER


def test_findings_on_the_geneva_reports(geneva):
    found = {f.headline: f for f in findings(geneva)}
    assert "Only U.S.-led Geneva talks end without… covers Sequencing" in found
    assert "Volodymyr Zelenskyy is quoted 7 times in 2 articles" in found
    assert "U.S.-led Geneva talks end without… quotes nobody" in found
    assert "Only Ukrainian and Russian delegations… names Rustem Umerov, Donald Trump" in found
    opinionated = next(f for f in found.values() if f.kind == "opinionated")
    assert opinionated.headline.startswith("U.S.-led Geneva")
    for finding in found.values():
        for e in finding.evidence:
            assert geneva.texts[e.article_id][e.start : e.end] == e.text
            assert all(e.start <= a < b <= e.end for a, b in e.marks)


def test_one_article_has_no_comparative_findings(geneva):
    kinds = {f.kind for f in findings(select(geneva, [GENEVA_EXPLAINER]))}
    assert not kinds & {"only_one", "opinionated", "only_names"}


def test_the_same_fact_told_differently(geneva):
    diff = differences(geneva).set_index(["family", "article_id"]).wording
    assert "barely 90 minutes" in diff[("duration", GENEVA_BRIEF)]
    assert "just two hours" in diff[("duration", GENEVA_AFP)]
    assert diff[("weapons", GENEVA_BRIEF)] == "dozens of missiles and drones"
    assert diff[("weapons", GENEVA_AFP)] == "126 attack drones · a ballistic missile"
    claims = quantity_claims(geneva)
    two_hours = claims[claims.words == "just two hours"].iloc[0]
    assert two_hours.value == 120  # durations compare in minutes
    assert geneva.texts[GENEVA_AFP][two_hours.start : two_hours.end] == "just two hours"


def test_passages_align_across_articles(geneva):
    aligned = align_passages(geneva)
    sentences = geneva.sentences.set_index(["article_id", "sentence"]).text
    groups = {}
    for r in aligned[aligned.group > 0].itertuples():
        groups.setdefault(r.group, []).append(sentences[(r.article_id, r.sentence)])
    medinsky = [g for g in groups.values() if any("businesslike" in s for s in g)]
    assert medinsky and any("business-like" in s for s in medinsky[0])
    assert (aligned.group == -1).sum() > len(aligned) / 2  # most of each report is its own

"""Click handling as pure functions, and escaped highlighting."""

from lib.highlight import Span, chip, highlight, legend
from lib.selection import actor_cell, coverage_cell, passage


def test_clicks_turn_back_into_what_they_stand_for():
    assert coverage_cell([{"x": "Territory", "customdata": ["a1", "territory"]}]) == ("a1", "territory")
    assert coverage_cell([]) is None
    assert coverage_cell(None) is None
    assert coverage_cell([{"x": 1}]) is None
    assert passage([{"customdata": ["a1", "10", 20, "territory"]}]) == ("a1", 10, 20)
    assert passage([{"customdata": ["a1", "x", 20]}]) is None
    assert actor_cell([{"customdata": ("a2", "Russia")}]) == ("a2", "Russia")


def test_article_text_is_escaped_and_spans_stay_well_formed():
    text = 'He said "<script>alert(1)</script>" & <img src=x onerror=alert(1)>.'
    out = highlight(text, [Span(8, 37, "quote"), Span(0, 2, "actor", "#123456", 'x" onmouseover="y')])
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;" in out and "&amp;" in out
    assert out.count("<span") == out.count("</span>")
    assert 'title="x&quot; onmouseover=&quot;y"' in out


def test_overlapping_spans_and_windows():
    text = "Russia and Ukraine met."
    out = highlight(text, [Span(0, 18, "quote"), Span(11, 18, "actor", "#0a4ea3")], start=0, end=18)
    assert out.count("<span") == out.count("</span>") == 3
    assert out.endswith("</span>") and "met" not in out


def test_colours_that_are_not_hex_never_reach_a_style():
    assert "expression" not in highlight("abc", [Span(0, 3, "match", "red;background:expression(1)")])
    assert "#888888" in chip("<b>x</b>", "javascript:1")
    assert "&lt;b&gt;" in chip("<b>x</b>", "#123456")
    assert "Territory" in legend([("match", "#d62728", "Territory")])


def test_markdown_escaping_leaves_no_link_image_or_maths():
    from lib.highlight import md

    hostile = "![x](http://tracker.example/p.png) [click](javascript:alert(1)) **bold** $x$ <b>t</b>\nnext"
    escaped = md(hostile)
    for live in ("![", "](", "**", "$x$", "<b>", "\n"):
        assert live not in escaped
    assert md("Russia's 126 drones") == r"Russia's 126 drones"

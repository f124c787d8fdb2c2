"""Exported files are what they claim to be."""

import io
import re
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

from lib.charts import coverage_heatmap
from lib.export import figure_html, figure_image, image_support, report_html
from lib.views import coverage_matrix, select
from tests import hostile_corpus
from tests.browser import chromium_path
from tests.conftest import GENEVA_AFP, analyze_snippet

_EXTERNAL = re.compile(r"""<(?:script|link|img|iframe)[^>]+(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)


@pytest.fixture(scope="module")
def heatmap(geneva):
    cells = coverage_matrix(geneva, "share_sentences")
    return coverage_heatmap(cells, metric="share_sentences", issue_colors=geneva.lexicons.issue_colors()), cells


def test_png_and_svg_are_real_images(heatmap):
    chromium_path()
    fig, _ = heatmap
    png = figure_image(fig, "png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert width >= 2 * 700 and height >= 2 * 300  # drawn at three times its size: sharp in a report
    svg = figure_image(fig, "svg")
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert b"Territory" in svg
    with pytest.raises(ValueError, match="png or svg"):
        figure_image(fig, "gif")


def test_chart_html_opens_offline_and_holds_the_data(heatmap):
    fig, cells = heatmap
    page = figure_html(fig, title="Parallax · heatmap <3 articles>")
    assert page.lower().startswith("<!doctype html>") and "<title>Parallax · heatmap &lt;3 articles&gt;</title>" in page
    assert "Plotly.newPlot" in page and len(page) > 3_000_000  # plotly.js is inside the file
    assert not _EXTERNAL.search(page)  # nothing fetched from the network
    assert "71%" in page and cells.issue_label.iloc[0] in page


def test_chart_csv_gives_back_the_charts_numbers(heatmap):
    fig, cells = heatmap
    back = pd.read_csv(io.StringIO(cells.to_csv(index=False)))
    assert list(back.value.round(9)) == [round(v, 9) for v in fig.data[0].marker.color]


def test_report_is_one_offline_file_with_every_section(geneva):
    report = report_html(geneva)
    for section in ("The articles", "What stands out", "Issue coverage", "Blind spots", "Actors", "Quotations"):
        assert f">{section}<" in report
    assert report.count("Plotly.newPlot") == 5 and report.count("<script type='text/javascript'>") == 1
    assert not _EXTERNAL.search(report)
    assert "difficult, but business-like," in report and "Vladimir Medinsky" in report
    one = report_html(select(geneva, [GENEVA_AFP]))
    assert one.count("Plotly.newPlot") == 5 and "every chosen article" in one  # what the one article leaves out


def test_report_escapes_article_and_lexicon_text(tmp_path, lexicons):
    analysis = analyze_snippet(f"Zelenskyy said {hostile_corpus.SCRIPT} was “{hostile_corpus.ONERROR}”.", lexicons)
    report = report_html(analysis, title="<b>mine</b>")
    assert hostile_corpus.SCRIPT not in report and "<img src=x" not in report
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report
    assert "<title>&lt;b&gt;mine&lt;/b&gt;</title>" in report


def test_image_support_says_how_to_enable_it(monkeypatch):
    import shutil

    monkeypatch.setattr(shutil, "which", lambda name: None)
    ok, why = image_support()
    assert not ok and "apt-get install -y chromium" in why and "packages.txt" in why

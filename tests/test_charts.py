"""Chart builders, tested on the figure's data and layout."""

from lib.charts import coverage_heatmap, mention_matrix, position_chart, tone_distribution, voice_share_chart
from lib.views import coverage_matrix, issue_positions, mention_counts, side_colors, tone_points, voice_share


def test_heatmap_uses_a_fixed_percent_scale_and_carries_its_cells(geneva):
    cells = coverage_matrix(geneva, "share_sentences")
    fig = coverage_heatmap(cells, metric="share_sentences", issue_colors=geneva.lexicons.issue_colors())
    marker = fig.data[0].marker
    assert (marker.cmin, marker.cmax) == (0, 100)
    assert len(fig.data[0].customdata) == 3 * 11
    assert tuple(fig.data[0].customdata[0]) == (cells.article_id.iloc[0], cells.issue.iloc[0])
    assert "71%" in fig.data[0].text  # the brief's talks-process share, printed in its cell


def test_heatmap_of_counts_scales_to_the_largest_count(geneva):
    cells = coverage_matrix(geneva, "sentences")
    fig = coverage_heatmap(cells, metric="sentences", issue_colors={})
    assert fig.data[0].marker.cmax == cells.value.max()


def test_position_chart_spans_the_whole_article(geneva):
    fig = position_chart(issue_positions(geneva), issue_colors=geneva.lexicons.issue_colors(),
                         article_order=list(geneva.articles.label))
    assert tuple(fig.layout.xaxis.range) == (-0.03, 1.03)
    assert {t.name for t in fig.data} >= {"Territory", "Talks process"}
    territory = next(t for t in fig.data if t.name == "Territory")
    assert territory.marker.color == geneva.lexicons.issue("territory").color


def test_mention_matrix_sizes_dots_and_keeps_actor_colours(geneva):
    counts = mention_counts(geneva)
    colors = geneva.lexicons.actor_colors()
    fig = mention_matrix(counts, actor_colors=colors, article_order=list(geneva.articles.label))
    trace = fig.data[0]
    russia = [i for i, (a, v) in enumerate(zip(counts.actor, counts.mentions)) if a == "Russia" and v == 18][0]
    assert trace.marker.color[russia] == colors["Russia"]
    assert trace.marker.size[russia] == max(trace.marker.size)


def test_tone_distribution_shows_n_and_keeps_measures_apart(geneva):
    points = tone_points(geneva)
    fig = tone_distribution(points, actor_colors=geneva.lexicons.actor_colors(), actors=["Vladimir Medinsky"])
    assert "n=4 | 2" in fig.layout.yaxis.ticktext[0]
    dots = {t.name: t for t in fig.data if t.mode == "markers"}
    assert (len(dots["coverage"].x), len(dots["voice"].x)) == (4, 2)
    assert {c[3] for c in dots["voice"].customdata} == {"Vladimir Medinsky"}
    mean_bar = next(t for t in fig.data if t.name == "voice mean")
    voice = points[(points.actor == "Vladimir Medinsky") & (points.measure == "voice")]
    assert abs(mean_bar.x[0] - voice.polarity.mean()) < 1e-12


def test_tone_distribution_samples_dots_but_not_the_mean(geneva):
    points = tone_points(geneva)
    fig = tone_distribution(points, actor_colors={}, actors=["Russia"], max_dots=5)
    russia = points[(points.actor == "Russia") & (points.measure == "coverage")]
    dots = next(t for t in fig.data if t.name == "coverage")
    assert 0 < len(dots.x) <= 5 < len(russia)
    assert abs(next(t for t in fig.data if t.name == "coverage mean").x[0] - russia.polarity.mean()) < 1e-12
    assert tuple(fig.layout.xaxis.range) == (-1.05, 1.05)


def test_voice_share_is_on_a_zero_to_hundred_axis(geneva):
    fig = voice_share_chart(voice_share(geneva), side_colors=side_colors(geneva),
                            article_order=list(geneva.articles.label))
    assert tuple(fig.layout.xaxis.range) == (0, 100)
    assert fig.layout.barmode == "stack"

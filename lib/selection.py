"""Turning a chart click back into what it stands for.

Streamlit hands a selection over as a list of point dicts; these pure functions read the
`customdata` the chart builders attached, so the click handling is testable without a
browser.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

__all__ = ["CoverageCell", "Passage", "ActorCell", "coverage_cell", "passage", "actor_cell"]


class CoverageCell(NamedTuple):
    article_id: str
    issue: str


class Passage(NamedTuple):
    article_id: str
    start: int
    end: int


class ActorCell(NamedTuple):
    article_id: str
    actor: str


def _first_customdata(points: Sequence[Mapping[str, Any]] | None, length: int) -> list[Any] | None:
    for point in points or ():
        data = point.get("customdata")
        if isinstance(data, (list, tuple)) and len(data) >= length:
            return list(data)
    return None


def coverage_cell(points: Sequence[Mapping[str, Any]] | None) -> CoverageCell | None:
    """The (article, issue) cell clicked in the coverage heatmap, or None."""
    data = _first_customdata(points, 2)
    return CoverageCell(str(data[0]), str(data[1])) if data else None


def passage(points: Sequence[Mapping[str, Any]] | None) -> Passage | None:
    """The passage (article, start, end) behind a clicked position or tone dot, or None."""
    data = _first_customdata(points, 3)
    if not data:
        return None
    try:
        return Passage(str(data[0]), int(data[1]), int(data[2]))
    except (TypeError, ValueError):
        return None


def actor_cell(points: Sequence[Mapping[str, Any]] | None) -> ActorCell | None:
    """The (article, actor) dot clicked in the mention matrix, or None."""
    data = _first_customdata(points, 2)
    return ActorCell(str(data[0]), str(data[1])) if data else None

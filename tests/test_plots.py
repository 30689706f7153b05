"""The figures: built without pyplot, the same bytes on every run, and refusing what they cannot draw."""

from __future__ import annotations

import pytest

from ltvkit.checks import LTVInputError
from ltvkit.plots import bar_chart, figure_png, waterfall_chart


def test_waterfall_ends_at_the_sum_and_has_room_for_its_label() -> None:
    fig = waterfall_chart([("revenue", 18_000), ("cost of goods", -9_000), ("CAC", -1_000)])
    axes = fig.axes[0]
    assert axes.texts[0].get_text() == "8,000 RUB"
    assert axes.get_ylim()[1] > 18_000


def test_same_figure_same_png() -> None:
    steps = [("revenue", 18_000), ("cost of goods", -9_000)]
    assert figure_png(waterfall_chart(steps)) == figure_png(waterfall_chart(steps))


@pytest.mark.parametrize(
    "call",
    [
        lambda: waterfall_chart([]),
        lambda: waterfall_chart([("a", 1), ("a", 2)]),
        lambda: waterfall_chart([("result", 1)]),
        lambda: waterfall_chart([("a", float("nan"))]),
        lambda: bar_chart(["a", "a"], [1, 2]),
        lambda: bar_chart(["a"], [1, 2]),
        lambda: bar_chart(["a"], ["x"]),
    ],
    ids=["empty", "same-label", "label-result", "nan", "bar-same-label", "bar-lengths", "bar-text"],
)
def test_bad_chart_input(call) -> None:
    with pytest.raises(LTVInputError):
        call()

"""The calculators' wiring, tested in the kernel without a browser.

Setting a slider's ``value`` runs the same observer a browser drag does, so these tests move
sliders and read the result label, the error label and the plot's PNG. The expected text is
computed here directly with the formula, not read from the widget.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from ltvkit import calculators
from ltvkit.breakdowns import historical_breakdown
from ltvkit.calculators.widgets import Calculator
from ltvkit.checks import LTVInputError
from ltvkit.formulas import arpu_ltv, revenue_per_customer
from ltvkit.money import format_money

pytest.importorskip("ipywidgets")

DASH = "—"
FACTORIES = {name: getattr(calculators, name) for name in calculators.__all__ if name.endswith("_calculator")}


def _error_of(call: Callable[[], Any]) -> str:
    with pytest.raises(LTVInputError) as raised:
        call()
    return str(raised.value)


def _png(calculator: Calculator) -> str:
    assert calculator.output is not None
    (output,) = calculator.output.outputs
    return output["data"]["image/png"]


@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_every_calculator_builds_and_shows_a_result(name: str) -> None:
    calculator = FACTORIES[name]()
    assert isinstance(calculator, Calculator)
    assert calculator.result_text and calculator.result_text != DASH
    assert calculator.error_text == ""
    assert "ltv-result" in calculator.result._dom_classes and "ltv-error" in calculator.message._dom_classes


@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_every_calculator_has_an_invalid_value_within_its_sliders(name: str) -> None:
    """The browser tests rely on it: some slider position shows the LTVInputError message."""
    calculator = FACTORIES[name]()
    sliders = [control for control in calculator.controls.values() if hasattr(control, "min")]
    for control in sliders:
        start = control.value
        for value in sorted({control.min, control.max, min(max(0, control.min), control.max)}):
            control.value = value
            if calculator.result_text == DASH:
                assert calculator.error_text, f"{name}: a dash with no message"
                return
        control.value = start
    pytest.fail(f"{name}: no slider's min, max or 0 gives an invalid input")


def test_revenue_per_customer_calculator() -> None:
    calculator = calculators.revenue_per_customer_calculator()
    calculator.controls["revenue"].value = 1_200_000
    calculator.controls["customers"].value = 400
    expected = revenue_per_customer(revenue=1_200_000, customers=400)
    assert calculator.result_text == f"Revenue per customer: {format_money(expected, 'RUB')} a year"
    calculator.controls["customers"].value = 0
    assert calculator.result_text == DASH
    assert calculator.error_text == _error_of(lambda: revenue_per_customer(revenue=1_200_000, customers=0))
    assert "customers" in calculator.error_text
    calculator.controls["customers"].value = 300
    assert calculator.result_text == f"Revenue per customer: {format_money(4000, 'RUB')} a year"
    assert calculator.error_text == ""


def test_arpu_calculator() -> None:
    calculator = calculators.arpu_calculator()
    before = _png(calculator)
    calculator.controls["lifetime"].value = 12
    expected = arpu_ltv(arpu=calculator.controls["arpu"].value, lifetime=12)
    assert calculator.result_text == f"LTV = {format_money(expected, 'RUB')}"
    after = _png(calculator)
    assert after != before, "the chart must redraw when a slider moves"
    calculator.controls["lifetime"].value = -1
    assert calculator.result_text == DASH
    assert calculator.error_text == _error_of(lambda: arpu_ltv(arpu=calculator.controls["arpu"].value, lifetime=-1))
    assert "lifetime" in calculator.error_text
    assert calculator.output.outputs == (), "no stale chart next to a dash"
    calculator.controls["lifetime"].value = 12
    assert _png(calculator) == after


def test_historical_calculator() -> None:
    calculator = calculators.historical_calculator()
    before = _png(calculator)
    calculator.controls["margin"].value = 0.4
    values = calculator.values()
    expected = historical_breakdown(
        [values["first_purchase"], values["second_purchase"], values["third_purchase"]],
        margin=0.4, acquisition_cost=values["acquisition_cost"],
    )
    assert calculator.result_text == expected.describe()
    assert f"gross LTV {format_money(0.4 * 18_000, 'RUB')}" in calculator.result_text
    assert _png(calculator) != before
    calculator.controls["margin"].value = 1.5
    assert calculator.result_text == DASH
    assert "margin" in calculator.error_text
    assert calculator.error_text == _error_of(
        lambda: historical_breakdown([6000, 4000, 8000], margin=1.5, acquisition_cost=values["acquisition_cost"])
    )


def test_historical_breakdown_without_cac_has_no_ratio() -> None:
    breakdown = historical_breakdown([6000, 4000, 8000], margin=0.5, acquisition_cost=0)
    assert breakdown.ltv_to_cac is None and breakdown.net_ltv == breakdown.gross_ltv == 9000
    assert breakdown.describe().endswith("LTV:CAC n/a (CAC is 0)")


def test_clv_interval_calculator_shows_the_interval_of_the_fits_on_that_share() -> None:
    from ltvkit.datasets import data_path
    from ltvkit.models.cdnow import cdnow_calibration_holdout
    from ltvkit.models.uncertainty import clv_intervals_from_share
    from ltvkit.models.units import months, years

    data = cdnow_calibration_holdout(data_path("cdnow_orders")).calibration
    calculator = calculators.clv_interval_calculator(data)
    calculator.controls["share"].value = 0.5
    expected = clv_intervals_from_share(data, share=0.5, horizon=years(1), step=months(3), margin=0.3,
                                        annual_discount_rate=0.10, draws=200, seed=15)
    base = expected.base_clv
    assert calculator.result_text == (f"{expected.describe()}; "
                                      f"±{(base['upper'] - base['lower']) / 2 / base['estimate']:.0%} of the estimate")
    calculator.controls["share"].value = 0.0
    assert calculator.result_text == DASH and "share must be" in calculator.error_text


@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_every_russian_calculator_answers_at_each_sliders_ends_with_a_result_or_a_russian_message(name: str) -> None:
    """No slider end makes a traceback (the budget plan at CAC 0 did in Russian, the CLV interval at margin 0)."""
    import re

    from ltvkit.i18n import using_language

    with using_language("ru"):
        calculator = FACTORIES[name]()
    for control in [control for control in calculator.controls.values() if hasattr(control, "min")]:
        start = control.value
        for value in (control.min, control.max):
            control.value = value  # raises if recalculating does
            if calculator.result_text == DASH:
                assert re.search(r"[А-Яа-яЁё]", calculator.error_text), (name, control.description, value)
            else:
                assert calculator.result_text and calculator.error_text == "", (name, control.description, value)
        control.value = start

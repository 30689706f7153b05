"""Notebooks 06-08: every catalogue figure is checked in its notebook, the plan's problems each have a
cell, and the stored calculator results are what the calculators compute now."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ltvkit.calculators import budget_plan_calculator, levers_calculator, ltv_cac_calculator
from ltvkit.examples import examples_for

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
STEMS = ("06_ltv_vs_cac", "07_budget_planning", "08_levers_what_if")
CALCULATORS = {
    "06_ltv_vs_cac": ltv_cac_calculator,
    "07_budget_planning": budget_plan_calculator,
    "08_levers_what_if": levers_calculator,
}


def _source(stem: str) -> str:
    return (NOTEBOOKS / f"{stem}.py").read_text(encoding="utf-8")


@pytest.mark.parametrize("stem", STEMS)
def test_every_figure_of_the_notebooks_examples_is_used(stem: str) -> None:
    text = _source(stem)
    examples = examples_for(stem)
    assert examples, f"no examples in the catalogue for {stem}"
    for ex in examples:
        for key in (*ex.figures, *ex.derived):
            assert f'"{key}"' in text or f"'{key}'" in text, f"{stem}: {ex.id} figure {key!r} is never read"


def test_budget_notebook_has_a_cell_per_problem_and_a_corrected_plan() -> None:
    text = _source("07_budget_planning")
    for number in range(1, 7):
        assert f"### Problem {number}:" in text
    assert "## The corrected plan" in text
    assert "plan_waterfall_chart(" in text


def test_levers_notebook_draws_the_tornado_and_the_strategies() -> None:
    text = _source("08_levers_what_if")
    assert "tornado_chart(" in text and "strategies_table()" in text


@pytest.mark.parametrize("stem", STEMS)
def test_stored_calculator_result_is_current(stem: str) -> None:
    notebook = json.loads((NOTEBOOKS / f"{stem}.ipynb").read_text(encoding="utf-8"))
    cells = [c for c in notebook["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()
             == "print(calculator.result_text)"]
    assert len(cells) == 1, f"{stem}: one cell must print calculator.result_text"
    stored = "".join("".join(o["text"]) for o in cells[0]["outputs"] if o["output_type"] == "stream")
    assert stored == CALCULATORS[stem]().result_text + "\n"

"""Every notebook never show an exercise's answer before its folded solution.

An answer printed by an earlier cell (a worked example, a calculator's result line, a table)
or written in the text turns the exercise into copying. This test reads each executed
notebook in order and looks for the answer, in the usual spellings, in every markdown cell
and every text output that comes before the exercise's solution cell.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ltvkit.course.exercises import EXERCISES, answer_shown

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
STEMS = sorted(p.stem for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
_CHECK = re.compile(r'check\("(ex-\d\d-\d+)"')
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def _shown_text(cell: dict) -> str:
    if cell["cell_type"] == "markdown":
        return "".join(cell["source"])
    parts = []
    for output in cell.get("outputs", []):
        if output["output_type"] == "stream":
            parts.append("".join(output["text"]))
        elif "data" in output and WIDGET_VIEW not in output["data"]:  # a widget's repr is not what a reader sees
            parts.append("".join(output["data"].get("text/plain", "")))
    return "\n".join(parts)


@pytest.mark.parametrize("stem", STEMS)
def test_no_answer_is_shown_before_its_solution(stem: str) -> None:
    cells = json.loads((NOTEBOOKS / f"{stem}.ipynb").read_text(encoding="utf-8"))["cells"]
    shown: list[str] = []
    solutions = 0
    found: list[str] = []
    for cell in cells:
        if "solution" in cell["metadata"].get("tags", []):
            solutions += 1
            exercise_id = _CHECK.search("".join(cell["source"])).group(1)
            if EXERCISES[exercise_id].options:  # a "why" question: its options are on show by design
                continue
            found += [f"{exercise_id}'s answer {form}" for form in answer_shown(exercise_id, "\n".join(shown))]
        else:
            shown.append(_shown_text(cell))
    assert not found, f"{stem}: shown before its solution: {'; '.join(found)}"
    assert solutions >= 2, f"{stem}: at least two exercises with folded solutions"

"""The notebooks as files: pairs in step, executed in order, on the agreed skeleton.

nbval (``make nbval``) re-executes them and compares outputs; these tests check what nbval
cannot: that the reviewed .py and the executed .ipynb hold the same cells, that every code
cell was executed from a clean kernel, and that each notebook teaches what the catalogue
says it does.
"""

from __future__ import annotations

import json
from pathlib import Path

import jupytext
import pytest

from ltvkit.examples import EXAMPLES

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
STEMS = sorted(
    {p.stem for p in NOTEBOOKS.glob("[0-9][0-9]_*.py")}
    | {p.stem for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")}
)
SKELETON = ("**You will learn**", "**You need**", "## Try it", "## Exercises", "## Summary")


def _cells(path: Path) -> list[tuple[str, str, tuple[str, ...]]]:
    notebook = jupytext.read(path)
    return [(c.cell_type, c.source.strip(), tuple(c.metadata.get("tags", ()))) for c in notebook.cells]


def test_there_are_notebooks() -> None:
    assert STEMS, "no notebooks found"


@pytest.mark.drift
@pytest.mark.parametrize("stem", STEMS)
def test_pair_holds_the_same_cells(stem: str) -> None:
    py, ipynb = NOTEBOOKS / f"{stem}.py", NOTEBOOKS / f"{stem}.ipynb"
    assert py.exists() and ipynb.exists(), f"{stem}: both {py.name} and {ipynb.name} must be committed"
    assert _cells(py) == _cells(ipynb), f"{stem}: .py and .ipynb differ; run make notebooks NB={py}"


@pytest.mark.parametrize("stem", STEMS)
def test_executed_in_order_without_errors(stem: str) -> None:
    notebook = json.loads((NOTEBOOKS / f"{stem}.ipynb").read_text(encoding="utf-8"))
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1)), (
        f"{stem}: not executed top to bottom from a clean kernel; run make notebooks"
    )
    for cell in code:
        assert not [o for o in cell["outputs"] if o["output_type"] == "error"], f"{stem}: a stored error"


@pytest.mark.parametrize("stem", STEMS)
def test_follows_the_skeleton(stem: str) -> None:
    text = (NOTEBOOKS / f"{stem}.py").read_text(encoding="utf-8")
    for heading in SKELETON:
        assert heading in text, f"{stem}: missing {heading!r}"
    assert "tags=[\"solution\"]" in text, f"{stem}: exercises need folded solutions tagged solution"
    assert text.count('check("ex-') >= 4, f"{stem}: at least two exercises with ltvkit.course.exercises.check"


@pytest.mark.parametrize("stem", STEMS)
def test_solutions_are_folded(stem: str) -> None:
    notebook = json.loads((NOTEBOOKS / f"{stem}.ipynb").read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if "solution" in cell["metadata"].get("tags", []):
            assert cell["metadata"].get("jupyter", {}).get("source_hidden") is True, f"{stem}: solution not folded"


@pytest.mark.parametrize("example_id", sorted(EXAMPLES))
def test_every_example_is_taught_in_its_notebook(example_id: str) -> None:
    ex = EXAMPLES[example_id]
    path = NOTEBOOKS / f"{ex.notebook}.py"
    assert path.exists(), f"{example_id} belongs to {ex.notebook}, which does not exist"
    text = path.read_text(encoding="utf-8")
    assert f"## {example_id}" in text, f"{ex.notebook} must have a heading for {example_id}"
    assert f'example("{example_id}")' in text, f"{ex.notebook} must read {example_id} from ltvkit.examples"


@pytest.mark.drift
def test_app_pair_holds_the_same_cells() -> None:
    app = NOTEBOOKS.parent / "app" / "calculators.py"
    assert _cells(app) == _cells(app.with_suffix(".ipynb")), (
        "app/calculators.py and .ipynb differ; run .venv/bin/jupytext --sync app/calculators.ipynb"
    )


@pytest.mark.parametrize("stem", STEMS)
def test_notebook_shows_the_calculators_the_registry_lists(stem: str) -> None:
    """The app and the browser tests read ltvkit.calculators.REGISTRY: it must match what each notebook builds."""
    import re

    from ltvkit import calculators
    from ltvkit.calculators import REGISTRY

    code = "\n".join(source for kind, source, _ in _cells(NOTEBOOKS / f"{stem}.py") if kind == "code")
    built = [name for name in dict.fromkeys(re.findall(r"\b([a-z_]+_calculator)\(", code))
             if hasattr(calculators, name)]
    listed = [factory.__name__ for factory in REGISTRY.get(stem, ())]
    assert sorted(built) == sorted(listed), f"{stem} builds {built}; ltvkit.calculators.REGISTRY lists {listed}"

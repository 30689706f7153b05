"""Every calculator of every notebook, used in JupyterLab in a real browser.

Covers any notebook whose stored outputs display widgets (so notebooks added later are
included): open it, clear the outputs, run all cells, then for each ``.ltv-calculator`` box
check the default figure, an arrow-key step, a value typed in a readout, the plot redrawn, and
the validation message (no traceback) for a value ltvkit rejects. Figures are checked against
the same calculators built in this process by running the notebook's code (ltv_ui.displayed_calculators).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from ltv_ui import ROOT, Server, Twin, displayed_calculators, displayed_widget_views, exercise_calculator, slug

NOTEBOOKS = [p for p in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")) if displayed_widget_views(p)]
IDLE = re.compile(r"\| Idle$")
ERRORS = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]'
TRACEBACKS = f'{ERRORS}, .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
# Finished when every code cell of the notebook's model has run (a fresh kernel numbers them
# 1..N; folded cells show no prompt, so the model is read through the app Lab exposes) and every
# widget the stored notebook displays is drawn again.
RUN_FINISHED = """([codeCells, views, errors]) => {
    const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
    if (!panel || !panel.content || !panel.content.model) return false;
    if (panel.node.querySelector(errors)) return true;
    const cells = [...panel.content.model.cells].filter(cell => cell.type === 'code');
    const counts = cells.map(cell => cell.executionCount).filter(count => count !== null && count !== undefined);
    if (counts.length < codeCells || Math.max(...counts) !== codeCells) return false;
    if (cells.some(cell => cell.executionState === 'running')) return false;
    const drawn = [...panel.node.querySelectorAll('.jp-Cell-outputArea > .jp-OutputArea-child > .jp-OutputArea-output')]
        .filter(output => output.querySelector(':scope > .jupyter-widgets'));
    return drawn.length >= views;
}"""


def _menu(page: Any, menu: str, item: str) -> None:
    page.locator(".lm-MenuBar-itemLabel").get_by_text(menu, exact=True).click()
    page.locator(".lm-Menu-itemLabel").get_by_text(item, exact=True).click()


def _run_all(page: Any, lab: Server, notebook: Path) -> None:
    """Open the notebook in a new kernel, clear its outputs, run all cells and wait for the last."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    code_cells = sum(c["cell_type"] == "code" and "".join(c["source"]).strip() != "" for c in cells)
    page.goto(f"{lab.base_url}/lab/tree/{notebook.relative_to(ROOT).as_posix()}?token={lab.token}&reset")
    page.get_by_text(IDLE).wait_for(timeout=60_000)
    _menu(page, "Edit", "Clear Outputs of All Cells")
    _menu(page, "Run", "Run All Cells")
    page.wait_for_function(RUN_FINISHED, arg=[code_cells, displayed_widget_views(notebook), ERRORS], timeout=120_000)
    errors = page.locator(ERRORS)
    assert errors.count() == 0, f"{notebook.name}: a cell raised in JupyterLab:\n{errors.first.inner_text()}"
    page.get_by_text(IDLE).wait_for(timeout=30_000)


def stored_stderr_outputs(notebook: Path) -> int:
    """How many stderr outputs the stored notebook shows (a fit warning the notebook explains, say)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return sum(output.get("name") == "stderr" for cell in cells for output in cell.get("outputs", []))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_calculators_in_jupyterlab(
    notebook: Path, lab: Server, page: Any, screenshots: Path, record_screenshots: Any
) -> None:
    twins = [Twin(calculator) for calculator in displayed_calculators(notebook)]
    if not twins:
        pytest.skip(f"{notebook.name} displays widgets but no calculator")
    try:
        _run_all(page, lab, notebook)
        boxes = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .ltv-calculator")
        assert boxes.count() == len(twins), f"{notebook.name}: {boxes.count()} on the page, {len(twins)} built"

        expected = stored_stderr_outputs(notebook)  # a warning the notebook teaches with is no failure

        def no_traceback() -> None:
            shown = page.locator(TRACEBACKS)
            assert shown.count() == expected, f"{notebook.name}: after an invalid value: {shown.last.inner_text()}"
            assert "Traceback" not in page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)").inner_text()

        for position, twin in enumerate(twins):
            name = f"lab-{notebook.stem}-{position + 1}-{slug(twin.title)}"
            record_screenshots(exercise_calculator(boxes.nth(position), twin, screenshots, name, no_traceback))
    finally:
        for session in lab.api("GET", "/api/sessions"):
            lab.api("DELETE", f"/api/sessions/{session['id']}")

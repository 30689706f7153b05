"""The calculators app (``make app``): the Voila page shows every calculator of ltvkit, working.

Voila sometimes stalls while it executes a notebook whose cells fill Output widgets (upstream
voila issues 1395 and 1446); with progressive rendering a reload starts a new kernel and gets
through, so the page is reloaded a bounded number of times. JupyterLab's test is the
authoritative one for each notebook's calculators; this one checks the app as a whole.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jupytext
import pytest
from ltv_ui import (
    ROOT,
    VENV_BIN,
    Server,
    Twin,
    calculator_factories,
    check_defaults,
    displayed_calculators,
    exercise_calculator,
    free_port,
    isolated_environment,
)

APP = ROOT / "app" / "calculators.ipynb"
ATTEMPTS, SECONDS_PER_ATTEMPT = 3, 30


def test_app_pair_holds_the_same_cells() -> None:
    def cells(path: Path) -> list[tuple[str, str]]:
        return [(c.cell_type, c.source.strip()) for c in jupytext.read(path).cells]

    assert cells(APP) == cells(APP.with_suffix(".py")), "app/calculators.py and .ipynb differ: re-pair them"
    stored = json.loads(APP.read_text(encoding="utf-8"))
    assert all(not c.get("outputs") for c in stored["cells"]), "commit app/calculators.ipynb without outputs"


@pytest.fixture(scope="module")
def voila(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    base = tmp_path_factory.mktemp("voila")
    shutil.copytree(ROOT / "app", base / "app")
    port = free_port()
    server = Server.start(
        [str(VENV_BIN / "voila"), "calculators.ipynb", "--no-browser", "--Voila.ip=127.0.0.1", f"--port={port}",
         "--progressive_rendering=True"],
        cwd=base / "app", env=isolated_environment(base), base_url=f"http://127.0.0.1:{port}",
        ready_path="/voila/static/voila.js", log=base / "voila.log",
    )
    yield server
    server.stop()


def test_calculators_app_in_voila(voila: Server, page: Any, screenshots: Path, record_screenshots: Any) -> None:
    twins = [Twin(calculator) for calculator in displayed_calculators(APP)]
    factories = calculator_factories()
    assert len(twins) == len(factories), f"the app gathers {len(twins)} of the {len(factories)} calculators of ltvkit"
    boxes = page.locator(".ltv-calculator")
    for attempt in range(1, ATTEMPTS + 1):
        page.goto(f"{voila.base_url}/", wait_until="domcontentloaded")
        try:
            page.wait_for_function(
                "n => document.querySelectorAll('.ltv-calculator .ltv-result').length >= n",
                arg=len(twins), timeout=SECONDS_PER_ATTEMPT * 1000,
            )
            break
        except Exception:
            if attempt == ATTEMPTS:
                raise AssertionError(
                    f"Voila drew {boxes.count()} of {len(twins)} calculators after {ATTEMPTS} attempts:\n"
                    f"{voila.log_tail()}"
                ) from None
    assert boxes.count() == len(twins)
    assert "display(factory())" not in page.locator("body").inner_text(), "the app shows its code"
    for position, twin in enumerate(twins):
        check_defaults(boxes.nth(position), twin, f"app {position + 1} {twin.title}")
    screenshot = screenshots / "voila-app.png"
    page.screenshot(path=screenshot)
    shots = [screenshot]

    def no_traceback() -> None:
        assert "Traceback" not in page.locator("body").inner_text(), "the app shows a traceback"

    # One calculator driven end to end (the first that can show a validation message).
    position = next((i for i, twin in enumerate(twins) if twin.invalid_value(twin.defaults())), 0)
    shots += exercise_calculator(boxes.nth(position), twins[position], screenshots, "voila-app-calculator",
                                 no_traceback)
    record_screenshots(shots)

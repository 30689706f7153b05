"""The calculators app (``make app``): the Voila page shows every calculator of ltvkit, working.

Voila sometimes stalls while it executes a notebook whose cells fill Output widgets (upstream
voila issues 1395 and 1446); with progressive rendering a reload starts a new kernel and gets
through, so the page is reloaded a bounded number of times. JupyterLab's test is the
authoritative one for each notebook's calculators; this one checks the app as a whole.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import jupytext
import pytest
from ltv_ui import (
    ROOT,
    Server,
    Twin,
    calculator_factories,
    check_defaults,
    displayed_calculators,
    exercise_calculator,
)

APP = ROOT / "app" / "calculators.ipynb"  # served by the session's voila fixture (conftest.py), as make app does
ATTEMPTS, SECONDS_PER_ATTEMPT = 3, 30


def test_app_pair_holds_the_same_cells() -> None:
    def cells(path: Path) -> list[tuple[str, str]]:
        return [(c.cell_type, c.source.strip()) for c in jupytext.read(path).cells]

    assert cells(APP) == cells(APP.with_suffix(".py")), "app/calculators.py and .ipynb differ: re-pair them"
    stored = json.loads(APP.read_text(encoding="utf-8"))
    assert all(not c.get("outputs") for c in stored["cells"]), "commit app/calculators.ipynb without outputs"


def test_app_needs_the_token(voila: Server) -> None:
    """make app serves on 127.0.0.1 behind a per-run token: without it no page (and no kernel) is served."""
    assert voila.base_url.startswith("http://127.0.0.1:") and len(voila.token) >= 24
    request = urllib.request.Request(f"{voila.base_url}/voila/render/your_data.ipynb")
    opener = urllib.request.build_opener(type("NoRedirect", (urllib.request.HTTPRedirectHandler,),
                                              {"redirect_request": lambda *args, **kwargs: None})())
    with pytest.raises(urllib.error.HTTPError) as refused:
        opener.open(request, timeout=10)
    assert refused.value.code in (302, 403), f"without the token Voila answered {refused.value.code}"


def test_calculators_app_in_voila(voila: Server, page: Any, screenshots: Path, record_screenshots: Any) -> None:
    twins = [Twin(calculator) for calculator in displayed_calculators(APP)]
    factories = calculator_factories()
    assert len(twins) == len(factories), f"the app gathers {len(twins)} of the {len(factories)} calculators of ltvkit"
    boxes = page.locator(".ltv-calculator")
    for attempt in range(1, ATTEMPTS + 1):
        page.goto(f"{voila.base_url}/voila/render/calculators.ipynb?token={voila.token}", wait_until="domcontentloaded")
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

"""The HTML report (``make report``) opened from disk in Chromium: no server, no kernel, no network.

The index lists every notebook in order; each page that shows calculators draws them from the
embedded widget state at their default values (checked against the calculators rebuilt here
from ltvkit), with their plots; solutions stay folded; navigation links previous / next /
index; the reproducibility page lists every notebook's time and the nbval result.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ltv_ui import ROOT, Twin, check_defaults, displayed_calculators

REPORT = ROOT / "report"
STATE = "application/vnd.jupyter.widget-state+json"


def _stems() -> list[str]:
    return [p.stem for p in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))]


def _calculators_and_solutions(stem: str) -> tuple[int, int]:
    """From the notebook the report executed: displayed calculators, and cells tagged solution."""
    notebook = json.loads((REPORT / "notebooks" / f"{stem}.ipynb").read_text(encoding="utf-8"))
    models = notebook["metadata"].get("widgets", {}).get(STATE, {}).get("state", {})
    calculators = solutions = 0
    for cell in notebook["cells"]:
        solutions += "solution" in cell["metadata"].get("tags", [])
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get("application/vnd.jupyter.widget-view+json")
            if view and "ltv-calculator" in models.get(view["model_id"], {}).get("state", {}).get("_dom_classes", []):
                calculators += 1
    return calculators, solutions


@pytest.fixture
def offline(page: Any) -> list[str]:
    """Every request the page makes to anything but a local file (there should be none)."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url)
            if not request.url.startswith(("file:", "data:", "blob:")) else None)
    return requests


def _require_report() -> None:
    if not (REPORT / "index.html").exists():
        pytest.fail("report/index.html is missing: run `make report` first (make ui does)")


def test_index_lists_every_notebook_in_order(page: Any, offline: list[str], screenshots: Path,
                                             record_screenshots: Any) -> None:
    _require_report()
    page.goto((REPORT / "index.html").as_uri())
    entries = page.locator(".ltv-outline li")
    assert [entries.nth(i).get_attribute("data-notebook") for i in range(entries.count())] == _stems()
    for i in range(entries.count()):
        entry = entries.nth(i)
        assert entry.locator(".ltv-number").inner_text() == entry.get_attribute("data-notebook")[:2]
        href = entry.locator("a").get_attribute("href")
        assert (REPORT / href).exists(), f"index links to a missing page {href}"
        assert len(entry.inner_text().split("—", 1)[-1].strip()) > 20, f"{href}: no 'what you will learn' line"
    shot = screenshots / "report-index.png"
    page.screenshot(path=shot, full_page=True)
    record_screenshots([shot])
    assert offline == [], f"the index asked the network for {offline}"


@pytest.mark.parametrize("stem", _stems())
def test_page_draws_calculators_at_their_defaults(
    stem: str, page: Any, offline: list[str], screenshots: Path, record_screenshots: Any
) -> None:
    _require_report()
    calculators, solutions = _calculators_and_solutions(stem)
    page.goto((REPORT / f"{stem}.html").as_uri())
    page.wait_for_function("n => document.querySelectorAll('.ltv-calculator .ltv-result').length >= n",
                           arg=calculators, timeout=30_000)
    boxes = page.locator(".ltv-calculator")
    assert boxes.count() == calculators
    twins = [Twin(calculator) for calculator in displayed_calculators(ROOT / "notebooks" / f"{stem}.ipynb")]
    assert len(twins) == calculators, f"{stem}: the report shows {calculators} calculators, the notebook {len(twins)}"
    for position, twin in enumerate(twins):
        check_defaults(boxes.nth(position), twin, f"report {stem} {twin.title}")
    if calculators:
        shot = screenshots / f"report-{stem}-calculator.png"
        boxes.first.screenshot(path=shot)
        record_screenshots([shot])

    folded = page.locator("details.ltv-folded")
    assert folded.count() >= solutions
    for i in range(folded.count()):
        assert folded.nth(i).get_attribute("open") is None, f"{stem}: a solution is open"
        assert not folded.nth(i).locator(".jp-InputArea").is_visible(), f"{stem}: a folded solution shows its code"

    stems = _stems()
    here = stems.index(stem)
    navigation = page.locator("nav.ltv-nav").first
    assert navigation.locator("a.ltv-index").get_attribute("href") == "index.html"
    previous, following = navigation.locator("a.ltv-prev"), navigation.locator("a.ltv-next")
    assert previous.count() == (here > 0) and following.count() == (here + 1 < len(stems))
    if here > 0:
        assert previous.get_attribute("href") == f"{stems[here - 1]}.html"
    if here + 1 < len(stems):
        assert following.get_attribute("href") == f"{stems[here + 1]}.html"
    assert offline == [], f"{stem}: the page asked the network for {offline}"


def test_reproducibility_page(page: Any, offline: list[str]) -> None:
    _require_report()
    page.goto((REPORT / "reproducibility.html").as_uri())
    rows = page.locator("#ltv-notebook-times tbody tr")
    assert [rows.nth(i).get_attribute("data-notebook") for i in range(rows.count())] == _stems()
    for i in range(rows.count()):
        assert rows.nth(i).locator("td").nth(3).inner_text().endswith(" s")
    assert "passed" in page.locator("#ltv-nbval").inner_text()
    packages = page.locator("#ltv-packages").inner_text()
    for name in ("ipywidgets", "nbconvert", "matplotlib"):
        assert name in packages
    assert offline == []

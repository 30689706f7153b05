"""The Russian edition in a real browser: its notebooks in JupyterLab, its report pages from disk.

Each Russian notebook (``notebooks/ru/``) is opened in JupyterLab, run from a clean kernel, and
every calculator is driven as in the English test; the figures are checked against the same
calculators built here from the Russian notebook's code, in Russian (a calculator keeps the
language it was built in). The result line must be Russian: money in ₽ with Russian
separators, no "RUB". The Russian report page draws its calculators at their defaults and
its language switch leads to the English page and back.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from ltv_ui import ROOT, Server, Twin, check_defaults, displayed_calculators, exercise_calculator, slug
from test_ui_lab import _run_all

RUSSIAN = sorted((ROOT / "notebooks" / "ru").glob("[0-9][0-9]_*.ipynb"))
REPORT = ROOT / "report"
CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def _russian_result(text: str) -> None:
    """A result line a Russian reader can read: Russian words or ₽ amounts with Russian separators, no "RUB"."""
    assert "RUB" not in text and (CYRILLIC.search(text) or "₽" in text), f"not a Russian result line: {text!r}"
    english_grouping = r"(?<![\d,])[1-9]\d{0,2}(?:,\d{3})+(?![\d,])"  # 6,300; not the decimal 0,797
    assert not re.search(english_grouping, text), f"an English thousands separator in {text!r}"


@pytest.mark.parametrize("notebook", RUSSIAN, ids=[p.stem for p in RUSSIAN])
def test_russian_notebook_in_jupyterlab(
    notebook: Path, lab: Server, page: Any, screenshots: Path, record_screenshots: Any
) -> None:
    twins = [Twin(calculator) for calculator in displayed_calculators(notebook)]
    if not twins:
        pytest.skip(f"{notebook.name} shows no calculator")
    for twin in twins:
        _russian_result(twin.state(twin.defaults())[0])
    try:
        _run_all(page, lab, notebook)
        boxes = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .ltv-calculator")
        assert boxes.count() == len(twins), f"ru/{notebook.name}: {boxes.count()} on the page, {len(twins)} built"

        def no_traceback() -> None:
            assert "Traceback" not in page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)").inner_text()

        for position, twin in enumerate(twins):
            box = boxes.nth(position)
            _russian_result(box.locator(".ltv-result").inner_text())
            name = f"lab-ru-{notebook.stem}-{position + 1}-{slug(twin.names[0])}"
            record_screenshots(exercise_calculator(box, twin, screenshots, name, no_traceback))
            message = box.locator(".ltv-error").inner_text()  # exercise_calculator ends on a rejected value
            assert not message or CYRILLIC.search(message), f"the validation message is not Russian: {message!r}"
    finally:
        for session in lab.api("GET", "/api/sessions"):
            lab.api("DELETE", f"/api/sessions/{session['id']}")


@pytest.mark.parametrize("notebook", RUSSIAN, ids=[p.stem for p in RUSSIAN])
def test_russian_report_page(notebook: Path, page: Any, screenshots: Path, record_screenshots: Any) -> None:
    html = REPORT / "ru" / f"{notebook.stem}.html"
    if not html.exists():
        pytest.fail(f"{html} is missing: run `make report` first (make ui does)")
    twins = [Twin(calculator) for calculator in displayed_calculators(notebook)]
    page.goto(html.as_uri())
    page.wait_for_function("n => document.querySelectorAll('.ltv-calculator .ltv-result').length >= n",
                           arg=len(twins), timeout=30_000)
    assert page.locator("html").get_attribute("lang") == "ru"
    boxes = page.locator(".ltv-calculator")
    assert boxes.count() == len(twins)
    for position, twin in enumerate(twins):
        reading = check_defaults(boxes.nth(position), twin, f"report ru/{notebook.stem} {twin.title}")
        _russian_result(reading.result)
    if twins:
        shot = screenshots / f"report-ru-{notebook.stem}-calculator.png"
        boxes.first.screenshot(path=shot)
        record_screenshots([shot])
    assert page.locator("summary").first.inner_text() in ("Решение", "Скрытый код")

    switch = page.locator("nav.ltv-nav a.ltv-language").first
    assert (switch.inner_text(), switch.get_attribute("href")) == ("English", f"../{notebook.stem}.html")
    switch.click()
    page.wait_for_load_state()
    assert page.url == (REPORT / f"{notebook.stem}.html").as_uri()
    back = page.locator("nav.ltv-nav a.ltv-language").first
    assert (back.inner_text(), back.get_attribute("href")) == ("Русский", f"ru/{notebook.stem}.html")


def test_russian_report_index_lists_the_russian_notebooks(page: Any) -> None:
    page.goto((REPORT / "ru" / "index.html").as_uri())
    entries = page.locator(".ltv-outline li")
    assert [entries.nth(i).get_attribute("data-notebook") for i in range(entries.count())] == [p.stem for p in RUSSIAN]
    assert CYRILLIC.search(page.locator("h1").inner_text())
    for i in range(entries.count()):
        href = entries.nth(i).locator("a").get_attribute("href")
        assert (REPORT / "ru" / href).exists() and CYRILLIC.search(entries.nth(i).inner_text())


def test_calculators_app_in_russian(tmp_path: Path, page: Any, screenshots: Path, record_screenshots: Any) -> None:
    """`make app LTVKIT_LANGUAGE=ru`: Voila's kernel inherits the variable; the page is the Russian app."""
    import shutil

    from ltv_ui import VENV_BIN, free_port, isolated_environment
    from test_ui_app import APP, ATTEMPTS, SECONDS_PER_ATTEMPT

    shutil.copytree(ROOT / "app", tmp_path / "app")
    port = free_port()
    server = Server.start(
        [str(VENV_BIN / "voila"), "calculators.ipynb", "--no-browser", "--Voila.ip=127.0.0.1", f"--port={port}",
         "--progressive_rendering=True"],
        cwd=tmp_path / "app", env={**isolated_environment(tmp_path), "LTVKIT_LANGUAGE": "ru"},
        base_url=f"http://127.0.0.1:{port}", ready_path="/voila/static/voila.js", log=tmp_path / "voila.log",
    )
    try:
        twins = [Twin(calculator) for calculator in displayed_calculators(APP, "ru")]
        boxes = page.locator(".ltv-calculator")
        for attempt in range(1, ATTEMPTS + 1):
            page.goto(f"{server.base_url}/", wait_until="domcontentloaded")
            try:
                page.wait_for_function("n => document.querySelectorAll('.ltv-calculator .ltv-result').length >= n",
                                       arg=len(twins), timeout=SECONDS_PER_ATTEMPT * 1000)
                break
            except Exception:
                if attempt == ATTEMPTS:
                    raise AssertionError(f"Voila drew {boxes.count()} of {len(twins)} calculators:\n"
                                         f"{server.log_tail()}") from None
        assert page.locator("h1").first.inner_text() == "Калькуляторы LTV"
        for position, twin in enumerate(twins):
            check_defaults(boxes.nth(position), twin, f"app ru {position + 1} {twin.title}")
        first = boxes.first.locator(".ltv-result").inner_text()
        _russian_result(first)
        shot = screenshots / "voila-app-ru.png"
        page.screenshot(path=shot)
        record_screenshots([shot])
    finally:
        server.stop()


def test_your_data_page_in_russian(tmp_path: Path, page: Any, screenshots: Path, record_screenshots: Any) -> None:
    """`make app LTVKIT_LANGUAGE=ru`'s Your data page: upload the school's export, make the report, all in Russian."""
    import shutil

    from ltv_ui import VENV_BIN, free_port, isolated_environment
    from test_ui_your_data import ATTEMPTS, SCHOOL, upload_file

    from ltvkit.report import SECTIONS

    shutil.copytree(ROOT / "app", tmp_path / "app")
    port = free_port()
    server = Server.start(
        [str(VENV_BIN / "voila"), "your_data.ipynb", "--no-browser", "--Voila.ip=127.0.0.1", f"--port={port}"],
        cwd=tmp_path / "app", env={**isolated_environment(tmp_path), "LTVKIT_LANGUAGE": "ru"},
        base_url=f"http://127.0.0.1:{port}", ready_path="/voila/static/voila.js", log=tmp_path / "voila.log",
    )
    try:
        for attempt in range(1, ATTEMPTS + 1):
            page.goto(f"{server.base_url}/", wait_until="domcontentloaded")
            try:
                page.wait_for_selector("button.ltv-upload", timeout=30_000)
                break
            except Exception:
                if attempt == ATTEMPTS:
                    raise AssertionError(f"the Russian Your data page did not load:\n{server.log_tail()}") from None
        assert page.locator("h1").first.inner_text() == "Ваши данные: отчёт по LTV на ваших заказах"
        assert page.locator("button.ltv-make").inner_text().strip() == "Построить отчёт"
        upload_file(page, SCHOOL)
        page.wait_for_function("() => document.querySelector('.ltv-column-partner select')?.value === 'Партнёр'",
                               timeout=30_000)
        page.wait_for_function("() => document.querySelector('.ltv-guessed')?.innerText.includes('по названию')",
                               timeout=30_000)  # how each column was found, in Russian
        page.locator(".ltv-skip input[type=checkbox]").check()
        page.locator("button.ltv-make").click()
        page.wait_for_function(f"() => document.querySelectorAll('.ltv-report-section').length === {len(SECTIONS)}",
                               timeout=90_000)
        page.wait_for_selector("a.ltv-download[download='customers.csv']", timeout=30_000)
        text = page.locator("body").inner_text()
        assert "Traceback" not in text and "How to read it" not in text
        assert "Как читать." in text and "ноутбуке 09 · LTV по выгрузке заказов" in text
        assert "145 731 409,00 ₽" in text.replace("\xa0", " ")  # the loader's net total, written the Russian way
        assert page.locator("a.ltv-download").first.inner_text().startswith("Скачать список клиентов")
        shots = [screenshots / "your-data-ru-report.png", screenshots / "your-data-ru-distribution.png"]
        page.screenshot(path=shots[0], full_page=True)
        page.locator(".ltv-report-section").nth(1).screenshot(path=shots[1])
        record_screenshots(shots)
    finally:
        server.stop()


def test_own_data_report_in_russian(tmp_path: Path, page: Any, screenshots: Path, record_screenshots: Any) -> None:
    """`python -m ltvkit.report ... --language ru`: the page from disk is Russian, its sections and figures drawn."""
    from ltvkit.report import SECTIONS
    from ltvkit.report.command import main

    out = tmp_path / "school_report"
    assert main([str(ROOT / "data" / "school_orders.csv"), "--costs", str(ROOT / "data" / "school_partners.csv"),
                 "--margin", "0.6", "--skip-bad-rows", "--language", "ru", "--out", str(out)]) == 0
    page.goto((out / "index.html").as_uri())
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("h1").first.inner_text() == "Отчёт по LTV: school_orders.csv"
    headings = page.locator("section.ltv-section h2")
    assert headings.count() == len(SECTIONS) and all(CYRILLIC.search(headings.nth(i).inner_text())
                                                     for i in range(headings.count()))
    assert page.locator("img.ltv-figure").count() >= 6
    link = page.locator(".ltv-reading a").first
    assert link.get_attribute("href") == "../notebooks/ru/09_ltv_from_transactions.ipynb"
    text = page.locator("body").inner_text()
    assert "How to read it" not in text and "Как читать." in text and "Traceback" not in text
    shots = [screenshots / "report-own-data-ru.png", screenshots / "report-own-data-ru-channels.png"]
    page.screenshot(path=shots[0], full_page=True)
    page.locator("#section-channels").screenshot(path=shots[1])
    record_screenshots(shots)

"""The app's "Your data" page in Chromium: upload the school's export, confirm the columns, see the report, download it.

The page is served as ``make app`` serves it (the session's ``voila`` fixture: 127.0.0.1, a
token). The test uploads ``data/school_orders.csv`` (cp1251, ``;``, decimal commas), checks the
guessed columns in the dropdowns, sees the loader's refusal (three bad lines) next to the upload,
ticks "leave out", waits for every section's figures, downloads ``customers.csv`` and checks its
total against the loader's to the kopeck, then uploads a broken file and sees its message.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pandas as pd
from ltv_ui import ROOT, Server

from ltvkit.orders import read_orders
from ltvkit.report import SECTIONS

PAGE = "/voila/render/your_data.ipynb"
SCHOOL = ROOT / "data" / "school_orders.csv"
ATTEMPTS = 3


def open_page(page: Any, voila: Server) -> None:
    """Load the page; Voila may stall on a first kernel (see test_ui_app), so retry a bounded number of times."""
    for attempt in range(1, ATTEMPTS + 1):
        page.goto(f"{voila.base_url}{PAGE}?token={voila.token}", wait_until="domcontentloaded")
        try:
            page.wait_for_selector("button.ltv-upload", timeout=30_000)
            return
        except Exception:
            if attempt == ATTEMPTS:
                raise AssertionError(f"the Your data page did not load:\n{voila.log_tail()}") from None


def upload_file(page: Any, path: Path) -> None:
    """Choose a file through the upload button (ipywidgets keeps its file input out of the page)."""
    with page.expect_file_chooser() as chooser:
        page.locator("button.ltv-upload").click()
    chooser.value.set_files(str(path))


def selected(page: Any, role: str) -> str:
    return page.locator(f".ltv-column-{role} select").input_value()


def test_upload_confirm_report_download(voila: Server, page: Any, screenshots: Path, record_screenshots: Any,
                                        tmp_path: Path) -> None:
    open_page(page, voila)
    upload_file(page, SCHOOL)
    page.wait_for_function("() => document.querySelector('.ltv-column-partner select')?.value === 'Партнёр'",
                           timeout=30_000)  # the dropdowns are filled one after the other; partner is the last
    assert [selected(page, role) for role in ("customer", "date", "amount", "channel", "partner")] == [
        "ID клиента", "Дата оплаты", "Сумма, руб.", "Канал", "Партнёр"]
    page.wait_for_function("() => document.querySelector('.ltv-guessed')?.innerText.includes('by name')",
                           timeout=30_000)  # how each column was found: written after the dropdowns are filled
    shots = [screenshots / "your-data-uploaded.png"]
    page.screenshot(path=shots[-1], full_page=True)

    page.locator("button.ltv-make").click()  # the loader refuses the three bad rows: the message shows by the upload
    message = page.locator(".ltv-error").first
    page.wait_for_function("() => document.querySelector('.ltv-error')?.innerText.includes('line 1202')",
                           timeout=30_000)
    assert "line 7704" in message.inner_text() and "Leave out" in message.inner_text()

    page.locator(".ltv-skip input[type=checkbox]").check()
    page.locator("button.ltv-make").click()
    page.wait_for_function(f"() => document.querySelectorAll('.ltv-report-section').length === {len(SECTIONS)}",
                           timeout=90_000)
    page.wait_for_selector("a.ltv-download[download='customers.csv']", timeout=30_000)
    assert page.locator(".ltv-report-section img.ltv-figure").count() >= 6
    assert page.locator(".ltv-error").first.inner_text().strip() == ""
    text = page.locator("body").inner_text()
    assert "Traceback" not in text and "How to read it." in text and "notebook 09 · LTV from an order export" in text
    shots.append(screenshots / "your-data-report.png")
    page.screenshot(path=shots[-1], full_page=True)
    shots.append(screenshots / "your-data-distribution.png")
    page.locator(".ltv-report-section").nth(1).screenshot(path=shots[-1])

    with page.expect_download() as download:
        page.locator("a.ltv-download[download='customers.csv']").click()
    saved = tmp_path / "customers.csv"
    download.value.save_as(saved)
    scored = pd.read_csv(saved, dtype={"customer": str})
    orders = read_orders(SCHOOL, customer="ID клиента", date="Дата оплаты", amount="Сумма, руб.", on_bad_rows="skip")
    assert round(scored["revenue_RUB"].sum(), 2) == round(float(orders["amount"].sum()), 2)
    assert len(scored) == orders["customer"].nunique()
    assert {"clv_RUB", "clv_lower_95_RUB", "clv_upper_95_RUB", "segment"} <= set(scored.columns)
    assert page.locator("a.ltv-download[download='customers.xlsx']").count() == 1

    broken = tmp_path / "broken.csv"
    broken.write_bytes("Клиент;Дата;Сумма\nA;вчера;12\nB;05.03.2024;13\n".encode("cp1251"))
    upload_file(page, broken)
    page.wait_for_function("() => document.querySelector('.ltv-column-amount select')?.value === 'Сумма'",
                           timeout=30_000)
    page.locator(".ltv-skip input[type=checkbox]").uncheck()
    page.locator("button.ltv-make").click()
    page.wait_for_function("() => document.querySelector('.ltv-error')?.innerText.includes('line 2')",
                           timeout=30_000)
    assert "not a date" in page.locator(".ltv-error").first.inner_text()
    assert page.locator(".ltv-report-section").count() == 0 and "Traceback" not in page.locator("body").inner_text()
    shots.append(screenshots / "your-data-broken.png")
    page.screenshot(path=shots[-1], full_page=True)
    record_screenshots(shots)
    pd.read_csv(io.StringIO(saved.read_text(encoding="utf-8")))  # the download is plain UTF-8 CSV

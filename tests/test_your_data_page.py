"""The app's "Your data" page in the kernel (no browser): size limit, refusals by the upload, report, downloads."""

from __future__ import annotations

import base64
import io
import re

import pandas as pd

from ltvkit.calculators import UPLOAD_LIMIT_MB, YourDataPage
from ltvkit.datasets import data_path
from ltvkit.report import SECTIONS

SCHOOL = data_path("school_orders").read_bytes()


def downloaded(page: YourDataPage, name: str) -> bytes:
    match = re.search(rf'download="{name}" href="data:[^;]+(?:;charset=utf-8)?;base64,([^"]+)"', page.downloads.value)
    assert match, f"no download link for {name}"
    return base64.b64decode(match[1])


def test_a_file_over_the_limit_is_refused_next_to_the_upload() -> None:
    page = YourDataPage()
    page.receive("huge.csv", b"a,b\n1,2\n", size=UPLOAD_LIMIT_MB * 1_000_000 + 1)
    assert "up to 50 MB" in page.message.value and page.button.disabled
    assert page.sections.children == ()


def test_the_schools_export_is_refused_then_reported_with_the_rows_left_out() -> None:
    page = YourDataPage()
    page.receive("school_orders.csv", SCHOOL)
    assert page.chosen_columns()["customer"] == "ID клиента" and not page.button.disabled
    page.make_report()
    assert "line 1202" in page.message.value and "Leave out rows" in page.message.value
    page.skip.value = True
    page._on_costs({"new": ({"content": data_path("school_partners").read_bytes()},)})  # as its upload sends it
    page.make_report()
    assert page.message.value == "" and len(page.sections.children) == len(SECTIONS)
    assert "LTV:CAC" in page.sections.children[3].value
    scored = pd.read_csv(io.BytesIO(downloaded(page, "customers.csv")), dtype={"customer": str})
    assert round(scored["revenue_RUB"].sum(), 2) == 145_731_409.00
    workbook = pd.read_excel(io.BytesIO(downloaded(page, "customers.xlsx")), sheet_name="customers",
                             dtype={"customer": str})
    assert workbook["customer"].tolist() == scored["customer"].tolist()
    assert round(workbook["clv_RUB"].sum(), 2) == round(scored["clv_RUB"].sum(), 2)
    assert (workbook["clv_lower_95_RUB"] <= workbook["clv_RUB"]).all()
    report = downloaded(page, "report.html").decode("utf-8")
    assert report.count('class="ltv-section"') == len(SECTIONS) and "<script" not in report


def test_columns_can_be_corrected_in_the_dropdowns() -> None:
    page = YourDataPage()
    page.receive("orders.csv", b"id,day,sum,other\na,2024-01-05,100,1\na,2024-02-07,50,2\nb,2024-01-20,80,3\n")
    page.dropdowns["amount"].value = "other"
    page.make_report()
    assert page.message.value == ""
    assert "net total 6.00 RUB" in page.sections.children[0].value  # 1 + 2 + 3: the column chosen, not the guess


def test_a_file_that_is_not_a_table_shows_the_message() -> None:
    page = YourDataPage()
    page.receive("empty.csv", b"   \n")
    assert "empty" in page.message.value and page.button.disabled

"""The report command as a user runs it: the README's commands, a file with bad rows, an export without repeat buyers.

Each run is a real ``python -m ltvkit.report`` process (a kernel executes the report notebook),
about 5-10 s each.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from ltvkit.datasets import data_path
from ltvkit.orders import read_orders
from ltvkit.report import SECTIONS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def readme_commands() -> list[list[str]]:
    """The ``python -m ltvkit.report`` lines of the README's report section."""
    section = README.split("## An LTV report on your own orders", 1)[1].split("\n## ", 1)[0]
    block = section.split("```bash", 1)[1].split("```", 1)[0]
    return [shlex.split(line) for line in block.splitlines() if line.startswith("python -m ltvkit.report")]


def run(argv: list[str], out: Path) -> subprocess.CompletedProcess[str]:
    argv = list(argv)
    if "--out" in argv:
        argv[argv.index("--out") + 1] = str(out)
    else:
        argv += ["--out", str(out)]
    return subprocess.run([sys.executable, *argv[1:]], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          check=False)


def check_outputs(out: Path, orders: pd.DataFrame) -> dict:
    """The three files exist; the page is static; totals equal the loader's to the kopeck."""
    page = (out / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page), "the page loads something from the network"
    assert "<script" not in page
    for section in SECTIONS.values():
        assert f'id="section-{section.key}"' in page and section.reading[:40] in page.replace("&#x27;", "'")
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    customers = pd.read_csv(out / "customers.csv", dtype={"customer": str})
    total = round(float(orders["amount"].sum()), 2)
    assert summary["orders_amount"] == total
    assert round(customers[f"revenue_{summary['currency']}"].sum() + summary["refund_only_amount"], 2) == total
    assert customers["customer"].nunique() == len(customers) == summary["customers"]
    return summary


@pytest.fixture(scope="module")
def commands() -> list[list[str]]:
    found = readme_commands()
    assert len(found) == 2, "the README shows the command on the school's export and on CDNOW"
    return found


def test_readme_command_on_the_schools_export(commands: list[list[str]], tmp_path: Path) -> None:
    school = next(c for c in commands if "data/school_orders.csv" in c)
    result = run(school, tmp_path / "school")
    assert result.returncode == 0, result.stderr
    assert "customer: 'ID клиента' (by name" in result.stderr  # what was guessed, and how
    for section in SECTIONS.values():
        assert f"{section.title} ..." in result.stderr  # a progress line per section
    assert "Traceback" not in result.stderr
    orders = read_orders(data_path("school_orders"), customer="ID клиента", date="Дата оплаты",
                         amount="Сумма, руб.", on_bad_rows="skip")
    summary = check_outputs(tmp_path / "school", orders)
    assert summary["skipped_lines"] == [1202, 5303, 7704] and summary["margin"] == 0.6
    assert "clv_total" in summary["forecast"]
    page = (tmp_path / "school" / "index.html").read_text(encoding="utf-8")
    assert "LTV:CAC" in page and "blog_pro_python" in page  # channels with the cost sheet


def test_readme_command_on_cdnow(commands: list[list[str]], tmp_path: Path) -> None:
    cdnow = next(c for c in commands if "data/cdnow/CDNOW_sample.txt" in c)
    result = run(cdnow, tmp_path / "cdnow")
    assert result.returncode == 0, result.stderr
    orders = read_orders(data_path("cdnow_orders"), names=["master_id", "customer", "date", "cds", "amount"],
                         customer="customer", date="date", amount="amount")
    summary = check_outputs(tmp_path / "cdnow", orders)
    assert summary["currency"] == "USD" and summary["customers"] == 2357
    assert abs(summary["forecast"]["holdout_purchase_error"]) < 0.2


def test_bad_rows_exit_2_with_their_line_numbers(tmp_path: Path) -> None:
    result = run(["python", "-m", "ltvkit.report", "data/school_orders.csv"], tmp_path / "refused")
    assert result.returncode == 2
    assert "line 1202" in result.stderr and "line 7704" in result.stderr and "--skip-bad-rows" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "refused" / "index.html").exists()


def test_no_repeat_buyers_skip_the_forecast_and_say_why(tmp_path: Path) -> None:
    export = tmp_path / "one_each.csv"
    rows = [f"c{i};{1 + i % 28:02d}.{1 + i % 12:02d}.2024;{100 + i},50" for i in range(60)]
    export.write_text("Клиент;Дата;Сумма\n" + "\n".join(rows) + "\n", encoding="cp1251")
    result = run(["python", "-m", "ltvkit.report", str(export)], tmp_path / "out")
    assert result.returncode == 0, result.stderr
    orders = read_orders(export, customer="Клиент", date="Дата", amount="Сумма")
    summary = check_outputs(tmp_path / "out", orders)
    assert summary["forecast"]["skipped"].startswith("no customer bought twice")
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    forecast = page.split('id="section-forecast"', 1)[1].split("</section>", 1)[0]
    assert "Skipped:" in forecast and "no customer bought twice" in forecast

"""The own-data report and the app's "Your data" page in Russian: ``--language ru``, the page, the sections.

The report follows the language of the moment it is made (the command sets it from
``--language``, the report notebook from its ``language`` parameter, the app from
``LTVKIT_LANGUAGE``): every sentence a reader sees is Russian, amounts are "145 731 409 ₽".
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ltvkit.datasets import data_path
from ltvkit.i18n import using_language
from ltvkit.orders import read_orders
from ltvkit.report import SECTIONS, OrdersReport, guess_columns, read_costs, report_html
from ltvkit.report.command import _parameters as command_parameters
from ltvkit.report.command import parser

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
ENGLISH_WORDS = ("How to read it", "Taught in", " customers;", " customers,", "rows read", "Skipped", "LTV report",
                 "(margin", "per customer", "by name", "Made by", "Cohorts", "Forecast", "expected ")


@pytest.fixture(scope="module")
def russian_page() -> str:
    with using_language("ru"):
        path = data_path("school_orders")
        guess = guess_columns(path)
        orders = read_orders(path, **guess.as_read_orders(), on_bad_rows="skip")
        report = OrdersReport(orders, margin=0.6, costs=read_costs(data_path("school_partners")), columns=guess)
        return report_html(report)


def test_the_russian_report_page_has_russian_sections_and_amounts(russian_page: str) -> None:
    assert '<html lang="ru">' in russian_page
    assert "Отчёт по LTV: school_orders.csv" in russian_page and "Как читать." in russian_page
    with using_language("ru"):
        from ltvkit.i18n import _

        for section in SECTIONS.values():
            assert f"<h2>{_(section.title)}</h2>" in russian_page.replace("&#x27;", "'")
    assert "145\xa0731\xa0409,00\xa0₽" in russian_page  # the loader's net total, to the kopeck, as Russian writes it
    assert not re.search(r"\d,\d{3}\b", russian_page.split("<img")[0]), "an English thousands separator"


def test_no_english_sentence_of_ours_is_left_in_the_russian_page(russian_page: str) -> None:
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", russian_page, flags=re.S))
    left = [word for word in ENGLISH_WORDS if word in text]
    assert not left, f"English left in the Russian report: {left}"


def test_the_command_passes_its_language_to_the_report_notebook() -> None:
    orders = str(data_path("school_orders"))
    russian = command_parameters(parser().parse_args([orders, "--language", "ru"]))
    assert russian["language"] == "ru" and russian["course_url"] == "../notebooks/ru/{slug}.ipynb"
    english = command_parameters(parser().parse_args([orders]))
    assert english["language"] == "en" and english["course_url"] == "../notebooks/{slug}.ipynb"
    given = command_parameters(parser().parse_args([orders, "--language", "ru", "--course-url", "x/{slug}.html"]))
    assert given["course_url"] == "x/{slug}.html"


def test_the_command_refuses_a_language_it_does_not_have(capsys: pytest.CaptureFixture[str]) -> None:
    from ltvkit.report.command import main

    assert main([str(data_path("school_orders")), "--language", "de"]) == 2
    assert "invalid choice: 'de'" in capsys.readouterr().err


def test_the_your_data_page_speaks_russian() -> None:
    from ltvkit.calculators import UPLOAD_LIMIT_MB, YourDataPage

    with using_language("ru"):
        page = YourDataPage()
    assert page.button.description == "Построить отчёт" and page.dropdowns["customer"].description == "ID клиента"
    page.receive("huge.csv", b"a,b\n1,2\n", size=UPLOAD_LIMIT_MB * 1_000_000 + 1)  # the page keeps its language
    assert "до 50 МБ" in page.message.value and CYRILLIC.search(page.message.value)
    page.receive("school_orders.csv", data_path("school_orders").read_bytes())
    assert page.none in page.dropdowns["channel"].options and page.chosen_columns()["customer"] == "ID клиента"


def test_the_commands_help_speaks_the_language_asked(capsys: pytest.CaptureFixture[str]) -> None:
    from ltvkit.report.command import main

    assert main(["--help", "--language", "ru"]) == 0
    russian = capsys.readouterr().out
    assert "Отчёт по LTV на выгрузке заказов" in russian and "столбец с ID клиента" in russian
    assert main(["--help"]) == 0 and "the column of the customer id" in capsys.readouterr().out


def test_the_russian_page_names_bands_and_skipped_rows_reasons_in_russian(russian_page: str) -> None:
    # the tables keep the English values code compares (band, reason); the page shows them translated
    assert "usual target met" not in russian_page and "обычная цель достигнута" in russian_page
    assert "<td>empty</td>" not in russian_page and "<td>пусто</td>" in russian_page
    assert "<td>not a number</td>" not in russian_page and "<td>не число</td>" in russian_page


def test_the_russian_forecast_line_writes_parameters_and_their_unit_in_russian(russian_page: str) -> None:
    line = next(line for line in russian_page.split("<li>") if line.startswith("BG/NBD на всех заказах"))
    assert re.search(r"r \d,\d+, alpha \d+,\d+ недел", line), line
    assert "weeks" not in line


def test_the_channels_refusal_without_a_channel_column_is_russian() -> None:
    import pandas as pd

    from ltvkit.checks import LTVInputError
    from ltvkit.report import channel_economics

    orders = pd.DataFrame({"customer": ["a"], "amount": [10.0], "date": pd.to_datetime(["2024-01-01"])})
    with using_language("ru"), pytest.raises(LTVInputError, match=r"В таблице orders нет столбца с каналом"):
        channel_economics(orders, None, margin=0.5)


def test_the_report_commands_progress_names_its_steps_in_russian() -> None:
    from ltvkit.report.run import ReportRun, _Progress

    lines: list[str] = []
    with using_language("ru"):
        hooks = _Progress(lines.append, ReportRun(Path(".")))
        for index, tag in enumerate(("step-read", "section-forecast")):
            hooks.on_start({"metadata": {"tags": [tag]}}, index)
            hooks.on_executed({}, index, {"content": {"status": "ok"}})
    assert lines[0] == "чтение ..." and lines[1].startswith("  чтение: готово за ")
    assert lines[3].startswith("  прогноз: готово за "), lines


def test_the_your_data_pages_refusal_of_bad_rows_is_russian_and_names_the_file_once() -> None:
    from ltvkit.calculators import YourDataPage

    with using_language("ru"):
        page = YourDataPage()
    page.receive("school_orders.csv", data_path("school_orders").read_bytes())
    page.make_report()
    message = page.message.value
    assert message.startswith("school_orders.csv: 3 строки нельзя использовать: строка 1202"), message
    assert message.count("school_orders.csv") == 1 and "&lt;buffer&gt;" not in message
    assert "отметьте «Пропустить строки" in message


def test_the_russian_pages_summary_tables_have_russian_headings(russian_page: str) -> None:
    # the fit table and the segment table are shown only (the CSV keeps the scored list's column names)
    for heading in ("<th>стандартная ошибка</th>", "<th>модель</th>", "<th>доля клиентов</th>", "<th>доля CLV</th>",
                    "<th>CLV, ₽</th>", "<th>CLV на клиента, ₽</th>"):
        assert heading in russian_page, heading
    assert "standard_error" not in russian_page and "share_of_customers" not in russian_page


def test_the_commands_help_headings_are_russian_too(capsys: pytest.CaptureFixture[str]) -> None:
    from ltvkit.report.command import main

    assert main(["--help", "--language", "ru"]) == 0
    russian = capsys.readouterr().out
    assert russian.startswith("использование: ltv-report") and "\nпараметры:\n" in russian
    assert "показать эту справку и выйти" in russian and "positional arguments" not in russian


def test_make_app_says_where_to_open_it_in_russian(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("serve_app", Path(__file__).parents[1] / "scripts" / "serve_app.py")
    assert spec is not None and spec.loader is not None
    serve_app = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(serve_app)
    started: list[list[str]] = []
    monkeypatch.setattr(serve_app.os, "execv", lambda path, arguments: started.append(arguments))
    with using_language("ru"):
        serve_app.main(["--port", "8999"])
    printed = capsys.readouterr().out
    assert printed.startswith("Приложение LTV (с токеном этого запуска): http://127.0.0.1:8999/?token=")
    assert "калькуляторы: http://127.0.0.1:8999/voila/render/calculators.ipynb" in printed and started

"""read_orders on broken exports: every problem is an LTVInputError naming the column and line, or a
documented, reported handling; no total changes silently (amounts in = amounts kept + skipped)."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from ltvkit import LTVInputError
from ltvkit.orders import customer_summary, load_report, parse_dates, parse_numbers, read_orders

COLUMNS = {"customer": "Клиент", "date": "Дата", "amount": "Сумма"}


def _read(text: str, encoding: str = "utf-8", **kwargs):
    return read_orders(io.BytesIO(text.encode(encoding)), **{**COLUMNS, **kwargs})


def test_empty_file() -> None:
    with pytest.raises(LTVInputError, match="empty"):
        _read("")


def test_whitespace_only_file() -> None:
    with pytest.raises(LTVInputError, match="empty"):
        _read("\n\n  \n")


def test_header_only() -> None:
    with pytest.raises(LTVInputError, match="header but no data rows"):
        _read("Клиент;Дата;Сумма\n")


def test_missing_column_is_named_with_the_columns_found() -> None:
    with pytest.raises(LTVInputError, match="'Сумма'") as error:
        _read("Клиент;Дата\nA;01.02.2024\n")
    assert "'Клиент', 'Дата'" in str(error.value)


def test_misspelled_column_suggests_the_closest() -> None:
    with pytest.raises(LTVInputError, match="did you mean 'Сумма заказа'") as error:
        _read("Клиент;Дата;Сумма заказа\nA;01.02.2024;100\n", amount="Сумма заказ")
    assert "'Сумма заказ'" in str(error.value)


def test_column_names_match_ignoring_case() -> None:
    orders = _read("клиент;ДАТА;сумма\nA;01.02.2024;100\n")
    assert orders["amount"].tolist() == [100.0]


def test_mixed_date_formats_name_the_line() -> None:
    text = "Клиент;Дата;Сумма\nA;01.02.2024;100\nB;2024-02-03;200\nC;04.02.2024;300\n"
    with pytest.raises(LTVInputError, match="line 3, column 'Дата': mixed date formats"):
        _read(text)


def test_unparseable_date() -> None:
    with pytest.raises(LTVInputError, match="line 2, column 'Дата': not a date"):
        _read("Клиент;Дата;Сумма\nA;31.02.2024;100\nB;01.03.2024;5\n")


def test_bad_time_after_the_date() -> None:
    with pytest.raises(LTVInputError, match="line 2, column 'Дата': not a time"):
        _read("Клиент;Дата;Сумма\nA;01.02.2024 25h;100\n")


def test_amount_with_point_in_a_decimal_comma_file() -> None:
    text = "Клиент;Дата;Сумма\nA;01.02.2024;1 234,56\nB;02.02.2024;1,234.56\nC;03.02.2024;10,50\n"
    with pytest.raises(LTVInputError, match=r"line 3, column 'Сумма': uses '\.' as decimal mark"):
        _read(text)


def test_amount_with_comma_in_a_decimal_point_file() -> None:
    text = "Клиент,Дата,Сумма\nA,01.02.2024,\"1,234.56\"\nB,02.02.2024,\"1 234,56\"\nC,03.02.2024,7.25\n"
    with pytest.raises(LTVInputError, match="line 3, column 'Сумма': uses ',' as decimal mark"):
        _read(text)


@pytest.mark.parametrize(
    ("written", "decimal", "expected"),
    [
        ("1 234,56", ",", 1234.56),
        ("1\u00a0234,56", ",", 1234.56),
        ("1\u202f234,56 ₽", ",", 1234.56),
        ("1 800 ₽", ",", 1800.0),
        ("12 900,00 руб.", ",", 12900.0),
        ("1.234,56", ",", 1234.56),
        ("1,234.56", ".", 1234.56),
        ("$1,234.56", ".", 1234.56),
        ("−200", ".", -200.0),
        ("(200,50)", ",", -200.5),
        ("-0,5", ",", -0.5),
    ],
)
def test_amount_formats(written: str, decimal: str, expected: float) -> None:
    numbers, reasons, _ = parse_numbers([written], decimal=decimal)
    assert reasons.tolist() == [""]
    assert numbers[0] == pytest.approx(expected)


def test_decimal_mark_is_detected_per_column() -> None:
    assert parse_numbers(["1 234,56", "7"])[2] == ","
    assert parse_numbers(["1,234.56", "7"])[2] == "."
    assert parse_numbers(["1 200", "7"], default_decimal=",")[2] == ","


def test_text_in_the_amount_column() -> None:
    with pytest.raises(LTVInputError, match="line 3, column 'Сумма': not a number \\(got 'бесплатно'\\)"):
        _read("Клиент;Дата;Сумма\nA;01.02.2024;100\nB;01.02.2024;бесплатно\n")


def test_amount_with_text_after_a_number_is_not_taken() -> None:
    numbers, reasons, _ = parse_numbers(["12 apples"])
    assert np.isnan(numbers[0]) and reasons[0] == "not a number"


def test_duplicate_header_rows_are_left_out_and_reported() -> None:
    text = "Клиент;Дата;Сумма\nA;01.02.2024;100\nКлиент;Дата;Сумма\nB;02.02.2024;50\n"
    orders = _read(text)
    assert orders["amount"].sum() == 150
    assert load_report(orders).repeated_headers == (3,)
    assert orders["line"].tolist() == [2, 4]


def test_blank_customer_raises_with_its_line() -> None:
    text = "Клиент;Дата;Сумма\nA;01.02.2024;100\n  ;02.02.2024;50\n;03.02.2024;25\n"
    with pytest.raises(LTVInputError, match="2 rows cannot be used: line 3, column 'Клиент': empty"):
        _read(text)


def test_skip_reports_what_was_left_out_and_totals_reconcile() -> None:
    text = (
        "Клиент;Дата;Сумма\n"
        "A;01.02.2024;100,50\n"
        ";02.02.2024;50\n"
        "B;не дата;25\n"
        "C;04.02.2024;много\n"
        "D;05.02.2024;-10\n"
    )
    orders = _read(text, on_bad_rows="skip")
    report = load_report(orders)
    assert report.skipped_lines == (3, 4, 5)
    assert report.skipped_amount == pytest.approx(75.0)
    assert report.unreadable_amounts == 1
    readable_in = 100.5 + 50 + 25 - 10
    assert orders["amount"].sum() + report.skipped_amount == pytest.approx(readable_in)
    assert "line 5, column 'Сумма': not a number" in str(report)


def test_many_bad_rows_are_listed_up_to_five() -> None:
    rows = "".join(f";0{day}.02.2024;1\n" for day in range(1, 8))
    with pytest.raises(LTVInputError, match=r"7 rows cannot be used: .* and 2 more problems"):
        _read("Клиент;Дата;Сумма\n" + rows)


def test_dates_after_observation_end_raise_naming_the_column() -> None:
    orders = _read("Клиент;Дата;Сумма\nA;01.02.2024;100\nA;05.03.2024;40\nB;07.03.2024;10\n")
    with pytest.raises(LTVInputError, match="orders\\['date'\\] has 2 rows after observation_end 2024-02-29"):
        customer_summary(orders, observation_end="2024-02-29")


def test_dates_after_observation_end_dropped_with_a_report() -> None:
    orders = _read("Клиент;Дата;Сумма\nA;01.02.2024;100\nA;05.03.2024;40\nB;07.03.2024;10\n")
    summary = customer_summary(orders, observation_end="2024-02-29", after_end="drop")
    report = summary.attrs["summary_report"]
    assert (report.after_end_rows, report.after_end_amount) == (2, 50.0)
    assert summary["revenue"].sum() + report.after_end_amount == pytest.approx(orders["amount"].sum())


@pytest.mark.parametrize("encoding", ["cp1251", "utf-8", "utf-8-sig"])
def test_encodings_are_detected(encoding: str) -> None:
    orders = _read("Клиент;Дата;Сумма\nИванов;01.02.2024;1 800,00\n", encoding=encoding)
    assert orders["customer"].tolist() == ["Иванов"]
    assert load_report(orders).encoding == encoding


def test_wrong_explicit_encoding_is_reported() -> None:
    data = "Клиент;Дата;Сумма\nИванов;01.02.2024;1\n".encode("cp1251")
    with pytest.raises(LTVInputError, match="not valid utf-8"):
        read_orders(io.BytesIO(data), **COLUMNS, encoding="utf-8")


@pytest.mark.parametrize("sep", [";", ",", "\t"])
def test_separators_are_detected(sep: str) -> None:
    text = sep.join(COLUMNS.values()) + "\n" + sep.join(["A", "01.02.2024", "5"]) + "\n"
    assert load_report(_read(text)).sep == sep


def test_refunds_are_kept() -> None:
    orders = _read("Клиент;Дата;Сумма\nA;01.02.2024;100\nA;03.02.2024;-100\n")
    assert orders["amount"].tolist() == [100.0, -100.0]


def test_blank_lines_are_counted_not_read() -> None:
    orders = _read("Клиент;Дата;Сумма\nA;01.02.2024;100\n\nB;03.02.2024;5\n")
    assert orders["line"].tolist() == [2, 4]
    assert load_report(orders).blank_lines == (3,)


def test_optional_partner_may_be_blank() -> None:
    text = "Клиент;Дата;Сумма;Партнёр\nA;01.02.2024;100;blog\nB;01.02.2024;100;\n"
    assert _read(text, partner="Партнёр")["partner"].tolist() == ["blog", ""]


def test_bad_arguments_name_themselves() -> None:
    with pytest.raises(LTVInputError, match="on_bad_rows"):
        _read("Клиент;Дата;Сумма\nA;01.02.2024;1\n", on_bad_rows="ignore")
    with pytest.raises(LTVInputError, match="customer must name a column"):
        read_orders(io.StringIO("a"), customer="", date="d", amount="a")
    with pytest.raises(LTVInputError, match="path_or_buffer: no such file"):
        read_orders("no/such/file.csv", customer="c", date="d", amount="a")
    with pytest.raises(LTVInputError, match="path_or_buffer must be a path or a file object"):
        read_orders(42, customer="c", date="d", amount="a")
    with pytest.raises(LTVInputError, match="must name different columns"):
        read_orders(io.StringIO("a"), customer="x", date="x", amount="a")
    with pytest.raises(LTVInputError, match="sep must be one of"):
        _read("Клиент;Дата;Сумма\nA;01.02.2024;1\n", sep=":")
    with pytest.raises(LTVInputError, match="decimal must be one of"):
        parse_numbers(["1"], decimal="'")


def test_excel_export(tmp_path: Path) -> None:
    frame = pd.DataFrame({
        "Клиент": ["A", "B", None],
        "Дата": [pd.Timestamp("2024-02-01 10:30"), pd.Timestamp("2024-02-02"), pd.Timestamp("2024-02-03")],
        "Сумма": [1800.0, "1 200,50", 5],
    })
    path = tmp_path / "orders.xlsx"
    frame.to_excel(path, index=False)
    with pytest.raises(LTVInputError, match="line 4, column 'Клиент': empty"):
        read_orders(path, **COLUMNS)
    orders = read_orders(path, **COLUMNS, on_bad_rows="skip")
    assert orders["amount"].tolist() == [1800.0, 1200.5]
    assert str(orders["date"].iloc[0]) == "2024-02-01 10:30:00"


def test_parse_dates_keeps_times_and_detects_formats() -> None:
    dates, reasons, fmt = parse_dates(["2024-02-01T10:30:00", "2024-02-03"])
    assert fmt == "%Y-%m-%d" and reasons.tolist() == ["", ""]
    assert str(dates[0]) == "2024-02-01T10:30:00.000000000"

"""Issue 14's real exports, one test per example: totals never change silently, every refusal is an
LTVInputError naming the file, line, column and reason (with the fix when there is one), valid input
is read, and values that make no sense are refused."""

from __future__ import annotations

import datetime
import io
import os
import shutil
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from ltvkit import LTVInputError
from ltvkit.models import read_retention_table
from ltvkit.orders import (
    cohort_table,
    customer_summary,
    load_report,
    naive_lift,
    partner_base,
    quantile_segments,
    read_engagement,
    read_orders,
    read_partner_costs,
)

COLUMNS = {"customer": "Клиент", "date": "Дата", "amount": "Сумма"}
HEADER = "Клиент;Дата;Сумма\n"
DATA = Path(__file__).resolve().parent / "data"


def _read(text: str | bytes, encoding: str = "utf-8", **kwargs):
    data = text.encode(encoding) if isinstance(text, str) else text
    return read_orders(io.BytesIO(data), **{**COLUMNS, **kwargs})


# --- 1. totals that changed silently ---------------------------------------------------------------


def test_an_unclosed_quote_is_refused_naming_its_line() -> None:
    text = HEADER + 'A;01.02.2024;100\n"Ёлка;01.02.2024;100\nB;02.02.2024;5\nC;03.02.2024;7\n'
    with pytest.raises(LTVInputError, match=r"line 3: a quote \(\"\) opens a field and is not closed before the end"):
        _read(text)


def test_a_quote_closed_only_by_a_later_stray_quote_names_both_lines() -> None:
    text = HEADER + 'A;01.02.2024;100\n"Ёлка;01.02.2024;100\nB;02.02.2024;5\n"ООО";03.02.2024;7\n'
    with pytest.raises(LTVInputError, match=r"line 3: .* not closed before line 5"):
        _read(text)


def test_quoted_fields_with_separators_quotes_and_line_breaks_are_read() -> None:
    text = HEADER + '"ООО ""Ёлка""; филиал";01.02.2024;100\n"two\nlines";02.02.2024;5\nC;03.02.2024;7\n'
    orders = _read(text)
    assert orders["customer"].tolist() == ['ООО "Ёлка"; филиал', "two\nlines", "C"]
    assert orders["line"].tolist() == [2, 3, 5]


@pytest.mark.parametrize("header", ["Клиент;Дата;Сумма;Сумма", "Клиент;Дата;сумма;СУММА"])
def test_a_column_named_twice_is_refused_not_picked(header: str) -> None:
    with pytest.raises(LTVInputError, match=r"names 'Сумма' more than once \(column 3 .* and column 4"):
        _read(header + "\nA;01.02.2024;100;5\n")


def test_numeric_excel_cells_are_not_reread_as_text(tmp_path: Path) -> None:
    frame = pd.DataFrame({"Клиент": ["A", "B", "C"], "Дата": pd.to_datetime(["2024-02-01"] * 3),
                          "Сумма": [234.567, "1 234,50", 10.0]})
    frame.to_excel(tmp_path / "orders.xlsx", index=False)
    orders = read_orders(tmp_path / "orders.xlsx", **COLUMNS)
    assert orders["amount"].tolist() == [234.567, 1234.5, 10.0]
    assert load_report(orders).amount_read == Decimal("1479.067")


@pytest.mark.parametrize("marker", ["#N/A", "NULL", "", "  ", "nan"])
def test_missing_markers_are_not_customers(marker: str) -> None:
    with pytest.raises(LTVInputError, match=r"line 2, column 'Клиент': (empty|a missing-value marker)"):
        _read(HEADER + f"{marker};01.02.2024;100\nA;01.02.2024;5\n")
    orders = _read(HEADER + f"{marker};01.02.2024;100\nA;01.02.2024;5\n", on_bad_rows="skip")
    assert orders["customer"].tolist() == ["A"] and load_report(orders).skipped_lines == (2,)


def test_missing_markers_in_an_optional_column_are_blank_and_counted() -> None:
    orders = _read("Клиент;Дата;Сумма;Партнёр\nA;01.02.2024;100;NULL\nB;01.02.2024;5;blog\n", partner="Партнёр")
    assert orders["partner"].tolist() == ["", "blog"]
    assert any("1 values such as 'NULL' read as blank" in note for note in load_report(orders).notes)


@pytest.mark.parametrize("header", ["Клиент;Дата;Сумма;Партнёр", "Клиент;Дата;Сумма"])
def test_a_misspelt_or_absent_optional_column_is_refused(header: str) -> None:
    with pytest.raises(LTVInputError, match="columns missing from the file: 'Партнер'") as error:
        _read(header + "\nA;01.02.2024;100" + (";x" if "Партн" in header else "") + "\n", partner="Партнер")
    if "Партнёр" in header:
        assert "did you mean 'Партнёр'?" in str(error.value)


def test_observation_end_is_read_day_first_like_the_file() -> None:
    orders = _read(HEADER + "A;05.01.2024;100\nA;20.01.2024;50\n")
    summary = customer_summary(orders, observation_end="01.02.2024")
    assert summary.attrs["summary_report"].observation_end == pd.Timestamp("2024-02-01")
    assert summary.loc["A", "T"] == 27.0


# --- 2. raw exceptions become LTVInputError --------------------------------------------------------


def test_a_workbook_saved_under_a_csv_name_is_read_as_a_workbook(tmp_path: Path) -> None:
    pd.DataFrame({"Клиент": ["A"], "Дата": pd.to_datetime(["2024-02-01"]), "Сумма": [5.0]}).to_excel(
        tmp_path / "orders.xlsx", index=False)
    shutil.copy(tmp_path / "orders.xlsx", tmp_path / "orders.csv")
    orders = read_orders(tmp_path / "orders.csv", **COLUMNS)
    assert orders["amount"].tolist() == [5.0]
    assert "is an Excel workbook although its name ends in .csv" in str(load_report(orders))


def test_an_old_xls_under_a_csv_name_is_read_with_cell_types(tmp_path: Path) -> None:
    """tests/data/legacy_orders.xls was written by xlwt 1.3.0: a date column and numbers, one of them text."""
    shutil.copy(DATA / "legacy_orders.xls", tmp_path / "orders.csv")
    orders = read_orders(tmp_path / "orders.csv", **COLUMNS)
    assert orders["amount"].tolist() == [234.567, 1234.5, -100.0]
    assert orders["date"].dt.day.tolist() == [1, 2, 5]


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_are_refused(seed: int) -> None:
    data = np.random.default_rng(seed).integers(0, 256, 3000, dtype=np.uint8).tobytes()
    with pytest.raises(LTVInputError, match="not a text table"):
        _read(data)


def test_a_dos_cp866_file_is_read() -> None:
    orders = _read(HEADER + "Иванов;01.02.2024;1 800,00\n", encoding="cp866")
    assert orders["customer"].tolist() == ["Иванов"] and load_report(orders).encoding == "cp866"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_excels_unicode_text_is_read(encoding: str) -> None:
    orders = _read("Клиент\tДата\tСумма\nИванов\t01.02.2024\t1800,5\n", encoding=encoding)
    assert orders["amount"].tolist() == [1800.5] and load_report(orders).encoding == "utf-16"


def test_a_separate_time_column_in_a_sheet(tmp_path: Path) -> None:
    frame = pd.DataFrame({"Клиент": ["A", "B"], "Дата": [datetime.date(2024, 2, 1), datetime.date(2024, 2, 2)],
                          "Время": [datetime.time(10, 30), datetime.time(23, 5)], "Сумма": [5.0, 7.0]})
    frame.to_excel(tmp_path / "orders.xlsx", index=False)
    orders = read_orders(tmp_path / "orders.xlsx", **COLUMNS, extra={"Время": "time"})
    assert orders["date"].dt.day.tolist() == [1, 2] and orders["time"].tolist() == ["10:30:00", "23:05:00"]


def test_a_date_typo_names_its_line() -> None:
    with pytest.raises(LTVInputError, match="line 3, column 'Дата': year 24 is outside 1900-2100: a typo"):
        _read(HEADER + "A;01.02.2024;100\nB;01.02.0024;5\n")


def test_a_folder_or_the_text_of_a_table_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LTVInputError, match="is a folder; name a file inside it"):
        read_orders(tmp_path, **COLUMNS)
    with pytest.raises(LTVInputError, match=r"looks like the text of a table, not a path; pass io.StringIO"):
        read_orders(HEADER + "A;01.02.2024;100\n", **COLUMNS)


COST_HEADER = "Канал;Партнёр;Тип;Расходы на привлечение, ₽;Комиссия с первой продажи, %;Скидка по промокоду, %\n"


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("Партнёры;blog;b;100;10;5\nПартнёры;blog;b;200;10;5\n", "line 3, .*repeats line 2"),
        ("Реклама;;ads;-100;0;0\n", "line 2, column 'Расходы на привлечение, ₽': below 0"),
        ("Партнёры;blog;b;100;120;5\n", "line 2, column 'Комиссия с первой продажи, %': above 100"),
    ],
)
def test_cost_sheets_that_make_no_sense_are_refused(rows: str, message: str) -> None:
    with pytest.raises(LTVInputError, match=message):
        read_partner_costs(io.StringIO(COST_HEADER + rows))


def test_a_commission_written_with_a_percent_sign_is_read() -> None:
    costs = read_partner_costs(io.StringIO(COST_HEADER + "Партнёры;blog;b;100;63%;5 %\n"))
    assert costs[["first_sale_commission_pct", "discount_pct"]].values.tolist() == [[63.0, 5.0]]


def _orders_frame(**overrides) -> pd.DataFrame:
    frame = pd.DataFrame({"customer": ["a", "b"], "date": pd.to_datetime(["2024-01-01", "2024-01-02"]),
                          "amount": [100.0, 50.0], "channel": ["ads", "ads"], "partner": ["", ""]})
    return frame.assign(**overrides)


COSTS = pd.DataFrame({"channel": ["ads"], "partner": [""], "fixed_spend": [10.0], "first_sale_commission_pct": [0.0]})


def test_a_refunds_only_export_in_cohort_table() -> None:
    with pytest.raises(LTVInputError, match=r"orders hold no purchase .*refunds only"):
        cohort_table(_orders_frame(amount=[-100.0, -5.0]))


def test_two_amount_columns_in_customer_summary() -> None:
    frame = pd.concat([_orders_frame(), _orders_frame()[["amount"]]], axis=1)
    with pytest.raises(LTVInputError, match="orders has the column 'amount' more than once"):
        customer_summary(frame)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"amount": ["100", "50"]}, r"orders\['amount'\] must hold numbers"),
        ({"date": ["2024-01-01", "2024-01-02"]}, r"orders\['date'\] must hold dates"),
        ({"amount": [100.0, np.nan]}, r"orders\['amount'\] row 1: empty"),
        ({"customer": ["a", "#N/A"]}, r"orders\['customer'\] row 1: no value"),
    ],
)
def test_partner_base_refuses_orders_that_are_not_numbers_and_dates(overrides: dict, message: str) -> None:
    with pytest.raises(LTVInputError, match=message):
        partner_base(_orders_frame(**overrides), COSTS)


def test_partner_base_refuses_a_cost_sheet_with_a_source_twice() -> None:
    with pytest.raises(LTVInputError, match="costs row 1 repeats the channel/partner of row 0"):
        partner_base(_orders_frame(), pd.concat([COSTS, COSTS], ignore_index=True))


def test_retention_tables_with_percent_signs_or_nothing_in_them() -> None:
    header = "year,regular_percent_alive,high_end_percent_alive,period\n"
    table = read_retention_table(io.StringIO(header + "0,100,100,calibration\n1,63%,86.9,calibration\n"))
    assert table["regular_alive"].tolist() == [1000, 630]
    with pytest.raises(LTVInputError, match="the file is empty"):
        read_retention_table(io.StringIO(""))
    with pytest.raises(LTVInputError, match="line 3, column 'year': repeats line 2"):
        read_retention_table(io.StringIO(header + "0,100,100,c\n0,90,90,c\n"))


def test_an_infinity_in_naive_lift() -> None:
    frame = pd.DataFrame({"sessions": [1.0, 2.0, np.inf, 4.0], "ltv": [1.0, 2.0, 3.0, 4.0]})
    with pytest.raises(LTVInputError, match=r"frame\['sessions'\] row 2: not a finite number"):
        naive_lift(frame, "sessions", "ltv", lift=1.5)


# --- 3. misleading errors --------------------------------------------------------------------------


def test_rows_ending_in_a_separator_do_not_shift_the_columns() -> None:
    orders = _read(HEADER + "A;01.02.2024;100;\nB;02.02.2024;5;\n")
    assert orders["customer"].tolist() == ["A", "B"] and orders["amount"].tolist() == [100.0, 5.0]


def test_unquoted_decimal_commas_in_a_comma_file_are_explained() -> None:
    with pytest.raises(LTVInputError, match=r"line 2: has 4 fields, the header has 3.*must be quoted, or the file "
                                            r"exported with ';'"):
        _read("Клиент,Дата,Сумма\nA,01.02.2024,100,50\nB,02.02.2024,5\n")


def test_a_wrong_encoding_says_the_names_look_garbled() -> None:
    data = (HEADER + "A;01.02.2024;5\n").encode("utf-8")
    with pytest.raises(LTVInputError, match="look garbled: the file is probably not in cp1251"):
        read_orders(io.BytesIO(data), **COLUMNS, encoding="cp1251")


def test_a_wrong_separator_says_so() -> None:
    with pytest.raises(LTVInputError, match="The header is one column: the file's separator is not"):
        _read(HEADER + "A;01.02.2024;5\n", sep=",")


def test_a_month_first_date_suggests_the_date_order() -> None:
    with pytest.raises(LTVInputError, match=r"line 3, column 'Дата': there is no month 13: if the file writes the "
                                            r"month first, pass date_format='%m/%d/%Y' \(got '05/13/2024'\)"):
        _read(HEADER + "A;12/01/2024;100\nB;05/13/2024;5\n")
    orders = _read(HEADER + "A;12/01/2024;100\nB;05/13/2024;5\n", date_format="%m/%d/%Y")
    assert orders["date"].tolist() == [pd.Timestamp("2024-12-01"), pd.Timestamp("2024-05-13")]


def test_every_refusal_of_a_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "выгрузка.csv"
    path.write_text(HEADER + "A;01.02.2024;100\nB;01.02.2024;abc\n", encoding="cp1251")
    with pytest.raises(LTVInputError, match=r"выгрузка\.csv: 1 row cannot be used: line 3, column 'Сумма'"):
        read_orders(path, **COLUMNS)


# --- 4. valid input that was refused ---------------------------------------------------------------


def test_a_date_format_with_a_time() -> None:
    orders = _read(HEADER + "A;01.02.2024 10:30;100\n", date_format="%d.%m.%Y %H:%M")
    assert orders["date"].tolist() == [pd.Timestamp("2024-02-01 10:30")]


def test_iso_timestamps_with_a_zone_keep_the_local_time() -> None:
    orders = _read(HEADER + "A;2024-02-01T10:30:00Z;100\nB;2024-02-01T23:30:00+03:00;5\n")
    assert orders["date"].tolist() == [pd.Timestamp("2024-02-01 10:30"), pd.Timestamp("2024-02-01 23:30")]
    assert any("time-zone suffixes dropped from 2 values" in note for note in load_report(orders).notes)


def test_a_row_with_too_many_fields_is_skipped_with_skip() -> None:
    orders = _read(HEADER + "A;01.02.2024;100;x\nB;02.02.2024;5\n", on_bad_rows="skip")
    report = load_report(orders)
    assert orders["customer"].tolist() == ["B"] and report.skipped_lines == (2,)
    assert "line 2: has 4 fields, the header has 3" in str(report)
    assert report.amount_read == report.amount_kept + report.amount_skipped == Decimal(105)


# --- 5. values that should be refused --------------------------------------------------------------


def test_engagement_segments_count_the_customers_without_a_value() -> None:
    frame = pd.DataFrame({"minutes": [10.0, np.nan, 30.0, 40.0, np.nan], "ltv": [1.0, 2.0, 3.0, 4.0, 5.0]})
    assert quantile_segments(frame, "minutes", "ltv", segments=2).attrs["left_out"] == 2
    with pytest.raises(LTVInputError, match="frame has 2 rows without minutes or ltv"):
        naive_lift(frame, "minutes", "ltv", lift=1.5)


def test_engagement_exports_with_a_customer_twice_or_a_share_over_100() -> None:
    header = "ID клиента;Сессий за 30 дней;Доля отказов, %\n"
    with pytest.raises(LTVInputError, match="line 3, column 'ID клиента': repeats line 2"):
        read_engagement(io.StringIO(header + "C1;3;10\nC1;4;20\n"))
    with pytest.raises(LTVInputError, match="line 2, column 'Доля отказов, %': above 100"):
        read_engagement(io.StringIO(header + "C1;3;110\n"))


def test_the_books_balance_to_the_kopeck_when_rows_are_skipped() -> None:
    text = (HEADER + "A;01.02.2024;0,10\n;01.02.2024;0,20\nB;не дата;1 000,70\nC;02.02.2024;по счёту\n"
            "D;03.02.2024;-0,30\n")
    report = load_report(_read(text, on_bad_rows="skip"))
    assert report.rows_read == report.rows_kept + report.rows_skipped == 5
    assert report.amount_read == Decimal("1000.70")
    assert (report.amount_kept, report.amount_skipped) == (Decimal("-0.20"), Decimal("1000.90"))
    assert report.unreadable_amounts == 1


def test_read_orders_never_raises_anything_else_on_odd_files(tmp_path: Path) -> None:
    odd = [b"", b"\xff\xfe", b"PK\x03\x04broken zip", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1broken", os.urandom(64),
           b";;;\n;;;\n", b'"', b"a\n" * 3, "Клиент;Дата;Сумма\n\"".encode(), b"\x00" * 10]
    for data in odd:
        with pytest.raises(LTVInputError):
            _read(data)


def test_blank_cells_of_an_optional_number_column_in_a_sheet(tmp_path: Path) -> None:
    frame = pd.DataFrame({"ID клиента": ["C1", "C2"], "Сессий за 30 дней": [3, None], "Доля отказов, %": [10.5, 20]})
    frame.to_excel(tmp_path / "engagement.xlsx", index=False)
    engagement = read_engagement(tmp_path / "engagement.xlsx")
    assert engagement["sessions_30d"].tolist()[0] == 3.0 and np.isnan(engagement["sessions_30d"].tolist()[1])
    assert "columns not in the file, left out" in str(load_report(engagement))

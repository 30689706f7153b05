"""The refusals and report lines of ltvkit.orders speak Russian when the language is Russian.

One refusal per module of ``ltvkit/orders/``: each test asserts the Russian wording (so a dropped
``_()`` marker or a missing translation fails) and that the message still names what the reader
must fix: the argument, the file, the line or the column.
"""

from __future__ import annotations

import io
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from ltvkit.checks import LTVInputError
from ltvkit.i18n import using_language
from ltvkit.orders import customer_summary, load_report, read_export, read_orders, simulate_order_log
from ltvkit.orders.arrays import date_values
from ltvkit.orders.cohorts import cohort_ltv_at
from ltvkit.orders.columns import resolve_columns
from ltvkit.orders.engagement import metric_segments
from ltvkit.orders.parsing import parse_dates
from ltvkit.orders.partners import design_of
from ltvkit.orders.schema import Column, TableSchema, check_table
from ltvkit.orders.year_over_year import year_over_year

COLUMNS = {"customer": "Клиент", "date": "Дата", "amount": "Сумма"}


def _refusal(call, *args, **kwargs) -> str:
    with using_language("ru"), pytest.raises(LTVInputError) as caught:
        call(*args, **kwargs)
    return str(caught.value)


def _orders(text: str, **options):
    return read_orders(io.StringIO(text), **COLUMNS, **options)


def test_source_a_missing_file_is_named_in_russian() -> None:
    assert _refusal(read_orders, "no/such.csv", **COLUMNS) == "path_or_buffer: файла 'no/such.csv' нет"


def test_raw_an_empty_file_is_refused_in_russian() -> None:
    assert _refusal(_orders, "  \n") == "path_or_buffer: файл пуст"


def test_layout_an_unclosed_quote_names_its_line_in_russian() -> None:
    message = _refusal(_orders, 'Клиент;Дата;Сумма\nA;"01.02.2024;100\nB;02.02.2024;5\n')
    assert message.startswith("строка 2: кавычка (\") открывает поле и не закрыта до конца файла")


def test_columns_a_misspelt_column_gets_the_closest_name_in_russian() -> None:
    raw = SimpleNamespace(header=["Клиент", "Партнёр"], sep=";", encoding="utf-8")
    message = _refusal(resolve_columns, raw, {"Партнер": "partner"}, "orders.csv")
    assert message == ("orders.csv: в файле нет столбцов: 'Партнер' (может быть, имелся в виду 'Партнёр'?). "
                       "В файле есть: 'Клиент', 'Партнёр'")


def test_export_a_header_without_rows_names_the_file_in_russian() -> None:
    message = _refusal(read_export, io.StringIO("a,b\n"), columns={"a": "a"})
    assert message == "path_or_buffer: в файле <text> есть заголовок, но нет строк с данными"


def test_parsing_a_typo_year_and_a_bad_format_are_said_in_russian() -> None:
    with using_language("ru"):
        _, reasons, _ = parse_dates(["01.02.2024", "01.02.0024"])
    assert reasons.tolist()[1] == "год 24 вне диапазона 1900–2100: опечатка?"
    message = _refusal(parse_dates, ["01.02.2024"], date_format="day first")
    assert message.startswith("Параметр date_format должен быть форматом strptime") and "'day first'" in message


def test_read_bad_rows_name_the_line_and_column_in_russian() -> None:
    message = _refusal(_orders, "Клиент;Дата;Сумма\nA;01.02.2024;100\nB;01.02.2024;сто\n")
    assert "1 строку нельзя использовать" in message
    assert "строка 3, столбец 'Сумма': не число (значение 'сто')" in message


def test_read_a_column_argument_that_is_not_text_is_named_in_russian() -> None:
    message = _refusal(read_orders, io.StringIO("a\n1\n"), customer=None, date="d", amount="a")
    assert message == "Параметр customer должен называть столбец файла; получено None"


def test_load_report_names_the_whitespace_separator_in_russian() -> None:
    text = "1 A 20240101 1 10.5\n2 B 20240102 2 20\n"
    names = ["id", "customer", "date", "cds", "amount"]
    orders = read_orders(io.StringIO(text), names=names, customer="customer", date="date", amount="amount")
    report = load_report(orders)
    assert "sep 'whitespace'" in str(report)
    with using_language("ru"):
        assert "разделитель пробелы" in str(report)
    assert _refusal(load_report, pd.DataFrame()).startswith("У таблицы frame нет отчёта о загрузке")


def test_arrays_text_dates_are_refused_naming_the_column_in_russian() -> None:
    message = _refusal(date_values, pd.DataFrame({"date": ["2024-01-01"]}), "date")
    assert message.startswith("Столбец orders['date'] должен содержать даты (datetime64); получен тип str")


def _order_frame() -> pd.DataFrame:
    return pd.DataFrame({"customer": ["a", "b", "a"], "amount": [10.0, 5.0, 7.0],
                         "date": pd.to_datetime(["2024-01-02", "2024-01-05", "2024-03-01"])})


def test_summary_orders_after_the_end_name_the_column_and_row_in_russian() -> None:
    message = _refusal(customer_summary, _order_frame(), observation_end="2024-02-01")
    assert message.startswith("В столбце orders['date'] 1 строка позже observation_end 2024-02-01 "
                              "(первая: строка 2, 2024-03-01)")


def test_cohorts_an_index_past_the_last_cohort_is_named_in_russian() -> None:
    cumulative = pd.DataFrame([[1.0, 2.0]], index=["2024-01"])
    message = _refusal(cohort_ltv_at, cumulative, pd.Series([1], index=["2024-01"]), cohort_index=3, months=1,
                       margin=0.5)
    assert message == "Параметр cohort_index должен быть не больше 0; получено 3"


def test_schema_a_value_out_of_range_names_table_column_and_row_in_russian() -> None:
    costs = pd.DataFrame({"channel": ["ads"], "fixed_spend": [-5.0]})
    schema = TableSchema("costs", (Column("channel", "text"), Column("fixed_spend", "number", minimum=0)))
    assert _refusal(check_table, costs, schema) == ("costs: 1 проблема: costs['fixed_spend'], строка 0: меньше 0 "
                                                    "(значение -5.0)")


def test_engagement_a_metric_number_past_the_list_is_named_in_russian() -> None:
    frame = pd.DataFrame({"minutes_per_session": [1.0, 2.0, 3.0], "ltv_12m": [1.0, 2.0, 3.0]})
    message = _refusal(metric_segments, frame, metric_index=99, segments=2)
    assert message.startswith("Параметр metric_index должен быть не больше ") and message.endswith("получено 99")


def test_partners_a_table_without_affiliates_is_refused_in_russian() -> None:
    index = pd.MultiIndex.from_tuples([("ads", "")], names=["channel", "partner"])
    message = _refusal(design_of, pd.DataFrame({"customers": [3]}, index=index))
    assert message == "В таблице table должен быть хотя бы один партнёр (строка с заполненным partner)"


def test_simulate_more_customers_than_orders_is_refused_in_russian() -> None:
    message = _refusal(simulate_order_log, n_customers=10, n_orders=5)
    assert message == "Параметр n_customers должен быть не больше n_orders (5); получено 10"


def test_year_over_year_a_year_without_a_year_before_is_named_in_russian() -> None:
    orders = _order_frame().assign(channel="ads", partner="")
    message = _refusal(year_over_year, orders, year=2024)
    assert message == ("Параметр year должен быть годом, в котором и в предыдущем году есть покупки; "
                       "получено 2024")


def test_finite_amounts_use_the_russian_plural_forms() -> None:
    frame = _order_frame().assign(amount=[np.inf, np.nan, 1.0])
    message = _refusal(customer_summary, frame)
    assert message.startswith("В столбце orders['amount'] должны быть конечные числа; это не так в 2 строках")

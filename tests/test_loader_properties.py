"""Properties of the loader (hypothesis, bounded examples): any order table written in any supported
dialect reads back with the same ids, dates and totals (exactly, in decimal arithmetic); one corrupted
line is refused naming that line, or skipped and reported with the books balanced; and no input makes
a reader raise anything but LTVInputError."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ltvkit import LTVInputError
from ltvkit.models import read_retention_table
from ltvkit.orders import load_report, read_engagement, read_export, read_orders, read_partner_costs

HEADER = ["Клиент", "Дата", "Сумма", "Партнёр"]
IDS = ["C0000123", "007", "Иванов И.", 'ООО "Ёлка"', "a;b", "x,y", "tab\there", "42", "two\nlines", "Ж-1|2"]
DATE_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%Y%m%d", "%Y/%m/%d", "%m/%d/%Y"]
MONTH_FIRST = {"%m/%d/%Y"}  # not detected (day-first is the default): the reader is told the format
CURRENCY = {"utf-8": ["", " ₽", " руб.", "$"], "utf-8-sig": ["", " ₽", "€"], "utf-16": ["", " ₽"],
            "cp1251": ["", " руб.", " р."], "cp866": ["", " руб."]}
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def dialects(draw: st.DrawFn) -> dict:
    encoding = draw(st.sampled_from(sorted(CURRENCY)))
    decimal = draw(st.sampled_from([",", "."]))
    other = "." if decimal == "," else ","
    return {
        "sep": draw(st.sampled_from([";", ",", "\t", "|"])),
        "decimal": decimal,
        "thousands": draw(st.sampled_from(["", " ", "\u00a0", other] + (["'"] if decimal == "." else []))),
        "encoding": encoding,
        "date_format": draw(st.sampled_from(DATE_FORMATS)),
        "time": draw(st.sampled_from(["", " %H:%M", " %H:%M:%S"])),
        "currency": draw(st.sampled_from(CURRENCY[encoding])),
        "quoting": draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])),
        "line_end": draw(st.sampled_from(["\n", "\r\n"])),
    }


rows_strategy = st.lists(
    st.tuples(st.sampled_from(IDS), st.integers(0, 9_000), st.integers(0, 86_399), st.integers(-10**8, 10**9),
              st.sampled_from(["", "blog", "tg_digest"])),
    min_size=1, max_size=25,
)


def _amount_text(cents: int, dialect: dict) -> str:
    whole, part = divmod(abs(cents), 100)
    digits = f"{whole:,}".replace(",", dialect["thousands"])
    text = f"{digits}{dialect['decimal']}{part:02d}"
    currency = dialect["currency"]
    text = f"{currency}{text}" if currency == "$" else f"{text}{currency}"
    return ("-" if cents < 0 else "") + text


def _moment(day: int, second: int, dialect: dict) -> pd.Timestamp:
    stamp = pd.Timestamp("2000-01-01") + pd.Timedelta(days=day)
    if dialect["time"]:
        stamp += pd.Timedelta(seconds=second if dialect["time"].endswith("%S") else second // 60 * 60)
    return stamp


def _write(rows: list, dialect: dict) -> tuple[bytes, list[str]]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=dialect["sep"], quoting=dialect["quoting"],
                        lineterminator=dialect["line_end"])
    writer.writerow(HEADER)
    texts = []
    for customer, day, second, cents, partner in rows:
        when = _moment(day, second, dialect).strftime(dialect["date_format"] + dialect["time"])
        texts.append(_amount_text(cents, dialect))
        writer.writerow([customer, when, texts[-1], partner])
    return buffer.getvalue().encode(dialect["encoding"]), texts


def _read(data: bytes, dialect: dict, **kwargs) -> pd.DataFrame:
    if dialect["date_format"] in MONTH_FIRST:
        kwargs["date_format"] = dialect["date_format"] + dialect["time"]
    return read_orders(io.BytesIO(data), customer="Клиент", date="Дата", amount="Сумма", partner="Партнёр", **kwargs)


@SETTINGS
@given(rows_strategy, dialects())
def test_any_dialect_reads_back_the_same_ids_dates_and_totals(rows: list, dialect: dict) -> None:
    data, _ = _write(rows, dialect)
    orders = _read(data, dialect)
    assert orders["customer"].tolist() == [customer for customer, *_ in rows]
    assert orders["date"].tolist() == [_moment(day, second, dialect) for _, day, second, _, _ in rows]
    assert orders["partner"].tolist() == [partner for *_, partner in rows]
    written = sum((Decimal(cents) / 100 for _, _, _, cents, _ in rows), Decimal(0))
    report = load_report(orders)
    assert report.amount_read == report.amount_kept == written
    assert sum((Decimal(repr(x)) for x in orders["amount"]), Decimal(0)) == written
    assert report.rows_read == report.rows_kept == len(rows)


CORRUPTIONS = {
    "amount": lambda fields: [*fields[:2], "по счёту", *fields[3:]],
    "date": lambda fields: [*fields[:1], "31.02.2024", *fields[2:]],
    "customer": lambda fields: ["#N/A", *fields[1:]],
    "blank customer": lambda fields: ["", *fields[1:]],
    "extra field": lambda fields: [*fields, "лишнее"],
    "missing field": lambda fields: fields[:-2],
    "year typo": lambda fields: [*fields[:1], "01.02.0024", *fields[2:]],
}


@SETTINGS
@given(rows_strategy.filter(lambda rows: len(rows) > 1 and all("\n" not in r[0] for r in rows)), dialects(),
       st.sampled_from(sorted(CORRUPTIONS)), st.data())
def test_one_corrupted_line_is_named_or_skipped_with_the_books_balanced(rows: list, dialect: dict, kind: str,
                                                                       data: st.DataObject) -> None:
    text, _amounts = _write(rows, dialect)
    records = list(csv.reader(io.StringIO(text.decode(dialect["encoding"]).lstrip("\ufeff")),
                              delimiter=dialect["sep"]))
    index = data.draw(st.integers(1, len(rows)))
    records[index] = CORRUPTIONS[kind](records[index])
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=dialect["sep"], quoting=dialect["quoting"], lineterminator="\n").writerows(records)
    corrupted = buffer.getvalue().encode(dialect["encoding"])
    line = index + 1
    with pytest.raises(LTVInputError, match=rf"1 row cannot be used: line {line}[,:]"):
        _read(corrupted, dialect)
    orders = _read(corrupted, dialect, on_bad_rows="skip")
    report = load_report(orders)
    assert report.skipped_lines == (line,)
    assert report.rows_read == report.rows_kept + report.rows_skipped == len(rows)
    assert orders["line"].tolist() == [i + 1 for i in range(1, len(rows) + 1) if i != index]
    kept = sum((Decimal(cents) / 100 for i, (_, _, _, cents, _) in enumerate(rows, 1) if i != index), Decimal(0))
    assert report.amount_kept == kept
    assert report.amount_read == report.amount_kept + report.amount_skipped


text_tables = st.text(alphabet=st.sampled_from(list(';,\t|"\n\r 0123456789.,-:/ТКлиентДатаСуммаabc#NUL%₽\u00a0')),
                      max_size=120)
READERS = {
    "read_orders": lambda source: read_orders(source, customer="Клиент", date="Дата", amount="Сумма"),
    "read_export": lambda source: read_export(source, columns={"a": "a", "b": "b"}, numbers=("b",)),
    "read_partner_costs": read_partner_costs,
    "read_engagement": read_engagement,
    "read_retention_table": read_retention_table,
}


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(READERS)), st.one_of(text_tables.map(lambda t: t.encode("utf-8")), st.binary(
    max_size=200), text_tables.map(lambda t: ("Клиент;Дата;Сумма\n" + t).encode("cp1251", errors="replace"))))
def test_readers_raise_only_ltv_input_errors(reader: str, data: bytes) -> None:
    try:
        READERS[reader](io.BytesIO(data))
    except LTVInputError:
        pass

"""The school's files as a CRM would export them, written byte for byte: ``python -m ltvkit.course.school_files``.

The simulation (:mod:`ltvkit.course.simulate`) gives frames; this module writes them the way a
Russian CRM exports them (cp1251, ``;``, decimal comma, non-breaking spaces, a few defective
rows on purpose) into the package's data folder (``data/`` in the repository), or into
``--data-dir``. A test writes them again into a temporary folder and compares byte for byte.
"""

from __future__ import annotations

import argparse
import codecs
import hashlib
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ltvkit.checks import LTVInputError
from ltvkit.course.school import ORDER_FILE_COLUMNS
from ltvkit.course.simulate import AFFILIATE, SchoolData, simulate_school
from ltvkit.datasets import DATA_DIR, DATASETS
from ltvkit.i18n import _, ngettext
from ltvkit.money import format_number
from ltvkit.orders.engagement import ENGAGEMENT_FILE_COLUMNS
from ltvkit.orders.partners import PARTNER_FILE_COLUMNS

__all__ = ["SCHOOL_FILES", "data_writer", "main", "school_export_bytes", "write_school"]

DataWriter = Callable[[Path], list[Path]]


_WRITERS: dict[str, DataWriter] = {}


def data_writer(name: str) -> Callable[[DataWriter], DataWriter]:
    """Register a function that writes synthetic files into a data directory and returns their paths.

    ``python -m ltvkit.course.school_files`` runs every registered writer (or those named with ``--only``).

    Example:
        >>> sorted(_WRITERS)[:1]
        ['school']
    """

    def register(function: DataWriter) -> DataWriter:
        if name in _WRITERS:
            raise LTVInputError(_("name must be new; a data writer {value} is already registered", value=repr(name)))
        _WRITERS[name] = function
        return function

    return register


_NBSP = "\u00a0"


def _rub(amount: float) -> str:
    """12900.0 -> '12 900,00' with a non-breaking space, as Russian Excel writes money."""
    text = f"{abs(amount):,.2f}".replace(",", _NBSP).replace(".", ",")
    return ("-" if amount < 0 else "") + text


def _decimal_comma(value: float, digits: int = 1) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


SCHOOL_FILES = {part: DATASETS[f"school_{part}"] for part in ("orders", "partners", "engagement")}
"""The school's files in data/, as the school's systems export them."""


# Rows a real export carries and a loader must not take at face value: two test orders without a
# customer, and a corporate order whose amount was still "by invoice" (for the last customer of the
# HR partner seen before it). Each is (position in the export, order number, product, amount).
_EXPORT_DEFECTS: tuple[tuple[int, str, str, str], ...] = (
    (1200, "ORD-T00001", "Тестовый заказ", "1,00"),
    (5300, "ORD-T00002", "Тестовый заказ", "1,00"),
    (7700, "ORD-B00001", "Аналитик данных", "по счёту"),
)


def _csv_bytes(header: list[str], rows: list[list[str]], encoding: str) -> bytes:
    lines = [";".join(header)] + [";".join(row) for row in rows]
    text = "\r\n".join(lines) + "\r\n"
    if encoding == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    return text.encode(encoding)


def school_export_bytes(school: SchoolData) -> dict[str, bytes]:
    """The school's three files as bytes: orders (cp1251), partners and engagement (UTF-8 with BOM).

    Example:
        >>> files = school_export_bytes(simulate_school())
        >>> files["orders"][:12].decode("cp1251")
        'Номер заказа'
    """
    orders = school.orders
    rows = [
        [order, pd.Timestamp(date).strftime("%d.%m.%Y %H:%M"), customer, product, _rub(amount), status, channel,
         partner]
        for order, date, customer, product, amount, status, channel, partner in zip(
            orders["order"], orders["date"], orders["customer"], orders["product"], orders["amount"],
            orders["status"], orders["channel"], orders["partner"], strict=True)
    ]
    for position, number, product, amount in sorted(_EXPORT_DEFECTS, reverse=True):
        position = min(position, len(rows))
        date = rows[position - 1][1]
        if amount[0].isdigit():
            rows.insert(position, [number, date, "", product, amount, "Оплачен", "", ""])
            continue
        customer = next(row[2] for row in reversed(rows[:position]) if row[7] == "hr_it_partner")
        rows.insert(position, [number, date, customer, product, amount, "Оплачен", AFFILIATE, "hr_it_partner"])
    partners = school.partners
    partner_rows = [
        [channel, partner, kind, f"{_rub(spend)[:-3]} ₽", _decimal_comma(commission, 0), _decimal_comma(discount, 0)]
        for channel, partner, kind, spend, commission, discount in partners.itertuples(index=False)
    ]
    engagement = school.engagement
    engagement_rows = [
        [customer, str(sessions), str(minutes), _decimal_comma(per_session), str(returns), _decimal_comma(conversion),
         _decimal_comma(bounce), device]
        for customer, sessions, minutes, per_session, returns, conversion, bounce, device
        in engagement.itertuples(index=False)
    ]
    return {
        "orders": _csv_bytes(list(ORDER_FILE_COLUMNS), rows, "cp1251"),
        "partners": _csv_bytes(list(PARTNER_FILE_COLUMNS), partner_rows, "utf-8-sig"),
        "engagement": _csv_bytes(list(ENGAGEMENT_FILE_COLUMNS), engagement_rows, "utf-8-sig"),
    }


@data_writer("school")
def write_school(directory: Path) -> list[Path]:
    """Write the school's export, partner costs and engagement into ``directory``; return the paths.

    Example:
        >>> import tempfile
        >>> [path.name for path in write_school(Path(tempfile.mkdtemp()))]
        ['school_orders.csv', 'school_partners.csv', 'school_engagement.csv']
    """
    files = school_export_bytes(simulate_school())
    paths = []
    for key, data in files.items():
        path = Path(directory) / SCHOOL_FILES[key]
        path.write_bytes(data)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    """Write every registered synthetic data set into data/ (or ``--data-dir``); print sizes and checksums.

    Example:
        >>> import tempfile
        >>> main(["--only", "school", "--data-dir", tempfile.mkdtemp()])  # doctest: +ELLIPSIS
        school: school_orders.csv 968,124 bytes sha256 da92b26de83b11858bce3ab14a93e6f58f309e7c46bf195676ea8ccdf95b0707
        ...
        0
    """
    parser = argparse.ArgumentParser(prog="python -m ltvkit.course.school_files",
                                     description=main.__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=sorted(_WRITERS), help=_("write only this data set"))
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help=_("where to write (default: data/)"))
    args = parser.parse_args(argv)
    args.data_dir.mkdir(parents=True, exist_ok=True)
    for name in args.only or sorted(_WRITERS):
        for path in _WRITERS[name](args.data_dir):
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            size = path.stat().st_size
            print(ngettext("{name}: {file} {size} byte sha256 {digest}", "{name}: {file} {size} bytes sha256 {digest}",
                           size, name=name, file=path.name, size=format_number(size), digest=digest))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

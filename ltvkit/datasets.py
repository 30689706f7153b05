"""The data sets that ship inside ltvkit, found through importlib.resources: the one module that opens them.

The files live in the package (``ltvkit/data/``; in the repository ``data/`` points there, and
the notebooks read them by that path), so ``pip install ltvkit`` brings them along. Each file's
source, licence, columns and checksum are in ``data/README.md``.

| name | file | what |
|---|---|---|
| ``cdnow_orders`` | ``cdnow/CDNOW_sample.txt`` | the CDNOW purchases (real; USD) |
| ``cdnow_summary`` | ``cdnow/cdnow_customers_summary.csv`` | lifetimes' CDNOW calibration summary (weeks) |
| ``cdnow_summary_with_transactions`` | ``cdnow/cdnow_customers_summary_with_transactions.csv`` | the same with spend |
| ``donations`` | ``donations.csv`` | lifetimes' donations patterns (Fader, Hardie & Shang 2010), for BG/BB |
| ``fader_hardie_2007_retention`` | ``fader_hardie_2007_retention.csv`` | Fader & Hardie (2007)'s two cohorts |
| ``school_orders`` | ``school_orders.csv`` | the simulated school's order export (cp1251, ``;``) |
| ``school_partners`` | ``school_partners.csv`` | its acquisition costs by channel and partner |
| ``school_engagement`` | ``school_engagement.csv`` | its engagement metrics per customer |

Example:
    >>> data_path("cdnow_orders").name
    'CDNOW_sample.txt'
    >>> len(cdnow_orders()), len(fader_hardie_retention())
    (6919, 13)
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ltvkit.checks import LTVInputError
from ltvkit.i18n import _

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DATASETS",
    "DATA_DIR",
    "cdnow_orders",
    "cdnow_published_summary",
    "data_path",
    "donations",
    "fader_hardie_retention",
]

DATA_DIR: Path = Path(str(resources.files("ltvkit") / "data"))
"""The package's data folder (``data/`` in the repository)."""

DATASETS: dict[str, str] = {
    "cdnow_orders": "cdnow/CDNOW_sample.txt",
    "cdnow_summary": "cdnow/cdnow_customers_summary.csv",
    "cdnow_summary_with_transactions": "cdnow/cdnow_customers_summary_with_transactions.csv",
    "donations": "donations.csv",
    "fader_hardie_2007_retention": "fader_hardie_2007_retention.csv",
    "school_orders": "school_orders.csv",
    "school_partners": "school_partners.csv",
    "school_engagement": "school_engagement.csv",
}
"""Every shipped data set: its name -> its file under :data:`DATA_DIR`."""


def data_path(name: str) -> Path:
    """The path of a shipped data set's file, by its name in :data:`DATASETS`.

    Example:
        >>> data_path("school_orders").name
        'school_orders.csv'
    """
    if not isinstance(name, str) or name not in DATASETS:
        raise LTVInputError(_("{name} must be one of {choices}; got {value}", name="name", choices=", ".join(DATASETS),
                              value=repr(name)))
    path = DATA_DIR / DATASETS[name]
    if not path.is_file():
        raise LTVInputError(_("the data set {name} is missing from this installation ({path}); reinstall ltvkit",
                              name=repr(name), path=path))
    return path


def cdnow_orders() -> pd.DataFrame:
    """The CDNOW transaction sample: one row per purchase line, customer ids 1..2,357 (int), amounts in USD.

    Example:
        >>> orders = cdnow_orders()
        >>> len(orders), int(orders["customer"].max())
        (6919, 2357)
    """
    from ltvkit.models.cdnow import read_cdnow_orders

    return read_cdnow_orders(data_path("cdnow_orders"))


def cdnow_published_summary(*, with_spend: bool = False) -> pd.DataFrame:
    """lifetimes' published CDNOW calibration summary (frequency, recency, T in weeks; ``zbar`` USD with spend).

    Example:
        >>> cdnow_published_summary().columns.tolist()
        ['ID', 'frequency', 'recency', 'T']
    """
    import pandas as pd

    return pd.read_csv(data_path("cdnow_summary_with_transactions" if with_spend else "cdnow_summary"))


def donations() -> pd.DataFrame:
    """The donors of Fader, Hardie & Shang (2010) as lifetimes ships them: one row per (frequency, recency) pattern.

    Columns ``frequency`` (years of 1996-2001 with a repeat donation), ``recency`` (the last such
    year, 1..6; 0 with none), ``periods`` (6 for everyone) and ``weights`` (donors with that
    pattern): the arguments of :func:`ltvkit.models.bgbb.fit_bgbb`.

    Example:
        >>> table = donations()
        >>> len(table), int(table["weights"].sum()), table.columns.tolist()
        (22, 11104, ['frequency', 'recency', 'periods', 'weights'])
    """
    import pandas as pd

    return pd.read_csv(data_path("donations"))


def fader_hardie_retention() -> pd.DataFrame:
    """Fader & Hardie (2007)'s Regular and High End cohorts: percent alive per year and customers of 1,000.

    Example:
        >>> fader_hardie_retention().loc[0, ["regular_alive", "high_end_alive"]].tolist()
        [1000, 1000]
    """
    from ltvkit.models.sbg import read_retention_table

    return read_retention_table(data_path("fader_hardie_2007_retention"))

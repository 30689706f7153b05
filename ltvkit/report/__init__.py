"""An LTV report on anyone's order export (library): the sections, the command, the HTML page.

Run it as ``python -m ltvkit.report ORDERS`` (or ``ltv-report``; see :mod:`ltvkit.report.command`),
from the notebook ``reports/your_orders.ipynb``, or in the app's "Your data" page. All three
compute the sections with :class:`OrdersReport`.

| module | what |
|---|---|
| :mod:`~ltvkit.report.columns` | :func:`guess_columns`: the customer, date, amount columns and how they were found |
| :mod:`~ltvkit.report.sections` | :data:`SECTIONS` (title, how to read it, its notebook), :class:`SectionView` |
| :mod:`~ltvkit.report.load` | what the loader read and left out, refunds |
| :mod:`~ltvkit.report.distribution` | mean against median, the top 10% share, the tail |
| :mod:`~ltvkit.report.cohorts` | retention and cumulative LTV by first-purchase month |
| :mod:`~ltvkit.report.channels` | LTV, CAC and LTV:CAC by channel and partner; :func:`read_costs` |
| :mod:`~ltvkit.report.forecast` | BG/NBD + Gamma-Gamma with a calibration/holdout check |
| :mod:`~ltvkit.report.scored` | the scored customer list and ``customers.csv`` |
| :mod:`~ltvkit.report.report` | :class:`OrdersReport`: every section once, ``summary.json`` |
| :mod:`~ltvkit.report.page` | the static HTML page (inline style, figures embedded) |
| :mod:`~ltvkit.report.run` | the report notebook executed with parameters (papermill), rendered (nbconvert) |
| :mod:`~ltvkit.report.command` | the command line: options, column guessing, progress, exit codes |

Example:
    >>> import io
    >>> from ltvkit.orders import read_orders
    >>> orders = read_orders(io.StringIO("id,day,sum\\na,2024-01-05,100\\nb,2024-02-01,80\\n"), customer="id",
    ...                      date="day", amount="sum")
    >>> OrdersReport(orders, margin=0.5).view("forecast").skipped[:24]
    'no customer bought twice'
"""

from __future__ import annotations

from ltvkit.report.channels import COST_SHEET_COLUMNS, channel_economics, read_costs
from ltvkit.report.cohorts import CohortOverview, cohort_overview
from ltvkit.report.columns import ColumnGuess, guess_columns, preview
from ltvkit.report.distribution import LTVDistribution, ltv_distribution
from ltvkit.report.forecast import Forecast, ForecastSkipped, HoldoutCheck, forecast_customers, holdout_check
from ltvkit.report.load import LoadFacts, load_facts
from ltvkit.report.page import header_html, report_html, report_page
from ltvkit.report.report import OrdersReport
from ltvkit.report.scored import scored_csv, scored_customers, write_scored_csv
from ltvkit.report.sections import SECTIONS, Section, SectionView

__all__ = [
    "COST_SHEET_COLUMNS",
    "SECTIONS",
    "CohortOverview",
    "ColumnGuess",
    "Forecast",
    "ForecastSkipped",
    "HoldoutCheck",
    "LTVDistribution",
    "LoadFacts",
    "OrdersReport",
    "Section",
    "SectionView",
    "channel_economics",
    "cohort_overview",
    "forecast_customers",
    "guess_columns",
    "header_html",
    "holdout_check",
    "load_facts",
    "ltv_distribution",
    "preview",
    "read_costs",
    "report_html",
    "report_page",
    "scored_csv",
    "scored_customers",
    "write_scored_csv",
]

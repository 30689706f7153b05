"""Order data -> LTV: reading exports, customer summaries, cohorts, partners and engagement (library).

| module | what |
|---|---|
| :mod:`~ltvkit.orders.read` | :func:`read_orders`: an export (CSV or Excel) into fixed columns |
| :mod:`~ltvkit.orders.export` | :func:`read_table` (a file against a schema), :func:`read_export` (any export) |
| :mod:`~ltvkit.orders.schema` | the one validation path: :class:`TableSchema`, :data:`ORDERS`, :func:`check_table` |
| :mod:`~ltvkit.orders.source` | a file's bytes: workbook or text (whatever its name), the encoding |
| :mod:`~ltvkit.orders.layout` | records, their lines and field counts, unclosed quotes (numpy scans) |
| :mod:`~ltvkit.orders.raw` | a file as string columns (polars; workbooks with python-calamine, cell types kept) |
| :mod:`~ltvkit.orders.columns` | the columns you named found in the header (case, ё, duplicates, suggestions) |
| :mod:`~ltvkit.orders.parsing` | :func:`parse_numbers`, :func:`parse_dates` as exports write them |
| :mod:`~ltvkit.orders.load_report` | :class:`LoadReport`: what a loader read and left out, amounts exact |
| :mod:`~ltvkit.orders.arrays` | an order frame's columns as checked arrays (building blocks) |
| :mod:`~ltvkit.orders.summary` | :func:`customer_summary`: one row per customer; :func:`top_share` |
| :mod:`~ltvkit.orders.cohorts` | :func:`cohort_table`, :func:`retention_matrix`, :func:`horizon_ltv` |
| :mod:`~ltvkit.orders.year_over_year` | one calendar year against the one before |
| :mod:`~ltvkit.orders.partners` | LTV, CAC and commissions by partner and channel |
| :mod:`~ltvkit.orders.engagement` | engagement metrics against LTV, and the value after their window |
| :mod:`~ltvkit.orders.simulate` | a seeded order log of any size (benchmarks) |

Example:
    >>> import io
    >>> from ltvkit.orders import customer_summary, read_orders
    >>> orders = read_orders(io.StringIO("id;day;sum\\nA;05.03.2024;1 800,00\\nA;06.04.2024;200\\n"),
    ...                      customer="id", date="day", amount="sum")
    >>> customer_summary(orders)[["frequency", "revenue"]].to_dict("records")
    [{'frequency': 1, 'revenue': 2000.0}]
"""

from __future__ import annotations

from ltvkit.orders.cohorts import (
    COHORT_PERIODS,
    COHORT_VALUES,
    CohortLTV,
    cohort_ltv_at,
    cohort_sizes,
    cohort_table,
    horizon_ltv,
    retention_matrix,
)
from ltvkit.orders.engagement import (
    ENGAGEMENT_FILE_COLUMNS,
    METRICS,
    MetricSegments,
    ltv_after_window,
    metric_label,
    metric_segments,
    metric_table,
    naive_lift,
    quantile_segments,
    read_engagement,
)
from ltvkit.orders.export import read_export, read_table
from ltvkit.orders.load_report import (
    MAX_LISTED,
    BadRow,
    LoadReport,
    load_report,
)
from ltvkit.orders.parsing import (
    DATE_FORMATS,
    excel_cell_text,
    parse_dates,
    parse_numbers,
)
from ltvkit.orders.partners import (
    COSTS,
    ORDERS_BY_SOURCE,
    PARTNER_FILE_COLUMNS,
    CommissionDesign,
    PartnerBase,
    commission_design,
    customer_sources,
    design_of,
    partner_base,
    partner_economics,
    read_partner_costs,
    source_labels,
)
from ltvkit.orders.read import read_orders
from ltvkit.orders.schema import MISSING_MARKERS, ORDERS, Column, TableSchema, check_table
from ltvkit.orders.simulate import simulate_order_log
from ltvkit.orders.summary import (
    SUMMARY_PERIODS,
    SummaryReport,
    customer_summary,
    top_share,
)
from ltvkit.orders.year_over_year import YearOverYear, year_over_year, year_over_year_by_source

__all__ = [
    "COHORT_PERIODS",
    "COHORT_VALUES",
    "COSTS",
    "DATE_FORMATS",
    "ENGAGEMENT_FILE_COLUMNS",
    "MAX_LISTED",
    "METRICS",
    "MISSING_MARKERS",
    "ORDERS",
    "ORDERS_BY_SOURCE",
    "PARTNER_FILE_COLUMNS",
    "SUMMARY_PERIODS",
    "BadRow",
    "CohortLTV",
    "Column",
    "CommissionDesign",
    "LoadReport",
    "MetricSegments",
    "PartnerBase",
    "SummaryReport",
    "TableSchema",
    "YearOverYear",
    "check_table",
    "cohort_ltv_at",
    "cohort_sizes",
    "cohort_table",
    "commission_design",
    "customer_sources",
    "customer_summary",
    "design_of",
    "excel_cell_text",
    "horizon_ltv",
    "load_report",
    "ltv_after_window",
    "metric_label",
    "metric_segments",
    "metric_table",
    "naive_lift",
    "parse_dates",
    "parse_numbers",
    "partner_base",
    "partner_economics",
    "quantile_segments",
    "read_engagement",
    "read_export",
    "read_orders",
    "read_partner_costs",
    "read_table",
    "retention_matrix",
    "simulate_order_log",
    "source_labels",
    "top_share",
    "year_over_year",
    "year_over_year_by_source",
]

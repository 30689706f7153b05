"""The report as one static HTML page: its header, the sections, an inline stylesheet, nothing from the network.

:func:`header_html` says what the report is on (the file, the columns and how they were found,
the margin, the currency); :func:`report_page` wraps a body (the sections, or the notebook
rendered by nbconvert) into a page that opens from disk anywhere: figures are embedded, the
style is inline and no script is loaded.

Example:
    >>> page = report_page("<p>hello</p>", title="LTV report")
    >>> page.startswith("<!DOCTYPE html>") and "http" not in page
    True
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from ltvkit.i18n import _, get_language
from ltvkit.money import format_number, format_share

if TYPE_CHECKING:
    from ltvkit.report.report import OrdersReport

__all__ = ["REPORT_CSS", "header_html", "report_html", "report_page"]

REPORT_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 980px; margin: 2em auto;
       padding: 0 1em; color: #1d2939; line-height: 1.45; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { font-size: 1.25em; margin-top: 1.8em;
     border-bottom: 1px solid #d0d5dd; padding-bottom: 0.2em; }
.ltv-reading { background: #f2f4f7; padding: 0.6em 0.8em; border-radius: 4px; }
.ltv-skipped { color: #b54708; } .ltv-caption { font-weight: 600; margin-bottom: 0.2em; }
table.ltv-table, table.dataframe { border-collapse: collapse; font-size: 0.9em; margin: 0.4em 0 1em; }
table.ltv-table th, table.ltv-table td { padding: 0.2em 0.6em; border-bottom: 1px solid #eaecf0; text-align: right;
                                          white-space: nowrap; }
img.ltv-figure { display: block; max-width: 100%; margin: 0.6em 0; }
.ltv-header dl { display: grid; grid-template-columns: max-content auto; gap: 0.1em 1em; }
.ltv-header dt { font-weight: 600; } .jp-OutputPrompt, .jp-InputPrompt { display: none; }
"""
"""The page's whole stylesheet (inline)."""


def header_html(report: OrdersReport, *, title: str = "") -> str:
    """The report's heading: the file, the period, the columns used and how each was found, margin and currency.

    Example:
        >>> import io
        >>> from ltvkit.orders import read_orders
        >>> from ltvkit.report.report import OrdersReport
        >>> orders = read_orders(io.StringIO("id,day,sum\\na,2024-01-05,100\\n"), customer="id", date="day",
        ...                      amount="sum")
        >>> "<h1>LTV report: &lt;text&gt;</h1>" in header_html(OrdersReport(orders))
        True
    """
    facts = report.facts
    name = title or _("LTV report: {source}", source=facts.report.source)
    margin = format_share(report.margin, 0) + ("" if report.margin < 1 else _(" (none given: LTV here is revenue)"))
    rows = [
        (_("orders"), _("{rows} rows, {customers} customers, {first} to {last}", rows=format_number(facts.rows_kept),
                        customers=format_number(facts.customers), first=facts.first_day.date(),
                        last=facts.last_day.date())),
        (_("gross margin"), margin),
        (_("currency"), report.currency),
        (_("forecast"), _("{months} months ahead, {rate} a year discount", months=report.horizon_months,
                          rate=format_share(report.annual_discount_rate, 0))),
    ]
    if report.columns is not None:
        rows.extend((_("column {role}", role=line.split(": ", 1)[0]), line.split(": ", 1)[1])
                    for line in report.columns.describe().splitlines() if ": " in line)
    made = html.escape(_("Made by ltvkit from the order export below; every figure is computed from it."))
    items = "".join(f"<dt>{html.escape(key)}</dt><dd>{html.escape(value)}</dd>" for key, value in rows)
    return (f'<header class="ltv-header"><h1>{html.escape(name)}</h1>'
            f"<p>{made}</p>"
            f"<dl>{items}</dl></header>")


def report_page(body: str, *, title: str) -> str:
    """A whole HTML page around ``body`` with the inline stylesheet (UTF-8, nothing external), in the current language.

    Example: see the module docstring.
    """
    return (f'<!DOCTYPE html>\n<html lang="{get_language()}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n<style>{REPORT_CSS}</style>\n</head>\n"
            f"<body>\n{body}\n</body>\n</html>\n")


def report_html(report: OrdersReport, *, title: str = "") -> str:
    """The whole report as one static page: the header and every section (the app's download).

    The command's ``index.html`` is the executed notebook's outputs in the same page; both show
    :func:`header_html` and each :class:`~ltvkit.report.sections.SectionView` the same way.

    Example:
        >>> import io
        >>> from ltvkit.orders import read_orders
        >>> from ltvkit.report.report import OrdersReport
        >>> orders = read_orders(io.StringIO("id,day,sum\\na,2024-01-05,100\\n"), customer="id", date="day",
        ...                      amount="sum")
        >>> page = report_html(OrdersReport(orders))
        >>> page.count('<section class="ltv-section"'), "<script" in page
        (6, False)
    """
    from ltvkit.report.sections import SECTIONS

    heading = header_html(report, title=title)
    body = "\n".join([heading, *(report.view(key).html(report.course_url) for key in SECTIONS)])
    return report_page(body, title=title or _("LTV report: {source}", source=report.facts.report.source))

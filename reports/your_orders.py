# %% [markdown]
# # Your orders: an LTV report
#
# This notebook makes the workbook's LTV report on any order export: what was read, LTV per
# customer (mean, median, the heavy tail), cohorts, LTV and CAC by channel, a BG/NBD +
# Gamma-Gamma forecast checked on a holdout, and the scored customer list. Every section says
# how to read it and which notebook of the course teaches it.
#
# **Run it** with the command, which injects the parameters below and writes `index.html`,
# `customers.csv` and `summary.json` (see the README):
# `python -m ltvkit.report ORDERS [--margin 0.6] [--language ru] [--out DIR]`. Or change the parameters here and
# run all cells (the defaults read the course's school). The markdown and the code are left out of
# the HTML page; only the outputs are the report.

# %% tags=["parameters"]
orders_path = "../data/school_orders.csv"  # the export: CSV (any separator, UTF-8 or cp1251) or Excel
customer = None  # the customer id column; None guesses it (ltvkit.report.guess_columns)
date = None  # the order date column
amount = None  # the amount column (refunds negative)
channel = None  # the acquisition channel column (optional)
partner = None  # the partner (affiliate) column (optional)
column_notes = None  # how the command found each column, {role: text}
names = None  # column names of a file without a header line, e.g. ["master_id", "customer", "date", "cds", "amount"]
date_format = None  # a strptime format for the dates; None detects it
decimal = None  # the amounts' decimal mark, "," or "."; None detects it
skip_bad_rows = True  # leave out rows the loader cannot read (listed in the load section); False refuses the file
costs_path = "../data/school_partners.csv"  # a cost sheet per channel and partner, or None
margin = 0.6  # gross margin, a share in [0, 1]
currency = "RUB"  # RUB, USD or CNY
horizon_months = 12  # the forecast's horizon
annual_discount_rate = 0.10  # the forecast's yearly discount rate
course_url = "../notebooks/{slug}.ipynb"  # where each section links the notebook that teaches it
language = "en"  # the report's language: "en" or "ru" (ltvkit.set_language)
out_dir = None  # where customers.csv and summary.json go (None: not written)

# %% tags=["step-read"]
from IPython.display import HTML

import ltvkit
from ltvkit.orders import read_orders
from ltvkit.report import OrdersReport, guess_columns, header_html, read_costs

ltvkit.set_language(language)
columns = guess_columns(orders_path, customer=customer, date=date, amount=amount, channel=channel, partner=partner,
                        names=names, notes=column_notes)
orders = read_orders(orders_path, **columns.as_read_orders(), names=names,
                     date_format=date_format or columns.date_format, decimal=decimal or columns.decimal,
                     on_bad_rows="skip" if skip_bad_rows else "raise")
costs = read_costs(costs_path) if costs_path else None
report = OrdersReport(orders, margin=margin, currency=currency, costs=costs, horizon_months=horizon_months,
                      annual_discount_rate=annual_discount_rate, columns=columns, course_url=course_url)
HTML(header_html(report))

# %% tags=["section-load"]
report.view("load")

# %% tags=["section-distribution"]
report.view("distribution")

# %% tags=["section-cohorts"]
report.view("cohorts")

# %% tags=["section-channels"]
report.view("channels")

# %% tags=["section-forecast"]
report.view("forecast")

# %% tags=["section-scored"]
report.view("scored")

# %% [markdown]
# The scored list (`report.scored`, one row per customer) and the headline figures
# (`report.headline()`) are what the command writes as `customers.csv` and `summary.json`:

# %% tags=["step-tables"]
if out_dir:
    report.write_tables(out_dir)

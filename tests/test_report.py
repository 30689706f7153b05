"""ltvkit.report as a library: guessing columns, each section's figures, the scored list's totals, skipped forecasts."""

from __future__ import annotations

import io
import json

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ltvkit.checks import LTVInputError
from ltvkit.datasets import data_path
from ltvkit.orders import customer_summary, read_orders, top_share
from ltvkit.report import (
    SECTIONS,
    ForecastSkipped,
    OrdersReport,
    channel_economics,
    forecast_customers,
    guess_columns,
    holdout_check,
    ltv_distribution,
    read_costs,
    report_page,
    scored_customers,
    write_scored_csv,
)
from ltvkit.report.command import main

CDNOW_NAMES = ["master_id", "customer", "date", "cds", "amount"]


@pytest.fixture(scope="module")
def school() -> OrdersReport:
    guess = guess_columns(data_path("school_orders"))
    orders = read_orders(data_path("school_orders"), **guess.as_read_orders(), on_bad_rows="skip")
    return OrdersReport(orders, margin=0.6, costs=read_costs(data_path("school_partners")), columns=guess)


def test_guess_columns_of_the_school_by_their_russian_names() -> None:
    guess = guess_columns(data_path("school_orders"))
    assert guess.as_read_orders() == {"customer": "ID клиента", "date": "Дата оплаты", "amount": "Сумма, руб.",
                                      "channel": "Канал", "partner": "Партнёр"}
    assert all(guess.how[role].startswith("by name") for role in ("customer", "date", "amount"))
    assert guess.date_format == "%d.%m.%Y"


def test_guess_columns_by_content_when_names_say_nothing() -> None:
    rows = [f"o{i},{'c' + str(i % 7)},2024-01-{1 + i % 28:02d},{10 + i}.50,x" for i in range(40)]
    guess = guess_columns(io.StringIO("a,b,c,d,e\n" + "\n".join(rows) + "\n"))
    assert (guess.customer, guess.date, guess.amount) == ("b", "c", "d")
    assert guess.how["customer"].startswith("by content") and guess.how["date"].startswith("by content")


def test_guess_columns_keeps_given_names_and_refuses_missing_ones() -> None:
    guess = guess_columns(data_path("cdnow_orders"), names=CDNOW_NAMES, customer="master_id")
    assert guess.customer == "master_id" and guess.how["customer"] == "given" and guess.amount == "amount"
    with pytest.raises(LTVInputError, match=r"no column 'client'.*'ID клиента'"):
        guess_columns(data_path("school_orders"), customer="client")


def test_guess_columns_says_which_role_it_cannot_find() -> None:
    with pytest.raises(LTVInputError, match="cannot tell which column holds the date"):
        guess_columns(io.StringIO("x,y\nA,1\nB,2\nA,3\n"))


def test_guess_columns_reads_an_excel_export(tmp_path) -> None:
    path = tmp_path / "orders.xlsx"
    pd.DataFrame({"Клиент": ["a", "a", "b"], "Дата": ["05.03.2024", "06.04.2024", "07.04.2024"],
                  "Сумма": [100.5, 200, 50]}).to_excel(path, index=False)
    guess = guess_columns(path)
    assert (guess.customer, guess.date, guess.amount) == ("Клиент", "Дата", "Сумма")


def test_every_section_names_a_notebook_of_the_course() -> None:
    from pathlib import Path

    notebooks = Path(__file__).resolve().parents[1] / "notebooks"
    for section in SECTIONS.values():
        assert (notebooks / f"{section.notebook}.ipynb").exists(), section.key
        assert section.reading.count(".") <= 1, f"{section.key}: the reading is one sentence"


def test_distribution_of_the_school_matches_the_summary(school: OrdersReport) -> None:
    summary = customer_summary(school.orders, margin=0.6)
    result = school.distribution
    assert result.mean == pytest.approx(summary["historical_ltv"].mean())
    assert result.median == pytest.approx(summary["historical_ltv"].median())
    assert result.top_10_share == pytest.approx(top_share(summary["revenue"], 0.10))
    assert result.mean > 1.5 * result.median  # the heavy tail notebook 09 shows


def test_cohort_section_reads_the_school(school: OrdersReport) -> None:
    view = school.view("cohorts")
    assert not view.skipped and len(view.figures) == 2
    assert view.lines[0].startswith("24 monthly cohorts")


def test_channels_with_costs_reconcile_with_the_revenue(school: OrdersReport) -> None:
    table = school.channels
    assert table is not None and {"cac", "ltv_to_cac", "band", "net_ltv"} <= set(table.columns)
    attributed = float((table["revenue"] * table["customers"]).sum())
    assert attributed == pytest.approx(school.orders["amount"].sum(), abs=0.01)


def test_channels_without_costs_give_ltv_only() -> None:
    orders = pd.DataFrame({"customer": ["a", "a", "b"], "amount": [100.0, 50.0, 80.0], "channel": ["x", "x", "y"],
                           "date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-01-05"])})
    table = channel_economics(orders, None, margin=0.5)
    assert table.loc[("x", ""), "gross_ltv"] == 75.0 and table.loc[("x", ""), "repeat_buyers"] == 1.0
    assert "cac" not in table.columns


def test_cost_sheet_in_english_columns() -> None:
    costs = read_costs(io.StringIO("channel,partner,fixed_spend,first_sale_commission_pct\nads,,1000,0\n"))
    assert costs.loc[0, ["channel", "partner", "fixed_spend"]].tolist() == ["ads", "", 1000.0]


def test_forecast_is_skipped_without_repeat_buyers_and_says_why() -> None:
    orders = pd.DataFrame({"customer": [f"c{i}" for i in range(50)], "amount": np.arange(50) + 1.0,
                           "date": pd.date_range("2024-01-01", periods=50, freq="D")})
    result = forecast_customers(orders, margin=0.5)
    assert isinstance(result, ForecastSkipped) and "no customer bought twice" in result.reason
    report = OrdersReport(orders.assign(line=range(2, 52)), margin=0.5)
    assert report.view("forecast").skipped == result.reason
    assert "p_alive" not in report.scored.columns


def test_holdout_check_on_cdnow_is_close_in_total() -> None:
    orders = read_orders(data_path("cdnow_orders"), names=CDNOW_NAMES, customer="customer", date="date",
                         amount="amount")
    check = holdout_check(orders)
    assert not isinstance(check, ForecastSkipped)
    assert abs(check.purchase_error) < 0.2  # BG/NBD's holdout total on CDNOW is within 20% (notebook 14: -12%)
    assert check.calibration_end < check.holdout_end


def test_forecast_scores_every_school_customer(school: OrdersReport) -> None:
    forecast = school.forecast
    assert not isinstance(forecast, ForecastSkipped)
    scored = school.scored
    assert len(scored) == len(school.summary) and scored["clv_RUB"].notna().all()
    assert (scored["p_alive"].between(0, 1)).all()
    assert scored["clv_RUB"].is_monotonic_decreasing
    assert forecast.clv.sum() == pytest.approx(school.headline()["forecast"]["clv_total"], abs=0.01)


def test_the_reports_list_is_the_models_scored_list_with_clv_intervals(school: OrdersReport) -> None:
    """The CLV is customer_lifetime_value's on the same fits (margin less refunds), inside its own interval."""
    from ltvkit.models import customer_lifetime_value, months, purchase_history

    forecast = school.forecast
    data = purchase_history(school.orders).data
    own = customer_lifetime_value(forecast.purchases, forecast.spend, data, horizon=months(12), step=months(1),
                                  margin=0.6 * (1 - forecast.refund_share), annual_discount_rate=0.10)
    by_id = pd.Series(own.clv, index=np.asarray(data.customer_ids))
    scored = school.scored
    np.testing.assert_allclose(scored["clv_RUB"], by_id.loc[scored.index], rtol=1e-12)
    assert (scored["clv_lower_95_RUB"] <= scored["clv_RUB"]).all()
    assert (scored["clv_RUB"] <= scored["clv_upper_95_RUB"]).all()
    assert set(scored["segment"]) <= {"Premium Customer", "Repeat Customer", "Top Spender", "At Risk Customer",
                                      "Inactive Customer", "Other"}
    headline = school.headline()["forecast"]
    assert headline["clv_total_lower_95"] < headline["clv_total"] < headline["clv_total_upper_95"]
    assert sum(s["customers"] for s in headline["segments"].values()) == len(scored)
    assert sum(s["clv"] for s in headline["segments"].values()) == pytest.approx(headline["clv_total"], abs=0.1)


def test_the_forecast_section_shows_each_fits_parameters_and_diagnostics(school: OrdersReport) -> None:
    view = school.view("forecast")
    (caption, table), = view.tables
    assert "standard errors" in caption
    assert table.index.tolist() == [("BG/NBD", name) for name in ("r", "alpha", "a", "b")] + [
        ("Gamma-Gamma", name) for name in ("p", "q", "gamma")]
    assert list(table.columns) == ["estimate", "standard error", "lower 95%", "upper 95%"]  # fit_table keeps its names
    assert any(line.startswith("BG/NBD fit: all checks passed") for line in view.lines)
    assert any("95% interval" in line and "200 parameter sets" in line for line in view.lines)
    scored = school.view("scored")
    assert scored.tables[0][0].startswith("Customers by segment")
    assert "clv_lower_95_RUB" in scored.tables[1][1].columns


def test_a_fit_that_cannot_be_trusted_is_shown_as_a_caution_without_intervals() -> None:
    """CDNOW's first 15 customers: both fits warn; the report says so in sentences and draws no interval."""
    import warnings

    orders = read_orders(data_path("cdnow_orders"), names=CDNOW_NAMES, customer="customer", date="date",
                         amount="amount")
    few = orders[orders["customer"].isin(sorted(orders["customer"].unique())[:15])]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the fits' LTVFitWarnings are caught and become sentences
        forecast = forecast_customers(few, margin=0.5, currency="USD")
    assert not isinstance(forecast, ForecastSkipped) and forecast.intervals is None
    assert "clv_lower_95_USD" not in forecast.scored.columns
    lines = forecast.lines("USD")
    cautions = [line for line in lines if line.startswith("caution: BG/NBD fit is not trustworthy")]
    assert len(cautions) == 1 and "read them as rough" in cautions[0]
    assert any(line.startswith("no CLV interval") for line in lines)
    assert any(line.startswith("BG/NBD fit: NOT trustworthy") for line in lines)


def test_a_forecast_that_is_not_a_number_is_skipped_with_the_fits_warnings() -> None:
    rows = [("a", "2024-01-01", 10), ("a", "2024-02-01", 12), ("a", "2024-03-05", 11), ("b", "2024-01-10", 20),
            ("b", "2024-01-20", 25), ("c", "2024-02-01", 5), ("d", "2024-03-01", 7), ("e", "2024-01-15", 9),
            ("e", "2024-06-01", 9.5)]
    orders = pd.DataFrame(rows, columns=["customer", "date", "amount"]).assign(date=lambda f: pd.to_datetime(f.date))
    result = forecast_customers(orders, margin=0.5, draws=20)
    assert isinstance(result, ForecastSkipped)
    assert result.reason.startswith("the models' forecast is not a number") and "ended at the edge" in result.reason


def test_scored_csv_totals_equal_the_loaders_to_the_kopeck(school: OrdersReport, tmp_path) -> None:
    csv_path, json_path = school.write_tables(tmp_path)
    written = pd.read_csv(csv_path)
    headline = json.loads(json_path.read_text(encoding="utf-8"))
    loader_total = round(float(school.orders["amount"].sum()), 2)
    assert round(written["revenue_RUB"].sum(), 2) + headline["refund_only_amount"] == loader_total
    assert headline["orders_amount"] == loader_total == headline["revenue"] + headline["refund_only_amount"]
    assert headline["skipped_lines"] == [1202, 5303, 7704]
    assert len(written) == headline["customers"] == 4376


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 60), st.integers(-500, 5000)), min_size=1, max_size=30))
def test_scored_revenue_reconciles_with_any_orders(rows: list[tuple[int, int, int]]) -> None:
    """Revenue in the list + refund-only customers' amount = the orders' total, refunds and all."""
    orders = pd.DataFrame({"customer": [f"c{c}" for c, _, _ in rows], "amount": [a / 100 for _, _, a in rows],
                           "date": pd.Timestamp("2024-01-01") + pd.to_timedelta([d for _, d, _ in rows], unit="D")})
    if not (orders["amount"] >= 0).any():
        return
    summary = customer_summary(orders)
    scored = scored_customers(summary, ForecastSkipped("not fitted"), margin=1.0)
    report = summary.attrs["summary_report"]
    assert round(scored["revenue_RUB"].sum() + report.refund_only_amount, 2) == round(orders["amount"].sum(), 2)


def test_write_scored_csv_keeps_cents_exact(tmp_path) -> None:
    frame = pd.DataFrame({"revenue_RUB": [0.1 + 0.2, 1e6 + 0.005]}, index=pd.Index(["a", "b"], name="customer"))
    text = write_scored_csv(frame, tmp_path / "c.csv").read_text()
    assert text.splitlines()[1:] == ["a,0.30", "b,1000000.01"]


def test_distribution_refuses_a_margin_above_one(school: OrdersReport) -> None:
    with pytest.raises(LTVInputError, match="margin"):
        ltv_distribution(school.summary, margin=1.2)


def test_page_is_static(school: OrdersReport) -> None:
    body = "".join(school.view(key).html("../notebooks/{slug}.ipynb") for key in SECTIONS)
    page = report_page(body, title="t")
    assert "<script" not in page and "http://" not in page and "https://" not in page
    assert page.count("data:image/png;base64,") >= 6


@pytest.mark.parametrize(("argv", "message"), [
    (["missing.csv"], "ORDERS: no such file"),
    ([str(data_path("school_orders")), "--margin", "1.5"], "--margin must be in [0, 1]; got 1.5"),
])
def test_command_refuses_bad_options_with_exit_2(argv: list[str], message: str, capsys) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


@pytest.mark.drift
@pytest.mark.parametrize("stem", ["reports/your_orders", "app/your_data"])
def test_report_and_app_pairs_hold_the_same_cells_without_outputs(stem: str) -> None:
    from pathlib import Path

    import jupytext

    root = Path(__file__).resolve().parents[1]
    cells = [[(c.cell_type, c.source.strip(), tuple(c.metadata.get("tags", ()))) for c in jupytext.read(path).cells]
             for path in (root / f"{stem}.py", root / f"{stem}.ipynb")]
    assert cells[0] == cells[1], f"{stem}.py and .ipynb differ; run .venv/bin/jupytext --sync {stem}.ipynb"
    stored = json.loads((root / f"{stem}.ipynb").read_text(encoding="utf-8"))
    assert all(not cell.get("outputs") for cell in stored["cells"]), f"commit {stem}.ipynb without outputs"
    if stem.startswith("reports/"):
        tags = [tag for cell in stored["cells"] for tag in cell["metadata"].get("tags", [])]
        assert "parameters" in tags and [t[8:] for t in tags if t.startswith("section-")] == list(SECTIONS)

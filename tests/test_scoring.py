"""The scored customer list, its CSV and Excel exports (read back, totals checked), and saved models."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from ltvkit import LTVInputError
from ltvkit.datasets import cdnow_published_summary
from ltvkit.models.bgbb import BGBBFit
from ltvkit.models.bgnbd import BGNBDFit, fit_bgnbd
from ltvkit.models.gamma_gamma import fit_gamma_gamma
from ltvkit.models.pareto_nbd import ParetoNBDFit
from ltvkit.models.persistence import load_model, save_model
from ltvkit.models.rfm import RFMSummary
from ltvkit.models.scoring import SEGMENTS, export_scored_customers, rfm_scores, scored_customers
from ltvkit.models.uncertainty import clv_intervals
from ltvkit.models.units import months, weeks, years

CLV = {"horizon": years(1), "step": months(3), "margin": 0.3, "annual_discount_rate": 0.1}


@pytest.fixture(scope="module")
def cdnow() -> RFMSummary:
    frame = cdnow_published_summary(with_spend=True)
    return RFMSummary.from_frame(frame, frequency="x", recency="t_x", monetary="zbar", time_unit="weeks",
                                 currency="USD", customer_id="ID")


@pytest.fixture(scope="module")
def models(cdnow: RFMSummary):
    return fit_bgnbd(cdnow), fit_gamma_gamma(cdnow)


@pytest.fixture(scope="module")
def table(cdnow: RFMSummary, models) -> pd.DataFrame:
    sample = cdnow.select(np.arange(len(cdnow)) < 400)
    intervals = clv_intervals(*models, sample, **CLV, draws=100, seed=3)
    return scored_customers(*models, sample, **CLV, intervals=intervals)


def test_the_list_has_one_row_per_customer_and_units_in_its_columns(table: pd.DataFrame) -> None:
    assert len(table) == 400 and table["customer_id"].is_unique
    for column in ("weeks_since_last_purchase", "average_spend_USD", "expected_purchases_next_1_year",
                   "expected_spend_per_purchase_USD", "clv_USD", "clv_lower_95_USD", "clv_upper_95_USD"):
        assert column in table.columns, column
    assert (table["clv_lower_95_USD"] <= table["clv_upper_95_USD"]).all()
    assert table["p_alive"].between(0, 1).all()


def test_rfm_scores_are_quartiles_and_segments_come_from_the_table(table: pd.DataFrame) -> None:
    for column in ("r_score", "f_score", "m_score"):
        assert set(table[column]) <= {1, 2, 3, 4}
    named = {code: name for name, codes in SEGMENTS.items() for code in codes}
    assert (table["segment"] == table["rfm_score"].map(named).fillna("Other")).all()
    assert rfm_scores([5, 1, 3, 2], higher_is_better=False).tolist() == [1, 4, 2, 3]
    premium = table[table["segment"] == "Premium Customer"]
    assert premium["clv_USD"].mean() > table["clv_USD"].mean()


def test_csv_export_reads_back_with_the_same_totals(table: pd.DataFrame, tmp_path: Path) -> None:
    path = export_scored_customers(table, tmp_path / "customers.csv")
    back = pd.read_csv(path)
    assert list(back.columns) == list(table.columns) and len(back) == len(table)
    assert back["clv_USD"].sum() == pytest.approx(table["clv_USD"].sum(), rel=1e-12)
    assert back["repeat_purchases"].sum() == table["repeat_purchases"].sum()
    assert (back["segment"] == table["segment"]).all()


def test_excel_export_reads_back_with_the_same_totals(table: pd.DataFrame, tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    path = export_scored_customers(table, tmp_path / "customers.xlsx")
    back = pd.read_excel(path, sheet_name="customers", engine="openpyxl")
    assert list(back.columns) == list(table.columns) and len(back) == len(table)
    assert back["clv_USD"].sum() == pytest.approx(table["clv_USD"].sum(), rel=1e-12)
    assert back["expected_purchases_next_1_year"].sum() == pytest.approx(
        table["expected_purchases_next_1_year"].sum(), rel=1e-12)


@pytest.mark.parametrize(("name", "match"), [("customers.txt", ".csv or .xlsx"), ("missing/customers.csv", "folder")])
def test_export_refuses_bad_paths(table: pd.DataFrame, tmp_path: Path, name: str, match: str) -> None:
    with pytest.raises(LTVInputError, match=match):
        export_scored_customers(table, tmp_path / name)


def test_a_saved_model_scores_new_data_as_the_original(models, cdnow: RFMSummary, tmp_path: Path) -> None:
    purchases, spend = models
    save_model(purchases, tmp_path / "purchases.json", data=cdnow)
    save_model(spend, tmp_path / "spend.json", data=cdnow)
    loaded_purchases, loaded_spend = load_model(tmp_path / "purchases.json"), load_model(tmp_path / "spend.json")
    assert loaded_purchases.params == purchases.params and loaded_purchases.time_unit == "weeks"
    assert loaded_purchases.standard_errors == purchases.standard_errors
    assert np.array_equal(loaded_purchases.log_covariance, purchases.log_covariance)
    next_month = cdnow.in_unit("days")  # a new summary, in another unit: converted, not refitted
    assert np.allclose(loaded_purchases.conditional_expected_purchases(next_month, weeks(4)),
                       purchases.conditional_expected_purchases(next_month, weeks(4)))
    assert np.allclose(loaded_spend.conditional_expected_spend(cdnow), spend.conditional_expected_spend(cdnow))
    document = json.loads((tmp_path / "purchases.json").read_text())
    assert document["data"]["customers"] == 2357 and document["ltvkit_version"] and document["time_unit"] == "weeks"


def test_published_and_other_models_round_trip(tmp_path: Path) -> None:
    for model in (BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks"),
                  ParetoNBDFit(r=0.55, alpha=10.58, s=0.61, beta=11.67, time_unit="weeks"),
                  BGBBFit(alpha=1.204, beta=0.750, gamma=0.657, delta=2.783)):
        path = save_model(model, tmp_path / f"{type(model).__name__}.json")
        assert load_model(path) == model


@pytest.mark.parametrize(("content", "match"), [
    ("not json at all", "not a JSON file"),
    ('{"format": "lifetimes"}', "not a model saved by ltvkit"),
    ('{"format": "ltvkit-fitted-model", "format_version": 9}', "format_version"),
    ('{"format": "ltvkit-fitted-model", "format_version": 1, "model": "Tree"}', "does not know"),
    ('{"format": "ltvkit-fitted-model", "format_version": 1, "model": "BGNBDFit", "params": {"r": 1}, '
     '"time_unit": "weeks"}', "do not fit"),
    ('{"format": "ltvkit-fitted-model", "format_version": 1, "model": "BGNBDFit", "params": {"r": -1, '
     '"alpha": 1, "a": 1, "b": 1}, "time_unit": "weeks"}', "r must be"),
    ('{"format": "ltvkit-fitted-model", "format_version": 1, "model": "BGNBDFit", "params": {"r": 1, '
     '"alpha": 1, "a": 1, "b": 1}, "time_unit": "hours"}', "time_unit"),
])
def test_bad_or_foreign_files_are_refused(tmp_path: Path, content: str, match: str) -> None:
    path = tmp_path / "model.json"
    path.write_text(content)
    with pytest.raises(LTVInputError, match=match):
        load_model(path)
    with pytest.raises(LTVInputError, match="does not exist"):
        load_model(tmp_path / "nothing.json")

"""The library's refusals and the labels it builds, in Russian: one per module, so a dropped marker fails.

Each test calls the library with bad input (or asks for a label) inside ``using_language("ru")`` and
checks the Russian sentence and the argument it names (argument names stay as Python writes them).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from ltvkit.checks import LTVInputError
from ltvkit.i18n import using_language


def _refusal(call, *args, **kwargs) -> str:
    with using_language("ru"), pytest.raises(LTVInputError) as caught:
        call(*args, **kwargs)
    return str(caught.value)


def _summary(**extra):
    from ltvkit.models.rfm import RFMSummary

    return RFMSummary.create(frequency=[2, 0], recency=[3, 0], T=[5, 5], time_unit="weeks", **extra)


def test_gamma_gamma_refuses_a_list_for_data_in_russian() -> None:
    from ltvkit.models.gamma_gamma import GammaGammaFit

    text = _refusal(GammaGammaFit(p=6.25, q=3.74, gamma=15.44).conditional_expected_spend, [1, 2])
    assert text == "Параметр data должен быть RFMSummary; получено list"


def test_purchase_models_refuse_an_unknown_time_unit_in_russian() -> None:
    from ltvkit.models.bgnbd import BGNBDFit
    from ltvkit.models.purchase_model import require_summary

    fit = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks")
    assert _refusal(fit.in_unit, "fortnights").startswith("Параметр time_unit должен быть одним из значений: ")
    assert _refusal(require_summary, [1]).startswith("Параметр data должен быть RFMSummary (RFMSummary.create(")


def test_rfm_summary_refuses_a_wrong_mask_and_missing_columns_in_russian() -> None:
    from ltvkit.models.rfm import RFMSummary

    data = _summary()
    assert _refusal(data.select, [True]) == ("Параметр mask должен содержать по одному значению на клиента (2); "
                                             "получена форма (1,)")
    assert _refusal(data.select, [False, False]) == "Параметр mask должен оставлять хотя бы одного клиента"
    frame = pd.DataFrame({"x": [1], "t_x": [1.0]})
    text = _refusal(RFMSummary.from_frame, frame, frequency="x", recency="t_x", time_unit="weeks")
    assert text == "В таблице frame нет столбцов ['T']; в ней есть ['x', 't_x']"


def test_purchase_history_hints_how_to_read_orders_in_russian() -> None:
    from ltvkit.models.history import purchase_history

    text = _refusal(purchase_history, pd.DataFrame({"customer": ["a"]}))
    assert text.startswith("В таблице orders нет столбца 'date', 'amount'")
    assert text.endswith("Прочитайте её функцией read_orders")


def test_format_rows_refuses_a_string_in_russian() -> None:
    from ltvkit.money import format_rows

    assert _refusal(format_rows, "revenue") == ("Параметр rows должен быть списком строк вида [('revenue', 18000)]; "
                                                "получено 'revenue'")
    assert _refusal(format_rows, [("revenue",)]).startswith("В параметре rows каждая строка должна содержать")


def test_data_path_refuses_an_unknown_name_in_russian() -> None:
    from ltvkit.datasets import data_path

    assert _refusal(data_path, "nope").startswith("Параметр name должен быть одним из значений: ")


def test_charts_name_the_bad_bar_in_russian() -> None:
    from ltvkit.plots import bar_chart, ratio_band_chart, waterfall_chart

    assert _refusal(bar_chart, ["A"], ["x"]).startswith("Параметр значение столбца 'A' должен быть")
    assert _refusal(waterfall_chart, [("revenue", "x")]).startswith("Параметр сумма шага 'revenue' должен быть")
    assert _refusal(ratio_band_chart, {"ads": 0}).startswith("Параметр отношение 'ads' должен быть")


def test_model_charts_label_an_unlisted_unit_in_russian() -> None:
    from ltvkit.plots.models import alive_history_chart

    with using_language("ru"):
        fig = alive_history_chart([0, 1], [1.0, 0.9], [0.5], unit="quarters")
    assert fig.axes[0].get_xlabel() == "время с первой покупки (quarters; отметки: повторные покупки)"


def test_rfm_segments_keep_english_values_and_show_russian_labels() -> None:
    from ltvkit.models.scoring import segment_label, segment_of

    assert segment_of("444") == "Premium Customer"  # the value code compares, in every language
    with using_language("ru"):
        assert segment_of("444") == "Premium Customer"
        assert [segment_label(segment_of(code)) for code in ("444", "111", "421")] == [
            "Премиальный клиент", "Неактивный клиент", "Прочие"]
        assert segment_label("customer_id") == "customer_id"


def test_retention_periods_keep_english_values_and_show_russian_labels() -> None:
    from ltvkit.datasets import data_path
    from ltvkit.models.sbg import period_label, read_retention_table

    with using_language("ru"):
        table = read_retention_table(data_path("fader_hardie_2007_retention"))
        assert set(table["period"]) == {"calibration", "holdout"}
        assert table["period"].map(period_label).unique().tolist() == ["калибровка", "контроль"]


def test_acquisition_table_writes_its_band_in_the_readers_language() -> None:
    from ltvkit.acquisition import acquisition_table
    from ltvkit.ltv_cac import ltv_cac_verdict

    costs = pd.DataFrame({"fixed_per_customer": [100.0], "commission_per_customer": [0.0]}, index=["ads"])
    ltv = pd.Series({"ads": 1000.0})
    assert acquisition_table(ltv, costs)["band"].tolist() == ["possibly under-investing in growth"]
    with using_language("ru"):
        band = acquisition_table(ltv, costs)["band"].tolist()
        assert band == [ltv_cac_verdict(10.0).label] and band != ["possibly under-investing in growth"]
        assert ltv_cac_verdict(10.0).band == "possibly under-investing in growth"
    assert np.isfinite(acquisition_table(ltv, costs)["ltv_to_cac"]).all()


def test_an_untrustworthy_fit_warns_in_russian_with_russian_decimals() -> None:
    from ltvkit.models.bgnbd import fit_bgnbd
    from ltvkit.models.fitting import LTVFitWarning
    from ltvkit.models.rfm import RFMSummary

    data = RFMSummary.create(frequency=[1, 0, 0], recency=[4, 0, 0], T=[5, 5, 5], time_unit="weeks")
    with using_language("ru"), pytest.warns(LTVFitWarning) as caught:
        fit_bgnbd(data)
    text = str(caught[0].message)
    assert text.startswith("Подгонке BG/NBD нельзя доверять: alpha упёрся в границу поиска "
                           "(ниже 8,3e-07 или выше 1,2e+06)")

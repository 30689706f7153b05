"""The workbook's glossary: each LTV term in English, Russian and Chinese, with a definition.

One data structure serves notebook 00's table and any lookup a notebook makes.

Example:
    >>> term("CAC").russian
    'стоимость привлечения клиента (CAC)'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ltvkit.checks import LTVInputError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["GLOSSARY", "Term", "glossary_table", "term"]


@dataclass(frozen=True)
class Term:
    """A glossary entry: the abbreviation, its names in three languages and what it means."""

    abbreviation: str
    english: str
    russian: str
    chinese: str
    meaning: str


GLOSSARY: tuple[Term, ...] = (
    Term("LTV", "lifetime value", "пожизненная ценность клиента (LTV)", "客户终身价值",
         "What one customer brings the business over the whole time they buy from it."),
    Term("CLV", "customer lifetime value", "ценность клиента за время жизни (CLV)", "客户终身价值 (CLV)",
         "Another name for LTV, common in academic papers."),
    Term("CLTV", "customer lifetime value", "CLTV", "客户终身价值 (CLTV)",
         "The same idea again; the Chinese article writes CLTV = APV x PF x CL."),
    Term("historical LTV", "historical lifetime value", "исторический LTV", "历史客户终身价值",
         "LTV from what a customer has already bought (their order history), not a forecast."),
    Term("predictive LTV", "predictive lifetime value", "прогнозный LTV", "预测客户终身价值",
         "LTV forecast from averages (check, frequency, lifetime, margin) for customers still buying."),
    Term("ARPU", "average revenue per user", "средний доход с пользователя (ARPU)", "每用户平均收入",
         "Revenue of a period divided by the customers who paid in it."),
    Term("AOV", "average order value (average check)", "средний чек", "平均订单价值",
         "Revenue divided by the number of orders: what one purchase brings on average."),
    Term("RPR", "repeat purchase rate", "частота повторных покупок (RPR)", "重复购买率",
         "How many purchases a customer makes per period."),
    Term("APV", "average purchase value", "средняя стоимость покупки (APV)", "平均购买价值",
         "The Chinese article's name for the average check."),
    Term("PF", "purchase frequency", "частота покупок (PF)", "购买频率",
         "Purchases per customer per period; the Chinese article's name for RPR."),
    Term("CL", "customer lifespan", "срок жизни клиента (CL)", "客户寿命",
         "How long a customer keeps buying, in periods."),
    Term("churn", "churn rate", "отток клиентов (churn rate)", "客户流失率",
         "Share of paying customers who stop paying during a period."),
    Term("retention", "retention rate", "удержание клиентов (retention rate)", "客户保留率",
         "Share of customers who are still paying one period later: 1 - churn."),
    Term("CAC", "customer acquisition cost", "стоимость привлечения клиента (CAC)", "客户获取成本",
         "Marketing and sales spending divided by the new customers it won."),
    Term("LTV:CAC", "LTV to CAC ratio", "соотношение LTV:CAC", "LTV与CAC之比",
         "How many times a customer's value repays what it cost to win them; 3.0 reads 3:1."),
    Term("gross margin", "gross margin", "валовая маржа, доля прибыли в выручке (СВП)", "毛利率",
         "Share of revenue left after the cost of what was sold; article 001 calls it СВП."),
    Term("COGS", "cost of goods sold", "себестоимость проданных товаров", "销售成本",
         "What the goods or services a customer bought cost the business: revenue x (1 - gross margin)."),
    Term("ROI", "return on investment", "возврат инвестиций (ROI)", "投资回报率",
         "(Return - investment) / investment, usually as a percentage."),
    Term("ROMI", "return on marketing investment", "возврат маркетинговых инвестиций (ROMI)", "营销投资回报率",
         "ROI where the investment is marketing spending."),
)


def term(abbreviation: str) -> Term:
    """Look up a glossary entry by its abbreviation (case-insensitive).

    Example:
        >>> term("ltv").english
        'lifetime value'
    """
    for entry in GLOSSARY:
        if isinstance(abbreviation, str) and entry.abbreviation.lower() == abbreviation.lower():
            return entry
    names = ", ".join(entry.abbreviation for entry in GLOSSARY)
    raise LTVInputError(f"abbreviation must be one of {names}; got {abbreviation!r}")


def glossary_table() -> pd.DataFrame:
    """The glossary as a table with one row per term.

    Example:
        >>> glossary_table().columns.tolist()
        ['term', 'English', 'Russian', 'Chinese', 'meaning']
    """
    import pandas as pd

    return pd.DataFrame(
        [(t.abbreviation, t.english, t.russian, t.chinese, t.meaning) for t in GLOSSARY],
        columns=["term", "English", "Russian", "Chinese", "meaning"],
    )

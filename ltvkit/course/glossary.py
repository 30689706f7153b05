"""The workbook's glossary: each LTV term in English, Russian and Chinese, with a definition.

One data structure serves notebook 00's table and any lookup a notebook makes.
:data:`MACHINE_TRANSLATIONS` lists the Chinese article's terms that read as machine
translations, with what each says literally and the usual word.

Example:
    >>> term("CAC").russian
    'стоимость привлечения клиента (CAC)'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ltvkit.checks import LTVInputError
from ltvkit.i18n import N_, _

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "GLOSSARY",
    "MACHINE_TRANSLATIONS",
    "Mistranslation",
    "Term",
    "glossary_table",
    "mistranslations_table",
    "term",
]


@dataclass(frozen=True)
class Term:
    """A glossary entry: the abbreviation, its names in three languages and what it means.

    ``meaning`` is English (marked for the catalogue); :func:`glossary_table` shows it in the reader's language.
    An ``abbreviation`` that is a word ("churn", "cohort") is marked too: the table shows it translated and
    :func:`term` finds it by either name.
    """

    abbreviation: str
    english: str
    russian: str
    chinese: str
    meaning: str


GLOSSARY: tuple[Term, ...] = (
    Term("LTV", "lifetime value", "пожизненная ценность клиента (LTV)", "客户终身价值",
         N_("What one customer brings the business over the whole time they buy from it.")),
    Term("CLV", "customer lifetime value", "ценность клиента за время жизни (CLV)", "客户终身价值 (CLV)",
         N_("Another name for LTV, common in academic papers.")),
    Term("CLTV", "customer lifetime value", "CLTV", "客户终身价值 (CLTV)",
         N_("The same idea again; the Chinese article writes CLTV = APV x PF x CL.")),
    Term(N_("historical LTV"), "historical lifetime value", "исторический LTV", "历史客户终身价值",
         N_("LTV from what a customer has already bought (their order history), not a forecast.")),
    Term(N_("predictive LTV"), "predictive lifetime value", "прогнозный LTV", "预测客户终身价值",
         N_("LTV forecast from averages (check, frequency, lifetime, margin) for customers still buying.")),
    Term("ARPU", "average revenue per user", "средний доход с пользователя (ARPU)", "每用户平均收入",
         N_("Revenue of a period divided by the customers (or users) of that period; "
            "where some of them pay nothing, ARPPU is the figure per paying customer.")),
    Term("ARPPU", "average revenue per paying user", "средний доход с платящего пользователя (ARPPU)",
         "每付费用户平均收入",
         N_("Revenue of a period divided by the customers who paid in it; never below ARPU.")),
    Term("AOV", "average order value (average check)", "средний чек", "平均订单价值",
         N_("Revenue divided by the number of orders: what one purchase brings on average.")),
    Term("RPR", "repeat purchase rate", "доля повторных покупателей (RPR)", "重复购买率",
         N_("Share of customers who buy again: customers with two or more purchases in a period over all its "
            "customers (0.3 is 30%). Article 001 uses the letters for purchases per period (its \"частота "
            "повторных покупок\"), which is PF, a frequency: read its RPR as PF.")),
    Term("APV", "average purchase value", "средняя стоимость покупки (APV)", "平均购买价值",
         N_("The Chinese article's name for the average check.")),
    Term("PF", "purchase frequency", "частота покупок (PF)", "购买频率",
         N_("Purchases per customer per period; the Chinese article's name for RPR.")),
    Term("CL", "customer lifespan", "срок жизни клиента (CL)", "客户寿命",
         N_("How long a customer keeps buying, in periods.")),
    Term(N_("churn"), "churn rate", "отток клиентов (churn rate)", "客户流失率",
         N_("Share of paying customers who stop paying during a period.")),
    Term(N_("retention"), "retention rate", "удержание клиентов (retention rate)", "客户保留率",
         N_("Share of customers who are still paying one period later: 1 - churn.")),
    Term("CAC", "customer acquisition cost", "стоимость привлечения клиента (CAC)", "客户获取成本",
         N_("Marketing and sales spending divided by the new customers it won.")),
    Term("LTV:CAC", "LTV to CAC ratio", "соотношение LTV:CAC", "LTV与CAC之比",
         N_("How many times a customer's value repays what it cost to win them; 3.0 reads 3:1.")),
    Term(N_("gross margin"), "gross margin", "валовая маржа, доля прибыли в выручке (СВП)", "毛利率",
         N_("Share of revenue left after the cost of what was sold; article 001 calls it СВП.")),
    Term("COGS", "cost of goods sold", "себестоимость проданных товаров", "销售成本",
         N_("What the goods or services a customer bought cost the business: revenue x (1 - gross margin).")),
    Term("ROI", "return on investment", "возврат инвестиций (ROI)", "投资回报率",
         N_("(Return - investment) / investment, usually as a percentage.")),
    Term("ROMI", "return on marketing investment", "возврат маркетинговых инвестиций (ROMI)", "营销投资回报率",
         N_("ROI where the investment is marketing spending.")),
    Term("ROAS", "return on ad spend", "окупаемость рекламных расходов (ROAS)", "广告支出回报率",
         N_("Revenue the ads brought divided by their cost (4.0: 4 RUB of revenue per rouble of ads); "
            "revenue, not profit, and only the first sales unless stated.")),
    Term("ДРР", "advertising cost of sales (ACoS)", "доля рекламных расходов (ДРР)", "广告销售成本比 (ACoS)",
         N_("Ad spend as a share of the revenue it brought, in percent: 1 / ROAS (ROAS 4.0 is ДРР 25%).")),
    Term(N_("payback"), "payback period", "срок окупаемости", "投资回收期",
         N_("Periods until a customer's gross profit has repaid their CAC; weighted by survival, only the "
            "customers still paying bring money in (notebook 06).")),
    Term(N_("discount rate"), "discount rate", "ставка дисконтирования", "贴现率",
         N_("How much less money is worth for each period it arrives later: 1 RUB a period from now is worth "
            "1 / (1 + d) today (notebook 05).")),
    Term(N_("cohort"), "cohort", "когорта", "同期群",
         N_("Customers who started in the same period (the month of their first purchase), followed together.")),
    Term(N_("contribution margin"), "contribution margin", "маржинальная прибыль (маржинальный доход)", "边际贡献",
         N_("Revenue less every cost that comes with a sale (goods, payment fees, refunds, bonuses): what a "
            "customer leaves towards fixed costs and profit (notebook 06).")),
    Term(N_("unit economics"), "unit economics", "юнит-экономика", "单位经济效益",
         N_("Profit per unit (a customer or an order): LTV against CAC with every cost per customer counted.")),
    Term("НДС", "value added tax (VAT)", "налог на добавленную стоимость (НДС)", "增值税",
         N_("A tax added to the price: at 20%, a customer pays 120 RUB for 100 RUB of the firm's revenue, so "
            "revenue with VAT / 1.2 is what the firm keeps (notebook 07).")),
    Term(N_("affiliate"), "affiliate (a partner paid per sale)", "партнёр, аффилиат", "联盟伙伴",
         N_("A partner who brings customers for a commission on their purchases; the Chinese article's "
            "附属公司 means a subsidiary (see MACHINE_TRANSLATIONS).")),
)


@dataclass(frozen=True)
class Mistranslation:
    """A term of the Chinese article that reads as a machine translation: what it says and what is meant."""

    article_term: str
    says: str
    meant: str
    usual_term: str


MACHINE_TRANSLATIONS: tuple[Mistranslation, ...] = (
    Mistranslation("附属公司", N_("a subsidiary company (a firm owned by another)"),
                   N_("affiliate: a partner paid per sale"),
                   N_("联盟伙伴, 推广者 (the article itself also writes 联盟合作伙伴)")),
    Mistranslation("关联公司", N_("an associated company (a legal term for related firms)"),
                   N_("affiliate: a partner paid per sale"), "联盟伙伴"),
    Mistranslation("留住人才", N_("keeping talent (not losing staff)"), N_("retention: keeping customers buying"),
                   "客户留存, 客户保留"),
)
"""The Chinese article's terms that read as machine translations of English marketing words (English text,
translated where a table shows it)."""


def term(abbreviation: str) -> Term:
    """Look up a glossary entry by its abbreviation (case-insensitive), as the table's first column shows it.

    A word ("churn") is found by its English and by its name in the reader's language ("отток").

    Example:
        >>> term("ltv").english
        'lifetime value'
        >>> from ltvkit.i18n import using_language
        >>> with using_language("ru"):
        ...     term("Отток").abbreviation
        'churn'
    """
    for entry in GLOSSARY:
        names = {entry.abbreviation.lower(), _(entry.abbreviation).lower()}
        if isinstance(abbreviation, str) and abbreviation.lower() in names:
            return entry
    names = ", ".join(entry.abbreviation for entry in GLOSSARY)
    raise LTVInputError(_("{name} must be one of {choices}; got {value}", name="abbreviation", choices=names,
                          value=repr(abbreviation)))


def glossary_table(terms: Sequence[str] | None = None, *, meanings: bool = True) -> pd.DataFrame:
    """The glossary as a table indexed by term, headings and meanings in the reader's language.

    Args:
        terms: the abbreviations to show, in this order (None: the whole glossary).
        meanings: False leaves out the column of meanings (the names in three languages only).

    Example:
        >>> glossary_table().columns.tolist()
        ['English', 'Russian', 'Chinese', 'meaning']
        >>> glossary_table(["cac"], meanings=False).loc["CAC", "Chinese"]
        '客户获取成本'
    """
    import pandas as pd

    entries = GLOSSARY if terms is None else tuple(term(name) for name in terms)
    columns = [_("English"), _("Russian"), _("Chinese"), _("meaning")]
    rows = [(t.english, t.russian, t.chinese, _(t.meaning)) for t in entries]
    index = pd.Index([_(t.abbreviation) for t in entries], name=_("term"))
    table = pd.DataFrame(rows, columns=columns, index=index)
    return table if meanings else table.drop(columns=columns[-1])


def mistranslations_table() -> pd.DataFrame:
    """The Chinese article's machine-translated terms as a table, one row each, in the reader's language.

    Example:
        >>> mistranslations_table().loc["留住人才", "usual term"]
        '客户留存, 客户保留'
    """
    import pandas as pd

    return pd.DataFrame(
        [(_(m.says), _(m.meant), _(m.usual_term)) for m in MACHINE_TRANSLATIONS],
        columns=[_("which says"), _("what it means"), _("usual term")],
        index=pd.Index([m.article_term for m in MACHINE_TRANSLATIONS], name=_("the article writes")),
    )

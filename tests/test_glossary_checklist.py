"""The glossary (notebook 00) and the LTV figure checklist (notebooks 02, 16)."""

from __future__ import annotations

import pytest

from ltvkit import LTVInputError
from ltvkit.course.checklist import CHECKLIST, LtvFigure, ltv_checklist
from ltvkit.course.glossary import GLOSSARY, MACHINE_TRANSLATIONS, glossary_table, mistranslations_table, term
from ltvkit.display import full_table
from ltvkit.money import format_rows

NEW_TERMS = ("ROAS", "payback", "discount rate", "cohort", "contribution margin", "unit economics", "ДРР", "ARPPU",
             "НДС")


def test_every_meaning_is_shown_whole_in_html_and_in_text() -> None:
    table = full_table(glossary_table())
    html, text = table._repr_html_(), repr(table)
    long = [t.meaning for t in GLOSSARY if len(t.meaning) > 50]
    assert long, "some meanings are longer than pandas' 50 characters, which is what this test is about"
    for meaning in (t.meaning for t in GLOSSARY):
        escaped = meaning.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
        assert escaped in html or meaning in html, meaning
        assert meaning in text, meaning
    assert "..." not in html and "..." not in text


def test_the_glossary_has_the_terms_a_marketer_meets() -> None:
    for abbreviation in NEW_TERMS:
        entry = term(abbreviation)
        assert entry.english and entry.russian and entry.chinese and entry.meaning


def test_rpr_is_the_repeat_purchase_rate_a_share_and_the_articles_use_is_flagged() -> None:
    rpr = term("RPR")
    assert "share of customers who buy again" in rpr.meaning.lower()
    assert "PF" in rpr.meaning and "001" in rpr.meaning
    assert rpr.chinese == "重复购买率"


def test_the_chinese_articles_machine_translations_are_flagged() -> None:
    flagged = {m.article_term: m for m in MACHINE_TRANSLATIONS}
    assert "affiliate" in flagged["附属公司"].meant and "subsidiary" in flagged["附属公司"].says
    assert "retention" in flagged["留住人才"].meant and "talent" in flagged["留住人才"].says
    assert list(mistranslations_table().index) == list(flagged)
    assert "附属公司" in term("affiliate").meaning


def test_the_checklist_has_the_eight_labels_in_the_cards_order() -> None:
    labels = [label for _, label, _ in CHECKLIST]
    assert labels == ["currency", "period", "revenue, gross or contribution", "before or after CAC", "discount rate",
                      "horizon", "cohort age", "mean or median"]
    assert [name for name, *_ in CHECKLIST] == list(LtvFigure.__dataclass_fields__)[1:]


def test_the_checklist_card_names_what_is_missing() -> None:
    card = ltv_checklist(6_300, currency="RUB", period="a user's lifetime", measure="gross profit", cac="before CAC",
                         discount_rate="none (undiscounted)", horizon="no end", cohort_age="a forecast, no cohort yet",
                         statistic="mean")
    assert card.missing() == [] and "every label stated" in str(card)
    partial = ltv_checklist(6_300, currency="RUB")
    assert partial.missing()[0] == "period" and len(partial.missing()) == 7
    assert "ask for: period" in str(partial)


@pytest.mark.parametrize(("argument", "value"), [("measure", "profit"), ("cac", "net"), ("statistic", "average"),
                                                 ("currency", "EUR"), ("period", ""), ("horizon", 36)])
def test_the_checklist_refuses_a_label_it_cannot_read(argument: str, value: object) -> None:
    with pytest.raises(LTVInputError, match=argument):
        ltv_checklist(100, **{argument: value})


def test_format_rows_aligns_and_refuses_ragged_rows() -> None:
    lines = format_rows([("a", 1_000), ("longer label", 20)]).splitlines()
    assert len({len(line) for line in lines}) == 1 and lines[0].endswith("1,000 RUB")
    with pytest.raises(LTVInputError, match="rows"):
        format_rows([("a", 1), ("b",)])

"""The course speaks Russian: one translated message per module of ltvkit.course, so a dropped marker fails.

English is the default and the other course tests assert it; these switch to Russian with
``using_language("ru")`` and assert the Russian text (and, for a refusal, the argument it names).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ltvkit.checks import LTVInputError
from ltvkit.course import checklist, exercises, glossary, strategies, trainer
from ltvkit.course.article_claims import ARTICLE_CLAIMS
from ltvkit.course.notebook_text import tr, tr_n
from ltvkit.course.school import school_costs
from ltvkit.course.school_files import data_writer
from ltvkit.course.simulate import SCHOOL_SOURCES
from ltvkit.i18n import _, using_language

LATIN_WORD = re.compile(r"\b[A-Za-z]{4,}\b")  # an English word (SEO, HR and the like are too short to count)


def test_every_exercise_option_and_hint_has_its_russian() -> None:
    untranslated = []
    with using_language("ru"):
        for exercise in exercises.EXERCISES.values():
            options = [text for option in exercise.options for text in (option.text, option.hint) if text]
            texts = [exercise.hint, *options]
            untranslated += [f"{exercise.id}: {text!r}" for text in texts if _(text) == text]
    assert untranslated == []


def test_a_why_question_prints_its_options_in_russian() -> None:
    with using_language("ru"):
        shown = exercises.options("ex-01-4")
        wrong = exercises.check("ex-01-4", "a")
    assert shown.splitlines()[0] == "a) Потому что фирмы работают в разных отраслях."
    assert str(wrong).startswith("ex-01-4: пока неверно. Подсказка: Отрасль важна")
    assert exercises.options("ex-01-4").startswith("a) Because the two firms are in different industries.")


def test_exercise_check_refuses_a_text_answer_in_russian_naming_answer() -> None:
    with using_language("ru"), pytest.raises(LTVInputError, match=r"^Параметр answer должен быть конечным числом"):
        exercises.check("ex-00-1", "3000")


def test_the_school_cost_sheet_gives_each_kind_of_source_in_russian() -> None:
    english = school_costs()
    with using_language("ru"):
        russian = school_costs()
    assert english["kind"].tolist() == [source.kind for source in SCHOOL_SOURCES]  # the file's English, unchanged
    assert russian.set_index("partner").loc["kupony_dnya", "kind"] == "купонный сайт"
    assert [kind for kind in russian["kind"] if LATIN_WORD.search(kind.replace("Telegram", ""))] == []
    assert russian.drop(columns="kind").equals(english.drop(columns="kind"))


def test_a_bool_placeholder_reads_da_or_net_in_russian_and_true_or_false_in_english() -> None:
    message = "{ratio} agrees with {published}: {verdict}"
    with using_language("ru"):
        assert tr(message, ratio="466,67", published="467", verdict=True) == "466,67 совпадает с 467: да"
        assert tr(message, ratio="466,67", published="470", verdict=False) == "466,67 совпадает с 470: нет"
    assert tr(message, ratio="466.67", published="467", verdict=True) == "466.67 agrees with 467: True"
    assert tr_n("{count} month", "{count} months", 2, count=2) == "2 months"  # non-bool values as they are


def test_the_glossary_table_is_russian_but_the_names_in_three_languages() -> None:
    with using_language("ru"):
        table = glossary.glossary_table(["CAC", "churn"])
        churn = glossary.term("отток")
        refusal = pytest.raises(LTVInputError, match=r"^Параметр abbreviation должен быть одним из значений")
        with refusal:
            glossary.term("KPI")
    assert table.columns.tolist() == ["английский", "русский", "китайский", "значение"]
    assert table.loc["CAC", "английский"] == "customer acquisition cost"
    assert table.loc["CAC", "значение"].startswith("Расходы на маркетинг и продажи")
    assert table.index.tolist() == ["CAC", "отток"] and churn.abbreviation == "churn"  # a word is shown translated


def test_the_strategy_table_and_a_claim_of_the_engagement_article_are_russian() -> None:
    with using_language("ru"):
        table = strategies.strategies_table()
        claim = _(ARTICLE_CLAIMS["bounce_pct"][1])
    assert table.columns.tolist() == ["рычаги", "как", "побочный эффект", "источники"]
    assert "программа лояльности" in table.index and "loyalty programme" not in table.index
    assert claim != ARTICLE_CLAIMS["bounce_pct"][1] and not LATIN_WORD.search(claim)


def test_the_checklist_card_and_its_refusal_are_russian() -> None:
    with using_language("ru"):
        card = str(checklist.ltv_checklist(8_000, currency="RUB", measure="gross profit"))
        with pytest.raises(LTVInputError, match=r"^Параметр period должен быть несколькими словами"):
            checklist.ltv_checklist(8_000, period="")
    assert "валовая прибыль" in card and "gross profit" not in card


def test_the_trainer_refuses_a_file_that_is_no_notebook_in_russian_naming_source() -> None:
    with using_language("ru"), pytest.raises(LTVInputError, match=r"^Параметр source должен быть исходным \.py"):
        trainer.trainee_copy(Path("README.md"))


def test_a_second_data_writer_of_the_same_name_is_refused_in_russian() -> None:
    with using_language("ru"), pytest.raises(LTVInputError, match=r"^Параметр name должен быть новым: .*'school'"):
        data_writer("school")(lambda directory: [])

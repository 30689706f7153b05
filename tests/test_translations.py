"""The Russian edition: complete catalogues, current translations, editions that hold the English code.

What fails here, and the message it gives, is the translators' checklist (CONTRIBUTING.md,
Translating): a marked message with no Russian, a .po out of date with the sources, a notebook
cell whose English changed after its translation (named by its key), a cell with no
translation, a Russian edition whose code differs from the English. The mechanism itself is
tested on scratch copies, so a check that could not fail would show here.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import jupytext
import pytest
from babel.messages.catalog import Message
from hypothesis import given, settings
from hypothesis import strategies as st

from ltvkit.i18n import LANGUAGES, catalogue, get_language, set_language, translate_plural, using_language
from ltvkit.money import format_money, format_number, format_ratio, format_share, format_statistic

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import catalogues  # noqa: E402
import notebook_translations as nt  # noqa: E402

TRANSLATED = [path.stem for path in nt.translated()]


# --- ltvkit's message catalogues --------------------------------------------------------


def test_message_catalogues_are_complete_and_current() -> None:
    problems = catalogues.problems()
    assert not problems, "\n".join(problems)


def test_a_missing_translation_a_fuzzy_one_and_a_lost_placeholder_are_named() -> None:
    missing = catalogues._message_problems(Message("{id}: right.", ""), "x.po")
    assert missing == ["x.po: '{id}: right.' has no translation"]
    fuzzy = Message("{id}: right.", "{id}: верно.", flags=("fuzzy",))
    assert "marked fuzzy" in catalogues._message_problems(fuzzy, "x.po")[0]
    lost = catalogues._message_problems(Message("LTV = {amount}", "LTV ="), "x.po")
    assert lost == ["x.po: the translation of 'LTV = {amount}' has placeholders []; the English has ['{amount}']"]
    plural = Message(("{count} row", "{count} rows"), ("{count} строка", "{count} строки", ""))
    assert catalogues._message_problems(plural, "x.po") == ["x.po: '{count} row' has no translation"]


def test_an_f_string_message_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "module.py").write_text('x = _(f"no {name}")\ny = _("fine {name}", name=1)\n', encoding="utf-8")
    monkeypatch.setattr(catalogues, "ROOT", tmp_path)
    domain = catalogues.Domain("test", ("*.py",), {"_": None})
    assert catalogues.unmarkable_calls(domain) == [("module.py:1", "_() needs a literal message with {placeholders}, "
                                                                  "not an f-string")]


# --- the language setting ------------------------------------------------------------------


def test_the_language_is_english_by_default_and_refuses_others() -> None:
    assert get_language() == "en" and LANGUAGES == ("en", "ru")
    with pytest.raises(ValueError, match="language must be one of en, ru; got 'de'"):
        set_language("de")


def test_russian_plural_forms_follow_gettext_rules() -> None:
    """1 год, 2 года, 5 лет, 11 лет, 21 год, 2,5 года: the form for each count is the one the .po gives it."""
    singular, plural = "LTV = {ltv} per client over {years} year", "LTV = {ltv} per client over {years} years"
    forms = catalogue("notebooks", "ru")._catalog  # gettext's own table: (msgid, form index) -> text
    expected = {1: 0, 2: 1, 4: 1, 5: 2, 11: 2, 12: 2, 21: 0, 22: 1, 2.5: 1}
    with using_language("ru"):
        for count, form in expected.items():
            assert translate_plural("notebooks", singular, plural, count) == forms[(singular, form)], count
    assert len({forms[(singular, form)] for form in range(3)}) == 3


def test_a_calculator_keeps_the_language_it_was_built_in() -> None:
    from ltvkit.calculators import arpu_calculator

    with using_language("ru"):
        russian = arpu_calculator()
    english = arpu_calculator()
    russian.controls["lifetime"].value = 8  # recalculated outside the with block, in English surroundings
    english.controls["lifetime"].value = 8
    with using_language("ru"):
        assert russian.result_text == f"LTV = {format_money(8_000_000, 'RUB')}"
    assert english.result_text == "LTV = 8,000,000 RUB"
    russian.controls["lifetime"].value = -1
    assert russian.error_text.startswith("Параметр lifetime") and english.result_text.startswith("LTV = 8,000,000")


# --- numbers: English exactly as before, Russian the same digits ------------------------------


def _legacy_money(value: float, currency: str, decimals: int) -> str:
    """format_money as it was before the Russian edition (English output must stay byte for byte)."""
    sign = "-" if round(value, decimals) < 0 else ""
    digits = f"{abs(value):,.{decimals}f}"
    return f"{sign}{digits} RUB" if currency == "RUB" else f"{sign}{'$' if currency == 'USD' else '¥'}{digits}"


amounts = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)


@settings(max_examples=200, deadline=None)
@given(amounts, st.sampled_from(["RUB", "USD", "CNY"]), st.integers(0, 3))
def test_english_money_ratio_and_share_are_unchanged(value: float, currency: str, decimals: int) -> None:
    assert format_money(value, currency, decimals) == _legacy_money(value, currency, decimals)
    assert format_ratio(value, decimals) == f"{value:,.{decimals}f}:1"
    assert format_share(value / 1e6, decimals) == f"{value / 1e6 * 100:.{decimals}f}%"


@settings(max_examples=200, deadline=None)
@given(amounts, st.sampled_from(["RUB", "USD", "CNY"]), st.integers(0, 3))
def test_russian_prints_the_same_figures_as_english(value: float, currency: str, decimals: int) -> None:
    english = [format_money(value, currency, decimals), format_number(value, decimals), format_share(value, decimals)]
    with using_language("ru"):
        russian = [format_money(value, currency, decimals), format_number(value, decimals),
                   format_share(value, decimals)]

    def digits(text: str, separator: str) -> str:
        figure = "".join(ch for ch in text.replace(separator, "|") if ch.isdigit() or ch in "-|")
        return figure.lstrip("-") if not figure.strip("-0|") else figure  # English keeps its old "-0.0%"

    assert [digits(text, ".") for text in english] == [digits(text, ",") for text in russian]
    assert all("\xa0" in text or len(text.split(",")[0].lstrip("-")) <= 3 for text in russian[:2])


def test_russian_formats_as_cldr_says() -> None:
    with using_language("ru"):
        shown = [format_number(4062.5, 1), format_money(12_000, "RUB"), format_number(0.7, 1), format_share(0.45),
                 format_ratio(9.0), format_money(-60, "USD")]
    assert shown == ["4\xa0062,5", "12\xa0000\xa0₽", "0,7", "45,0\xa0%", "9,0:1", "-60\xa0$"]


@settings(max_examples=100, deadline=None)
@given(amounts, st.integers(0, 3))
def test_statistics_print_ungrouped_with_the_languages_decimal_sign(value: float, decimals: int) -> None:
    english = format_statistic(value, decimals)
    with using_language("ru"):
        russian = format_statistic(value, decimals)
    assert english == f"{value:.{decimals}f}" or english == f"{value:.{decimals}f}".lstrip("-")  # no "-0.0"
    assert russian == english.replace(".", ",")


# --- the notebooks: translations and editions ------------------------------------------------


def test_some_notebook_is_translated() -> None:
    assert "01_ltv_basics" in TRANSLATED
    orphans = sorted(p.stem for p in (ROOT / "notebooks" / "ru").glob("*.py") if p.stem not in TRANSLATED)
    assert not orphans, f"Russian editions without a catalogue in translations/ru/: {orphans}"


@pytest.mark.parametrize("stem", TRANSLATED)
def test_every_cell_has_a_current_translation(stem: str) -> None:
    problems = nt.translation_problems(nt.Edition.of(ROOT / "notebooks" / f"{stem}.py"))
    assert not problems, "\n".join(problems)


@pytest.mark.drift
@pytest.mark.parametrize("stem", TRANSLATED)
def test_russian_edition_holds_the_english_code_and_the_translation(stem: str) -> None:
    problems = nt.edition_problems(nt.Edition.of(ROOT / "notebooks" / f"{stem}.py"))
    assert not problems, "\n".join(problems)


@pytest.fixture
def scratch(tmp_path: Path) -> nt.Edition:
    """A copy of notebook 01's English source, catalogue and Russian edition to break on purpose."""
    for relative in ("notebooks/01_ltv_basics.py", "translations/ru/01_ltv_basics.po", "notebooks/ru/01_ltv_basics.py"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / relative, tmp_path / relative)
    paths = nt.Edition.of(tmp_path / "notebooks" / "01_ltv_basics.py", root=tmp_path)
    assert nt.translation_problems(paths) == [] and nt.edition_problems(paths) == []
    return paths


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_english_cell_changed_after_its_translation_is_stale(scratch: nt.Edition) -> None:
    _edit(scratch.english, "Its example company earned 5 million roubles", "Its example company made 5 million roubles")
    assert nt.translation_problems(scratch) == [
        "01_ltv_basics: cell 01-e-simple is stale: its English changed after it was translated; "
        "run `make translations` and revise the entry marked fuzzy"]
    new, changed, removed = nt.update_catalogue(scratch)
    assert (new, changed, removed) == ([], ["01-e-simple"], [])
    assert nt.translation_problems(scratch)[0].startswith("01_ltv_basics: cell 01-e-simple is stale (marked fuzzy)")
    with pytest.raises(SystemExit, match="the ru edition was not written"):
        nt.write_edition(scratch, execute=False)


def test_a_new_cell_without_translation_and_a_changed_comment_are_named(scratch: nt.Edition) -> None:
    _edit(scratch.english, "# %% [markdown] key=\"01-summary\"", "# %% [markdown]\n# A new paragraph.\n\n"
          "# %% [markdown] key=\"01-summary\"")
    _edit(scratch.english, "# ARPU per quarter x lifetime in quarters", "# ARPU per quarter times quarters")
    problems = nt.translation_problems(scratch)
    new_cell = r"01_ltv_basics: markdown cell \d+ \('A new paragraph\.'\.\.\.\) has no key"
    assert re.match(new_cell, problems[0]), problems[0]
    assert "a comment in the code cell after 01-exercises (line 2) has no Russian translation" in problems[1]
    assert nt.assign_keys(scratch.english) == ["01-a-new-paragraph"]
    nt.update_catalogue(scratch)
    assert [p.split(" has ")[0] for p in nt.translation_problems(scratch)] == [
        "01_ltv_basics: a comment in the code cell after 01-exercises (line 2)",
        "01_ltv_basics: cell 01-a-new-paragraph"]


def test_an_edition_whose_code_differs_from_the_english_fails(scratch: nt.Edition) -> None:
    _edit(scratch.edition, "simple_calculator = revenue_per_customer_calculator()",
          "simple_calculator = revenue_per_customer_calculator()  # русский комментарий\nprint(1)")
    cell = next(index for index, cell in enumerate(jupytext.read(scratch.edition).cells)
                if "simple_calculator = revenue_per_customer_calculator()" in cell.source)
    assert nt.edition_problems(scratch) == [
        f"01_ltv_basics: the code of cell {cell} differs between the editions; "
        "edit the English and run `make russian NB=...`"]


def test_the_edition_is_built_from_the_english_and_the_catalogue(scratch: nt.Edition) -> None:
    built, english = nt.build(scratch), jupytext.read(scratch.english)
    language = [cell for cell in built.cells if nt.LANGUAGE_TAG in cell.metadata.get("tags", ())]
    assert [cell.source for cell in language] == ['import ltvkit\n\nltvkit.set_language("ru")']
    first_code = next(i for i, cell in enumerate(built.cells) if cell.cell_type == "code")
    assert built.cells[first_code] is language[0]
    rest = [cell for cell in built.cells if cell is not language[0]]
    assert [c.metadata.get("key") for c in rest] == [c.metadata.get("key") for c in english.cells]
    markdown = [(ours.source, theirs.source) for ours, theirs in zip(rest, english.cells, strict=True)
                if ours.cell_type == "markdown"]
    assert all(ours != theirs for ours, theirs in markdown), "a markdown cell was left in English"



@pytest.mark.drift
@pytest.mark.parametrize("stem", TRANSLATED)
def test_russian_pair_holds_the_same_cells_and_was_executed_in_order(stem: str) -> None:
    import json

    py, ipynb = ROOT / "notebooks" / "ru" / f"{stem}.py", ROOT / "notebooks" / "ru" / f"{stem}.ipynb"
    assert py.exists() and ipynb.exists(), f"ru/{stem}: run `make russian NB=notebooks/{stem}.py`"

    def cells(path: Path) -> list[tuple[str, str, tuple[str, ...]]]:
        return [(c.cell_type, c.source.strip(), tuple(c.metadata.get("tags", ()))) for c in jupytext.read(path).cells]

    assert cells(py) == cells(ipynb), f"ru/{stem}: .py and .ipynb differ; run `make russian NB=notebooks/{stem}.py`"
    code = [c for c in json.loads(ipynb.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1)), f"ru/{stem}: not executed in order"
    assert not [o for c in code for o in c["outputs"] if o["output_type"] == "error"], f"ru/{stem}: a stored error"


@pytest.mark.parametrize("module", ["catalogues", "notebook_translations", "translation_counts", "report_editions"])
def test_the_translation_scripts_examples_hold(module: str) -> None:
    """The scripts' docstring examples (scripts/ is outside pytest's doctest paths)."""
    import doctest
    import importlib

    failed, attempted = doctest.testmod(importlib.import_module(module))
    assert failed == 0 and (attempted > 0 or module == "catalogues")

"""The language ltvkit writes in, and the gettext catalogues that translate what it prints.

English is the default; ``set_language("ru")`` (or ``LTVKIT_LANGUAGE=ru`` in the environment
before ``import ltvkit``) switches every message a module marks: error messages, result lines,
calculator labels, hints. A module marks its text with

- ``_("Revenue per customer: {amount} a year", amount=...)``: translated now, then the
  ``{name}`` placeholders filled in (so a translation may move them);
- ``ngettext("{count} year", "{count} years", count, count=count)``: a message with plural
  forms (Russian has three: 1 год, 2 года, 5 лет);
- ``N_("...")``: marked for the catalogue but not translated yet, for text kept in a constant
  (an exercise's hint) and translated with ``_()`` where it is shown.

Two catalogues (gettext domains) live in ``ltvkit/locale/<language>/LC_MESSAGES/``:
``ltvkit`` (what the package says) and ``notebooks`` (what the notebooks' code prints through
:func:`ltvkit.course.tr`). ``scripts/catalogues.py`` extracts, updates and compiles them with
Babel. In a source checkout the ``.po`` files are read (so an edit shows after a kernel
restart, with no build step); an installed wheel ships the compiled ``.mo`` files only. A
message with no translation (or one marked fuzzy) prints in English; the tests fail on it.

This module imports nothing heavy: the ``.mo`` is read with the standard library's gettext,
and Babel (its parser and its CLDR locale data) is imported only when a ``.po`` is read or a
number is formatted for a language other than English.

Example:
    >>> get_language()
    'en'
    >>> _("{name} must not be empty", name="purchases")
    'purchases must not be empty'
    >>> with using_language("ru"):
    ...     _("{name} must not be empty", name="purchases")
    'Параметр purchases не должен быть пустым'
"""

from __future__ import annotations

import functools
import gettext
import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = [
    "DOMAINS",
    "ENVIRONMENT_VARIABLE",
    "LANGUAGES",
    "LOCALE_DIR",
    "N_",
    "_",
    "babel_locale",
    "catalogue",
    "get_language",
    "ngettext",
    "read_catalogue",
    "set_language",
    "translate",
    "translate_plural",
    "using_language",
]

LANGUAGES: tuple[str, ...] = ("en", "ru")
"""The languages ltvkit speaks; English is the source language and the default."""
ENVIRONMENT_VARIABLE = "LTVKIT_LANGUAGE"
LOCALE_DIR = Path(__file__).resolve().with_name("locale")
DOMAINS: tuple[str, ...] = ("ltvkit", "notebooks")
"""``ltvkit``: what the package says; ``notebooks``: what the notebooks' code prints."""

_state = {"language": "en"}


def set_language(language: str) -> None:
    """Choose the language of every message ltvkit prints from now on: "en" or "ru".

    Example:
        >>> set_language("ru"); get_language()
        'ru'
        >>> set_language("en")
        >>> set_language("de")
        Traceback (most recent call last):
        ...
        ltvkit.checks.LTVInputError: language must be one of en, ru; got 'de'
    """
    if not isinstance(language, str) or language not in LANGUAGES:
        from ltvkit.checks import LTVInputError

        raise LTVInputError(_("{name} must be one of {choices}; got {value}", name="language",
                              choices=", ".join(LANGUAGES), value=repr(language)))
    _state["language"] = language


def get_language() -> str:
    """The language ltvkit prints in now ("en" unless :func:`set_language` or $LTVKIT_LANGUAGE chose another).

    Example:
        >>> get_language() in LANGUAGES
        True
    """
    return _state["language"]


@contextmanager
def using_language(language: str) -> Iterator[None]:
    """Print in ``language`` inside a ``with`` block, then go back to the language before it.

    Example:
        >>> with using_language("ru"):
        ...     get_language()
        'ru'
        >>> get_language()
        'en'
    """
    previous = get_language()
    set_language(language)
    try:
        yield
    finally:
        _state["language"] = previous


@functools.cache
def catalogue(domain: str, language: str) -> gettext.NullTranslations:
    """The translations of one domain into one language (English: none), read once per process.

    From the ``.po`` file when it is there (a source checkout), else from the compiled ``.mo``
    (an installed wheel). Fuzzy entries are left out, so a stale translation prints English.

    Example:
        >>> catalogue("ltvkit", "en").gettext("right")
        'right'
    """
    if language == "en":
        return gettext.NullTranslations()
    return read_catalogue(LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po", language)


def read_catalogue(po: Path, language: str) -> gettext.NullTranslations:
    """gettext translations from a ``.po`` (parsed by Babel, fuzzy entries left out) or, if absent, its ``.mo``.

    The one reader of catalogues: ltvkit's own and the report site's (scripts/build_report.py).

    Example:
        >>> read_catalogue(LOCALE_DIR / "ru" / "LC_MESSAGES" / "ltvkit.po", "ru").gettext("{id}: right.")
        '{id}: верно.'
    """
    mo = po.with_suffix(".mo")
    if po.exists():
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with po.open("rb") as source:
            parsed = read_po(source, locale=language, domain=po.stem)
        compiled = io.BytesIO()
        write_mo(compiled, parsed, use_fuzzy=False)
        compiled.seek(0)
        return gettext.GNUTranslations(compiled)
    if mo.exists():
        with mo.open("rb") as source:
            return gettext.GNUTranslations(source)
    return gettext.NullTranslations()


def translate(domain: str, message: str, /, **values: Any) -> str:
    """``message`` in the current language from ``domain``'s catalogue, placeholders filled in.

    Example:
        >>> translate("ltvkit", "{name} must not be empty", name="orders")
        'orders must not be empty'
    """
    text = catalogue(domain, get_language()).gettext(message)
    return text.format(**values) if values else text


def translate_plural(domain: str, singular: str, plural: str, count: float, /, **values: Any) -> str:
    """The form of the message for ``count`` in the current language, placeholders filled in.

    gettext's plural rules are defined on whole numbers; a fraction takes the form of 2, which is
    right in both languages ("2.5 years"; "2,5 года").

    Example:
        >>> translate_plural("ltvkit", "{count} row", "{count} rows", 2, count=2)
        '2 rows'
    """
    whole = int(count) if float(count).is_integer() else 2
    text = catalogue(domain, get_language()).ngettext(singular, plural, whole)
    return text.format(**values) if values else text


def _(message: str, /, **values: Any) -> str:
    """Translate one of ltvkit's messages into the current language, then fill in its ``{name}`` placeholders.

    Example:
        >>> _("{name} must not be empty", name="orders")
        'orders must not be empty'
    """
    return translate("ltvkit", message, **values)


def ngettext(singular: str, plural: str, count: float, /, **values: Any) -> str:
    """Translate a message with plural forms, chosen by ``count``, then fill in its placeholders.

    Example:
        >>> ngettext("{count} row", "{count} rows", 1, count=1)
        '1 row'
    """
    return translate_plural("ltvkit", singular, plural, count, **values)


def N_(message: str) -> str:  # noqa: N802 (gettext's name for "mark, do not translate yet")
    """Mark ``message`` for the catalogue without translating it; ``_(message)`` translates it where it is shown.

    Example:
        >>> N_("Divide the revenue by the customers.")
        'Divide the revenue by the customers.'
    """
    return message


@functools.cache
def babel_locale(language: str) -> Any:
    """Babel's locale (CLDR data: separators, currency symbols, patterns) for ``language``; loaded on first use.

    Example:
        >>> babel_locale("ru").number_symbols["latn"]["decimal"]
        ','
    """
    from babel import Locale

    return Locale.parse(language)


def _language_from_environment() -> None:
    chosen = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if chosen:
        try:
            set_language(chosen)
        except ValueError as error:
            raise type(error)(f"${ENVIRONMENT_VARIABLE}: {error}") from None


_language_from_environment()

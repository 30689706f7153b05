"""The report's two editions: which notebooks each has, where its pages go, its language switch, its wording.

``make report`` (scripts/build_report.py) writes the English edition to ``report/`` and the
Russian one to ``report/ru/`` (from ``notebooks/ru/``). Both share ``report/static/``. Every
page links to the same page in the other edition (the language switch); where a notebook has
no Russian edition yet, the switch leads to the other edition's outline. The site's own words
(outline, navigation, reproducibility page, "Solution") are gettext messages of the
``report`` catalogue, ``scripts/report_site/locale/ru/LC_MESSAGES/report.po``, kept by
``make catalogues`` like ltvkit's own.
"""

from __future__ import annotations

import functools
import gettext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ltvkit.i18n import read_catalogue

if TYPE_CHECKING:
    import jinja2

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "scripts" / "report_site"
LOCALE_DIR = SITE / "locale"
LANGUAGE_NAMES = {"en": "English", "ru": "Русский"}  # each language named in itself, on the switch


@dataclass(frozen=True)
class Edition:
    """One language's report: its notebooks folder, its output folder and the way back to the shared assets."""

    language: str
    notebooks: Path
    folder: str  # below the report's root: "" for English, "ru" for Russian

    @property
    def static(self) -> str:
        return "../static/" if self.folder else "static/"

    def out(self, root: Path) -> Path:
        return root / self.folder if self.folder else root

    def translations(self) -> gettext.NullTranslations:
        return site_translations(self.language)

    def gettext(self, message: str, **values: Any) -> str:
        text = self.translations().gettext(message)
        return text % values if values else text


EDITIONS = (Edition("en", ROOT / "notebooks", ""), Edition("ru", ROOT / "notebooks" / "ru", "ru"))


def other(edition: Edition) -> Edition:
    return next(candidate for candidate in EDITIONS if candidate is not edition)


@functools.cache
def site_translations(language: str) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()
    return read_catalogue(LOCALE_DIR / language / "LC_MESSAGES" / "report.po", language)


def switch_link(edition: Edition, page_name: str, has_counterpart: bool) -> str:
    """The language switch of one page: the same page in the other edition, or that edition's outline.

    Example:
        >>> switch_link(EDITIONS[0], "01_ltv_basics.html", True)
        '<a class="ltv-language" hreflang="ru" lang="ru" href="ru/01_ltv_basics.html">Русский</a>'
        >>> switch_link(EDITIONS[1], "index.html", True)
        '<a class="ltv-language" hreflang="en" lang="en" href="../index.html">English</a>'
    """
    target = other(edition)
    up = "../" if edition.folder else ""
    down = f"{target.folder}/" if target.folder else ""
    href = f"{up}{down}{page_name if has_counterpart else 'index.html'}"
    return (f'<a class="ltv-language" hreflang="{target.language}" lang="{target.language}" '
            f'href="{href}">{LANGUAGE_NAMES[target.language]}</a>')


@functools.cache
def site_environment(language: str) -> jinja2.Environment:
    """Jinja2 for the site's own pages (scripts/report_site/pages), HTML-escaped, speaking ``language``."""
    import jinja2
    from markdown_it import MarkdownIt
    from markupsafe import Markup

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(SITE / "pages"), autoescape=True, trim_blocks=True, lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(site_translations(language), newstyle=True)  # type: ignore[attr-defined]
    inline = MarkdownIt("commonmark", {"html": False})
    env.filters["inline_md"] = lambda text: Markup(inline.renderInline(text))
    return env

"""The report's sections: what each one shows, how to read it, which notebook of the course teaches it.

:data:`SECTIONS` is written once here and read by the report notebook, the command and the app,
so the three say the same. A computed section is a :class:`SectionView`: findings as lines of
text, tables and figures (PNG), or the reason it was skipped. Its :meth:`SectionView.html` is
what the HTML report and the app show (text escaped, figures embedded, nothing from the network).

Example:
    >>> SECTIONS["distribution"].notebook
    '09_ltv_from_transactions'
    >>> view = SectionView(SECTIONS["distribution"], lines=("mean 10 RUB",))
    >>> "How to read it" in view.html()
    True
"""

from __future__ import annotations

import base64
import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ltvkit.i18n import N_, _

__all__ = ["SECTIONS", "Section", "SectionView", "notebook_title"]


@dataclass(frozen=True)
class Section:
    """One section of the report: its key, title, the sentence on how to read it, the notebook that teaches it.

    ``title`` and ``reading`` are English messages marked for translation: show them with ``_()``.
    """

    key: str
    title: str
    reading: str
    notebook: str


_NOTEBOOK_TITLES = {
    "06_ltv_vs_cac": N_("LTV against CAC"),
    "09_ltv_from_transactions": N_("LTV from an order export"),
    "10_partners_and_channels": N_("Partners and channels"),
    "14_probabilistic_clv": N_("Probabilistic CLV"),
}

SECTIONS: Mapping[str, Section] = MappingProxyType({section.key: section for section in (
    Section(
        "load", N_("What was read"),
        N_("Every row of the file is either counted below or listed here with its line number and why; the "
           "skipped rows' amounts are in no figure of this report, and refunds (negative amounts) are kept, so "
           "revenue is net of them."),
        "09_ltv_from_transactions",
    ),
    Section(
        "distribution", N_("LTV per customer: mean, median and the heavy tail"),
        N_("The mean is pulled up by a few customers who buy a lot, and the median customer is worth much less: "
           "use the mean for totals, the distribution for decisions about single customers and segments."),
        "09_ltv_from_transactions",
    ),
    Section(
        "cohorts", N_("Cohorts by the month of the first purchase"),
        N_("Each row is the customers who first bought in the same month and each column a month since, so a "
           "column compares customers of the same age; column 0 is always 100%, the empty corner is the future, "
           "and curves still rising after a year say a 12-month LTV is not yet a lifetime's."),
        "09_ltv_from_transactions",
    ),
    Section(
        "channels", N_("LTV, CAC and LTV:CAC by channel and partner"),
        N_("A customer belongs to the channel and partner of their first purchase; LTV:CAC is gross LTV over "
           "CAC (3 reads 3:1): at 1 or below every customer costs at least what they bring, the article's "
           "minimum is 2:1, and net LTV per customer says how much a source earns, which a ratio that rewards "
           "cheapness does not."),
        "10_partners_and_channels",
    ),
    Section(
        "forecast", N_("Forecast: BG/NBD and Gamma-Gamma, checked on a holdout"),
        N_("BG/NBD learns from repeat purchases how often customers buy and when they stop, Gamma-Gamma what "
           "they spend per purchase; the check fits both on the earlier part of the orders and compares what "
           "they expect for the later part with what customers did: judge it by totals, and trust a forecast "
           "only as far as it passed that check."),
        "14_probabilistic_clv",
    ),
    Section(
        "scored", N_("The scored customer list"),
        N_("One row per customer: their history so far, the chance they are still a customer (P(alive)) and "
           "what the models expect them to bring over the horizon at your margin, discounted (CLV); sort by "
           "CLV, not by past revenue, to choose whom to keep."),
        "14_probabilistic_clv",
    ),
)})
"""Every section of the report, in order."""


def notebook_title(slug: str) -> str:
    """'09 · LTV from an order export' for a notebook's slug.

    Example:
        >>> notebook_title("14_probabilistic_clv")
        '14 · Probabilistic CLV'
    """
    title = _NOTEBOOK_TITLES.get(slug)
    return f"{slug[:2]} · {_(title) if title else slug[3:].replace('_', ' ')}"


def _png_tag(png: bytes, alt: str) -> str:
    encoded = base64.b64encode(png).decode("ascii")
    return f'<img class="ltv-figure" alt="{html.escape(alt)}" src="data:image/png;base64,{encoded}">'


@dataclass(frozen=True)
class SectionView:
    """A computed section: its findings (lines), tables and figures (PNG bytes), or why it was skipped."""

    section: Section
    lines: Sequence[str] = ()
    tables: Sequence[tuple[str, Any]] = ()
    figures: Sequence[tuple[str, bytes]] = ()
    skipped: str = ""
    course_url: str | None = None

    def text(self) -> str:
        """The section as plain text: its title, then the findings or the reason it was skipped.

        Example:
            >>> print(SectionView(SECTIONS["forecast"], skipped="no repeat buyers").text())
            Forecast: BG/NBD and Gamma-Gamma, checked on a holdout
            skipped: no repeat buyers
        """
        body = [_("skipped: {reason}", reason=self.skipped)] if self.skipped else list(self.lines)
        return "\n".join([_(self.section.title), *body])

    def html(self, course_url: str | None = None) -> str:
        """The section as an HTML fragment; ``course_url`` such as ``"../notebooks/{slug}.ipynb"`` links the notebook.

        Text is escaped; tables are pandas' HTML; figures are PNG embedded as data URLs.

        Example:
            >>> view = SectionView(SECTIONS["load"], lines=("3 rows <read>",))
            >>> "3 rows &lt;read&gt;" in view.html()
            True
            >>> 'href="nb/09_ltv_from_transactions.html"' in view.html("nb/{slug}.html")
            True
        """
        section = self.section
        taught = html.escape(_("notebook {title}", title=notebook_title(section.notebook)))
        if course_url:
            taught = f'<a href="{html.escape(course_url.format(slug=section.notebook))}">{taught}</a>'
        how, where = html.escape(_("How to read it.")), _("Taught in {notebook}.", notebook=taught)
        parts = [
            f'<section class="ltv-section" id="section-{section.key}">',
            f"<h2>{html.escape(_(section.title))}</h2>",
            f'<p class="ltv-reading"><b>{how}</b> {html.escape(_(section.reading))} <i>{where}</i></p>',
        ]
        if self.skipped:
            skipped = html.escape(_("Skipped:"))
            parts.append(f'<p class="ltv-skipped"><b>{skipped}</b> {html.escape(self.skipped)}</p>')
        if self.lines:
            parts.append("<ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in self.lines) + "</ul>")
        for caption, table in self.tables:
            parts.append(f'<p class="ltv-caption">{html.escape(caption)}</p>')
            parts.append(table.to_html(classes="ltv-table", border=0, escape=True, na_rep="—"))
        for caption, png in self.figures:
            parts.append(_png_tag(png, caption))
        parts.append("</section>")
        return "\n".join(parts)

    def _repr_html_(self) -> str:
        return self.html(self.course_url)

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        state = f"skipped={self.skipped!r}" if self.skipped else (
            f"{len(self.lines)} lines, {len(self.tables)} tables, {len(self.figures)} figures")
        return f"SectionView({self.section.key!r}, {state})"

"""The app's "Your data" page (widgets only): upload an export, confirm the columns, see the report, download it.

:class:`YourDataPage` wires ipywidgets to :mod:`ltvkit.report`: a FileUpload (CSV or Excel, at
most :data:`UPLOAD_LIMIT_MB` MB) whose refusal message shows next to it; the guessed columns
(:func:`ltvkit.report.guess_columns`) in dropdowns to confirm; margin, currency and an optional
cost sheet; then every section of :class:`ltvkit.report.OrdersReport`, as in the HTML report,
and links to download the scored list (``customers.csv``, and ``customers.xlsx`` with openpyxl)
and the report (``report.html``).
The upload is kept only in this kernel's memory and goes with it.

Example:
    >>> import io
    >>> page = YourDataPage()
    >>> page.receive("orders.csv", "id,day,sum\\na,2024-01-05,100\\na,2024-02-07,50\\nb,2024-01-20,80\\n".encode())
    >>> page.dropdowns["customer"].value, page.dropdowns["amount"].value
    ('id', 'sum')
    >>> page.make_report()
    >>> page.message.value, len(page.sections.children)
    ('', 6)
"""

from __future__ import annotations

import base64
import html
import io
from typing import Any

from ltvkit.checks import LTVInputError
from ltvkit.i18n import N_, _, get_language, using_language
from ltvkit.money import format_number

__all__ = ["ROLES", "UPLOAD_LIMIT_MB", "YourDataPage", "your_data_page"]

UPLOAD_LIMIT_MB = 50
"""The largest file the page takes, in MB (10^6 bytes); bigger exports go through the command."""

ROLES = {"customer": N_("Customer id"), "date": N_("Order date"), "amount": N_("Amount"), "channel": N_("Channel"),
         "partner": N_("Partner")}
"""The columns to confirm and their labels (marked: shown with ``_()``); channel and partner may be "(none)"."""

_NONE = N_("(none)")  # shown as _(_NONE): the page keeps the language it was built in
_STYLE = {"description_width": "140px"}


def _download_link(name: str, data: bytes, mime: str, label: str) -> str:
    encoded = base64.b64encode(data).decode("ascii")
    return (f'<a class="ltv-download" download="{html.escape(name)}" href="data:{mime};base64,{encoded}">'
            f"{html.escape(label)}</a>")


class YourDataPage:
    """The page's widgets and their callbacks; ``widget`` is what the app displays."""

    def __init__(self, *, limit_mb: int = UPLOAD_LIMIT_MB) -> None:
        import ipywidgets as widgets

        from ltvkit.money import CURRENCIES

        self.limit_bytes = limit_mb * 1_000_000
        self.language = get_language()
        self.upload = widgets.FileUpload(accept=".csv,.txt,.tsv,.xlsx", multiple=False, description=_("Orders file"),
                                         layout=widgets.Layout(min_width="160px"))
        self.upload.add_class("ltv-upload")
        self.message = widgets.HTML()
        self.message.add_class("ltv-error")
        self.costs_upload = widgets.FileUpload(accept=".csv,.xlsx", multiple=False, description=_("Cost sheet"))
        self.costs_upload.add_class("ltv-costs-upload")
        self.guessed = widgets.HTML()
        self.guessed.add_class("ltv-guessed")
        self.none = _(_NONE)
        self.dropdowns = {role: widgets.Dropdown(description=_(label), options=[], style=_STYLE,
                                                 layout=widgets.Layout(width="420px"))
                          for role, label in ROLES.items()}
        for role, dropdown in self.dropdowns.items():
            dropdown.add_class(f"ltv-column-{role}")
        self.margin = widgets.BoundedFloatText(value=0.6, min=0, max=1, step=0.05, description=_("Gross margin"),
                                               style=_STYLE)
        self.currency = widgets.Dropdown(options=list(CURRENCIES), value="RUB", description=_("Currency"),
                                         style=_STYLE)
        self.skip = widgets.Checkbox(value=False, indent=False, layout=widgets.Layout(width="auto"),
                                     description=_("Leave out rows the loader cannot read (listed in the report)"))
        self.skip.add_class("ltv-skip")
        self.button = widgets.Button(description=_("Make the report"), button_style="primary", disabled=True)
        self.button.add_class("ltv-make")
        self.status = widgets.HTML()
        self.status.add_class("ltv-status")
        self.downloads = widgets.HTML()
        self.downloads.add_class("ltv-downloads")
        self.sections = widgets.VBox()
        self.sections.add_class("ltv-sections")
        self._name, self._data, self._costs = "", b"", None
        self.upload.observe(self._on_upload, names="value")
        self.costs_upload.observe(self._on_costs, names="value")
        self.button.on_click(lambda _button: self.make_report())
        limit = widgets.HTML(html.escape(_("CSV (any separator, UTF-8 or cp1251) or Excel, up to {limit} MB.",
                                           limit=limit_mb)))
        self.widget = widgets.VBox([
            widgets.HBox([self.upload, self.message]), limit,
            widgets.HTML(_("<b>The columns</b> (guessed from the file; check them):")), self.guessed,
            *self.dropdowns.values(), self.margin, self.currency, self.skip,
            widgets.HBox([self.costs_upload, widgets.HTML(_("optional: channel, partner, fixed_spend per source"))]),
            widgets.HBox([self.button, self.status]), self.downloads, self.sections,
        ])
        self.widget.add_class("ltv-your-data")

    def _refuse(self, text: str) -> None:
        self.message.value = html.escape(text)
        self.status.value = ""

    def _on_upload(self, change: dict[str, Any]) -> None:
        files = change["new"]
        if files:
            self.receive(files[0]["name"], files[0]["content"], size=files[0].get("size"))
            self.upload.value = ()  # the page keeps one copy, not the widget too

    def _on_costs(self, change: dict[str, Any]) -> None:
        files = change["new"]
        if files:
            self._costs = bytes(files[0]["content"])
            self.costs_upload.value = ()

    def receive(self, name: str, content: Any, *, size: int | None = None) -> None:
        """Take an uploaded file: refuse it over the limit, else guess its columns into the dropdowns.

        The page answers in the language it was built in, as a calculator does.
        """
        with using_language(self.language):
            return self._receive(name, content, size)

    def _receive(self, name: str, content: Any, size: int | None) -> None:
        from ltvkit.report import guess_columns, preview

        size = len(content) if size is None else size
        self.sections.children, self.downloads.value = (), ""
        if size > self.limit_bytes:
            self._data, self.button.disabled = b"", True
            return self._refuse(_("{name} is {size} MB; the app takes files up to {limit} MB. Run the command on "
                                  "bigger exports: python -m ltvkit.report {name}", name=name,
                                  size=format_number(size / 1e6, 1), limit=format_number(self.limit_bytes / 1e6)))
        self._name, self._data = name, bytes(content)
        try:
            columns = preview(io.BytesIO(self._data)).columns
        except LTVInputError as error:
            self._data, self.button.disabled = b"", True
            return self._refuse(str(error))
        for role, dropdown in self.dropdowns.items():
            dropdown.options = [self.none, *columns] if role in ("channel", "partner") else columns
        try:
            guess = guess_columns(io.BytesIO(self._data))
        except LTVInputError as error:
            self._refuse(_("{error}. Choose the columns below.", error=error))
            self.guessed.value = ""
        else:
            self.message.value = ""
            for role, column in guess.as_read_orders().items():
                self.dropdowns[role].value = column or self.none
            lines = "".join(f"<li>{html.escape(line)}</li>" for line in guess.describe().splitlines())
            self.guessed.value = f"<ul>{lines}</ul>"
        self.button.disabled = False
        self.status.value = html.escape(_("{name}: {size} MB received", name=name, size=format_number(size / 1e6, 2)))
        return None

    def _upload(self) -> io.BytesIO:
        """The upload as a file object that carries its name, so messages and the report name the file."""
        buffer = io.BytesIO(self._data)
        buffer.name = self._name
        return buffer

    def chosen_columns(self) -> dict[str, str | None]:
        """The columns as confirmed in the dropdowns (None for "(none)")."""
        return {role: (None if dropdown.value in (self.none, None) else dropdown.value)
                for role, dropdown in self.dropdowns.items()}

    def make_report(self) -> None:
        """Read the upload with the confirmed columns and show every section; a refusal shows by the upload."""
        with using_language(self.language):
            return self._make_report()

    def _make_report(self) -> None:
        from ltvkit.orders import read_orders
        from ltvkit.report import SECTIONS, OrdersReport, read_costs, report_html, scored_csv
        from ltvkit.report.scored import scored_excel

        if not self._data:
            return self._refuse(_("upload an orders file first"))
        self.sections.children, self.downloads.value = (), ""
        try:
            orders = read_orders(self._upload(), **self.chosen_columns(),
                                 on_bad_rows="skip" if self.skip.value else "raise")
            costs = read_costs(io.BytesIO(self._costs)) if self._costs else None
            report = OrdersReport(orders, margin=self.margin.value, currency=self.currency.value, costs=costs)
            views = []
            for section in SECTIONS.values():
                self.status.value = html.escape(_(section.title) + " ...")
                views.append(report.view(section.key))
                self._show(views)
            page = report_html(report, title=_("LTV report: {source}", source=self._name))
            csv_text, workbook = scored_csv(report.scored), scored_excel(report.scored)
        except LTVInputError as error:
            self.sections.children = ()
            hint = _(" (tick “Leave out rows the loader cannot read” to go on without them)") \
                if 'on_bad_rows="skip"' in str(error) else ""
            said = str(error) if str(error).startswith(f"{self._name}:") else f"{self._name}: {error}"
            return self._refuse(said + hint)
        self.message.value, self.status.value = "", html.escape(_("{name}: report made", name=self._name))
        excel = [] if workbook is None else [_download_link(
            "customers.xlsx", workbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            _("the same list for Excel (customers.xlsx)"))]
        self.downloads.value = " · ".join([
            _download_link("customers.csv", csv_text.encode("utf-8"), "text/csv;charset=utf-8",
                           _("Download the scored list (customers.csv, {count} customers)",
                             count=format_number(len(report.scored)))),
            *excel,
            _download_link("report.html", page.encode("utf-8"), "text/html;charset=utf-8",
                           _("Download the report (report.html)")),
        ])
        return None

    def _show(self, views: list[Any]) -> None:
        import ipywidgets as widgets

        shown = list(self.sections.children)
        for view in views[len(shown):]:
            box = widgets.HTML(view.html())
            box.add_class("ltv-report-section")
            shown.append(box)
        self.sections.children = tuple(shown)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


def your_data_page(*, limit_mb: int = UPLOAD_LIMIT_MB) -> YourDataPage:
    """The "Your data" page of the app (``app/your_data.ipynb``).

    Example:
        >>> your_data_page().button.disabled
        True
    """
    return YourDataPage(limit_mb=limit_mb)

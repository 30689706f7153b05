"""Run the report notebook with parameters (papermill) and render it as one static page (nbconvert).

The notebook is ``reports/your_orders.ipynb`` (shipped in the package as
``ltvkit/report/your_orders.ipynb``). :func:`run_report` injects the parameters papermill's way
(a cell after the one tagged ``parameters``), executes it in a fresh kernel with the progress of
each section cell (tagged ``section-KEY``) reported to ``progress``, keeps the executed notebook
as ``DIR/report.ipynb``, and writes ``DIR/index.html``: the outputs only (no code, no markdown),
inside :func:`ltvkit.report.page.report_page`. The notebook itself writes ``customers.csv`` and
``summary.json``. A bad input in the notebook (:class:`~ltvkit.checks.LTVInputError`) comes back
as :class:`ReportInputError` with the loader's message.

Example:
    >>> REPORT_NOTEBOOK.name
    'your_orders.ipynb'
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ltvkit.checks import LTVInputError
from ltvkit.i18n import N_, _
from ltvkit.money import format_number

__all__ = ["REPORT_NOTEBOOK", "ReportInputError", "ReportRun", "render_html", "run_report"]

REPORT_NOTEBOOK = Path(str(resources.files("ltvkit.report") / "your_orders.ipynb"))
"""The report notebook as shipped in the package."""

TIMEOUT_SECONDS = 600


class ReportInputError(LTVInputError):
    """The report notebook refused its input (the message is the library's, with file lines where known)."""


@dataclass
class ReportRun:
    """What a run wrote and how long each step took (seconds by step name, in order)."""

    out_dir: Path
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def index_html(self) -> Path:
        return self.out_dir / "index.html"


_STEPS = {"read": N_("read"), "tables": N_("tables"), "html": N_("html"), "load": N_("load"),
          "distribution": N_("distribution"), "cohorts": N_("cohorts"), "channels": N_("channels"),
          "forecast": N_("forecast"), "scored": N_("scored")}
"""The progress lines' name of each step (the notebook's cell tag; in English the tag itself)."""


class _Progress:
    """nbclient hooks: one line per section cell (``section-KEY`` tag) when it starts and ends."""

    def __init__(self, report: Callable[[str], None], run: ReportRun) -> None:
        self.report, self.run = report, run
        self.started: dict[int, tuple[str, float]] = {}

    @staticmethod
    def step(cell: Any) -> str | None:
        for tag in cell.get("metadata", {}).get("tags", []):
            if tag.startswith(("section-", "step-")):
                return tag.split("-", 1)[1]
        return None

    def on_start(self, cell: Any, cell_index: int) -> None:
        name = self.step(cell)
        if name is not None:
            from ltvkit.report.sections import SECTIONS

            title = _(SECTIONS[name].title) if name in SECTIONS else _(_STEPS.get(name, name))
            self.started[cell_index] = (name, time.perf_counter())
            self.report(f"{title} ...")

    def on_executed(self, cell: Any, cell_index: int, execute_reply: Any) -> None:
        if cell_index in self.started:
            name, started = self.started.pop(cell_index)
            self.run.seconds[name] = time.perf_counter() - started
            status = execute_reply.get("content", {}).get("status", "ok") if execute_reply else "ok"
            seconds = format_number(self.run.seconds[name], 1)
            step = _(_STEPS.get(name, name))
            done = (_("{step}: done in {seconds} s", step=step, seconds=seconds) if status == "ok"
                    else _("{step}: failed in {seconds} s", step=step, seconds=seconds))
            self.report("  " + done)


def render_html(notebook: Any, *, title: str) -> str:
    """The executed notebook's outputs as one static page (no code, no markdown, figures embedded).

    Example:
        >>> import nbformat
        >>> notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# hidden")])
        >>> "hidden" in render_html(notebook, title="t")
        False
    """
    from nbconvert import HTMLExporter

    from ltvkit.report.page import report_page

    exporter = HTMLExporter(template_name="basic", exclude_input=True, exclude_markdown=True,
                            exclude_input_prompt=True, exclude_output_prompt=True, anchor_link_text="")
    body, _ = exporter.from_notebook_node(notebook)
    return report_page(body, title=title)


def run_report(parameters: Mapping[str, Any], out_dir: str | Path, *, progress: Callable[[str], None] = print,
               notebook: Path | None = None) -> ReportRun:
    """Execute the report notebook with ``parameters`` (its parameters cell's names) and write ``out_dir``.

    Raises:
        ReportInputError: the notebook refused the input (LTVInputError inside it).
        RuntimeError: any other failure of a cell, with the cell's error in one line.
    """
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    run = ReportRun(out)
    hooks = _Progress(progress, run)
    source = notebook or REPORT_NOTEBOOK
    started = time.perf_counter()
    try:
        executed = papermill.execute_notebook(
            str(source), str(out / "report.ipynb"), parameters=dict(parameters, out_dir=str(out)),
            kernel_name="python3", progress_bar=False, request_save_on_cell_execute=False,
            execution_timeout=TIMEOUT_SECONDS, on_cell_start=hooks.on_start, on_cell_executed=hooks.on_executed,
            extra_arguments=["--IPKernelApp.log_level=ERROR"],  # not its warning on TCP in every report
        )
    except PapermillExecutionError as error:
        if error.ename in ("LTVInputError", "ReportInputError"):
            raise ReportInputError(error.evalue) from None
        raise RuntimeError(_("the report notebook failed in cell {cell}: {error}: {message} (the executed notebook "
                             "is {path})", cell=error.exec_count, error=error.ename, message=error.evalue,
                             path=out / "report.ipynb")) from None
    run.seconds["notebook"] = time.perf_counter() - started
    progress(_("HTML page ..."))
    started = time.perf_counter()
    name = Path(str(parameters.get("orders_path", "orders"))).name
    html = render_html(nbformat.from_dict(executed), title=_("LTV report: {source}", source=name))
    run.index_html.write_text(html, encoding="utf-8")
    run.seconds["html"] = time.perf_counter() - started
    seconds = format_number(run.seconds["html"], 1)
    progress("  " + _("{step}: done in {seconds} s", step=_(_STEPS["html"]), seconds=seconds))
    return run

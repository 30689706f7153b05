"""Widget calculators: a pure compute function wrapped in sliders, a result line and a plot.

A :class:`Calculator` calls ``compute(**values)`` whenever a slider moves, shows
``describe(result)`` in a label with the CSS class ``ltv-result``, and redraws
``plot(result, **values)`` (a Figure) as a PNG in an Output widget. The PNG is set on
the Output widget's state directly, so it never lands in the cell's own outputs and
stored notebooks compare strictly. When ``compute`` raises
:class:`~ltvkit.checks.LTVInputError`, the label shows a dash and the message appears in a
label with the CSS class ``ltv-error``, the plot is cleared, and no traceback reaches the reader.
Both lines are HTML widgets holding escaped plain text: an ipywidgets ``Label`` is typeset as
LaTeX in JupyterLab and Voila, which turned "at $24.66; CLV $11.00" into a formula.

The compute and describe functions are plain functions and are unit-tested on their own;
the wrapper is tested in the kernel (set a slider, read the label) and in a browser.

Example:
    >>> from ltvkit.formulas import arpu_ltv
    >>> calc = Calculator(arpu_ltv, [Slider("arpu", "ARPU per month", 500, 0, 2000, 50),
    ...                              Slider("lifetime", "months", 6, 0, 36, 1, integer=True)],
    ...                   describe=lambda ltv: f"LTV = {ltv:,.0f} RUB")
    >>> calc.result_text
    'LTV = 3,000 RUB'
    >>> calc.controls["lifetime"].value = 12
    >>> calc.result_text
    'LTV = 6,000 RUB'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ltvkit.checks import LTVInputError
from ltvkit.i18n import get_language, using_language

__all__ = ["Calculator", "Choice", "Slider"]


@dataclass(frozen=True)
class Slider:
    """One input of a calculator: the compute function's keyword, its label and its range."""

    name: str
    description: str
    value: float
    min: float
    max: float
    step: float
    integer: bool = False
    readout_format: str | None = None

    def make(self) -> Any:
        """Build the ipywidgets slider for this input.

        Example:
            >>> Slider("months", "months", 6, 0, 36, 1, integer=True).make().value
            6
        """
        import ipywidgets as widgets

        style = {"description_width": "initial"}
        layout = widgets.Layout(width="460px")
        readout = self.readout_format or ".2f"
        if get_language() != "en":  # the browser groups digits with "," only, a decimal comma to a Russian eye
            readout = readout.replace(",", "")
        if self.integer:
            return widgets.IntSlider(
                value=int(self.value), min=int(self.min), max=int(self.max), step=int(self.step),
                description=self.description, style=style, layout=layout, continuous_update=False,
            )
        return widgets.FloatSlider(
            value=self.value, min=self.min, max=self.max, step=self.step, description=self.description,
            readout_format=readout, style=style, layout=layout, continuous_update=False,
        )


@dataclass(frozen=True)
class Choice:
    """A calculator input picked from a list (a dropdown): the compute function's keyword and its options.

    ``options`` are (label, value) pairs; ``value`` is the one selected at the start. It plugs
    into :class:`Calculator` like a :class:`Slider`.

    Example:
        >>> Choice("customer_rounding", "Rounding", "up", (("none", "none"), ("up", "up"))).make().value
        'up'
    """

    name: str
    description: str
    value: object
    options: tuple[tuple[str, object], ...]

    def make(self) -> Any:
        """Build the ipywidgets dropdown for this input."""
        import ipywidgets as widgets

        return widgets.Dropdown(
            options=list(self.options), value=self.value, description=self.description,
            style={"description_width": "initial"}, layout=widgets.Layout(width="460px"),
        )


def _png_output(figure: Any) -> dict[str, Any]:
    """A figure as a display_data output for an Output widget (no kernel capture involved)."""
    import base64

    from ltvkit.plots import figure_png

    encoded = base64.b64encode(figure_png(figure)).decode("ascii")
    return {"output_type": "display_data", "data": {"image/png": encoded, "text/plain": repr(figure)}, "metadata": {}}


class Calculator:
    """Sliders -> compute -> a result label (and an optional plot), recalculated on every change.

    Args:
        compute: a pure function taking the sliders' names as keyword arguments.
        sliders: the inputs, in display order.
        describe: turns compute's result into the text of the result label.
        plot: optional; turns (result, **values) into a matplotlib Figure to show.
        title: a heading shown above the sliders.

    The calculator speaks the language ltvkit was set to when it was built (its labels are
    made then): its result line and messages stay in that language when it recalculates.
    """

    def __init__(
        self,
        compute: Callable[..., Any],
        sliders: Sequence[Slider],
        describe: Callable[[Any], str],
        plot: Callable[..., Any] | None = None,
        title: str = "",
    ) -> None:
        import ipywidgets as widgets

        self._compute = compute
        self._describe = describe
        self._plot = plot
        self.language = get_language()
        self.controls = {slider.name: slider.make() for slider in sliders}
        # HTML, not Label: a Label is typeset as LaTeX in JupyterLab, so two amounts in dollars
        # became a formula. The text is escaped, so it shows exactly as result_text says.
        self.result = widgets.HTML()
        self.result.add_class("ltv-result")
        self.message = widgets.HTML()
        self.message.add_class("ltv-error")
        self._result_text = self._error_text = ""
        self.output = widgets.Output() if plot is not None else None
        heading = [widgets.HTML(f"<b>{title}</b>")] if title else []
        children = [*heading, *self.controls.values(), self.result, self.message]
        if self.output is not None:
            children.append(self.output)
        self.widget = widgets.VBox(children)
        self.widget.add_class("ltv-calculator")
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.recalculate()

    def values(self) -> dict[str, Any]:
        """The sliders' current values by name."""
        return {name: control.value for name, control in self.controls.items()}

    @property
    def result_text(self) -> str:
        """What the result label shows now."""
        return self._result_text

    @property
    def error_text(self) -> str:
        """The validation message shown now ("" when the inputs are valid)."""
        return self._error_text

    def _show(self, result_text: str, error_text: str) -> None:
        import html

        self._result_text, self._error_text = result_text, error_text
        self.result.value = html.escape(result_text)
        self.message.value = html.escape(error_text)

    def _on_change(self, _change: dict[str, Any]) -> None:
        self.recalculate()

    def recalculate(self) -> None:
        """Compute with the current values and update the label and the plot."""
        values = self.values()
        with using_language(self.language):
            try:  # describe and plot too: a figure they cannot format is a message, never a traceback
                result = self._compute(**values)
                text = self._describe(result)
                chart = self._plot(result, **values) if self.output is not None and self._plot else None
            except LTVInputError as error:
                self._show("—", str(error))
                if self.output is not None:
                    self.output.outputs = ()  # no stale chart next to a dash
                return
            self._show(text, "")
            if self.output is not None and chart is not None:
                self.output.outputs = (_png_output(chart),)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)

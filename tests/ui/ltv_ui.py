"""What the browser tests share: local servers, Chromium, and calculators read from a page.

A calculator on a page (a ``.ltv-calculator`` box) is matched to the factory in
``ltvkit.calculators`` that builds one with the same title and slider labels; the test then
rebuilds it in this process, sets the same values and reads ``result_text`` / ``error_text``,
so every figure the page shows is checked against an independent calculation.
"""

from __future__ import annotations

import functools
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


# --- servers --------------------------------------------------------------------------


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def isolated_environment(base: Path) -> dict[str, str]:
    """Environment for a Jupyter server that reads and writes nothing outside ``base``.

    Its own config, runtime, data, settings and workspace folders, HOME and TMPDIR; the
    "get Jupyter news?" toast disabled; jupytext's contents manager off (the test serves plain
    .ipynb copies); the notebook not virtualised, so every cell is in the page.
    """
    folders = {name: base / name for name in ("config", "runtime", "data", "home", "tmp", "settings", "workspaces")}
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    (folders["config"] / "labconfig").mkdir(exist_ok=True)
    (folders["config"] / "labconfig" / "page_config.json").write_text(
        json.dumps({"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}})
    )
    (folders["config"] / "jupyter_server_config.json").write_text(
        json.dumps({"ServerApp": {"jpserver_extensions": {"jupytext": False}}})
    )
    tracker = folders["settings"] / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True, exist_ok=True)
    (tracker / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "IPYTHON"))}
    env.update(
        JUPYTER_CONFIG_DIR=str(folders["config"]), JUPYTER_RUNTIME_DIR=str(folders["runtime"]),
        JUPYTER_DATA_DIR=str(folders["data"]), JUPYTERLAB_SETTINGS_DIR=str(folders["settings"]),
        JUPYTERLAB_WORKSPACES_DIR=str(folders["workspaces"]), HOME=str(folders["home"]),
        TMPDIR=str(folders["tmp"]), IPYTHONDIR=str(folders["home"] / ".ipython"),
        MPLCONFIGDIR=str(folders["home"] / ".matplotlib"), PYTHONDONTWRITEBYTECODE="1",
    )
    return env


@dataclass
class Server:
    """A server process started by a test, stopped by its PID."""

    process: subprocess.Popen[bytes]
    base_url: str
    log: Path
    token: str = ""

    @classmethod
    def start(cls, command: Sequence[str], *, cwd: Path, env: dict[str, str], base_url: str, ready_path: str,
              log: Path, token: str = "", timeout: float = 60.0) -> Server:
        """Start ``command`` and wait until ``base_url + ready_path`` answers 200."""
        with log.open("wb") as out:
            process = subprocess.Popen(list(command), cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                       stdin=subprocess.DEVNULL)
        server = cls(process, base_url, log, token)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"{command[0]} exited with {process.returncode}:\n{server.log_tail()}")
            try:
                with urllib.request.urlopen(base_url + ready_path, timeout=2) as answer:
                    if answer.status == 200:
                        return server
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.25)
        server.stop()
        raise RuntimeError(f"{command[0]} not ready after {timeout:.0f} s:\n{server.log_tail()}")

    def log_tail(self, chars: int = 4000) -> str:
        return self.log.read_text(errors="replace")[-chars:] if self.log.exists() else ""

    def api(self, method: str, path: str) -> Any:
        """Call the Jupyter REST API with the token; the decoded JSON answer (None when empty)."""
        request = urllib.request.Request(f"{self.base_url}{path}", method=method,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=10) as answer:
            body = answer.read()
        return json.loads(body) if body else None

    def stop(self) -> None:
        """SIGTERM to the server's PID (it shuts its kernels down), SIGKILL if it lingers."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


def only_local(route: Any) -> None:
    """Playwright route handler: let through 127.0.0.1, files and data URLs; abort the rest."""
    url = route.request.url
    if url.startswith(("file:", "data:", "blob:", "http://127.0.0.1:", "ws://127.0.0.1:")):
        route.continue_()
    else:
        route.abort()


# --- calculators: the page against the same calculators built in this process -----------


def calculator_factories() -> list[Callable[[], Any]]:
    """Every calculator factory of the course, in course order (``ltvkit.calculators.REGISTRY``)."""
    from ltvkit.calculators import all_calculators

    return [factory for _, factory in all_calculators()]


@functools.cache
def displayed_calculators(notebook: Path, language: str = "en") -> tuple[Any, ...]:
    """Run a notebook's code in this process (IPython, no kernel, no browser) and return the
    calculators it displays, in the order a page shows them.

    The code runs in ``language`` (as ``LTVKIT_LANGUAGE`` would set it for a kernel); a Russian
    edition's first cell switches to Russian itself. Each calculator keeps the language it was
    built in; this process goes back to its own afterwards.

    These are the test's own calculators: built by the same ltvkit code from the same inputs
    (including data a notebook passes to a factory), so setting a value on one and reading its
    ``result_text`` is an independent calculation of what the page must show.
    """
    import contextlib

    from IPython.core.interactiveshell import InteractiveShell
    from ipywidgets.widgets.widget import _instances

    import ltvkit.calculators.widgets
    from ltvkit.i18n import using_language

    created: list[Any] = []
    shown: list[str] = []
    original_init = ltvkit.calculators.widgets.Calculator.__init__

    def recording_init(self: Any, *args: Any, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        created.append(self)

    shell = InteractiveShell.instance()
    shell.reset(new_session=True)
    original_publish = shell.display_pub.publish

    def recording_publish(data: dict[str, Any], *args: Any, **kwargs: Any) -> None:
        if WIDGET_VIEW in data:
            shown.append(data[WIDGET_VIEW]["model_id"])

    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    ltvkit.calculators.widgets.Calculator.__init__ = recording_init  # type: ignore[method-assign]
    shell.display_pub.publish = recording_publish  # type: ignore[method-assign]
    try:
        with using_language(language), contextlib.chdir(notebook.parent), contextlib.redirect_stdout(io.StringIO()):
            for cell in cells:
                if cell["cell_type"] != "code":
                    continue
                outcome = shell.run_cell("".join(cell["source"]), store_history=False)
                outcome.raise_error()
                value = getattr(outcome.result, "widget", outcome.result)
                if getattr(value, "model_id", None):
                    shown.append(value.model_id)
    finally:
        ltvkit.calculators.widgets.Calculator.__init__ = original_init  # type: ignore[method-assign]
        shell.display_pub.publish = original_publish  # type: ignore[method-assign]
    by_box = {calculator.widget.model_id: calculator for calculator in created}
    found: list[Any] = []

    def walk(widget: Any) -> None:
        if widget.model_id in by_box:
            found.append(by_box[widget.model_id])
        for child in getattr(widget, "children", ()):
            walk(child)

    for model_id in shown:
        if model_id in _instances:
            walk(_instances[model_id])
    for calculator in found:
        calculator.folder = notebook.parent
        calculator.initial_values = calculator.values()
    return tuple(found)


INPUTS = ":scope > .widget-slider, :scope > .widget-dropdown"


@dataclass
class Reading:
    """What a calculator on the page shows now. Inputs in display order: a slider's value is its
    number, a dropdown's is the label of the option selected."""

    title: str
    labels: tuple[str, ...]
    values: tuple[float | str, ...]
    result: str
    error: str
    image: str | None


def read_calculator(box: Any) -> Reading:
    """Read a ``.ltv-calculator`` element: title, inputs' labels and values, result, message, plot.

    A slider's value is its handle's ``aria-valuetext`` (the number itself; ``aria-valuenow``
    is rounded to one decimal).
    """
    data = box.evaluate(
        """(box, selector) => {
            const heading = box.querySelector(':scope > .widget-html .widget-html-content');
            const inputs = [...box.querySelectorAll(selector)];
            const image = box.querySelector('.widget-output img');
            return {
                title: heading ? heading.textContent.trim() : '',
                labels: inputs.map(i => i.querySelector('.widget-label').textContent.trim()),
                values: inputs.map(i => i.classList.contains('widget-dropdown')
                    ? i.querySelector('select').selectedOptions[0].textContent.replace(/\u00a0/g, ' ')
                    : Number(i.querySelector('.noUi-handle').getAttribute('aria-valuetext'))),
                result: box.querySelector('.ltv-result').textContent,
                error: box.querySelector('.ltv-error').textContent,
                image: image ? image.getAttribute('src') : null,
            };
        }""",
        INPUTS,
    )
    return Reading(data["title"], tuple(data["labels"]), tuple(data["values"]), data["result"], data["error"],
                   data["image"])


def _title(calculator: Any) -> str:
    heading = [child for child in calculator.widget.children if type(child).__name__ == "HTML"]
    return re.sub(r"<[^>]+>", "", heading[0].value).strip() if heading else ""


class Twin:
    """A calculator the page shows, as built in this process (see :func:`displayed_calculators`).

    Values are handled as a page shows them: numbers for sliders, option labels for dropdowns.
    """

    def __init__(self, calculator: Any) -> None:
        self.calculator = calculator
        self.names = list(calculator.controls)
        self.controls = [calculator.controls[name] for name in self.names]
        self.title = _title(calculator)
        self.labels = tuple(control.description for control in self.controls)
        initial = getattr(calculator, "initial_values", calculator.values())
        self._defaults = [self.shown(i, initial[name]) for i, name in enumerate(self.names)]

    def is_slider(self, index: int) -> bool:
        return type(self.controls[index]).__name__ in ("IntSlider", "FloatSlider")

    def shown(self, index: int, value: Any) -> float | str:
        """A control's value as the page shows it (a dropdown shows its option's label)."""
        if self.is_slider(index):
            return value
        control = self.controls[index]
        return control._options_labels[list(control._options_values).index(value)]

    def value(self, index: int, shown: float | str) -> Any:
        """What an input shows, as the control's value: int for an IntSlider, the option's value for a dropdown."""
        kind = type(self.controls[index]).__name__
        if kind == "IntSlider":
            return round(float(shown))
        if kind == "FloatSlider":
            return float(shown)
        labels = list(self.controls[index]._options_labels)
        return self.controls[index]._options_values[labels.index(shown)]

    def defaults(self) -> list[float | str]:
        """The inputs at the values the notebook displayed the calculator with."""
        return list(self._defaults)

    def state(self, values: Sequence[float | str]) -> tuple[str, str, str | None]:
        """(result_text, error_text, PNG of the plot as base64 or None) at these input values."""
        import contextlib

        with contextlib.chdir(getattr(self.calculator, "folder", ".")):
            for index, (control, shown) in enumerate(zip(self.controls, values, strict=True)):
                control.value = self.value(index, shown)
            self.calculator.recalculate()
        png = None
        output = self.calculator.output
        if output is not None and output.outputs:
            png = output.outputs[0]["data"]["image/png"]
        return self.calculator.result_text, self.calculator.error_text, png

    def bounds(self, index: int) -> tuple[float, float, float]:
        control = self.controls[index]
        return control.min, control.max, control.step

    def snapped(self, index: int, value: float) -> float:
        """Where a slider's handle stands for a value: on its grid of steps, as noUiSlider draws it."""
        low, high, step = self.bounds(index)
        return min(high, max(low, self.value(index, low + round((value - low) / step) * step)))

    def keyboard_move(self, values: Sequence[Any]) -> tuple[int, int, float]:
        """(slider index, +1 or -1, new value): one arrow-key step that changes a valid result."""
        current = self.state(values)[0]
        for index, value in enumerate(values):
            if not self.is_slider(index):
                continue
            low, high, step = self.bounds(index)
            for direction in (+1, -1):
                new = self.value(index, self.snapped(index, value) + direction * step)
                if low <= new <= high:
                    result, error, _ = self.state(_replace(values, index, new))
                    if not error and result != current:
                        return index, direction, new
        raise AssertionError(f"{self.title}: no arrow-key step changes the result")

    def typed_value(self, values: Sequence[Any], avoid: int) -> tuple[int, float]:
        """(slider index, value) to type in a readout: valid, on the slider's grid, changing the result."""
        current = self.state(values)[0]
        order = [i for i in range(len(values)) if i != avoid and self.is_slider(i)] + [avoid]
        for index in order:
            low, high, _step = self.bounds(index)
            for share in (0.75, 0.25, 0.6, 0.4, 0.9, 0.1):
                new = self.snapped(index, low + (high - low) * share)
                if _close(new, values[index]):
                    continue
                result, error, _ = self.state(_replace(values, index, new))
                if not error and result != current:
                    return index, new
        raise AssertionError(f"{self.title}: no typed value changes the result")

    def invalid_value(self, values: Sequence[Any]) -> tuple[int, float, str, str] | None:
        """(slider index, value, result_text, error_text) for a slider end the formula rejects.

        Minimums first (churn 0, customers 0...), then maximums (a margin above 1); None when
        every value the sliders allow is valid.
        """
        found = None
        for end in (0, 1):
            for index in (i for i in range(len(values)) if self.is_slider(i)):
                new = self.value(index, self.bounds(index)[end])
                result, error, _ = self.state(_replace(values, index, new))
                if error:
                    found = index, new, result, error
                    break
            if found:
                break
        self.state(values)
        return found


def _replace(values: Sequence[Any], index: int, new: Any) -> list[Any]:
    changed = list(values)
    changed[index] = new
    return changed


def number_text(value: float) -> str:
    """A value as typed by a person: no exponent, no trailing zeros."""
    text = f"{value:.10f}".rstrip("0").rstrip(".")
    return text or "0"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "calculator"


def displayed_widget_views(notebook: Path) -> int:
    """How many widgets a stored notebook's outputs display (its calculators among them)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return sum(WIDGET_VIEW in output.get("data", {}) for cell in cells for output in cell.get("outputs", []))


# --- driving a calculator in the browser ----------------------------------------------


def wait_for_reading(box: Any, predicate: Callable[[Reading], bool], what: str, timeout: float = 15.0) -> Reading:
    """Poll the calculator until ``predicate(reading)`` holds; fail with the last reading."""
    deadline = time.monotonic() + timeout
    while True:
        reading = read_calculator(box)
        if predicate(reading):
            return reading
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not seen within {timeout:.0f} s; the calculator shows {reading}")
        time.sleep(0.1)


def _close(a: float | str, b: float | str) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def same_values(shown: Sequence[float | str], expected: Sequence[float | str]) -> bool:
    """Inputs equal: numbers up to rounding, dropdown labels exactly."""
    return len(shown) == len(expected) and all(_close(a, b) for a, b in zip(shown, expected, strict=True))


def _type_in_readout(box: Any, index: int, value: float) -> None:
    readout = box.locator(INPUTS).nth(index).locator(".widget-readout")
    readout.click()
    readout.fill(number_text(value))
    readout.press("Enter")


def check_defaults(box: Any, twin: Twin, label: str) -> Reading:
    """The calculator on the page is the twin at its starting values: same title, inputs, figure, plot.

    A slider whose starting value is off its grid of steps draws its handle at the nearest step
    (the kernel keeps the exact value); that is allowed, with a warning, since the reader then
    sees a rounded input next to a figure computed from the exact one.
    """
    import warnings

    reading = read_calculator(box)
    assert (reading.title, reading.labels) == (twin.title, twin.labels), (
        f"{label}: the page shows {reading.title!r} {reading.labels}, this process built {twin.title!r} {twin.labels}"
    )
    defaults = twin.defaults()
    for index, (shown, default) in enumerate(zip(reading.values, defaults, strict=True)):
        if twin.is_slider(index):
            assert _close(shown, twin.snapped(index, default)), f"{label}: {twin.labels[index]} shows {shown}"
            if not _close(shown, default):
                warnings.warn(f"{label}: {twin.labels[index]!r} starts at {default}, off its step; the slider "
                              f"shows {shown}", stacklevel=2)
        else:
            assert shown == default, f"{label}: {twin.labels[index]} shows {shown!r}, not {default!r}"
    result, error, png = twin.state(defaults)
    assert (reading.result, reading.error) == (result, error), f"{label}: shows {reading.result!r}, not {result!r}"
    assert not error, f"{label}: starts with an error: {error}"
    if png is not None:
        assert reading.image == f"data:image/png;base64,{png}", f"{label}: its plot is not the one ltvkit draws"
    return reading


def exercise_calculator(box: Any, twin: Twin, shots: Path, name: str, no_traceback: Callable[[], None]) -> list[Path]:
    """The full check of one calculator on a live page (JupyterLab or Voila).

    Default figure; one arrow-key step; a value typed in a readout; the plot redrawn each time
    (the same PNG as the calculator built here draws); an invalid value shows the
    LTVInputError message and no traceback. Returns the screenshots it saved.
    """
    box.scroll_into_view_if_needed()
    label = f"{name}"
    check_defaults(box, twin, label)
    values = twin.defaults()
    png = twin.state(values)[2]

    def change(index: int, new: float, how: str) -> None:
        """After an input was changed on the page: the label and the plot show what ltvkit computes.

        ltvkit computes with the value the page sent to the kernel (0.05 + 0.01 is 0.06 there).
        """
        nonlocal values, png
        seen = wait_for_reading(box, lambda r: _close(r.values[index], new), f"{label}: {how} input {index} to {new}")
        values = _replace(values, index, seen.values[index])
        expected, expected_error, expected_png = twin.state(values)
        wait_for_reading(
            box, lambda r: r.result == expected and r.error == expected_error,
            f"{label}: {how} input {index} to {new} -> {expected!r}",
        )
        if expected_png is not None and expected_png != png:  # the plot must be redrawn, with ltvkit's picture
            wait_for_reading(box, lambda r: r.image == f"data:image/png;base64,{expected_png}",
                             f"{label}: plot redrawn after {how} input {index}")
            png = expected_png

    index, direction, new = twin.keyboard_move(values)
    handle = box.locator(INPUTS).nth(index).locator(".noUi-handle")
    handle.focus()
    handle.press("ArrowRight" if direction > 0 else "ArrowLeft")
    change(index, new, "arrow key on")

    typed_index, typed = twin.typed_value(values, avoid=index)
    _type_in_readout(box, typed_index, typed)
    change(typed_index, typed, "typing in the readout of")
    shots.mkdir(parents=True, exist_ok=True)
    saved = [shots / f"{name}-recalculated.png"]
    box.screenshot(path=saved[-1])

    invalid = twin.invalid_value(values)
    if invalid is None:
        import warnings

        warnings.warn(f"{label}: no slider reaches a value ltvkit rejects; the error message is untested", stacklevel=2)
        return saved
    bad_index, bad, bad_result, bad_error = invalid
    _type_in_readout(box, bad_index, bad)
    wait_for_reading(
        box, lambda r: _close(r.values[bad_index], bad) and r.error == bad_error and r.result == bad_result,
        f"{label}: invalid value {bad} in input {bad_index} -> message {bad_error!r}",
    )
    assert box.locator(".ltv-error").is_visible(), f"{label}: the validation message is not visible"
    no_traceback()
    saved.append(shots / f"{name}-invalid.png")
    box.screenshot(path=saved[-1])
    return saved

"""Save a fitted model to JSON and load it back, to score next month's customers without refitting.

The file holds what is needed to use the model and to judge it: the model's name, its
parameters (rate parameters in the stated time unit), the fit's log-likelihood, convergence,
standard errors and log-parameter covariance, a short summary of the data it was fitted on,
and the ltvkit version that wrote it. Loading checks all of it; a file that is not JSON, not
ltvkit's, of an unknown model or with bad values raises :class:`~ltvkit.checks.LTVInputError`
naming the file.

Example:
    >>> import os, tempfile
    >>> from ltvkit.models.bgnbd import BGNBDFit
    >>> path = os.path.join(tempfile.mkdtemp(), "bgnbd.json")
    >>> _ = save_model(BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks"), path)
    >>> load_model(path).alpha
    4.414
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np

from ltvkit.checks import LTVInputError
from ltvkit.i18n import _
from ltvkit.models.rfm import RFMSummary

__all__ = ["FORMAT", "FORMAT_VERSION", "data_summary", "load_model", "save_model"]

FORMAT = "ltvkit-fitted-model"
FORMAT_VERSION = 1


def _model_classes() -> dict[str, type]:
    from ltvkit.models.bgbb import BGBBFit
    from ltvkit.models.bgnbd import BGNBDFit
    from ltvkit.models.gamma_gamma import GammaGammaFit
    from ltvkit.models.mbgnbd import MBGNBDFit
    from ltvkit.models.nbd import NBDFit
    from ltvkit.models.pareto_nbd import ParetoNBDFit

    return {cls.__name__: cls for cls in (BGNBDFit, MBGNBDFit, ParetoNBDFit, NBDFit, GammaGammaFit, BGBBFit)}


def data_summary(data: RFMSummary) -> dict[str, Any]:
    """What to remember of the data a model was fitted on: size, repeat buyers, mean age and its unit.

    Example:
        >>> summary = data_summary(RFMSummary.create(frequency=[0, 2], recency=[0, 5], T=[10, 12], time_unit="weeks"))
        >>> summary["customers"], summary["repeat_buyers"], summary["mean_T"], summary["time_unit"]
        (2, 1, 11.0, 'weeks')
    """
    if not isinstance(data, RFMSummary):
        raise LTVInputError(_("data must be an RFMSummary; got {got}", got=type(data).__name__))
    return {"customers": len(data), "repeat_buyers": int((data.frequency > 0).sum()),
            "repeat_purchases": int(data.frequency.sum()), "mean_T": float(data.T.mean()),
            "time_unit": data.time_unit, "currency": data.currency}


def save_model(model: Any, path: str | Path, *, data: RFMSummary | None = None) -> Path:
    """Write ``model`` (a fitted or published model of ltvkit) to ``path`` as JSON; ``data``: what it was fitted on.

    Example:
        >>> import os, tempfile
        >>> from ltvkit.models.gamma_gamma import GammaGammaFit
        >>> target = save_model(GammaGammaFit(p=6.25, q=3.74, gamma=15.44), os.path.join(tempfile.mkdtemp(), "g.json"))
        >>> json.loads(target.read_text())["model"]
        'GammaGammaFit'
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        written_by = version("ltvkit")
    except PackageNotFoundError:  # run from a source tree that is not installed
        written_by = "unknown"
    name = type(model).__name__
    if name not in _model_classes():
        raise LTVInputError(_("{name} must be one of {choices}; got {value}", name="model",
                              choices=", ".join(_model_classes()), value=name))
    covariance = None if model.log_covariance is None else np.asarray(model.log_covariance).tolist()
    document = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "ltvkit_version": written_by, "model": name,
        "params": model.params, "time_unit": getattr(model, "time_unit", None),
        "fit": {"log_likelihood": model.log_likelihood, "converged": model.converged, "customers": model.customers,
                "standard_errors": None if model.standard_errors is None else dict(model.standard_errors),
                "log_covariance": covariance},
        "data": None if data is None else data_summary(data),
    }
    target = Path(path)
    if not target.parent.is_dir():
        raise LTVInputError(_("path's folder {folder} does not exist", folder=repr(str(target.parent))))
    target.write_text(json.dumps(document, indent=2, allow_nan=True) + "\n", encoding="utf-8")
    return target


def _read(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise LTVInputError(_("path must name a saved model; {path} does not exist", path=repr(str(path))))
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise LTVInputError(_("{file} is not a JSON file written by ltvkit's save_model ({error})", file=path.name,
                              error=error)) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise LTVInputError(_('{file} is not a model saved by ltvkit (no "format": "{format}")', file=path.name,
                              format=FORMAT))
    if document.get("format_version") != FORMAT_VERSION:
        raise LTVInputError(_("{file} has format_version {version}; this ltvkit reads {readable}", file=path.name,
                              version=repr(document.get("format_version")), readable=FORMAT_VERSION))
    return document


def load_model(path: str | Path) -> Any:
    """Read a model written by :func:`save_model`; the same class, parameters and fit fields.

    Example:
        >>> import os, tempfile
        >>> bad = os.path.join(tempfile.mkdtemp(), "x.json")
        >>> _ = open(bad, "w").write('{"format": "something else"}')
        >>> load_model(bad)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ltvkit.checks.LTVInputError: x.json is not a model saved by ltvkit ...
    """
    file = Path(path)
    document = _read(file)
    classes = _model_classes()
    cls = classes.get(document.get("model"))
    if cls is None:
        raise LTVInputError(_("{file} holds a model ltvkit does not know ({model}); known: {known}", file=file.name,
                              model=repr(document.get("model")), known=", ".join(classes)))
    params, fit = document.get("params"), document.get("fit") or {}
    if not isinstance(params, dict):
        raise LTVInputError(_("{file} has no parameters", file=file.name))
    covariance = fit.get("log_covariance")
    fields: dict[str, Any] = {
        "log_likelihood": fit.get("log_likelihood"), "converged": fit.get("converged"),
        "customers": fit.get("customers"), "standard_errors": fit.get("standard_errors"),
        "log_covariance": None if covariance is None else np.array(covariance, dtype=float),
    }
    if document.get("time_unit") is not None:
        fields["time_unit"] = document["time_unit"]
    if fields["log_covariance"] is not None and fields["log_covariance"].shape != (len(params), len(params)):
        raise LTVInputError(_("{file}'s log_covariance must be {size} x {size}", file=file.name, size=len(params)))
    if any(not isinstance(v, (int, float)) or isinstance(v, bool) or not math.isfinite(v) for v in params.values()):
        raise LTVInputError(_("{file}'s parameters must be finite numbers; got {params}", file=file.name,
                              params=params))
    try:
        return cls(**params, **fields)
    except TypeError as error:
        raise LTVInputError(_("{file}'s parameters do not fit {model}: {error}", file=file.name, model=cls.__name__,
                              error=error)) from None
    except LTVInputError as error:
        raise LTVInputError(f"{file.name}: {error}") from None

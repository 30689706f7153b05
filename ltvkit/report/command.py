"""The command: ``python -m ltvkit.report ORDERS [options]`` (or ``ltv-report``) writes the LTV report of an export.

It writes ``DIR/index.html`` (one static page, figures embedded, nothing loaded from the
network), ``DIR/customers.csv`` (the scored customer list), ``DIR/summary.json`` (the headline
figures) and ``DIR/report.ipynb`` (the executed notebook, the record of the run).

Columns not named are guessed (:func:`ltvkit.report.guess_columns`: by the column's name in
English or Russian, else by its values in the first 1,000 rows) and printed with how each was
found. A line per step goes to stderr as it starts and ends. Exit codes: 0 done; 2 bad input
(the loader's message, with line numbers), never a traceback; 1 anything else.

Example:
    >>> main(["--help"])  # doctest: +ELLIPSIS
    usage: ltv-report [-h] ...
    0
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ltvkit.checks import LTVInputError
from ltvkit.i18n import LANGUAGES, _, get_language, using_language

__all__ = ["main", "parser"]

EXIT_DONE, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help with its "usage:" in the current language (argparse's own words are English only)."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


def parser() -> argparse.ArgumentParser:
    """The command's options (``ltv-report --help``), described in the current language.

    argparse's own headings ("positional arguments", "options") and its -h line are English
    only, so the command makes its two groups and its -h itself, with translated titles.
    """
    from ltvkit.money import CURRENCIES

    parent = argparse.ArgumentParser(
        prog="ltv-report", description=_("An LTV report on an order export: index.html, customers.csv, summary.json."),
        epilog=_("Columns not named are guessed from their names (English or Russian), else from their values, and "
                 "printed. Exit 0 done, 2 bad input (the loader's message with line numbers), 1 other failure."),
        add_help=False, formatter_class=_HelpFormatter,
    )
    parent.add_argument_group(_("positional arguments")).add_argument(
        "orders", type=Path, help=_("the export: CSV (any separator, UTF-8 or cp1251) or Excel"))
    command = parent.add_argument_group(_("options"))
    command.add_argument("-h", "--help", action="help", help=_("show this help message and exit"))
    for role, text in (("customer", _("the column of the customer id; guessed when not given")),
                       ("date", _("the column of the order date; guessed when not given")),
                       ("amount", _("the column of the amount (refunds negative); guessed when not given")),
                       ("channel", _("the column of the acquisition channel (optional); guessed when not given")),
                       ("partner", _("the column of the partner or affiliate (optional); guessed when not given"))):
        command.add_argument(f"--{role}", metavar="COL", help=text)
    command.add_argument("--names", metavar="A,B,...", help=_("column names of a file without a header line"))
    command.add_argument("--costs", type=Path, metavar="FILE", help=_("cost sheet per channel and partner (for CAC)"))
    command.add_argument("--margin", type=float, default=1.0, metavar="M",
                         help=_("gross margin, a share in [0, 1] (default 1: LTV is revenue)"))
    command.add_argument("--currency", default="RUB", choices=CURRENCIES, help=_("default RUB"))
    command.add_argument("--out", type=Path, default=Path("ltv-report"), metavar="DIR", help=_("default ./ltv-report"))
    command.add_argument("--skip-bad-rows", action="store_true",
                         help=_("leave out rows the loader cannot read, listed in the report (default: refuse the "
                                "file)"))
    command.add_argument("--date-format", metavar="FMT", help=_("strptime format of the dates, e.g. %%d/%%m/%%Y"))
    command.add_argument("--decimal", choices=(",", "."), help=_("the amounts' decimal mark (default: detected)"))
    command.add_argument("--horizon-months", type=int, default=12, metavar="N", help=_("forecast horizon (default 12)"))
    command.add_argument("--annual-discount-rate", type=float, default=0.10, metavar="R",
                         help=_("the forecast's yearly discount rate (default 0.10)"))
    command.add_argument("--course-url", metavar="URL",
                         help=_("where each section links the course notebook that teaches it, with {slug} "
                                "(default ../notebooks/{slug}.ipynb, ../notebooks/ru/{slug}.ipynb in Russian)"))
    command.add_argument("--language", default=get_language(), choices=LANGUAGES,
                         help=_("the report's language (default: $LTVKIT_LANGUAGE, else en)"))
    return parent


def _language_asked(argv: Sequence[str]) -> str:
    """The --language the arguments give (else the current language), so --help speaks it too."""
    for position, argument in enumerate(argv):
        value = argument.split("=", 1)[1] if argument.startswith("--language=") else (
            argv[position + 1] if argument == "--language" and position + 1 < len(argv) else None)
        if value in LANGUAGES:
            return value
    return get_language()


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _parameters(args: argparse.Namespace) -> dict[str, Any]:
    """Check the options, guess the columns (printed), and return the notebook's parameters."""
    from ltvkit.checks import check_count, check_number
    from ltvkit.money import format_number
    from ltvkit.report.columns import PREVIEW_ROWS, guess_columns

    check_number("--margin", args.margin, minimum=0, maximum=1)
    check_count("--horizon-months", args.horizon_months, minimum=1)
    check_number("--annual-discount-rate", args.annual_discount_rate, minimum=0)
    for name, path in (("ORDERS", args.orders), ("--costs", args.costs)):
        if path is not None and not path.is_file():
            raise LTVInputError(_("{name}: no such file {path}", name=name, path=repr(str(path))))
    names = [name.strip() for name in args.names.split(",")] if args.names else None
    given = {role: getattr(args, role) for role in ("customer", "date", "amount", "channel", "partner")}
    guess = guess_columns(args.orders, names=names, **given)
    _say(_("columns (named with --customer, --date, ... or guessed: by the column's name, else by its values in "
           "the first {rows} rows):", rows=format_number(PREVIEW_ROWS)))
    for line in guess.describe().splitlines():
        _say(f"  {line}")
    return {
        "orders_path": str(args.orders.resolve()), **guess.as_read_orders(), "column_notes": dict(guess.how),
        "names": names, "date_format": args.date_format or guess.date_format,
        "decimal": args.decimal or guess.decimal, "skip_bad_rows": args.skip_bad_rows,
        "costs_path": str(args.costs.resolve()) if args.costs else None, "margin": args.margin,
        "currency": args.currency, "horizon_months": args.horizon_months,
        "annual_discount_rate": args.annual_discount_rate, "course_url": args.course_url or _course_url(args.language),
        "language": args.language,
    }


def _course_url(language: str) -> str:
    """Where a section links its notebook by default: the edition in the report's language."""
    return "../notebooks/{slug}.ipynb" if language == "en" else f"../notebooks/{language}/{{slug}}.ipynb"


def _bad_input(message: str) -> int:
    _say(_("error: {message}", message=message))
    if 'on_bad_rows="skip"' in message:
        _say(_("(with the command: --skip-bad-rows leaves such rows out and lists them in the report)"))
    return EXIT_BAD_INPUT


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code (0 done, 1 failed, 2 bad input).

    Example: see the module docstring.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        with using_language(_language_asked(arguments)):
            args = parser().parse_args(arguments)
    except SystemExit as stop:  # --help (0) or a usage error (2), already printed by argparse
        return int(stop.code or 0)
    with using_language(args.language):
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    """The command after its options are parsed, in the report's language."""
    from ltvkit.money import format_number

    try:
        parameters = _parameters(args)
        from ltvkit.report.run import run_report

        run = run_report(parameters, args.out.resolve(), progress=_say)
    except LTVInputError as error:
        return _bad_input(str(error))
    except KeyboardInterrupt:
        _say(_("interrupted"))
        return EXIT_FAILED
    except Exception as error:  # the command never shows a traceback; the executed notebook keeps it
        _say(_("error: {message}", message=f"{type(error).__name__}: {error}"))
        return EXIT_FAILED
    for name in ("index.html", "customers.csv", "summary.json"):
        print(run.out_dir / name)
    total = sum(seconds for step, seconds in run.seconds.items() if step in ("notebook", "html"))
    _say(_("done in {seconds} s", seconds=format_number(total, 1)))
    return EXIT_DONE

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

__all__ = ["main", "parser"]

EXIT_DONE, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def parser() -> argparse.ArgumentParser:
    """The command's options (``ltv-report --help``)."""
    from ltvkit.money import CURRENCIES

    command = argparse.ArgumentParser(
        prog="ltv-report", description="An LTV report on an order export: index.html, customers.csv, summary.json.",
        epilog="Columns not named are guessed from their names (English or Russian), else from their values, and "
               "printed. Exit 0 done, 2 bad input (the loader's message with line numbers), 1 other failure.",
    )
    command.add_argument("orders", type=Path, help="the export: CSV (any separator, UTF-8 or cp1251) or Excel")
    for role, text in (("customer", "the customer id"), ("date", "the order date"),
                       ("amount", "the amount (refunds negative)"), ("channel", "the acquisition channel (optional)"),
                       ("partner", "the partner or affiliate (optional)")):
        command.add_argument(f"--{role}", metavar="COL", help=f"the column of {text}; guessed when not given")
    command.add_argument("--names", metavar="A,B,...", help="column names of a file without a header line")
    command.add_argument("--costs", type=Path, metavar="FILE", help="cost sheet per channel and partner (for CAC)")
    command.add_argument("--margin", type=float, default=1.0, metavar="M",
                         help="gross margin, a share in [0, 1] (default 1: LTV is revenue)")
    command.add_argument("--currency", default="RUB", choices=CURRENCIES, help="default RUB")
    command.add_argument("--out", type=Path, default=Path("ltv-report"), metavar="DIR", help="default ./ltv-report")
    command.add_argument("--skip-bad-rows", action="store_true",
                         help="leave out rows the loader cannot read, listed in the report (default: refuse the file)")
    command.add_argument("--date-format", metavar="FMT", help="strptime format of the dates, e.g. %%d/%%m/%%Y")
    command.add_argument("--decimal", choices=(",", "."), help="the amounts' decimal mark (default: detected)")
    command.add_argument("--horizon-months", type=int, default=12, metavar="N", help="forecast horizon (default 12)")
    command.add_argument("--annual-discount-rate", type=float, default=0.10, metavar="R",
                         help="the forecast's yearly discount rate (default 0.10)")
    command.add_argument("--course-url", default="../notebooks/{slug}.ipynb", metavar="URL",
                         help="where each section links the course notebook that teaches it, with {slug} "
                              "(default ../notebooks/{slug}.ipynb)")
    return command


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _parameters(args: argparse.Namespace) -> dict[str, Any]:
    """Check the options, guess the columns (printed), and return the notebook's parameters."""
    from ltvkit.checks import check_count, check_number
    from ltvkit.report.columns import PREVIEW_ROWS, guess_columns

    check_number("--margin", args.margin, minimum=0, maximum=1)
    check_count("--horizon-months", args.horizon_months, minimum=1)
    check_number("--annual-discount-rate", args.annual_discount_rate, minimum=0)
    for name, path in (("ORDERS", args.orders), ("--costs", args.costs)):
        if path is not None and not path.is_file():
            raise LTVInputError(f"{name}: no such file {str(path)!r}")
    names = [name.strip() for name in args.names.split(",")] if args.names else None
    given = {role: getattr(args, role) for role in ("customer", "date", "amount", "channel", "partner")}
    guess = guess_columns(args.orders, names=names, **given)
    _say(f"columns (named with --customer, --date, ... or guessed: by the column's name, else by its values in the "
         f"first {PREVIEW_ROWS:,} rows):")
    for line in guess.describe().splitlines():
        _say(f"  {line}")
    return {
        "orders_path": str(args.orders.resolve()), **guess.as_read_orders(), "column_notes": dict(guess.how),
        "names": names, "date_format": args.date_format or guess.date_format,
        "decimal": args.decimal or guess.decimal, "skip_bad_rows": args.skip_bad_rows,
        "costs_path": str(args.costs.resolve()) if args.costs else None, "margin": args.margin,
        "currency": args.currency, "horizon_months": args.horizon_months,
        "annual_discount_rate": args.annual_discount_rate, "course_url": args.course_url,
    }


def _bad_input(message: str) -> int:
    _say(f"error: {message}")
    if 'on_bad_rows="skip"' in message:
        _say("(with the command: --skip-bad-rows leaves such rows out and lists them in the report)")
    return EXIT_BAD_INPUT


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code (0 done, 1 failed, 2 bad input).

    Example: see the module docstring.
    """
    try:
        args = parser().parse_args(argv)
    except SystemExit as stop:  # --help (0) or a usage error (2), already printed by argparse
        return int(stop.code or 0)
    try:
        parameters = _parameters(args)
        from ltvkit.report.run import run_report

        run = run_report(parameters, args.out.resolve(), progress=_say)
    except LTVInputError as error:
        return _bad_input(str(error))
    except KeyboardInterrupt:
        _say("interrupted")
        return EXIT_FAILED
    except Exception as error:  # the command never shows a traceback; the executed notebook keeps it
        _say(f"error: {type(error).__name__}: {error}")
        return EXIT_FAILED
    for name in ("index.html", "customers.csv", "summary.json"):
        print(run.out_dir / name)
    total = sum(seconds for step, seconds in run.seconds.items() if step in ("notebook", "html"))
    _say(f"done in {total:.1f} s")
    return EXIT_DONE

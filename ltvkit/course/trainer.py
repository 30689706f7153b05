"""Trainer mode: trainee copies of the notebooks, with every worked solution emptied (``make exercises``).

scikit-learn-mooc's habit: the course is written once, with its solutions, and the copies a
trainee works in are generated from it. :func:`trainee_copy` reads a notebook's percent-format
source (``notebooks/NN_slug.py``), keeps every cell but the solutions (cells tagged
``solution``), and puts an empty working cell in place of each. Where a later cell needs a name
that only a solution defined (the capstone's tasks build on each other), the working cell says
which names the trainee's solution must define. The copies carry no outputs: a trainee runs them.

``python -m ltvkit.course.trainer [NOTEBOOKS] [OUT]`` writes one ``.ipynb`` per notebook of
NOTEBOOKS (default ``notebooks``) into OUT (default ``exercises``), whatever notebooks exist;
``make exercises`` writes the Russian edition's copies too (``notebooks/ru`` into ``exercises/ru``).
A copy speaks the language of the notebook it copies: the note on top and the working cells of a
Russian edition (the one with a cell tagged ``language``) are in Russian.
jupytext and nbformat (the ``lab`` and ``test`` extras) are imported only when a copy is made.

Example:
    >>> from pathlib import Path
    >>> copy = trainee_copy(Path(__file__).parents[2] / "notebooks" / "00_start_here.py")
    >>> copy.emptied
    ('ex-00-1', 'ex-00-2', 'ex-00-3')
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ltvkit.checks import LTVInputError
from ltvkit.i18n import LANGUAGES, N_, _, ngettext, using_language

__all__ = ["LANGUAGE_TAG", "SOLUTION_TAG", "TraineeCopy", "edition_language", "main", "trainee_copy",
           "write_trainee_copies"]

SOLUTION_TAG = "solution"
LANGUAGE_TAG = "language"  # the Russian edition's first code cell, ltvkit.set_language("ru")
_CHECK = re.compile(r'check\("(ex-\d\d-\d+)"')
_SET_LANGUAGE = re.compile(r'set_language\("(\w+)"\)')
_WORKING_CELL = N_("# Your solution here: work it out, then run the check in the cell above with your answer.")


@dataclass(frozen=True)
class TraineeCopy:
    """A trainee copy of one notebook: the notebook itself, the exercises emptied, the names to define.

    ``names_to_define`` maps an exercise id to the names that later cells use and only its
    solution defined; the working cell of that exercise lists them.
    """

    stem: str
    notebook: Any
    emptied: tuple[str, ...]
    names_to_define: dict[str, tuple[str, ...]]


def _names(source: str) -> tuple[set[str], set[str]]:
    """(names a cell assigns, names it reads); nothing for a cell that is not plain Python."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set(), set()
    stored = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)}
    loaded = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)}
    return stored, loaded


def _needed_later(cells: list[Any]) -> dict[int, set[str]]:
    """For each solution cell (by index), the names it defines that a later non-solution cell reads first."""
    pending: dict[str, int] = {}
    needed: dict[int, set[str]] = {}
    for index, cell in enumerate(cells):
        if cell.cell_type != "code":
            continue
        stored, loaded = _names(cell.source)
        if SOLUTION_TAG in cell.metadata.get("tags", []):
            pending.update({name: index for name in stored - {"answer"}})
            continue
        for name in (loaded - stored) & set(pending):  # a name the cell assigns itself (a loop variable) is its own
            needed.setdefault(pending[name], set()).add(name)
        for name in stored:
            pending.pop(name, None)
    return needed


def edition_language(cells: list[Any]) -> str:
    """The language a notebook is written in: the one its ``language`` cell sets, else English.

    Example:
        >>> import nbformat
        >>> edition_language([nbformat.v4.new_code_cell('ltvkit.set_language("ru")', metadata={"tags": ["language"]})])
        'ru'
        >>> edition_language([])
        'en'
    """
    for cell in cells:
        found = _SET_LANGUAGE.search(cell.source) if LANGUAGE_TAG in cell.metadata.get("tags", []) else None
        if found and found.group(1) in LANGUAGES:
            return found.group(1)
    return "en"


def trainee_copy(source: Path) -> TraineeCopy:
    """The trainee copy of one notebook source: solution cells emptied, outputs none, a note on top.

    The note and the working cells are in the notebook's own language (:func:`edition_language`).

    Args:
        source: a notebook's percent-format source, ``notebooks/NN_slug.py`` or ``notebooks/ru/NN_slug.py``.

    Returns:
        A :class:`TraineeCopy`; its ``notebook`` is an nbformat v4 notebook ready to write.
    """
    import jupytext

    source = Path(source)
    if not source.is_file() or source.suffix != ".py":
        raise LTVInputError(_("{name} must be a notebook's .py source such as notebooks/01_ltv_basics.py; got {value}",
                              name="source", value=source))
    notebook = jupytext.read(source)
    language = edition_language(notebook.cells)
    shown_as = f"notebooks/{source.name}" if language == "en" else f"notebooks/{language}/{source.name}"
    with using_language(language):
        return _copy(source.stem, notebook.cells, shown_as)


def _copy(stem: str, source_cells: list[Any], shown_as: str) -> TraineeCopy:
    """The copy of the cells of notebook ``stem`` (``shown_as``: its path in the note), in the current language."""
    import nbformat

    needed = _needed_later(source_cells)
    emptied: list[str] = []
    names_to_define: dict[str, tuple[str, ...]] = {}
    cells = [nbformat.v4.new_markdown_cell(_(
        "> **Trainee copy** of `{path}`, made by `make exercises`. The worked solutions are not in it: each "
        "exercise has an empty cell to work in. Run the notebook from the top.", path=shown_as))]
    for index, cell in enumerate(source_cells):
        tags = [tag for tag in cell.metadata.get("tags", []) if tag != SOLUTION_TAG]
        if cell.cell_type == "code" and SOLUTION_TAG in cell.metadata.get("tags", []):
            found = _CHECK.search(cell.source)
            exercise_id = found.group(1) if found else f"cell {index}"
            emptied.append(exercise_id)
            text = _(_WORKING_CELL)
            if index in needed:
                names_to_define[exercise_id] = tuple(sorted(needed[index]))
                text += "\n" + _("# Later cells use what your solution defines: {names}.",
                                 names=", ".join(names_to_define[exercise_id]))
            cells.append(nbformat.v4.new_code_cell(text))
        elif cell.cell_type == "code":
            cells.append(nbformat.v4.new_code_cell(cell.source, metadata={"tags": tags} if tags else {}))
        else:
            cells.append(nbformat.v4.new_markdown_cell(cell.source))
    for index, cell in enumerate(cells):
        cell.id = f"{stem[:2]}-trainee-{index:03d}"
    copy = nbformat.v4.new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"},
        "language_info": {"name": "python"},
    })
    copy.nbformat, copy.nbformat_minor = 4, 5
    return TraineeCopy(stem, copy, tuple(emptied), names_to_define)


def write_trainee_copies(notebooks: Path, out: Path) -> dict[Path, TraineeCopy]:
    """Write the trainee copy of every ``NN_slug.py`` in ``notebooks`` to ``out/NN_slug.ipynb``.

    Args:
        notebooks: the folder of the notebook sources.
        out: the folder to write to (created if missing; copies of notebooks that are gone are removed).

    Returns:
        Each path written, in course order, with its :class:`TraineeCopy`.
    """
    import nbformat

    sources = sorted(Path(notebooks).glob("[0-9][0-9]_*.py"))
    if not sources:
        raise LTVInputError(_("{name} must be a folder of NN_slug.py notebook sources; none in {value}",
                              name="notebooks", value=notebooks))
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("[0-9][0-9]_*.ipynb"):
        if not (Path(notebooks) / f"{stale.stem}.py").exists():
            stale.unlink()
    written = {}
    for source in sources:
        copy = trainee_copy(source)
        nbformat.validate(copy.notebook)
        path = out / f"{source.stem}.ipynb"
        nbformat.write(copy.notebook, path)
        written[path] = copy
    return written


def main(argv: list[str] | None = None) -> int:
    """``python -m ltvkit.course.trainer [NOTEBOOKS] [OUT]``: write every trainee copy and say what was emptied."""
    args = sys.argv[1:] if argv is None else argv
    notebooks, out = Path(args[0] if args else "notebooks"), Path(args[1] if len(args) > 1 else "exercises")
    for path, copy in write_trainee_copies(notebooks, out).items():
        emptied = ngettext("{path}: {count} solution emptied", "{path}: {count} solutions emptied",
                           len(copy.emptied), path=path, count=len(copy.emptied))
        to_define = _("; a later task needs names from {count}", count=len(copy.names_to_define))
        print(emptied + (to_define if copy.names_to_define else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())

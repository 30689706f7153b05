"""Trainer mode (``make exercises``): every notebook has a trainee copy that runs and gives no answer away.

The copies are executed, so these tests run with the notebooks (``make nbval``, marker ``trainer``),
not with the unit tests.

Each copy is generated from its ``.py`` source into a temporary course folder (``exercises/``
next to a link to ``data/``, as in the repository), executed in a fresh kernel, and read back:

- no worked solution is left: no cell tagged ``solution``, no line of a solution's code;
- every ``check`` says "no answer yet": the copy computes no answer by itself;
- no answer stands, in its usual spellings, in any text or output before the place where
  its solution stood (after it, the notebook's own story may use the figure, as the course does);
- the copy runs: a cell fails only where a later task needs a name the trainee's solution must
  define (the capstone), and then with a NameError for one of the names its working cell lists.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from ltvkit.course.exercises import answer_shown
from ltvkit.course.trainer import SOLUTION_TAG, trainee_copy, write_trainee_copies

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
STEMS = sorted(p.stem for p in NOTEBOOKS.glob("[0-9][0-9]_*.py"))
_CHECK = re.compile(r'check\("(ex-\d\d-\d+)"')
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("course")
    (folder / "data").symlink_to(ROOT / "data", target_is_directory=True)
    written = write_trainee_copies(NOTEBOOKS, folder / "exercises")
    return {path.stem: (path, copy) for path, copy in written.items()}


def test_make_exercises_writes_a_copy_of_every_notebook(course: dict) -> None:
    assert sorted(course) == STEMS


@pytest.mark.parametrize("stem", STEMS)
def test_no_solution_is_left_in_the_trainee_copy(stem: str, course: dict) -> None:
    path, copy = course[stem]
    original = nbformat.read(str(NOTEBOOKS / f"{stem}.ipynb"), as_version=4)
    solution_lines = {line.strip() for cell in original.cells if SOLUTION_TAG in cell.metadata.get("tags", [])
                      for line in cell.source.splitlines()
                      if line.strip() and not line.strip().startswith("#") and not _CHECK.search(line)}
    trainee = nbformat.read(str(path), as_version=4)
    code = {line.strip() for cell in trainee.cells if cell.cell_type == "code" for line in cell.source.splitlines()}
    assert not [cell for cell in trainee.cells if SOLUTION_TAG in cell.metadata.get("tags", [])]
    # a line shared with an exercise cell ("answer = None") or another cell is not a solution's own
    shared = {line.strip() for cell in original.cells if SOLUTION_TAG not in cell.metadata.get("tags", [])
              for line in cell.source.splitlines()}
    assert not (solution_lines - shared) & code, f"{stem}: a line of a worked solution is in the trainee copy"
    assert len(copy.emptied) == sum(SOLUTION_TAG in c.metadata.get("tags", []) for c in original.cells)


def _shown(cell: nbformat.NotebookNode) -> str:
    """What a reader sees of a cell: a text cell, or a code cell's outputs (a widget's repr is not seen)."""
    if cell.cell_type == "markdown":
        return cell.source
    parts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            parts.append(output.text)
        elif "data" in output and WIDGET_VIEW not in output.data:
            parts.append(output.data.get("text/plain", ""))
    return "\n".join(parts)


def _assigned(source: str) -> set[str]:
    return {node.id for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Name)
            and isinstance(node.ctx, ast.Store)}


@pytest.mark.trainer
@pytest.mark.parametrize("stem", STEMS)
def test_the_trainee_copy_runs_and_gives_no_answer_away(stem: str, course: dict) -> None:
    path, copy = course[stem]
    notebook = nbformat.read(str(path), as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    # names the trainee's solutions must define, and names of cells that could not run without them
    allowed = {name for names in copy.names_to_define.values() for name in names}
    shown: list[str] = []
    emptied = iter(copy.emptied)
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                assert output.ename == "NameError" and re.search(r"'(\w+)'", output.evalue).group(1) in allowed, (
                    f"{stem}: the trainee copy fails with {output.ename}: {output.evalue}")
                allowed |= _assigned(cell.source)
        assert not re.search(r"ex-\d\d-\d+: right", _shown(cell)), f"{stem}: the copy computes an answer by itself"
        if cell.cell_type == "code" and cell.source.startswith("# Your solution here"):
            exercise_id = next(emptied)
            found = answer_shown(exercise_id, "\n".join(shown))
            assert not found, f"{stem}: {exercise_id}'s answer {found} is shown before the trainee works it out"
        shown.append(_shown(cell))


@pytest.mark.trainer
def test_the_russian_capstones_trainee_copy_runs_from_exercises_ru(tmp_path: Path) -> None:
    """make exercises' Russian copies sit in exercises/ru and read ../data through the exercises/data link.

    Only the capstone is executed (its tasks build on each other, and it reads both school files);
    the English copies of every notebook run above.
    """
    from ltvkit.course.trainer import _WORKING_CELL
    from ltvkit.i18n import _, using_language

    (tmp_path / "data").symlink_to(ROOT / "data", target_is_directory=True)
    (tmp_path / "exercises" / "ru").mkdir(parents=True)
    (tmp_path / "exercises" / "data").symlink_to("../data", target_is_directory=True)  # as make exercises links it
    copy = trainee_copy(NOTEBOOKS / "ru" / "16_capstone.py")
    notebook = copy.notebook
    NotebookClient(notebook, timeout=300, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(tmp_path / "exercises" / "ru")}}).execute()
    with using_language("ru"):
        working, right = _(_WORKING_CELL), _("{id}: right.", id="")
    allowed = {name for names in copy.names_to_define.values() for name in names}
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                assert output.ename == "NameError" and re.search(r"'(\w+)'", output.evalue).group(1) in allowed, (
                    f"the Russian capstone's copy fails with {output.ename}: {output.evalue}")
                allowed |= _assigned(cell.source)
        assert right.strip() not in _shown(cell), "the Russian copy computes an answer by itself"
    assert sum(cell.source.startswith(working) for cell in notebook.cells) == len(copy.emptied)


def test_trainee_copy_refuses_what_is_not_a_notebook_source(tmp_path: Path) -> None:
    from ltvkit import LTVInputError

    with pytest.raises(LTVInputError, match="source must be"):
        trainee_copy(tmp_path / "missing.py")
    with pytest.raises(LTVInputError, match="notebooks must be"):
        write_trainee_copies(tmp_path, tmp_path / "out")


@pytest.mark.parametrize("stem", sorted(p.stem for p in (NOTEBOOKS / "ru").glob("[0-9][0-9]_*.py")))
def test_the_russian_editions_trainee_copy_speaks_russian(stem: str) -> None:
    english, russian = trainee_copy(NOTEBOOKS / f"{stem}.py"), trainee_copy(NOTEBOOKS / "ru" / f"{stem}.py")
    assert russian.emptied == english.emptied and russian.names_to_define == english.names_to_define
    note = russian.notebook.cells[0].source
    assert f"`notebooks/ru/{stem}.py`" in note and "Trainee copy" not in note and re.search("[А-Яа-я]", note)
    working = [cell.source for cell in russian.notebook.cells
               if cell.cell_type == "code" and "Your solution here" in cell.source]
    assert not working, f"{stem}: an English working cell in the Russian copy: {working[0]!r}"
    later = [cell.source for cell in russian.notebook.cells if "Later cells use" in cell.source]
    assert not later, f"{stem}: an English note in the Russian copy: {later[0]!r}"

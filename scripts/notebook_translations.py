"""The Russian edition of the notebooks: one source (the English .py), one catalogue per notebook, one built edition.

Every markdown cell of an English notebook has a stable key in its cell metadata
(``# %% [markdown] key="01-e-simple"``). The Russian text lives in
``translations/ru/NN_slug.po``, a gettext catalogue: ``msgctxt`` is the cell's key, ``msgid``
the English text it translates (the fingerprint: when the English changes, the entry no longer
matches), ``msgstr`` the Russian. The code's comments are translated there too (``msgctxt
"comment"``). The edition ``notebooks/ru/NN_slug.py`` is built from the two: the same code
cells, the Russian markdown and comments, and one more code cell before the first one, tagged
``language``, that calls ``ltvkit.set_language("ru")``, so everything ltvkit and ``tr()`` print
is Russian too. It is then executed into ``notebooks/ru/NN_slug.ipynb`` like any notebook.

Commands (``make translations``, ``make russian``; NB= chooses English sources):

    python scripts/notebook_translations.py update notebooks/01_ltv_basics.py
        give keys to markdown cells that have none (never renaming one), and merge the English
        into the catalogue: new cells get an empty entry, a cell whose English changed keeps its
        old Russian marked fuzzy with the English it translated beside it (#. lines), a removed
        cell is dropped;
    python scripts/notebook_translations.py build notebooks/01_ltv_basics.py
        refuse if a translation is missing or stale, else write and execute the edition;
    python scripts/notebook_translations.py check
        list every problem, naming the cell (the tests run the same check).

Without NB, ``update``, ``build`` and ``check`` take every notebook that has a catalogue.
Babel reads and writes the catalogues (already pinned for ltvkit's own messages), jupytext
reads and writes the notebooks.
"""

from __future__ import annotations

import copy
import io
import re
import sys
import tokenize
from dataclasses import dataclass
from pathlib import Path

import jupytext
import nbformat
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LANGUAGE = "ru"
COMMENT = "comment"  # msgctxt of a translated code comment
LANGUAGE_TAG = "language"
PREVIOUS = "The English changed after this translation. It translated:"  # the first #. line of a stale entry
DIRECTIVES = re.compile(r"#\s*(noqa|type:|pragma|fmt:)")


@dataclass(frozen=True)
class Edition:
    """Where one notebook's English source, its catalogue and its Russian edition are."""

    english: Path
    catalogue: Path
    edition: Path

    @classmethod
    def of(cls, english: Path, root: Path = ROOT, language: str = LANGUAGE) -> Edition:
        stem = english.stem
        return cls(english, root / "translations" / language / f"{stem}.po",
                   root / "notebooks" / language / f"{stem}.py")

    @property
    def stem(self) -> str:
        return self.english.stem


@dataclass(frozen=True)
class Text:
    """One piece of English to translate: a markdown cell (context = its key) or a code comment."""

    context: str
    english: str
    where: str


# --- keys ------------------------------------------------------------------------------


def new_key(stem: str, source: str, taken: set[str]) -> str:
    """A key for a markdown cell, unique in its notebook: the notebook's number, then the example or exercise
    id the cell opens with, or "title" for the notebook's title, or the first words of its heading or text.

    Example:
        >>> new_key("01_ltv_basics", "## E-simple: a year's revenue", set())
        '01-e-simple'
        >>> new_key("01_ltv_basics", "**ex-01-2.** The company of E-simple", set())
        '01-ex-01-2'
        >>> new_key("01_ltv_basics", "Mixing the periods is the most common slip", {"01-mixing-the-periods-is"})
        '01-mixing-the-periods-is-2'
    """
    lines = [line for line in source.splitlines() if line.strip()]
    heading = next((line.lstrip("#").strip() for line in lines if line.startswith("#")), None)
    first = heading or (lines[0] if lines else "cell")
    opening = re.match(r"[*_\s]*((?:E|ex)-[A-Za-z0-9-]*[A-Za-z0-9])", first)
    if opening:
        name = opening[1].lower()
    elif heading and re.match(rf"{stem[:2]}\s*[·.:-]", heading) and lines[0].startswith("# "):
        name = "title"
    else:
        name = "-".join(re.findall(r"[a-z0-9]+", first.lower())[:4]) or "cell"
    base = f"{stem[:2]}-{name}"
    key, number = base, 2
    while key in taken:
        key, number = f"{base}-{number}", number + 1
    return key


def assign_keys(english: Path) -> list[str]:
    """Give every markdown cell of the English pair (.py and .ipynb) a key if it has none; return the new keys.

    The .ipynb gets the same metadata cell by cell (its outputs untouched), so the pair stays in step.
    """
    notebook = jupytext.read(english)
    taken = {cell.metadata["key"] for cell in notebook.cells if "key" in cell.metadata}
    added: dict[int, str] = {}
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "markdown" and "key" not in cell.metadata:
            added[index] = new_key(english.stem, cell.source, taken)
            taken.add(added[index])
            cell.metadata["key"] = added[index]
    if added:
        jupytext.write(notebook, english, fmt="py:percent")
        paired = english.with_suffix(".ipynb")
        if paired.exists():
            executed = nbformat.read(paired, as_version=4)
            for index, key in added.items():
                executed.cells[index].metadata["key"] = key
            nbformat.write(executed, paired)
    return list(added.values())


# --- what there is to translate ----------------------------------------------------------


def comments(source: str) -> list[tuple[int, int, str]]:
    """(line, column, text) of each comment a reader would read in a code cell (not ``# noqa`` and the like)."""
    found = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT and not DIRECTIVES.match(token.string):
                found.append((token.start[0], token.start[1], token.string.lstrip("#").strip()))
    except (tokenize.TokenError, IndentationError):  # IPython syntax: no comments taken from it
        return []
    return found


def texts(notebook: nbformat.NotebookNode) -> list[Text]:
    """Everything of a notebook a translator translates, in order."""
    found, last_key = [], "the start"
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "markdown":
            last_key = cell.metadata.get("key", f"markdown cell {index + 1}")
            found.append(Text(last_key, cell.source, f"cell {last_key}"))
        elif cell.cell_type == "code":
            for line, _column, text in comments(cell.source):
                found.append(Text(COMMENT, text, f"a comment in the code cell after {last_key} (line {line})"))
    return found


def read_catalogue(path: Path) -> Catalog:
    with path.open("rb") as source:
        return read_po(source, locale=LANGUAGE)


def write_catalogue(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, no_location=True, ignore_obsolete=True, include_previous=True)
    path.write_bytes(buffer.getvalue())


def update_catalogue(paths: Edition) -> tuple[list[str], list[str], list[str]]:
    """Merge the English into the notebook's catalogue; return the (new, changed, removed) cells."""
    notebook = jupytext.read(paths.english)
    old = read_catalogue(paths.catalogue) if paths.catalogue.exists() else None
    catalog = Catalog(locale=LANGUAGE, domain=paths.stem, project=f"notebooks/{paths.stem}", version="1",
                      msgid_bugs_address="the workbook's issues", fuzzy=False,
                      header_comment=f"# The Russian text of notebooks/{paths.stem}.py, cell by cell "
                                     "(msgctxt: the cell's key; msgid: the English it translates).\n"
                                     "# `make translations` updates it; CONTRIBUTING.md, Translating.",
                      last_translator="the LTV workbook", language_team=LANGUAGE)
    catalog.revision_date = catalog.creation_date
    if old is not None:
        catalog.creation_date = catalog.revision_date = old.creation_date
    new, changed = [], []
    previous = {message.context: message for message in (old or ()) if message.id and message.context != COMMENT}
    for text in texts(notebook):
        if text.context == COMMENT:
            kept = old.get(text.english, context=COMMENT) if old is not None else None
            catalog.add(text.english, kept.string if kept else "", context=COMMENT, flags=("fuzzy",) if kept and
                        kept.fuzzy else ())
            continue
        before = previous.pop(text.context, None)
        if before is None:
            catalog.add(text.english, "", context=text.context)
            new.append(text.context)
        elif before.id == text.english:
            catalog.add(text.english, before.string, context=text.context, flags=before.flags,
                        auto_comments=before.auto_comments if before.fuzzy else ())
        else:  # keep the Russian, marked fuzzy, with the English it translated (kept if it changed twice)
            was = before.auto_comments if before.fuzzy and before.auto_comments else [PREVIOUS, *before.id.splitlines()]
            catalog.add(text.english, before.string, context=text.context, flags=("fuzzy",), auto_comments=was)
            changed.append(text.context)
    write_catalogue(catalog, paths.catalogue)
    return new, changed, sorted(previous)


# --- checks -------------------------------------------------------------------------------


def translation_problems(paths: Edition) -> list[str]:
    """What stops the edition from being built: cells without a key, missing, stale or fuzzy translations."""
    name = paths.stem
    notebook = jupytext.read(paths.english)
    found = []
    keys = [cell.metadata.get("key") for cell in notebook.cells if cell.cell_type == "markdown"]
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "markdown" and "key" not in cell.metadata:
            found.append(f"{name}: markdown cell {index + 1} ({cell.source[:40]!r}...) has no key; "
                         f"run `make translations NB={paths.english.relative_to(paths.english.parents[1])}`")
    duplicates = sorted({key for key in keys if key and keys.count(key) > 1})
    if duplicates:
        found.append(f"{name}: keys used by more than one cell: {duplicates}")
    if not paths.catalogue.exists():
        return [*found, f"{name}: {paths.catalogue.name} is missing; run `make translations NB=...`"]
    catalog = read_catalogue(paths.catalogue)
    wanted = texts(notebook)
    for text in wanted:
        entry = (catalog.get(text.english, context=COMMENT) if text.context == COMMENT
                 else next((m for m in catalog if m.id and m.context == text.context), None))
        if entry is None:
            found.append(f"{name}: {text.where} has no Russian translation "
                         f"({text.english[:60]!r}); run `make translations`, then translate it")
        elif entry.id != text.english:
            found.append(f"{name}: {text.where} is stale: its English changed after it was translated; "
                         "run `make translations` and revise the entry marked fuzzy")
        elif entry.fuzzy:
            found.append(f"{name}: {text.where} is stale (marked fuzzy): revise the Russian against the "
                         "changed English (the English it translated is in its #. lines), then delete those "
                         "lines and the fuzzy flag")
        elif not entry.string.strip():
            found.append(f"{name}: {text.where} has no Russian translation ({text.english[:60]!r})")
    contexts = {text.context for text in wanted}
    extra = sorted({m.context for m in catalog if m.id and m.context not in contexts})
    if extra:
        found.append(f"{name}: {paths.catalogue.name} translates cells that are gone: {extra}; run `make translations`")
    return found


def _without_comments(source: str) -> str:
    lines = source.splitlines()
    for line, column, _text in reversed(comments(source)):
        lines[line - 1] = lines[line - 1][:column].rstrip()
    return "\n".join(lines)


def edition_problems(paths: Edition) -> list[str]:
    """The built edition against the English and the catalogue: same code, the translation's text, executed pair."""
    name = paths.stem
    if not paths.edition.exists():
        return [f"{name}: notebooks/{LANGUAGE}/{paths.edition.name} is missing; run `make russian NB=...`"]
    built, english = jupytext.read(paths.edition), jupytext.read(paths.english)
    cells = [cell for cell in built.cells if LANGUAGE_TAG not in cell.metadata.get("tags", ())]
    if len(cells) != len(built.cells) - 1:
        return [f"{name}: the {LANGUAGE} edition must have exactly one cell tagged {LANGUAGE_TAG!r}"]
    if [c.cell_type for c in cells] != [c.cell_type for c in english.cells]:
        return [f"{name}: the editions have different cells; run `make russian NB=...`"]
    found = []
    for index, (ours, theirs) in enumerate(zip(cells, english.cells, strict=True)):
        where = theirs.metadata.get("key", f"cell {index + 1}")
        if ours.cell_type == "code" and _without_comments(ours.source) != _without_comments(theirs.source):
            found.append(f"{name}: the code of cell {index + 1} differs between the editions; "
                         "edit the English and run `make russian NB=...`")
        if ours.metadata.get("tags") != theirs.metadata.get("tags"):
            found.append(f"{name}: cell {index + 1} ({where}) has other tags in the {LANGUAGE} edition")
    expected = build(paths)
    if not found and [c.source for c in built.cells] != [c.source for c in expected.cells]:
        pairs = enumerate(zip(built.cells, expected.cells, strict=True))
        first = next(index for index, (ours, wanted) in pairs if ours.source != wanted.source)
        key = expected.cells[first].metadata.get("key", "a code cell")
        found.append(f"{name}: cell {first + 1} ({key}) of notebooks/{LANGUAGE}/{paths.edition.name} is not what "
                     "the English and its translation give; run `make russian NB=...`")
    return found


# --- the edition --------------------------------------------------------------------------


def _translate_comments(source: str, catalog: Catalog) -> str:
    lines = source.splitlines()
    for line, column, text in reversed(comments(source)):
        entry = catalog.get(text, context=COMMENT)
        if entry is not None and entry.string and not entry.fuzzy:
            lines[line - 1] = f"{lines[line - 1][:column]}# {entry.string}"
    return "\n".join(lines)


def language_cell(language: str = LANGUAGE) -> nbformat.NotebookNode:
    """The code cell that makes ltvkit (and ``tr()``) speak the edition's language."""
    return nbformat.v4.new_code_cell(f'import ltvkit\n\nltvkit.set_language("{language}")',
                                     metadata={"tags": [LANGUAGE_TAG]})


def build(paths: Edition) -> nbformat.NotebookNode:
    """The Russian edition as a notebook (not executed): translated markdown and comments, the language cell."""
    notebook = copy.deepcopy(jupytext.read(paths.english))
    catalog = read_catalogue(paths.catalogue)
    by_key = {m.context: m for m in catalog if m.id and m.context != COMMENT}
    cells = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            entry = by_key.get(cell.metadata.get("key"))
            if entry is not None and entry.string and not entry.fuzzy and entry.id == cell.source:
                cell.source = entry.string
        elif cell.cell_type == "code":
            if not any(c.cell_type == "code" for c in cells):
                cells.append(language_cell())
            cell.source = _translate_comments(cell.source, catalog)
        cells.append(cell)
    notebook.cells = cells
    return notebook


def write_edition(paths: Edition, *, execute: bool = True) -> float:
    """Write notebooks/ru/NN_slug.py and execute it into its .ipynb; refuse when a translation is missing or stale."""
    problems = translation_problems(paths)
    if problems:
        raise SystemExit("\n".join([*problems, f"{paths.stem}: the {LANGUAGE} edition was not written"]))
    paths.edition.parent.mkdir(parents=True, exist_ok=True)
    jupytext.write(build(paths), paths.edition, fmt="py:percent")
    if not execute:
        return 0.0
    sys.path.insert(0, str(ROOT / "scripts"))
    from execute_notebooks import execute as execute_notebook

    return execute_notebook(paths.edition)


def translated(root: Path = ROOT) -> list[Path]:
    """The English sources that have a catalogue (the notebooks being translated)."""
    return [root / "notebooks" / f"{po.stem}.py" for po in sorted((root / "translations" / LANGUAGE).glob("*.po"))]


def main(argv: list[str]) -> int:
    command, names = (argv[0] if argv else "check"), argv[1:]
    sources = [Path(name).resolve() for name in names] or translated()
    if command == "update":
        for english in sources:
            keys = assign_keys(english)
            new, changed, removed = update_catalogue(Edition.of(english))
            print(f"{english.stem}: {len(keys)} key(s) given; catalogue: {len(new)} new, {len(changed)} changed "
                  f"(marked fuzzy: {changed}), {len(removed)} removed {removed}")
        return 0
    if command == "build":
        for english in sources:
            seconds = write_edition(Edition.of(english))
            print(f"{english.stem}: {LANGUAGE} edition written and executed in {seconds:.1f} s")
        return 0
    if command == "check":
        found = [line for english in sources for paths in [Edition.of(english)]
                 for line in translation_problems(paths) + edition_problems(paths)]
        print("\n".join(found) or f"{len(sources)} notebook(s): translations complete and editions current")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

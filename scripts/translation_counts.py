"""How much English there is to translate, and how much is done: words per notebook and per ltvkit module.

For each English notebook: the words of its markdown cells (and how many of them have a current
Russian translation in ``translations/ru/``), of the text its code prints or draws (string
literals a reader sees: sentences, chart titles and labels; ``tr()`` messages counted apart,
since they are already marked), of its code comments, and of the text outputs stored in its
.ipynb (what the reader reads under the code, ltvkit's own report lines and tables included).
For ltvkit: the words of the marked messages (``ltvkit.po``, translated or not) and, module by
module, of the strings a reader may still see that are not marked yet (string literals with a
space in them, docstrings and attribute docstrings left out).
The counts are for splitting the work among translators, so they are rough by design: a "word"
is a run of letters or digits.

Usage: python scripts/translation_counts.py   (prints markdown tables)
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import jupytext

sys.path.insert(0, str(Path(__file__).resolve().parent))

import catalogues
import notebook_translations as nt

ROOT = nt.ROOT
WORD = re.compile(r"[^\W_]+")
MARKERS = {"_", "N_", "ngettext", "tr", "tr_n"}


def words(text: str) -> int:
    """Words of a text: runs of letters or digits (markdown and punctuation do not count).

    Example:
        >>> words("**ex-01-1.** Another client is billed 250,000 RUB")
        10
    """
    return len(WORD.findall(text))


def _docstrings(tree: ast.AST) -> set[int]:
    """The string literals that stand alone as a statement: docstrings of modules, classes and functions,
    and the attribute docstrings under a constant (Sphinx's convention). No reader sees them printed."""
    return {id(node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)}


def reader_strings(source: str) -> tuple[list[str], list[str]]:
    """(marked, unmarked) strings of Python code a reader may see: marked = the messages of _(), tr() and
    the like; unmarked = other literals with a space and a letter (sentences, labels), docstrings left out.

    Example:
        >>> reader_strings('print(tr("Revenue {x} a year", x=1)); t = "Two numbers"; key = inputs["revenue"]')
        (['Revenue {x} a year'], ['Two numbers'])
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return [], []
    skip, marked, unmarked = _docstrings(tree), [], []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS:
            for argument in node.args[:2]:
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    marked.append(argument.value)
                    skip.add(id(argument))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            text = node.value
            if " " in text.strip() and re.search(r"[A-Za-z]{2}", text) and not text.lstrip().startswith(("%", "<")):
                unmarked.append(text)
    return marked, unmarked


@dataclass
class NotebookCount:
    stem: str
    markdown: int
    markdown_translated: int
    printed_marked: int
    printed_unmarked: int
    comments: int
    outputs: int


def notebook_counts(english: Path) -> NotebookCount:
    notebook = jupytext.read(english)
    paths = nt.Edition.of(english)
    stale = " ".join(nt.translation_problems(paths)) if paths.catalogue.exists() else None
    markdown = translated = marked = unmarked = comments = 0
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            count = words(cell.source)
            markdown += count
            key = cell.metadata.get("key")
            if stale is not None and key and f"cell {key} " not in stale:
                translated += count
        elif cell.cell_type == "code":
            found, loose = reader_strings(cell.source)
            marked += sum(map(words, found))
            unmarked += sum(map(words, loose))
            comments += sum(words(text) for _line, _column, text in nt.comments(cell.source))
    return NotebookCount(english.stem, markdown, translated, marked, unmarked, comments, output_words(english))


def output_words(english: Path) -> int:
    """Words of the text the executed notebook shows under its code cells (printed lines, results as text):
    what a reader of the stored notebook reads, ltvkit's own text included."""
    import json

    executed = english.with_suffix(".ipynb")
    if not executed.exists():
        return 0
    count = 0
    for cell in json.loads(executed.read_text(encoding="utf-8"))["cells"]:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                count += words("".join(output["text"]))
            elif "text/plain" in output.get("data", {}) and not any(
                    kind in output["data"] for kind in ("image/png", "application/vnd.jupyter.widget-view+json")):
                count += words("".join(output["data"]["text/plain"]))
    return count


def ltvkit_counts() -> tuple[int, int, dict[str, int]]:
    """(words of marked messages, of those translated, unmarked reader strings per module)."""
    domain = catalogues.DOMAINS[0]
    catalog = catalogues.read(domain.po("ru"), "ru")
    marked = translated = 0
    for message in catalog:
        if message.id:
            count = sum(map(words, [message.id] if isinstance(message.id, str) else message.id[:1]))
            marked += count
            strings = [message.string] if isinstance(message.string, str) else list(message.string)
            translated += count if all(strings) and not message.fuzzy else 0
    unmarked = {}
    for path in domain.files():
        _found, loose = reader_strings(path.read_text(encoding="utf-8"))
        if loose:
            unmarked[path.relative_to(ROOT).as_posix()] = sum(map(words, loose))
    return marked, translated, unmarked


def main(argv: list[str]) -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    rows = [notebook_counts(path) for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.py"))]
    print("| notebook | markdown words | of them translated | code strings, marked (tr) | code strings, not marked "
          "| comments | words in its text outputs |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(f"| {row.stem} | {row.markdown} | {row.markdown_translated} | {row.printed_marked} | "
              f"{row.printed_unmarked} | {row.comments} | {row.outputs} |")
    total = [sum(getattr(row, name) for row in rows) for name in
             ("markdown", "markdown_translated", "printed_marked", "printed_unmarked", "comments", "outputs")]
    print(f"| **total** | {' | '.join(map(str, total))} |")
    marked, translated, unmarked = ltvkit_counts()
    print(f"\nltvkit: {marked} words in marked messages ({translated} translated); "
          f"{sum(unmarked.values())} words in strings not marked yet:\n")
    print("| module | words not marked |\n|---|---:|")
    for module, count in sorted(unmarked.items(), key=lambda item: -item[1]):
        print(f"| {module} | {count} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Re-execute notebooks from their percent-format sources and write both files of each pair.

For each ``notebooks/NN_slug.py`` given: read it with jupytext, run every cell in a fresh
kernel (working directory ``notebooks/``), normalise what would change from run to run (cell
ids, kernel metadata, how output was split into stream chunks), then write ``NN_slug.ipynb``
with its outputs and rewrite the ``.py`` in jupytext's canonical form. Prints each notebook's
time; exits non-zero on the first error.

Usage: python scripts/execute_notebooks.py notebooks/01_ltv_basics.py [more.py ...]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
TIMEOUT_SECONDS = 120


def normalise(notebook: nbformat.NotebookNode, stem: str) -> None:
    """Give cells stable ids and keep only the metadata that means something to a reader."""
    notebook.metadata = nbformat.from_dict(
        {
            "kernelspec": KERNELSPEC,
            "language_info": {"name": "python"},
            "jupytext": {"formats": "ipynb,py:percent"},
        }
    )
    for index, cell in enumerate(notebook.cells):
        cell.id = f"{stem[:2]}-{index:03d}"
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = coalesce_streams(cell.outputs)
            for output in cell.outputs:
                output.get("metadata", {}).pop("execution", None)


def coalesce_streams(outputs: list) -> list:
    """Join consecutive stdout (or stderr) chunks into one output, as the reader sees them.

    How a kernel splits a print into messages depends on timing; the stored record must not.
    """
    joined: list = []
    for output in outputs:
        previous = joined[-1] if joined else None
        if (output.get("output_type") == "stream" and previous is not None
                and previous.get("output_type") == "stream" and previous.get("name") == output.get("name")):
            previous["text"] = "".join(previous["text"]) + "".join(output["text"])
            continue
        joined.append(output)
    return joined


def execute(source: Path) -> float:
    """Execute one notebook from its .py source and write the pair; return seconds taken."""
    notebook = jupytext.read(source)
    notebook.nbformat, notebook.nbformat_minor = 4, 5
    started = time.perf_counter()
    NotebookClient(
        notebook, timeout=TIMEOUT_SECONDS, kernel_name="python3", resources={"metadata": {"path": str(source.parent)}}
    ).execute()
    seconds = time.perf_counter() - started
    normalise(notebook, source.stem)
    nbformat.validate(notebook)
    nbformat.write(notebook, source.with_suffix(".ipynb"))
    jupytext.write(notebook, source, fmt="py:percent")
    return seconds


def main(paths: list[str]) -> int:
    sources = [Path(p) for p in paths] or sorted(Path("notebooks").glob("[0-9][0-9]_*.py"))
    for source in sources:
        seconds = execute(source)
        print(f"{source.stem}: executed in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

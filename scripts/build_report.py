"""Build the workbook's HTML report in report/: run every notebook, render each as a page, in both editions.

What it does, in order:

1. Starts strict nbval (``pytest --nbval``) over ``notebooks/*.ipynb`` and ``notebooks/ru/*.ipynb``
   in the background: it re-executes the committed notebooks and compares every text output
   with the stored one.
2. Meanwhile executes every ``notebooks/NN_slug.ipynb`` (and every Russian edition
   ``notebooks/ru/NN_slug.ipynb``) from a clean kernel (working directory: the notebook's
   folder), one after the other, with nbclient storing the widgets' state, and times each.
3. Renders each executed notebook with nbconvert's HTML exporter and the template in
   ``scripts/report_site/nbconvert/ltv`` (previous / next / index navigation; solution cells
   folded in a ``<details>`` element). The widgets' saved state is embedded in the page and drawn
   by ``@jupyter-widgets/html-manager`` (fetched once with ``npm pack``, pinned and checked), so
   every slider, result label and calculator plot shows its value at the end of the run, with no
   kernel and no network.
4. Writes ``index.html`` (the course outline: one numbered line per notebook, taken from the
   notebook's own first markdown cell) and ``reproducibility.html`` (package versions, the time
   each notebook took, the nbval result). Executed notebooks are kept in ``report/notebooks/``.
5. Does the same for the Russian edition in ``report/ru/`` (scripts/report_editions.py): every
   page of either edition carries a language switch to the same page in the other.

Exits non-zero, after writing what it could, when a notebook raises or nbval fails.

Usage: python scripts/build_report.py [--out report] [--no-nbval] [NOTEBOOK.ipynb ...]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from report_editions import EDITIONS, SITE, Edition, site_environment, switch_link

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
TIMEOUT_SECONDS = 120
# The widget renderer: ipywidgets' own standalone manager (widget protocol 2, ipywidgets 8).
HTML_MANAGER = "@jupyter-widgets/html-manager"
HTML_MANAGER_VERSION = "1.0.15"
HTML_MANAGER_INTEGRITY = (
    "sha512-5thBIV6ymNgmPVOHvzx+gGy8ZSKmSazhtGw4/c4xJDVzRhG9PTeQsRjF3FUTopvFi//SABeNz1yp47bCrJ3CQA=="
)
HTML_MANAGER_CACHE = ROOT / ".venv" / "share" / "ltv-report" / f"html-manager-{HTML_MANAGER_VERSION}"
HTML_MANAGER_FILES = ("embed.js", "embed.js.LICENSE.txt")
NBVAL_ARGS = ["--nbval", "--nbval-sanitize-with", "nbval_sanitize.cfg", "-p", "no:cacheprovider"]


@dataclass
class Page:
    """One notebook of the course: where it is, what it teaches, how its run went."""

    source: Path
    number: str
    title: str
    learn: str
    edition: Edition = EDITIONS[0]
    counterpart: bool = False  # the other edition has this notebook too
    seconds: float = 0.0
    error: str = ""
    code_cells: int = 0
    calculators: int = 0
    nbval: dict[str, int] = field(default_factory=dict)

    @property
    def stem(self) -> str:
        return self.source.stem

    @property
    def html_name(self) -> str:
        return f"{self.stem}.html"


def outline_entry(notebook_path: Path) -> tuple[str, str, str]:
    """Number, title and "what you will learn" line from a notebook's first markdown cell.

    The first markdown cell starts with ``# NN · Title`` followed by one paragraph saying what
    the reader will be able to do; the index shows exactly that, so it is written only once.
    """
    import nbformat

    notebook = nbformat.read(notebook_path, as_version=4)
    first = next((c for c in notebook.cells if c.cell_type == "markdown"), None)
    number = notebook_path.stem[:2]
    title, learn = notebook_path.stem[3:].replace("_", " "), ""
    if first is None:
        print(f"warning: {notebook_path.name} has no markdown cell; the index shows its file name", file=sys.stderr)
        return number, title, learn
    lines = first.source.strip().splitlines()
    if lines and lines[0].startswith("# "):
        title = re.sub(r"^\d+\s*[·.:-]\s*", "", lines[0][2:].strip())
        lines = lines[1:]
    paragraph: list[str] = []
    for line in lines:
        if line.strip():
            if line.lstrip().startswith(("#", "**", "-", "*", "|")) and not paragraph:
                break
            paragraph.append(line.strip())
        elif paragraph:
            break
    return number, title, " ".join(paragraph)


def fetch_html_manager() -> Path:
    """The standalone widget renderer, fetched once with npm (pinned version, integrity checked)."""
    if all((HTML_MANAGER_CACHE / name).exists() for name in HTML_MANAGER_FILES):
        return HTML_MANAGER_CACHE
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm is needed once to fetch the widget renderer; install it (Debian: apt-get install -y npm)")
    with tempfile.TemporaryDirectory() as tmp:
        packed = subprocess.run(
            [npm, "pack", f"{HTML_MANAGER}@{HTML_MANAGER_VERSION}", "--json", "--pack-destination", tmp],
            check=True, capture_output=True, text=True,
        )
        info = json.loads(packed.stdout)[0]
        if info["integrity"] != HTML_MANAGER_INTEGRITY:
            raise SystemExit(f"{HTML_MANAGER}@{HTML_MANAGER_VERSION}: integrity {info['integrity']} is not pinned")
        staging = Path(tmp) / "dist"
        staging.mkdir()
        with tarfile.open(Path(tmp) / info["filename"]) as tar:
            for member in tar.getmembers():
                name = member.name.removeprefix("package/")
                if name.startswith("dist/") and (name[5:] in HTML_MANAGER_FILES or name.endswith(".woff2")):
                    data = tar.extractfile(member)
                    assert data is not None
                    (staging / Path(name).name).write_bytes(data.read())
        HTML_MANAGER_CACHE.parent.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(HTML_MANAGER_CACHE, ignore_errors=True)
        shutil.copytree(staging, HTML_MANAGER_CACHE)
    return HTML_MANAGER_CACHE


def start_nbval(notebooks: list[Path], junit: Path, log: Path) -> subprocess.Popen[bytes]:
    """Strict nbval over the committed notebooks, in the background (it runs its own kernels)."""
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "pytest", "-q", *NBVAL_ARGS, f"--junitxml={junit}",
             *[str(p.relative_to(ROOT)) for p in notebooks]],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
        )


def read_nbval(junit: Path, pages: list[Page]) -> None:
    """Count nbval's passed / failed / skipped cells per notebook from its JUnit XML."""
    if not junit.exists():
        return
    by_file = {".".join(page.source.relative_to(ROOT).parts): page for page in pages}  # nbval's classname
    for case in ET.parse(junit).getroot().iter("testcase"):
        page = by_file.get(case.get("classname", ""))
        if page is None:
            continue
        outcome = "passed"
        if case.find("failure") is not None or case.find("error") is not None:
            outcome = "failed"
        elif case.find("skipped") is not None:
            outcome = "skipped"
        page.nbval[outcome] = page.nbval.get(outcome, 0) + 1


def count_calculators(notebook: object) -> int:
    """How many displayed widgets in the executed notebook are calculators (CSS class ltv-calculator)."""
    state = notebook.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})  # type: ignore[attr-defined]
    models = state.get("state", {})
    count = 0
    for cell in notebook.cells:  # type: ignore[attr-defined]
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get("application/vnd.jupyter.widget-view+json")
            if view and "ltv-calculator" in models.get(view["model_id"], {}).get("state", {}).get("_dom_classes", []):
                count += 1
    return count


def execute(page: Page) -> object:
    """Run one notebook top to bottom in a fresh kernel; record its time and any error."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    notebook = nbformat.read(page.source, as_version=4)
    page.code_cells = sum(cell.cell_type == "code" for cell in notebook.cells)
    client = NotebookClient(
        notebook, timeout=TIMEOUT_SECONDS, kernel_name="python3", store_widget_state=True,
        resources={"metadata": {"path": str(page.source.parent)}},
    )
    started = time.perf_counter()
    try:
        client.execute()
    except CellExecutionError as error:
        text = re.sub(r"\x1b\[[0-9;]*m", "", str(error)).strip()  # no terminal colours in a web page
        page.error = text.splitlines()[-1] if text else repr(error)
    except Exception as error:  # a kernel that dies or times out is an error of the run too
        page.error = f"{type(error).__name__}: {error}"
    page.seconds = time.perf_counter() - started
    page.calculators = count_calculators(notebook)
    return notebook


def render_page(notebook: object, page: Page, pages: list[Page], out: Path) -> None:
    """Write one notebook as an HTML page with navigation, the language switch and embedded widget state."""
    from nbconvert import HTMLExporter

    index, edition = pages.index(page), page.edition
    nav_html = site_environment(edition.language).get_template("nav.html.j2").render(
        previous=pages[index - 1] if index > 0 else None, next=pages[index + 1] if index + 1 < len(pages) else None,
        switch=switch_link(edition, page.html_name, page.counterpart),
    )
    notebook.metadata["title"] = f"{page.number} · {page.title}"  # type: ignore[attr-defined]
    text = {"solution": edition.gettext("Solution"), "hidden": edition.gettext("Hidden code"),
            "error": edition.gettext("This notebook stopped with an error when the report was built:"),
            "figure": edition.gettext("A figure drawn by the code above")}
    exporter = HTMLExporter(template_name="ltv", extra_template_basedirs=[str(SITE / "nbconvert")],
                            language_code=edition.language)
    resources = {"ltv": {"nav_html": nav_html, "page": page, "static": edition.static, "text": text}}
    body, _ = exporter.from_notebook_node(notebook, resources=resources)
    (out / page.html_name).write_text(body, encoding="utf-8")


def package_versions() -> list[tuple[str, str, str]]:
    """(package, version pinned in requirements-lock.txt, version installed) for every pin."""
    rows = []
    for line in (ROOT / "requirements-lock.txt").read_text(encoding="utf-8").splitlines():
        if "==" not in line or line.startswith("#"):
            continue
        name, pinned = (part.strip() for part in line.split("==", 1))
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = "not installed"
        rows.append((name, pinned, installed))
    return rows


def git_revision() -> tuple[str, bool]:
    """The commit the report was built from, and whether the tree has local changes (the page says so)."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "ltvkit", "notebooks", "data", "translations"],
                               cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "", False  # the page says: unknown (not a git checkout)
    return head, bool(dirty)


def render_site(name: str, out: Path, edition: Edition, **context: object) -> None:
    """Render one of the site's own pages (index, reproducibility) in the edition's language."""
    template = site_environment(edition.language).get_template(f"{name}.j2")
    html = template.render(language=edition.language, static=edition.static,
                           switch=switch_link(edition, name, True), **context)
    (out / name).write_text(html, encoding="utf-8")


def edition_pages(english: list[Path]) -> dict[Edition, list[Page]]:
    """The pages of each edition: the English notebooks given, and the Russian editions of those that have one."""
    stems = {edition: {p.stem for p in edition.notebooks.glob("[0-9][0-9]_*.ipynb")} for edition in EDITIONS}
    pages: dict[Edition, list[Page]] = {}
    for edition in EDITIONS:
        sources = [edition.notebooks / path.name for path in english if (edition.notebooks / path.name).exists()]
        pages[edition] = [Page(source, *outline_entry(source), edition=edition,
                               counterpart=all(source.stem in known for known in stems.values())) for source in sources]
    return pages


def prepare(out: Path) -> None:
    """An empty report folder with the shared assets (widget renderer, stylesheet)."""
    assets = fetch_html_manager()
    shutil.rmtree(out, ignore_errors=True)
    (out / "static").mkdir(parents=True)
    for asset in assets.iterdir():
        shutil.copy2(asset, out / "static" / asset.name)
    shutil.copy2(SITE / "static" / "report.css", out / "static" / "report.css")


def run_pages(pages: list[Page], out: Path) -> None:
    """Execute and render every page of one edition into its folder (executed notebooks in notebooks/)."""
    import nbformat

    (out / "notebooks").mkdir(parents=True, exist_ok=True)
    for page in pages:
        notebook = execute(page)
        nbformat.write(notebook, out / "notebooks" / page.source.name)
        render_page(notebook, page, pages, out)
        status = f"ERROR: {page.error}" if page.error else f"{page.calculators} calculator(s)"
        print(f"{page.edition.folder or 'en'}/{page.stem}: executed in {page.seconds:.1f} s, {status}", flush=True)


def wait_for_nbval(nbval: subprocess.Popen[bytes] | None, junit: Path, log: Path,
                   pages: list[Page]) -> tuple[int | None, str, str]:
    """(exit code, summary line, failure excerpt) of the background nbval run, its counts read into the pages."""
    if nbval is None:
        return None, "not run (--no-nbval)", ""
    code = nbval.wait()
    text = log.read_text(errors="replace") if log.exists() else ""
    lines = [line for line in text.splitlines() if line.strip()]
    summary = lines[-1] if lines else "no output"
    read_nbval(junit, pages)
    print(f"nbval: {summary}", flush=True)
    if code != 0:
        print(text[-6000:], file=sys.stderr)
    return code, summary, _failure_excerpt(text) if code else ""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every notebooks/NN_*.ipynb")
    parser.add_argument("--out", type=Path, default=ROOT / "report")
    parser.add_argument("--no-nbval", action="store_true", help="skip nbval (the page then says it was not run)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    english = sorted(p.resolve() for p in args.notebooks) or sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    if not english:
        print("no notebooks found in notebooks/", file=sys.stderr)
        return 1
    pages = edition_pages(english)
    every_page = [page for edition in EDITIONS for page in pages[edition]]
    out: Path = args.out.resolve()
    prepare(out)
    scratch = Path(tempfile.mkdtemp(prefix="ltv-report-"))
    junit, nbval_log = scratch / "nbval.xml", scratch / "nbval.log"
    nbval = None if args.no_nbval else start_nbval([page.source for page in every_page], junit, nbval_log)
    try:
        for edition in EDITIONS:
            run_pages(pages[edition], edition.out(out))
        nbval_code, nbval_summary, nbval_failures = wait_for_nbval(nbval, junit, nbval_log, every_page)
    finally:
        if nbval is not None and nbval.poll() is None:
            nbval.kill()
            nbval.wait()
        shutil.rmtree(scratch, ignore_errors=True)
    revision, local_changes = git_revision()
    facts = {"python": sys.version.split()[0], "cores": os.cpu_count(), "revision": revision,
             "local_changes": local_changes, "system": f"{platform.system()} {platform.release()} {platform.machine()}",
             "packages": package_versions(), "renderer": f"{HTML_MANAGER} {HTML_MANAGER_VERSION}",
             "renderer_integrity": HTML_MANAGER_INTEGRITY, "nbval_summary": nbval_summary, "nbval_code": nbval_code,
             "nbval_command": "pytest " + " ".join(NBVAL_ARGS) + " notebooks/*.ipynb notebooks/ru/*.ipynb",
             "nbval_failures": nbval_failures}
    for edition in EDITIONS:
        folder = edition.out(out)
        render_site("index.html", folder, edition, pages=pages[edition],
                    untranslated=[p for p in pages[EDITIONS[0]] if not p.counterpart] if edition.folder else [])
        render_site("reproducibility.html", folder, edition, pages=pages[edition],
                    total_seconds=time.perf_counter() - started, **facts)
    failed = [page for page in every_page if page.error]
    print(f"report: {len(every_page)} page(s) written to {out}/index.html in {time.perf_counter() - started:.1f} s")
    for page in failed:
        print(f"FAILED: {page.source.relative_to(ROOT)}: {page.error}", file=sys.stderr)
    if nbval_code not in (None, 0):
        print(f"FAILED: nbval: {nbval_summary}", file=sys.stderr)
    return 1 if failed or nbval_code not in (None, 0) else 0


def _failure_excerpt(log: str, limit: int = 4000) -> str:
    """The "short test summary" of a failed nbval run (or its tail), for the reproducibility page."""
    marker = log.find("short test summary info")
    text = log[marker:] if marker >= 0 else log[-limit:]
    return text[:limit]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

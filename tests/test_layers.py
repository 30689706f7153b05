"""The three layers of ltvkit: the import contract covers every library module, and it does fail.

`lint-imports` (import-linter, configured in pyproject.toml) runs in `make test`; these tests
make sure the contract is complete (a new library module must be listed in it) and strict (a
library module that imports the course breaks it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "ltvkit"
UPPER_LAYERS = {"ltvkit.course", "ltvkit.calculators"}
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _contracts() -> list[dict]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]


def _top_level_modules() -> set[str]:
    modules = {f"ltvkit.{path.stem}" for path in PACKAGE.glob("*.py") if path.stem != "__init__"}
    packages = {f"ltvkit.{path.parent.name}" for path in PACKAGE.glob("*/__init__.py")}
    return modules | packages


def test_library_contract_lists_every_library_module() -> None:
    library = next(c for c in _contracts() if c["name"].startswith("The library"))
    listed = set(library["source_modules"])
    expected = _top_level_modules() - UPPER_LAYERS
    assert listed == expected, (
        f"pyproject.toml's library contract must list every library module; missing {sorted(expected - listed)}, "
        f"not a module {sorted(listed - expected)}"
    )
    assert set(library["forbidden_modules"]) == UPPER_LAYERS


def test_course_contract_forbids_the_calculators() -> None:
    course = next(c for c in _contracts() if c["name"].startswith("The course"))
    assert course["source_modules"] == ["ltvkit.course"] and course["forbidden_modules"] == ["ltvkit.calculators"]


def _lint_copy(tmp_path: Path, module: str, line: str) -> subprocess.CompletedProcess[str]:
    shutil.copytree(PACKAGE, tmp_path / "ltvkit", ignore=shutil.ignore_patterns("data", "__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "ltvkit" / module
    target.write_text(target.read_text() + f"\n{line}\n")
    environment = dict(os.environ, PYTHONPATH=str(tmp_path))
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=tmp_path, env=environment, capture_output=True,
                          text=True, check=False)


def test_the_contract_holds_on_the_package() -> None:
    result = subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_the_contract_fails_when_the_library_imports_the_course(tmp_path: Path) -> None:
    result = _lint_copy(tmp_path, "formulas.py", "import ltvkit.course.school  # noqa")
    assert result.returncode != 0
    assert "The library never imports the course or the calculators BROKEN" in result.stdout
    assert "ltvkit.formulas -> ltvkit.course.school" in result.stdout


def test_the_contract_fails_when_the_course_imports_the_calculators(tmp_path: Path) -> None:
    result = _lint_copy(tmp_path, "course/cases.py", "from ltvkit.calculators import widgets  # noqa")
    assert result.returncode != 0
    assert "The course never imports the calculators BROKEN" in result.stdout

"""Importing ltvkit stays light: no scipy, matplotlib, ipywidgets or pandas at import time."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("scipy", "matplotlib", "ipywidgets", "pandas")


def _imported_modules() -> set[str]:
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import ltvkit"], capture_output=True, text=True, check=True
    )
    modules = set()
    for line in completed.stderr.splitlines():
        # "import time:       self [us] |  cumulative | imported package"
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            if name and name != "imported package":
                modules.add(name)
    return modules


def test_import_ltvkit_loads_no_heavy_package() -> None:
    modules = _imported_modules()
    assert "ltvkit" in modules, "the import-time trace did not list ltvkit"
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY)
    assert not heavy, f"import ltvkit loads {heavy}; import them inside the functions that need them"

"""Importing ltvkit stays light: no scipy, matplotlib, ipywidgets, pandas or Babel (its CLDR data) at import time."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("scipy", "matplotlib", "ipywidgets", "pandas", "babel")


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


def test_import_ltvkit_in_russian_loads_no_heavy_package() -> None:
    """LTVKIT_LANGUAGE=ru chooses the language at import; the catalogue and Babel load on the first message."""
    import os

    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import ltvkit; assert ltvkit.get_language() == 'ru'"],
        capture_output=True, text=True, check=True, env={**os.environ, "LTVKIT_LANGUAGE": "ru"},
    )
    heavy = sorted({line.rsplit("|", 1)[1].strip() for line in completed.stderr.splitlines()
                    if line.startswith("import time:") and "|" in line} & {"babel", "pandas", "scipy"})
    assert not heavy, f"import ltvkit with LTVKIT_LANGUAGE=ru loads {heavy}"

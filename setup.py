"""The wheel's one build step beyond pyproject.toml: compile ltvkit's message catalogues (.po -> .mo).

The ``.po`` files in ``ltvkit/locale/<language>/LC_MESSAGES/`` are the source (a checkout reads
them directly); the wheel ships the compiled ``.mo`` files only, which the standard library's
gettext reads without Babel. Fuzzy (stale) entries are left out, as ``msgfmt`` does.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCatalogues(build_py):
    """build_py, then every ``ltvkit/locale/*/LC_MESSAGES/*.po`` compiled next to the built package."""

    def run(self) -> None:
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        root = Path(__file__).resolve().parent
        for po in sorted((root / "ltvkit" / "locale").glob("*/LC_MESSAGES/*.po")):
            target = Path(self.build_lib) / po.relative_to(root).with_suffix(".mo")
            target.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as source:
                catalog = read_po(source, locale=po.parts[-3])
            with target.open("wb") as compiled:
                write_mo(compiled, catalog, use_fuzzy=False)


setup(cmdclass={"build_py": BuildWithCatalogues})

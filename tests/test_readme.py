"""The README points at files that exist and lists every notebook."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_relative_link_exists() -> None:
    links = re.findall(r"\]\(([^)#\s]+)\)", README)
    local = [link for link in links if not re.match(r"^[a-z]+://", link)]
    assert local, "the README should link the notebooks"
    missing = [link for link in local if not (ROOT / link).exists()]
    assert not missing, f"README links to files that do not exist: {missing}"


def test_every_notebook_is_listed() -> None:
    for notebook in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        assert f"notebooks/{notebook.name}" in README, f"README's notebook list lacks {notebook.name}"


def test_the_readme_figures_are_what_ltvkit_computes() -> None:
    """Each `ltvkit.f(...)  # 123.0 ...` line of the README's first example gives that figure."""
    import ltvkit

    block = README.split("```python", 1)[1].split("```", 1)[0]
    claims = re.findall(r"^(ltvkit\.[^#\n]+?)\s+#\s*(-?[0-9][0-9,.]*)", block, flags=re.MULTILINE)
    assert len(claims) >= 3, "the README's first example should show its figures"
    for expression, figure in claims:
        assert eval(expression, {"ltvkit": ltvkit}) == float(figure.replace(",", "")), expression

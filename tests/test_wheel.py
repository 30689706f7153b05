"""Data ship in the wheel: `pip wheel .`, installed in a fresh venv outside the repository, loads every data set.

The new venv gets ltvkit only from the wheel; numpy, pandas and the rest come from this venv's
site-packages through a path file (a plain path, so this venv's editable ltvkit is not seen), so
the test needs no network. It runs from a temporary folder, away from the repository's ``ltvkit/``.
"""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

LOAD_EVERY_DATA_SET = """
import json, ltvkit
from ltvkit import datasets
from ltvkit.course import school
frames = {
    "cdnow_orders": datasets.cdnow_orders(),
    "cdnow_summary": datasets.cdnow_published_summary(),
    "cdnow_summary_with_transactions": datasets.cdnow_published_summary(with_spend=True),
    "donations": datasets.donations(),
    "fader_hardie_2007_retention": datasets.fader_hardie_retention(),
    "school_orders": school.school_orders(),
    "school_partners": school.school_costs(),
    "school_engagement": school.school_engagement(),
}
print(json.dumps({"file": ltvkit.__file__, "data_dir": str(datasets.DATA_DIR), "names": sorted(datasets.DATASETS),
                  "rows": {name: len(frame) for name, frame in frames.items()}}))
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel of this checkout installed; returns its python."""
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q",
                    "--disable-pip-version-check", "-w", str(folder / "dist")], check=True, capture_output=True)
    wheel = next((folder / "dist").glob("ltvkit-*.whl"))
    venv.EnvBuilder(with_pip=False).create(folder / "venv")
    python = folder / "venv" / "bin" / "python"
    target = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                 check=True, capture_output=True, text=True).stdout.strip())
    (target / "outer_site_packages.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--disable-pip-version-check",
                    "--target", str(target), str(wheel)], check=True, capture_output=True)
    return python


def test_wheel_contains_every_data_file(installed: Path) -> None:
    files = {path.relative_to(ROOT / "ltvkit").as_posix() for path in (ROOT / "ltvkit" / "data").rglob("*")
             if path.is_file() and path.name != ".gitattributes"}
    package = next((installed.parents[1] / "lib").glob("python3*/site-packages/ltvkit"))
    shipped = {path.relative_to(package).as_posix() for path in (package / "data").rglob("*") if path.is_file()}
    assert files <= shipped, f"missing from the wheel: {sorted(files - shipped)}"


def test_installed_wheel_loads_every_data_set(installed: Path, tmp_path: Path) -> None:
    result = subprocess.run([str(installed), "-c", LOAD_EVERY_DATA_SET], cwd=tmp_path, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert str(ROOT) not in loaded["file"] and "site-packages" in loaded["file"], loaded["file"]
    assert str(ROOT) not in loaded["data_dir"]
    assert set(loaded["rows"]) == set(loaded["names"])
    assert loaded["rows"]["cdnow_orders"] == 6919 and loaded["rows"]["school_orders"] == 9466
    assert loaded["rows"]["donations"] == 22
    assert all(rows > 0 for rows in loaded["rows"].values())


SPEAK_RUSSIAN = """
import json, sys
import ltvkit
from ltvkit.checks import check_number
from ltvkit.i18n import LOCALE_DIR, get_language
language_at_import = get_language()
ltvkit.set_language("ru")
try:
    check_number("margin", 2, minimum=0, maximum=1)
except ltvkit.LTVInputError as error:
    message = str(error)
print(json.dumps({"language_at_import": language_at_import, "message": message,
                  "money": ltvkit.format_money(12_000, "RUB"), "babel": "babel.messages.pofile" in sys.modules,
                  "catalogues": sorted(p.relative_to(LOCALE_DIR).as_posix() for p in LOCALE_DIR.rglob("*.*o"))}))
"""


def test_installed_wheel_speaks_russian_from_its_compiled_catalogues(installed: Path, tmp_path: Path) -> None:
    """The wheel ships the .mo files (compiled by setup.py), not the .po sources, and gettext reads them."""
    import os

    from ltvkit.checks import LTVInputError, check_number
    from ltvkit.i18n import using_language
    from ltvkit.money import format_money

    with using_language("ru"), pytest.raises(LTVInputError) as expected:  # this checkout: read from the .po
        check_number("margin", 2, minimum=0, maximum=1)
    with using_language("ru"):
        expected_money = format_money(12_000, "RUB")
    env = {**os.environ, "LTVKIT_LANGUAGE": "ru"}
    result = subprocess.run([str(installed), "-c", SPEAK_RUSSIAN], cwd=tmp_path, capture_output=True, text=True,
                            check=False, env=env)
    assert result.returncode == 0, result.stderr
    spoken = json.loads(result.stdout)
    assert spoken["language_at_import"] == "ru", "LTVKIT_LANGUAGE=ru was not read at import"
    assert spoken["message"] == str(expected.value) and spoken["message"].startswith("Параметр margin")
    assert spoken["money"] == expected_money == "12\xa0000\xa0₽"
    assert not spoken["babel"], "the installed wheel parsed a .po instead of reading its .mo"
    assert spoken["catalogues"] == ["ru/LC_MESSAGES/ltvkit.mo", "ru/LC_MESSAGES/notebooks.mo"]


def test_installed_wheel_runs_the_report_command(installed: Path, tmp_path: Path) -> None:
    """The report notebook ships in the wheel: the command runs from it on a shipped data set."""
    out = str(tmp_path / "out")
    script = ("import sys; from ltvkit.datasets import data_path; from ltvkit.report.command import main; "
              f"sys.exit(main([str(data_path('school_orders')), '--skip-bad-rows', '--out', {out!r}]))")
    # nbconvert's templates are data files of the venv whose site-packages the test venv borrows
    environment = dict(os.environ, JUPYTER_PATH=str(Path(sys.prefix) / "share" / "jupyter"))
    result = subprocess.run([str(installed), "-c", script], cwd=tmp_path, capture_output=True, text=True, check=False,
                            timeout=300, env=environment)
    assert result.returncode == 0, result.stderr
    notebook = json.loads((tmp_path / "out" / "report.ipynb").read_text(encoding="utf-8"))
    assert str(ROOT) not in notebook["metadata"]["papermill"]["input_path"], "the notebook came from the repository"
    assert (tmp_path / "out" / "index.html").stat().st_size > 10_000

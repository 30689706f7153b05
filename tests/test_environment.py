"""The environment files agree: conda's environment.yml pins what the lock pins."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONDA_TO_PYPI = {"matplotlib-base": "matplotlib"}


def _lock() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements-lock.txt").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==", 1)
            pins[name.strip().lower().replace("_", "-")] = version.strip()
    return pins


def _conda() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        match = re.match(r"^\s+-\s+([A-Za-z0-9_.-]+)=([^=\s]+)\s*$", line)
        if match:
            name = CONDA_TO_PYPI.get(match[1], match[1]).lower().replace("_", "-")
            pins[name] = match[2]
    return pins


def test_environment_and_lock_agree() -> None:
    lock, conda = _lock(), _conda()
    shared = sorted(set(lock) & set(conda))
    assert len(shared) >= 10, f"environment.yml should pin the main packages; shares only {shared}"
    disagree = {name: (conda[name], lock[name]) for name in shared if conda[name] != lock[name]}
    assert not disagree, f"environment.yml and requirements-lock.txt disagree (conda, lock): {disagree}"


def test_environment_installs_the_package() -> None:
    assert "- -e ." in (ROOT / "environment.yml").read_text()


def test_lock_pins_every_line() -> None:
    for line in (ROOT / "requirements-lock.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            assert re.match(r"^[A-Za-z0-9_.-]+==[^=\s]+$", line), f"not an exact pin: {line!r}"

"""Every test, doctest and nbval kernel starts in English, whatever $LTVKIT_LANGUAGE says in the shell.

The English edition is the source and its stored outputs are English; a translator who set
LTVKIT_LANGUAGE=ru for their own work must not see every doctest fail. Russian is tested where
a test (or a Russian notebook's language cell) asks for it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


def pytest_configure(config: pytest.Config) -> None:
    os.environ.pop("LTVKIT_LANGUAGE", None)  # kernels started by nbval inherit the environment


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    from ltvkit.i18n import using_language

    with using_language("en"):
        yield

"""Fixtures of the browser tests: Debian's Chromium, a JupyterLab server, the screenshot folder.

Chromium is Debian's (``make chromium`` installs it); Playwright never downloads a browser.
Every page may reach only 127.0.0.1 and local files. The JupyterLab server runs on 127.0.0.1
with a random token, over a temporary copy of the notebooks (Lab autosaves) with its own
configuration folders, and is stopped by its PID at the end of the session.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from ltv_ui import CHROMIUM, CHROMIUM_ARGS, ROOT, VENV_BIN, Server, free_port, isolated_environment, only_local

SCREENSHOTS: list[Path] = []


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make chromium` (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page (own context) that can reach only 127.0.0.1 and local files."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.route("**/*", only_local)
    new_page = context.new_page()
    new_page.set_default_timeout(30_000)
    yield new_page
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Where the tests save their screenshots: $LTV_SCREENSHOTS, or a new temporary folder."""
    folder = Path(os.environ.get("LTV_SCREENSHOTS") or tempfile.mkdtemp(prefix="ltv-screenshots-"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def record_screenshots() -> Any:
    return SCREENSHOTS.extend


@pytest.fixture(scope="session")
def voila(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app as ``make app`` serves it (scripts/serve_app.py's arguments), over a copy of app/, with a token."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("serve_app", ROOT / "scripts" / "serve_app.py")
    serve_app = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(serve_app)
    base = tmp_path_factory.mktemp("voila")
    shutil.copytree(ROOT / "app", base / "app")
    port, token = free_port(), secrets.token_urlsafe(24)
    server = Server.start(
        [str(VENV_BIN / "voila"), *serve_app.voila_arguments(base / "app", port, token)],
        cwd=base, env=isolated_environment(base), base_url=f"http://127.0.0.1:{port}",
        ready_path="/voila/static/voila.js", log=base / "voila.log", token=token,
    )
    yield server
    server.stop()


@pytest.fixture(scope="session")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """JupyterLab on 127.0.0.1 over a temporary copy of notebooks/ (the Russian editions in notebooks/ru/) and data/."""
    base = tmp_path_factory.mktemp("jupyterlab")
    root = base / "root"
    (root / "notebooks").mkdir(parents=True)
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "notebooks").glob("ru/*.ipynb")):
        target = root / notebook.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(notebook, target)
    if (ROOT / "data").is_dir():
        shutil.copytree(ROOT / "data", root / "data")
        (root / "notebooks" / "data").symlink_to("../data")  # ../data seen from notebooks/ru, as in the repository
    port, token = free_port(), secrets.token_hex(16)
    server = Server.start(
        [str(VENV_BIN / "jupyter-lab"), "--allow-root", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--IdentityProvider.token={token}", "--LabApp.extension_manager=readonly",
         "--LabApp.expose_app_in_browser=True"],
        cwd=root, env=isolated_environment(base), base_url=f"http://127.0.0.1:{port}",
        ready_path=f"/api/status?token={token}", log=base / "jupyterlab.log", token=token,
    )
    yield server
    server.stop()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if SCREENSHOTS:
        terminalreporter.write_sep("-", f"{len(SCREENSHOTS)} screenshots in {SCREENSHOTS[0].parent}")
        for path in SCREENSHOTS:
            terminalreporter.write_line(f"  {path.name}")

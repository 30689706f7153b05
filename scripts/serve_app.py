"""Serve the app (``app/``: the calculators and "Your data") with Voila on 127.0.0.1, behind a token made for this run.

``make app`` runs this. It prints the address to open (with the token) and replaces itself with
Voila, so Ctrl-C stops the server. Only this machine can connect (127.0.0.1), and only with the
token: any other local process that tries to start a kernel gets "403 Forbidden". The browser
tests (tests/ui) start Voila with the same arguments (:func:`voila_arguments`).

Uploads: ``app/voila.json`` raises tornado's websocket message limit to 200 MiB, so a file up to
that size reaches the kernel, where the "Your data" page refuses anything over its own limit
(50 MB, ``ltvkit.calculators.UPLOAD_LIMIT_MB``) with a message next to the upload.

Usage: python scripts/serve_app.py [--port 8866]
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app"


def voila_arguments(app_dir: Path, port: int, token: str) -> list[str]:
    """Voila's command-line arguments for the app folder: local only, token, progressive rendering, voila.json."""
    return [
        str(app_dir), "--no-browser", "--Voila.ip=127.0.0.1", f"--port={port}", "--Voila.port_retries=0",
        f"--token={token}", "--progressive_rendering=True", f"--Voila.config_file_paths={app_dir}",
    ]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8866)
    args = parser.parse_args(argv)
    token = secrets.token_urlsafe(24)
    voila = Path(sys.executable).with_name("voila")
    from ltvkit.course import tr  # in the language of LTVKIT_LANGUAGE, as the app

    print(tr("The LTV app (this run's token): {address}/?token={token}\n"
             "  calculators: {address}/voila/render/calculators.ipynb?token={token}\n"
             "  your data:   {address}/voila/render/your_data.ipynb?token={token}\n"
             "Ctrl-C stops it.", address=f"http://127.0.0.1:{args.port}", token=token), flush=True)
    os.execv(voila, [str(voila), *voila_arguments(APP, args.port, token)])
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

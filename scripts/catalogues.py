"""ltvkit's message catalogues (gettext, with Babel): extract the marked messages, update the .po files, check them.

Three catalogues (gettext domains), each with one ``.po`` per language: ltvkit's two
(``ltvkit.i18n.DOMAINS``, in ``ltvkit/locale/<language>/LC_MESSAGES/``) and the report's:

- ``ltvkit``: every message the package marks with ``_()``, ``N_()`` or ``ngettext()``
  (``ltvkit/**/*.py``);
- ``notebooks``: every message the notebooks' code prints through ``tr()`` / ``tr_n()``
  (``notebooks/NN_slug.py``, the English sources; the Russian editions have the same code), and
  the app's pages (``app/calculators.py``, ``app/your_data.py``);
- ``report``: the words of the HTML report's own pages (``scripts/report_site``, with
  ``%(name)s`` placeholders as Jinja's i18n extension has them); its ``.po`` is
  ``scripts/report_site/locale/ru/LC_MESSAGES/report.po``.

``update`` re-extracts the messages and merges them into each ``.po`` as ``msgmerge`` does: a
translation whose English is unchanged is kept; a message whose English changed keeps its old
translation marked fuzzy (with the previous English, so the translator sees what changed); a
message that is gone is dropped. ``check`` lists what is wrong: a ``.po`` out of date with the
sources, a message with no translation, a fuzzy one, a translation whose ``{placeholders}``
differ from the English. The ``.mo`` files are compiled by the wheel's build (``setup.py``);
in a checkout ltvkit reads the ``.po`` directly.

Usage:
    python scripts/catalogues.py update   # after marking, changing or removing a message
    python scripts/catalogues.py check    # exit 1 and say what is wrong (make test runs it as a test)
"""

from __future__ import annotations

import ast
import io
import re
import string
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE_DIR = ROOT / "ltvkit" / "locale"
TRANSLATED = ("ru",)  # every language but English, the source language
WIDTH = 100


@dataclass(frozen=True)
class Domain:
    """One catalogue: its name, where its messages are marked, the marking functions, where its .po files live."""

    name: str
    sources: tuple[str, ...]  # glob patterns relative to the repository
    keywords: dict[str, tuple[int, ...] | None]
    folder: str = "ltvkit/locale"

    def files(self) -> list[Path]:
        return sorted({path for pattern in self.sources for path in ROOT.glob(pattern)})

    def po(self, language: str) -> Path:
        return ROOT / self.folder / language / "LC_MESSAGES" / f"{self.name}.po"


DOMAINS = (
    Domain("ltvkit", ("ltvkit/*.py", "ltvkit/**/*.py"), {"_": None, "N_": None, "ngettext": (1, 2)}),
    Domain("notebooks", ("notebooks/[0-9][0-9]_*.py", "app/calculators.py", "app/your_data.py",
                         "scripts/serve_app.py"),
           {"tr": None, "tr_n": (1, 2)}),
    Domain("report", ("scripts/build_report.py", "scripts/report_site/**/*.j2"),
           {"_": None, "gettext": None, "ngettext": (1, 2)}, folder="scripts/report_site/locale"),
)
EXTRACTORS = {".py": "python", ".j2": "jinja2.ext:babel_extract"}


def template(domain: Domain) -> Catalog:
    """The messages the sources mark now, with the file each one is in (a .pot, in memory)."""
    catalog = Catalog(domain=domain.name, project="ltvkit", fuzzy=False)
    for path in domain.files():
        relative = path.relative_to(ROOT).as_posix()
        for lineno, message, comments, context in extract_from_file(
            EXTRACTORS[path.suffix], str(path), keywords=domain.keywords, comment_tags=("TRANSLATORS:",)
        ):
            catalog.add(message, locations=[(relative, lineno)], auto_comments=comments, context=context)
    return catalog


def read(path: Path, language: str) -> Catalog:
    with path.open("rb") as source:
        return read_po(source, locale=language)


def render(catalog: Catalog) -> bytes:
    """A catalogue as the bytes of its .po: grouped by file, no line numbers (so moving code changes nothing)."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, sort_by_file=True, ignore_obsolete=True, include_previous=True,
             include_lineno=False)
    return buffer.getvalue()


def merged(domain: Domain, language: str) -> Catalog:
    """The language's catalogue merged with what the sources mark now (nothing written)."""
    path = domain.po(language)
    fresh = template(domain)
    if path.exists():
        catalog = read(path, language)
        fresh.creation_date = catalog.creation_date
        catalog.update(fresh, update_creation_date=False)
    else:
        catalog = Catalog(locale=language, domain=domain.name, project="ltvkit", version="0.1.0", fuzzy=False,
                          header_comment=f"# {domain.name}: ltvkit's {language} messages; `make catalogues` updates "
                                         "this file from the sources (CONTRIBUTING.md, Translating).",
                          last_translator="the LTV workbook", language_team=language, revision_date=fresh.creation_date,
                          creation_date=fresh.creation_date, msgid_bugs_address="the workbook's issues")
        catalog.update(fresh)
    return catalog


def update(domains: Iterable[Domain] = DOMAINS) -> list[Path]:
    """Rewrite every .po from the sources; return the files that changed."""
    changed = []
    for domain in domains:
        for language in TRANSLATED:
            path = domain.po(language)
            text = render(merged(domain, language))
            if not path.exists() or path.read_bytes() != text:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(text)
                changed.append(path)
    return changed


def placeholders(text: str) -> set[str]:
    """The ``{name}`` fields of a message (format specs and conversions included), or its ``%(name)s`` ones."""
    fields = set(re.findall(r"%\(\w+\)[sd]", text))
    for _literal, name, spec, conversion in string.Formatter().parse(text):
        if name is not None:
            fields.add(f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}")
    return fields


def _message_problems(message: Message, where: str) -> list[str]:
    english = message.id if isinstance(message.id, str) else message.id[0]
    ids = [message.id] if isinstance(message.id, str) else list(message.id)
    strings = [message.string] if isinstance(message.string, str) else list(message.string or ())
    if message.fuzzy:
        return [f"{where}: {english!r} is marked fuzzy: its English changed; revise the translation "
                "(`make catalogues` writes the previous English in #| lines) and remove the fuzzy flag"]
    if not strings or not all(strings):
        return [f"{where}: {english!r} has no translation"]
    wanted = set().union(*(placeholders(text) for text in ids))
    return [f"{where}: the translation of {english!r} has placeholders {sorted(placeholders(text))}; "
            f"the English has {sorted(wanted)}" for text in strings if placeholders(text) != wanted]


def problems(domains: Iterable[Domain] = DOMAINS) -> list[str]:
    """Everything wrong with the catalogues, one line each (empty when they are complete and current)."""
    found = []
    for domain in domains:
        found += [f"{path}: {error}" for path, error in unmarkable_calls(domain)]
        for language in TRANSLATED:
            path = domain.po(language)
            where = path.relative_to(ROOT).as_posix()
            if not path.exists():
                found.append(f"{where} is missing; run `make catalogues`")
                continue
            if path.read_bytes() != render(merged(domain, language)):
                current = {message.id for message in read(path, language) if message.id}
                marked = {message.id for message in template(domain) if message.id}
                new = sorted(map(str, marked - current))[:5]
                gone = sorted(map(str, current - marked))[:5]
                found.append(f"{where} is out of date with the sources (new: {new}; gone: {gone}); "
                             "run `make catalogues`")
            for message in read(path, language):
                if message.id:
                    found += _message_problems(message, where)
    return found


def unmarkable_calls(domain: Domain) -> list[tuple[str, str]]:
    """Calls of a marking function whose message is an f-string or a sum: extraction cannot see them."""
    found = []
    for path in (path for path in domain.files() if path.suffix == ".py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in domain.keywords
                    and node.args and isinstance(node.args[0], (ast.JoinedStr, ast.BinOp))):
                found.append((f"{path.relative_to(ROOT).as_posix()}:{node.lineno}",
                              f"{node.func.id}() needs a literal message with {{placeholders}}, not an f-string"))
    return found


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        for path in update():
            print(f"updated {path.relative_to(ROOT)}")
        command = "check"
    if command == "check":
        found = problems()
        for line in found:
            print(line)
        print(f"{len(found)} problem(s) in the message catalogues" if found else "message catalogues: complete")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

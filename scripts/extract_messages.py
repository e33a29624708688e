#!/usr/bin/env python3
"""The theme's translatable strings: extract them, update the catalogs, compile.

    python scripts/extract_messages.py          # update every .po, compile every .mo
    python scripts/extract_messages.py --check  # exit 1 if anything is out of date

Strings come from the templates (``_()`` and ``{% trans %}``, read with Jinja's
own extractor) and from ``_()`` calls in the theme's Python modules: see
piccolo_theme/i18n.py, which also adds them to the ``gettext`` builder's output. Each
language's ``piccolo_theme/locale/<lang>/LC_MESSAGES/sphinx.po`` keeps its
translations; new strings are added untranslated (the tests then fail until
someone translates them), strings no longer used are dropped. ``.mo`` files are
compiled with Babel, which Sphinx itself depends on.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from piccolo_theme import i18n  # noqa: E402  (this checkout's theme, not an installed one)

THEME = ROOT / "piccolo_theme"
LOCALE = THEME / "locale"
DOMAIN = "sphinx"  # the catalog the theme's strings join (see piccolo_theme/__init__.py)


def messages() -> dict[str, list[tuple[str, int]]]:
    """Every theme string, with where it is used (paths relative to the repository)."""
    return {
        message: [(path.relative_to(ROOT).as_posix(), line) for path, line in locations]
        for message, locations in i18n.messages().items()
    }


def languages() -> list[str]:
    return sorted(p.name for p in LOCALE.iterdir() if (p / "LC_MESSAGES" / f"{DOMAIN}.po").is_file())


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(path: Path) -> Catalog:
    with path.open("rb") as f:
        return read_po(f)


def updated_po(language: str, found: dict[str, list[tuple[str, int]]]) -> bytes:
    old = read_catalog(po_path(language))
    new = Catalog(
        locale=language,
        domain=DOMAIN,
        project="piccolo_theme",
        version="1",
        msgid_bugs_address="https://github.com/piccolo-orm/piccolo_theme/issues",
        # Fixed, so that regenerating unchanged catalogs changes nothing.
        creation_date=old.creation_date,
        revision_date=old.revision_date,
        last_translator=old.last_translator,
        language_team=old.language_team,
        fuzzy=False,
    )
    new.header_comment = (
        f"# {language} translations of piccolo_theme's own strings.\n"
        "# Distributed under the same licence as piccolo_theme (MIT).\n"
        "# Edit msgstr lines only; scripts/extract_messages.py rewrites the rest."
    )
    for message, locations in found.items():
        previous = old.get(message)
        new.add(
            message,
            previous.string if previous is not None else "",
            locations=locations,
            flags=("python-format",) if "%" in message else (),
        )
    out = io.BytesIO()
    write_po(out, new, width=88, omit_header=False, sort_output=True)
    return out.getvalue()


def compiled_mo(po: bytes) -> bytes:
    out = io.BytesIO()
    write_mo(out, read_po(io.BytesIO(po)), use_fuzzy=False)
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale files")
    parser.add_argument("--new", metavar="LANG", help="start a catalog for another language")
    args = parser.parse_args()

    if args.new:
        path = po_path(args.new)
        path.parent.mkdir(parents=True, exist_ok=True)
        out = io.BytesIO()
        write_po(out, Catalog(locale=args.new, domain=DOMAIN, project="piccolo_theme"))
        path.write_bytes(out.getvalue())

    found = messages()
    stale = []
    for language in languages():
        po = updated_po(language, found)
        mo = compiled_mo(po)
        for path, content in ((po_path(language), po), (po_path(language).with_suffix(".mo"), mo)):
            if path.is_file() and path.read_bytes() == content:
                continue
            stale.append(path)
            if not args.check:
                path.write_bytes(content)
        catalog = read_po(io.BytesIO(po))
        untranslated = [m for m in found if not getattr(catalog.get(m), "string", "")]
        for message in untranslated:
            print(f"{language}: untranslated: {message!r}", file=sys.stderr)
    for path in stale:
        print(("stale: " if args.check else "wrote: ") + str(path.relative_to(ROOT)))
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())

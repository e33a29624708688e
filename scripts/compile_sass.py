"""Compile ``sass/piccolo_theme.scss`` with libsass into the shipped stylesheet.

The dark modes' code colours, generated from a Pygments style by
``piccolo_theme.highlighting``, are appended to it: they are CSS already, and in
the same file they cost a page no extra request.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import sass

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from piccolo_theme import highlighting  # noqa: E402

SOURCE = ROOT / "sass" / "piccolo_theme.scss"
TARGET = ROOT / "piccolo_theme" / "static" / "piccolo_theme.css"


def compile_css() -> str:
    css = sass.compile(filename=str(SOURCE), output_style="compressed")
    # CSS is SCSS too: libsass minifies the generated rules like the rest.
    dark = sass.compile(string=highlighting.dark_css(), output_style="compressed")
    return css.strip() + "\n" + dark.strip() + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if the committed CSS is stale")
    args = parser.parse_args()
    css = compile_css()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != css:
            print(f"{TARGET.relative_to(ROOT)} is stale: run scripts/compile-sass", file=sys.stderr)
            return 1
        return 0
    if not TARGET.exists() or TARGET.read_text(encoding="utf-8") != css:
        TARGET.write_text(css, encoding="utf-8")
        print(f"wrote {TARGET.relative_to(ROOT)} ({len(css.encode())} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

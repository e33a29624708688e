"""Compile ``sass/piccolo_theme.scss`` with libsass into the shipped stylesheet.

Two partials are generated from their owners in Python, never edited by hand:

* ``sass/_facts.scss`` from ``piccolo_theme/facts.py``: the modes, breakpoints
  and widths the stylesheet shares with the Python, templates and JavaScript;
* ``sass/_code-dark.scss`` from ``piccolo_theme/highlighting.py``: the dark
  modes' code colours, a Pygments style inside the ``when-dark`` mixin. In the
  same stylesheet they cost a page no extra request.

They are written to ``sass/`` for readers, but the compile takes them from
memory, so a stale copy on disk can never reach the stylesheet. ``--check``
fails when the CSS or either partial is stale.

``sass/piccolo_theme_notebooks.scss`` compiles the same way into a small
stylesheet that only pages with notebook cells load (piccolo_theme/notebooks.py).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import sass

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from piccolo_theme import facts, highlighting  # noqa: E402

SASS = ROOT / "sass"
SOURCE = SASS / "piccolo_theme.scss"
TARGET = ROOT / "piccolo_theme" / "static" / "piccolo_theme.css"
# The version menu's stylesheet: a file of its own, loaded only where a site has versions.
VERSIONS_SOURCE = SASS / "piccolo_theme_versions.scss"
VERSIONS_TARGET = ROOT / "piccolo_theme" / "static" / "piccolo_theme_versions.css"
# The search panel's own stylesheet, which piccolo_theme_search.js loads on the
# search box's first focus (it defines no custom property: the page's own do).
SEARCH_SOURCE = SASS / "piccolo_theme_search.scss"
SEARCH_TARGET = ROOT / "piccolo_theme" / "static" / "piccolo_theme_search.css"
# The notebook stylesheet: loaded only by pages with notebook cells (notebooks.py).
NOTEBOOKS_SOURCE = SASS / "piccolo_theme_notebooks.scss"
NOTEBOOKS_TARGET = ROOT / "piccolo_theme" / "static" / "piccolo_theme_notebooks.css"


def facts_scss() -> str:
    attribute, value = facts.DARK_CODE_OFF
    return "\n".join(
        (
            f"$modes: {', '.join(facts.MODES)};",
            f"$dark-modes: {', '.join(facts.DARK_MODES)};",
            f"$narrow: {facts.NARROW_REM:g}rem;",
            f"$wide: {facts.WIDE_REM:g}rem;",
            f"$content-width: {facts.CONTENT_WIDTH_REM:g}rem;",
            f"$sidebar-width: {facts.SIDEBAR_WIDTH_REM:g}rem;",
            f"$header-height: {facts.HEADER_HEIGHT_REM:g}rem;",
            f"$dark-code-off: '[{attribute}=\"{value}\"]';",
            f"$scripted: '[{facts.SIDEBAR_ATTRIBUTE}]';",
            f"$sidebar-hidden: '[{facts.SIDEBAR_ATTRIBUTE}=\"{facts.SIDEBAR_STATES[1]}\"]';",
        )
    )


#: Import name -> (the file it is generated from, the generator).
GENERATED: dict[str, tuple[str, Callable[[], str]]] = {
    "facts": ("piccolo_theme/facts.py", facts_scss),
    "code-dark": ("piccolo_theme/highlighting.py", highlighting.dark_scss),
}


def partial(name: str) -> Path:
    return SASS / f"_{name}.scss"


def generated() -> dict[str, str]:
    """Each generated partial's text, by import name."""
    return {
        name: f"// Generated from {owner} by scripts/compile_sass.py: do not edit.\n{make().strip()}\n"
        for name, (owner, make) in GENERATED.items()
    }


def compile_css(partials: dict[str, str] | None = None, source: Path = SOURCE) -> str:
    """The stylesheet, with ``partials`` (by default the fresh generated ones)
    standing in for the files of those names."""
    sources = generated() if partials is None else partials

    def importer(path: str) -> list[tuple[str, str]] | None:
        return [(path, sources[path])] if path in sources else None

    css = sass.compile(filename=str(source), output_style="compressed", importers=[(0, importer)])  # type: ignore[attr-defined]
    return css.strip() + "\n"


def compile_versions_css(partials: dict[str, str] | None = None) -> str:
    return compile_css(partials, VERSIONS_SOURCE)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if the CSS or a generated partial is stale")
    args = parser.parse_args()
    partials = generated()
    wanted = {partial(name): text for name, text in partials.items()}
    wanted[TARGET] = compile_css(partials)
    wanted[VERSIONS_TARGET] = compile_versions_css(partials)
    wanted[SEARCH_TARGET] = compile_css(partials, SEARCH_SOURCE)
    wanted[NOTEBOOKS_TARGET] = compile_css(partials, NOTEBOOKS_SOURCE)
    stale = [path for path, text in wanted.items() if not path.exists() or path.read_text(encoding="utf-8") != text]
    if args.check:
        for path in stale:
            print(f"{path.relative_to(ROOT)} is stale: run scripts/compile-sass", file=sys.stderr)
        return 1 if stale else 0
    for path in stale:
        path.write_text(wanted[path], encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)} ({len(wanted[path].encode())} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

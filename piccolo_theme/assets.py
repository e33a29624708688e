"""The files the theme adds to every page besides its stylesheet, and the
cache key of the files its scripts load themselves."""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

from piccolo_theme import facts
from piccolo_theme.per_build import PerBuild

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from piccolo_theme.options import ThemeOptions

#: The banner's script: only sites with a banner load it.
BANNER_SCRIPT = "piccolo_theme_banner.js"

#: The static files the theme's JavaScript loads by URL (on the search box's
#: first focus, or when the version menu first shows). Sphinx writes no tag
#: for them, so it adds no ``?v=`` key: the theme adds :func:`lazy_query`.
#: Files added with ``add_js_file``/``add_css_file`` get Sphinx's own key.
LAZY_FILES = ("piccolo_theme_search.js", "piccolo_theme_search.css", "piccolo_theme_versions.css")

# Builders whose pages may not have a query in a local URL (Sphinx leaves its
# own key out for them too).
_NO_QUERY = frozenset({"epub", "htmlhelp"})

# Per build: the files may change between two builds by one application.
_KEYS: PerBuild[None, str] = PerBuild()


def lazy_query(builder: Builder) -> str:
    """``?v=<key>`` for every URL of :data:`LAZY_FILES`, or ``""``.

    One key for all of them, a CRC-32 of their content as served (a copy in
    ``html_static_path`` replaces the theme's): a script may build the URL of
    its stylesheet from its own, and any change to any of them changes the
    key. Sphinx copies the static files before it writes the pages; computed
    once per build.
    """
    if builder.name in _NO_QUERY:
        return ""
    return f"?v={_KEYS.get(builder, None, lambda: _key(builder))}"


def _key(builder: Builder) -> str:
    crc = 0
    for name in LAZY_FILES:
        served = builder.outdir / "_static" / name
        crc = zlib.crc32((served if served.is_file() else facts.STATIC_DIR / name).read_bytes(), crc)
    return f"{crc:08x}"


def add_files(app: Sphinx, options: ThemeOptions) -> None:
    """Called once our options are loaded (see ``setup``), only when the theme is ours."""
    # Deferred: they only enhance a page that already works without them. The
    # banner's first: the main script shows the current page in the sidebar,
    # whose height depends on how much of the banner shows.
    if options.banner_text:
        app.add_js_file(BANNER_SCRIPT, loading_method="defer")
    app.add_js_file("piccolo_theme.js", loading_method="defer")

"""The files the theme adds to every page besides its stylesheet."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from piccolo_theme.options import ThemeOptions

#: The banner's script: only sites with a banner load it.
BANNER_SCRIPT = "piccolo_theme_banner.js"


def add_files(app: Sphinx, options: ThemeOptions) -> None:
    """Called once our options are loaded (see ``setup``), only when the theme is ours."""
    # Deferred: they only enhance a page that already works without them. The
    # banner's first: the main script shows the current page in the sidebar,
    # whose height depends on how much of the banner shows.
    if options.banner_text:
        app.add_js_file(BANNER_SCRIPT, loading_method="defer")
    app.add_js_file("piccolo_theme.js", loading_method="defer")

"""The files the theme adds to every page besides its stylesheet."""

from __future__ import annotations

from typing import TYPE_CHECKING

from piccolo_theme import settings

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def on_builder_inited(app: Sphinx) -> None:
    options = settings.theme_options(app)
    if options is None:
        return
    # Deferred: it only enhances a page that already works without it.
    app.add_js_file("piccolo_theme.js", loading_method="defer")

"""The files the theme adds to every page besides its stylesheet."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from piccolo_theme import highlighting, settings

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def on_builder_inited(app: Sphinx) -> None:
    options = settings.theme_options(app)
    if options is None:
        return
    # Deferred: it only enhances a page that already works without it.
    app.add_js_file("piccolo_theme.js", loading_method="defer")
    if not options.dark_mode_code_blocks:
        return
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    (static / highlighting.FILENAME).write_text(highlighting.dark_css(), encoding="utf-8")
    app.add_css_file(highlighting.FILENAME)

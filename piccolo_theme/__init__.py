"""piccolo_theme: a legible, light and accessible Sphinx theme.

Use it with ``html_theme = "piccolo_theme"``; listing it in ``extensions`` works
too. :func:`setup` is the table of contents of what the theme adds to Sphinx.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from piccolo_theme import assets, compat, context, i18n, navigation, settings, signatures, tables

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "1.0.0"

THEME_DIR = Path(__file__).resolve().parent
LOCALE_DIR = THEME_DIR / "locale"


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_html_theme("piccolo_theme", str(THEME_DIR))
    # Our strings join Sphinx's own catalogue, so ``_()`` in templates finds them.
    app.add_message_catalog("sphinx", str(LOCALE_DIR))

    app.connect("builder-inited", settings.on_builder_inited)
    app.connect("builder-inited", assets.on_builder_inited)
    app.connect("builder-inited", i18n.on_builder_inited)
    app.connect("env-updated", navigation.on_env_updated)
    app.connect("html-page-context", compat.on_html_page_context)
    # Late, so the page values it keeps are those other handlers leave.
    app.connect("html-page-context", context.on_html_page_context, priority=600)
    app.add_post_transform(tables.WrapTables)
    signatures.setup(app)

    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }

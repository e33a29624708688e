"""Sphinx's output made the same on every supported version.

Sphinx 7.4 and 8.0 build the canonical URL (``html_baseurl``) as
``<page>.html`` even under ``dirhtml``, where that file does not exist;
Sphinx 8.1 fixed this by using the builder's own URL for the page. We apply
the fixed rule on every version, so a canonical link always points at a page.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING, Any

from piccolo_theme import settings

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx


def on_html_page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    if settings.theme_options(app) is None or not context.get("pageurl"):
        return
    context["pageurl"] = posixpath.join(app.config.html_baseurl, app.builder.get_target_uri(pagename))

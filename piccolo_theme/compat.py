"""Sphinx's output made the same on every supported version.

Sphinx 7.4 and 8.0 build the canonical URL (``html_baseurl``) as
``<page>.html`` even under ``dirhtml``, where that file does not exist;
Sphinx 8.1 fixed this by using the builder's own URL for the page. We apply
the fixed rule on every version, so a canonical link always points at a page.

This sets a context value Sphinx's template reads, not HTML: it runs from the
theme's ``html-page-context`` handler (``context.on_html_page_context``).
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def canonical_url(app: Sphinx, pagename: str, context: dict[str, Any]) -> None:
    """Point ``pageurl`` (the canonical link) at the page's own URL under ``html_baseurl``."""
    if not context.get("pageurl"):
        return
    context["pageurl"] = posixpath.join(app.config.html_baseurl, app.builder.get_target_uri(pagename))

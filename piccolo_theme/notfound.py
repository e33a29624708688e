"""sphinx-notfound-page's 404 page, which a server returns for a missing URL at
any depth (``/en/latest/a/b/missing.html``), so every link on it must be absolute.

The extension makes them so by replacing the page's ``pathto`` (and ``css_tag``,
``js_tag``, ``toctree``) with versions that prefix ``notfound_urls_prefix``, from
its ``html-page-context`` handler (priority 400, before the theme's). The theme
builds its own links in two places that do not go through ``pathto``: the left
sidebar (navigation.py, relative links from the builder) and the document's
``content_root`` (which Sphinx's scripts read). On that page both use the
extension's rule instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

EXTENSION = "notfound.extension"


def is_404_page(app: Sphinx, pagename: str) -> bool:
    return EXTENSION in app.extensions and pagename == app.config.notfound_pagename


def content_root(app: Sphinx) -> str:
    """The site's root as the extension writes it: ``notfound_urls_prefix``, else ``/``."""
    prefix = app.config.notfound_urls_prefix or "/"
    return prefix if prefix.endswith("/") else prefix + "/"

"""piccolo_theme: a legible, light and accessible Sphinx theme.

Use it with ``html_theme = "piccolo_theme"``; listing it in ``extensions`` works
too. :func:`setup` is the table of contents of what the theme adds to Sphinx:
every event handler, node and transform is registered there and nowhere else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from piccolo_theme import (
    assets,
    context,
    edit_links,
    facts,
    i18n,
    icon_links,
    lifecycle,
    logos,
    page_walk,
    per_build,
    settings,
    signatures,
    versions,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: The package version; pyproject.toml reads it from here.
__version__ = "1.0.0"

THEME_DIR = facts.PACKAGE_DIR
LOCALE_DIR = facts.LOCALE_DIR


def _on_builder_inited(app: Sphinx) -> None:
    # The options first: whether the theme is ours, and with what. Only then its files.
    options = settings.load(app)
    if options is not None:
        assets.add_files(app, options)
        versions.load(app)  # the version menu's script, only on sites with versions
        # Files and repository data the options point to: checked once, here.
        edit_links.load(app, options)
        logos.load(app, options)
        icon_links.load(app, options.icon_links)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_html_theme("piccolo_theme", str(THEME_DIR))
    # Our strings join Sphinx's own catalogue, so ``_()`` in templates finds them.
    app.add_message_catalog("sphinx", str(LOCALE_DIR))

    # Once per build.
    app.connect("builder-inited", _on_builder_inited)
    app.connect("builder-inited", i18n.on_builder_inited)  # gettext: our strings in sphinx.pot
    # Before any reading: py/c/cpp directives note :single-line-*: on their signatures.
    app.connect("builder-inited", signatures.record_single_line_options)
    # What a build works out once for all its pages (site tree, shared parts,
    # head tags) is worked out anew by the next one.
    app.connect("env-updated", per_build.on_env_updated)

    # Per document, as it is read: deprecated objects noted as they are described,
    # marked in the table of contents once Sphinx's collector has made it.
    app.connect("object-description-transform", lifecycle.on_object_description)
    app.connect("doctree-read", lifecycle.on_doctree_read, priority=600)

    # Per document, once resolved: one walk of the doctree before it is written,
    # after other extensions' handlers (page_walk.py). Tables get their
    # scrolling box; documented parameters get anchors and permalinks and
    # their names in the signatures link to them; deprecated objects get a
    # badge; C/C++ tokens their roles; long signatures one parameter a line;
    # and the page's font faces are noted.
    app.connect("doctree-resolved", page_walk.on_doctree_resolved, priority=700)
    # Known to docutils' visitors, with no translator handler: Sphinx would bind
    # one to every translator, making each a reference cycle; the translator's
    # own visit_inline writes the badge.
    app.add_node(lifecycle.deprecated_badge)

    # Per page: the one handler; the URL fix, the HTML fix-ups (fixups.py), then ``piccolo``.
    app.connect("html-page-context", context.on_html_page_context)

    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }

"""Deprecated objects at a glance: a badge in the signature and in the page contents.

An object whose own content holds a ``.. deprecated::`` block (written by hand
or in a docstring) gets a "Deprecated" badge before its name in each of its
signatures, and its entry in the page-contents sidebar (Sphinx's
``toc_object_entries``) is marked with the same word: text, not colour alone.

The badge is real text, so a screen reader says it, but it is not part of the
signature: its node's ``astext`` is empty (the layout's line lengths and the
text builders never see it) and the stylesheet makes it unselectable, so a
copied signature reads as it does without the theme.

The sidebar mark is noted at read time, on the page's table of contents
(``env.tocs``, which Sphinx pickles and merges after parallel reads), and
written by ``navigation`` as it writes the sidebar.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import _
from sphinx.transforms.post_transforms import SphinxPostTransform

from piccolo_theme import settings

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx

#: The attribute on a table-of-contents reference to a deprecated object.
TOC_FLAG = "pt_deprecated"
BADGE_CLASS = "pt-badge"


def badge_html() -> str:
    """The badge, in the site's language."""
    return f'<span class="{BADGE_CLASS}">{escape(_("Deprecated"))}</span>'


class deprecated_badge(nodes.Inline, nodes.Element):
    """The badge in a signature; no text of its own (see the module's docstring)."""

    def astext(self) -> str:
        return ""


def visit_badge(self: Any, node: deprecated_badge) -> None:
    self.body.append(badge_html())
    raise nodes.SkipNode


BADGE_HTML = (visit_badge, None)


def _deprecated(doctree: nodes.Node) -> Iterator[addnodes.desc]:
    """Each object described with a ``deprecated`` block among its own content."""
    for block in doctree.findall(addnodes.versionmodified):
        if block.get("type") != "deprecated":
            continue
        content = block.parent
        if isinstance(content, addnodes.desc_content) and isinstance(content.parent, addnodes.desc):
            yield content.parent


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    """Mark the page-contents entries of deprecated objects.

    Connected after Sphinx's table-of-contents collector (priority 500), which
    makes those entries at the same event.
    """
    if settings.theme_options(app) is None:
        return
    ids = {i for desc in _deprecated(doctree) for sig in desc.children
           if isinstance(sig, addnodes.desc_signature) for i in sig["ids"]}
    toc = app.env.tocs.get(app.env.docname) if ids else None
    if toc is None:
        return
    for reference in toc.findall(nodes.reference):
        if reference.get("anchorname", "")[1:] in ids:
            reference[TOC_FLAG] = True


class DeprecatedBadges(SphinxPostTransform):
    """The badge before the object's name in each signature of a deprecated object."""

    default_priority = 810
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if settings.theme_options(self.config) is None:
            return
        for desc in list(_deprecated(self.document)):
            for signode in desc.children:
                if isinstance(signode, addnodes.desc_signature):
                    line = _name_line(signode)
                    line.insert(0, deprecated_badge())


def _name_line(signode: addnodes.desc_signature) -> nodes.Element:
    """The signature itself, or (C, C++) its line that holds the name."""
    for line in signode.children:
        if isinstance(line, addnodes.desc_signature_line) and line.get("add_permalink"):
            return line
    return signode

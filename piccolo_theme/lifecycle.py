"""Deprecated objects at a glance: a badge in the signature and in the page contents.

An object whose own content holds a ``.. deprecated::`` block (written by hand
or in a docstring) gets a "Deprecated" badge before its name in each of its
signatures, and its entry in the page-contents sidebar (Sphinx's
``toc_object_entries``) is marked with the same word: text, not colour alone.

The badge is real text, so a screen reader says it, but it is not part of the
signature: its node's ``astext`` is empty (the layout's line lengths and the
text builders never see it) and the stylesheet makes it unselectable, so a
copied signature reads as it does without the theme.

The sidebar mark is noted at read time, as each object is described (no walk
of the page), on the page's table of contents (``env.tocs``, which Sphinx
pickles and merges after parallel reads), and written by ``navigation`` as it
writes the sidebar. The badge is added in ``page_walk``.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import _

from piccolo_theme import settings

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: The attribute on a table-of-contents reference to a deprecated object.
TOC_FLAG = "pt_deprecated"
BADGE_CLASS = "pt-badge"


def badge_html() -> str:
    """The badge, in the site's language."""
    return f'<span class="{BADGE_CLASS}">{escape(_("Deprecated"))}</span>'


class deprecated_badge(nodes.inline):
    """The badge in a signature; no text of its own (see the module's docstring).

    Written by the translator's own ``visit_inline`` (Sphinx dispatches on the
    class's bases): no handler of ours is bound to each translator, which would
    make every translator a reference cycle. Its word is raw HTML, as a Text
    node in a signature would be wrapped in ``<span class="pre">``.
    """

    def astext(self) -> str:
        return ""


def new_badge() -> deprecated_badge:
    """``<span class="pt-badge">Deprecated</span>``, the word in the site's language."""
    return deprecated_badge("", "", nodes.raw("", escape(_("Deprecated")), format="html"), classes=[BADGE_CLASS])


def is_deprecated(desc: addnodes.desc) -> bool:
    """Whether ``desc`` has a ``deprecated`` block among its own content (not its members')."""
    for content in desc.children:
        if isinstance(content, addnodes.desc_content):
            return any(
                isinstance(block, addnodes.versionmodified) and block.get("type") == "deprecated"
                for block in content.children
            )
    return False


# Per process, the deprecated objects' ids of the document being read, noted as
# each object is described and used once Sphinx has made the document's table
# of contents (parallel workers read whole documents).
_PENDING: dict[str, set[str]] = {}


def on_object_description(app: Sphinx, domain: str, objtype: str, content: addnodes.desc_content) -> None:
    desc = content.parent
    if not isinstance(desc, addnodes.desc) or settings.theme_options(app) is None:
        return
    if is_deprecated(desc):
        ids = _PENDING.setdefault(app.env.docname, set())
        ids.update(i for sig in desc.children if isinstance(sig, addnodes.desc_signature) for i in sig["ids"])


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    """Mark the page-contents entries of the document's deprecated objects.

    Connected after Sphinx's table-of-contents collector (priority 500), which
    makes those entries at the same event.
    """
    ids = _PENDING.pop(app.env.docname, set())
    toc = app.env.tocs.get(app.env.docname) if ids else None
    if toc is None:
        return
    for reference in toc.findall(nodes.reference):
        if reference.get("anchorname", "")[1:] in ids:
            reference[TOC_FLAG] = True


def add_badge(desc: addnodes.desc) -> None:
    """The badge before the object's name in each of its signatures, if it is deprecated."""
    if not is_deprecated(desc):
        return
    for signode in desc.children:
        if isinstance(signode, addnodes.desc_signature):
            _name_line(signode).insert(0, new_badge())


def _name_line(signode: addnodes.desc_signature) -> nodes.Element:
    """The signature itself, or (C, C++) its line that holds the name."""
    for line in signode.children:
        if isinstance(line, addnodes.desc_signature_line) and line.get("add_permalink"):
            return line
    return signode

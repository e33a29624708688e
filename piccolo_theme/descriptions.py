"""One walk per written page over its object descriptions.

The parameter links (``parameter_links``), the deprecated badges
(``lifecycle``) and the roles of C and C++ tokens (``signature_roles``) all work
on each ``desc`` of the page, and the links' ids must
not repeat one already on it: a single walk finds both the descriptions and
every id, so a page pays for one pass, however many features use it.
"""

from __future__ import annotations

from typing import Any, TypeVar

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from piccolo_theme import lifecycle, parameter_links, settings, signature_roles

_Found = TypeVar("_Found", bound=nodes.Element)


class DescriptionMarkup(SphinxPostTransform):
    """Parameter links, deprecated badges and C/C++ token roles, for HTML builds
    with our theme."""

    # After references are resolved (10), before the tables are wrapped (900).
    default_priority = 800
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if settings.theme_options(self.config) is None:
            return
        descs = find_blocks(self.document, addnodes.desc)
        if not descs:
            return  # most pages: nothing more to walk
        # Every id of the page (on a single-page build, every document's),
        # inline ones too: the parameter anchors must not repeat one.
        taken: set[str] = set()
        for node in self.document.findall(nodes.Element):
            if node["ids"]:
                taken.update(node["ids"])
        for desc in descs:
            parameter_links.link_parameters(desc, taken)
            # Before the badge, which would otherwise start the return type.
            signature_roles.mark_roles(desc)
            lifecycle.add_badge(desc)


def find_blocks(doctree: nodes.Element, kind: type[_Found]) -> list[_Found]:
    """The elements of ``kind`` in ``doctree``, in document order, not looking
    inside text elements unless ``kind`` is one.

    Text elements (paragraphs, titles, literal blocks...) hold inline content
    only, never an object description or a table, so the walk does not go
    into them: that skips most of a page's nodes (findall() visits them all).
    """
    found: list[_Found] = []
    stack: list[nodes.Element] = [doctree]
    while stack:
        node = stack.pop()
        if isinstance(node, kind):
            found.append(node)
        if isinstance(node, nodes.TextElement):
            continue
        stack.extend(reversed([c for c in node.children if isinstance(c, nodes.Element)]))
    return found


def signatures(doctree: nodes.document) -> list[addnodes.desc_signature]:
    """The page's signatures, in document order (for signatures.py)."""
    return find_blocks(doctree, addnodes.desc_signature)

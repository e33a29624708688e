"""One walk per written page over its object descriptions.

The parameter links (``parameter_links``), the deprecated badges
(``lifecycle``) and the roles of C and C++ tokens (``signature_roles``) all work
on each ``desc`` of the page, and the links' ids must
not repeat one already on it: a single walk finds both the descriptions and
every id, so a page pays for one pass, however many features use it.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from piccolo_theme import lifecycle, parameter_links, settings, signature_roles


class DescriptionMarkup(SphinxPostTransform):
    """Parameter links, deprecated badges and C/C++ token roles, for HTML builds
    with our theme."""

    # After references are resolved (10), before the tables are wrapped (900).
    default_priority = 800
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if settings.theme_options(self.config) is None:
            return
        # On a single-page build the page holds every document: its ids too.
        taken: set[str] = set()
        descs: list[addnodes.desc] = []
        for node in self.document.findall(nodes.Element):
            if node["ids"]:
                taken.update(node["ids"])
            if isinstance(node, addnodes.desc):
                descs.append(node)
        for desc in descs:
            parameter_links.link_parameters(desc, taken)
            # Before the badge, which would otherwise start the return type.
            signature_roles.mark_roles(desc)
            lifecycle.add_badge(desc)


def signatures(doctree: nodes.document) -> list[addnodes.desc_signature]:
    """The page's signatures, in document order (for signatures.py).

    Text elements (paragraphs, titles, literal blocks...) hold inline content
    only, never an object description, so the walk does not go into them:
    that skips most of a page's nodes (findall() visits them all).
    """
    found = []
    stack: list[nodes.Element] = [doctree]
    while stack:
        node = stack.pop()
        if isinstance(node, nodes.TextElement):
            if isinstance(node, addnodes.desc_signature):
                found.append(node)
            continue
        stack.extend(reversed([c for c in node.children if isinstance(c, nodes.Element)]))
    return found

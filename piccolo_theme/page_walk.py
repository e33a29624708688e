"""The theme's one walk over each written page's doctree.

Several features work on the doctree of the page being written: parameter
links, deprecated badges and C/C++ token roles on each object description
(``parameter_links``, ``lifecycle``, ``signature_roles``), the scrolling box
around tables (``tables``), one parameter per line (``signatures``) and the
font faces the page preloads (``fonts``). Each walked the whole page before; a
page now pays for one walk, which finds what each of them needs.

It runs at ``doctree-resolved``, once Sphinx's post-transforms are done and
after other extensions' handlers at the default priority: it sees the page as
it will be written (a ``todolist``'s copied tables and code, say). Every node
is visited: doc fields put tables inside paragraphs, autosummary puts its
table inside a comment, and the parameter links need every id on the page.
Sphinx resolves the page's toctrees only after this event: ``fonts`` looks at
them when the page is written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes

from piccolo_theme import fonts, lifecycle, parameter_links, settings, signature_roles, signatures, tables

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# What a node is to the walk, and to the font faces, judged once per node
# class: one dict lookup a node instead of chains of isinstance().
_SKIP, _DESC, _SIGNATURE, _TABLE, _TOCTREE, _OTHER = range(6)
_KINDS: dict[type, tuple[int, int]] = {}


_BY_CLASS = (
    (addnodes.desc, _DESC),
    (addnodes.desc_signature, _SIGNATURE),
    (nodes.table, _TABLE),
    (addnodes.toctree, _TOCTREE),
)


def _kinds(cls: type) -> tuple[int, int]:
    if not issubclass(cls, nodes.Element):
        return _SKIP, fonts.SKIP
    return next((kind for base, kind in _BY_CLASS if issubclass(cls, base)), _OTHER), fonts.kind_of(cls)


class PageNodes:
    """What the features need of one page, in document order."""

    def __init__(self, doctree: nodes.document) -> None:
        self.ids: set[str] = set()
        self.descs: list[addnodes.desc] = []
        self.signatures: list[addnodes.desc_signature] = []
        self.tables: list[nodes.table] = []
        # Sphinx resolves toctrees after this handler, inside these wrappers.
        self.toctree_wrappers: list[nodes.Element] = []
        self.faces = fonts.FaceFinder()
        kinds = _KINDS
        ids = self.ids
        faces = self.faces
        plain = fonts.PLAIN
        stack: list[Any] = [doctree]  # Elements once past _SKIP: no cast in the hot loop
        while stack:
            node = stack.pop()
            cls = type(node)
            both = kinds.get(cls)
            if both is None:
                both = kinds[cls] = _kinds(cls)
            kind, face = both
            if kind == _SKIP:
                continue
            if node["ids"]:
                ids.update(node["ids"])
            if kind == _DESC:
                self.descs.append(node)
            elif kind == _SIGNATURE:
                self.signatures.append(node)
            elif kind == _TABLE:
                self.tables.append(node)
            elif kind == _TOCTREE:
                if node.parent is not None:
                    self.toctree_wrappers.append(node.parent)
                continue
            if face != plain and faces.see(node, face):
                # Preformatted: monospaced, whatever is inside. Only its ids count.
                self._ids_under(node)
                continue
            stack.extend(reversed(node.children))

    def _ids_under(self, node: nodes.Element) -> None:
        for element in node.findall(nodes.Element, include_self=False):
            if element["ids"]:
                self.ids.update(element["ids"])


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if settings.theme_options(app) is None:
        return
    page = PageNodes(doctree)
    # On a single-page build the page holds every document: its ids too.
    for desc in page.descs:
        parameter_links.link_parameters(desc, page.ids)
        # Before the badge, which would otherwise start the return type.
        signature_roles.mark_roles(desc)
        lifecycle.add_badge(desc)
    signatures.lay_out(app, page.signatures)
    for table in page.tables:
        tables.wrap(table)
    fonts.record(doctree, page.faces, page.toctree_wrappers)

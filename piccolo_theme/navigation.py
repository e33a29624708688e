"""The left sidebar's page tree and the right sidebar's page contents, as HTML.

Sphinx resolves the toctree (relative links, current-page classes, collapsing,
numbering); we only walk the resulting docutils nodes and write our own markup:
sub-levels sit in ``<details>`` so they open and close without JavaScript, the
current page has ``aria-current="page"`` and its ancestors are open. Walking the
nodes directly costs far less than rendering and re-parsing HTML for every page.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.environment.adapters.toctree import TocTree
from sphinx.locale import _

if TYPE_CHECKING:
    from sphinx.builders import Builder

    from piccolo_theme.options import ThemeOptions


def _title_html(reference: nodes.reference, secnumber_suffix: str) -> str:
    parts = []
    if "secnumber" in reference:
        parts.append(escape(".".join(map(str, reference["secnumber"])) + secnumber_suffix))
    for child in reference.children:
        text = escape(child.astext())
        parts.append(f"<code>{text}</code>" if isinstance(child, nodes.literal) else text)
    return "".join(parts)


class _TreeWriter:
    """Writes one resolved toctree (bullet lists of list items) as nested lists."""

    def __init__(self, secnumber_suffix: str, *, collapsible: bool) -> None:
        self.secnumber_suffix = secnumber_suffix
        self.collapsible = collapsible
        self.out: list[str] = []

    def bullet_list(self, node: nodes.bullet_list, level: int) -> None:
        self.out.append(f'<ul class="pt-nav__list pt-nav__list--l{level}">')
        for item in node.children:
            if isinstance(item, nodes.list_item):
                self.list_item(item, level)
        self.out.append("</ul>")

    def list_item(self, item: nodes.list_item, level: int) -> None:
        reference = next(item.findall(nodes.reference), None)
        if reference is None:
            return
        sublists = [c for c in item.children if isinstance(c, nodes.bullet_list)]
        is_page = "current" in reference["classes"]
        on_branch = "current" in item["classes"]
        classes = ["pt-nav__item"]
        if is_page:
            classes.append("pt-nav__item--current")
        elif on_branch:
            classes.append("pt-nav__item--ancestor")
        if sublists:
            classes.append("pt-nav__item--parent")
        self.out.append(f'<li class="{" ".join(classes)}">')
        self._link(reference, is_page)
        if sublists:
            title = escape(reference.astext())
            if self.collapsible:
                is_open = " open" if on_branch else ""
                label = escape(_("Show or hide the pages under %s")) % title
                self.out.append(
                    f'<details class="pt-nav__children"{is_open}>'
                    f'<summary class="pt-nav__toggle"><span class="pt-visually-hidden">'
                    f"{label}</span></summary>"
                )
            for sub in sublists:
                self.bullet_list(sub, level + 1)
            if self.collapsible:
                self.out.append("</details>")
        self.out.append("</li>")

    def _link(self, reference: nodes.reference, is_page: bool) -> None:
        uri = reference.get("refuri", "#")
        external = "://" in uri or uri.startswith("mailto:")
        cls = "pt-nav__link reference " + ("external" if external else "internal")
        current = ' aria-current="page"' if is_page else ""
        self.out.append(
            f'<a class="{cls}" href="{escape(uri)}"{current}>'
            f"{_title_html(reference, self.secnumber_suffix)}</a>"
        )


def site_navigation(builder: Builder, docname: str, options: ThemeOptions) -> str:
    """The page hierarchy for the left sidebar, with ``docname`` marked current."""
    tree = TocTree(builder.env).get_toctree_for(
        docname,
        builder,
        collapse=options.globaltoc_collapse,
        maxdepth=options.globaltoc_maxdepth,
        includehidden=options.globaltoc_includehidden,
        titles_only=True,
    )
    if tree is None:
        return ""
    suffix = builder.config.html_secnumber_suffix
    writer = _TreeWriter(suffix, collapsible=True)
    for child in tree.children:
        if isinstance(child, nodes.title):
            writer.out.append(
                f'<p class="pt-nav__caption" role="heading" aria-level="2">'
                f"{escape(child.astext())}</p>"
            )
        elif isinstance(child, nodes.bullet_list):
            writer.bullet_list(child, 1)
    return "".join(writer.out)


def page_contents(builder: Builder, docname: str) -> tuple[str, int]:
    """The current page's sections for the right sidebar, and how many there are.

    The page title itself is left out: the list starts at its sections.
    """
    toc = TocTree(builder.env).get_toc_for(docname, builder)
    lists = [c for c in toc.children if isinstance(c, nodes.bullet_list)] or (
        [toc] if isinstance(toc, nodes.bullet_list) else []
    )
    items = [i for lst in lists for i in lst.children if isinstance(i, nodes.list_item)]
    if len(items) == 1:
        # One title: its sub-list holds the sections.
        items = [
            i
            for sub in items[0].children
            if isinstance(sub, nodes.bullet_list)
            for i in sub.children
            if isinstance(i, nodes.list_item)
        ]
    count = sum(1 for i in items for _ in i.findall(nodes.reference))
    if not items:
        return "", 0
    writer = _TreeWriter(builder.config.html_secnumber_suffix, collapsible=False)
    root = nodes.bullet_list()
    # Keep the original nodes where they are: a shallow list wrapper is enough.
    root.children = items
    writer.bullet_list(root, 1)
    return "".join(writer.out), count


def hidden_by_metadata(metadata: dict[str, object]) -> bool:
    return "hide-toc" in metadata or "hide_toc" in metadata


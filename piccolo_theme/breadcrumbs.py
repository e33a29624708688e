"""The chain of pages above the current one, for the breadcrumbs and search engines.

Read from the site tree navigation.py resolves once per build (the parents of
the page's entry), so a page's trail costs its depth, not the site's size. The
crumbs above a page, links and structured data alike, are the same for every
page of its folder under the same parent: they are made once for them all.
"""

from __future__ import annotations

import dataclasses
import json
import re
from html import escape, unescape
from typing import TYPE_CHECKING

from markupsafe import Markup

from piccolo_theme import navigation
from piccolo_theme.per_build import PerBuild

if TYPE_CHECKING:
    from sphinx.builders import Builder

    from piccolo_theme.options import ThemeOptions

_TAG = re.compile(r"<[^>]+>")
# The JSON-LD up to its list of items, written as json.dumps writes it.
_HEAD = '{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":['


@dataclasses.dataclass(frozen=True)
class Crumb:
    title: Markup  # HTML, escaped
    href: str  # relative to the page; "" for the page itself
    docname: str


#: The crumbs above the pages of a folder under one parent entry (None: an orphan).
_ABOVE: PerBuild[tuple[str, navigation.Entry | None], tuple[Crumb, ...]] = PerBuild()
#: The structured data's items for those crumbs, written, by (crumbs, base URL).
_ITEMS: PerBuild[tuple[tuple[Crumb, ...], str], str] = PerBuild()


def trail(builder: Builder, docname: str, options: ThemeOptions, folder: str | None = None) -> list[Crumb]:
    """Root first, the page last; empty on the root page and on pages without a source.

    ``folder``: the folder of the page's output, whose pages share the crumbs
    above them; None: made for this page alone.
    """
    env = builder.env
    if docname == builder.config.root_doc or docname not in env.found_docs:
        return []
    tree = navigation.site_tree(builder, options)
    entries = tree.by_doc.get(docname)
    if entries:
        entry = entries[0]
        parent, title = entry.parent, entry.title
    else:  # an orphan: under the root only
        page_title = env.titles.get(docname)
        parent, title = None, escape(page_title.astext()) if page_title is not None else escape(docname)
    if folder is None or not tree.per_folder:
        above = _above(builder, docname, parent)
    else:
        above = _ABOVE.get(builder, (folder, parent), lambda: _above(builder, docname, parent))
    return [*above, Crumb(Markup(title), "", docname)]


def _above(builder: Builder, docname: str, parent: navigation.Entry | None) -> tuple[Crumb, ...]:
    """The root and the pages from it down to ``parent``, linked from ``docname``."""
    env = builder.env
    root = builder.config.root_doc
    chain: list[tuple[str, str]] = []  # (docname, title HTML), nearest first
    node = parent
    while node is not None:
        if node.docname is not None and node.docname != root:
            chain.append((node.docname, node.title))
        node = node.parent
    root_title = env.titles.get(root)
    chain.append((root, escape(root_title.astext()) if root_title is not None else escape(builder.config.project)))
    chain.reverse()
    return tuple(
        Crumb(Markup(title), "" if doc == docname else builder.get_relative_uri(docname, doc), doc)
        for doc, title in chain
    )


def structured_data(builder: Builder, crumbs: list[Crumb]) -> Markup:
    """Schema.org ``BreadcrumbList`` as JSON-LD, safe inside ``<script>``.

    Absolute URLs when ``html_baseurl`` is set, as search engines want them;
    relative to the page otherwise.
    """
    base = (builder.config.html_baseurl or "").rstrip("/")
    if not crumbs:  # the root page, or a page without a source: an empty list
        return Markup(f"{_HEAD}]}}")
    *above, page = crumbs
    items = _ITEMS.get(
        builder,
        (tuple(above), base),
        lambda: "".join(_item(builder, n, crumb, base) + "," for n, crumb in enumerate(above, 1)),
    )
    return Markup(f"{_HEAD}{items}{_item(builder, len(crumbs), page, base)}]}}")


def _item(builder: Builder, position: int, crumb: Crumb, base: str) -> str:
    """One ``ListItem``, as JSON that nothing can close the script element or open a comment in."""
    if base:
        url = base + "/" + builder.get_target_uri(crumb.docname)
    else:
        url = crumb.href or builder.get_target_uri(crumb.docname).rsplit("/", 1)[-1] or "./"
    name = " ".join(unescape(_TAG.sub("", str(crumb.title))).split())
    item = {"@type": "ListItem", "position": position, "name": name, "item": url}
    data = json.dumps(item, ensure_ascii=False, separators=(",", ":"))
    return data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

"""The chain of pages above the current one, for the breadcrumbs and search engines.

Read from the site tree navigation.py resolves once per build (the parents of
the page's entry), so a page's trail costs its depth, not the site's size.
"""

from __future__ import annotations

import dataclasses
import json
import re
from html import escape, unescape
from typing import TYPE_CHECKING

from markupsafe import Markup

from piccolo_theme import navigation

if TYPE_CHECKING:
    from sphinx.builders import Builder

    from piccolo_theme.options import ThemeOptions

_TAG = re.compile(r"<[^>]+>")


@dataclasses.dataclass(frozen=True)
class Crumb:
    title: Markup  # HTML, escaped
    href: str  # relative to the page; "" for the page itself
    docname: str


def trail(builder: Builder, docname: str, options: ThemeOptions) -> list[Crumb]:
    """Root first, the page last; empty on the root page and on pages without a source."""
    env = builder.env
    root = builder.config.root_doc
    if docname == root or docname not in env.found_docs:
        return []
    tree = navigation.site_tree(builder, options)
    entries = tree.by_doc.get(docname)
    chain: list[tuple[str, str]] = []  # (docname, title HTML), page first
    if entries:
        node: navigation.Entry | None = entries[0]
        while node is not None:
            if node.docname is not None and node.docname != root:
                chain.append((node.docname, node.title))
            node = node.parent
    else:  # an orphan: under the root only
        title = env.titles.get(docname)
        chain.append((docname, escape(title.astext()) if title is not None else escape(docname)))
    root_title = env.titles.get(root)
    chain.append((root, escape(root_title.astext()) if root_title is not None else escape(builder.config.project)))
    chain.reverse()
    return [
        Crumb(Markup(title), "" if doc == docname else builder.get_relative_uri(docname, doc), doc)
        for doc, title in chain
    ]


def structured_data(builder: Builder, crumbs: list[Crumb]) -> Markup:
    """Schema.org ``BreadcrumbList`` as JSON-LD, safe inside ``<script>``.

    Absolute URLs when ``html_baseurl`` is set, as search engines want them;
    relative to the page otherwise.
    """
    base = (builder.config.html_baseurl or "").rstrip("/")
    items = []
    for position, crumb in enumerate(crumbs, 1):
        if base:
            url = base + "/" + builder.get_target_uri(crumb.docname)
        else:
            url = crumb.href or builder.get_target_uri(crumb.docname).rsplit("/", 1)[-1] or "./"
        name = " ".join(unescape(_TAG.sub("", str(crumb.title))).split())
        items.append({"@type": "ListItem", "position": position, "name": name, "item": url})
    data = json.dumps(
        {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    # Nothing in the data can close the script element or open a comment.
    return Markup(data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))

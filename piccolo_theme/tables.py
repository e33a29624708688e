"""Wide tables scroll inside their own box, never the page.

A table cannot scroll by itself without giving up its table layout, so each
one is wrapped, for HTML builds with our theme only, in a container that can.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from piccolo_theme import settings

WRAPPER_CLASS = "pt-table-scroll"


class WrapTables(SphinxPostTransform):
    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if settings.theme_options(self.config) is None:
            return
        for table in list(self.document.findall(nodes.table)):
            parent = table.parent
            if isinstance(parent, nodes.container) and WRAPPER_CLASS in parent["classes"]:
                continue
            wrapper = nodes.container(classes=[WRAPPER_CLASS])
            parent.replace(table, wrapper)
            wrapper += table

"""Wide tables scroll inside their own box, never the page.

A table cannot scroll by itself without giving up its table layout, so each
one is wrapped, for HTML builds with our theme only, in a container that can.
``page_walk`` finds the page's tables.
"""

from __future__ import annotations

from docutils import nodes

WRAPPER_CLASS = "pt-table-scroll"


def wrap(table: nodes.table) -> None:
    parent = table.parent
    if parent is None or (isinstance(parent, nodes.container) and WRAPPER_CLASS in parent["classes"]):
        return
    wrapper = nodes.container(classes=[WRAPPER_CLASS])
    parent.replace(table, wrapper)
    wrapper += table

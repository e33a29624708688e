"""Writing pages leaves no HTML translator for the cyclic garbage collector.

Sphinx binds the translator handlers of a node registered with
``app.add_node(..., html=...)`` to each translator it makes (one per page, one
per rendered fragment), which makes every translator a reference cycle: it and
all it holds wait for the cyclic collector, a cost on every page of a large
site. The theme's deprecated badge, parameter permalinks and one-per-line C++
template lists are written by standard nodes instead.
"""

from __future__ import annotations

import gc

from sphinx.writers.html5 import HTML5Translator

ROOT = "parameter-links"


def test_written_pages_leave_no_translator_for_the_garbage_collector(build):
    gc.collect()
    gc.garbage.clear()
    # Every object the collector finds unreachable, during the build and after,
    # is kept in gc.garbage instead of freed: a translator freed by reference
    # counting alone never gets there.
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        site = build(ROOT)
        gc.collect()
        cyclic = sum(isinstance(o, HTML5Translator) for o in gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    # The pages hold each of the theme's written-in markups.
    assert site.soup("lifecycle").select("dt.sig .pt-badge")
    index = site.soup("index")
    assert index.select(".pt-param > a.headerlink")
    assert index.select("dt.sig dl.pt-sig-params")
    assert cyclic == 0
    handlers = site.app.registry.translation_handlers
    ours = [
        name
        for table in handlers.values()
        for name, (visit, _) in table.items()
        if visit.__module__.startswith("piccolo_theme")
    ]
    assert ours == []

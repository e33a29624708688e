"""The page's ``<script>`` tags, deferred where that is safe.

Sphinx's ``basic`` layout loads ``documentation_options.js``, ``doctools.js``,
``sphinx_highlight.js`` and every extension's files (sphinx-copybutton's,
sphinx-design's, ...) as classic scripts in ``<head>``: each blocks rendering
until it has been fetched and run. Deferred scripts run in document order once
the page is parsed, before ``DOMContentLoaded``; so deferring *all* of them
keeps every dependency between them (copybutton's script reads
``DOCUMENTATION_OPTIONS`` when it loads; it still runs after the file that
defines it). What deferring breaks is a script that runs earlier and uses what
they define: an inline script after them (``app.add_js_file(None, body=...)``),
an inline ``<script>`` in the page body (``.. raw:: html``), or the search
page, whose template appends a classic ``searchtools.js`` that calls
``doctools.js``'s ``_ready`` at once. In any of those cases every tag is written
exactly as Sphinx writes it. Modules, ``async`` scripts and data blocks are
never touched.

The inline scripts of the page body are read from the rendered body, not the
doctree: an extension's node visitor (a plot, a widget) may write one that no
doctree node shows as such.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from piccolo_theme.fixups import defer_script

# ``type`` values a browser runs as a classic script.
_CLASSIC_TYPES = frozenset(
    {"", "text/javascript", "application/javascript", "text/ecmascript", "application/ecmascript"}
)
_BODY_SCRIPT = re.compile(r"<script[\s>]", re.IGNORECASE)


def _attributes(js: Any) -> dict[str, Any]:
    return {k: v for k, v in (getattr(js, "attributes", None) or {}).items() if v is not None}


def _is_file(js: Any) -> bool:
    return bool(getattr(js, "filename", js))


def _runs_before_parsing_ends(js: Any) -> bool:
    """Whether the browser runs this script as soon as it reaches it."""
    attrs = _attributes(js)
    kind = str(attrs.get("type", "")).strip().lower()
    if kind == "module":
        return False  # modules are deferred by default
    if kind not in _CLASSIC_TYPES:
        return False  # data blocks (JSON, templates) never run
    if not _is_file(js):
        return True  # inline: runs where it stands, whatever defer says
    return "defer" not in attrs and "async" not in attrs


def deferrable(script_files: Iterable[Any], pagename: str, body: str = "") -> set[int]:
    """Positions in ``script_files`` of the scripts that can be deferred."""
    scripts = list(script_files)
    if pagename == "search" or _BODY_SCRIPT.search(body or ""):
        return set()
    external = [i for i, js in enumerate(scripts) if _is_file(js) and _runs_before_parsing_ends(js)]
    if not external:
        return set()
    # An inline script after the first deferred file would now run before it.
    later = scripts[external[0] + 1 :]
    if any(not _is_file(js) and _runs_before_parsing_ends(js) for js in later):
        return set()
    return set(external)


def script_tags(script_files: Iterable[Any], js_tag: Callable[[Any], str], pagename: str, body: str = "") -> str:
    """The tags basic's ``script()`` macro writes, with ``defer`` where :func:`deferrable` allows."""
    scripts = list(script_files)
    defer = deferrable(scripts, pagename, body)
    tags = []
    for i, js in enumerate(scripts):
        tag = js_tag(js)
        tags.append(defer_script(tag) if i in defer else tag)
    return "".join(f"\n    {tag}" for tag in tags)

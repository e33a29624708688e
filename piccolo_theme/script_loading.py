"""The page's ``<script>`` tags, with Sphinx's own scripts deferred where that is safe.

Sphinx's ``basic`` layout loads ``documentation_options.js``, ``doctools.js``
and ``sphinx_highlight.js`` as classic scripts in ``<head>``: each blocks
rendering until it has been fetched and run. None of them needs to run before
the page is parsed (they wait for the DOM themselves), so ``defer`` is safe for
them on their own. What is not safe is deferring them while something that runs
earlier uses what they define: a classic or inline script added after them by an
extension (sphinx-copybutton's script reads ``DOCUMENTATION_OPTIONS`` at load
time), an inline ``<script>`` in the page body (``.. raw:: html``), or the search
page, whose template appends a classic ``searchtools.js`` that calls
``doctools.js``'s ``_ready`` at once. In any of those cases every tag is written
exactly as Sphinx writes it.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from typing import Any

SPHINX_SCRIPTS = frozenset({"documentation_options.js", "doctools.js", "sphinx_highlight.js"})

# ``type`` values a browser runs as a classic script.
_CLASSIC_TYPES = frozenset({"", "text/javascript", "application/javascript", "text/ecmascript", "application/ecmascript"})
_BODY_SCRIPT = re.compile(r"<script[\s>]", re.IGNORECASE)


def _filename(js: Any) -> str:
    return posixpath.basename(str(getattr(js, "filename", js) or ""))


def _attributes(js: Any) -> dict[str, Any]:
    return {k: v for k, v in (getattr(js, "attributes", None) or {}).items() if v is not None}


def _runs_before_parsing_ends(js: Any) -> bool:
    """Whether the browser runs this script as soon as it reaches it."""
    attrs = _attributes(js)
    kind = str(attrs.get("type", "")).strip().lower()
    if kind == "module":
        return False  # modules are deferred by default
    if kind not in _CLASSIC_TYPES:
        return False  # data blocks (JSON, templates) never run
    if not getattr(js, "filename", js):
        return True  # inline: runs where it stands, whatever defer says
    return "defer" not in attrs and "async" not in attrs


def deferrable(script_files: Iterable[Any], pagename: str, body: str = "") -> set[int]:
    """Positions in ``script_files`` of Sphinx's scripts that can be deferred."""
    scripts = list(script_files)
    if pagename == "search" or _BODY_SCRIPT.search(body or ""):
        return set()
    ours = {i for i, js in enumerate(scripts) if _filename(js) in SPHINX_SCRIPTS and getattr(js, "filename", js)}
    if not ours:
        return set()
    first = min(ours)
    later = (js for i, js in enumerate(scripts) if i > first and i not in ours)
    if any(_runs_before_parsing_ends(js) for js in later):
        return set()
    return {i for i in ours if _runs_before_parsing_ends(scripts[i])}


def script_tags(script_files: Iterable[Any], js_tag: Callable[[Any], str], pagename: str, body: str = "") -> str:
    """The tags basic's ``script()`` macro writes, with ``defer`` where :func:`deferrable` allows."""
    scripts = list(script_files)
    defer = deferrable(scripts, pagename, body)
    tags = []
    for i, js in enumerate(scripts):
        tag = js_tag(js)
        if i in defer and tag.startswith("<script "):
            tag = "<script defer " + tag[len("<script "):]
        tags.append(tag)
    return "".join(f"\n    {tag}" for tag in tags)

"""The head's stylesheet and script tags, each made once per folder.

basic's ``css()`` and ``script()`` macros call Sphinx's ``css_tag`` and
``js_tag`` for every file on every page. Each call makes the file's link and
resolves its path on disk for the ``?v=`` checksum (``Path.resolve()``: system
calls), yet the answer depends only on the file and on where the page is, the
link being relative: for a file in ``_static`` (every file Sphinx and
extensions add, unless given as a URL), only on how deep the page is
(``fragments.links_key``); for any other, on the page's folder. So the theme
asks once per depth or folder and file, and reuses the tag: the same
characters, made once instead of on every page (tests/test_head_tags.py
compares them with basic's).

A tag function that is not Sphinx's own (another extension may replace it for
a page) is asked every time: its code is part of the key.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from markupsafe import escape

from piccolo_theme.per_build import PerBuild

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Iterable

_TAGS: PerBuild[Hashable, str] = PerBuild()


def _file_key(asset: Any) -> Hashable | None:
    """What a tag depends on besides the folder; None: not cacheable."""
    filename = getattr(asset, "filename", None)
    if filename is None:
        return asset if isinstance(asset, str) else None
    attributes = getattr(asset, "attributes", None) or {}
    try:
        return (os.fspath(filename), tuple(sorted(attributes.items())))
    except TypeError:  # an unhashable attribute value, or an odd filename
        return None


def _in_static(asset: Any) -> bool:
    filename = getattr(asset, "filename", asset)
    return isinstance(filename, str) and filename.startswith("_static/")


class TagMaker:
    """Tags for the pages of one folder (``folder``) and depth (``links``, the
    page's ``fragments.links_key``); ``folder`` None: made for every page."""

    def __init__(self, builder: Any, folder: str | None, links: Hashable = None) -> None:
        self._builder = builder
        self._folder = folder
        self._links = links

    def tag(self, make: Callable[[Any], str], asset: Any) -> str:
        code = getattr(make, "__code__", None)
        key = _file_key(asset) if self._folder is not None and code is not None else None
        if key is None:
            return make(asset)
        where = self._links if _in_static(asset) else self._folder
        return _TAGS.get(self._builder, (where, code, key), lambda: make(asset))

    def css_tags(self, css_files: Iterable[Any], css_tag: Callable[[Any], str], pathto: Callable[..., str]) -> str:
        """What basic's ``css()`` macro writes."""
        out = []
        for css in css_files:
            if getattr(css, "filename", None):
                out.append(self.tag(css_tag, css))
            else:
                out.append(f'<link rel="stylesheet" href="{escape(pathto(css, 1))}" type="text/css" />')
        return "".join(f"\n    {tag}" for tag in out)

"""OpenGraph tags, so a link shared in a chat or a social app shows a card.

The theme writes ``og:title``, ``og:description`` (the page description the
theme already computes, see description.py), ``og:type``, ``og:site_name``,
``og:url`` (with ``html_baseurl``) and ``og:image`` (page metadata
``:og:image:``, else the ``social_image`` option). It writes none when
sphinxext-opengraph is loaded: that extension then owns them all. A tag the
page already has (``.. meta:: :property=og:title: ...``) is not written twice.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from urllib.parse import urlsplit

from sphinx.util import logging

logger = logging.getLogger(__name__)

#: The extension that, when loaded, writes these tags instead of the theme.
EXTENSION = "sphinxext.opengraph"
#: The page metadata field naming a page's own image.
IMAGE_FIELD = "og:image"


def is_safe_image(value: str) -> bool:
    """An http(s) URL, or a path on the site: nothing a browser would run."""
    parts = urlsplit(value)
    if parts.scheme:
        return parts.scheme in ("http", "https") and bool(parts.netloc)
    return not value.startswith("//") and re.fullmatch(r"[^\s\"'<>]+", value) is not None


def _given(metatags: str, prop: str) -> bool:
    return re.search(rf"""property=["']{re.escape(prop)}["']""", metatags) is not None


def image_url(value: str, baseurl: str, pathto: Callable[..., str]) -> str:
    """``value`` as a URL: absolute under ``html_baseurl`` if there is one."""
    if urlsplit(value).scheme:
        return value
    path = value.lstrip("/")
    if baseurl:
        return posixpath.join(baseurl.rstrip("/") + "/", path)
    # Without a base URL the best we can give is the path from this page.
    return pathto(path, 1)


def page_image(metadata: Mapping[str, object], pagename: str, social_image: str) -> str:
    """The page's ``:og:image:`` if it is usable, else the site's ``social_image``."""
    own = metadata.get(IMAGE_FIELD)
    if own is None:
        return social_image
    text = str(own).strip()
    if text and is_safe_image(text):
        return text
    logger.warning(
        "piccolo_theme: the page metadata %r = %r is not an http(s) URL or a path on the site; using %s instead.",
        IMAGE_FIELD,
        own,
        repr(social_image) if social_image else "no image",
        location=pagename,
        type="piccolo_theme",
        subtype="opengraph",
    )
    return social_image


def tags(
    *,
    title: str,
    description: str,
    site_name: str,
    url: str,
    image: str,
    metatags: str = "",
) -> list[tuple[str, str]]:
    """``(property, content)`` pairs to write, leaving out empty and given ones."""
    candidates = [
        ("og:title", title),
        ("og:type", "website"),
        ("og:site_name", site_name),
        ("og:description", description),
        ("og:url", url),
        ("og:image", image),
    ]
    return [(p, c) for p, c in candidates if c and not _given(metatags, p)]

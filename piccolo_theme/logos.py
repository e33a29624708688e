"""The brand's light and dark logos (options ``light_logo``, ``dark_logo``).

Each is a file in ``html_static_path`` or an http(s) URL, falling back to
``html_logo``. Both images are in the page; the stylesheet shows the one for
the mode in force, so there is no flash and no script. A file that is not
there is one warning, once per build, and no broken image.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit
from weakref import WeakKeyDictionary

from piccolo_theme.validation import warn_described

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from piccolo_theme.options import ThemeOptions


def is_url(value: str) -> bool:
    return urlsplit(value).scheme in ("http", "https")


def check(name: str, value: Any, default: str) -> str:
    """An http(s) URL or a relative path; whether the file exists is :func:`load`'s check."""
    if value in ("", None):
        return default
    if not isinstance(value, str):
        warn_described(name, value, "html_logo", "is not a string")
        return default
    text = value.strip()
    parts = urlsplit(text)
    if is_url(text) and parts.netloc:
        return text
    if parts.scheme or parts.netloc or text.startswith("/") or ".." in text.replace("\\", "/").split("/"):
        warn_described(name, value, "html_logo", "is neither an http(s) URL nor a file in html_static_path")
        return default
    return text


@dataclasses.dataclass(frozen=True)
class Logos:
    #: Each an http(s) URL, or a path under ``_static/``; empty: ``html_logo``.
    light: str = ""
    dark: str = ""


_LOGOS: WeakKeyDictionary[Builder, Logos] = WeakKeyDictionary()


def _in_static_path(app: Sphinx, path: str) -> bool:
    return any(Path(app.confdir, folder, path).is_file() for folder in app.config.html_static_path)


def load(app: Sphinx, options: ThemeOptions) -> None:
    found = {}
    for name in ("light_logo", "dark_logo"):
        value = getattr(options, name)
        if value and not is_url(value) and not _in_static_path(app, value):
            warn_described(name, value, "html_logo", "is not a file in html_static_path")
            value = ""
        found[name] = value
    _LOGOS[app.builder] = Logos(found["light_logo"], found["dark_logo"])


def logos(builder: Builder) -> Logos:
    return _LOGOS.get(builder, Logos())

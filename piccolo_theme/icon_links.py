"""The header's icon links (option ``icon_links``), and SVG icons of the user's own.

The option is checked with the other options (:func:`check`); an icon given as
an SVG file is read, checked and cleaned once per build (:func:`load`), then
inlined so it takes the header's colours like the theme's own icons.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit
from weakref import WeakKeyDictionary
from xml.etree import ElementTree

from markupsafe import Markup

from piccolo_theme import forges
from piccolo_theme.validation import warn_described

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder


#: The icons shipped in components/icons/ that an icon link may name.
BUILTIN = (
    *(forge.icon for forge in forges.FORGES),
    "pypi",
    "conda",
    "discord",
    "discourse",
    "matrix",
    "slack",
    "zulip",
    "mastodon",
    "bluesky",
    "x",
    "youtube",
    "rss",
    "email",
    "chat",
    "generic",
)
_KEYS = {"name", "url", "icon", "rel"}
# rel tokens are written into an attribute: letters and hyphens only.
_REL = re.compile(r"[a-z]+(?:-[a-z]+)*(?:\s+[a-z]+(?:-[a-z]+)*)*")
_SKIPPED = "nothing for this entry (it is left out)"


@dataclasses.dataclass(frozen=True)
class IconLink:
    name: str
    url: str
    #: A name of :data:`BUILTIN`, or the path of an SVG file in ``html_static_path``.
    icon: str
    rel: str = ""

    @property
    def is_file(self) -> bool:
        return self.icon not in BUILTIN


def _url_ok(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("http", "https"):
        return bool(parts.netloc)
    return parts.scheme == "mailto" and bool(parts.path.strip())


# Hosts whose icon an entry without one gets (forges come from forges.py).
_HOST_ICONS = {
    "pypi.org": "pypi",
    "anaconda.org": "conda",
    "discord.gg": "discord",
    "discord.com": "discord",
    "matrix.to": "matrix",
    "slack.com": "slack",
    "zulipchat.com": "zulip",
    "bsky.app": "bluesky",
    "x.com": "x",
    "twitter.com": "x",
    "youtube.com": "youtube",
    "youtu.be": "youtube",
}


def _default_icon(url: str) -> str:
    if url.lower().startswith("mailto:"):
        return "email"
    host = (urlsplit(url).hostname or "").lower()
    for known, icon in _HOST_ICONS.items():
        if host == known or host.endswith("." + known):
            return icon
    return forges.for_url(url).icon


def _entry(label: str, entry: Any) -> IconLink | None:
    if not isinstance(entry, Mapping):
        warn_described(label, entry, _SKIPPED, "is not a mapping with a name and a url")
        return None
    unknown = sorted(str(k) for k in entry if k not in _KEYS)
    if unknown:
        warn_described(label, entry, _SKIPPED, f"has keys other than name, url, icon and rel ({', '.join(unknown)})")
        return None
    name, url, icon, rel = (entry.get(k, "") for k in ("name", "url", "icon", "rel"))
    if not isinstance(name, str) or not name.strip():
        warn_described(label, entry, _SKIPPED, "has no name")
        return None
    if not isinstance(url, str) or not _url_ok(url.strip()):
        warn_described(label, entry, _SKIPPED, "has no http(s) or mailto url")
        return None
    url = url.strip()
    if icon in ("", None):
        icon = _default_icon(url)
    elif not isinstance(icon, str) or not (icon.strip().lower() in BUILTIN or icon.strip().lower().endswith(".svg")):
        warn_described(
            label, entry, _SKIPPED, "names an icon that is neither one of " + ", ".join(BUILTIN) + " nor an .svg file"
        )
        return None
    icon = icon.strip()
    icon = icon.lower() if icon.lower() in BUILTIN else icon
    if rel in (None, ""):
        rel = ""
    elif not isinstance(rel, str) or not _REL.fullmatch(rel.strip().lower()):
        warn_described(label, entry, _SKIPPED, "has a rel that is not a list of link types such as 'me'")
        return None
    return IconLink(name.strip(), url, icon, " ".join(str(rel).lower().split()))


def check(name: str, value: Any, default: tuple[IconLink, ...]) -> tuple[IconLink, ...]:
    """The usable entries of ``icon_links``; one warning for each one left out."""
    if value in ("", None):
        return default
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, (list, tuple)):
        warn_described(name, value, "no icon links", "is not a list of {'name': ..., 'url': ..., 'icon': ...} entries")
        return default
    links = (_entry(f"{name}[{i}]", entry) for i, entry in enumerate(value))
    return tuple(link for link in links if link is not None)


# -- SVG files of the user's own ------------------------------------------------------

_SVG_NS = "http://www.w3.org/2000/svg"
_XLINK_NS = "http://www.w3.org/1999/xlink"
# Elements that run code, load other documents or carry CSS: removed with their content.
_DROPPED = {"script", "foreignobject", "iframe", "style", "image", "audio", "video", "a", "animate", "set", "handler"}
# Whatever the file says, the root gets these: an icon, hidden from screen readers
# (the link's name is the entry's name), in the header's text colour unless it has its own.
_ROOT = {"class": "pt-icon", "width": "24", "height": "24", "aria-hidden": "true", "focusable": "false"}


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _attributes(element: ElementTree.Element) -> tuple[list[tuple[str, str]], bool]:
    kept, dropped = [], False
    for key, value in element.attrib.items():
        local = _local(key)
        if local.lower().startswith("on") or local.lower() == "style" and "url(" in value.lower():
            dropped = True
            continue
        if local == "href":
            if not value.startswith("#"):  # only references inside the icon
                dropped = True
                continue
            key = "href"
        elif key.startswith("{") and not key.startswith("{" + _SVG_NS):
            continue  # other namespaces' attributes (editors' metadata)
        kept.append((local, value))
    return kept, dropped


def _write(element: ElementTree.Element, out: list[str], root: bool = False) -> bool:
    """Serialise ``element`` with only what an icon may hold; whether something was dropped."""
    attributes, dropped = _attributes(element)
    if root:
        attributes = [(k, v) for k, v in attributes if k not in _ROOT and k != "xmlns"]
        attributes += list(_ROOT.items())
        if not any(k == "fill" for k, _ in attributes):
            attributes.append(("fill", "currentColor"))
    tag = _local(element.tag)
    out.append("<" + tag + "".join(f' {k}="{escape(v)}"' for k, v in attributes) + ">")
    out.append(escape(element.text or ""))
    for child in element:
        if not isinstance(child.tag, str) or child.tag.startswith("{") and not child.tag.startswith("{" + _SVG_NS):
            dropped = True
        elif _local(child.tag).lower() in _DROPPED:
            dropped = True
        else:
            dropped = _write(child, out) or dropped
        out.append(escape(child.tail or ""))
    out.append(f"</{tag}>")
    return dropped


def sanitise(text: str) -> tuple[str | None, str]:
    """The SVG to inline, cleaned, or ``None``; and what was wrong, if anything."""
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        return None, "declares a DOCTYPE or entities"
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        return None, f"is not well-formed XML ({error})"
    if _local(root.tag) != "svg":
        return None, "does not have an <svg> root"
    out: list[str] = []
    dropped = _write(root, out, root=True)
    svg = "".join(out)
    return svg, "had scripts, event handlers, external links or foreign content, removed" if dropped else ""


#: The inlined SVG of each file icon, by the path given; per builder.
_FILE_ICONS: WeakKeyDictionary[Builder, dict[str, Markup]] = WeakKeyDictionary()
#: The links the header shows: those whose icon could be used.
_USABLE: WeakKeyDictionary[Builder, tuple[IconLink, ...]] = WeakKeyDictionary()


def _find(app: Sphinx, path: str) -> Path | None:
    for folder in app.config.html_static_path:
        candidate = Path(app.confdir, folder, path)
        if candidate.is_file():
            return candidate
    return None


def load(app: Sphinx, links: tuple[IconLink, ...]) -> None:
    """Read every SVG file icon once (at ``builder-inited``); keep the usable links."""
    icons = _FILE_ICONS[app.builder] = {}
    usable = []
    for i, link in enumerate(links):
        if link.is_file and link.icon not in icons:
            file = _find(app, link.icon)
            label = f"icon_links[{i}]"
            if file is None:
                warn_described(label, link.icon, _SKIPPED, "is not a file in html_static_path")
                continue
            svg, problem = sanitise(file.read_text(encoding="utf-8", errors="replace"))
            if svg is None:
                warn_described(label, link.icon, _SKIPPED, problem)
                continue
            if problem:
                warn_described(label, link.icon, "the rest of the icon", problem)
            icons[link.icon] = Markup(svg)
        usable.append(link)
    _USABLE[app.builder] = tuple(usable)


def links(builder: Builder) -> tuple[IconLink, ...]:
    return _USABLE.get(builder, ())


def file_icon(builder: Builder, path: str) -> Markup:
    return _FILE_ICONS.get(builder, {}).get(path, Markup(""))

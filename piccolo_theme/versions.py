"""Versions: the header's version menu and the outdated-version notice.

Two sources feed them, both read in the browser (nothing is fetched at build):

* a JSON file in pydata-sphinx-theme's switcher format, named by the
  ``version_switcher`` option (``switcher``, pydata's spelling, works too);
* Read the Docs Addons, whose ``readthedocs-addons-data-ready`` event carries
  the project's versions, translations and downloads. It applies when the site
  is built on Read the Docs (``READTHEDOCS=True``).

With neither, no page carries anything about versions and
``piccolo_theme_versions.js`` (with the stylesheet it loads) is not added.
The options are validated here, once per build, like those of
:mod:`piccolo_theme.options`; the templates see the result as
``piccolo.versions`` (``None`` without a source).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit
from weakref import WeakKeyDictionary

from sphinx.config import Config

from piccolo_theme import settings
from piccolo_theme.validation import Described, as_bool, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: The browser half: loaded only on sites with a version source.
SCRIPT = "piccolo_theme_versions.js"
#: pydata-sphinx-theme's name for ``version_switcher``.
SWITCHER_ALIAS = "switcher"
_NO_MENU = Described("no version menu")


@dataclasses.dataclass(frozen=True)
class VersionSettings:
    """What the page tells the script; built only when a source exists."""

    #: The switcher JSON, absolute (http(s)) or relative to the site root; ``""``
    #: when only Read the Docs Addons feeds the menu.
    json_url: str
    #: The switcher entry (``version``) this build is.
    version_match: str
    #: Listen for Read the Docs Addons' data (built on Read the Docs).
    addons: bool
    show_warning: bool = True
    hide_flyout: bool = True


def _on_read_the_docs(environ: Mapping[str, str]) -> bool:
    return environ.get("READTHEDOCS", "").lower() == "true"


def _default_match(config: Config, environ: Mapping[str, str]) -> str:
    if _on_read_the_docs(environ) and environ.get("READTHEDOCS_VERSION"):
        return environ["READTHEDOCS_VERSION"]
    return str(config.release or config.version or "")


def _check_json_url(name: str, value: Any) -> str:
    """The URL, or ``""`` after one warning."""
    if not isinstance(value, str) or not value.strip():
        warn(name, value, _NO_MENU, "has no json_url (the switcher file's URL)")
        return ""
    url = value.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if (
        parts is None
        or (parts.scheme and parts.scheme not in ("http", "https"))
        or any(c in url for c in "\"'<>\\ \t\n")
    ):
        warn(name, value, _NO_MENU, "has a json_url that is neither http(s) nor relative")
        return ""
    return url


def _check_switcher(name: str, value: Any, config: Config, environ: Mapping[str, str]) -> tuple[str, str]:
    """``(json_url, version_match)`` from the option's mapping; ``("", ...)`` when unusable."""
    match = _default_match(config, environ)
    if value in ("", None, {}):
        return "", match
    if not isinstance(value, Mapping):
        warn(name, value, _NO_MENU, 'is not a mapping like {"json_url": ..., "version_match": ...}')
        return "", match
    url = _check_json_url(name, value.get("json_url"))
    if not url:
        return "", match
    given = value.get("version_match")
    if isinstance(given, (int, float)) and not isinstance(given, bool):
        given = str(given)
    if given in (None, ""):
        pass
    elif isinstance(given, str):
        match = given.strip()
    else:
        warn(name, value, Described(f"version_match {match!r}"), "has a version_match that is not a string")
    return url, match


def read_settings(
    user_options: Mapping[str, Any], config: Config, environ: Mapping[str, str] | None = None
) -> VersionSettings | None:
    """Validate the version options (theme defaults merged with the user's)."""
    environ = os.environ if environ is None else environ
    name = "version_switcher"
    value = user_options.get(name)
    if value in ("", None, {}) and user_options.get(SWITCHER_ALIAS) not in ("", None, {}):
        name, value = SWITCHER_ALIAS, user_options[SWITCHER_ALIAS]
    json_url, match = _check_switcher(name, value, config, environ)
    show_warning = as_bool("show_version_warning", user_options.get("show_version_warning", True), True)
    hide_flyout = as_bool("hide_readthedocs_flyout", user_options.get("hide_readthedocs_flyout", True), True)
    addons = _on_read_the_docs(environ)
    if not json_url and not addons:
        return None
    return VersionSettings(json_url, match, addons, show_warning, hide_flyout)


_SETTINGS: WeakKeyDictionary[Config, VersionSettings] = WeakKeyDictionary()


def load(app: Sphinx) -> None:
    """At ``builder-inited``, once our options are loaded (see ``setup``)."""
    found = read_settings(settings.raw_options(app), app.config)
    if found is None:
        return
    _SETTINGS[app.config] = found
    # Deferred, and only here: pages of sites without versions never load it.
    app.add_js_file(SCRIPT, loading_method="defer")


def version_settings(config: Config) -> VersionSettings | None:
    """This build's version settings, ``None`` without a version source."""
    return _SETTINGS.get(config)

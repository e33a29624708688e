"""Per-build state: is our theme in use, and with which (validated) options.

:func:`theme_options` is the one answer to "is this our theme?": every hook,
transform and handler asks it, and does nothing when it says ``None``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from sphinx.config import Config

from piccolo_theme.facts import PACKAGE_DIR
from piccolo_theme.options import ThemeOptions, validate

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# Keyed by the build's Config: every hook and transform can reach it publicly.
_OPTIONS: WeakKeyDictionary[Config, ThemeOptions] = WeakKeyDictionary()


def _uses_theme(app: Sphinx) -> bool:
    """Whether the builder renders pages with piccolo_theme (or a theme based on it)."""
    theme = getattr(app.builder, "theme", None)
    if theme is None:
        return False
    return any(Path(d).resolve() == PACKAGE_DIR for d in theme.get_theme_dirs())


def load(app: Sphinx) -> ThemeOptions | None:
    """Validate the options once per build (at ``builder-inited``); see :func:`theme_options`."""
    if not _uses_theme(app):
        return None
    options = _OPTIONS[app.config] = validate(raw_options(app))
    return options


def raw_options(app: Sphinx) -> dict:
    """The theme's declared defaults, then what the user wrote; neither is modified."""
    theme = app.builder.theme  # type: ignore[attr-defined]
    _, user_options = app.builder.get_theme_config()  # type: ignore[attr-defined]
    if not isinstance(user_options, Mapping):
        # Sphinx has already warned that html_theme_options is not a dict.
        user_options = {}
    return {**theme.get_options({}), **user_options}


def theme_options(source: Sphinx | Config) -> ThemeOptions | None:
    """The validated options, or ``None`` when piccolo_theme is not the HTML theme.

    ``source`` is the application or, in a transform, ``self.config``.
    """
    config = source if isinstance(source, Config) else source.config
    return _OPTIONS.get(config)

"""The theme's SVG icons, inlined into the page."""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from markupsafe import Markup

if TYPE_CHECKING:
    from sphinx.builders import Builder

_ICONS: WeakKeyDictionary[Builder, dict[str, Markup]] = WeakKeyDictionary()


def icon(builder: Builder, name: str) -> Markup:
    """The SVG of ``components/icons/<name>.svg``, read once per build.

    Read through the template loader, so a file of that name in the user's
    ``templates_path`` replaces ours; inlined rather than included, because
    an include per icon costs a template context per icon per page.
    """
    icons = _ICONS.setdefault(builder, {})
    if name not in icons:
        environment = builder.templates.environment
        source = environment.loader.get_source(environment, f"components/icons/{name}.svg")[0]
        icons[name] = Markup(source.strip())
    return icons[name]

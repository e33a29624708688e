"""Parts of the page that many pages share, rendered once for all of them.

The header, the banner, the head script, the footer and the navigation
drawer's icon links read nothing of the page they are on but its links, which
Sphinx's ``pathto`` makes relative to the page's folder. Each expression of a
template costs 1-3.5 microseconds in Sphinx's sandboxed Jinja (measured), and
these parts hold many: rendering them once per folder took a 600-page site's
template phase from 7.08 to 5.70 million Python calls. The folder's other pages
reuse the HTML. ``pathto`` gives ``#`` for a
link to the page itself, so the pages these parts link to by name (the root,
the search page, the copyright page) get their own copy, and so do pages with
and without a left sidebar (the header's menu buttons).

Only the theme's own files are reused: when a site overrides one of them, or
any file it includes (``templates_path``), it is rendered for every page, as
it may read anything. tests/test_fragments.py builds a site both ways and
compares every page.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import TemplateNotFound, meta
from markupsafe import Markup

from piccolo_theme import facts
from piccolo_theme.per_build import PerBuild

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable

    from sphinx.builders import Builder

#: Pages the shared parts link to by name, besides the root.
LINKED_PAGES = frozenset({"search", "copyright"})

# Per build (a site's files may have changed): whether each template (and all
# it includes) is the theme's own, and the HTML rendered so far, by (template, page key).
_OWN: PerBuild[str, bool] = PerBuild()
_RENDERED: PerBuild[tuple[str, Hashable], Markup] = PerBuild()


def folder(builder: Builder, pagename: str) -> str:
    """The folder of ``pagename``'s output: Sphinx's relative links depend on it alone."""
    return builder.get_target_uri(pagename).rpartition("/")[0]


def page_key(builder: Builder, pagename: str, left_sidebar: bool, folder: str) -> Hashable:
    """What the shared parts of ``pagename`` depend on: its ``folder``, whether
    it is a page they link to, whether it has a left sidebar."""
    linked = pagename == builder.config.root_doc or pagename in LINKED_PAGES
    return (folder, pagename if linked else "", left_sidebar)


def once(builder: Builder, name: str, key: Hashable | None, render: Callable[[], str]) -> Markup:
    """The HTML of template ``name`` for pages of ``key``: rendered by ``render``
    for the first of them, reused for the rest. ``key`` None: always rendered."""
    if key is None or not is_own(builder, name):
        return Markup(render())
    return _RENDERED.get(builder, (name, key), lambda: Markup(render()))


def is_own(builder: Builder, name: str) -> bool:
    """Whether ``name`` and every template it includes are the theme's own files."""
    return _OWN.get(builder, name, lambda: _all_own(builder, name))


def _all_own(builder: Builder, name: str) -> bool:
    # A site's own template bridge (html_template_bridge) may have no Jinja environment.
    templates = getattr(builder, "templates", None)
    environment = getattr(templates, "environment", None)
    if environment is None or environment.loader is None:
        return False
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            source, filename, _ = environment.loader.get_source(environment, current)
        except TemplateNotFound:
            return False
        if filename is None or not Path(filename).resolve().is_relative_to(facts.PACKAGE_DIR):
            return False
        for included in meta.find_referenced_templates(environment.parse(source)):
            if included is None:
                return False  # a name computed as the page renders: anything
            todo.append(included)
    return True

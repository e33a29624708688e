"""Parts of the page that many pages share, rendered once for all of them.

The header, the banner, the head script, the footer, the navigation drawer's
icon links and the back-to-top link read little of the page they are on: its
links, which Sphinx's ``pathto`` makes relative to the page, and a few
build-wide values (``copyright``, ``last_updated``...), which are part of the
key: an extension that changes one for a page gets that page its own
rendering. Each expression of a template costs 1-3.5 microseconds in Sphinx's
sandboxed Jinja (measured), and these parts hold many: rendering them once per
folder took a 600-page site's template phase from 7.08 to 5.70 million Python
calls.

They link only to pages and files at the top of the site (the root, the search
and copyright pages, ``_static``: tests/test_fragments.py pins it), and a
relative link to the top depends only on how deep the linking page is, so the
pages of one depth share them (:func:`links_key`). ``pathto`` gives ``#`` for a
link to the page itself, so the pages these parts link to by name get their own
copy, and so do pages with and without a left sidebar (the header's menu
buttons).

Only the theme's own files are reused: when a site overrides one of them, or
any file it includes (``templates_path``), it is rendered for every page, as
it may read anything. tests/test_fragments.py builds a site both ways and
compares every page.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from jinja2 import TemplateNotFound, meta
from markupsafe import Markup

from piccolo_theme import facts
from piccolo_theme.per_build import PerBuild

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable

    from sphinx.builders import Builder


class _Values(Protocol):
    """A page's template context (Jinja's ``Context``, or a dict)."""

    def get(self, key: str, default: Any = None) -> Any: ...


#: Pages the shared parts link to by name, besides the root.
LINKED_PAGES = frozenset({"search", "copyright"})

# Per build (a site's files may have changed): for each template, the page
# values it and its includes read (None: not all the theme's own), and the HTML
# rendered so far, by (template, page key, those values).
_READS: PerBuild[str, tuple[str, ...] | None] = PerBuild()
_RENDERED: PerBuild[tuple[str, Hashable, Hashable], Markup] = PerBuild()
# Not a page value: the theme's own object (tests/test_fragments.py shows what
# the shared parts read of it is the same on every page of a key).
_NOT_PAGE_VALUES = frozenset({"piccolo"})


def folder(builder: Builder, pagename: str) -> str:
    """The folder of ``pagename``'s output: Sphinx's relative links depend on it alone."""
    return builder.get_target_uri(pagename).rpartition("/")[0]


def links_key(builder: Builder, pagename: str) -> Hashable:
    """What links to the top of the site depend on for ``pagename``: how deep its
    output is. Also the folder it is in, if that is the folder of a page linked
    to by name (with ``dirhtml``, ``search/`` is where the search page is); the
    whole folder when the root is itself in a folder."""
    target = builder.get_target_uri(pagename)
    root = builder.config.root_doc
    if "/" in root:
        return folder(builder, pagename)
    first = target.partition("/")[0] if "/" in target else ""
    return (target.count("/"), first if first in LINKED_PAGES or first in (root, "_static") else "")


def page_key(builder: Builder, pagename: str, left_sidebar: bool, links: Hashable) -> Hashable:
    """What the shared parts of ``pagename`` depend on: its :func:`links_key`,
    whether it is a page they link to, whether it has a left sidebar."""
    linked = pagename == builder.config.root_doc or pagename in LINKED_PAGES
    return (links, pagename if linked else "", left_sidebar)


def once(builder: Builder, name: str, key: Hashable | None, render: Callable[[], str], values: _Values) -> Markup:
    """The HTML of template ``name`` for pages of ``key``: rendered by ``render``
    for the first of them, reused for the rest. ``key`` None: always rendered.

    ``values``: the page's template context. The values the template reads
    from it are part of the key, so another extension that changes one for a
    page (``last_updated``, say) gets that page its own rendering.
    """
    reads = _READS.get(builder, name, lambda: _reads(builder, name))
    if key is None or reads is None:
        return Markup(render())
    read = tuple(_fingerprint(values.get(variable)) for variable in reads)
    return _RENDERED.get(builder, (name, key, read), lambda: Markup(render()))


def is_own(builder: Builder, name: str) -> bool:
    """Whether ``name`` and every template it includes are the theme's own files."""
    return _READS.get(builder, name, lambda: _reads(builder, name)) is not None


def _fingerprint(value: Any) -> Hashable:
    if callable(value):
        return None  # pathto, hasdoc...: made per page, but their answers depend on the key
    try:
        hash(value)
    except TypeError:
        return repr(value)  # a list of copyright lines, say
    return value


def _reads(builder: Builder, name: str) -> tuple[str, ...] | None:
    """The context variables ``name`` and its includes read, if all are the theme's own."""
    # A site's own template bridge (html_template_bridge) may have no Jinja environment.
    templates = getattr(builder, "templates", None)
    environment = getattr(templates, "environment", None)
    if environment is None or environment.loader is None:
        return None
    reads: set[str] = set()
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
            return None
        if filename is None or not Path(filename).resolve().is_relative_to(facts.PACKAGE_DIR):
            return None
        tree = environment.parse(source)
        reads |= meta.find_undeclared_variables(tree)
        for included in meta.find_referenced_templates(tree):
            if included is None:
                return None  # a name computed as the page renders: anything
            todo.append(included)
    return tuple(sorted(reads - _NOT_PAGE_VALUES))

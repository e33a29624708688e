"""What the templates see as ``piccolo``, and the theme's one page hook.

:func:`on_html_page_context` is the only place the theme touches a page's
context: it fixes the canonical URL, applies the HTML fix-ups, then adds
:class:`PageContext`. Each value of :class:`PageContext` is computed on first
use, once per page, by the module of the feature it serves, so a user who
overrides a component (say, the navigation) does not pay for the part they
replaced. Values that other extensions' handlers may still change (the body,
the head's tags, the scripts) are not kept here: the templates pass them in
as they render.
"""

from __future__ import annotations

import functools
from functools import cached_property
from typing import TYPE_CHECKING, Any

from jinja2 import pass_context
from markupsafe import Markup

from piccolo_theme import (
    assets,
    breadcrumbs,
    compat,
    description,
    edit_links,
    facts,
    fixups,
    fonts,
    forges,
    fragments,
    head_tags,
    header,
    i18n,
    icon_links,
    icons,
    logos,
    navigation,
    notebooks,
    notfound,
    opengraph,
    script_loading,
    settings,
    versions,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Iterable

    from docutils import nodes
    from jinja2.runtime import Context
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from piccolo_theme.options import ThemeOptions


class PageContext:
    """Per-page values for the templates, each computed on first use."""

    #: The facts the templates share with the Python and the JavaScript.
    facts = facts

    def __init__(
        self,
        builder: Builder,
        options: ThemeOptions,
        pagename: str,
        doctree: nodes.document | None,
        generated_body: str = "",
        *,
        opengraph_tags: bool = True,
        pathto: Callable[..., str] | None = None,
        sidebars: bool = True,
    ) -> None:
        # Not the page's context itself: the context holds this object, and
        # that cycle would keep each page's context (body and all) alive until
        # the garbage collector's next full pass.
        self._builder = builder
        self.options = options
        self._pagename = pagename
        self._doctree = doctree
        # The HTML of a page with no doctree (see fonts.preloads).
        self._generated_body = generated_body
        # False when sphinxext-opengraph writes the tags instead.
        self._opengraph_tags = opengraph_tags
        # Set on sphinx-notfound-page's 404 page: its absolute ``pathto``.
        self._pathto = pathto
        #: Whether the page has a left sidebar: sidebar templates (``html_sidebars``)
        #: and not ``basic``'s ``nosidebar``.
        self.left_sidebar = sidebars and not options.nosidebar

    @cached_property
    def navigation(self) -> Markup:
        return Markup(navigation.site_navigation(self._builder, self._pagename, self.options, self._pathto))

    @cached_property
    def _page_contents(self) -> tuple[str, int]:
        if self._doctree is None or self._pagename not in self._builder.env.tocs:
            return "", 0
        return navigation.page_contents(self._builder, self._pagename)

    @property
    def page_contents(self) -> Markup:
        return Markup(self._page_contents[0])

    @property
    def show_page_contents(self) -> bool:
        if navigation.hidden_by_metadata(self._metadata):
            return False
        return self._page_contents[1] >= 2

    @property
    def _metadata(self) -> dict[str, Any]:
        return self._builder.env.metadata.get(self._pagename) or {}

    @cached_property
    def _description(self) -> str:
        return description.of_page(self._doctree, self._metadata)

    def description(self, metatags: str = "") -> str:
        """The meta description to write; empty when ``metatags`` already have one."""
        return "" if description.already_given(metatags) else self._description

    def opengraph(self, title: str, metatags: str, pageurl: str, pathto: Callable[..., str]) -> list[tuple[str, str]]:
        """The page's OpenGraph ``(property, content)`` pairs (see opengraph.py)."""
        if not self._opengraph_tags:
            return []
        config = self._builder.config
        image = opengraph.page_image(self._metadata, self._pagename, self.options.social_image)
        return opengraph.tags(
            title=title,
            description=self._description,
            site_name=config.project,
            url=pageurl,
            image=image and opengraph.image_url(image, config.html_baseurl, pathto),
            metatags=metatags,
        )

    def icon(self, name: str) -> Markup:
        return icons.icon(self._builder, name)

    @cached_property
    def font_preloads(self) -> list[str]:
        return fonts.preloads(self._doctree, self._generated_body)

    @property
    def brand_title(self) -> str:
        return header.brand_title(self._builder.config)

    @property
    def rtl(self) -> bool:
        return i18n.is_rtl(self._builder.config.language)

    @property
    def banner_id(self) -> str:
        return header.banner_id(self.options.banner_text)

    @property
    def lazy_query(self) -> str:
        """The ``?v=`` cache key to add to the URL of a file the theme's scripts load
        themselves (see ``assets.LAZY_FILES``); empty where a query is not allowed."""
        return assets.lazy_query(self._builder)

    @property
    def versions(self) -> versions.VersionSettings | None:
        """The version menu's settings; ``None`` (nothing rendered) without a source."""
        return versions.version_settings(self._builder.config)

    @property
    def source_forge(self) -> forges.Forge:
        """The forge of ``source_url`` (``source_icon`` names it)."""
        return forges.BY_KEY.get(self.options.source_icon, forges.GENERIC)

    @cached_property
    def breadcrumbs(self) -> list[breadcrumbs.Crumb]:
        """The pages above this one, root first, this page last; empty on the root page."""
        if not self.options.show_breadcrumbs or self._doctree is None:
            return []
        folder = None if self._pathto is not None else self._folder
        return breadcrumbs.trail(self._builder, self._pagename, self.options, folder)

    @property
    def breadcrumbs_data(self) -> Markup:
        """The breadcrumbs as schema.org JSON-LD."""
        return breadcrumbs.structured_data(self._builder, self.breadcrumbs)

    @cached_property
    def _source_links(self) -> tuple[str, str]:
        if self._doctree is None:
            return "", ""
        return edit_links.page_links(self._builder, self._pagename, self._metadata)

    @property
    def edit_url(self) -> str:
        """The forge's editor for this page's source file; empty when there is none."""
        return self._source_links[0]

    @property
    def view_url(self) -> str:
        return self._source_links[1]

    @property
    def edit_forge(self) -> forges.Forge:
        """The forge of the edit links (for their icon); generic for templates."""
        return edit_links.forge(self._builder)

    @property
    def logos(self) -> logos.Logos:
        return logos.logos(self._builder)

    @property
    def icon_links(self) -> list[tuple[icon_links.IconLink, Markup]]:
        """The header's icon links, each with its inlined icon."""
        return [
            (link, icon_links.file_icon(self._builder, link.icon) if link.is_file else self.icon(link.icon))
            for link in icon_links.links(self._builder)
        ]

    @pass_context
    def once(self, context: Context, name: str, caller: Callable[[], str]) -> Markup:
        """``{% call piccolo.once(name) %}{% include name %}{% endcall %}``: the
        include rendered once for the pages that share it (see fragments.py)."""
        # On sphinx-notfound-page's 404 page every link is absolute: its own.
        key = None if self._pathto is not None else self._fragment_key
        return fragments.once(self._builder, name, key, caller, context)

    @cached_property
    def _fragment_key(self) -> Hashable:
        return fragments.page_key(self._builder, self._pagename, self.left_sidebar, self._links)

    @cached_property
    def _tags(self) -> head_tags.TagMaker:
        # On sphinx-notfound-page's 404 page links are absolute: made for it alone.
        if self._pathto is not None:
            return head_tags.TagMaker(self._builder, None)
        return head_tags.TagMaker(self._builder, self._folder, self._links)

    @cached_property
    def _links(self) -> Hashable:
        return fragments.links_key(self._builder, self._pagename)

    @cached_property
    def _folder(self) -> str:
        return fragments.folder(self._builder, self._pagename)

    def css_tags(self, css_files: Iterable[Any], css_tag: Callable[[Any], str], pathto: Callable[..., str]) -> Markup:
        """basic's ``css()``, each tag made once per folder (see head_tags)."""
        return Markup(self._tags.css_tags(css_files, css_tag, pathto))

    def script_tags(self, script_files: Iterable[Any], js_tag: Callable[[Any], str], body: str = "") -> Markup:
        """The page's script tags, deferred where that is safe (see script_loading)."""
        tag = functools.partial(self._tags.tag, js_tag)
        return Markup(script_loading.script_tags(script_files, tag, self._pagename, str(body or "")))


def on_html_page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    options = settings.theme_options(app)
    if options is None:
        return
    compat.canonical_url(app, pagename, context)
    fixups.fix_page(
        context,
        old_trailing_comma="python_trailing_comma_in_multi_line_signatures" not in app.config,
    )
    body = context.get("body")
    if isinstance(body, str) and notebooks.has_cells(body):
        # This page only (Sphinx restores the list after each page).
        app.add_css_file(notebooks.STYLESHEET)
    generated = "" if doctree is not None else str(context.get("body") or "")
    absolute = None
    if notfound.is_404_page(app, pagename):
        context["content_root"] = notfound.content_root(app)
        absolute = context["pathto"]
    context["piccolo"] = PageContext(
        app.builder,
        options,
        pagename,
        doctree,
        generated,
        opengraph_tags=opengraph.EXTENSION not in app.extensions,
        pathto=absolute,
        sidebars=bool(context.get("sidebars")),
    )

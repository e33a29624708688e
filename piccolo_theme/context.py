"""What the templates see as ``piccolo``: options plus per-page values.

Everything per page is computed lazily, so a user who overrides a component
(say, the navigation) does not pay for the part they replaced.
"""

from __future__ import annotations

import hashlib
import re
from functools import cached_property
from weakref import WeakKeyDictionary
from typing import TYPE_CHECKING, Any

from docutils import nodes
from markupsafe import Markup

from piccolo_theme import navigation, script_loading, settings

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from piccolo_theme.options import ThemeOptions

_DESCRIPTION_LENGTH = 160
_CAPTION = '<p class="caption" role="heading">'
_BIBLIOENTRY = 'role="doc-biblioentry"'
_EXTRA_VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'
_HAS_DESCRIPTION = re.compile(r"<meta\s[^>]*name=[\"']description[\"']", re.IGNORECASE)

# The faces of sass/_fonts.scss a page's article uses, judged from its markup
# (see PageContext.font_preloads). Body text and headings are on every page.
_ALWAYS_FACES = ("roboto-latin-400-normal", "roboto-latin-700-normal")
_MONO_FACE = "roboto-mono-latin-400-normal"
_ITALIC_FACE = "roboto-latin-400-italic"
_MONO_TAGS = ("<code", "<pre", "<kbd", "<samp", "<tt")
# Elements a browser sets in italic; in a signature they are upright or monospaced.
_ITALIC_TAG = re.compile(r"<(?:em|cite|var|dfn|address)(?=[\s>])([^>]*)>")
_NOT_SANS_ITALIC = ("sig-param", "property")
# A parsed literal's emphasis is monospaced too.
_PRE_BLOCK = re.compile(r"<pre[\s>].*?</pre>", re.DOTALL)


class PageContext:
    """Per-page values for the templates, each computed on first use."""

    def __init__(
        self,
        builder: Builder,
        options: ThemeOptions,
        pagename: str,
        context: dict[str, Any],
        doctree: nodes.document | None,
    ) -> None:
        self._builder = builder
        self.options = options
        self._pagename = pagename
        # What the properties read, not the context itself: the context holds
        # this object, and that cycle would keep each page's context (body and
        # all) alive until the garbage collector's next full pass.
        self._body = str(context.get("body", ""))
        self._meta = context.get("meta") or {}
        self._metatags = str(context.get("metatags", ""))
        self._script_files = context.get("script_files", ())
        self._js_tag = context.get("js_tag")
        self._doctree = doctree

    @cached_property
    def navigation(self) -> Markup:
        return Markup(navigation.site_navigation(self._builder, self._pagename, self.options))

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
        if navigation.hidden_by_metadata(self._meta):
            return False
        return self._page_contents[1] >= 2

    @cached_property
    def description(self) -> str:
        """A meta description: the page's ``description`` metadata, else its first paragraph.

        Empty when the page already has one (``.. meta::``) or has no prose.
        """
        if _HAS_DESCRIPTION.search(self._metatags):
            return ""
        text = str(self._meta.get("description", "")).strip()
        if not text and self._doctree is not None:
            for paragraph in self._doctree.findall(nodes.paragraph):
                if not _in_prose(paragraph):
                    continue
                text = " ".join(paragraph.astext().split())
                if text:
                    break
        if len(text) > _DESCRIPTION_LENGTH:
            text = text[: _DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0] + "\u2026"
        return text

    def icon(self, name: str) -> Markup:
        """The SVG of ``components/icons/<name>.svg``, read once per build.

        Read through the template loader, so a file of that name in the user's
        ``templates_path`` replaces ours; inlined rather than included, because
        an include per icon costs a template context per icon per page.
        """
        icons = _ICONS.setdefault(self._builder, {})
        if name not in icons:
            environment = self._builder.templates.environment
            path = f"components/icons/{name}.svg"
            source = environment.loader.get_source(environment, path)[0]
            icons[name] = Markup(source.strip())
        return icons[name]

    @property
    def font_preloads(self) -> list[str]:
        """The Roboto faces to preload: those the page's article will use.

        Preloaded, a face arrives with the stylesheets instead of after them, so
        text does not reflow when it swaps in. Only the article counts: the
        sidebars may be folded away on a phone, and a preloaded face the page
        never uses is a wasted download. A face missed here still loads, later.
        """
        body = self._body
        faces = list(_ALWAYS_FACES)
        if any(tag in body for tag in _MONO_TAGS):
            faces.append(_MONO_FACE)
        # One pass over both: the <pre> blocks and the italic tags come in page
        # order. The blocks are found only once the page has an italic tag.
        blocks: list[tuple[int, int]] | None = None
        block = 0
        for match in _ITALIC_TAG.finditer(body):
            if blocks is None:
                blocks = [(m.start(), m.end()) for m in _PRE_BLOCK.finditer(body)] if "<pre" in body else []
            position = match.start()
            while block < len(blocks) and blocks[block][1] <= position:
                block += 1
            in_pre = block < len(blocks) and blocks[block][0] <= position
            if not in_pre and not any(name in match.group(1) for name in _NOT_SANS_ITALIC):
                faces.append(_ITALIC_FACE)
                break
        return faces

    @property
    def brand_title(self) -> str:
        """``html_short_title`` when the user set one, else the project name."""
        config = self._builder.config
        short = config.html_short_title
        return short if short and short != config.html_title else config.project

    @property
    def rtl(self) -> bool:
        language = (self._builder.config.language or "en").replace("-", "_")
        return language.split("_")[0].lower() in _RTL_LANGUAGES

    @property
    def banner_id(self) -> str:
        """Changes whenever the banner text does, so a 'permanent' hide expires."""
        return hashlib.sha1(self.options.banner_text.encode()).hexdigest()[:10]

    @property
    def source_label(self) -> str:
        return _FORGE_NAMES.get(self.options.source_icon, "")

    @property
    def script_tags(self) -> Markup:
        """The page's script tags, deferred where that is safe (see script_loading)."""
        if self._js_tag is None:
            return Markup("")
        return Markup(script_loading.script_tags(self._script_files, self._js_tag, self._pagename, self._body))


_ICONS: WeakKeyDictionary[Builder, dict[str, Markup]] = WeakKeyDictionary()

_RTL_LANGUAGES = frozenset({"ar", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"})

_FORGE_NAMES = {
    "github": "GitHub",
    "gitlab": "GitLab",
    "bitbucket": "Bitbucket",
    "codeberg": "Codeberg",
    "generic": "",
}

# Paragraphs in these are not the page's own prose.
_NOT_PROSE = (
    nodes.Admonition,
    nodes.sidebar,
    nodes.topic,
    nodes.table,
    nodes.field_list,
    nodes.footnote,
    nodes.citation,
    nodes.system_message,
)


def _in_prose(paragraph: nodes.paragraph) -> bool:
    parent = paragraph.parent
    while parent is not None:
        if isinstance(parent, _NOT_PROSE) or parent.get("classes") and "toctree-wrapper" in parent["classes"]:
            return False
        parent = parent.parent
    return True


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
    # Sphinx gives toctree captions role="heading" without the aria-level that
    # role requires; a caption titles the list below it, like a subheading.
    body = context.get("body")
    if isinstance(body, str):
        if _CAPTION in body:
            body = body.replace(_CAPTION, _CAPTION[:-1] + ' aria-level="2">')
        # docutils marks citations with the deprecated doc-biblioentry role inside
        # a role="list"; listitem is what that list requires.
        if _BIBLIOENTRY in body:
            body = body.replace(_BIBLIOENTRY, 'role="listitem"')
        context["body"] = body
    # docutils >= 0.21 adds a second viewport tag to the one basic's layout has.
    metatags = context.get("metatags")
    if isinstance(metatags, str) and _EXTRA_VIEWPORT in metatags:
        context["metatags"] = metatags.replace(_EXTRA_VIEWPORT, "")
    context["piccolo"] = PageContext(app.builder, options, pagename, context, doctree)

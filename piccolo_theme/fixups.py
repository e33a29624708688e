"""Every place the theme rewrites HTML that Sphinx or docutils already wrote.

Where the theme can say something before the HTML exists, it does so there: on
the doctree (``page_walk``: tables, signatures), in its own node visitors
(the C++ template lists in ``signatures`` write ``role="none"`` themselves), in
its templates, or through Sphinx's asset API (``piccolo_theme.js`` is added with
``loading_method="defer"``). What is left is here: markup written by code the
theme does not own, with no setting that changes it. Each fix is a small
function saying why, and for which Sphinx/docutils versions.

:func:`fix_page` applies the page fixes in one pass, from the theme's one
``html-page-context`` handler (``context.on_html_page_context``). The script
tags are the exception: :func:`defer_script` runs as the template writes them,
because the page's script list is only final once every extension's
``html-page-context`` handler has run (they may add scripts to the page), and
Sphinx sorts it after the event (``StandaloneHTMLBuilder.handle_page``).
"""

from __future__ import annotations

import re
from typing import Any

from piccolo_theme.signatures import LIST_CLASS

# -- the page body ------------------------------------------------------------

_CAPTION = '<p class="caption" role="heading">'


def caption_heading_level(body: str) -> str:
    """Give toctree captions the ``aria-level`` their ``role="heading"`` requires.

    A caption titles the list below it, like a subheading: level 2. All supported
    versions (Sphinx 7.4 to 9.2) need it. Sphinx's ``HTML5Translator.visit_title``
    writes the tag with a fixed ``ROLE='heading'`` and nothing else, and docutils'
    ``starttag`` takes no other attribute from the node; the captions are made
    when toctrees are resolved, in ``BuildEnvironment.get_and_resolve_doctree``
    after the post-transforms and ``doctree-resolved``, so no hook of ours sees them.
    """
    if _CAPTION not in body:
        return body
    return body.replace(_CAPTION, _CAPTION[:-1] + ' aria-level="2">')


_BIBLIOENTRY = 'role="doc-biblioentry"'


def citation_list_item(body: str) -> str:
    """Mark citations ``role="listitem"`` instead of the deprecated ``doc-biblioentry``.

    docutils' HTML5 writer (every version Sphinx 7.4 and later allows, 0.20 on)
    wraps citations in a ``role="list"`` and writes each with ``role="doc-biblioentry"`` in
    ``HTMLTranslator.visit_citation``, a literal attribute no node setting changes;
    the list role requires list items. Replacing docutils' visitor for the
    standard ``citation`` node would also replace any extension's own.
    """
    if _BIBLIOENTRY not in body:
        return body
    return body.replace(_BIBLIOENTRY, 'role="listitem"')


# Sphinx's tag for a parameter list the theme broke (ours write role="none").
_LIST_TAG = re.compile(rf'<dl class="([^"]*\b{LIST_CLASS}\b[^"]*)">')


def parameter_list_presentation(body: str) -> str:
    """Present the parameter lists the theme breaks as plain text: ``role="none"``.

    A parameter list is a ``<dl>`` of ``<dd>`` s alone: not a definition list to
    assistive technology (axe's definition-list rule). Sphinx (7.1 and later)
    writes that ``<dl>`` in ``HTML5Translator._visit_sig_parameter_list`` with
    ``starttag(node, 'dl')``, which takes only ids and classes from the node.
    """
    if LIST_CLASS not in body:
        return body
    return _LIST_TAG.sub(r'<dl class="\1" role="none">', body)


_TRAILING_COMMA = re.compile(
    rf'(<dl class="[^"]*\b{LIST_CLASS}\b[^"]*"[^>]*>(?:(?!</dl>).)*?),'
    r'((?:<span class="optional">\]</span>)*</dd>\s*</dl>)',
    re.DOTALL,
)


def parameter_list_trailing_comma(body: str) -> str:
    """Drop the comma after the last parameter of the lists the theme breaks.

    Sphinx before 8.2 ends every multi-line list with a comma (C and C++ too);
    8.2 reads the node's ``multi_line_trailing_comma``, which the theme sets to
    ``False``, and added ``python_trailing_comma_in_multi_line_signatures`` at
    the same time, which tells the versions apart. Only applied before 8.2.
    """
    if LIST_CLASS not in body:
        return body
    return _TRAILING_COMMA.sub(r"\1\2", body)


_NOTEBOOK_SUMMARY = '<summary aria-label="Toggle hidden content">'


def notebook_toggle_name(body: str) -> str:
    """Let a collapsed notebook cell's toggle be named by its visible text.

    myst-nb (1.x) writes ``<summary aria-label="Toggle hidden content">`` around
    the visible "Show code cell source" in ``sphinx_.HideCodeCellNode``'s HTML
    visitor, a literal string; a name that leaves out the visible text fails
    WCAG 2.5.3 (axe's label-content-name-mismatch). Without the label the
    summary is named by what it shows.
    """
    if _NOTEBOOK_SUMMARY not in body:
        return body
    return body.replace(_NOTEBOOK_SUMMARY, "<summary>")


# -- the head -----------------------------------------------------------------

_EXTRA_VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'


def extra_viewport(metatags: str) -> str:
    """Remove the second viewport tag docutils adds to the one ``basic`` writes.

    docutils' HTML5 writer (0.21 and later) appends it to its ``meta`` in
    ``HTMLTranslator.__init__``, Sphinx passes those on as ``metatags``, and
    ``basic/layout.html`` writes its own viewport tag outside any block.
    """
    if _EXTRA_VIEWPORT not in metatags:
        return metatags
    return metatags.replace(_EXTRA_VIEWPORT, "")


def fix_page(context: dict[str, Any], *, old_trailing_comma: bool) -> None:
    """Apply every page fix to the page's ``body`` and ``metatags``, in place.

    ``old_trailing_comma``: the Sphinx in use predates 8.2 (see
    :func:`parameter_list_trailing_comma`).
    """
    body = context.get("body")
    if isinstance(body, str):
        body = caption_heading_level(body)
        body = citation_list_item(body)
        body = parameter_list_presentation(body)
        body = notebook_toggle_name(body)
        if old_trailing_comma:
            body = parameter_list_trailing_comma(body)
        context["body"] = body
    metatags = context.get("metatags")
    if isinstance(metatags, str):
        context["metatags"] = extra_viewport(metatags)


# -- script tags ----------------------------------------------------------------


def defer_script(tag: str) -> str:
    """Add ``defer`` to a ``<script src=...>`` tag Sphinx's ``js_tag`` wrote.

    ``loading_method="defer"`` only applies to a file as it is added: Sphinx adds
    its own (``documentation_options.js``, ``doctools.js``,
    ``sphinx_highlight.js``) in ``StandaloneHTMLBuilder.init_js_files`` without
    one, extensions add theirs, and the registered ``_JavaScript`` objects are
    private and immutable. ``script_loading.deferrable`` says which tags may be
    deferred; all supported versions need this.
    """
    if tag.startswith("<script "):
        return "<script defer " + tag[len("<script ") :]
    return tag

"""The page's meta description, for search results and link previews."""

from __future__ import annotations

import re
from collections.abc import Mapping

from docutils import nodes

LENGTH = 160
_DESCRIPTION_TAG = re.compile(r"<meta\s[^>]*name=[\"']description[\"']", re.IGNORECASE)

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


def already_given(metatags: str) -> bool:
    """Whether the head already has a description.

    Read from the rendered tags, not the doctree: besides ``.. meta::``, an
    extension may add one to ``metatags`` from its own ``html-page-context``
    handler, at any priority; the template asks once every handler has run.
    """
    return "description" in metatags and _DESCRIPTION_TAG.search(metatags) is not None


def of_page(doctree: nodes.document | None, metadata: Mapping[str, object]) -> str:
    """The page's ``description`` metadata, else its first paragraph of prose, shortened."""
    text = str(metadata.get("description", "")).strip()
    if not text and doctree is not None:
        for paragraph in doctree.findall(nodes.paragraph):
            if not _in_prose(paragraph):
                continue
            text = " ".join(paragraph.astext().split())
            if text:
                break
    if len(text) > LENGTH:
        text = text[: LENGTH - 1].rsplit(" ", 1)[0] + "\u2026"
    return text


def _in_prose(paragraph: nodes.paragraph) -> bool:
    parent = paragraph.parent
    while parent is not None:
        if isinstance(parent, _NOT_PROSE) or parent.get("classes") and "toctree-wrapper" in parent["classes"]:
            return False
        parent = parent.parent
    return True

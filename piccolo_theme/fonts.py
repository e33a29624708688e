"""Which web-font faces a page preloads: those its article will use.

Preloaded, a face arrives with the stylesheets instead of after them, so text
does not reflow when it swaps in. Only the article counts: the sidebars may be
folded away on a phone, and a preloaded face the page never uses is a wasted
download. A face missed here still loads, later.

The answer comes from the page's doctree, seen in the theme's one walk of
each page (``page_walk``): the node
types below are those Sphinx's and docutils' HTML writers write as monospaced
(``<code>``, ``<pre>``, ``<kbd>``, ``<samp>``, ``<tt>``) or sans italic (``<em>``,
``<cite>``, ``<var>``, ``<dfn>``) elements. Raw HTML is read as what it is.
Pages without a doctree (``viewcode``'s highlighted sources, the index) are
judged from their HTML, the only thing there is.
"""

from __future__ import annotations

import re
import weakref
from typing import Any
from weakref import WeakKeyDictionary

from docutils import nodes
from sphinx import addnodes

# The faces of sass/_fonts.scss. Body text and headings are on every page.
ALWAYS = ("roboto-latin-400-normal", "roboto-latin-700-normal")
MONO = "roboto-mono-latin-400-normal"
ITALIC = "roboto-latin-400-italic"

# Written as <pre>: monospaced, and so is any emphasis inside (a parsed literal's).
_PREFORMATTED = (nodes.literal_block, nodes.doctest_block, nodes.address)
# Inline code (``:kbd:`` as <kbd>), an option list's options (<kbd>).
_MONOSPACED = (nodes.literal, nodes.option_group)
# <em> (emphasis, literal_emphasis: a field's type), <cite>, <var>, a manual page's <em>.
# A signature's parameters and annotations are not among them: the theme sets
# them upright or monospaced.
_ITALIC = (nodes.emphasis, nodes.title_reference, nodes.option_argument, addnodes.manpage)
# docutils writes an inline with one of these classes as that element.
_MONO_CLASSES = frozenset({"code", "kbd", "samp"})
_ITALIC_CLASSES = frozenset({"var", "dfn"})

# Raw HTML: the tags themselves.
_RAW_MONO = re.compile(r"<(?:code|pre|kbd|samp|tt)[\s>]", re.IGNORECASE)
_RAW_ITALIC = re.compile(r"<(?:em|cite|var|dfn|address)[\s>]", re.IGNORECASE)


# What a node is to the walk, by class: judged once per class (page_walk keeps
# the answer beside its own), as one dict lookup a node is several times
# cheaper than five isinstance().
SKIP, _PRE, _MONO_NODE, _ITALIC_NODE, _INLINE, _RAW, PLAIN = range(7)


_BY_CLASS: tuple[tuple[type | tuple[type, ...], int], ...] = (
    (_PREFORMATTED, _PRE),
    (_MONOSPACED, _MONO_NODE),
    (_ITALIC, _ITALIC_NODE),
    (nodes.inline, _INLINE),
    (nodes.raw, _RAW),
)


def kind_of(cls: type) -> int:
    """What nodes of class ``cls`` are to :meth:`FaceFinder.see`."""
    if not issubclass(cls, nodes.Element):
        return SKIP
    return next((kind for bases, kind in _BY_CLASS if issubclass(cls, bases)), PLAIN)


_KINDS: dict[type, int] = {}


class FaceFinder:
    """Shown a page's nodes one by one (``page_walk``), finds which faces it uses."""

    def __init__(self) -> None:
        self.mono = False
        self.italic = False

    def see(self, node: Any, kind: int | None = None) -> bool:
        """Note what ``node`` uses (an Element; ``kind``: its class's :func:`kind_of`,
        if known); True when nothing inside it can use another face
        (preformatted), so its children need not be shown."""
        if kind is None:
            cls = type(node)
            kind = _KINDS.get(cls)
            if kind is None:
                kind = _KINDS[cls] = kind_of(cls)
        if kind == SKIP or kind == PLAIN:
            return False
        if kind == _PRE:
            self.mono = True
            return True  # its emphasis is monospaced too
        if kind == _MONO_NODE:
            self.mono = True
        elif kind == _ITALIC_NODE:
            self.italic = True
        elif kind == _INLINE and node["classes"]:
            classes = set(node["classes"])
            self.mono = self.mono or not classes.isdisjoint(_MONO_CLASSES)
            self.italic = self.italic or not classes.isdisjoint(_ITALIC_CLASSES)
        elif kind == _RAW:
            if "html" in node.get("format", "").split():
                text = node.astext()
                self.mono = self.mono or _RAW_MONO.search(text) is not None
                self.italic = self.italic or _RAW_ITALIC.search(text) is not None
            return True
        return False


def _uses(doctree: nodes.document) -> tuple[bool, bool]:
    """(monospaced, sans italic): whether the page's article has each."""
    faces = FaceFinder()
    found = _FOUND.get(doctree)
    if found is None:
        # A doctree page_walk did not see (another builder's, a test's): walked here.
        tops: list[Any] = [doctree]
    else:
        # Seen, but for its toctrees: Sphinx resolved them after the walk, in their wrappers.
        faces.mono, faces.italic, wrappers = found
        tops = [wrapper() for wrapper in wrappers]
    for top in tops:
        stack: list[Any] = [top] if top is not None else []
        while stack and not (faces.mono and faces.italic):
            node = stack.pop()
            if isinstance(node, nodes.Element) and not faces.see(node):
                stack.extend(reversed(node.children))
    return faces.mono, faces.italic


# Per page, what page_walk found as the page was resolved, and the toctrees'
# wrappers (weakly: they lead to the page, which must not outlive its writing).
_FOUND: WeakKeyDictionary[nodes.document, tuple[bool, bool, list[weakref.ref[nodes.Element]]]] = WeakKeyDictionary()


def record(doctree: nodes.document, faces: FaceFinder, toctree_wrappers: list[nodes.Element]) -> None:
    """Keep what the page's one walk found, for :func:`preloads`."""
    _FOUND[doctree] = (faces.mono, faces.italic, [weakref.ref(w) for w in toctree_wrappers])


_PRE_BLOCK = re.compile(r"<pre[\s>].*?</pre>", re.DOTALL)
_ITALIC_TAG = re.compile(r"<(?:em|cite|var|dfn|address)(?=[\s>])([^>]*)>")
_NOT_SANS_ITALIC = ("sig-param", "property")


def _uses_html(body: str) -> tuple[bool, bool]:
    """:func:`_uses` for a page that has only HTML."""
    mono = any(tag in body for tag in ("<code", "<pre", "<kbd", "<samp", "<tt"))
    blocks = [(m.start(), m.end()) for m in _PRE_BLOCK.finditer(body)] if "<pre" in body else []
    for match in _ITALIC_TAG.finditer(body):
        position = match.start()
        if any(start <= position < end for start, end in blocks):
            continue
        if not any(name in match.group(1) for name in _NOT_SANS_ITALIC):
            return mono, True
    return mono, False


def preloads(doctree: nodes.document | None, body: str = "") -> list[str]:
    """The faces to preload for a page (file names without ``.woff2``).

    ``body``: the HTML of a page that has no doctree.
    """
    faces = list(ALWAYS)
    mono, italic = _uses(doctree) if doctree is not None else _uses_html(body)
    if mono:
        faces.append(MONO)
    if italic:
        faces.append(ITALIC)
    return faces

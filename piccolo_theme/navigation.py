"""The left sidebar's page tree and the right sidebar's page contents, as HTML.

Sphinx resolves the toctree (hidden toctrees, depth, numbering, titles). Asking it again for
every page costs time proportional to the whole site, for every page: on a site of a thousand
pages that made builds a third slower. So the site tree is resolved once per build, uncollapsed,
into plain :class:`Entry` objects; each page then writes only what it shows (with
``globaltoc_collapse``, the top level and the branch leading to the page) with links made
relative to it by the builder, exactly as Sphinx would.

Even once, Sphinx's resolution copies every page's whole table of contents, sections and
all, to keep only the titles: on 5,000 pages, 0.44 s and some 690,000 objects for the
garbage collector (0.26-0.40 s more). :class:`_TitlesOnly` reads the same titles in place,
for the toctrees whose resolution is plain (documents, links; no ``only``, ``self``,
generated pages, circular or missing references, per-page ``tocdepth``); any other toctree
is left to Sphinx, which also warns about it. tests/test_navigation.py compares the two on
every fixture site.

The markup: sub-levels sit in ``<details>`` so they open and close without
JavaScript, the current page has ``aria-current="page"``, its ancestors are open.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import posixpath
import re
from html import escape
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.builders import Builder
from sphinx.environment.adapters.toctree import TocTree
from sphinx.locale import _
from sphinx.util.osutil import relative_uri

from piccolo_theme import lifecycle
from piccolo_theme.per_build import PerBuild

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from sphinx.environment import BuildEnvironment

    from piccolo_theme.options import ThemeOptions


@dataclasses.dataclass(eq=False)
class Entry:
    """One link of a tree: to a document (``docname``) or elsewhere (``url``)."""

    title: str  # HTML, escaped
    docname: str | None = None
    anchor: str = ""
    url: str = ""
    children: list[Entry] = dataclasses.field(default_factory=list)
    parent: Entry | None = None


def _title_html(reference: nodes.reference, secnumber_suffix: str, text: str | None = None) -> str:
    """The link text of ``reference``; ``text``: a toctree entry's own title, written instead."""
    parts = []
    if "secnumber" in reference:
        parts.append(escape(".".join(map(str, reference["secnumber"])) + secnumber_suffix))
    if text is not None:
        parts.append(escape(text))
    for child in reference.children if text is None else ():
        written = escape(child.astext())
        parts.append(f"<code>{written}</code>" if isinstance(child, nodes.literal) else written)
    if reference.get(lifecycle.TOC_FLAG):
        parts.append(" " + lifecycle.badge_html())
    return "".join(parts)


def _entries(
    bullet_list: nodes.Element,
    make: Callable[[nodes.reference], Entry],
    parent: Entry | None = None,
) -> list[Entry]:
    """Entries for the list items of a docutils bullet list, recursively."""
    found = []
    for item in bullet_list.children:
        if not isinstance(item, nodes.list_item):
            continue
        reference = next(item.findall(nodes.reference), None)
        if reference is None:
            continue
        entry = make(reference)
        entry.parent = parent
        for sub in item.children:
            if isinstance(sub, nodes.bullet_list):
                entry.children += _entries(sub, make, entry)
        found.append(entry)
    return found


# Sphinx's test for a toctree entry that is a URL (sphinx.util.url_re).
_URL = re.compile(r".+://")


class _NotPlain(Exception):
    """A toctree :class:`_TitlesOnly` leaves to Sphinx."""


class _TitlesOnly:
    """Sphinx's titles-only resolution of a toctree, read from the stored tables of
    contents (``env.tocs``) without copying them.

    Per document, that is its top-level titles (one, unless the page has several
    top-level sections), each with the entries of the toctrees inside it. Raises
    :class:`_NotPlain` where Sphinx would do more: filter ``only`` nodes, prune at
    a page's ``tocdepth``, resolve ``self`` or a generated page, warn about a
    circular, missing or untitled reference.
    """

    def __init__(self, env: BuildEnvironment, secnumber_suffix: str, includehidden: bool) -> None:
        self._tocs = env.tocs
        self._metadata = env.metadata
        self._has_toctrees = env.toctree_includes
        self._suffix = secnumber_suffix
        self._includehidden = includehidden

    def entries(self, toctree: addnodes.toctree, parents: tuple[str, ...] = ()) -> list[Entry]:
        found: list[Entry] = []
        for title, ref in toctree["entries"]:
            if _URL.match(ref):
                found.append(Entry(escape(ref if title is None else title), url=ref))
                continue
            toc = self._tocs.get(ref)
            if ref == "self" or ref in parents or toc is None or not toc.children:
                raise _NotPlain
            if "tocdepth" in self._metadata.get(ref, ()):
                raise _NotPlain
            items = toc.children
            # Sphinx gives a toctree entry's own title to a page with one top-level title.
            text = title if title and len(items) == 1 else None
            for item in items:
                if isinstance(item, addnodes.toctree):  # before the page's first title
                    found += self._sub(item, (ref, *parents))
                else:
                    found.append(self._title(item, ref, text, parents))
        return found

    def _title(self, item: nodes.Node, ref: str, text: str | None, parents: tuple[str, ...]) -> Entry:
        if not isinstance(item, nodes.list_item) or len(item) > 2:
            raise _NotPlain
        paragraph = item[0]
        if not isinstance(paragraph, addnodes.compact_paragraph) or not paragraph.children:
            raise _NotPlain
        reference = paragraph[0]
        if not isinstance(reference, nodes.reference):
            raise _NotPlain
        anchor = reference["anchorname"]
        own = text if text is not None and reference["refuri"] == ref and not anchor else None
        entry = Entry(_title_html(reference, self._suffix, own), ref, anchor)
        if len(item) > 1 and ref in self._has_toctrees:
            # The toctrees among the page's sections, in order; the sections themselves go.
            for node in item[1].findall(_toctree_or_only):
                if isinstance(node, addnodes.only):
                    raise _NotPlain
                for child in self._sub(node, (ref, *parents)):
                    child.parent = entry
                    entry.children.append(child)
        return entry

    def _sub(self, toctree: addnodes.toctree, parents: tuple[str, ...]) -> list[Entry]:
        if toctree.get("hidden", False) and not self._includehidden:
            return []
        return self.entries(toctree, parents)


def _toctree_or_only(node: nodes.Node) -> bool:
    return isinstance(node, (addnodes.toctree, addnodes.only))


def _prune(entries: list[Entry], level: int, maxdepth: int) -> None:
    """Drop the levels below ``maxdepth`` (level 1: the toctree's own entries)."""
    for entry in entries:
        if level >= maxdepth:
            entry.children = []
        else:
            _prune(entry.children, level + 1, maxdepth)


class _Writer:
    def __init__(
        self,
        href: Callable[[Entry], str],
        *,
        current: Iterable[Entry] = (),
        marked: Iterable[Entry] = (),
        collapse: bool = False,
        collapsible: bool = True,
        shared: dict[Entry, str] | None = None,
    ) -> None:
        self.href = href
        self.current = set(current)
        self.branch = {a for e in self.current for a in _with_ancestors(e)}
        # Branches holding a link to the page (``#`` to the builder) are the page's own.
        self.own = self.branch | {a for e in marked for a in _with_ancestors(e)}
        self.collapse = collapse
        self.collapsible = collapsible
        self.toggle_label = escape(_("Show or hide the pages under %s")) if collapsible else ""
        # The HTML of branches that are the same on every page of the folder, by their entry.
        self.shared = shared
        self.out: list[str] = []

    def list(self, entries: list[Entry], level: int) -> None:
        self.out.append(f'<ul class="pt-nav__list pt-nav__list--l{level}">')
        for entry in entries:
            self.item(entry, level)
        self.out.append("</ul>")

    def item(self, entry: Entry, level: int) -> None:
        if self.shared is None or entry in self.own:
            self._item(entry, level)
            return
        html = self.shared.get(entry)
        if html is None:
            start = len(self.out)
            self._item(entry, level)
            html = self.shared[entry] = "".join(self.out[start:])
            del self.out[start:]
        self.out.append(html)

    def _item(self, entry: Entry, level: int) -> None:
        is_page = entry in self.current
        on_branch = entry in self.branch
        # Collapsed, only the top level and the branch leading to the page show.
        children = entry.children if (on_branch or not self.collapse) else []
        classes = "pt-nav__item"
        if is_page:
            classes += " pt-nav__item--current"
        elif on_branch:
            classes += " pt-nav__item--ancestor"
        if children:
            classes += " pt-nav__item--parent"
        external = entry.docname is None and "://" in entry.url
        link_class = "pt-nav__link reference " + ("external" if external else "internal")
        aria = ' aria-current="page"' if is_page else ""
        self.out.append(
            f'<li class="{classes}"><a class="{link_class}" href="{escape(self.href(entry))}"{aria}>{entry.title}</a>'
        )
        if children:
            if self.collapsible:
                label = self.toggle_label % entry.title
                self.out.append(
                    f'<details class="pt-nav__children"{" open" if on_branch else ""}>'
                    f'<summary class="pt-nav__toggle"><span class="pt-visually-hidden">'
                    f"{label}</span></summary>"
                )
            self.list(children, level + 1)
            if self.collapsible:
                self.out.append("</details>")
        self.out.append("</li>")


def _with_ancestors(entry: Entry) -> Iterable[Entry]:
    node: Entry | None = entry
    while node is not None:
        yield node
        node = node.parent


class SiteTree:
    """The whole page hierarchy, resolved once per build, rendered per page."""

    def __init__(self, builder: Builder, options: ThemeOptions, *, in_place: bool = True) -> None:
        """``in_place`` False: every toctree resolved by Sphinx (the tests compare)."""
        self._builder = builder
        self._options = options
        self._root_target = builder.get_target_uri(builder.config.root_doc)
        self.groups: list[tuple[str | None, list[Entry]]] = []
        self.by_doc: dict[str, list[Entry]] = {}
        # Every entry of a document, its sections' too.
        self._links_to: dict[str, list[Entry]] = {}
        # A link Sphinx makes relative depends only on the folder of the page it
        # is made for (``relative_uri`` drops the page's own name), so the pages
        # of one folder share their links: each is made once per folder, not
        # once per page. Not for builders that make links their own way.
        self.per_folder = type(builder).get_relative_uri is Builder.get_relative_uri
        self._hrefs: dict[str, dict[Entry, str]] = {}
        self._branches: dict[str, dict[Entry, str]] = {}
        #: How many of the root's toctrees Sphinx resolved (the rest were read in place).
        self.left_to_sphinx = 0
        self._by_uri: dict[str, str] | None = None
        with _collector_paused():
            self._load(in_place)
        self._index(entry for _, entries in self.groups for entry in entries)

    def _load(self, in_place: bool) -> None:
        """The root's toctrees, as Sphinx's ``get_toctree_for`` would give them, titles only."""
        env = self._builder.env
        options = self._options
        includehidden = options.globaltoc_includehidden
        maxdepth = int(options.globaltoc_maxdepth)
        for toctree in env.get_doctree(self._builder.config.root_doc).findall(addnodes.toctree):
            if toctree.get("hidden", False) and not includehidden:
                continue
            caption = toctree.get("caption") or None
            entries = self._read_in_place(toctree, maxdepth) if in_place else None
            if entries is None:
                self.left_to_sphinx += 1
                entries = self._resolved_by_sphinx(toctree, includehidden, maxdepth)
            if entries:
                self.groups.append((caption, entries))

    def _read_in_place(self, toctree: addnodes.toctree, maxdepth: int) -> list[Entry] | None:
        """The toctree's entries read by :class:`_TitlesOnly`; None where it leaves it to Sphinx."""
        includehidden = self._options.globaltoc_includehidden or toctree.get("includehidden", False)
        reader = _TitlesOnly(self._builder.env, self._builder.config.html_secnumber_suffix, includehidden)
        try:
            entries = reader.entries(toctree)
        except _NotPlain:
            return None
        depth = maxdepth or toctree.get("maxdepth", -1)
        if depth > 0:
            _prune(entries, 1, depth)
        return entries

    def _resolved_by_sphinx(self, toctree: addnodes.toctree, includehidden: bool, maxdepth: int) -> list[Entry]:
        builder = self._builder
        root = builder.config.root_doc
        resolved = TocTree(builder.env).resolve(
            root, builder, toctree, maxdepth=maxdepth, titles_only=True, collapse=False, includehidden=includehidden
        )
        if self._by_uri is None:
            # Sphinx writes links relative to the document the tree is resolved
            # for (the root here); map them back to the documents they point to.
            self._by_uri = {builder.get_relative_uri(root, doc): doc for doc in builder.env.found_docs}
        by_uri = self._by_uri
        suffix = builder.config.html_secnumber_suffix

        def make(reference: nodes.reference) -> Entry:
            uri = reference.get("refuri", "")
            anchor = reference.get("anchorname", "")
            base = uri[: len(uri) - len(anchor)] if anchor and uri.endswith(anchor) else uri
            docname = by_uri.get(base)
            if docname is not None:
                return Entry(_title_html(reference, suffix), docname, anchor)
            entry = Entry(_title_html(reference, suffix), url=uri)
            if "://" not in uri and not uri.startswith(("#", "mailto:")):
                # A generated page such as genindex: keep its path from the site root.
                path = posixpath.normpath(posixpath.join(posixpath.dirname(self._root_target), uri))
                entry.url = path + "/" if uri.endswith("/") else path
            return entry

        lists = [] if resolved is None else [c for c in resolved.children if isinstance(c, nodes.bullet_list)]
        return [entry for bullet_list in lists for entry in _entries(bullet_list, make)]

    def _index(self, entries: Iterable[Entry]) -> None:
        """Note each document's entries, in document order."""
        for entry in entries:
            if entry.docname is not None:
                self._links_to.setdefault(entry.docname, []).append(entry)
                if not entry.anchor:
                    self.by_doc.setdefault(entry.docname, []).append(entry)
            self._index(entry.children)

    def html(self, docname: str, pathto: Callable[..., str] | None = None) -> str:
        """The tree for ``docname``; ``pathto``, if given, makes every link instead
        of the builder (sphinx-notfound-page's, absolute, on its 404 page)."""
        builder = self._builder
        target = builder.get_target_uri(docname)

        relative = pathto or functools.partial(builder.get_relative_uri, docname)
        # A link depends only on the page's folder, and a branch without the
        # page in it is the same on every page of the folder: each is made once
        # per folder. Not on the 404 page, whose links are its own.
        links: dict[Entry, str] | None = None
        shared: dict[Entry, str] | None = None
        if pathto is None and self.per_folder:
            folder = target.rpartition("/")[0]
            links = self._hrefs.setdefault(folder, {})
            shared = self._branches.setdefault(folder, {})

        def href(entry: Entry) -> str:
            if entry.docname == docname:
                # The page itself is "" to the builder; "#" as Sphinx's writer has it.
                return relative(docname) + entry.anchor or "#"
            link = links.get(entry) if links is not None else None
            if link is None:
                if entry.docname is not None:
                    link = relative(entry.docname) + entry.anchor
                elif "://" in entry.url or entry.url.startswith(("#", "mailto:")):
                    link = entry.url
                elif pathto is not None:
                    link = pathto(entry.url, 1)
                else:
                    link = relative_uri(target, entry.url)
                if links is not None:
                    links[entry] = link
            return link

        writer = _Writer(
            href,
            current=self.by_doc.get(docname, ()),
            marked=self._links_to.get(docname, ()),
            collapse=self._options.globaltoc_collapse,
            shared=shared,
        )
        for caption, entries in self.groups:
            if caption is not None:
                writer.out.append(f'<p class="pt-nav__caption" role="heading" aria-level="2">{escape(caption)}</p>')
            writer.list(entries, 1)
        return "".join(writer.out)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while the site tree is built.

    Where Sphinx resolves a toctree (see :class:`_TitlesOnly`), it copies every
    page's table of contents under it: on a 5,000-page site, some 280,000 new
    objects, all reachable until the tree is built, so a collection in between
    frees nothing; it only walks the whole heap. Measured there, that took
    1.26 s with the collector running, 0.58 s with it paused. Its state is
    restored after, whatever it was.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# One tree per build.
_TREES: PerBuild[None, SiteTree] = PerBuild()


def site_tree(builder: Builder, options: ThemeOptions) -> SiteTree:
    """The build's site tree, resolved on first use."""
    return _TREES.get(builder, None, lambda: SiteTree(builder, options))


def site_navigation(
    builder: Builder, docname: str, options: ThemeOptions, pathto: Callable[..., str] | None = None
) -> str:
    """The page hierarchy for the left sidebar, with ``docname`` marked current."""
    return site_tree(builder, options).html(docname, pathto)


def page_contents(builder: Builder, docname: str) -> tuple[str, int]:
    """The current page's sections for the right sidebar, and how many there are.

    The page title itself is left out: the list starts at its sections.
    """
    # Read the stored table of contents in place; Sphinx's accessor deep-copies it.
    toc = builder.env.tocs[docname]
    lists = [c for c in toc.children if isinstance(c, nodes.bullet_list)] or (
        [toc] if isinstance(toc, nodes.bullet_list) else []
    )
    suffix = builder.config.html_secnumber_suffix

    def make(reference: nodes.reference) -> Entry:
        return Entry(_title_html(reference, suffix), url=reference.get("anchorname") or "#")

    entries = [e for lst in lists for e in _entries(lst, make)]
    if len(entries) == 1:
        entries = entries[0].children  # one title: its children are the sections
    if not entries:
        return "", 0
    writer = _Writer(lambda e: e.url, collapsible=False)
    writer.list(entries, 1)
    # Nothing collapses here: one list item per section.
    return "".join(writer.out), sum(part.startswith("<li") for part in writer.out)


def hidden_by_metadata(metadata: dict[str, object]) -> bool:
    return "hide-toc" in metadata or "hide_toc" in metadata

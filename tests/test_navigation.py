"""The site tree is resolved once per build; each page must still get exactly
what Sphinx's own per-page resolution gives (links, current page, branches)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from sphinx.environment.adapters.toctree import TocTree

from piccolo_theme import navigation, settings


def _sphinx_tree(app, docname: str, collapse: bool) -> list[tuple]:
    """(depth, text, href, is current page) for each link Sphinx itself would show."""
    options = settings.theme_options(app)
    tree = TocTree(app.env).get_toctree_for(
        docname,
        app.builder,
        collapse=collapse,
        maxdepth=options.globaltoc_maxdepth,
        includehidden=options.globaltoc_includehidden,
        titles_only=True,
    )
    rows = []

    def walk(node, depth):
        for item in node.children:
            if isinstance(item, nodes.bullet_list):
                walk(item, depth)
            elif isinstance(item, nodes.list_item):
                ref = next(item.findall(nodes.reference))
                number = ".".join(map(str, ref.get("secnumber", ())))
                text = (number + ". " if number else "") + ref.astext()
                href = ref["refuri"] or "#"  # as Sphinx's HTML writer writes it
                rows.append((depth, text, href, "current" in ref["classes"]))
                for sub in item.children:
                    if isinstance(sub, nodes.bullet_list):
                        walk(sub, depth + 1)

    for child in tree.children:
        if isinstance(child, nodes.bullet_list):
            walk(child, 1)
    return rows


def _our_tree(html: str) -> list[tuple]:
    nav = BeautifulSoup(html, "html.parser").select_one("nav#pt-sidebar-left .pt-nav")
    rows = []
    for link in nav.select("a.pt-nav__link"):
        depth = len(link.find_parents("ul"))
        rows.append((depth, link.get_text(), link["href"], link.get("aria-current") == "page"))
    return rows


@pytest.mark.parametrize("buildername", ["html", "dirhtml", "singlehtml"])
@pytest.mark.parametrize("collapse", [True, False])
def test_every_page_matches_sphinx(build, buildername, collapse):
    site = build(
        "navigation",
        buildername=buildername,
        confoverrides={"html_theme_options": {"globaltoc_collapse": collapse}},
        # singlehtml has no genindex page: Sphinx itself says so, and drops the entry.
        warnings=buildername == "singlehtml",
    )
    assert [w for w in site.warnings.splitlines() if "nonexisting file 'genindex'" not in w] == []
    app = site.app
    pages = ["index"] if buildername == "singlehtml" else sorted(app.env.found_docs)
    for docname in pages:
        uri = app.builder.get_target_uri(docname)
        path = site.outdir / (uri.split("#")[0] or "index.html")
        if path.suffix != ".html":
            path = path / "index.html"
        ours = _our_tree(path.read_text(encoding="utf-8"))
        assert ours == _sphinx_tree(app, docname, collapse), docname


def test_branches_open_along_the_current_page(build):
    soup = build("navigation").soup("deep/a/b/c/leaf")
    nav = soup.select_one("nav#pt-sidebar-left")
    opened = [d.find_previous_sibling("a").get_text() for d in nav.select("details[open]")]
    assert opened == ["Deep", "Level A", "Level B", "Level C"]
    assert nav.select_one('[aria-current="page"]').get_text() == "Leaf <em>"
    external = nav.find("a", string="External site")
    assert external["href"] == "https://example.org/" and "external" in external["class"]
    assert nav.find("a", string="Index")["href"] == "../../../../genindex.html"


def test_rebuild_after_adding_a_page_updates_every_navigation(build):
    site = build("navigation")
    src = site.app.srcdir
    (src / "four.rst").write_text("Page four\n=========\n\nNew.\n")
    index = (src / "index.rst").read_text()
    (src / "index.rst").write_text(index.replace("   three\n", "   three\n   four\n"))
    later = time.time() + 5  # past the first build, whatever the clock's resolution
    os.utime(src / "index.rst", (later, later))
    # A new application, as a new sphinx-build run: an incremental build.
    site = build("navigation")
    # Pages Sphinx rewrites show the new page: no tree cached from the first build.
    for page in ("index", "four"):
        assert "Page four" in site.soup(page).select_one("nav#pt-sidebar-left").get_text()


def test_site_tree_leaves_the_garbage_collector_as_it_found_it():
    import gc

    from piccolo_theme import navigation

    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        try:
            with navigation._collector_paused():
                assert not gc.isenabled()
            assert gc.isenabled() is enabled
            try:
                with navigation._collector_paused():
                    raise RuntimeError("resolution failed")
            except RuntimeError:
                pass
            assert gc.isenabled() is enabled
        finally:
            gc.enable()


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
@pytest.mark.parametrize("collapse", [True, False])
def test_shared_branches_are_what_each_page_would_write(build, buildername, collapse):
    """Links and branches made once per folder: the same HTML, state and all, as
    a tree that makes everything for each page."""
    site = build(
        "navigation", buildername=buildername, confoverrides={"html_theme_options": {"globaltoc_collapse": collapse}}
    )
    builder = site.app.builder
    options = settings.theme_options(site.app)
    shared = navigation.site_tree(builder, options)
    alone = navigation.SiteTree(builder, options)
    alone.per_folder = False  # every link and branch made for the page itself
    for docname in sorted(site.app.env.found_docs):
        assert shared.html(docname) == alone.html(docname), docname
    # The pages of a folder did share: each branch was made once for the folder.
    assert any(len(branches) > 1 for branches in shared._branches.values())


def _shape(entries: list[navigation.Entry], parent: navigation.Entry | None = None) -> list[tuple]:
    rows = []
    for entry in entries:
        assert entry.parent is parent
        url = entry.url if entry.docname is None else ""
        rows.append((entry.title, entry.docname, entry.anchor, url, _shape(entry.children, entry)))
    return rows


def _tree_shape(tree: navigation.SiteTree) -> tuple:
    def titles(index: dict[str, list[navigation.Entry]]) -> dict[str, list[tuple[str, str]]]:
        return {doc: [(e.title, e.anchor) for e in entries] for doc, entries in index.items()}

    groups = [(caption, _shape(entries)) for caption, entries in tree.groups]
    return groups, titles(tree.by_doc), titles(tree._links_to)


# Toctrees Sphinx resolves in its own way, each in a toctree of its own: the
# theme leaves each of those to Sphinx, and reads the others in place.
_LEFT_TO_SPHINX = {
    "index.rst": (
        (Path(__file__).parent / "roots" / "test-toctrees" / "index.rst").read_text()
        + "\n.. toctree::\n\n   self\n   one\n"
        + "\n.. toctree::\n\n   genindex\n"
        + "\n.. toctree::\n\n   shallow-metadata\n"
        + "\n.. toctree::\n\n   conditional\n"
    ),
    "shallow-metadata.rst": ":tocdepth: 1\n\nShallow metadata\n================\n\nA\n-\n\n.. toctree::\n\n   five\n",
    "conditional.rst": "Conditional\n===========\n\nA\n-\n\n.. only:: latex\n\n   .. toctree::\n\n      four\n",
}


@pytest.mark.parametrize("includehidden", [True, False])
@pytest.mark.parametrize("maxdepth", [-1, 2])
@pytest.mark.parametrize(
    ("root", "files", "left_to_sphinx"),
    [
        ("toctrees", None, 0),
        ("toctrees", _LEFT_TO_SPHINX, 4),
        ("navigation", None, 1),  # genindex
        ("site", None, None),
        ("deep", None, None),
    ],
)
def test_site_tree_read_in_place_is_what_sphinx_resolves(build, root, files, left_to_sphinx, includehidden, maxdepth):
    """The titles the theme reads from the stored tables of contents are Sphinx's
    own resolution of the same toctrees, entry for entry."""
    site = build(
        root,
        files=files,
        name=f"src-{root}-{bool(files)}",
        confoverrides={
            "html_theme_options": {"globaltoc_includehidden": includehidden, "globaltoc_maxdepth": maxdepth}
        },
    )
    builder = site.app.builder
    options = settings.theme_options(site.app)
    in_place = navigation.SiteTree(builder, options)
    by_sphinx = navigation.SiteTree(builder, options, in_place=False)
    assert by_sphinx.left_to_sphinx >= len(by_sphinx.groups) > 0
    assert _tree_shape(in_place) == _tree_shape(by_sphinx)
    if left_to_sphinx is not None:
        assert in_place.left_to_sphinx == left_to_sphinx
    # The tree is not empty, and somewhere goes more than one level deep.
    assert any(entry.children for _, entries in in_place.groups for entry in entries)

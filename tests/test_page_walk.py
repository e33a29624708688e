"""The theme's one walk of each written page (piccolo_theme/page_walk.py) finds
what each feature used to find with its own walk, and sees the page as it will
be written: after other extensions' ``doctree-resolved`` handlers."""

from __future__ import annotations

import inspect

import pytest

from piccolo_theme import fonts, page_walk

# A table and code that another extension adds once the page is resolved, as
# sphinx.ext.todo's todolist does.
LATE_EXTENSION = """
from docutils import nodes

def add_late_content(app, doctree, docname):
    if docname != "late":
        return
    table = nodes.table()
    group = nodes.tgroup(cols=1)
    group += nodes.colspec(colwidth=1)
    body = nodes.tbody()
    row = nodes.row()
    entry = nodes.entry()
    entry += nodes.paragraph("", "", nodes.literal("late", "late"))
    row += entry
    body += row
    group += body
    table += group
    doctree += table

def setup(app):
    app.connect("doctree-resolved", add_late_content)
    return {"parallel_read_safe": True}
"""
FILES = {
    "late_extension.py": LATE_EXTENSION,
    "late.rst": ":orphan:\n\nLate\n====\n\nNo code here.\n",
}


def test_a_table_added_after_resolution_is_wrapped_and_its_code_font_preloaded(build, tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path / "late"))  # the source folder build() makes
    site = build(
        "site",
        files=FILES,
        confoverrides={"extensions": ["late_extension"]},
        name="late",
    )
    soup = site.soup("late")
    table = soup.select_one("div.body table")
    assert table is not None and "pt-table-scroll" in table.parent["class"]
    preloads = [link["href"] for link in soup.select('link[rel="preload"][as="font"]')]
    assert any(fonts.MONO in href for href in preloads)


@pytest.mark.parametrize("root", ["budget-site", "signatures", "site", "parameter-links"])
def test_the_faces_found_in_the_walk_are_those_of_a_walk_of_their_own(build, root):
    site = build(root)
    app = site.app
    # Sphinx 9.x wants the build's tags; earlier versions take none.
    takes_tags = "tags" in inspect.signature(app.env.get_and_resolve_doctree).parameters
    extra = {"tags": app.tags} if takes_tags else {}
    for docname in sorted(app.env.found_docs):
        # Resolving again runs the page's one walk (doctree-resolved), which records the faces.
        doctree = app.env.get_and_resolve_doctree(docname, app.builder, **extra)
        recorded = fonts._uses(doctree)
        fonts._FOUND.pop(doctree)
        assert recorded == fonts._uses(doctree), docname  # walked afresh, as nothing is recorded
        page = page_walk.PageNodes(doctree)
        assert page.ids == {i for node in doctree.findall() if hasattr(node, "get") for i in node.get("ids", ())}

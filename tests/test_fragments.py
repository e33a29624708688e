"""The parts rendered once for many pages (piccolo_theme/fragments.py) are what
each page would have rendered itself, and a site's own copy of one of them is
rendered for every page."""

from __future__ import annotations

import shutil

import pytest

import pt_pages
from piccolo_theme import fragments
from pt_paths import PACKAGE_DIR

# Pages at three depths in two folders each, the pages the shared parts link to
# by name, a folder named as one of them, and a page without a left sidebar.
FILES = {
    **pt_pages.FILES,
    "search/page.rst": ":orphan:\n\nIn a folder named search\n========================\n\nText.\n",
    "copyright.rst": ":orphan:\n\nCopyright\n=========\n\nText.\n",
    "bare.rst": ":orphan:\n\nBare\n====\n\nNo sidebar.\n",
}
CONF = {
    "html_sidebars": {"bare": []},
    "copyright": "2026, Someone",
    "html_theme_options": {
        "banner_text": "News",
        "banner_hiding": "temporary",
        "source_url": "https://github.com/x/y",
        "icon_links": [{"name": "PyPI", "url": "https://pypi.org/project/x/", "icon": "pypi"}],
    },
}
# The templates piccolo.once renders (layout.html, sections/sidebar-left.html).
SHARED = [
    "sections/header.html",
    "sections/footer.html",
    "sections/banner.html",
    "components/mode-script.html",
    "components/source-link.html",
    "components/icon-links.html",
    "components/back-to-top.html",
]
PAGES = [*pt_pages.PAGES, "search", "copyright", "bare", "search/page"]


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
def test_shared_parts_are_what_each_page_renders(build, tmp_path, buildername):
    shared = build("site", buildername=buildername, files=FILES, confoverrides=CONF, name="shared")
    # The same files, but the site's own: rendered for every page.
    own = tmp_path / "own-templates"
    for name in SHARED:
        (own / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(PACKAGE_DIR / name, own / name)
    overrides = {**CONF, "templates_path": [str(own)]}
    each = build("site", buildername=buildername, files=FILES, confoverrides=overrides, name="each")
    for name in SHARED:
        assert fragments.is_own(shared.app.builder, name)
        assert not fragments.is_own(each.app.builder, name)

    first = {page: shared.html(page) for page in PAGES}
    second = {page: each.html(page) for page in PAGES}
    for page in PAGES:
        assert first[page] == second[page], page
    # The pages differ where they should: links from each folder, "#" on the linked pages.
    assert 'href="#"' in first["index"].split('class="pt-brand"')[1][:40]
    assert 'href="../../index.html"' in first["chapter2/deeper/page"] or buildername == "dirhtml"
    assert 'id="pt-sidebar-left"' not in first["bare"]
    assert "pt-menu-button" not in first["bare"] and "pt-menu-button" in first["chapter1"]


def test_a_sites_own_part_is_rendered_for_every_page(build, tmp_path):
    own = tmp_path / "own-templates"
    (own / "components").mkdir(parents=True)
    (own / "components" / "mode-toggle.html").write_text('<span class="mine">{{ pagename }}</span>')
    site = build("site", files=FILES, confoverrides={**CONF, "templates_path": [str(own)]})
    for page in PAGES:
        assert f'<span class="mine">{page}</span>' in site.html(page), page


PER_PAGE_EXTENSION = """
def stamp(app, pagename, templatename, context, doctree):
    context["last_updated"] = "stamp-" + pagename

def setup(app):
    app.connect("html-page-context", stamp)
    return {"parallel_read_safe": True}
"""


def test_a_value_another_extension_sets_per_page_reaches_each_page(build, tmp_path, monkeypatch):
    # The footer reads last_updated: a page whose value differs gets its own footer.
    monkeypatch.syspath_prepend(str(tmp_path / "stamped"))  # the source folder build() makes
    files = {**FILES, "stamp_extension.py": PER_PAGE_EXTENSION}
    site = build("site", files=files, confoverrides={**CONF, "extensions": ["stamp_extension"]}, name="stamped")
    for page in PAGES:
        assert f"stamp-{page}" in site.soup(page).select_one("footer.pt-footer").get_text(), page
    # The parts that do not read it are still rendered once per folder.
    rendered = fragments._RENDERED.of(site.app.builder)
    headers = [key for key in rendered if key[0] == "sections/header.html"]
    assert 0 < len(headers) < len(PAGES)


def test_the_shared_parts_read_only_what_they_declare(build):
    site = build("site", files=FILES, confoverrides=CONF)
    assert fragments._READS.of(site.app.builder)["sections/footer.html"] is not None
    assert "last_updated" in fragments._READS.of(site.app.builder)["sections/footer.html"]


def test_the_shared_parts_link_only_to_the_top_of_the_site():
    """fragments.links_key shares a part between the pages of one depth: right
    only while every link in it goes to the root, a page of LINKED_PAGES or a
    file in _static."""
    import re

    from jinja2 import Environment, FileSystemLoader, meta

    environment = Environment(loader=FileSystemLoader(str(PACKAGE_DIR)), extensions=["jinja2.ext.i18n"])
    allowed = {"root_doc"} | {f"{q}{page}{q}" for page in fragments.LINKED_PAGES for q in "'\""}
    seen, todo, links = set(), list(SHARED), []
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        source = (PACKAGE_DIR / name).read_text(encoding="utf-8")
        links += [(name, m.group(1).strip()) for m in re.finditer(r"pathto\(([^,)]+)", source)]
        todo += [t for t in meta.find_referenced_templates(environment.parse(source)) if t]
    assert "components/search.html" in seen  # the header's includes were followed
    assert links
    for name, target in links:
        assert target in allowed or re.match(r"""["']_static/""", target), (name, target)

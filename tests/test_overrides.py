"""Overriding is a promise: every shipped section, component and icon can be
replaced one file at a time through the site's ``templates_path``, and every
block of a shipped template can be reached by extending it (README,
"Customising"). The lists come from the package, so a new file is covered
without touching this test."""

from __future__ import annotations

import jinja2
import pytest
from bs4 import BeautifulSoup
from jinja2 import nodes

from piccolo_theme import forges, icon_links
from pt_paths import PACKAGE_DIR, ROOT

# Every part of the page shows on this page of this site: a temporary banner
# (its show button and icon), a source link, prev and next, page contents, the
# version menu and its notice.
PAGE = "first"
OPTIONS = {
    "banner_text": "News",
    "banner_hiding": "temporary",
    "source_url": "https://github.com/x/y",
    "version_switcher": {"json_url": "switcher.json"},
    # Every icon an icon link can show (the forges' come with the source link).
    "icon_links": [
        {"name": name, "url": "https://example.org/", "icon": name}
        for name in icon_links.BUILTIN
        if name not in forges.BY_KEY
    ],
}
# Icons that show only with other options.
ICON_OPTIONS = {"view-source": {"source_view_link": "https://example.org/{filename}"}}
TEMPLATES = sorted(
    path.relative_to(PACKAGE_DIR).as_posix()
    for folder in ("sections", "components")
    for path in (PACKAGE_DIR / folder).rglob("*")
    if path.suffix in (".html", ".svg")
)


def _blocks(name: str, *, parts_only: bool = False) -> list[str]:
    """The blocks a shipped template defines itself, in order; with ``parts_only``,
    those that are one included file (a part of the page) and nothing else."""
    tree = jinja2.Environment(extensions=["jinja2.ext.i18n"]).parse((PACKAGE_DIR / name).read_text())
    return [
        block.name
        for block in tree.find_all(nodes.Block)
        if not parts_only or (len(block.body) == 1 and isinstance(block.body[0], nodes.Include))
    ]


#: Shipped templates that define blocks of their own.
WITH_BLOCKS = [name for name in ["layout.html", *TEMPLATES] if _blocks(name)]


def _marker(name: str) -> str:
    return f"<!-- overridden: {name} -->"


def _build_with(build, overrides: dict[str, str], options: dict[str, str] | None = None) -> tuple[str, BeautifulSoup]:
    """test-basic with ``overrides`` in its templates_path, and the page that shows every part."""
    site = build(
        "basic",
        files={f"_templates/{name}": text for name, text in overrides.items()},
        confoverrides={"templates_path": ["_templates"], "html_theme_options": {**OPTIONS, **(options or {})}},
    )
    return site.html(PAGE), site.soup(PAGE)


def _page_is_whole(soup: BeautifulSoup) -> None:
    """Header, article, navigation, prev/next and footer all rendered."""
    header = soup.select_one("header.pt-header")
    assert header.select_one("a.pt-brand").get_text(strip=True) == "Fixture Project"
    assert header.select_one("search form input[name=q]") and header.select_one("a.pt-source-link")
    assert soup.select_one("#pt-banner .pt-banner__text").get_text() == "News"
    assert soup.select_one("main#pt-content h1").get_text().rstrip("¶") == "First page"
    assert "First." in soup.select_one("main#pt-content").get_text()
    nav = soup.select_one("nav#pt-sidebar-left")
    assert nav.select_one('[aria-current="page"]').get_text() == "First page"
    assert [a.get_text() for a in soup.select("nav.pt-toc a")] == ["A section", "Another section"]
    assert soup.select_one("a.pt-prev-next__link--prev") and soup.select_one("a.pt-prev-next__link--next")
    assert "Piccolo Theme" in soup.select_one("footer.pt-footer").get_text()


def test_the_lists_are_found():
    assert {"sections/header.html", "components/brand.html", "components/icons/github.svg"} <= set(TEMPLATES)
    assert {"layout.html", "sections/header.html"} <= set(WITH_BLOCKS)


@pytest.mark.parametrize("name", TEMPLATES)
def test_each_template_can_be_overridden_alone(build, name):
    # The override is ours with a marker in front: what a user who copies one
    # file to change it starts from.
    shipped = (PACKAGE_DIR / name).read_text(encoding="utf-8")
    icon = name.removeprefix("components/icons/").removesuffix(".svg")
    # A forge icon shows only when the source link uses it.
    forge = next((key for key, forge in forges.BY_KEY.items() if forge.icon == icon), None)
    options = {"source_icon": forge} if forge else ICON_OPTIONS.get(icon, {})
    html, soup = _build_with(build, {name: _marker(name) + shipped}, options)
    assert html.count(_marker(name)) >= 1, f"{name}: the override is not used on {PAGE}"
    _page_is_whole(soup)


@pytest.mark.parametrize("name", WITH_BLOCKS)
def test_every_block_is_reachable_by_extending_the_template(build, name):
    # {% extends "!name" %} is Sphinx's way to extend the theme's own file of the same name.
    # Except ``body``: basic's page templates fill it with the page, as in any theme.
    blocks = [block for block in _blocks(name) if block != "body"]
    override = f'{{% extends "!{name}" %}}\n' + "".join(
        f"{{% block {block} %}}{_marker(block)}{{{{ super() }}}}{{% endblock %}}\n" for block in blocks
    )
    html, soup = _build_with(build, {name: override})
    missing = [block for block in blocks if _marker(block) not in html]
    assert not missing, f"blocks of {name} an override cannot reach: {missing}"
    _page_is_whole(soup)


def test_the_readme_says_where_each_block_is():
    # A child of layout.html cannot reach blocks inside the files it includes,
    # so the README names the file that holds each block: layout.html's blocks
    # for the parts of the page, and every block of the other files.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    customising = readme[readme.index("## Customising") :].split("\n## ", 1)[0]
    for name in WITH_BLOCKS:
        assert f"`{name}`" in customising, name
        for block in _blocks(name, parts_only=name == "layout.html"):
            assert f"`{block}`" in customising, f"README does not name {block} of {name}"

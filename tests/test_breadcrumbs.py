"""Breadcrumbs: the chain of pages above the current one, from the site tree, with
schema.org BreadcrumbList data for search engines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

LEVELS = ["one/index", "one/two/index", "one/two/three/index", "one/two/three/four/index", "one/two/three/four/five"]
TITLES = ["Level <1> & co", "Level 2", "Level 3", "Level 4", "Level 5 with a rather long title that goes on"]


def write_site(src: Path, conf: str = "") -> Path:
    src.mkdir(parents=True)
    (src / "conf.py").write_text(f'project = "Crumbs"\nhtml_theme = "piccolo_theme"\n{conf}', encoding="utf-8")
    pages = {"index": ("Home page", [LEVELS[0]])}
    for i, (doc, title) in enumerate(zip(LEVELS, TITLES, strict=True)):
        child = LEVELS[i + 1].removeprefix(doc.rsplit("/", 1)[0] + "/") if i + 1 < len(LEVELS) else None
        pages[doc] = (title, [child] if child else [])
    for doc, (title, children) in pages.items():
        toctree = ".. toctree::\n   :hidden:\n\n" + "".join(f"   {c}\n" for c in children) if children else ""
        path = src / f"{doc}.rst"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{title}\n{'=' * len(title)}\n\nText.\n\n{toctree}", encoding="utf-8")
    (src / "lost.rst").write_text(":orphan:\n\nLost\n====\n", encoding="utf-8")
    return src


def crumbs(soup) -> list[tuple[str, str | None]]:
    nav = soup.select_one("nav.pt-breadcrumbs")
    if nav is None:
        return []
    return [(li.get_text(), (li.a["href"] if li.a else None)) for li in nav.select("ol > li")]


def data(soup) -> dict:
    scripts = soup.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_five_levels(build, tmp_path):
    site = build(write_site(tmp_path / "src"))
    soup = site.soup(LEVELS[-1])
    nav = soup.select_one("main nav.pt-breadcrumbs")
    assert nav["aria-label"] == "Breadcrumbs"
    assert crumbs(soup) == [
        ("Home page", "../../../../index.html"),
        ("Level <1> & co", "../../../index.html"),
        ("Level 2", "../../index.html"),
        ("Level 3", "../index.html"),
        ("Level 4", "index.html"),
        (TITLES[-1], None),
    ]
    current = nav.select("li")[-1].select_one('[aria-current="page"]')
    assert current.get_text() == TITLES[-1]
    # Above the title, in the article.
    assert nav.find_next("h1").get_text().rstrip("¶") == TITLES[-1]
    # Escaped in the HTML, whole in the data.
    assert "Level &lt;1&gt; &amp; co" in str(nav)
    ld = data(soup)
    assert ld["@context"] == "https://schema.org" and ld["@type"] == "BreadcrumbList"
    assert [(i["position"], i["name"], i["item"]) for i in ld["itemListElement"]] == [
        (1, "Home page", "../../../../index.html"),
        (2, "Level <1> & co", "../../../index.html"),
        (3, "Level 2", "../../index.html"),
        (4, "Level 3", "../index.html"),
        (5, "Level 4", "index.html"),
        (6, TITLES[-1], "five.html"),
    ]
    # The data cannot end its element early.
    assert "<" not in soup.select_one('script[type="application/ld+json"]').string


def test_not_on_the_root_or_generated_pages_and_orphans_sit_under_the_root(build, tmp_path):
    site = build(write_site(tmp_path / "src"))
    for page in ("index", "genindex", "search"):
        assert crumbs(site.soup(page)) == [], page
        assert not site.soup(page).select('script[type="application/ld+json"]')
    assert crumbs(site.soup("lost")) == [("Home page", "index.html"), ("Lost", None)]


def test_absolute_urls_with_html_baseurl_and_dirhtml(build, tmp_path):
    site = build(write_site(tmp_path / "src", 'html_baseurl = "https://docs.example.org/en/"\n'), buildername="dirhtml")
    soup = site.soup("one/two/index.html")
    assert crumbs(soup) == [("Home page", "../../"), ("Level <1> & co", "../"), ("Level 2", None)]
    assert [i["item"] for i in data(soup)["itemListElement"]] == [
        "https://docs.example.org/en/",
        "https://docs.example.org/en/one/",
        "https://docs.example.org/en/one/two/",
    ]


def test_show_breadcrumbs_off(build, tmp_path):
    site = build(write_site(tmp_path / "src", "html_theme_options = {'show_breadcrumbs': False}\n"))
    assert crumbs(site.soup(LEVELS[-1])) == []
    assert site.soup(LEVELS[-1]).select_one(".pt-page-top") is None


def test_the_data_block_keeps_scripts_deferred(build, tmp_path):
    # JSON-LD is a data block: Sphinx's scripts are still deferred on the page.
    site = build(write_site(tmp_path / "src"))
    soup = site.soup(LEVELS[-1])
    assert soup.select('script[type="application/ld+json"]')
    scripts = [t for t in soup.head.find_all("script") if t.get("src")]
    assert scripts and all(t.has_attr("defer") for t in scripts)


@pytest.mark.parametrize("includehidden", [True, False])
def test_breadcrumbs_follow_the_site_tree(build, tmp_path, includehidden):
    # With hidden toctrees left out of the tree, a page under one has only the root above it.
    conf = f"html_theme_options = {{'globaltoc_includehidden': {includehidden}}}\n"
    site = build(write_site(tmp_path / "src", conf))
    got = crumbs(site.soup(LEVELS[1]))
    if includehidden:
        assert [t for t, _ in got] == ["Home page", TITLES[0], TITLES[1]]
    else:
        assert [t for t, _ in got] == ["Home page", TITLES[1]]


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
def test_crumbs_shared_by_a_folder_are_each_pages_own(build, buildername):
    """The crumbs above a page are made once per folder and parent: every page
    still shows exactly the links and data made for it alone."""
    from piccolo_theme import breadcrumbs, fragments, settings

    site = build("toctrees", buildername=buildername)
    builder = site.app.builder
    options = settings.theme_options(site.app)
    pages = [doc for doc in sorted(site.app.env.found_docs) if doc != "index"]
    for doc in pages:
        alone = breadcrumbs.trail(builder, doc, options)
        assert len(alone) >= 2, doc
        expected = [(BeautifulSoup(c.title, "html.parser").get_text(), c.href or None) for c in alone]
        assert crumbs(site.soup(doc)) == expected, doc
        assert data(site.soup(doc)) == json.loads(breadcrumbs.structured_data(builder, alone))
        folder = fragments.folder(builder, doc)
        assert breadcrumbs.trail(builder, doc, options, folder) == alone, doc
    # With html, pages did share: fewer sets of crumbs above them than pages
    # (with dirhtml, each page is a folder of its own).
    shared = len(breadcrumbs._ABOVE.of(builder))
    assert shared < len(pages) if buildername == "html" else shared == len(pages)


def test_structured_data_of_no_crumbs_is_an_empty_list(build, tmp_path):
    """A site's own template may ask for the data on the root page: valid, empty."""
    from piccolo_theme import breadcrumbs

    site = build(write_site(tmp_path / "src"))
    assert json.loads(breadcrumbs.structured_data(site.app.builder, [])) == {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [],
    }

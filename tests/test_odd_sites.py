"""Sites no theme author would write, built and checked: odd shapes, odd text,
odd configuration, content too wide for a phone."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from pt_paths import CSS


def _shell(soup: BeautifulSoup) -> None:
    """What every page needs to be usable."""
    assert soup.select_one("header.pt-header .pt-brand")
    assert soup.select_one("main#pt-content .body")
    assert soup.select_one(".pt-skip-link")["href"] == "#pt-content"


def _nav_titles(soup: BeautifulSoup) -> list[str]:
    return [a.get_text() for a in soup.select(".pt-nav a.pt-nav__link")]


# -- Odd shapes ----------------------------------------------------------------------


def test_single_page_without_a_toctree(build):
    site = build("single-page")
    soup = site.soup("index")
    _shell(soup)
    assert _nav_titles(soup) == []
    assert soup.select_one("nav.pt-prev-next") is None
    # Its own sections still get the page contents sidebar.
    assert [a.get_text() for a in soup.select("nav.pt-toc a")] == ["First", "Second"]


def test_root_without_a_title(build):
    site = build("no-title")
    index, page = site.soup("index"), site.soup("page")
    _shell(index)
    _shell(page)
    assert _nav_titles(page) == ["A page"]
    # The title bar falls back to the project name; prev/next still work.
    assert index.title.get_text().strip()
    assert index.select_one(".pt-brand").get_text(strip=True) == "Untitled"
    prev = page.select_one("a[rel=prev]")
    assert prev is not None and prev["href"] == "index.html"
    assert index.select_one("a[rel=next]")["href"] == "page.html"


def test_orphans_and_hidden_toctrees(build):
    site = build("orphans")
    index = site.soup("index")
    # Hidden toctree entries are in the sidebar by default (globaltoc_includehidden).
    assert _nav_titles(index) == ["Visible", "Hidden"]
    orphan = site.soup("orphan")
    _shell(orphan)
    assert _nav_titles(orphan) == ["Visible", "Hidden"]
    assert orphan.select(".pt-nav [aria-current=page]") == []
    assert [a.get_text() for a in orphan.select("nav.pt-toc a")] == ["One", "Two"]
    hidden = site.soup("hidden")
    assert [a.get_text() for a in hidden.select(".pt-nav [aria-current=page]")] == ["Hidden"]

    without_hidden = build("orphans", confoverrides={"html_theme_options": {"globaltoc_includehidden": False}})
    assert _nav_titles(without_hidden.soup("index")) == ["Visible"]


def test_eight_levels_deep(build):
    site = build("deep")
    deepest = site.soup("level8")
    _shell(deepest)
    # The whole branch down to the current page is there and open.
    assert _nav_titles(deepest) == [f"Level {i}" for i in range(1, 9)]
    assert [d for d in deepest.select(".pt-nav details") if not d.has_attr("open")] == []
    assert deepest.select_one(".pt-nav__list--l8 [aria-current=page]").get_text() == "Level 8"
    # Higher up, the levels below the current page stay folded.
    top = site.soup("level1")
    assert "Level 8" not in [a.get_text() for a in top.select(".pt-nav details[open] a")]
    assert deepest.select_one("a[rel=prev] .pt-prev-next__title").get_text() == "Level 7"


@pytest.mark.slow
def test_five_hundred_siblings(build):
    pages = {f"sibling-{i:03d}.rst": f"Sibling {i:03d}\n{'=' * 11}\n\nText {i}.\n" for i in range(500)}
    site = build("many-siblings", files=pages)
    middle = site.soup("sibling-250")
    _shell(middle)
    titles = _nav_titles(middle)
    assert len(titles) == 500 and titles[0] == "Sibling 000" and titles[-1] == "Sibling 499"
    assert middle.select_one("a[rel=prev]")["href"] == "sibling-249.html"
    assert middle.select_one("a[rel=next]")["href"] == "sibling-251.html"
    assert [a.get_text() for a in middle.select(".pt-nav [aria-current=page]")] == ["Sibling 250"]
    # The sidebar costs each page a bounded amount of markup per entry.
    size = site.path("sibling-250").stat().st_size
    assert size < 500 * 400 + 60_000, size


def test_no_sections_and_hundreds_of_sections(build):
    site = build("many-sections")
    none = site.soup("none")
    _shell(none)
    # Nothing to list: no empty "Page contents" box.
    assert none.select_one("aside.pt-sidebar--right") is None
    many = site.soup("many")
    links = many.select("nav.pt-toc a")
    assert len(links) == 300 + 30
    assert links[0].get_text() == "Section 1" and links[-1].get_text() == "Subsection 300.1"
    ids = {tag["id"] for tag in many.select("[id]")}
    assert all(a["href"].lstrip("#") in ids for a in links)


# -- Odd text ------------------------------------------------------------------------


def test_markup_in_titles_is_text_everywhere(build):
    site = build("special-chars")
    title = "<script>alert(1)</script>"
    for page in ("index", "script", "emoji", "rtl"):
        html = site.html(page)
        soup = BeautifulSoup(html, "html.parser")
        # Never an element: no script on any page runs alert(). The breadcrumbs'
        # JSON-LD data block may name the page, with its "<" escaped.
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":
                assert "<" not in script.get_text(), page
            else:
                assert "alert(1)" not in script.get_text(), page
        assert "<b>Bold?</b>" not in html
        _shell(soup)
    script = site.soup("script")
    assert script.select_one("h1").get_text().rstrip("¶") == title
    assert title in script.title.get_text()
    assert [a.get_text() for a in script.select(".pt-nav [aria-current=page]")] == [title]
    assert [a.get_text() for a in script.select("nav.pt-toc a")] == ["<b>Bold?</b> section", "Another section"]
    index, emoji = site.soup("index"), site.soup("emoji")
    assert index.select_one("a[rel=next] .pt-prev-next__title").get_text() == title
    assert emoji.select_one("a[rel=prev] .pt-prev-next__title").get_text() == title


def test_non_ascii_emoji_and_right_to_left_text(build):
    site = build("special-chars")
    index = site.soup("index")
    assert _nav_titles(index) == ["<script>alert(1)</script>", "Emoji 🐍🎉 page", "مرحبا بالعالم"]
    assert index.select_one(".pt-brand").get_text(strip=True) == "Spécial <&> ✨"
    assert index.select_one("h1").get_text().rstrip("¶") == "Spécial <&> ✨"
    toc = [a.get_text() for a in index.select("nav.pt-toc a")]
    assert toc == ["Ünïcödé section", "Section with <code> & \u201cquotes\u201d"]  # smartquotes
    # The banner is HTML by design: its link works, its text survives intact.
    banner = index.select_one(".pt-banner__text")
    assert "Ünïcödé 🎉 — مرحبا بكم — news" == banner.get_text()
    assert banner.select_one("a")["href"] == "https://example.org/?a=1&b=2"
    rtl = site.soup("rtl")
    assert [a.get_text() for a in rtl.select("nav.pt-toc a")] == ["שלום עולם", "Section two"]
    assert site.html("rtl").count("مرحبا بالعالم") >= 3  # title, heading, navigation


def test_right_to_left_language_mirrors_the_layout(build):
    site = build("deep", confoverrides={"language": "ar"})
    html = site.soup("level3").find("html")
    assert html["dir"] == "rtl" and html["lang"] == "ar"
    css = CSS.read_text(encoding="utf-8")
    # Indentation and sidebars use logical properties (start/end), which follow
    # dir="rtl" by themselves; physical left/right spacing would not mirror.
    assert not re.findall(r"(?:margin|padding)-(?:left|right)\s*:", css)
    assert re.search(r"\[dir=[\"']?rtl[\"']?\][^{]*\.pt-sidebar--left", css)
    assert "inline-start" in css
    # Sphinx's own Arabic strings are used where the theme shares them.
    assert site.soup("level3").select_one("#pt-search-input")["placeholder"] != "Search"


# -- Odd configuration -------------------------------------------------------------


def test_html_sidebars_override(build):
    site = build("site", confoverrides={"html_sidebars": {"chapter1": [], "**": ["components/navigation.html"]}})
    assert _nav_titles(site.soup("chapter2/index"))
    chapter1 = site.soup("chapter1")
    _shell(chapter1)
    assert _nav_titles(chapter1) == []


def test_html_sidebars_with_sphinx_templates(build):
    site = build(
        "site", confoverrides={"html_sidebars": {"**": ["localtoc.html", "relations.html", "sourcelink.html"]}}
    )
    soup = site.soup("chapter1")
    _shell(soup)
    assert soup.select_one("nav.pt-sidebar--left").get_text(strip=True)


@pytest.mark.parametrize(
    ("logo", "expected"),
    [("logo.svg", "_static/logo.svg"), ("https://example.org/logo.png", "https://example.org/logo.png")],
    ids=["local", "url"],
)
def test_html_logo(build, logo, expected):
    site = build("site", confoverrides={"html_logo": logo, "html_favicon": "https://example.org/favicon.ico"})
    for page, prefix in (("index", ""), ("chapter2/sub", "../")):
        soup = site.soup(page)
        img = soup.select_one(".pt-brand img")
        assert img["src"] == (expected if "://" in expected else prefix + expected)
        assert img["alt"]
        assert soup.select_one("link[rel=icon]")["href"] == "https://example.org/favicon.ico"


def test_permalinks_off_and_no_source_copy(build):
    site = build("site", confoverrides={"html_permalinks": False, "html_copy_source": False})
    soup = site.soup("chapter1")
    _shell(soup)
    assert soup.select("a.headerlink") == []
    # Sphinx may leave an empty _sources folder; no source file is copied.
    assert not [p for p in (site.outdir / "_sources").rglob("*") if p.is_file()]
    assert "_sources/" not in site.html("chapter1")


def test_site_with_search_disabled(build):
    # What Sphinx offers for "no search": the builder's ``search`` flag, set by a
    # site's own setup(). The theme must then show no search box at all.
    site = build("no-search")
    assert not (site.outdir / "search.html").exists()
    for page in ("index", "page"):
        soup = site.soup(page)
        _shell(soup)
        assert soup.select_one("search, #pt-search, .pt-search-toggle, form[action*=search]") is None


def test_footer_without_sphinx_credit_and_with_last_updated(build):
    site = build("site", confoverrides={"html_show_sphinx": False, "html_last_updated_fmt": "%Y-%m-%d"})
    footer = site.soup("chapter1").select_one(".pt-footer").get_text()
    assert "Sphinx" not in footer
    assert re.search(r"Last updated on \d{4}-\d\d-\d\d\.", footer)


# -- Content too wide for a phone -----------------------------------------------------


def test_long_content_is_contained(build):
    site = build("long-content")
    index, api = site.soup("index"), site.soup("api")
    _shell(index)
    # Wide tables scroll in their own box.
    tables = index.select("main table")
    assert tables and all(t.find_parent(class_="pt-table-scroll") for t in tables)
    # Code and literal blocks are <pre> inside .highlight boxes.
    assert len(index.select("main div.highlight pre")) == 2
    # Signatures are in their own <dt> (the stylesheet lets them wrap).
    assert len(api.select("dl.py dt.sig")) == 3
    css = CSS.read_text(encoding="utf-8")
    assert "overflow-wrap:anywhere" in css.replace(" ", "") or "overflow-wrap:break-word" in css.replace(" ", "")
    assert css.count("overflow-x:auto") >= 2

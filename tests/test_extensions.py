"""A site using the theme with the common extensions: zero warnings, every widget
rendered inside the theme's page, and the widgets' assets loaded."""

from __future__ import annotations

import re

import pytest

from pt_paths import CSS


@pytest.fixture(scope="module")
def site(build_once):
    # One build for the whole module: it is the slowest fixture site.
    return build_once("extensions")


def _assets(soup) -> list[str]:
    return [link["href"] for link in soup.select("link[rel=stylesheet]")] + [
        script["src"] for script in soup.select("script[src]")
    ]


def test_builds_without_warnings_and_every_page_has_the_theme(site):
    for page in ("index", "design", "tabs", "api", "markdown", "_modules/shapes"):
        soup = site.soup(page)
        html = soup.find("html")
        # data-mode on <html> is the hook extensions (and the stylesheet) key off.
        assert html["data-mode"] == "auto", page
        assert soup.select_one("header.pt-header"), page
        assert soup.select_one("nav.pt-sidebar--left .pt-nav"), page
        assert soup.select_one("main#pt-content .body"), page
        for href in _assets(soup):
            if "://" not in href:
                assert (site.outdir / page).parent.joinpath(href.split("?")[0]).resolve().is_file(), (page, href)


def test_copybutton(site):
    soup = site.soup("index")
    assert any("copybutton" in a for a in _assets(soup))
    assert soup.select_one("main div.highlight pre")


def test_sphinx_design(site):
    soup = site.soup("design")
    main = soup.select_one("main")
    assert len(main.select(".sd-row .sd-card")) == 2
    assert main.select_one(".sd-tab-set")
    assert main.select_one("details.sd-dropdown")
    assert main.select_one(".sd-badge")
    assert any("sphinx-design" in a for a in _assets(soup))


def test_sphinx_tabs(site):
    soup = site.soup("tabs")
    main = soup.select_one("main")
    assert len(main.select(".sphinx-tabs")) == 2
    assert any("tabs.css" in a for a in _assets(soup))


def test_myst_page_is_a_normal_page(site):
    soup = site.soup("markdown")
    assert soup.select_one("h1").get_text().rstrip("¶") == "A Markdown page"
    assert [a.get_text() for a in soup.select("nav.pt-toc a")] == ["A section", "Another section"]
    assert soup.select_one("a[rel=prev] .pt-prev-next__title").get_text() == "API"
    assert "A Markdown page" in [a.get_text() for a in site.soup("index").select(".pt-nav a")]
    assert soup.select_one("main .admonition.note")


def test_autodoc_napoleon_typehints_and_viewcode(site):
    soup = site.soup("api")
    signatures = soup.select("dl.py dt.sig")
    assert {s.get("id") for s in signatures} >= {"shapes.Square", "shapes.Square.area", "shapes.total_area"}
    text = soup.select_one("main").get_text(" ")
    # napoleon turned "Args:" into a parameter list; typehints added the types.
    assert "Parameters" in text and "scale" in text
    area = soup.find(id="shapes.Square.area").find_parent("dl")
    assert "float" in area.select_one("dl.field-list").get_text()
    assert "Return type" in area.get_text()
    # viewcode: a [source] link to a highlighted copy inside the theme.
    source = soup.select_one("a.reference.internal[href*='_modules/shapes']")
    assert source is not None
    module = site.soup("_modules/shapes")
    assert module.select_one("main div.highlight")


def _rules(css: str) -> list[tuple[str, str]]:
    """(selector, declarations) of every innermost rule in (minified) CSS."""
    return re.findall(r"([^{}]+)\{([^{}]*)\}", css)


# Each extension widget and how its colours are reached.
_WIDGETS = {
    "sphinx-design": "--sd-color-",
    "sphinx-tabs": ".sphinx-tabs",
    "sphinx-copybutton": ".copybtn",
}


@pytest.mark.parametrize("widget", sorted(_WIDGETS))
def test_extension_widgets_follow_the_colour_mode(widget):
    # A widget follows the mode when its colours come from the theme's own
    # variables (which the modes switch), or from rules scoped by data-mode.
    hook = _WIDGETS[widget]
    css = CSS.read_text(encoding="utf-8")
    following = [
        (selector, body)
        for selector, body in _rules(css)
        if hook in selector + body and ("var(--pt-" in body or "data-mode" in selector)
    ]
    assert following, f"no mode-aware styles for {widget} ({hook}) in piccolo_theme.css"

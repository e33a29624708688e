"""Link previews: the theme's OpenGraph tags, and none of its own when
sphinxext-opengraph is loaded."""

from __future__ import annotations

import pytest


def og(soup) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for tag in soup.find_all("meta", attrs={"property": True}):
        if tag["property"].startswith("og:"):
            found.setdefault(tag["property"], []).append(tag["content"])
    return found


def test_every_page_has_a_card_from_what_the_theme_knows(build):
    site = build("basic")
    soup = site.soup("index")
    tags = og(soup)
    assert tags["og:title"] == ["Fixture Project"]
    assert tags["og:type"] == ["website"]
    assert tags["og:site_name"] == ["Fixture Project"]
    # The same text as the meta description the theme computes.
    description = soup.find("meta", attrs={"name": "description"})["content"]
    assert tags["og:description"] == [description]
    assert description.startswith("The fixture site\u2019s first paragraph")
    # No base URL, no image: those tags are left out rather than guessed.
    assert "og:url" not in tags and "og:image" not in tags
    # A generated page has a title but no description.
    generated = og(site.soup("genindex"))
    assert generated["og:title"] == ["Index"] and "og:description" not in generated


def test_base_url_gives_the_page_url_and_absolute_images(build):
    site = build(
        "basic",
        confoverrides={
            "html_baseurl": "https://docs.example.org/en/",
            "html_theme_options": {"social_image": "_static/card.png"},
        },
        files={
            "own-image.rst": ":og:image: https://cdn.example.org/own.png\n:orphan:\n\nOwn image\n=========\n\nText.\n",
            "local-image.rst": ":og:image: /_static/local.png\n:orphan:\n\nLocal\n=====\n\nText.\n",
        },
    )
    index = og(site.soup("index"))
    assert index["og:url"] == ["https://docs.example.org/en/index.html"]
    canonical = site.soup("index").find("link", rel="canonical")["href"]
    assert index["og:url"] == [canonical]
    assert index["og:image"] == ["https://docs.example.org/en/_static/card.png"]
    first = og(site.soup("reference/index"))
    assert first["og:url"] == ["https://docs.example.org/en/reference/index.html"]
    assert first["og:image"] == ["https://docs.example.org/en/_static/card.png"]
    # Page metadata wins over the option.
    assert og(site.soup("own-image"))["og:image"] == ["https://cdn.example.org/own.png"]
    assert og(site.soup("local-image"))["og:image"] == ["https://docs.example.org/en/_static/local.png"]


def test_without_a_base_url_a_site_image_is_a_path_from_the_page(build):
    site = build("basic", confoverrides={"html_theme_options": {"social_image": "_static/card.png"}})
    assert og(site.soup("index"))["og:image"] == ["_static/card.png"]
    assert og(site.soup("reference/index"))["og:image"] == ["../_static/card.png"]


def test_tags_the_page_gives_itself_are_not_repeated(build):
    site = build(
        "basic",
        files={"meta.rst": ":orphan:\n\n.. meta::\n   :property=og:title: My own title\n\nMeta\n====\n\nText.\n"},
    )
    tags = og(site.soup("meta"))
    assert tags["og:title"] == ["My own title"]
    assert tags["og:type"] == ["website"]


@pytest.mark.parametrize("value", ["javascript:alert(1)", "data:image/png;base64,AAAA", 'a b"<c>'])
def test_a_hostile_page_image_warns_and_falls_back(build, value):
    site = build(
        "basic",
        confoverrides={"html_theme_options": {"social_image": "https://docs.example.org/card.png"}},
        files={"bad.rst": f":og:image: {value}\n:orphan:\n\nBad\n===\n\nText.\n"},
        warnings=True,
    )
    warnings = [w for w in site.warnings.splitlines() if "WARNING" in w]
    assert len(warnings) == 1, warnings
    assert "bad" in warnings[0] and "'og:image'" in warnings[0]
    assert "using 'https://docs.example.org/card.png' instead" in warnings[0]
    html = site.html("bad")
    assert "javascript:" not in html and "data:image" not in html
    assert og(site.soup("bad"))["og:image"] == ["https://docs.example.org/card.png"]


def test_sphinxext_opengraph_owns_the_tags_when_loaded(build):
    pytest.importorskip("sphinxext.opengraph")
    site = build(
        "basic",
        confoverrides={
            "extensions": ["sphinxext.opengraph"],
            "ogp_site_url": "https://docs.example.org/",
            "html_theme_options": {"social_image": "_static/card.png"},
        },
    )
    for page in ("index", "first", "reference/index"):
        tags = og(site.soup(page))
        # The extension's tags, each once: the theme added none of its own.
        assert tags, page
        assert all(len(values) == 1 for values in tags.values()), (page, tags)
        assert tags["og:url"][0].startswith("https://docs.example.org/")
        assert tags.get("og:image") != ["https://docs.example.org/_static/card.png"]
    # The theme's meta description stays: it is not an OpenGraph tag.
    assert site.soup("index").find("meta", attrs={"name": "description"})

"""Header icon links (``icon_links``), SVG icons of the user's own, and the light
and dark logos: in the page as configured, and every bad entry one warning."""

from __future__ import annotations

import pytest

from piccolo_theme import icon_links
from pt_paths import PACKAGE_DIR

GOOD_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M2 2h20v20H2z"/></svg>'


def _site(build, options, *, files=None, warnings=False, **conf):
    return build(
        "basic",
        files={"_static/keep.txt": "", **(files or {})},
        confoverrides={"html_static_path": ["_static"], "html_theme_options": options, **conf},
        warnings=warnings,
    )


def _warnings(site) -> list[str]:
    return [line for line in site.warnings.splitlines() if "WARNING" in line]


def test_every_builtin_icon_is_shipped():
    for name in icon_links.BUILTIN:
        svg = (PACKAGE_DIR / "components" / "icons" / f"{name}.svg").read_text()
        assert svg.startswith('<svg class="pt-icon" viewBox="0 0 24 24"') and 'aria-hidden="true"' in svg, name
    assert (PACKAGE_DIR / "components" / "icons" / "SIMPLE-ICONS-LICENSE.md").is_file()


def test_links_in_the_header_and_the_drawer(build):
    links = [
        {"name": "PyPI", "url": "https://pypi.org/project/piccolo/"},
        {"name": "Chat <on> Discord", "url": "https://discord.gg/abc", "icon": "discord"},
        {"name": "Mastodon", "url": "https://fosstodon.org/@piccolo", "icon": "mastodon", "rel": "me"},
        {"name": "Mail us", "url": "mailto:team@example.org"},
        {"name": "Own", "url": "https://example.org/", "icon": "own.svg"},
    ]
    site = _site(
        build, {"source_url": "https://github.com/org/proj", "icon_links": links}, files={"_static/own.svg": GOOD_SVG}
    )
    soup = site.soup("index")
    for where in ("header.pt-header .pt-icon-links", "nav#pt-sidebar-left .pt-icon-links--drawer"):
        box = soup.select_one(where)
        anchors = box.select("a")
        # The repository link first, then the entries in order.
        assert anchors[0]["class"] == ["pt-header__button", "pt-source-link"]
        got = [(a["href"], a["title"], a.get("rel"), a.get_text(strip=True)) for a in anchors[1:]]
        assert got == [
            ("https://pypi.org/project/piccolo/", "PyPI", None, "PyPI"),
            ("https://discord.gg/abc", "Chat <on> Discord", None, "Chat <on> Discord"),
            ("https://fosstodon.org/@piccolo", "Mastodon", ["me"], "Mastodon"),
            ("mailto:team@example.org", "Mail us", None, "Mail us"),
            ("https://example.org/", "Own", None, "Own"),
        ]
        icons = [a.svg for a in anchors[1:]]
        shipped = {
            n: (PACKAGE_DIR / "components" / "icons" / f"{n}.svg").read_text().strip()
            for n in ("pypi", "discord", "mastodon", "email")
        }
        for svg, name in zip(icons[:4], ("pypi", "discord", "mastodon", "email"), strict=True):
            assert str(svg.path["d"]) in shipped[name], name
        own = icons[-1]
        assert own["class"] == ["pt-icon"] and own["aria-hidden"] == "true" and own["fill"] == "currentColor"
    assert "Chat &lt;on&gt; Discord" in site.html("index")


# (entry, what the warning says); each is left out and the others stay.
HOSTILE = [
    ("not a mapping", "is not a mapping"),
    ({"url": "https://example.org"}, "has no name"),
    ({"name": "  ", "url": "https://example.org"}, "has no name"),
    ({"name": "No URL"}, "has no http(s) or mailto url"),
    ({"name": "JS", "url": "javascript:alert(1)"}, "has no http(s) or mailto url"),
    ({"name": "JS2", "url": " JavaScript:alert(1)"}, "has no http(s) or mailto url"),
    ({"name": "Data", "url": "data:text/html,<script>alert(1)</script>"}, "has no http(s) or mailto url"),
    ({"name": "Relative", "url": "/local/page.html"}, "has no http(s) or mailto url"),
    ({"name": "Bad icon", "url": "https://example.org", "icon": "myspace"}, "names an icon"),
    ({"name": "Icon type", "url": "https://example.org", "icon": 3}, "names an icon"),
    ({"name": "Rel", "url": "https://example.org", "rel": 'me" onclick="alert(1)'}, "has a rel"),
    ({"name": "Extra", "url": "https://example.org", "target": "_blank"}, "has keys other than"),
    ({"name": "Missing", "url": "https://example.org", "icon": "nothere.svg"}, "is not a file in html_static_path"),
    ({"name": "Not SVG", "url": "https://example.org", "icon": "notsvg.svg"}, "does not have an <svg> root"),
    ({"name": "Broken", "url": "https://example.org", "icon": "broken.svg"}, "is not well-formed XML"),
    ({"name": "Entities", "url": "https://example.org", "icon": "entities.svg"}, "declares a DOCTYPE or entities"),
]
BAD_FILES = {
    "_static/notsvg.svg": '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>',
    "_static/broken.svg": "<svg><path></svg>",
    "_static/entities.svg": '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
}


@pytest.mark.parametrize(("entry", "why"), HOSTILE, ids=[str(i) for i in range(len(HOSTILE))])
def test_hostile_entries_are_one_warning_each_and_left_out(build, entry, why):
    good = {"name": "Good", "url": "https://example.org/good"}
    site = _site(build, {"icon_links": [good, entry]}, files=BAD_FILES, warnings=True)
    warnings = _warnings(site)
    assert len(warnings) == 1, warnings
    assert "html_theme_options['icon_links'][1]" in warnings[0] and why in warnings[0]
    soup = site.soup("index")
    assert [a["href"] for a in soup.select("header .pt-icon-link")] == ["https://example.org/good"]
    html = site.html("index")
    assert "javascript:" not in html.lower() and "alert(1)" not in html and "onclick" not in html


def test_an_svg_file_is_cleaned(build):
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 24 24" '
        'onload="alert(1)" width="100" fill="#123456"><script>alert(2)</script>'
        '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'
        '<a href="javascript:alert(3)"><path d="M1 1"/></a><style>*{background:url(https://evil.example/)}</style>'
        '<path id="p" d="M2 2h20" onclick="alert(4)"/><use xlink:href="#p"/><use href="https://evil.example/x.svg#p"/></svg>'
    )
    site = _site(
        build,
        {"icon_links": [{"name": "Own", "url": "https://example.org", "icon": "own.svg"}]},
        files={"_static/own.svg": svg},
        warnings=True,
    )
    warnings = _warnings(site)
    assert len(warnings) == 1 and "removed" in warnings[0], warnings
    own = site.soup("index").select_one("header .pt-icon-link svg")
    assert own is not None
    html = str(own)
    for gone in (
        "alert",
        "script",
        "foreignObject",
        "evil.example",
        "<a",
        "<style",
        'width="100"',
        "onclick",
        "onload",
    ):
        assert gone.lower() not in html.lower(), gone
    assert own["fill"] == "#123456" and own["viewbox"] == "0 0 24 24"
    assert [u.get("href") for u in own.select("use")] == ["#p", None]


def test_the_source_link_alone_still_works_and_nothing_without_either(build):
    site = _site(build, {"source_url": "https://gitlab.com/org/proj"})
    soup = site.soup("index")
    assert [a["href"] for a in soup.select("header .pt-icon-links a")] == ["https://gitlab.com/org/proj"]
    plain = _site(
        build,
        {},
    )
    assert plain.soup("index").select_one(".pt-icon-links--drawer") is None


# -- logos ---------------------------------------------------------------------------


LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 10"><rect width="40" height="10" fill="{}"/></svg>'


def test_light_and_dark_logos(build):
    files = {"_static/light.svg": LOGO.format("#000"), "_static/dark.svg": LOGO.format("#fff")}
    site = _site(build, {"light_logo": "light.svg", "dark_logo": "dark.svg"}, files=files)
    brand = site.soup("index").select_one("a.pt-brand")
    images = [(img["src"], img["class"], img["alt"]) for img in brand.select("img")]
    assert images == [
        ("_static/light.svg", ["pt-brand__logo", "pt-brand__logo--light"], "Logo of Fixture Project"),
        ("_static/dark.svg", ["pt-brand__logo", "pt-brand__logo--dark"], "Logo of Fixture Project"),
    ]
    assert brand.select_one(".pt-brand__title") is None  # logo_only, the default
    # With the title beside them, the logos are decoration.
    site = _site(
        build,
        {"light_logo": "light.svg", "dark_logo": "https://cdn.example.org/d.svg", "logo_only": False},
        files=files,
    )
    brand = site.soup("index").select_one("a.pt-brand")
    assert [(img["src"], img["alt"]) for img in brand.select("img")] == [
        ("_static/light.svg", ""),
        ("https://cdn.example.org/d.svg", ""),
    ]
    assert brand.get_text(strip=True) == "Fixture Project"


def test_dark_logo_falls_back_on_html_logo(build):
    files = {"_static/dark.svg": LOGO.format("#fff"), "logo.svg": LOGO.format("#000")}
    site = _site(build, {"dark_logo": "dark.svg"}, files=files, html_logo="logo.svg")
    assert [img["src"] for img in site.soup("index").select(".pt-brand img")] == [
        "_static/logo.svg",
        "_static/dark.svg",
    ]


def test_a_missing_logo_is_one_warning_and_no_broken_image(build):
    site = _site(build, {"light_logo": "gone.svg", "dark_logo": "gone-too.svg"}, warnings=True)
    warnings = _warnings(site)
    assert len(warnings) == 2 and all("is not a file in html_static_path" in w for w in warnings), warnings
    assert "light_logo" in warnings[0] and "dark_logo" in warnings[1]
    brand = site.soup("index").select_one("a.pt-brand")
    assert brand.select_one("img") is None and brand.get_text(strip=True) == "Fixture Project"

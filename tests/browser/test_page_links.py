"""Issue 15 in a browser: light/dark logos and images swap per mode by CSS alone
(JavaScript off), and a page with breadcrumbs, edit links, icon links and both
logos has no axe violation in any mode at either size, nor overflow at 320 px."""

from __future__ import annotations

from pathlib import Path

import pytest

import pt_browser as pt
from conftest import sphinx_build

pytestmark = pytest.mark.browser

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}">'
LOGO = SVG.format(w=32, h=32) + '<rect width="32" height="32" rx="6" fill="{}"/></svg>'
PICTURE = SVG.format(w=80, h=40) + '<rect width="80" height="40" fill="{}"/></svg>'
LEAF = "guide/deep/leaf"
CONF = """project = "Links"
html_theme = "piccolo_theme"
html_static_path = ["_static"]
html_theme_options = {
    "source_url": "https://github.com/org/proj",
    "source_directory": "docs",
    "light_logo": "light.svg",
    "dark_logo": "dark.svg",
    "logo_only": False,
    "icon_links": [
        {"name": "PyPI", "url": "https://pypi.org/project/proj/"},
        {"name": "Chat", "url": "https://discord.gg/abc", "icon": "discord"},
        {"name": "Mastodon", "url": "https://fosstodon.org/@proj", "icon": "mastodon", "rel": "me"},
        {"name": "Write to us", "url": "mailto:team@example.org"},
    ],
}
"""
LONG = "A leaf page whose title is long enough to be cut short on a narrow phone screen"


def _write(src: Path) -> None:
    files = {
        "conf.py": CONF,
        "_static/light.svg": LOGO.format("#ffffff"),
        "_static/dark.svg": LOGO.format("#181920"),
        "light.svg": PICTURE.format("#ffffff"),
        "dark.svg": PICTURE.format("#000000"),
        "index.rst": "Links\n=====\n\n.. toctree::\n\n   guide/index\n",
        "guide/index.rst": "Guide\n=====\n\n.. toctree::\n\n   deep/index\n",
        "guide/deep/index.rst": "Deeper into the guide\n=====================\n\n.. toctree::\n\n   leaf\n",
        f"{LEAF}.rst": f"{LONG}\n{'=' * len(LONG)}\n\nText.\n\n"
        ".. figure:: ../../light.svg\n   :figclass: only-light\n   :alt: light figure\n\n   Light.\n\n"
        ".. figure:: ../../dark.svg\n   :figclass: only-dark\n   :alt: dark figure\n\n   Dark.\n\n"
        ".. image:: ../../light.svg\n   :class: light-only\n   :alt: light image\n\n"
        ".. image:: ../../dark.svg\n   :class: dark-only\n   :alt: dark image\n\n"
        "Section\n-------\n\nMore.\n\nAnother\n-------\n\nMore.\n",
    }
    for name, text in files.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def sites(site_root, server) -> dict[str, str]:
    """The site built once per default mode: {mode: site}."""
    src = site_root.parent / "links-src"
    _write(src)
    built = {}
    for mode in ("auto", "light", "dark", "darkest"):
        name = f"links-{mode}"
        sphinx_build(src, site_root / name, "-W", "-D", f"html_theme_options.default_mode={mode}")
        built[mode] = name
    return built


def _shown(page) -> dict[str, bool]:
    return {
        "logo light": page.locator("header .pt-brand__logo--light").is_visible(),
        "logo dark": page.locator("header .pt-brand__logo--dark").is_visible(),
        "figure light": page.locator("figure.only-light img").is_visible(),
        "figure dark": page.locator("figure.only-dark img").is_visible(),
        "image light": page.locator("img.light-only").is_visible(),
        "image dark": page.locator("img.dark-only").is_visible(),
    }


LIGHT = {
    "logo light": True,
    "logo dark": False,
    "figure light": True,
    "figure dark": False,
    "image light": True,
    "image dark": False,
}
DARK = {k: not v for k, v in LIGHT.items()}


@pytest.mark.parametrize(
    ("mode", "scheme", "expected"),
    [
        ("light", "dark", LIGHT),
        ("dark", "light", DARK),
        ("darkest", "light", DARK),
        ("auto", "light", LIGHT),
        ("auto", "dark", DARK),
    ],
)
def test_logos_and_images_follow_the_mode_without_javascript(sites, server, new_context, mode, scheme, expected):
    page = new_context(java_script_enabled=False, color_scheme=scheme).new_page()
    page.goto(server.url(f"{LEAF}.html", site=sites[mode]))
    assert _shown(page) == expected
    # Printed pages are light whatever the mode (the header is not printed).
    page.emulate_media(media="print")
    printed = {k: v for k, v in _shown(page).items() if not k.startswith("logo")}
    assert printed == {k: v for k, v in LIGHT.items() if not k.startswith("logo")}


@pytest.mark.parametrize("viewport", list(pt.VIEWPORTS))
def test_no_axe_violation_with_everything_on(sites, server, new_context, viewport):
    failures = []
    for mode in pt.MODES + ("auto",):
        context = new_context(mode=mode, color_scheme="dark", **pt.VIEWPORTS[viewport])
        page = context.new_page()
        for path in (f"{LEAF}.html", "index.html"):
            page.goto(server.url(path, site=sites["auto"]))
            page.evaluate(pt.SETTLE_JS)
            if viewport == "phone" and path == "index.html":
                # The drawer open, with the icon links at its top.
                page.locator(".pt-menu-button").click()
                page.locator("#pt-sidebar-left .pt-icon-links--drawer a.pt-source-link").wait_for(state="visible")
            page.evaluate(pt.axe_source())
            violations = page.evaluate("(o) => axe.run(document, o).then(r => r.violations)", pt.AXE_OPTIONS)
            if violations:
                failures.append(f"{path} [{viewport}, {mode}]:\n{pt.format_violations(violations)}")
    assert not failures, "\n".join(failures)


def test_icon_links_move_to_the_drawer_on_a_phone(sites, server, new_context):
    page = new_context(**pt.VIEWPORTS["phone"]).new_page()
    page.goto(server.url(f"{LEAF}.html", site=sites["auto"]))
    assert not page.locator("header .pt-icon-links").is_visible()
    drawer = page.locator("#pt-sidebar-left .pt-icon-links--drawer")
    page.locator(".pt-menu-button").click()
    drawer.locator("a").first.wait_for(state="visible")
    names = [a.get_attribute("title") for a in drawer.locator("a").all()]
    assert names == ["Source code on GitHub", "PyPI", "Chat", "Mastodon", "Write to us"]
    for link in drawer.locator("a").all():
        box = link.bounding_box()
        # Sub-pixel layout: a 40 px target can measure 39.99996.
        assert round(box["width"]) >= 40 and round(box["height"]) >= 40
    # The edit links are at the top of the article, on screen without scrolling.
    edit = page.locator("main .pt-edit-link").first
    assert edit.is_visible() and edit.bounding_box()["y"] < 844
    wide = new_context().new_page()
    wide.goto(server.url(f"{LEAF}.html", site=sites["auto"]))
    assert wide.locator("header .pt-icon-links a").count() == 5
    assert not wide.locator("#pt-sidebar-left .pt-icon-links--drawer").is_visible()


@pytest.mark.parametrize("width", [320, 390])
def test_nothing_overflows_on_a_narrow_phone(sites, server, new_context, width):
    page = new_context(viewport={"width": width, "height": 700}, is_mobile=True, has_touch=True).new_page()
    page.goto(server.url(f"{LEAF}.html", site=sites["auto"]))
    page.evaluate(pt.SETTLE_JS)
    result = page.evaluate(pt.OVERFLOW_JS, width)
    assert result["scrollWidth"] <= width and result["widest"] is None, result
    # The long title is cut short on screen; its whole text is still there.
    current = page.locator('.pt-breadcrumbs [aria-current="page"]')
    assert current.text_content() == LONG
    item = page.locator(".pt-breadcrumbs__item").last
    assert item.evaluate("e => e.scrollWidth > e.clientWidth")

"""The sidebars' columns and controls: no empty column or landmark where a page
has no sidebar, basic's ``nosidebar`` and ``enable_search_shortcuts`` honoured,
and the wide-screen sidebar toggle's markup and head script."""

from __future__ import annotations

from babel.messages.mofile import read_mo

from piccolo_theme import facts
from pt_paths import LOCALE_DIR


def has_left(soup) -> bool:
    return soup.select_one("nav.pt-sidebar--left") is not None


def test_a_page_with_no_sidebar_templates_has_no_left_column_or_landmark(build):
    site = build("basic", confoverrides={"html_sidebars": {"first": []}})
    first, second = site.soup("first"), site.soup("second")
    assert not has_left(first) and has_left(second)
    # Nothing left pointing at the missing sidebar, and no empty landmark.
    assert not first.select(".pt-menu-button, .pt-sidebar-toggle, [aria-controls='pt-sidebar-left']")
    assert not [n for n in first.select("nav, aside") if not n.get_text(strip=True)]
    assert second.select_one(".pt-menu-button") and second.select_one(".pt-sidebar-toggle")


def test_nosidebar_removes_the_left_sidebar_everywhere(build):
    site = build("basic", confoverrides={"html_theme_options": {"nosidebar": True}})
    for page in ("index", "first", "reference/index", "genindex", "search"):
        soup = site.soup(page)
        assert not has_left(soup), page
        assert not soup.select("[aria-controls='pt-sidebar-left'], [href='#pt-sidebar-left']"), page


def test_the_sidebar_toggle_controls_the_sidebar_and_is_named(build):
    soup = build("basic").soup("first")
    toggle = soup.select_one("button.pt-sidebar-toggle")
    assert toggle["aria-controls"] == "pt-sidebar-left" == soup.select_one("nav.pt-sidebar--left")["id"]
    assert toggle["aria-expanded"] == "true"
    assert toggle.get_text(strip=True) == "Site navigation"
    assert toggle.select_one("svg.pt-icon")["aria-hidden"] == "true"
    # In the menu button's slot: first in the header bar with it, before the brand.
    bar = [c for c in soup.select_one(".pt-header__bar").children if getattr(c, "name", None)]
    assert [c.get("class")[1] for c in bar[:2]] == ["pt-menu-button", "pt-sidebar-toggle"]


def test_the_toggle_name_is_translated(build):
    site = build("i18n", confoverrides={"language": "fr"})
    name = site.soup("index").select_one("button.pt-sidebar-toggle").get_text(strip=True)
    with (LOCALE_DIR / "fr" / "LC_MESSAGES" / "sphinx.mo").open("rb") as mo:
        catalog = read_mo(mo)
    assert name == catalog.get("Site navigation").string != "Site navigation"


def test_the_head_script_applies_the_stored_sidebar_state(build):
    soup = build("basic").soup("index")
    (script,) = [s for s in soup.head.find_all("script") if not s.get("src")]
    text = script.string
    assert f'localStorage.getItem("{facts.SIDEBAR_STORAGE_KEY}")' in text
    assert f'"{facts.SIDEBAR_ATTRIBUTE}"' in text
    # Only the exact stored value hides the sidebar; anything else shows it.
    hidden, shown = facts.SIDEBAR_STATES[1], facts.SIDEBAR_STATES[0]
    assert f's=="{hidden}"?s:"{shown}"' in text


def test_search_shortcuts_follow_enable_search_shortcuts(build):
    on = build("basic").soup("index")
    assert on.select_one("#pt-search-input")["aria-keyshortcuts"].split()[0] == "/"
    assert on.select_one(".pt-search__hint")
    off = build("basic", confoverrides={"html_theme_options": {"enable_search_shortcuts": False}}, name="off").soup(
        "index"
    )
    assert not off.select_one("#pt-search-input").has_attr("aria-keyshortcuts")
    assert off.select_one(".pt-search__hint") is None

"""The wide-screen left-sidebar toggle: hides and shows the sidebar, remembered
across pages, applied before the first paint (no layout shift), by keyboard,
robust to a broken stored value, absent without JavaScript and on phones. And
basic's keyboard options on a small site: enable_search_shortcuts off,
navigation_with_keys on."""

from __future__ import annotations

import pytest

import pt_browser as pt
from piccolo_theme import facts
from pt_paths import ROOTS

pytestmark = pytest.mark.browser

KEY = facts.SIDEBAR_STORAGE_KEY
PAGE = "orm/index.html"
OTHER = "api/index.html"

STATE_JS = """() => {
  const nav = document.getElementById('pt-sidebar-left');
  const toggle = document.querySelector('.pt-sidebar-toggle');
  const main = document.querySelector('.pt-main').getBoundingClientRect();
  return {
    navShown: getComputedStyle(nav).display !== 'none' && nav.getBoundingClientRect().width > 0,
    toggleShown: !!toggle && getComputedStyle(toggle).display !== 'none',
    expanded: toggle && toggle.getAttribute('aria-expanded'),
    mainLeft: Math.round(main.left),
    stored: (() => { try { return localStorage.getItem(KEY); } catch (e) { return 'error'; } })(),
  };
}""".replace("KEY", repr(KEY))


def test_the_toggle_hides_and_shows_the_sidebar_and_remembers(page, server, watch):
    page.goto(server.url(PAGE))
    before = page.evaluate(STATE_JS)
    assert before["navShown"] and before["toggleShown"] and before["expanded"] == "true"
    page.locator(".pt-sidebar-toggle").click()
    hidden = page.evaluate(STATE_JS)
    assert not hidden["navShown"] and hidden["expanded"] == "false" and hidden["stored"] == "hidden"
    # The article took the space: its column starts further towards the start.
    assert hidden["mainLeft"] < before["mainLeft"]
    # Remembered on the next page, from its first paint.
    page.goto(server.url(OTHER))
    other = page.evaluate(STATE_JS)
    assert not other["navShown"] and other["expanded"] == "false"
    page.locator(".pt-sidebar-toggle").click()
    shown = page.evaluate(STATE_JS)
    assert shown["navShown"] and shown["expanded"] == "true" and shown["stored"] is None
    assert watch.take() == []


def test_the_toggle_works_from_the_keyboard(page, server):
    page.goto(server.url(PAGE))
    toggle = page.locator(".pt-sidebar-toggle")
    toggle.focus()
    page.keyboard.press("Enter")
    assert page.evaluate(STATE_JS)["expanded"] == "false"
    page.keyboard.press("Space")
    state = page.evaluate(STATE_JS)
    assert state["expanded"] == "true" and state["navShown"]
    # Its name, as assistive technology reads it.
    assert toggle.evaluate("(b) => b.textContent.trim()") == "Site navigation"


LAYOUT_SHIFT_JS = """() => {
  window.__ptShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__ptShift += entry.value;
  }).observe({type: 'layout-shift', buffered: true});
  // The first frame painted with the header's toggle and the sidebar parsed.
  requestAnimationFrame(function probe() {
    const nav = document.getElementById('pt-sidebar-left');
    const toggle = document.querySelector('.pt-sidebar-toggle');
    if (!nav || !toggle) { requestAnimationFrame(probe); return; }
    window.__ptFirstFrame = {
      navShown: !!nav && getComputedStyle(nav).display !== 'none',
      toggleShown: !!toggle && getComputedStyle(toggle).display !== 'none',
      scriptRan: toggle ? toggle.getAttribute('aria-expanded') === 'false' : null,
    };
  });
}"""


@pytest.fixture(scope="module")
def plain_site(site_root, server) -> str:
    """A small site with no version menu (whose data arrives later) or banner:
    whatever shifts on it, the sidebar's state caused."""
    from conftest import sphinx_build

    site = "sidebar-plain"
    sphinx_build(ROOTS / "test-basic", site_root / site)
    return site


@pytest.mark.parametrize("stored", ["hidden", None])
def test_the_stored_state_is_there_at_first_paint_with_no_layout_shift(stored, plain_site, new_context, server):
    context = new_context()
    page = context.new_page()
    page.goto(server.url("search.html", site=plain_site))
    if stored:
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, stored])
    context.add_init_script(f"({LAYOUT_SHIFT_JS})()")
    # The theme's script arrives late: the head script alone sets the state.
    server.delays["/_static/piccolo_theme.js"] = 1.5
    try:
        page.goto(server.url("first.html", site=plain_site), wait_until="commit")
        page.wait_for_function("() => window.__ptFirstFrame", timeout=10_000)
        first = page.evaluate("() => window.__ptFirstFrame")
        page.wait_for_load_state("load")
    finally:
        server.delays.clear()
    page.evaluate(pt.SETTLE_JS)
    assert first["toggleShown"], "the toggle's slot is there from the first paint"
    assert first["navShown"] is (stored is None)
    if stored:
        assert not first["scriptRan"], "the theme's script was not slow: the test proves nothing"
    assert page.evaluate("() => window.__ptShift") == 0


@pytest.mark.parametrize("value", ["garbage", "", "HIDDEN", "null", "{}"])
def test_a_broken_stored_value_shows_the_sidebar(value, new_context, server, watch):
    context = new_context()
    context.add_init_script(f"try{{localStorage.setItem({KEY!r}, {value!r})}}catch(e){{}}")
    page = context.new_page()
    page.goto(server.url(PAGE))
    state = page.evaluate(STATE_JS)
    assert state["navShown"] and state["expanded"] == "true"
    assert watch.take() == []


def test_without_javascript_the_sidebar_shows_and_no_toggle(new_context, server):
    context = new_context(java_script_enabled=False)
    context.add_init_script(f"localStorage.setItem({KEY!r}, 'hidden')")
    page = context.new_page()
    page.goto(server.url(PAGE))
    assert page.locator("#pt-sidebar-left").is_visible()
    assert not page.locator(".pt-sidebar-toggle").is_visible()


def test_on_a_phone_the_drawer_works_as_before_whatever_is_stored(new_context, server):
    context = new_context(**pt.VIEWPORTS["phone"])
    context.add_init_script(f"try{{localStorage.setItem({KEY!r}, 'hidden')}}catch(e){{}}")
    page = context.new_page()
    page.goto(server.url(PAGE))
    assert not page.locator(".pt-sidebar-toggle").is_visible()
    page.locator(".pt-menu-button").click()
    page.wait_for_function(
        "() => { const r = document.getElementById('pt-sidebar-left').getBoundingClientRect();"
        " return r.left >= 0 && r.width > 0; }"
    )
    assert page.locator("#pt-sidebar-left [aria-current='page']").is_visible()


# -- no empty columns ----------------------------------------------------------------

COLUMNS_JS = """() => getComputedStyle(document.querySelector('.pt-page')).gridTemplateColumns.split(' ')"""


@pytest.fixture(scope="module")
def nosidebar_site(site_root, server) -> str:
    from conftest import sphinx_build

    site = "nosidebar"
    sphinx_build(ROOTS / "test-basic", site_root / site, "-D", "html_theme_options.nosidebar=1")
    return site


@pytest.mark.parametrize("width", [900, 1280])
def test_a_missing_sidebar_leaves_no_empty_column(width, nosidebar_site, plain_site, new_context, server):
    page = new_context(viewport={"width": width, "height": 800}).new_page()
    # No left sidebar: its column is 0 wide, the article starts the page.
    page.goto(server.url("first.html", site=nosidebar_site))
    columns = page.evaluate(COLUMNS_JS)
    assert columns[0] == "0px", columns
    # A page with sidebars: the left column is the sidebar's width.
    page.goto(server.url("first.html", site=plain_site))
    with_nav = page.evaluate(COLUMNS_JS)
    assert with_nav[0] == f"{16 * facts.SIDEBAR_WIDTH_REM:g}px", with_nav
    if width >= 16 * facts.WIDE_REM:
        assert with_nav[2] == f"{16 * facts.SIDEBAR_WIDTH_REM:g}px", with_nav
        # A page without page contents (no sections): no right column either.
        page.goto(server.url("hidden.html", site=plain_site))
        assert page.locator(".pt-sidebar--right").count() == 0
        assert page.evaluate(COLUMNS_JS)[2] == "0px"


# -- basic's keyboard options --------------------------------------------------------


@pytest.fixture(scope="module")
def keys_site(site_root, server) -> str:
    from conftest import sphinx_build

    site = "keys"
    sphinx_build(
        ROOTS / "test-basic", site_root / site,
        "-D", "html_theme_options.enable_search_shortcuts=0",
        "-D", "html_theme_options.navigation_with_keys=1",
    )  # fmt: skip
    return site


def test_search_shortcut_off_and_arrow_keys_on(keys_site, page, server, watch):
    page.goto(server.url("first.html", site=keys_site))
    assert not page.locator(".pt-search__hint").count()
    page.locator("main h1").click()
    page.keyboard.press("/")
    assert page.evaluate("() => document.activeElement.id") != "pt-search-input"
    page.keyboard.press("Control+k")
    assert page.evaluate("() => document.activeElement.id") != "pt-search-input"
    # navigation_with_keys: Sphinx's own script follows <link rel="next">.
    following = page.evaluate("() => document.querySelector('link[rel=next]').href")
    page.keyboard.press("ArrowRight")
    page.wait_for_url(following)
    assert watch.take() == []


def test_search_shortcut_on_by_default(page, server):
    page.goto(server.url(PAGE))
    page.locator("main h1").click()
    page.keyboard.press("/")
    assert page.evaluate("() => document.activeElement.id") == "pt-search-input"

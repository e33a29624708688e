"""Search as you type in the header (issue 17), in Chromium, on the small
search fixture site (tests/roots/test-search) and on the demo."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import expect

import pt_browser as pt
from conftest import ROOTS, sphinx_build

pytestmark = pytest.mark.browser

SEARCHY = ("piccolo_theme_search", "searchindex.js", "language_data.js")


@pytest.fixture(scope="module")
def search_site(site_root, server) -> str:
    site = "search"
    if not (site_root / site / "index.html").is_file():
        sphinx_build(ROOTS / "test-search", site_root / site)
    return site


@pytest.fixture(scope="module")
def no_index_site(site_root, search_site) -> str:
    """The fixture site without its searchindex.js, as when it is missing."""
    site = "search-no-index"
    if not (site_root / site).is_dir():
        shutil.copytree(site_root / search_site, site_root / site)
        (site_root / site / "searchindex.js").unlink()
    return site


def fetched(page) -> list[str]:
    return page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)")


def type_query(page, text: str) -> None:
    box = page.locator("#pt-search-input")
    box.focus()
    page.wait_for_function("() => document.getElementById('pt-search').dataset.index === 'ready'")
    box.press_sequentially(text)


def options(page) -> list[dict]:
    return page.evaluate(
        """() => [...document.querySelectorAll('#pt-search-listbox [role=option]')].map(o => ({
            text: o.firstChild.textContent, href: o.getAttribute('href'), kind: o.dataset.kind || null,
            where: (o.querySelector('.pt-search-results__where') || {}).textContent || ''}))"""
    )


def test_nothing_search_related_before_focus(page, server, search_site, watch):
    page.goto(server.url("guide.html", site=search_site))
    page.evaluate(pt.SETTLE_JS)
    page.mouse.wheel(0, 400)
    page.keyboard.press("Tab")
    assert not [u for u in fetched(page) if any(s in u for s in SEARCHY)]
    page.locator("#pt-search-input").focus()
    page.wait_for_function("() => document.getElementById('pt-search').dataset.index === 'ready'")
    loaded = fetched(page)
    for name in SEARCHY:
        assert [u for u in loaded if name in u], name
    # Once per page view.
    page.locator("#pt-search-input").blur()
    page.locator("#pt-search-input").focus()
    assert len([u for u in fetched(page) if u.endswith("searchindex.js")]) == 1
    assert watch.take() == []


def test_lazy_files_carry_the_cache_key_and_the_index_loads_alongside(page, server, search_site, watch):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(server.url("topics/deep.html", site=search_site))
    key = page.get_attribute("#pt-search", "data-script").partition("?")[2]
    assert key.startswith("v=") and len(key) > 2
    page.locator("#pt-search-input").focus()
    page.wait_for_function("() => document.getElementById('pt-search').dataset.index === 'ready'")
    ours = [u for u in requested if "/_static/piccolo_theme" in u]
    for name in ("piccolo_theme_search.js", "piccolo_theme_search.css"):
        urls = [u for u in ours if f"/_static/{name}" in u]
        assert urls and all(u.endswith(f"{name}?{key}") for u in urls), (name, ours)
    assert all("?v=" in u for u in ours), ours
    # The index's download starts on focus with the script's, not after it.
    started = page.evaluate(
        """() => Object.fromEntries(performance.getEntriesByType('resource')
            .map(e => [e.name.split('?')[0].split('/').pop(), e.startTime]))"""
    )
    assert started["searchindex.js"] <= started["piccolo_theme_search.js"], started
    assert watch.take() == []


def test_results_while_typing_objects_first(page, server, search_site, watch):
    page.goto(server.url("index.html", site=search_site))
    type_query(page, "Table.sel")
    panel = page.locator(".pt-search-results")
    expect(panel).to_be_visible()
    found = options(page)
    assert found[0]["text"] == "tables.Table.select" and found[0]["kind"] == "object"
    assert "method" in found[0]["where"] and "API reference" in found[0]["where"]
    # The typed text is highlighted, and the last entry shows every result.
    assert page.locator("#pt-search-listbox [role=option] mark").first.text_content().lower() in ("table", "sel")
    assert found[-1]["href"].startswith("search.html?q=Table.sel")
    box = page.locator("#pt-search-input")
    assert box.get_attribute("role") == "combobox" and box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-controls") == "pt-search-listbox"
    expect(page.locator("#pt-search [role=status]")).to_have_text(f"Results: {len(found) - 1}")
    box.press("Backspace")
    box.press("Backspace")
    box.press("Backspace")
    box.press_sequentially("select")
    assert options(page)[0]["text"] == "tables.Table.select"
    assert watch.take() == []


def test_section_result_lands_on_the_section(page, server, search_site, watch):
    page.goto(server.url("topics/deep.html", site=search_site))
    type_query(page, "configuring")
    first = page.locator("#pt-search-listbox [role=option]").first
    expect(first).to_contain_text("Configuring the engine")
    first.click()
    page.wait_for_url("**/guide.html#configuring-the-engine")
    assert page.evaluate("() => document.getElementById('configuring-the-engine') !== null")
    assert watch.take() == []


def test_stemming_finds_the_word(page, server, search_site):
    page.goto(server.url("index.html", site=search_site))
    type_query(page, "running")
    found = options(page)
    assert found[0]["text"] == "Nightly jobs" and found[0]["href"].endswith("nightly.html")


def test_keyboard_paths(page, server, search_site, watch):
    page.goto(server.url("api.html", site=search_site))
    page.evaluate(pt.SETTLE_JS)
    # "/" focuses the box, Ctrl+K too.
    page.keyboard.press("/")
    assert page.evaluate("() => document.activeElement.id") == "pt-search-input"
    page.locator("h1").click()
    page.keyboard.press("Control+k")
    assert page.evaluate("() => document.activeElement.id") == "pt-search-input"
    page.wait_for_function("() => document.getElementById('pt-search').dataset.index === 'ready'")
    box = page.locator("#pt-search-input")
    box.press_sequentially("migrations")
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    chosen = page.locator(f"#{active}")
    assert chosen.get_attribute("aria-selected") == "true"
    assert "Migrations" in chosen.text_content()
    # Up from the first option wraps to "Show all results".
    box.press("ArrowUp")
    last = page.locator(f"#{box.get_attribute('aria-activedescendant')}")
    assert last.get_attribute("href").startswith("search.html")
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url("**/guide.html#migrations")
    # Escape clears, then the next one closes (nothing left to clear).
    type_query(page, "engine")
    expect(page.locator(".pt-search-results")).to_be_visible()
    box.press("Escape")
    assert box.input_value() == ""
    expect(page.locator(".pt-search-results")).to_be_hidden()
    # Enter with no option chosen submits to the search page, as without JavaScript.
    box.press_sequentially("engine")
    box.press("Enter")
    page.wait_for_url("**/search.html?q=engine")
    expect(page.locator("#search-results li").first).to_be_visible()
    assert watch.take() == []


def test_show_all_results_opens_the_search_page(page, server, search_site):
    page.goto(server.url("index.html", site=search_site))
    type_query(page, "table")
    page.locator(".pt-search-results__all").click()
    page.wait_for_url("**/search.html?q=table")
    expect(page.locator("#search-results li").first).to_be_visible()


def test_search_page_box_still_works(page, server, search_site, watch):
    # The search page has Sphinx's own searchtools and language data loaded.
    page.goto(server.url("search.html?q=drop", site=search_site))
    expect(page.locator("#search-results li").first).to_be_visible()
    # Sphinx writes the query into every box named q: focused, ours answers it.
    type_query(page, "")
    assert page.locator("#pt-search-input").input_value() == "drop"
    assert options(page)[0]["text"] == "tables.drop"
    assert watch.take() == []


def test_fallback_when_the_index_is_missing(page, server, no_index_site, watch):
    page.goto(server.url("guide.html", site=no_index_site))
    box = page.locator("#pt-search-input")
    box.focus()
    page.wait_for_function("() => document.getElementById('pt-search').hasAttribute('data-failed')")
    assert box.get_attribute("role") is None
    box.press_sequentially("engine")
    expect(page.locator(".pt-search-results")).to_be_hidden()
    box.press("Enter")
    page.wait_for_url("**/search.html?q=engine")
    problems = watch.take()
    # The missing file's 404 is expected; nothing else (no uncaught error).
    assert [p for p in problems if "searchindex.js" not in p] == []


def test_fallback_on_a_file_page(page, site_root, search_site):
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto((site_root / search_site / "guide.html").as_uri())
    box = page.locator("#pt-search-input")
    box.focus()
    page.wait_for_function("() => document.getElementById('pt-search').hasAttribute('data-failed')")
    box.press_sequentially("engine")
    expect(page.locator(".pt-search-results")).to_be_hidden()
    assert problems == []
    # (Sphinx's search page then fails to fetch its summaries from file://: its own affair.)
    box.press("Enter")
    page.wait_for_url("**/search.html?q=engine")


@pytest.mark.parametrize("viewport", list(pt.VIEWPORTS))
def test_axe_clean_with_results_open_in_every_mode(viewport, new_context, server, search_site, screenshots):
    failures = []
    for mode in ("auto",) + pt.MODES:
        page = new_context(mode=mode, **pt.VIEWPORTS[viewport]).new_page()
        page.goto(server.url("index.html", site=search_site))
        if viewport == "phone":
            page.locator(".pt-search-toggle").click()
        type_query(page, "table")
        page.locator("#pt-search-input").press("ArrowDown")
        expect(page.locator(".pt-search-results")).to_be_visible()
        page.evaluate(pt.SETTLE_JS)
        page.evaluate(pt.axe_source())
        violations = page.evaluate("(options) => axe.run(document, options).then(r => r.violations)", pt.AXE_OPTIONS)
        if violations:
            failures.append(f"[{viewport}, {mode}]\n{pt.format_violations(violations)}")
        shot = screenshots / f"{viewport}-{mode}" / "search-results.jpeg"
        shot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shot), type="jpeg", quality=80)
    assert not failures, "\n".join(failures)


def test_phone_panel_is_full_width_without_overflow_at_320(new_context, server, search_site):
    page = new_context(viewport={"width": 320, "height": 640}, is_mobile=True, has_touch=True).new_page()
    page.goto(server.url("topics/deep.html", site=search_site))
    page.locator(".pt-search-toggle").click()
    type_query(page, "tables.Table.selection_size")
    panel = page.locator(".pt-search-results")
    expect(panel).to_be_visible()
    box = panel.bounding_box()
    assert box["x"] == 0 and box["width"] == 320
    header = page.locator(".pt-header").bounding_box()
    assert abs(box["y"] - (header["y"] + header["height"])) <= 1
    found = page.evaluate(pt.OVERFLOW_JS, 320)
    assert found["scrollWidth"] <= 320 and found["widest"] is None, found


def test_demo_answers_while_typing(page, server, demo, watch):
    page.goto(server.url("index.html"))
    type_query(page, "install")
    found = options(page)
    assert len(found) > 1
    assert all(o["href"] for o in found)
    assert watch.take() == []


def test_dirhtml_links(page, server, site_root, search_site):
    site = "search-dirhtml"
    if not (site_root / site / "index.html").is_file():
        sphinx_build(ROOTS / "test-search", site_root / site, "-b", "dirhtml")
    page.goto(server.url("topics/deep/", site=site))
    type_query(page, "migrations")
    first = page.locator("#pt-search-listbox [role=option]").first
    assert first.get_attribute("href") == "../../guide/#migrations"
    first.click()
    page.wait_for_url("**/search-dirhtml/guide/#migrations")

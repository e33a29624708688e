"""What a reader does: keyboard use, colour modes, the sidebars, the banner,
search, long signatures and the previous/next buttons."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

import pt_browser as pt

pytestmark = pytest.mark.browser


# -- choosing pages from the built demo ------------------------------------------


def soup(demo, docname: str) -> BeautifulSoup:
    return BeautifulSoup((demo.outdir / pt.page_path(docname)).read_text(encoding="utf-8"), "html.parser")


def toc_links(demo, docname: str) -> int:
    return len(soup(demo, docname).select("nav.pt-toc a[href^='#']"))


@pytest.fixture(scope="module")
def long_page(demo) -> str:
    """The document with the most entries in its page contents."""
    return max(demo.docnames, key=lambda d: toc_links(demo, d))


@pytest.fixture(scope="module")
def deep_page(demo) -> str:
    """A document nested at least two levels down in the navigation."""
    best = max(demo.docnames, key=lambda d: len(soup(demo, d).select("#pt-sidebar-left details.pt-nav__children")))
    assert soup(demo, best).select("#pt-sidebar-left details.pt-nav__children"), "no nested navigation"
    return best


def url_of(server, docname: str) -> str:
    return server.url(pt.page_path(docname))


def active(page) -> dict:
    return page.evaluate(
        """() => { const e = document.activeElement;
          return {tag: e.tagName.toLowerCase(), id: e.id, cls: e.className || '',
                  text: (e.textContent || '').trim().slice(0, 60), key: e.dataset.ptKey || null}; }"""
    )


# -- keyboard -------------------------------------------------------------------

#: The controls of the header and both sidebars that are visible now.
CONTROLS_JS = """() => {
  const sel = ['a[href]', 'button', 'input', 'summary', 'select', 'textarea'].join(',');
  const roots = document.querySelectorAll('.pt-header, #pt-banner, #pt-sidebar-left, .pt-sidebar--right');
  const out = [];
  roots.forEach(root => root.querySelectorAll(sel).forEach(el => {
    if (!el.checkVisibility({visibilityProperty: true})) return;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return;
    el.dataset.ptKey = String(out.length);
    out.push((el.getAttribute('aria-label') || el.textContent || el.value || el.outerHTML).trim().slice(0, 50));
  }));
  return out;
}"""

#: Whether the focused element shows a focus indicator a reader can see: an
#: outline (or ring) at least 2px wide with 3:1 contrast against what is
#: around it, inside the viewport.
FOCUS_RING_JS = """() => {
  const el = document.activeElement;
  function rgba(c) { const m = c.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; }
  function lum(c) { return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]); }
  function ch(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
  function background(e) {
    for (; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0.5) return c;
    }
    return rgba(getComputedStyle(document.body).backgroundColor);
  }
  const s = getComputedStyle(el);
  const width = parseFloat(s.outlineWidth) || 0;
  const hasOutline = s.outlineStyle !== 'none' && width >= 2;
  const around = background(el.parentElement);
  let ratio = 0;
  if (hasOutline) {
    const a = lum(rgba(s.outlineColor)), b = lum(around);
    ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }
  const r = el.getBoundingClientRect();
  const inView = r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
  return {ok: hasOutline && ratio >= 3 && inView, outline: s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor,
          ratio: Math.round(ratio * 100) / 100, inView};
}"""


def tab_through(page, limit: int) -> list[dict]:
    """Press Tab until focus returns to the start of the page; what had focus."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = active(page)
        if now["tag"] == "body" or (seen and now["cls"].startswith("pt-skip-link")):
            break
        now["ring"] = page.evaluate(FOCUS_RING_JS)
        seen.append(now)
    return seen


def test_first_tab_reaches_the_skip_link_which_moves_focus_to_the_content(page, server, long_page, watch):
    page.goto(url_of(server, long_page))
    page.keyboard.press("Tab")
    skip = page.locator(".pt-skip-link")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box and box["y"] >= 0 and box["x"] >= 0, "the focused skip link is off screen"
    assert page.evaluate(FOCUS_RING_JS)["ok"]
    page.keyboard.press("Enter")
    expect(page.locator("#pt-content")).to_be_focused()
    assert page.url.endswith("#pt-content")
    # The next Tab goes into the article, not back to the header.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.getElementById('pt-content').contains(document.activeElement)")
    assert watch.take() == []


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_every_header_and_sidebar_control_is_reachable_by_tab_with_a_visible_focus_ring(
    mode, new_context, server, deep_page, watch
):
    page = new_context(mode=mode).new_page()
    page.goto(url_of(server, deep_page))
    controls = page.evaluate(CONTROLS_JS)
    assert len(controls) >= 8, controls
    limit = page.evaluate("() => document.querySelectorAll('a[href], button, input, summary, [tabindex]').length") + 5
    seen = tab_through(page, limit)
    reached = {s["key"] for s in seen if s["key"] is not None}
    missing = [label for i, label in enumerate(controls) if str(i) not in reached]
    assert not missing, f"not reachable by Tab: {missing}"
    no_ring = [f"{s['tag']}.{s['cls']} '{s['text']}': {s['ring']}" for s in seen if not s["ring"]["ok"]]
    assert not no_ring, "focus not visible on:\n" + "\n".join(no_ring)
    assert watch.take() == []


def test_header_and_sidebar_controls_work_from_the_keyboard(page, server, deep_page):
    page.goto(url_of(server, deep_page))
    # The mode toggle, with Enter and with Space.
    toggle = page.locator(".pt-mode-toggle")
    toggle.focus()
    before = page.evaluate("() => document.documentElement.dataset.mode")
    page.keyboard.press("Enter")
    after_enter = page.evaluate("() => document.documentElement.dataset.mode")
    page.keyboard.press("Space")
    after_space = page.evaluate("() => document.documentElement.dataset.mode")
    assert len({before, after_enter, after_space}) == 3
    # A section of the navigation, folded and unfolded with Enter and Space.
    summary = page.locator("#pt-sidebar-left summary.pt-nav__toggle").first
    details = page.locator("#pt-sidebar-left details.pt-nav__children").first
    was_open = details.evaluate("d => d.open")
    summary.focus()
    page.keyboard.press("Enter")
    assert details.evaluate("d => d.open") is (not was_open)
    page.keyboard.press("Space")
    assert details.evaluate("d => d.open") is was_open
    # "/" jumps to the search field.
    page.evaluate("() => document.activeElement.blur()")
    page.keyboard.press("/")
    expect(page.locator("#pt-search-input")).to_be_focused()
    # A link in the navigation follows with Enter.
    link = page.locator("#pt-sidebar-left a.pt-nav__link:not([aria-current])").first
    href = link.evaluate("a => a.href")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(href)


def test_page_contents_fold_opens_from_the_keyboard_on_medium_screens(new_context, server, long_page):
    page = new_context(viewport={"width": 1000, "height": 800}).new_page()
    page.goto(url_of(server, long_page))
    summary = page.locator(".pt-toc__toggle summary")
    expect(summary).to_be_visible()
    first_link = page.locator("nav.pt-toc a").first
    expect(first_link).to_be_hidden()
    summary.focus()
    page.keyboard.press("Enter")
    expect(first_link).to_be_visible()
    page.keyboard.press("Tab")
    expect(first_link).to_be_focused()


def test_phone_header_controls_and_drawer_by_keyboard(phone, server, deep_page, watch):
    page = phone
    page.goto(url_of(server, deep_page))
    controls = page.evaluate(CONTROLS_JS)
    seen = tab_through(page, 40)
    reached = {s["key"] for s in seen}
    missing = [label for i, label in enumerate(controls) if str(i) not in reached]
    assert not missing, f"not reachable by Tab on a phone: {missing}"
    no_ring = [f"{s['tag']}.{s['cls']}: {s['ring']}" for s in seen if not s["ring"]["ok"]]
    assert not no_ring, "focus not visible on:\n" + "\n".join(no_ring)

    # The drawer: opens from the keyboard, takes focus, closes on Escape and
    # gives focus back to the menu button.
    menu = page.locator(".pt-menu-button")
    drawer = page.locator("#pt-sidebar-left")
    menu.focus()
    expect(menu).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(drawer).to_have_class(re.compile(r"\bpt-drawer-open\b"))
    expect(menu).to_have_attribute("aria-expanded", "true")
    page.wait_for_function(
        "() => { const r = document.getElementById('pt-sidebar-left').getBoundingClientRect();"
        " return r.left >= 0 && r.right <= innerWidth; }"
    )
    assert page.evaluate("() => document.getElementById('pt-sidebar-left').contains(document.activeElement)")
    current = page.locator("#pt-sidebar-left [aria-current='page']")
    if current.count():
        expect(current).to_be_focused()
    # Tab moves on inside the drawer.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.getElementById('pt-sidebar-left').contains(document.activeElement)")
    page.keyboard.press("Escape")
    expect(drawer).not_to_have_class(re.compile(r"\bpt-drawer-open\b"))
    expect(menu).to_be_focused()
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(drawer).not_to_be_in_viewport()
    # The close button in the drawer works from the keyboard too.
    page.keyboard.press("Enter")
    expect(drawer).to_have_class(re.compile(r"\bpt-drawer-open\b"))
    page.locator(".pt-sidebar__close").focus()
    page.keyboard.press("Enter")
    expect(drawer).not_to_have_class(re.compile(r"\bpt-drawer-open\b"))
    expect(menu).to_be_focused()

    # The search icon opens the search field; Escape gives focus back.
    search_toggle = page.locator(".pt-search-toggle")
    search_toggle.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#pt-search-input")).to_be_focused()
    expect(page.locator("#pt-search-input")).to_be_visible()
    page.keyboard.press("Escape")
    expect(search_toggle).to_be_focused()
    expect(page.locator("#pt-search-input")).to_be_hidden()
    assert watch.take() == []


# -- colour modes -----------------------------------------------------------------

MODE_WORDS = {"auto": "automatic", "light": "light", "dark": "dark", "darkest": "darkest"}


def mode_state(page) -> dict:
    return page.evaluate(
        """(js) => ({mode: document.documentElement.dataset.mode,
                    stored: localStorage.getItem('piccolo-mode'),
                    luminance: (new Function('return (' + js + ')()'))()})""",
        pt.LUMINANCE_JS,
    )


def assert_name_says(toggle, mode: str) -> None:
    others = [w for m, w in MODE_WORDS.items() if m != mode and w not in MODE_WORDS[mode]]
    expect(toggle).to_have_accessible_name(re.compile(MODE_WORDS[mode], re.I))
    name = toggle.evaluate("b => b.textContent.trim()")
    for word in others:
        assert not re.search(rf"\b{word}\b", name, re.I), f"{mode}: name {name!r} also says {word!r}"


def test_mode_toggle_cycles_modes_and_its_name_says_the_current_one(new_context, server):
    page = new_context(color_scheme="light").new_page()
    page.goto(server.url())
    toggle = page.locator("button.pt-mode-toggle")
    expect(toggle).to_be_visible()
    first = mode_state(page)
    assert first["mode"] == "auto" and first["stored"] is None
    assert_name_says(toggle, "auto")
    seen = []
    for _ in range(4):
        toggle.click()
        state = mode_state(page)
        assert state["stored"] == state["mode"]
        assert_name_says(toggle, state["mode"])
        seen.append(state)
    assert [s["mode"] for s in seen] == ["light", "dark", "darkest", "auto"]
    light, dark, darkest, auto = (s["luminance"] for s in seen)
    assert light > 0.8 and dark < 0.1 and darkest <= dark and auto == light


def test_mode_survives_a_reload_and_a_navigation(page, server):
    page.goto(server.url())
    toggle = page.locator("button.pt-mode-toggle")
    toggle.click()
    toggle.click()  # auto -> light -> dark
    assert mode_state(page)["mode"] == "dark"
    page.reload()
    assert mode_state(page)["mode"] == "dark"
    assert_name_says(toggle, "dark")
    page.locator(".pt-prev-next__link--next").click()
    page.wait_for_load_state()
    state = mode_state(page)
    assert state["mode"] == "dark" and state["luminance"] < 0.1
    assert_name_says(page.locator("button.pt-mode-toggle"), "dark")


def test_auto_follows_the_system_colour_scheme(new_context, server):
    page = new_context(color_scheme="dark").new_page()
    page.goto(server.url())
    assert mode_state(page)["mode"] == "auto"
    assert mode_state(page)["luminance"] < 0.1
    page.emulate_media(color_scheme="light")
    assert mode_state(page)["luminance"] > 0.8
    page.emulate_media(color_scheme="dark")
    assert mode_state(page)["luminance"] < 0.1
    # A chosen mode wins over the system's.
    page.locator("button.pt-mode-toggle").click()
    assert mode_state(page)["mode"] == "light" and mode_state(page)["luminance"] > 0.8


@pytest.mark.parametrize("bogus", ["purple", "", "DARK", '"dark"'])
def test_a_bogus_stored_mode_falls_back_to_auto(bogus, new_context, server, watch):
    page = new_context(color_scheme="dark").new_page()
    page.goto(server.url())
    page.evaluate("(v) => localStorage.setItem('piccolo-mode', v)", bogus)
    page.reload()
    state = mode_state(page)
    assert state["mode"] == "auto" and state["luminance"] < 0.1
    toggle = page.locator("button.pt-mode-toggle")
    assert_name_says(toggle, "auto")
    toggle.click()
    assert mode_state(page)["mode"] == "light"
    assert watch.take() == []


FIRST_FRAME_JS = """() => {
  requestAnimationFrame(() => {
    const body = document.body;
    window.__ptFirstFrame = {
      mode: document.documentElement.getAttribute('data-mode'),
      body: body ? getComputedStyle(body).backgroundColor : null,
      root: getComputedStyle(document.documentElement).backgroundColor,
      scriptRan: !!document.querySelector('.pt-mode-toggle:not([hidden])'),
    };
  });
}"""


@pytest.mark.parametrize("stored,scheme", [("dark", "light"), ("darkest", "light"), ("light", "dark"), (None, "dark")])
def test_first_paint_already_has_the_modes_background(stored, scheme, new_context, server):
    """With the stylesheet and the script slow to arrive, the very first frame
    already has the background of the stored mode (no flash of another)."""
    context = new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(server.url("search.html"))  # any page: sets up this origin's storage
    if stored:
        page.evaluate("(m) => localStorage.setItem('piccolo-mode', m)", stored)
    page.goto(server.url())
    settled = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    context.add_init_script(f"({FIRST_FRAME_JS})()")
    server.delays["/_static/piccolo_theme.css"] = 1.0
    server.delays["/_static/piccolo_theme.js"] = 2.0
    try:
        page.goto(server.url("orm/index.html"), wait_until="commit")
        page.wait_for_function("() => window.__ptFirstFrame", timeout=10_000)
        first = page.evaluate("() => window.__ptFirstFrame")
        page.wait_for_load_state("load")
    finally:
        server.delays.clear()
    assert not first["scriptRan"], "the theme's script was not slow: the test proves nothing"
    assert first["mode"] == (stored or "auto")
    assert first["body"] == settled, f"first frame {first}, settled background {settled}"


# -- left sidebar ------------------------------------------------------------------


def fold_and_unfold(page, use_keyboard: bool) -> None:
    details = page.locator("#pt-sidebar-left details.pt-nav__children").first
    summary = details.locator("> summary")
    child = details.locator("a").first
    was_open = details.evaluate("d => d.open")
    for expect_open in (not was_open, was_open):
        if use_keyboard:
            summary.focus()
            page.keyboard.press("Enter")
        else:
            summary.click()
        assert details.evaluate("d => d.open") is expect_open
        if expect_open:
            expect(child).to_be_visible()
        else:
            expect(child).to_be_hidden()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("how", ["mouse", "keyboard"])
def test_navigation_sections_fold_and_unfold(how, javascript, new_context, server, deep_page):
    page = new_context(java_script_enabled=javascript).new_page()
    page.goto(url_of(server, deep_page))
    fold_and_unfold(page, use_keyboard=how == "keyboard")


def test_without_javascript_the_menu_link_opens_the_navigation_on_a_phone(new_context, server, deep_page):
    page = new_context(java_script_enabled=False, **pt.VIEWPORTS["phone"]).new_page()
    page.goto(url_of(server, deep_page))
    drawer = page.locator("#pt-sidebar-left")
    expect(drawer).not_to_be_in_viewport()
    page.locator(".pt-menu-button").click()
    expect(drawer).to_be_in_viewport()
    expect(page.locator(".pt-sidebar__close")).to_be_visible()
    page.locator(".pt-sidebar__close").click()
    expect(drawer).not_to_be_in_viewport()


# -- right sidebar ------------------------------------------------------------------


def test_page_contents_highlight_the_section_being_read(page, server, long_page):
    page.goto(url_of(server, long_page))
    links = page.locator("nav.pt-toc a[href^='#']")
    count = links.count()
    assert count >= 5, f"{long_page} has only {count} sections"
    hrefs = links.evaluate_all("as => as.map(a => a.getAttribute('href'))")
    for index, href in enumerate(hrefs):
        at_bottom = page.evaluate(
            """(id) => { document.getElementById(decodeURIComponent(id)).scrollIntoView();
                 return Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight - 1; }""",
            href[1:],
        )
        expected = links.nth(count - 1 if at_bottom else index)
        expect(expected).to_have_class(re.compile(r"\bpt-toc--active\b"))
        expect(expected).to_have_attribute("aria-current", "location")
        expect(page.locator("nav.pt-toc .pt-toc--active")).to_have_count(1)
        expect(page.locator("nav.pt-toc [aria-current]")).to_have_count(1)
    # And the last section, once the page is scrolled to its end.
    page.evaluate("() => scrollTo(0, document.documentElement.scrollHeight)")
    expect(links.nth(count - 1)).to_have_class(re.compile(r"\bpt-toc--active\b"))
    # Back at the top, the first section again.
    page.evaluate("() => scrollTo(0, 0)")
    expect(links.first).to_have_class(re.compile(r"\bpt-toc--active\b"))


# -- banner ------------------------------------------------------------------------


def test_temporary_banner_hides_and_comes_back_from_the_header(page, server, watch):
    page.goto(server.url())
    banner = page.locator("#pt-banner")
    hide = page.locator(".pt-banner__hide")
    show = page.locator(".pt-banner-show")
    assert banner.get_attribute("data-hiding") == "temporary"
    expect(banner).to_be_visible()
    expect(show).to_be_hidden()
    hide.click()
    expect(banner).to_be_hidden()
    expect(show).to_be_visible()
    expect(show).to_be_focused()
    expect(show).to_have_accessible_name(re.compile("banner", re.I))
    # Remembered across a reload and a navigation.
    page.reload()
    expect(banner).to_be_hidden()
    expect(show).to_be_visible()
    page.locator(".pt-prev-next__link--next").click()
    page.wait_for_load_state()
    expect(page.locator("#pt-banner")).to_be_hidden()
    # Shown again from the header (by keyboard), and that is remembered too.
    page.locator(".pt-banner-show").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#pt-banner")).to_be_visible()
    expect(page.locator(".pt-banner__hide")).to_be_focused()
    expect(page.locator(".pt-banner-show")).to_be_hidden()
    page.reload()
    expect(page.locator("#pt-banner")).to_be_visible()
    assert watch.take() == []


def test_permanent_banner_stays_hidden_until_its_text_changes(page, server, banner_sites, watch):
    first, second = banner_sites["permanent-a"], banner_sites["permanent-b"]
    page.goto(server.url("index.html", site=first))
    banner = page.locator("#pt-banner")
    assert banner.get_attribute("data-hiding") == "permanent"
    expect(banner).to_contain_text("First announcement")
    expect(page.locator(".pt-banner-show")).to_have_count(0)
    page.locator(".pt-banner__hide").click()
    expect(banner).to_be_hidden()
    page.reload()
    expect(banner).to_be_hidden()
    page.goto(server.url("first.html", site=first))
    expect(page.locator("#pt-banner")).to_be_hidden()
    # Same origin, different text: the reader has not dismissed this one.
    page.goto(server.url("index.html", site=second))
    expect(page.locator("#pt-banner")).to_be_visible()
    expect(page.locator("#pt-banner")).to_contain_text("Second announcement")
    page.locator(".pt-banner__hide").click()
    page.goto(server.url("index.html", site=second))
    expect(page.locator("#pt-banner")).to_be_hidden()
    assert watch.take() == []


def test_without_javascript_the_banner_shows_and_offers_no_dead_button(new_context, server):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(server.url())
    expect(page.locator("#pt-banner")).to_be_visible()
    expect(page.locator(".pt-banner__hide")).to_be_hidden()
    expect(page.locator(".pt-mode-toggle")).to_be_hidden()


# -- search ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def search_target(demo) -> tuple[str, str]:
    """A page and a word from its title that few other titles share."""
    titles = {}
    for docname in demo.docnames:
        h1 = soup(demo, docname).select_one(".body h1")
        if h1:
            titles[docname] = h1.get_text(" ", strip=True).replace("¶", "").lower()
    words = {}
    for docname, title in titles.items():
        for word in re.findall(r"[a-z]{6,}", title):
            words.setdefault(word, set()).add(docname)
    word, docs = min(((w, d) for w, d in words.items()), key=lambda wd: (len(wd[1]), wd[0]))
    return sorted(docs)[0], word


@pytest.mark.parametrize("viewport", list(pt.VIEWPORTS))
def test_header_search_lists_matching_pages(viewport, new_context, server, search_target, watch):
    docname, word = search_target
    page = new_context(**pt.VIEWPORTS[viewport]).new_page()
    page.goto(server.url("orm/index.html"))
    if viewport == "phone":
        page.locator(".pt-search-toggle").click()
    field = page.locator("#pt-search-input")
    expect(field).to_be_visible()
    field.fill(word)
    field.press("Enter")
    page.wait_for_url(re.compile(r"/search\.html\?q="))
    results = page.locator("#search-results ul.search li a")
    expect(results.first).to_be_visible(timeout=15_000)
    expect(page.locator(f"#search-results a[href*='{docname}.html']").first).to_be_visible()
    assert watch.take() == []


# -- signatures ----------------------------------------------------------------------

PARAM_LINES_JS = """() => Array.from(document.querySelectorAll('dt.sig')).map(dt => {
  const params = Array.from(dt.querySelectorAll('.sig-param'))
    .filter(p => !p.parentElement.closest('.sig-param'));
  return {id: dt.id, params: params.map(p => {
    const r = p.getClientRects()[0]; return r ? [Math.round(r.top), Math.round(r.left)] : null; })};
}).filter(s => s.params.length >= 2)"""


@pytest.mark.parametrize("viewport", list(pt.VIEWPORTS))
def test_each_parameter_of_a_long_signature_starts_its_own_line(viewport, demo, new_context, server):
    page = new_context(**pt.VIEWPORTS[viewport]).new_page()
    api_pages = [d for d in demo.docnames if d.startswith("api/")]
    assert api_pages, "the demo has no API pages"
    checked = 0
    failures = []
    for docname in api_pages:
        page.goto(url_of(server, docname))
        for sig in page.evaluate(PARAM_LINES_JS):
            checked += 1
            tops = [p[0] for p in sig["params"]]
            lefts = [p[1] for p in sig["params"]]
            if any(b <= a for a, b in zip(tops, tops[1:], strict=False)) or max(lefts) - min(lefts) > 2:
                failures.append(f"{docname}#{sig['id']}: parameter (top, left) {sig['params']}")
    assert checked >= 5, f"only {checked} signatures with several parameters"
    assert not failures, f"{len(failures)} of {checked} signatures:\n" + "\n".join(failures[:15])


# -- previous / next -----------------------------------------------------------------

TITLE_JS = """() => { const h = document.querySelector('.body h1');
  if (!h) return document.title; const c = h.cloneNode(true);
  c.querySelectorAll('.headerlink').forEach(e => e.remove());
  return c.textContent.replace(/\\s+/g, ' ').trim(); }"""


def button_title(page, which: str) -> str | None:
    link = page.locator(f".pt-prev-next__link--{which}")
    if not link.count():
        return None
    return link.locator(".pt-prev-next__title").evaluate("e => e.textContent.replace(/\\s+/g, ' ').trim()")


def test_next_and_previous_buttons_name_and_reach_the_adjacent_pages(page, server, demo):
    page.goto(server.url())
    visited = [page.url]
    titles = [page.evaluate(TITLE_JS)]
    assert button_title(page, "prev") is None, "the first page has a previous page"
    for _ in range(len(demo.pages) + 1):
        shown = button_title(page, "next")
        if shown is None:
            break
        page.locator(".pt-prev-next__link--next").click()
        page.wait_for_load_state()
        assert page.url not in visited, f"next from {visited[-1]} loops back to {page.url}"
        title = page.evaluate(TITLE_JS)
        assert title == shown, f"{visited[-1]}: the next button says {shown!r}, the page is {title!r}"
        # Its previous button names and leads back to where we came from.
        assert button_title(page, "prev") == titles[-1]
        back = page.locator(".pt-prev-next__link--prev").evaluate("a => a.href")
        assert back.split("#")[0] == visited[-1].split("#")[0]
        visited.append(page.url)
        titles.append(title)
    assert len(visited) >= len(demo.docnames) * 0.8, f"the chain reaches only {len(visited)} pages"
    # And a previous button is followed too (every one's target was checked above).
    page.locator(".pt-prev-next__link--prev").click()
    page.wait_for_load_state()
    assert page.url == visited[-2]


# -- back to top -------------------------------------------------------------------


@pytest.mark.parametrize("viewport", list(pt.VIEWPORTS))
@pytest.mark.parametrize("mode", ["light", "dark"])
def test_back_to_top_shows_after_scrolling_inside_a_landmark(mode, viewport, new_context, server, long_page, watch):
    """axe's sweeps never scroll, so they never see this link shown."""
    page = new_context(mode=mode, **pt.VIEWPORTS[viewport]).new_page()
    page.goto(url_of(server, long_page))
    link = page.locator(".pt-back-to-top")
    expect(link).to_be_hidden()
    page.evaluate("window.scrollTo(0, 2 * window.innerHeight)")
    expect(link).to_be_visible()
    # Still fixed in the window's bottom corner, over the page.
    box, size = link.bounding_box(), page.viewport_size
    assert box and size and box["y"] + box["height"] <= size["height"] and box["x"] + box["width"] > size["width"] / 2
    page.evaluate(pt.axe_source())
    violations = page.evaluate("(o) => axe.run(document, o).then(r => r.violations)", pt.AXE_OPTIONS)
    assert not violations, f"{long_page} [{mode}, {viewport}]:\n{pt.format_violations(violations)}"
    link.click()
    page.wait_for_function("window.scrollY === 0")
    assert watch.take() == []

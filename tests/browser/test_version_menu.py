"""The version menu and outdated-version notice in Chromium (issue 16).

Five builds of the small fixture site share one 127.0.0.1 server under
/versions/: 1.0 (without the page ``second``), 2.0 (preferred), dev, a Read the
Docs build fed by Addons only (``rtd``), and a Read the Docs build with a
switcher JSON too (``both``). The tests dispatch Addons' event with data shaped
like Addons' API response, before and after the theme's script has loaded.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import pt_browser as pt
from conftest import Server, new_browser_context, sphinx_build

pytestmark = pytest.mark.browser

BASIC_ROOT = Path(__file__).resolve().parents[1] / "roots" / "test-basic"
MENU = ".pt-versions:not([hidden])"
ALL_MODES = ("auto", "light", "dark", "darkest")
PHONE_320 = {"viewport": {"width": 320, "height": 640}, "is_mobile": True, "has_touch": True}


class Sites:
    """The conftest's server on a folder of its own; the builds are under /versions/."""

    def __init__(self, root: Path) -> None:
        self.server = Server(root)
        self.origin = self.server.origin

    def url(self, site: str, page: str = "index.html") -> str:
        return self.server.url(page, site=f"versions/{site}")


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> Sites:
    root = tmp_path_factory.mktemp("version-sites")
    served = Sites(root)
    base = root / "versions"
    base.mkdir()
    switcher = [
        {"version": "dev", "name": "dev (unreleased)", "url": "dev/"},
        {"version": "2.0", "name": "2.0 (stable)", "url": "/versions/v2/", "preferred": True},
        {"version": "1.0", "url": f"{served.origin}/versions/v1/"},
    ]
    (base / "switcher.json").write_text(json.dumps(switcher), encoding="utf-8")
    # Without breadcrumbs: the open-menu checks below were laid out for pages
    # without that row; with it, the Previous link of reference/index.html sits
    # just below the open panel on a 320 px phone, and axe's target-size rule
    # flags the sliver left uncovered.
    json_option = (
        'html_theme_options = {"version_switcher": {"json_url": "../switcher.json"}, "show_breadcrumbs": False}\n'
    )
    builds = {
        "v1": (f'release = "1.0"\n{json_option}', {}),
        "v2": (f'release = "2.0"\n{json_option}', {}),
        "dev": (f'release = "dev"\n{json_option}', {}),
        "rtd": ('release = "9.9"\n', {"READTHEDOCS": "True", "READTHEDOCS_VERSION": "latest"}),
        "both": (json_option, {"READTHEDOCS": "True", "READTHEDOCS_VERSION": "2.0"}),
    }
    for name, (conf, env) in builds.items():
        src = root / f"src-{name}"
        shutil.copytree(BASIC_ROOT, src)
        if name == "v1":  # a page that 1.0 did not have yet
            (src / "second.rst").unlink()
            index = src / "index.rst"
            index.write_text(index.read_text(encoding="utf-8").replace("   second\n", ""), encoding="utf-8")
        with (src / "conf.py").open("a", encoding="utf-8") as f:
            f.write("\n" + conf)
        sphinx_build(src, base / name, env=env)
    yield served
    served.server.close()


class Console:
    """Console warnings of a page, besides pt.Watch's errors and requests."""

    def __init__(self, page) -> None:
        self.warnings: list[str] = []
        page.on("console", lambda m: self.warnings.append(m.text) if m.type == "warning" else None)

    def ours(self) -> list[str]:
        return [w for w in self.warnings if w.startswith("piccolo_theme:")]


@pytest.fixture()
def open_page(browser, sites):
    """``open_page(url, **context options)`` -> (page, watch, console)."""
    contexts = []

    def make(url: str | None = None, *, init: str | None = None, **options):
        watch = pt.Watch(sites.origin)
        context = new_browser_context(browser, watch, **options)
        if init:
            context.add_init_script(init)
        contexts.append(context)
        page = context.new_page()
        console = Console(page)
        if url:
            page.goto(url)
        return page, watch, console

    yield make
    for context in contexts:
        context.close()


def _menu_links(page) -> list[dict]:
    return page.eval_on_selector_all(
        ".pt-versions__panel a",
        "links => links.map(a => ({text: a.textContent, href: a.href, current: a.getAttribute('aria-current')}))",
    )


# -- the JSON switcher ---------------------------------------------------------------


def test_menu_lists_the_switcher_versions_and_marks_the_current_one(open_page, sites):
    page, watch, console = open_page(sites.url("v1", "first.html"))
    page.wait_for_selector(MENU)
    button = page.locator(".pt-versions__button")
    assert page.locator(".pt-versions__current").inner_text() == "1.0"
    assert page.get_by_role("button", name="Version 1.0", exact=True).count() == 1
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert page.locator(".pt-versions__panel").is_visible()
    links = _menu_links(page)
    assert [link["text"] for link in links] == ["dev (unreleased)", "2.0 (stable)", "1.0"]
    assert [link["href"] for link in links] == [
        f"{sites.origin}/versions/dev/",
        f"{sites.origin}/versions/v2/",
        f"{sites.origin}/versions/v1/",
    ]
    assert [link["current"] for link in links] == [None, None, "page"]
    assert page.locator(".pt-versions__list").first.get_attribute("aria-labelledby")
    # A click outside closes it.
    page.mouse.click(640, 600)
    assert button.get_attribute("aria-expanded") == "false" and not page.locator(".pt-versions__panel").is_visible()
    assert console.ours() == [] and watch.take() == []


def test_the_menu_files_are_requested_with_their_cache_keys(open_page, sites):
    page, watch, _ = open_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(sites.url("v2", "first.html"))
    page.wait_for_selector(MENU)
    page.wait_for_function("() => [...document.styleSheets].some(s => (s.href || '').includes('_versions.css'))")
    css_key = page.get_attribute(".pt-versions", "data-css").partition("?")[2]
    ours = [u for u in requested if "/_static/piccolo_theme_versions" in u]
    assert [u for u in ours if u.endswith(f"/piccolo_theme_versions.css?{css_key}")], ours
    # The script through Sphinx's key, the stylesheet through the theme's.
    assert len(ours) == 2 and all("?v=" in u for u in ours), ours
    assert watch.take() == []


@pytest.mark.parametrize(("site", "kind"), [("v1", "old"), ("dev", "development"), ("v2", None)])
def test_outdated_notice_names_the_version_and_links_the_preferred_one(open_page, sites, site, kind):
    page, watch, console = open_page(sites.url(site, "reference/index.html"))
    page.wait_for_selector(MENU)
    notice = page.locator("#pt-version-notice")
    if kind is None:
        assert notice.is_hidden()
    else:
        assert notice.is_visible()
        text = " ".join(notice.inner_text().split())
        name = {"v1": "1.0", "dev": "dev (unreleased)"}[site]
        assert f"documentation of {'an old' if kind == 'old' else 'a development'} version, {name}." in text
        assert "Read this page in version 2.0 (stable)." in text
        assert notice.get_attribute("role") == "region"
        # Before the header, styled like the banner.
        assert (
            page.evaluate("() => document.querySelector('#pt-version-notice').nextElementSibling.tagName") == "HEADER"
        )
        notice.locator("a").click()
        page.wait_for_url(sites.url("v2", "reference/index.html"))
    assert console.ours() == [] and watch.take() == []


def test_choosing_a_version_keeps_the_page_and_its_anchor(open_page, sites):
    page, watch, console = open_page(sites.url("v2", "index.html#install"))
    page.wait_for_selector(MENU)
    page.locator(".pt-versions__button").click()
    page.get_by_role("link", name="1.0", exact=True).click()
    page.wait_for_url(sites.url("v1", "index.html#install"))
    page.wait_for_selector(MENU)
    assert page.locator(".pt-versions__current").inner_text() == "1.0"
    assert console.ours() == [] and watch.take() == []


def test_a_page_missing_in_the_chosen_version_falls_back_to_its_root(open_page, sites):
    page, watch, console = open_page(sites.url("v2", "second.html"))
    page.wait_for_selector(MENU)
    page.locator(".pt-versions__button").click()
    page.get_by_role("link", name="1.0", exact=True).click()
    page.wait_for_url(f"{sites.origin}/versions/v1/")
    missing = f"{sites.origin}/versions/v1/second.html"
    # The HEAD request's 404 is the only problem, and it is the expected one.
    problems = watch.take()
    assert f"HTTP 404: {missing}" in problems
    assert all(missing in p or "status of 404" in p for p in problems), problems
    assert console.ours() == []


def test_keyboard_opens_moves_and_closes_the_menu(open_page, sites):
    page, watch, console = open_page(sites.url("v2", "first.html"))
    page.wait_for_selector(MENU)
    button = page.locator(".pt-versions__button")
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    focused = "() => document.activeElement.textContent"
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == "2.0 (stable)", "the first arrow goes to the current version"
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == "1.0"
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == "dev (unreleased)", "wraps round"
    page.keyboard.press("ArrowUp")
    assert page.evaluate(focused) == "1.0"
    page.keyboard.press("Home")
    assert page.evaluate(focused) == "dev (unreleased)"
    page.keyboard.press("End")
    assert page.evaluate(focused) == "1.0"
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("() => document.activeElement.classList.contains('pt-versions__button')")
    # Space opens too; ArrowUp from the closed button opens at the last link.
    page.keyboard.press(" ")
    assert button.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    page.keyboard.press("ArrowUp")
    assert button.get_attribute("aria-expanded") == "true" and page.evaluate(focused) == "1.0"
    # Tabbing out of the menu closes it.
    page.keyboard.press("Tab")
    assert button.get_attribute("aria-expanded") == "false"
    assert console.ours() == [] and watch.take() == []


# -- bad data: one console.warn each, and no menu (or the usable entries) -----------------

HOSTILE = [
    {"version": "2.0", "url": "/versions/v2/", "name": '<img src=x onerror="window.__pwned=1">'},
    {"version": "js", "url": "javascript:window.__pwned=1"},
    {"version": "data", "url": "data:text/html,<b>x</b>"},
    {"version": "nourl"},
    {"url": "/versions/v1/"},
    "not an object",
    {"version": "1.0", "url": "/versions/v1/"},
]


@pytest.mark.parametrize(
    ("status", "body", "warning"),
    [
        (404, "missing", "could not load"),
        (200, "{not json", "is not valid JSON"),
        (200, json.dumps({"version": "2.0"}), "is not a list of versions"),
        (200, json.dumps([{"version": "3.0", "url": "/versions/v2/"}]), 'has the version "2.0"'),
    ],
    ids=["404", "invalid-json", "not-a-list", "no-match"],
)
def test_bad_switcher_data_warns_once_and_shows_no_menu(open_page, sites, status, body, warning):
    page, watch, console = open_page()
    page.route(
        "**/versions/switcher.json",
        lambda route: route.fulfill(status=status, body=body, content_type="application/json"),
    )
    page.goto(sites.url("v2", "first.html"))
    for _ in range(50):  # the JSON is fetched after the load event
        if console.ours():
            break
        page.wait_for_timeout(100)
    page.wait_for_timeout(200)  # time for a second warning, were there one
    assert len(console.ours()) == 1 and warning in console.ours()[0], console.warnings
    assert page.locator(".pt-versions").is_hidden()
    assert page.locator("#pt-version-notice").is_hidden()
    problems = watch.take()
    if status == 404:
        assert problems and all("switcher.json" in p or "status of 404" in p for p in problems), problems
    else:
        assert problems == []


def test_hostile_entries_are_dropped_and_names_are_text(open_page, sites):
    page, watch, console = open_page()
    page.route(
        "**/versions/switcher.json",
        lambda route: route.fulfill(status=200, body=json.dumps(HOSTILE), content_type="application/json"),
    )
    page.goto(sites.url("v2", "first.html"))
    page.wait_for_selector(MENU)
    page.locator(".pt-versions__button").click()
    links = _menu_links(page)
    assert [link["text"] for link in links] == ['<img src=x onerror="window.__pwned=1">', "1.0"]
    assert all(link["href"].startswith(sites.origin + "/") for link in links)
    assert page.locator(".pt-versions img, .pt-versions__panel [onerror]").count() == 0
    assert page.evaluate("() => window.__pwned") is None
    assert "javascript:" not in page.content() and "data:text" not in page.content()
    assert len(console.ours()) == 1 and "5 entries" in console.ours()[0], console.warnings
    assert watch.take() == []


def test_without_javascript_nothing_about_versions_shows(open_page, sites):
    page, watch, _ = open_page(sites.url("v1", "first.html"), java_script_enabled=False)
    assert page.locator(".pt-versions").is_hidden() and page.locator("#pt-version-notice").is_hidden()
    assert watch.take() == []


# -- Read the Docs Addons ------------------------------------------------------------------


def addons_data(origin: str, current: str = "latest", notifications: bool = False) -> dict:
    def version(slug: str, path: str, downloads: dict | None = None) -> dict:
        return {
            "slug": slug,
            "type": "branch",
            "hidden": False,
            "downloads": downloads or {},
            "urls": {"documentation": f"{origin}/versions/{path}/"},
        }

    downloads = {
        "pdf": f"{origin}/downloads/piccolo.pdf",
        "epub": f"{origin}/downloads/piccolo.epub",
        "htmlzip": "javascript:alert(1)",
    }
    active = [
        version("latest", "rtd", downloads if current == "latest" else None),
        version("stable", "v2"),
        version("1.0", "v1"),
    ]
    current_version = next(v for v in active if v["slug"] == current) if current != "2.0" else version("2.0", "both")
    return {
        "api_version": "1",
        "addons": {
            "notifications": {
                "enabled": notifications,
                "show_on_latest": notifications,
                "show_on_non_stable": notifications,
            }
        },
        "projects": {
            "current": {
                "slug": "piccolo",
                "default_version": "stable",
                "language": {"code": "en", "name": "English"},
                "urls": {"documentation": f"{origin}/versions/rtd/"},
            },
            "translations": [
                {
                    "slug": "piccolo-ja",
                    "language": {"code": "ja", "name": "Japanese"},
                    "urls": {"documentation": f"{origin}/versions/v1/"},
                }
            ],
        },
        "versions": {"active": active, "current": current_version},
    }


def _dispatch_js(data: dict, *, early: bool) -> str:
    payload = json.dumps(data)
    send = (
        f"var d = {payload}; var detail = {{data: function () {{ return d; }}}};"
        "window.ReadTheDocsEventData = detail;"
        "document.dispatchEvent(new CustomEvent('readthedocs-addons-data-ready', {detail: detail}));"
    )
    return send if early else f"() => {{ {send} }}"


@pytest.mark.parametrize("when", ["before the script", "after the script"])
def test_addons_data_fills_the_menu(open_page, sites, when):
    data = addons_data(sites.origin)
    early = when == "before the script"
    page, watch, console = open_page(init=_dispatch_js(data, early=True) if early else None)
    page.goto(sites.url("rtd", "first.html"))
    assert page.locator('meta[name="readthedocs-addons-api-version"]').get_attribute("content") == "1"
    if not early:
        page.wait_for_load_state("load")
        assert page.locator(".pt-versions").is_hidden(), "no data yet: no menu"
        page.evaluate(
            "() => document.body.appendChild(document.createElement('readthedocs-flyout')).textContent = 'flyout'"
        )
        page.evaluate(_dispatch_js(data, early=False))
    page.wait_for_selector(MENU)
    assert page.locator(".pt-versions__current").inner_text() == "latest"
    page.locator(".pt-versions__button").click()
    groups = page.eval_on_selector_all(".pt-versions__heading", "hs => hs.map(h => h.textContent)")
    assert groups == ["Versions", "Languages", "Downloads"]
    links = _menu_links(page)
    assert [link["text"] for link in links] == ["latest", "stable", "1.0", "English", "Japanese", "PDF", "EPUB"]
    assert [link["text"] for link in links if link["current"] == "page"] == ["latest", "English"]
    # Development version: the notice points at stable, Addons' preferred version.
    notice = page.locator("#pt-version-notice")
    assert notice.is_visible()
    text = " ".join(notice.inner_text().split())
    assert "development version, latest." in text and "version stable." in text
    if not early:
        assert page.locator("readthedocs-flyout").is_hidden(), "the floating flyout gives way to the menu"
    assert "javascript:" not in page.content()
    # The same page in another language, when it exists there.
    page.get_by_role("link", name="Japanese").click()
    page.wait_for_url(sites.url("v1", "first.html"))
    assert console.ours() == [] and watch.take() == []


def test_no_notice_when_read_the_docs_shows_its_own(open_page, sites):
    page, watch, console = open_page(init=_dispatch_js(addons_data(sites.origin, notifications=True), early=True))
    page.goto(sites.url("rtd", "index.html"))
    page.wait_for_selector(MENU)
    assert page.locator("#pt-version-notice").is_hidden()
    assert console.ours() == [] and watch.take() == []


def test_the_switcher_json_wins_over_addons_for_versions(open_page, sites):
    data = addons_data(sites.origin, current="2.0")
    page, watch, console = open_page(init=_dispatch_js(data, early=True))
    page.goto(sites.url("both", "first.html"))
    page.wait_for_selector(MENU)
    page.locator(".pt-versions__button").click()
    texts = [link["text"] for link in _menu_links(page)]
    assert texts[:3] == ["dev (unreleased)", "2.0 (stable)", "1.0"], "the JSON's versions"
    assert "English" in texts and "Japanese" in texts, "Addons' languages still"
    assert page.locator("#pt-version-notice").is_hidden(), "2.0 is the JSON's preferred version"
    assert console.ours() == [] and watch.take() == []


# -- standing checks with the menu open ----------------------------------------------------


@pytest.mark.parametrize("viewport", ["desktop", "phone-320"])
def test_open_menu_passes_axe_and_fits_in_every_mode(open_page, sites, viewport):
    size = pt.VIEWPORTS["desktop"] if viewport == "desktop" else PHONE_320
    failures = []
    axe = pt.axe_source()
    for mode in ALL_MODES:
        scheme = {"color_scheme": "dark"} if mode == "auto" else {}
        page, watch, console = open_page(
            init=_dispatch_js(addons_data(sites.origin, current="2.0"), early=True), mode=mode, **size, **scheme
        )
        page.goto(sites.url("both", "reference/index.html"))
        page.wait_for_selector(MENU)
        # Compact on narrow screens: the version's key, not its longer name.
        label = "Version 2.0" if viewport == "phone-320" else "Version 2.0 (stable)"
        if page.get_by_role("button", name=label, exact=True).count() != 1:
            failures.append(f"{mode}: no button named {label!r}")
        page.locator(".pt-versions__button").click()
        page.evaluate(pt.SETTLE_JS)
        panel = page.locator(".pt-versions__panel").bounding_box()
        width = size["viewport"]["width"]
        if panel["x"] < 0 or panel["x"] + panel["width"] > width:
            failures.append(f"{mode}: the open menu leaves the window ({panel})")
        overflow = page.evaluate(pt.OVERFLOW_JS, width)
        if overflow["scrollWidth"] > width:
            failures.append(f"{mode}: overflow {overflow}")
        page.evaluate(axe)
        violations = page.evaluate("(options) => axe.run(document, options).then(r => r.violations)", pt.AXE_OPTIONS)
        if violations:
            failures.append(f"{mode}:\n{pt.format_violations(violations)}")
        problems = watch.take() + console.ours()
        if problems:
            failures.append(f"{mode}: {problems}")
    assert not failures, "\n".join(failures)


def test_old_version_notice_and_menu_pass_axe_on_a_phone(open_page, sites):
    page, watch, console = open_page(sites.url("v1", "first.html"), mode="darkest", **PHONE_320)
    page.wait_for_selector(MENU)
    assert page.locator("#pt-version-notice").is_visible()
    page.locator(".pt-versions__button").click()
    page.evaluate(pt.SETTLE_JS)
    assert page.evaluate(pt.OVERFLOW_JS, 320)["scrollWidth"] <= 320
    page.evaluate(pt.axe_source())
    violations = page.evaluate("(options) => axe.run(document, options).then(r => r.violations)", pt.AXE_OPTIONS)
    assert not violations, pt.format_violations(violations)
    assert console.ours() == [] and watch.take() == []


@pytest.mark.parametrize("rtd_warns", [True, False])
def test_a_pull_request_build_is_listed_and_read_the_docs_warning_is_not_repeated(open_page, sites, rtd_warns):
    data = addons_data(sites.origin)
    data["versions"]["current"] = {
        "slug": "1234",
        "type": "external",
        "hidden": False,
        "downloads": {},
        "urls": {"documentation": f"{sites.origin}/versions/rtd/"},
    }
    data["addons"]["external_version_warning"] = {"enabled": rtd_warns}
    page, watch, console = open_page(init=_dispatch_js(data, early=True))
    page.goto(sites.url("rtd", "index.html"))
    page.wait_for_selector(MENU)
    page.locator(".pt-versions__button").click()
    links = _menu_links(page)
    assert [link["text"] for link in links][:4] == ["1234", "latest", "stable", "1.0"]
    assert links[0]["current"] == "page"
    notice = page.locator("#pt-version-notice")
    if rtd_warns:
        assert notice.is_hidden()
    else:
        assert "development version, 1234." in " ".join(notice.inner_text().split())
    assert console.ours() == [] and watch.take() == []

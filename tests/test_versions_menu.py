"""The version menu and outdated-version notice (issue 16), as built.

What the browser does with them is tests/browser/test_version_menu.py's
business; here: which pages carry what, option validation (one warning naming
the option, no menu, no traceback), translations, and the cost (nothing fetched
at build; the eager bytes unchanged).
"""

from __future__ import annotations

import gzip
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from piccolo_theme import versions

STATIC = Path(versions.__file__).resolve().parent / "static"
SWITCHER = {"json_url": "switcher.json", "version_match": "2.0"}
# Gzipped bytes of the version menu's own files (script + stylesheet), loaded
# only on sites with versions.
VERSIONS_BUDGET = 6 * 1024


@pytest.fixture(autouse=True)
def _not_on_read_the_docs(monkeypatch):
    # The machine running the tests may itself be a Read the Docs build.
    monkeypatch.delenv("READTHEDOCS", raising=False)
    monkeypatch.delenv("READTHEDOCS_VERSION", raising=False)


def _build(build, options=None, *, warnings=False, **overrides):
    confoverrides = {"html_theme_options": options or {}, **overrides}
    return build("basic", confoverrides=confoverrides, warnings=warnings)


def _script_names(soup) -> list[str]:
    return [t["src"].split("?")[0].rsplit("/", 1)[-1] for t in soup.find_all("script", src=True)]


def _version_warnings(site) -> list[str]:
    return [line for line in site.warnings.splitlines() if "WARNING" in line]


# -- what a page carries -----------------------------------------------------------


def test_without_a_version_source_nothing_about_versions_is_on_the_page(build):
    site = _build(build)
    for page in ("index", "first", "reference/index", "search", "genindex"):
        html = site.html(page)
        soup = site.soup(page)
        assert not soup.select(".pt-versions, #pt-version-notice")
        assert versions.SCRIPT not in _script_names(soup)
        assert "readthedocs" not in html and "piccolo_theme_versions" not in html
    assert _version_warnings(site) == []


def test_a_switcher_json_gives_every_page_the_menu_and_its_deferred_script(build):
    site = _build(build, {"version_switcher": SWITCHER})
    assert _version_warnings(site) == []
    for page in ("index", "reference/index", "search"):
        soup = site.soup(page)
        box = soup.select_one(".pt-header__bar > .pt-versions")
        assert box is not None and box.has_attr("hidden"), "hidden until the script fills it"
        # Right after the brand, per the header plan.
        assert box.find_previous_sibling().get("class") == ["pt-brand"]
        assert box["data-json-url"] == "switcher.json"
        assert box["data-version-match"] == "2.0"
        assert not box.has_attr("data-addons")
        assert box.has_attr("data-hide-flyout")
        button = box.select_one("button.pt-versions__button")
        assert button["aria-expanded"] == "false" and button["aria-controls"] == "pt-versions-panel"
        assert "Version" in button.get_text()
        assert soup.select_one("#pt-versions-panel").has_attr("hidden")
        script = soup.find("script", src=lambda s: s and versions.SCRIPT in s)
        assert script is not None and script.has_attr("defer")
        # The notice: the banner's class and landmark, hidden until needed; before the header.
        notice = soup.select_one("#pt-version-notice")
        assert notice.has_attr("hidden") and "pt-banner" in notice["class"]
        assert notice["role"] == "region" and notice["aria-label"] == "Version notice"
        assert notice.find_next_sibling("header") is not None
        assert "%(version)s" in notice["data-old"] and "%(version)s" in notice["data-link"]
        # Addons' API meta tag only where Addons can be present.
        assert soup.find("meta", attrs={"name": "readthedocs-addons-api-version"}) is None
    assert (site.outdir / "_static" / versions.SCRIPT).is_file()
    assert (site.outdir / "_static" / "piccolo_theme_versions.css").is_file()


@pytest.mark.parametrize("buildername", ["dirhtml", "singlehtml"])
def test_other_html_builders_carry_the_menu_too(build, buildername):
    site = build("basic", buildername=buildername, confoverrides={"html_theme_options": {"version_switcher": SWITCHER}})
    soup = site.soup("index")
    assert soup.select_one(".pt-header__bar > .pt-versions")["data-version-match"] == "2.0"
    assert versions.SCRIPT in _script_names(soup)


def test_pydata_spelling_switcher_is_accepted(build):
    site = _build(build, {"switcher": {"json_url": "https://example.org/switcher.json"}})
    assert _version_warnings(site) == []
    box = site.soup("index").select_one(".pt-versions")
    assert box["data-json-url"] == "https://example.org/switcher.json"


def test_version_match_defaults_to_release_then_version(build):
    site = _build(build, {"version_switcher": {"json_url": "s.json"}}, release="3.1.4", version="3.1")
    assert site.soup("index").select_one(".pt-versions")["data-version-match"] == "3.1.4"


def test_version_match_on_read_the_docs_is_the_version_slug_and_addons_apply(build, monkeypatch):
    monkeypatch.setenv("READTHEDOCS", "True")
    monkeypatch.setenv("READTHEDOCS_VERSION", "stable")
    site = _build(build, {"version_switcher": {"json_url": "/switcher.json"}}, release="3.1.4")
    soup = site.soup("index")
    box = soup.select_one(".pt-versions")
    assert box["data-version-match"] == "stable"
    assert box.has_attr("data-addons")
    meta = soup.find("meta", attrs={"name": "readthedocs-addons-api-version"})
    assert meta is not None and meta["content"] == "1"


def test_on_read_the_docs_addons_alone_is_a_source(build, monkeypatch):
    monkeypatch.setenv("READTHEDOCS", "True")
    monkeypatch.setenv("READTHEDOCS_VERSION", "latest")
    site = _build(build, {"hide_readthedocs_flyout": False, "show_version_warning": "false"})
    assert _version_warnings(site) == []
    soup = site.soup("first")
    box = soup.select_one(".pt-versions")
    assert box["data-json-url"] == "" and box.has_attr("data-addons")
    assert not box.has_attr("data-hide-flyout")
    assert soup.select_one("#pt-version-notice") is None
    assert versions.SCRIPT in _script_names(soup)


def test_names_and_urls_are_escaped_in_attributes(build):
    site = _build(
        build, {"version_switcher": {"json_url": "a.json?x=1&y=2", "version_match": '1"><script>x()</script>'}}
    )
    html = site.html("index")
    assert "<script>x()" not in html
    box = site.soup("index").select_one(".pt-versions")
    assert box["data-version-match"] == '1"><script>x()</script>'
    assert box["data-json-url"] == "a.json?x=1&y=2"


def test_labels_are_translated(build):
    site = _build(build, {"version_switcher": SWITCHER}, language="de")
    soup = site.soup("index")
    box = soup.select_one(".pt-versions")
    assert box["data-label-versions"] == "Versionen"
    notice = soup.select_one("#pt-version-notice")
    assert notice["aria-label"] != "Version notice" and "%(version)s" in notice["data-old"]


# -- bad options: one warning naming the option, no menu, no traceback --------------

HOSTILE = [
    ("version_switcher", "switcher.json"),
    ("version_switcher", ["switcher.json"]),
    ("version_switcher", 42),
    ("version_switcher", {"version_match": "1.0"}),
    ("version_switcher", {"json_url": ""}),
    ("version_switcher", {"json_url": 5}),
    ("version_switcher", {"json_url": "javascript:alert(1)"}),
    ("version_switcher", {"json_url": "file:///etc/passwd"}),
    ("version_switcher", {"json_url": "data:application/json,[]"}),
    ("version_switcher", {"json_url": 'x.json" onload="alert(1)'}),
    ("version_switcher", {"json_url": "http://[::1"}),
    ("switcher", "https://example.org/switcher.json"),
    ("switcher", {"json_url": "vbscript:x"}),
]


@pytest.mark.parametrize(("name", "value"), HOSTILE, ids=[f"{n}={v!r}" for n, v in HOSTILE])
def test_a_bad_switcher_option_warns_once_and_gives_no_menu(build, name, value):
    site = _build(build, {name: value}, warnings=True)
    warnings = _version_warnings(site)
    assert len(warnings) == 1, warnings
    assert f"html_theme_options[{name!r}]" in warnings[0] and "no version menu" in warnings[0]
    assert "Traceback" not in site.warnings
    for page in ("index", "first"):
        soup = site.soup(page)
        assert not soup.select(".pt-versions, #pt-version-notice")
        assert versions.SCRIPT not in _script_names(soup)
        assert "javascript:" not in site.html(page) and "vbscript:" not in site.html(page)


@pytest.mark.parametrize(
    ("options", "name"),
    [
        ({"version_switcher": {"json_url": "s.json", "version_match": ["2.0"]}}, "version_switcher"),
        ({"version_switcher": SWITCHER, "show_version_warning": "maybe"}, "show_version_warning"),
        ({"version_switcher": SWITCHER, "hide_readthedocs_flyout": 3}, "hide_readthedocs_flyout"),
    ],
)
def test_a_bad_secondary_option_warns_once_and_keeps_the_default(build, options, name):
    site = _build(build, options, warnings=True, release="2.0")
    warnings = _version_warnings(site)
    assert len(warnings) == 1 and f"html_theme_options[{name!r}]" in warnings[0], warnings
    soup = site.soup("index")
    box = soup.select_one(".pt-versions")
    assert box is not None and box["data-version-match"] == "2.0"
    assert box.has_attr("data-hide-flyout") and soup.select_one("#pt-version-notice") is not None


def test_a_numeric_version_match_is_taken_as_text(build):
    site = _build(build, {"version_switcher": {"json_url": "s.json", "version_match": 2.1}})
    assert _version_warnings(site) == []
    assert site.soup("index").select_one(".pt-versions")["data-version-match"] == "2.1"


# -- cost ------------------------------------------------------------------------------


class _Counter(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 - the base class's name
        type(self).requests.append(self.path)
        self.send_response(404)
        self.end_headers()

    do_HEAD = do_GET

    def log_message(self, format, *args):  # noqa: A002
        pass


def test_nothing_is_fetched_at_build_time(build):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/switcher.json"
        site = _build(build, {"version_switcher": {"json_url": url}})
    finally:
        server.shutdown()
        server.server_close()
    assert _Counter.requests == []
    assert site.soup("index").select_one(".pt-versions")["data-json-url"] == url


def _gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


def test_versions_files_are_small_and_stay_out_of_the_eager_bytes(build):
    sizes = {name: _gzipped(STATIC / name) for name in (versions.SCRIPT, "piccolo_theme_versions.css")}
    assert sum(sizes.values()) <= VERSIONS_BUDGET, sizes
    # With versions configured the eager files are the same bytes as without:
    # the menu's CSS is not in piccolo_theme.css, its script is a separate file.
    css = (STATIC / "piccolo_theme.css").read_text(encoding="utf-8")
    assert ".pt-versions" not in css and "pt-versions" not in (STATIC / "piccolo_theme.js").read_text(encoding="utf-8")
    site = _build(build, {"version_switcher": SWITCHER})
    soup = site.soup("index")
    assert not soup.find("link", href=lambda h: h and "piccolo_theme_versions" in h)
    tag = soup.find("script", src=lambda s: s and versions.SCRIPT in s)
    assert tag.has_attr("defer")


# -- the demo and the docs ---------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent


def test_demo_switcher_json_is_usable_and_names_the_demo_version():
    import json
    from importlib.metadata import version as package_version
    from urllib.parse import urlsplit

    entries = json.loads((ROOT / "demo_docs" / "switcher.json").read_text(encoding="utf-8"))
    assert isinstance(entries, list) and len(entries) == 3
    for entry in entries:
        scheme = urlsplit(entry["url"]).scheme
        assert scheme in ("", "http", "https") and isinstance(entry["version"], str)
    # conf.py's version_match is its ``version``: major.minor of the pinned piccolo.
    demo_version = ".".join(package_version("piccolo").split(".")[:2])
    current = [e for e in entries if e["version"] == demo_version]
    assert len(current) == 1 and current[0].get("preferred") is True
    conf = (ROOT / "demo_docs" / "conf.py").read_text(encoding="utf-8")
    assert '"version_switcher": {"json_url": "switcher.json", "version_match": version}' in conf
    assert 'html_extra_path = ["switcher.json"]' in conf


def test_every_version_option_is_documented():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    options_page = (ROOT / "demo_docs" / "theme" / "options.rst").read_text(encoding="utf-8")
    for name in ("version_switcher", "switcher", "show_version_warning", "hide_readthedocs_flyout"):
        assert f"`{name}`" in readme
        assert f"``{name}``" in options_page


def test_committed_versions_css_is_a_fresh_compile_without_literal_colours():
    import re
    import sys

    if not hasattr(pytest.importorskip("sass"), "compile"):
        pytest.skip("libsass is not installed")
    sys.path.insert(0, str(ROOT / "scripts"))
    import compile_sass

    assert compile_sass.VERSIONS_TARGET.read_text(encoding="utf-8") == compile_sass.compile_versions_css()
    source = (ROOT / "sass" / "_versions.scss").read_text(encoding="utf-8")
    assert not re.search(r"#[0-9a-fA-F]{3,8}\b|rgba?\(", source), "colours come from the modes' custom properties"

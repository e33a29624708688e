"""Fixtures for the browser tests: the demo built once per session, a local
HTTP server on 127.0.0.1, one headless Chromium, and reusable pages."""

from __future__ import annotations

import functools
import html
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import pt_browser as pt
from pt_paths import ROOTS, SCRIPTS

# -- building ----------------------------------------------------------------


def sphinx_build(srcdir: Path, outdir: Path, *options: str, env: dict[str, str] | None = None) -> None:
    """sphinx-build -b html (warnings are the demo's own tests' business; the
    theme's deprecation warnings are errors, as everywhere). Read the Docs'
    variables come from ``env`` only, never from the machine running the tests."""
    filters = subprocess.check_output([sys.executable, str(SCRIPTS / "deprecation_filters.py")], text=True)
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "html",
        "-q",
        "-j",
        "auto",
        "-d",
        str(outdir.parent / f".doctrees-{outdir.name}"),
        *options,
        str(srcdir),
        str(outdir),
    ]
    environ = {k: v for k, v in os.environ.items() if not k.startswith("READTHEDOCS")}
    done = subprocess.run(
        command, capture_output=True, text=True, env={**environ, **(env or {}), "PYTHONWARNINGS": filters.strip()}
    )
    if done.returncode != 0:
        pytest.fail(f"building {srcdir} failed:\n{done.stderr[-4000:]}", pytrace=False)


@pytest.fixture(scope="session")
def site_root(tmp_path_factory) -> Path:
    """The folder the server serves: the demo in demo/, fixture sites beside it."""
    return tmp_path_factory.mktemp("browser-sites")


class Demo:
    def __init__(self, outdir: Path, docnames: list[str]) -> None:
        self.outdir = outdir
        self.docnames = docnames
        built = sorted(p.relative_to(outdir).as_posix() for p in outdir.rglob("*.html"))
        self.pages = [p for p in built if not p.startswith(("_static/", "_sources/", "_images/"))]
        documents = {pt.page_path(d) for d in docnames}
        #: Pages Sphinx made itself: indices, search, highlighted module source.
        self.generated = [p for p in self.pages if p not in documents]


@pytest.fixture(scope="session")
def demo(site_root) -> Demo:
    started = time.monotonic()
    outdir = site_root / "demo"
    sphinx_build(pt.DEMO, outdir)
    print(f"\nbuilt demo_docs in {time.monotonic() - started:.1f}s", file=sys.stderr)
    return Demo(outdir, pt.demo_docnames())


# -- serving -------------------------------------------------------------------


class Handler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def end_headers(self):
        # Every test sees the files as they are now.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path == "/favicon.ico":
            # Browsers ask a host for this when a site names no icon (the
            # small fixture sites); the demo's own icon is under /demo/.
            self.send_response(204)
            self.end_headers()
            return
        for suffix, seconds in list(self.server.delays.items()):
            if path.endswith(suffix):
                time.sleep(seconds)
        super().do_GET()


class Server:
    def __init__(self, root: Path) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
        self.httpd.daemon_threads = True
        self.httpd.delays = {}  # path suffix -> seconds to wait before answering
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def delays(self) -> dict[str, float]:
        return self.httpd.delays

    def url(self, path: str = "index.html", site: str = "demo") -> str:
        return f"{self.origin}/{site}/{path}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def server(site_root, demo) -> Iterator[Server]:
    srv = Server(site_root)
    yield srv
    srv.close()


# -- the browser ---------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        executable = pt.chromium_executable()
        launched = playwright.chromium.launch(executable_path=executable, args=pt.CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


def new_browser_context(browser, watch: pt.Watch, *, mode: str | None = None, sidebar_hidden: bool = False, **options):
    options.setdefault("viewport", {"width": 1280, "height": 800})
    options.setdefault("reduced_motion", "reduce")
    context = browser.new_context(**options)
    context.set_default_timeout(15_000)
    if mode is not None:
        context.add_init_script(f"try{{localStorage.setItem('piccolo-mode','{mode}')}}catch(e){{}}")
    if sidebar_hidden:
        # As the reader leaves it after hiding the left sidebar on a wide screen.
        context.add_init_script(pt.HIDE_SIDEBAR_JS)
    context.on("page", watch.attach)
    return context


@pytest.fixture()
def watch(server) -> pt.Watch:
    """Problems (console errors, failed or foreign requests) on this test's pages."""
    return pt.Watch(server.origin)


@pytest.fixture()
def new_context(browser, watch) -> Iterator[Callable[..., object]]:
    """``new_context(viewport=..., java_script_enabled=False, ...)``: a fresh
    context (own storage), closed after the test; its pages are watched."""
    contexts = []

    def make(**options):
        context = new_browser_context(browser, watch, **options)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture()
def page(new_context):
    """A fresh desktop page (1280x800)."""
    return new_context().new_page()


@pytest.fixture()
def phone(new_context):
    """A fresh emulated phone page (390x844, touch)."""
    return new_context(**pt.VIEWPORTS["phone"]).new_page()


class Sweep:
    """Long-lived pages for the every-page checks, one per set-up, so that a
    page visit costs one navigation. Each page's problems are watched."""

    def __init__(self, browser, server) -> None:
        self.browser = browser
        self.server = server
        self.contexts: dict[tuple, object] = {}
        self.pages: dict[tuple, object] = {}
        self.watches: dict[tuple, pt.Watch] = {}

    def page(self, key: tuple, **options):
        if key not in self.pages:
            watch = pt.Watch(self.server.origin)
            context = new_browser_context(self.browser, watch, **options)
            self.contexts[key] = context
            self.watches[key] = watch
            self.pages[key] = context.new_page()
        return self.pages[key], self.watches[key]

    def close(self) -> None:
        for context in self.contexts.values():
            context.close()


@pytest.fixture(scope="session")
def sweep(browser, server) -> Iterator[Sweep]:
    pages = Sweep(browser, server)
    yield pages
    pages.close()


# -- screenshots -----------------------------------------------------------------


@pytest.fixture(scope="session")
def screenshots() -> Iterator[Path]:
    """tests/artefacts/screenshots/ (ignored by git); an index.html there shows
    every screenshot, a row per page, when the session ends. Each session
    starts with an empty folder, so the index shows this run only."""
    if pt.ARTEFACTS.exists():
        shutil.rmtree(pt.ARTEFACTS)
    pt.ARTEFACTS.mkdir(parents=True, exist_ok=True)
    yield pt.ARTEFACTS
    shots = sorted(pt.ARTEFACTS.glob("*/**/*.jpeg"))
    if not shots:
        return
    columns = sorted(
        {shot.relative_to(pt.ARTEFACTS).parts[0] for shot in shots}, key=lambda c: (c.split("-")[0] != "desktop", c)
    )
    rows: dict[str, dict[str, str]] = {}
    for shot in shots:
        rel = shot.relative_to(pt.ARTEFACTS)
        page = Path(*rel.parts[1:]).as_posix().removesuffix(".jpeg")
        rows.setdefault(page, {})[rel.parts[0]] = rel.as_posix()
    out = [
        "<!doctype html><meta charset=utf-8><title>piccolo_theme demo screenshots</title>",
        "<style>body{font:14px system-ui;margin:1rem}table{border-collapse:collapse}"
        "td,th{vertical-align:top;padding:4px;border:1px solid #ccc}"
        "img{width:220px;display:block}</style>",
        "<h1>piccolo_theme demo screenshots</h1><table><tr><th>page</th>",
    ]
    out += [f"<th>{html.escape(c)}</th>" for c in columns]
    out.append("</tr>")
    for page, cells in rows.items():
        out.append(f"<tr><th>{html.escape(page)}</th>")
        for c in columns:
            src = cells.get(c)
            out.append(
                f'<td><a href="{html.escape(src)}"><img loading=lazy src="{html.escape(src)}" alt=""></a></td>'
                if src
                else "<td></td>"
            )
        out.append("</tr>")
    out.append("</table>")
    (pt.ARTEFACTS / "index.html").write_text("\n".join(out), encoding="utf-8")


# -- fixture sites ---------------------------------------------------------------

BASIC_ROOT = ROOTS / "test-basic"


@pytest.fixture(scope="session")
def banner_sites(site_root, server) -> dict[str, str]:
    """Two builds of the small fixture site with a 'permanent' banner whose
    texts differ, served from the same origin as the demo: {name: site}."""
    sites = {}
    for name, text in (("permanent-a", "First announcement."), ("permanent-b", "Second announcement.")):
        site = f"banner-{name}"
        sphinx_build(
            BASIC_ROOT,
            site_root / site,
            "-D",
            f"html_theme_options.banner_text={text}",
            "-D",
            "html_theme_options.banner_hiding=permanent",
        )
        sites[name] = site
    return sites


@pytest.fixture(scope="session")
def light_code_site(site_root, server) -> str:
    """A small site with code blocks and ``dark_mode_code_blocks`` off."""
    site = "dark-code-off"
    sphinx_build(ROOTS / "test-budget-site", site_root / site, "-D", "html_theme_options.dark_mode_code_blocks=0")
    return site

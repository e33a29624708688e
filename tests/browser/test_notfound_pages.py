"""sphinx-notfound-page's 404 page as a server returns it for any missing URL,
however deep: a small site under /en/latest/ on 127.0.0.1, whose server answers
every missing path with 404.html, as Read the Docs and most hosts do."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import pt_browser as pt
from pt_paths import ROOTS

pytestmark = pytest.mark.browser

PREFIX = "/en/latest/"


class NotFoundHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def do_GET(self):
        if self.path == "/favicon.ico":
            # Asked of the host by browsers when a site names no icon.
            self.send_response(204)
            self.end_headers()
            return
        super().do_GET()

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            super().send_error(code, message, explain)
            return
        page = (Path(self.directory) / PREFIX.strip("/") / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        self.wfile.write(page)


@pytest.fixture(scope="module")
def notfound_origin(tmp_path_factory):
    pytest.importorskip("notfound")
    from conftest import sphinx_build

    root = tmp_path_factory.mktemp("notfound-host")
    sphinx_build(ROOTS / "test-basic", root / PREFIX.strip("/"), "-D", "extensions=notfound.extension")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(NotFoundHandler, directory=str(root)))
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


LINKS_JS = """() => Array.from(document.querySelectorAll(
  '.pt-header a[href], #pt-sidebar-left a[href], .pt-footer a[href]')).map(a => a.href)
  .filter(h => h.startsWith(location.origin) && !h.includes('#'))"""


@pytest.mark.parametrize("missing", ["missing.html", "a/b/c/missing.html", "reference/gone/"])
def test_a_missing_page_at_any_depth_gets_a_working_404_page(missing, notfound_origin, browser):
    watch = pt.Watch(notfound_origin)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.on("page", watch.attach)
    try:
        page = context.new_page()
        url = f"{notfound_origin}{PREFIX}{missing}"
        response = page.goto(url)
        assert response.status == 404
        page.evaluate(pt.SETTLE_JS)
        # The document itself is the expected 404; anything else failing is not.
        problems = [p for p in watch.take() if url not in p]
        assert problems == []
        # The stylesheet, the script and the fonts arrived: the page is styled.
        assert page.evaluate("() => getComputedStyle(document.querySelector('.pt-header')).position") == "sticky"
        assert page.evaluate("() => document.fonts.check('16px Roboto')")
        assert page.locator("#pt-search-input").is_visible()
        # Every link of the header, sidebar and footer leads to a page that exists.
        links = page.evaluate(LINKS_JS)
        assert len([link for link in links if "/reference/" in link]) >= 1
        for link in set(links):
            assert context.request.get(link).status == 200, link
        # The way home.
        page.locator("a.pt-brand").click()
        page.wait_for_url(f"{notfound_origin}{PREFIX}index.html")
        assert page.locator("main#pt-content h1").inner_text().startswith("Fixture Project")
        assert watch.take() == []
    finally:
        context.close()

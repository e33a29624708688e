"""Fonts as a browser fetches them: only the faces a page uses; none with font="system"."""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytestmark = pytest.mark.browser


# -- what a browser fetches ---------------------------------------------------------------


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.mark.browser
def test_browser_fetches_only_the_faces_a_page_uses(build, browser):
    roboto = build("budget-site")
    system = build("budget-site", confoverrides={"html_theme_options": {"font": "system"}}, buildername="dirhtml")
    fetched: dict[tuple[str, str], list[str]] = {}
    # The suite's one browser: a second Playwright in the session would clash with it.
    for label, site, pages in (("roboto", roboto, ("index.html", "code.html")), ("system", system, ("", "code/"))):
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site.outdir)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            for page_path in pages:
                page = browser.new_page()
                fonts: list[str] = []
                page.on("request", lambda r, fonts=fonts: r.resource_type == "font" and fonts.append(r.url.rsplit("/", 1)[-1]))
                page.goto(f"http://127.0.0.1:{server.server_address[1]}/{page_path}", wait_until="networkidle")
                page.evaluate("document.fonts.ready.then(() => 0)")
                fetched[(label, page_path)] = sorted(fonts)
                page.close()
        finally:
            server.shutdown()
            server.server_close()
    index = fetched[("roboto", "index.html")]
    assert "roboto-latin-400-normal.woff2" in index
    assert "roboto-latin-400-italic.woff2" not in index, "a page without italics fetched the italic face"
    assert "roboto-latin-400-italic.woff2" in fetched[("roboto", "code.html")]
    assert "roboto-mono-latin-400-normal.woff2" in fetched[("roboto", "code.html")]
    assert fetched[("system", "")] == [] and fetched[("system", "code/")] == []

"""Fonts as a browser fetches them: only the faces a page uses; none with font="system"."""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

import pt_browser as pt

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
                page.on(
                    "request",
                    lambda r, fonts=fonts: r.resource_type == "font" and fonts.append(r.url.rsplit("/", 1)[-1]),
                )
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


# -- what a page preloads -----------------------------------------------------------------

#: Each woff2 file and the face its @font-face declares (sass/_fonts.scss).
FACES = {
    ("Roboto", "400", "normal"): "roboto-latin-400-normal.woff2",
    ("Roboto", "700", "normal"): "roboto-latin-700-normal.woff2",
    ("Roboto", "400", "italic"): "roboto-latin-400-italic.woff2",
    ("Roboto Mono", "400", "normal"): "roboto-mono-latin-400-normal.woff2",
}

FACES_JS = """async () => {
  await document.fonts.ready;
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  await document.fonts.ready;
  return {
    used: [...document.fonts].filter(f => f.status === "loaded")
      .map(f => [f.family.replace(/"/g, ""), String(f.weight), f.style]),
    preloaded: [...document.querySelectorAll('link[rel="preload"][as="font"]')]
      .map(l => l.getAttribute("href").split("/").pop()),
  };
}"""


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_no_demo_page_preloads_a_face_it_does_not_use(viewport, demo, server, new_context):
    # A preloaded face nobody renders is a wasted download (and a console warning).
    context = new_context(**pt.VIEWPORTS[viewport])
    page = context.new_page()
    wasted, preloaded_any = {}, 0
    for path in demo.pages:
        page.goto(server.url(path))
        found = page.evaluate(FACES_JS)
        used = {FACES[tuple(face)] for face in found["used"]}
        preloaded_any += bool(found["preloaded"])
        if set(found["preloaded"]) - used:
            wasted[path] = sorted(set(found["preloaded"]) - used)
    assert preloaded_any == len(demo.pages), "every page preloads the faces it uses"
    assert not wasted, wasted


def test_an_articles_faces_are_all_preloaded(demo, server, new_context):
    # The faces arrive with the stylesheets, so text does not reflow when they swap in.
    page = new_context(**pt.VIEWPORTS["desktop"]).new_page()
    page.goto(server.url("orm/migrations.html"))  # prose italics and code
    found = page.evaluate(FACES_JS)
    used = {FACES[tuple(face)] for face in found["used"]}
    assert used == set(FACES.values())
    assert set(found["preloaded"]) == used

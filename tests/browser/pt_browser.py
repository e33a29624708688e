"""Helpers shared by the browser tests: the demo's page list, the axe set-up,
a watcher for console errors and requests, and the JavaScript probes."""

from __future__ import annotations

import os
import shutil
from urllib.parse import urlsplit

from piccolo_theme import facts
from pt_paths import DEMO, ROOT, TESTS

ARTEFACTS = TESTS / "artefacts" / "screenshots"

MODES = ("light", "dark", "darkest")
VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "is_mobile": True,
        "has_touch": True,
    },
}
#: The standing checks also run on desktop with the left sidebar hidden.
SIDEBAR_HIDDEN = "desktop-sidebar-hidden"
HIDE_SIDEBAR_JS = f"try{{localStorage.setItem('{facts.SIDEBAR_STORAGE_KEY}','{facts.SIDEBAR_STATES[1]}')}}catch(e){{}}"
OVERFLOW_WIDTHS = (320, 390, 768, 1024, 1280, 1920)
#: Widths up to this one are emulated as a phone (touch, meta viewport honoured).
PHONE_MAX_WIDTH = 390

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Belt and braces for "no request leaves the machine": every host name
    # but the local server's fails to resolve. The tests still record and
    # fail on any such request.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def chromium_executable() -> str | None:
    """Debian's Chromium where installed; None means Playwright's own build."""
    return os.environ.get("PT_CHROMIUM") or shutil.which("chromium")


# -- axe-core ------------------------------------------------------------------

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]

#: The one list of axe rules the suite does not run, each with its reason.
#: The goal is an empty list: add to it only with a reason a reviewer accepts.
EXCLUDED_AXE_RULES: dict[str, str] = {}


AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def axe_source() -> str:
    """axe.min.js from the npm package axe-core pinned in package-lock.json
    (scripts/test installs it)."""
    if not AXE_JS.is_file():
        raise RuntimeError(f"{AXE_JS} is missing: run scripts/test (or npm ci) first")
    return AXE_JS.read_text(encoding="utf-8")


AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": AXE_TAGS},
    "rules": {rule: {"enabled": False} for rule in EXCLUDED_AXE_RULES},
    "resultTypes": ["violations"],
}


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} node(s))")
        for node in v["nodes"][:6]:
            target = " ".join(str(t) for t in node["target"])
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"      {target}: {summary[:300]}")
        if len(v["nodes"]) > 6:
            lines.append(f"      ... and {len(v['nodes']) - 6} more")
    return "\n".join(lines)


# -- demo pages --------------------------------------------------------------


def demo_docnames() -> list[str]:
    """The demo's documents, found the way Sphinx finds them (without building)."""
    import sys

    from sphinx.config import Config
    from sphinx.project import Project
    from sphinx.util.tags import Tags

    saved_path = list(sys.path)
    try:
        config = Config.read(DEMO, overrides={}, tags=Tags())
    finally:
        sys.path[:] = saved_path
    suffixes = config.source_suffix
    if isinstance(suffixes, str):
        suffixes = [suffixes]
    excluded = (
        list(config.exclude_patterns)
        + list(config.templates_path)
        # Static files are not documents, whatever their suffix.
        + ["_static/**", "**/_sources", ".#*", "**/.#*", "*.lproj/**"]
    )
    project = Project(str(DEMO), suffixes)
    return sorted(project.discover(excluded))


def page_path(docname: str) -> str:
    return docname + ".html"


# -- watching a page ---------------------------------------------------------


class Watch:
    """Records console errors, uncaught exceptions, failed requests and
    requests to any host but the local server, for every page it watches."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.host = urlsplit(origin).netloc
        self.problems: list[str] = []

    def attach(self, page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"uncaught exception: {error}"))
        page.on("requestfailed", self._failed)
        page.on("response", self._response)
        page.on("request", self._request)

    def _console(self, message) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text} ({message.location.get('url')})")

    def _failed(self, request) -> None:
        # A navigation (a reload, a click on a link) cancels what the page
        # it leaves was still fetching: not a failure of the site.
        if request.failure == "net::ERR_ABORTED":
            return
        self.problems.append(f"request failed: {request.url} ({request.failure})")

    def _response(self, response) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def _request(self, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about", "chrome-error"):
            return
        if parts.netloc != self.host:
            self.problems.append(f"request to another host: {request.url}")

    def take(self) -> list[str]:
        problems, self.problems = self.problems, []
        return problems


# -- JavaScript probes ---------------------------------------------------------

SETTLE_JS = """async () => {
  await document.fonts.ready;
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
}"""

#: Describes the page's horizontal overflow and, if any, the widest element
#: that is not inside a box clipping or scrolling it.
OVERFLOW_JS = """(deviceWidth) => {
  const doc = document.documentElement;
  const limit = deviceWidth;
  function describe(el) {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      let s = e.tagName.toLowerCase();
      if (e.id) s += '#' + e.id;
      else if (typeof e.className === 'string' && e.className.trim())
        s += '.' + e.className.trim().split(/\\s+/).slice(0, 2).join('.');
      parts.unshift(s);
    }
    return parts.join(' > ');
  }
  let widest = null;
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const right = r.right + window.scrollX;
    if (right <= limit + 1) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.position === 'fixed') continue;
    let clipped = false;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const as = getComputedStyle(a);
      if (as.position === 'fixed') { clipped = true; break; }
      if (as.overflowX !== 'visible') {
        const ar = a.getBoundingClientRect();
        if (ar.right + window.scrollX <= limit + 1) { clipped = true; break; }
      }
    }
    if (clipped) continue;
    if (!widest || right > widest.right)
      widest = {right: Math.round(right), width: Math.round(r.width), element: describe(el),
                html: el.outerHTML.slice(0, 160)};
  }
  return {innerWidth: window.innerWidth, clientWidth: doc.clientWidth,
          scrollWidth: doc.scrollWidth, bodyScrollWidth: document.body.scrollWidth,
          widest: widest};
}"""

#: The luminance of the page's background colour (0 black .. 1 white).
LUMINANCE_JS = """() => {
  function lum(colour) {
    const m = colour.match(/[\\d.]+/g).map(Number);
    if (m.length > 3 && m[3] === 0) return null;
    const c = m.slice(0, 3).map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
  const body = lum(getComputedStyle(document.body).backgroundColor);
  return body === null ? lum(getComputedStyle(document.documentElement).backgroundColor) : body;
}"""

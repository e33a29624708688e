"""Search as you type on a generated site (issue 17): how fast it answers.

    python benchmarks/bench_search.py                # 5,000 pages (builds once, then --reuse)
    python benchmarks/bench_search.py --reuse        # reuse the built sites in --work
    python benchmarks/bench_search.py --pages 500    # a smaller site
    python benchmarks/bench_search.py --reuse --piccolo-only --ready-runs 30

Measured in headless Chromium (the system one) on a local server:

* piccolo_theme: the time from focusing the header box to the index being ready
  (script, searchindex.js and language_data.js fetched and parsed: a fresh
  browser context each time, so nothing is cached), and the time from each
  keystroke to the results being rendered (the keydown to the frame after the
  panel changed), for every prefix of every query typed;
* Sphinx's own search page (``search.html?q=...``) for the same queries: the
  time from navigation to the first result and to "Search finished";
* pydata-sphinx-theme with ``search_as_you_type`` on the same site, when a
  Python with it installed is given (``--pydata-python``; by default that of
  ``.venvs/bench``, which ``scripts/benchmark`` makes from
  ``requirements/bench.txt``, or of ``.venvs/bench-pydata``): the time from
  the last keystroke in its search dialog to its first and to all results.

The figures are printed (not a timed test) and written as JSON to
``--work``/results.json.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests" / "browser"))
sys.path.insert(0, str(ROOT / "tests"))

import pt_browser  # noqa: E402
import sitegen  # noqa: E402

#: Object names, a title, words of text, a stemmed word; typed one key at a time.
QUERIES = (
    "Model42.method_3",
    "func_7_2",
    "installing linux",
    "connection pool",
    "migrations",
    "cache timeout",
    "selecting",
)
LEAF = "guide/basics/install/leaf.html"
FINISH_MS = 20_000
SEARCHY = ("piccolo_theme_search", "searchindex.js", "language_data.js")

# Records, in the page, the time from each keydown in the search box to the
# frame after the input event's listeners (ours renders synchronously in its
# own) have run.
INSTRUMENT_JS = """(selector) => {
  const input = document.querySelector(selector);
  window.__times = [];
  input.addEventListener('keydown', () => { window.__down = performance.now(); }, true);
  input.addEventListener('input', () => {
    const down = window.__down;
    requestAnimationFrame(() => setTimeout(() => window.__times.push(performance.now() - down), 0));
  });
}"""

# For Sphinx's searchtools (its search page, and pydata's dialog): when the
# first result and the "finished" status appear, after the last keydown or
# from navigation start.
SPHINX_WATCH_JS = """() => {
  window.__first = null; window.__done = null; window.__down = 0;
  document.addEventListener('keydown', () => {
    window.__down = performance.now(); window.__first = null; window.__done = null;
  }, true);
  new MutationObserver(() => {
    const out = document.getElementById('search-results');
    if (!out) return;
    if (window.__first === null && out.querySelector('ul.search li')) window.__first = performance.now();
    const summary = out.querySelector('.search-summary');
    if (window.__done === null && summary && summary.textContent.trim()) window.__done = performance.now();
  }).observe(document, {childList: true, subtree: true});
}"""


#: The first result, or "finished" with none.
ANSWERED = "() => window.__first !== null || window.__done !== null"
DOM_READY_JS = "() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


class Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a navigation that cancels a fetch breaks the pipe: not news


def serve(root: Path) -> tuple[ThreadingHTTPServer, str]:
    server = Server(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def build(python: str, src: Path, out: Path, theme: str, *options: str) -> float:
    started = time.monotonic()
    command = [
        python,
        "-m",
        "sphinx",
        "-b",
        "html",
        "-q",
        "-d",
        str(out.parent / f".doctrees-{out.name}"),
        "-D",
        f"html_theme={theme}",
        *options,
        str(src),
        str(out),
    ]
    env = {"PYTHONPATH": str(ROOT)} if theme == "piccolo_theme" else {}
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **env})
    if done.returncode != 0:
        sys.exit(f"building {out.name} failed:\n{done.stderr[-3000:]}")
    return time.monotonic() - started


def summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "median": round(statistics.median(ordered), 1),
        "p90": round(ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))], 1),
        "max": round(ordered[-1], 1),
        "n": len(ordered),
    }


def piccolo_figures(browser, origin: str, repeat: int, ready_runs: int) -> dict:
    """``ready_runs`` fresh contexts measure the index's readiness; the first
    ``repeat`` of them also type every query."""
    ready, keystrokes, requested_early, loaded = [], [], [], []
    first: list[str] = []
    for run in range(max(repeat, ready_runs)):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.goto(f"{origin}/piccolo/{LEAF}")
        page.wait_for_load_state("load")
        early = page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)")
        loaded.append(page.evaluate(DOM_READY_JS))
        requested_early += [u for u in early if any(s in u for s in SEARCHY)]
        ready.append(
            page.evaluate("""() => new Promise(resolve => {
          const box = document.getElementById('pt-search');
          const started = performance.now();
          new MutationObserver(() => {
            if (box.dataset.index === 'ready') resolve(performance.now() - started);
          }).observe(box, {attributes: true});
          document.getElementById('pt-search-input').focus();
        })""")
        )
        if run >= repeat:
            context.close()
            continue
        page.evaluate(INSTRUMENT_JS, "#pt-search-input")
        first = []
        for query in QUERIES:
            page.fill("#pt-search-input", "")
            page.evaluate("() => { window.__times = []; }")
            page.keyboard.type(query, delay=40)
            page.wait_for_function("(n) => window.__times.length >= n", arg=len(query))
            keystrokes += page.evaluate("() => window.__times")
            first.append(
                page.evaluate(
                    "() => { const o = document.querySelector('#pt-search-listbox [role=option]');"
                    " return o ? o.firstChild.textContent + ' (' + o.lastChild.textContent + ')' : ''; }"
                )
            )
        context.close()
    return {
        "index_ready_ms": summary(ready),
        "index_ready_each_run_ms": [round(r, 1) for r in ready],
        "keystroke_ms": summary(keystrokes),
        "leaf_page_dom_content_loaded_ms": summary(loaded),
        "requested_before_focus": sorted(set(requested_early)),
        "first_results": dict(zip(QUERIES, first, strict=True)),
    }


def sphinx_page_figures(browser, origin: str, site: str) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(f"({SPHINX_WATCH_JS})()")
    page = context.new_page()
    first, done, per_query = [], [], {}
    # Once to fill the cache, then each query (index cached, as for a reader).
    page.goto(f"{origin}/{site}/search.html?q={QUERIES[0]}")
    page.wait_for_function(ANSWERED, timeout=FINISH_MS)
    for query in QUERIES:
        page.goto(f"{origin}/{site}/search.html?q={query}")
        page.wait_for_function(ANSWERED, timeout=FINISH_MS)
        first.append(page.evaluate("() => window.__first ?? window.__done"))
        # It shows one result every 5 ms, fetching each page for its summary.
        try:
            page.wait_for_function("() => window.__done !== null", timeout=FINISH_MS)
            done.append(page.evaluate("() => window.__done"))
        except Exception:  # noqa: BLE001 - playwright's TimeoutError
            done.append(None)
        results = page.evaluate("() => document.querySelectorAll('#search-results ul.search li').length")
        per_query[query] = {
            "first_result_ms": round(first[-1], 1),
            "finished_ms": None if done[-1] is None else round(done[-1], 1),
            "results_shown": results,
        }
    context.close()
    finished = [d for d in done if d is not None]
    return {
        "first_result_ms": summary(first),
        "finished_ms": summary(finished) if finished else None,
        "not_finished_within_s": FINISH_MS // 1000,
        "per_query": per_query,
    }


def pydata_figures(browser, origin: str) -> dict:
    """Its dialog (Ctrl+K) runs Sphinx's searchtools 300 ms after the last keyup;
    the index is a blocking script on every page."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(f"({SPHINX_WATCH_JS})()")
    page = context.new_page()
    page.goto(f"{origin}/pydata/{LEAF}")
    page.wait_for_load_state("load")
    early = page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)")
    loaded = page.evaluate(DOM_READY_JS)
    first, done, per_query = [], [], {}
    page.keyboard.press("Control+k")
    dialog_input = "#pst-search-dialog input[name=q]"
    page.wait_for_selector(dialog_input, state="visible")
    for query in QUERIES:
        page.fill(dialog_input, "")
        page.keyboard.type(query, delay=40)
        page.wait_for_function(ANSWERED, timeout=FINISH_MS)
        first.append(page.evaluate("() => (window.__first ?? window.__done) - window.__down"))
        try:
            page.wait_for_function("() => window.__done !== null", timeout=FINISH_MS)
            done.append(page.evaluate("() => window.__done - window.__down"))
        except Exception:  # noqa: BLE001 - playwright's TimeoutError
            done.append(None)
        per_query[query] = {
            "first_result_ms": round(first[-1], 1),
            "finished_ms": None if done[-1] is None else round(done[-1], 1),
        }
    context.close()
    finished = [d for d in done if d is not None]
    return {
        "last_keystroke_to_first_result_ms": summary(first),
        "last_keystroke_to_finished_ms": summary(finished) if finished else None,
        "per_query": per_query,
        "index_loaded_with_every_page": any(u.endswith("searchindex.js") for u in early),
        "leaf_page_dom_content_loaded_ms": round(loaded, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "_sites" / "search")
    parser.add_argument("--reuse", action="store_true", help="reuse the sites already built in --work")
    parser.add_argument("--repeat", type=int, default=5, help="fresh browser contexts typing the queries")
    parser.add_argument(
        "--ready-runs", type=int, default=20, help="fresh browser contexts timing the index's readiness (>= --repeat)"
    )
    # scripts/benchmark's venv has pydata-sphinx-theme (requirements/bench.txt).
    found = [p for p in (ROOT / ".venvs" / name / "bin" / "python" for name in ("bench", "bench-pydata")) if p.exists()]
    parser.add_argument(
        "--pydata-python",
        default=str(found[0]) if found else "",
        help="a Python with pydata-sphinx-theme installed ('' to leave it out)",
    )
    parser.add_argument(
        "--piccolo-only", action="store_true", help="leave out Sphinx's search page and pydata-sphinx-theme"
    )
    args = parser.parse_args()
    if args.piccolo_only:
        args.pydata_python = ""

    work = args.work.resolve()
    src = work / "src"
    if not (args.reuse and src.is_dir()):
        sitegen.generate(args.pages, src)
    sites = {"piccolo": (sys.executable, "piccolo_theme", ())}
    if args.pydata_python:
        sites["pydata"] = (args.pydata_python, "pydata_sphinx_theme", ("-D", "html_theme_options.search_as_you_type=1"))
    builds = {}
    for name, (python, theme, options) in sites.items():
        out = work / name
        if args.reuse and (out / "searchindex.js").is_file():
            continue
        builds[name] = round(build(python, src, out, theme, *options), 1)
        print(f"built {name} in {builds[name]} s", file=sys.stderr)

    from playwright.sync_api import sync_playwright

    server, origin = serve(work)
    results: dict = {
        "pages": args.pages,
        "queries": list(QUERIES),
        "searchindex_bytes": (work / "piccolo" / "searchindex.js").stat().st_size,
    }
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=pt_browser.chromium_executable(), args=pt_browser.CHROMIUM_ARGS, headless=True
        )
        # The machine may be shared: the load beside the figures it bends.
        results["load_average_before"] = [round(x, 2) for x in os.getloadavg()]
        results["piccolo_theme"] = piccolo_figures(browser, origin, args.repeat, args.ready_runs)
        results["load_average_after_piccolo"] = [round(x, 2) for x in os.getloadavg()]
        if not args.piccolo_only:
            results["sphinx_search_page"] = sphinx_page_figures(browser, origin, "piccolo")
        if "pydata" in sites:
            results["pydata_sphinx_theme"] = pydata_figures(browser, origin)
        browser.close()
    server.shutdown()
    (work / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""piccolo_theme's benchmark: build time, memory, output size, page weight, Lighthouse.

Run it through ``scripts/benchmark`` (which makes the venv and installs
Lighthouse); ``scripts/benchmark --help`` lists the options. Every figure printed
is measured in this run; nothing is estimated. Results also go to
``benchmarks/_results/<time>.json``.

Method
------
* Sites: generated ones of 50, 500 and 5,000 pages (``sitegen.py``) and
  ``demo_docs/``. Each is built from scratch (``-E``, fresh output and doctree
  folders, one process) once per theme per repetition; within a repetition the
  themes run in a rotated order, so load from other work on the machine falls on
  every theme alike. Medians are reported, with the spread (min-max).
* Build time is wall-clock; CPU time (user + system of the build process) is
  printed too, as it is less disturbed by other processes on a shared machine.
  Peak memory is the build process's maximum resident set size.
* ``--pairs`` (used for the 5,000-page site by default) builds each theme at the
  same time as ``basic``, one process per core, instead of one after the other:
  both builds of a pair then share whatever else the machine is doing, which
  on a shared virtual machine moves sequential timings by a fifth. Each pair
  gives a CPU-time ratio; the median of those is reported, with every pair.
* Page weight is what headless Chromium actually fetches for a page served on
  127.0.0.1: the HTML, stylesheets, scripts and web fonts (images are listed
  apart), raw and gzipped (each text response gzip -6; woff2 is already
  compressed and counted as is).
* Lighthouse (``lighthouse.py``) runs on the demo's index and an API page, for
  the mobile and desktop presets, several times each; medians.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SITES = HERE / "_sites"
RESULTS = HERE / "_results"
sys.path.insert(0, str(HERE))

import sitegen  # noqa: E402
from serve import serve  # noqa: E402

ORIGINAL_PATH = ROOT / ".venvs" / "bench-original"

# name -> (html_theme value, extra environment)
ALL_THEMES = {
    "basic": ("basic", {}),
    "piccolo_theme": ("piccolo_theme", {}),
    "furo": ("furo", {}),
    "pydata": ("pydata_sphinx_theme", {}),
    "piccolo-0.24": ("piccolo_theme", {"PYTHONPATH": str(ORIGINAL_PATH)}),
}

DEMO_PAGES = {"index": "index.html", "api": "api/table.html"}


def available_themes() -> list[str]:
    names = ["basic", "piccolo_theme"]
    for name, module in (("furo", "furo"), ("pydata", "pydata_sphinx_theme")):
        probe = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True)
        if probe.returncode == 0:
            names.append(name)
    if (ORIGINAL_PATH / "piccolo_theme").is_dir():
        names.append("piccolo-0.24")
    return names


# -- building ------------------------------------------------------------------


# Per-page features measured on: a repository makes every page carry edit links
# (breadcrumbs are on by default), as on a real project's site.
THEME_SETTINGS = {
    "piccolo_theme": ("-D", "html_theme_options.source_url=https://github.com/example/project"),
}


def build(src: Path, out: Path, theme: str) -> dict[str, float]:
    """One clean build; wall time, CPU time and peak RSS of the build process."""
    html_theme, extra_env = ALL_THEMES[theme]
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    env = {**os.environ, **extra_env, "PYTHONHASHSEED": "0"}
    cmd = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "html",
        "-E",
        "-q",
        "-d",
        str(out / ".doctrees"),
        "-D",
        f"html_theme={html_theme}",
        *THEME_SETTINGS.get(theme, ()),
        str(src),
        str(out / "html"),
    ]
    log = open(out / "build.log", "w")
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=src)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    log.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed: {' '.join(cmd)}\n{(out / 'build.log').read_text()[-3000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024}


def bench_pairs(name: str, src: Path, themes: list[str], reps: int, log) -> dict:
    """Each theme built at the same time as basic (two processes, one per core)."""
    from concurrent.futures import ThreadPoolExecutor

    runs: dict[str, list[dict[str, float]]] = {t: [] for t in themes}
    ratios: dict[str, list[float]] = {t: [] for t in themes if t != "basic"}
    with ThreadPoolExecutor(max_workers=2) as pool:
        for rep in range(reps):
            for theme in ratios:
                # Alternate which build starts first; the other starts at once after.
                pair = ["basic", theme] if rep % 2 == 0 else [theme, "basic"]
                futures = {t: pool.submit(build, src, SITES / "out" / name / t, t) for t in pair}
                results = {t: f.result() for t, f in futures.items()}
                for t, r in results.items():
                    runs[t].append(r)
                ratio = results[theme]["cpu"] / results["basic"]["cpu"]
                ratios[theme].append(ratio)
                log(
                    f"  {name} pair {rep + 1}/{reps} basic {results['basic']['cpu']:7.2f} s cpu, "
                    f"{theme} {results[theme]['cpu']:7.2f} s cpu: x{ratio:.3f}"
                )
    summary = _summary(name, runs)
    for theme, rs in ratios.items():
        summary[theme]["pair_ratios"] = rs
    return summary


def _summary(name: str, runs: dict[str, list[dict[str, float]]]) -> dict:
    summary = {}
    for theme, results in runs.items():
        html = SITES / "out" / name / theme / "html"
        summary[theme] = {
            "runs": results,
            "wall": statistics.median(r["wall"] for r in results),
            "cpu": statistics.median(r["cpu"] for r in results),
            "rss_mb": statistics.median(r["rss_mb"] for r in results),
            "output_bytes": output_size(html),
        }
    return summary


def output_size(html_dir: Path) -> int:
    return sum(p.stat().st_size for p in html_dir.rglob("*") if p.is_file())


def bench_site(name: str, src: Path, themes: list[str], reps: int, log) -> dict:
    runs: dict[str, list[dict[str, float]]] = {t: [] for t in themes}
    for rep in range(reps):
        order = themes[rep % len(themes) :] + themes[: rep % len(themes)]
        for theme in order:
            result = build(src, SITES / "out" / name / theme, theme)
            runs[theme].append(result)
            log(
                f"  {name} rep {rep + 1}/{reps} {theme:14} {result['wall']:7.2f} s wall "
                f"{result['cpu']:7.2f} s cpu {result['rss_mb']:6.0f} MB"
            )
    return _summary(name, runs)


# -- page weight -----------------------------------------------------------------


def _kind(url: str, content_type: str) -> str:
    path = url.split("?")[0].split("#")[0]
    if path.endswith((".woff2", ".woff", ".ttf", ".otf")) or "font" in content_type:
        return "font"
    if path.endswith(".css") or "text/css" in content_type:
        return "css"
    if path.endswith(".js") or "javascript" in content_type:
        return "js"
    if "text/html" in content_type or path.endswith(".html") or path.endswith("/"):
        return "html"
    return "other"


def page_weight(html_dir: Path, pages: dict[str, str]) -> dict[str, dict]:
    """What Chromium fetches for each page: bytes by kind, raw and gzipped."""
    from playwright.sync_api import sync_playwright

    results = {}
    with serve(html_dir) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=os.environ.get("CHROME_PATH", "/usr/bin/chromium"), args=["--no-sandbox", "--disable-gpu"]
        )
        for label, page_path in pages.items():
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            responses = []
            page.on("response", lambda response, seen=responses: seen.append(response))
            page.goto(f"{base}/{page_path}", wait_until="networkidle")
            page.wait_for_timeout(300)
            totals: dict[str, dict[str, int]] = {}
            files = []
            for response in responses:
                if not response.url.startswith(base):
                    files.append({"url": response.url, "kind": "external", "raw": 0, "gzip": 0})
                    continue
                try:
                    body = response.body()
                except Exception:  # redirects have no body
                    continue
                kind = _kind(response.url, response.headers.get("content-type", ""))
                raw = len(body)
                packed = raw if kind == "font" or kind == "other" else len(gzip.compress(body, 6))
                files.append({"url": response.url[len(base) :], "kind": kind, "raw": raw, "gzip": packed})
                bucket = totals.setdefault(kind, {"raw": 0, "gzip": 0, "files": 0})
                bucket["raw"] += raw
                bucket["gzip"] += packed
                bucket["files"] += 1
            weighed = [k for k in ("html", "css", "js", "font") if k in totals]
            totals["total"] = {
                "raw": sum(totals[k]["raw"] for k in weighed),
                "gzip": sum(totals[k]["gzip"] for k in weighed),
                "files": sum(totals[k]["files"] for k in weighed),
            }
            results[label] = {"totals": totals, "files": files}
            context.close()
        browser.close()
    return results


# -- reporting -------------------------------------------------------------------


def kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"


def print_builds(name: str, summary: dict, reps: int, out) -> None:
    base = summary["basic"]
    paired = any("pair_ratios" in s for s in summary.values())
    how = "each theme built at the same time as basic" if paired else "one build at a time"
    out(f"\n## Build: {name} ({reps} repetitions per theme, {how}; medians)\n")
    out(
        f"{'theme':14} {'wall s':>8} {'x basic':>8} {'range s':>15} {'cpu s':>8} {'x basic':>8} "
        f"{'peak MB':>8} {'output':>10}"
    )
    for theme, s in summary.items():
        walls = [r["wall"] for r in s["runs"]]
        out(
            f"{theme:14} {s['wall']:8.2f} {s['wall'] / base['wall']:8.3f} "
            f"{min(walls):7.2f}-{max(walls):<7.2f} {s['cpu']:8.2f} {s['cpu'] / base['cpu']:8.3f} "
            f"{s['rss_mb']:8.0f} {s['output_bytes'] / 1e6:8.1f} MB"
        )
    for theme, s in summary.items():
        if "pair_ratios" in s:
            pairs = ", ".join(f"{r:.3f}" for r in s["pair_ratios"])
            out(
                f"{theme}: CPU time / basic's in the same pair: median {statistics.median(s['pair_ratios']):.3f} "
                f"(pairs {pairs})"
            )


def print_weights(title: str, weights: dict, out) -> None:
    out(f"\n## Page weight: {title} (fetched by Chromium; raw / gzipped)\n")
    out(f"{'theme':14} {'page':6} {'HTML':>17} {'CSS':>17} {'JS':>17} {'fonts':>17} {'total':>19} {'files':>5}")
    for theme, pages in weights.items():
        for label, data in pages.items():
            t = data["totals"]

            def cell(k: str, t: dict = t) -> str:
                if k not in t:
                    return f"{'-':>17}"
                return f"{kb(t[k]['raw']):>8}/{kb(t[k]['gzip']):>8}"

            out(
                f"{theme:14} {label:6} {cell('html')} {cell('css')} {cell('js')} {cell('font')} "
                f"{kb(t['total']['raw']):>9}/{kb(t['total']['gzip']):>9} {t['total']['files']:5}"
            )


def leaf_report(leaf: dict[str, dict[int, int]], out, page: str = "guide/basics/install/leaf.html") -> None:
    sizes = sorted({n for per in leaf.values() for n in per})
    out(f"\n## Page HTML ({page}) as the site grows\n")
    out(f"{'theme':14} " + " ".join(f"{str(n) + ' pages':>12}" for n in sizes) + f" {'largest/smallest':>17}")
    for theme, per in leaf.items():
        cells = " ".join(f"{per.get(n, 0):>12,}" for n in sizes)
        ratio = per[sizes[-1]] / per[sizes[0]] if per.get(sizes[0]) and per.get(sizes[-1]) else float("nan")
        out(f"{theme:14} {cells} {ratio:17.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description="piccolo_theme benchmark (see benchmarks/README.md)")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="50- and 500-page sites and the demo, 2 repetitions, Lighthouse once per page",
    )
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], help="page counts, e.g. 50,500,5000")
    parser.add_argument(
        "--reps", type=int, help="repetitions per theme for sites below 5,000 pages (default 5; quick 2)"
    )
    parser.add_argument(
        "--big-reps", type=int, default=3, help="repetitions per theme for sites of 5,000 pages or more (default 3)"
    )
    parser.add_argument("--themes", help="comma-separated subset of: " + ",".join(ALL_THEMES))
    parser.add_argument(
        "--pairs",
        choices=("big", "all", "none"),
        default="big",
        help="build each theme at the same time as basic: for the 5,000-page site (default), every site, or none",
    )
    parser.add_argument("--big-themes", help="themes for the 5,000-page site (default: all); e.g. basic,piccolo_theme")
    parser.add_argument("--no-sites", action="store_true", help="skip the generated sites (demo_docs/ only)")
    parser.add_argument("--no-demo", action="store_true", help="skip demo_docs/")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--lighthouse-runs", type=int, help="Lighthouse runs per page and preset (default 3; quick 1)")
    parser.add_argument("--lighthouse-themes", help="themes for Lighthouse (default: all measured)")
    parser.add_argument("--work", type=Path, help="folder for generated sites and builds (default benchmarks/_sites)")
    args = parser.parse_args()
    if args.work:
        global SITES
        SITES = args.work.resolve()

    sizes = [] if args.no_sites else args.sizes or ([50, 500] if args.quick else [50, 500, 5000])
    reps = args.reps or (2 if args.quick else 5)
    themes = available_themes()
    if args.themes:
        themes = [t for t in args.themes.split(",") if t in themes]
    if "basic" not in themes:
        themes.insert(0, "basic")
    big_themes = [t for t in args.big_themes.split(",") if t in themes] if args.big_themes else themes
    if "basic" not in big_themes:
        big_themes.insert(0, "basic")

    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    report_path = RESULTS / f"{stamp}.txt"
    report = open(report_path, "w")

    def out(line: str = "") -> None:
        print(line, flush=True)
        report.write(line + "\n")
        report.flush()

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    import sphinx

    load = os.getloadavg()
    out(f"# piccolo_theme benchmark, {stamp}")
    out(
        f"Sphinx {sphinx.__version__}, Python {platform.python_version()}, {os.cpu_count()} cores, "
        f"load average at start {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    out(f"themes: {', '.join(themes)}; sizes: {sizes}; repetitions: {reps} (5,000+ pages: {args.big_reps})")
    data: dict = {
        "stamp": stamp,
        "sphinx": sphinx.__version__,
        "themes": themes,
        "load_start": load,
        "builds": {},
        "leaf": {},
        "weights": {},
    }
    leaf: dict[str, dict[int, int]] = {}
    api_leaf: dict[str, dict[int, int]] = {}

    for n in sizes:
        src = SITES / f"site-{n}"
        facts = sitegen.generate(n, src)
        site_themes = big_themes if n >= 5000 else themes
        site_reps = args.big_reps if n >= 5000 else reps
        log(f"site of {facts['pages']} pages ({facts['signatures']} autodoc'd signatures)")
        paired = args.pairs == "all" or (args.pairs == "big" and n >= 5000)
        summary = (bench_pairs if paired else bench_site)(f"site-{n}", src, site_themes, site_reps, log)
        data["builds"][f"site-{n}"] = {"facts": facts, "reps": site_reps, "summary": summary}
        print_builds(
            f"generated site, {facts['pages']} pages, {facts['signatures']} signatures", summary, site_reps, out
        )
        for theme in site_themes:
            html = SITES / "out" / f"site-{n}" / theme / "html"
            leaf.setdefault(theme, {})[n] = (html / f"{facts['leaf']}.html").stat().st_size
            api_leaf.setdefault(theme, {})[n] = (html / f"{facts['api_page']}.html").stat().st_size
    if sizes:
        leaf_report(leaf, out, f"{facts['leaf']}.html")
        leaf_report(api_leaf, out, f"{facts['api_page']}.html, an API page, for comparison")
        data["leaf"] = {"leaf": leaf, "api": api_leaf}
        largest = f"site-{max(sizes)}"
        weights = {
            t: page_weight(SITES / "out" / largest / t / "html", {"index": "index.html", "api": "api/mod0000.html"})
            for t in (big_themes if max(sizes) >= 5000 else themes)
        }
        data["weights"][largest] = weights
        print_weights(f"generated {max(sizes)}-page site", weights, out)

    if not args.no_demo:
        demo_src = ROOT / "demo_docs"
        summary = (bench_pairs if args.pairs == "all" else bench_site)("demo", demo_src, themes, reps, log)
        data["builds"]["demo"] = {"reps": reps, "summary": summary}
        print_builds("demo_docs/", summary, reps, out)
        weights = {t: page_weight(SITES / "out" / "demo" / t / "html", DEMO_PAGES) for t in themes}
        data["weights"]["demo"] = weights
        print_weights("demo_docs/", weights, out)

        if not args.no_lighthouse:
            import lighthouse

            lh_runs = args.lighthouse_runs or (1 if args.quick else 3)
            lh_themes = (
                [t for t in args.lighthouse_themes.split(",") if t in themes] if args.lighthouse_themes else themes
            )
            scores = lighthouse.run_all(
                {t: SITES / "out" / "demo" / t / "html" for t in lh_themes}, DEMO_PAGES, lh_runs, log
            )
            data["lighthouse"] = scores
            lighthouse.print_scores(scores, lh_runs, out)

    load = os.getloadavg()
    out(f"\nload average at end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    (RESULTS / f"{stamp}.json").write_text(json.dumps(data, indent=1, default=str), encoding="utf-8")
    out(f"results: {report_path.relative_to(ROOT)} and {stamp}.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())

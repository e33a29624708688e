"""Lighthouse (the npm package in benchmarks/node_modules) against pages served on 127.0.0.1.

Each theme's build is served by its own server; every page is audited ``runs``
times per preset (mobile, desktop), the themes interleaved run by run so that
load on the machine falls on all of them. Medians of the four category scores.
"""

from __future__ import annotations

import contextlib
import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from serve import serve

HERE = Path(__file__).resolve().parent
BIN = HERE / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
    " --disable-component-update --disable-sync"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PRESETS = ("mobile", "desktop")


def audit(url: str, preset: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        cmd = [
            str(BIN),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--only-categories=" + ",".join(CATEGORIES),
        ]
        if preset == "desktop":
            cmd.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
        if proc.returncode != 0 or not report.exists():
            raise RuntimeError(f"lighthouse failed on {url}: {proc.stderr[-2000:]}")
        data = json.loads(report.read_text())
    scores = {c: data["categories"][c]["score"] for c in CATEGORIES}
    failed = {
        c: [
            ref["id"]
            for ref in data["categories"][c]["auditRefs"]
            if ref.get("weight", 0) > 0
            and (data["audits"][ref["id"]].get("score") is not None)
            and data["audits"][ref["id"]]["score"] < 1
        ]
        for c in CATEGORIES
        if c != "performance"
    }
    metrics = {
        k: data["audits"][k].get("numericValue")
        for k in (
            "first-contentful-paint",
            "largest-contentful-paint",
            "total-blocking-time",
            "cumulative-layout-shift",
            "speed-index",
        )
    }
    return {"scores": scores, "failed": failed, "metrics": metrics}


def run_all(builds: dict[str, Path], pages: dict[str, str], runs: int, log) -> dict:
    results: dict = {t: {p: {pr: [] for pr in PRESETS} for p in pages} for t in builds}
    with contextlib.ExitStack() as stack:
        bases = {t: stack.enter_context(serve(d)) for t, d in builds.items()}
        for run in range(runs):
            for preset in PRESETS:
                for label, path in pages.items():
                    themes = list(builds)
                    order = themes[run % len(themes) :] + themes[: run % len(themes)]
                    for theme in order:
                        result = audit(f"{bases[theme]}/{path}", preset)
                        results[theme][label][preset].append(result)
                        log(
                            f"  lighthouse run {run + 1}/{runs} {preset:7} {label:6} {theme:14} "
                            + " ".join(f"{c[:4]}={result['scores'][c]:.2f}" for c in CATEGORIES)
                        )
    return results


def print_scores(results: dict, runs: int, out) -> None:
    out(f"\n## Lighthouse {_version()} on demo_docs/ ({runs} runs per page and preset, medians)\n")
    out(
        f"{'theme':14} {'page':6} {'preset':8} {'perf':>5} {'a11y':>5} {'b.p.':>5} {'seo':>5}  "
        f"{'perf range':>10}  {'FCP ms':>7} {'LCP ms':>7} {'TBT ms':>6} {'CLS':>6}  below 1.0"
    )
    for theme, pages in results.items():
        for label, presets in pages.items():
            for preset, rs in presets.items():
                if not rs:
                    continue
                med = {c: statistics.median(r["scores"][c] for r in rs) for c in CATEGORIES}
                perf = [r["scores"]["performance"] for r in rs]
                m = {k: statistics.median(r["metrics"][k] for r in rs) for k in rs[0]["metrics"]}
                failed = sorted({a for r in rs for ids in r["failed"].values() for a in ids})
                out(
                    f"{theme:14} {label:6} {preset:8} "
                    + " ".join(f"{med[c]:5.2f}" for c in CATEGORIES)
                    + f"  {min(perf):.2f}-{max(perf):.2f}  {m['first-contentful-paint']:7.0f} "
                    f"{m['largest-contentful-paint']:7.0f} {m['total-blocking-time']:6.0f} "
                    f"{m['cumulative-layout-shift']:6.3f}  {','.join(failed) or '-'}"
                )


def _version() -> str:
    try:
        return json.loads((HERE / "node_modules" / "lighthouse" / "package.json").read_text())["version"]
    except OSError:
        return "?"

"""What one parameter per line costs: a site of thousands of signatures, built
with ``signature_parameters_per_line`` on (the default) and off.

Not a timed test: it prints figures. Each build runs in a fresh interpreter
with a fresh environment (``-E``), the two settings alternate (in swapped order
each round, so neither always runs on a warmer machine), and the medians are
compared::

    .venv/bin/python benchmarks/bench_signatures.py [--pages 30] [--per-page 100] [--runs 5]

On a machine shared with other work the wall times swing more than the feature
costs; the CPU times, and ``--profile`` (the share of one profiled build spent
in the theme's signature handlers), are the steadier figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CONF = """\
import os
html_theme = "piccolo_theme"
html_theme_options = {
    "signature_parameters_per_line": os.environ["PT_SIGNATURES"] == "on",
}
"""

# Times only the build, inside the child: interpreter start-up is the same for
# both. CPU time is printed too: on a busy machine it is the steadier figure.
CHILD = """\
import sys, time
from sphinx.cmd.build import build_main
start, cpu = time.perf_counter(), time.process_time()
status = build_main(["-E", "-q", "-b", "html", sys.argv[1], sys.argv[2]])
print(time.perf_counter() - start, time.process_time() - cpu)
sys.exit(status)
"""


def _page(number: int, per_page: int) -> str:
    out = [f"Page {number}", "=" * (len(str(number)) + 5), ""]
    for i in range(per_page):
        name = f"p{number}_{i}"
        kind = i % 5
        if kind == 0:
            out.append(
                f".. py:function:: {name}(path: str, *, mode: str = 'r', "
                f"buffering: int = -1, encoding: str | None = None) -> IO[str]"
            )
        elif kind == 1:
            out.append(
                f".. py:class:: {name.title()}(items: dict[str, list[tuple[int, str]]], "
                f"default: tuple[int, int] = (1, 2), /, strict: bool = False)"
            )
        elif kind == 2:
            out.append(f".. py:function:: {name}_short(x)")
        elif kind == 3:
            out.append(f".. c:function:: int {name}(const char *src, char *dst, size_t n, int flags)")
        else:
            out.append(
                f".. cpp:function:: template<typename T, typename Alloc = std::allocator<T>> "
                f"void {name}(std::vector<T, Alloc> &v, const T &value, std::size_t count = 1)"
            )
        out.append("")
        out.append("   Described.")
        out.append("")
    return "\n".join(out)


def make_site(root: Path, pages: int, per_page: int) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "conf.py").write_text(CONF, encoding="utf-8")
    names = [f"page{n}" for n in range(pages)]
    toctree = "\n".join(f"   {n}" for n in names)
    (root / "index.rst").write_text(
        f"Signatures benchmark\n====================\n\n.. toctree::\n\n{toctree}\n", encoding="utf-8"
    )
    for n, name in enumerate(names):
        (root / f"{name}.rst").write_text(_page(n, per_page), encoding="utf-8")


def build_once(src: Path, out: Path, feature: str) -> tuple[float, float]:
    env = {**os.environ, "PT_SIGNATURES": feature}
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(src), str(out)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    wall, cpu = result.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


PROFILE = """\
import cProfile, pstats, sys
from sphinx.cmd.build import build_main
profile = cProfile.Profile()
profile.enable()
build_main(["-E", "-q", "-b", "html", sys.argv[1], sys.argv[2]])
profile.disable()
stats = pstats.Stats(profile).stats
total = sum(v[3] for k, v in stats.items() if k[2] == "build_main")
ours = sum(
    v[3]
    for k, v in stats.items()
    if k[0].endswith("signatures.py") and k[2] in ("lay_out", "on_html_page_context")
)
print(total, ours)
"""


def profile_once(src: Path, out: Path) -> tuple[float, float]:
    env = {**os.environ, "PT_SIGNATURES": "on"}
    result = subprocess.run(
        [sys.executable, "-c", PROFILE, str(src), str(out)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    total, ours = result.stdout.strip().splitlines()[-1].split()
    return float(total), float(ours)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--per-page", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5, help="builds per setting")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    parser.add_argument("--profile", action="store_true", help="also profile one build and print the handlers' share")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="pt-bench-signatures-") as tmp:
        src, out = Path(tmp) / "src", Path(tmp) / "out"
        make_site(src, args.pages, args.per_page)
        times: dict[str, list[tuple[float, float]]] = {"on": [], "off": []}
        build_once(src, out, "on")  # warms the file cache; not counted
        html = (out / "page0.html").read_text(encoding="utf-8")
        for run in range(args.runs):
            order = ("on", "off") if run % 2 == 0 else ("off", "on")
            for feature in order:
                times[feature].append(build_once(src, out, feature))
        profiled = profile_once(src, out) if args.profile else None

    signatures = args.pages * args.per_page
    print(f"signatures: {signatures} on {args.pages} pages; {args.runs} alternating runs per setting")
    print(f"parameter lists broken on page0 with the feature on: {html.count('pt-sig-params')}")
    figures = {"signatures": signatures}
    for index, label in ((0, "wall"), (1, "cpu")):
        off = statistics.median(t[index] for t in times["off"])
        on = statistics.median(t[index] for t in times["on"])
        ratio = on / off
        figures[label] = {"off": off, "on": on, "ratio": ratio}
        print(f"{label} time")
        for name, median in (("off", off), ("on", on)):
            runs = ", ".join(f"{t[index]:.3f}" for t in times[name])
            print(f"  feature {name + ':':4} median {median:.3f} s  (runs: {runs})")
        print(f"  ratio on/off: {ratio:.4f}  ({(ratio - 1) * 100:+.2f} %)")
    if profiled is not None:
        total, ours = profiled
        figures["profile"] = {"build": total, "handlers": ours, "share": ours / total}
        print(
            f"profiled build: {total:.3f} s, of which the signature handlers {ours:.3f} s ({ours / total * 100:.2f} %)"
        )
    if args.json:
        print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())

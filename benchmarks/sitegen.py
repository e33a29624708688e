"""Generate a synthetic Sphinx site of about N pages, deterministically.

The site is what large real documentation looks like:

* ``guide/``: a small section that is the same in every site, whatever N. Its
  deepest page, ``guide/basics/install/leaf``, is the page whose size the
  benchmark follows as the site grows: only the rest of the site changes.
* four topic sections (tutorials, how-to, topics, reference) sharing the bulk
  of the pages, each nested four toctree levels deep (section, chapter, group,
  page) below the root; pages have prose, lists, admonitions and code blocks.
* ``api/``: a tenth of the pages up to 100, each autodoc'ing one generated
  module of typed functions and a class with methods (20 signatures a page): a
  5,000-page site has 2,000 autodoc'd signatures.

``python benchmarks/sitegen.py 500 /tmp/site`` writes one; the benchmark calls
:func:`generate`.
"""

from __future__ import annotations

import argparse
import math
import random
import shutil
from pathlib import Path

WORDS = (
    "table column query database schema migration engine connection row value "
    "select insert update delete where join index foreign key primary async "
    "transaction pool cursor result type field default nullable unique filter "
    "order limit offset group count batch bulk create drop alter rename option "
    "config setting project app command shell test fixture model serializer "
    "response request handler route middleware session cache timeout retry"
).split()

CONF = """\
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "_code"))

project = "Benchmark"
author = "piccolo_theme benchmark"
copyright = "2026, the piccolo_theme developers"
extensions = ["sphinx.ext.autodoc"]
exclude_patterns = ["_build", "_code"]
autodoc_member_order = "bysource"
html_copy_source = False
html_theme = "basic"
"""

SECTIONS = ("tutorials", "howto", "topics", "reference")


def _sentence(rng: random.Random, words: int | None = None) -> str:
    n = words or rng.randint(8, 18)
    text = " ".join(rng.choice(WORDS) for _ in range(n))
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, sentences: int | None = None) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences or rng.randint(3, 6)))


def _heading(text: str, char: str) -> str:
    return f"{text}\n{char * len(text)}\n"


def _code_block(rng: random.Random) -> str:
    name = rng.choice(WORDS)
    lines = [
        f"from benchapi import {name.capitalize()}",
        "",
        f"async def {name}_{rng.choice(WORDS)}(limit: int = {rng.randint(1, 99)}):",
        f"    rows = await {name.capitalize()}.select().where(value > {rng.randint(1, 9)})",
        "    for row in rows[:limit]:",
        '        print(row["id"], row.get("name"))',
        "    return len(rows)",
    ]
    return ".. code-block:: python\n\n" + "\n".join(f"   {line}" if line else "" for line in lines) + "\n"


def _prose_page(rng: random.Random, title: str, children: list[str]) -> str:
    parts = [_heading(title, "="), _paragraph(rng)]
    if children:
        parts.append(".. toctree::\n   :maxdepth: 2\n\n" + "".join(f"   {c}\n" for c in children))
    for s in range(rng.randint(2, 3)):
        parts.append(_heading(f"{_sentence(rng, 3)[:-1]} {s + 1}", "-"))
        parts.append(_paragraph(rng))
        if rng.random() < 0.7:
            parts.append(_code_block(rng))
        if rng.random() < 0.5:
            parts.append("".join(f"* {_sentence(rng, 6)}\n" for _ in range(rng.randint(2, 5))))
        if rng.random() < 0.3:
            parts.append(f".. note::\n\n   {_sentence(rng)}\n")
        parts.append(_paragraph(rng, 2))
    return "\n\n".join(parts)


def _api_module(rng: random.Random, index: int) -> str:
    cls = f"Model{index}"
    lines = [
        f'"""Generated module {index}: typed functions and a class."""',
        "",
        "from __future__ import annotations",
        "",
    ]
    for f in range(14):
        params = []
        for p in range(rng.randint(1, 6)):
            kind = rng.choice(("int", "str", "float", "bool", "list[str]", "dict[str, int] | None"))
            default = {
                "int": "0",
                "str": '""',
                "float": "1.5",
                "bool": "False",
                "list[str]": "None",
                "dict[str, int] | None": "None",
            }[kind]
            if kind == "list[str]":
                kind = "list[str] | None"
            params.append(f"{WORDS[(index + f + p) % len(WORDS)]}_{p}: {kind} = {default}")
        lines += [
            f"def func_{index}_{f}({', '.join(params)}) -> dict[str, object]:",
            f'    """{_sentence(rng)}',
            "",
            f"    {_paragraph(rng, 2)}",
            "",
            f"    :param {params[0].split(':')[0]}: {_sentence(rng, 6)}",
            f"    :returns: {_sentence(rng, 5)}",
            '    """',
            "    return {}",
            "",
        ]
    lines += [f"class {cls}:", f'    """{_sentence(rng)}"""', ""]
    lines += [
        "    def __init__(self, name: str, size: int = 10, *, strict: bool = False) -> None:",
        f'        """{_sentence(rng)}"""',
        "",
    ]
    for m in range(5):
        lines += [
            f"    def method_{m}(self, value: int, label: str | None = None, *extra: str, **options: object) -> {cls}:",
            f'        """{_sentence(rng)}"""',
            "        return self",
            "",
        ]
    return "\n".join(lines) + "\n"


def _api_page(index: int) -> str:
    title = f"benchapi.mod{index:04d}"
    return _heading(title, "=") + f"\n.. automodule:: benchapi.mod{index:04d}\n   :members:\n"


def generate(pages: int, dest: Path, seed: int = 7) -> dict[str, object]:
    """Write a site of about ``pages`` pages into ``dest`` (replaced). Returns facts about it."""
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "_code" / "benchapi").mkdir(parents=True)
    (dest / "conf.py").write_text(CONF, encoding="utf-8")
    (dest / "_code" / "benchapi" / "__init__.py").write_text('"""Generated API."""\n', encoding="utf-8")
    written: list[str] = []

    def write(docname: str, text: str) -> None:
        path = dest / f"{docname}.rst"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(docname)

    # The fixed section: its own rng, so its pages are identical in every site.
    grng = random.Random(1)
    write("guide/index", _prose_page(grng, "User guide", ["basics/index", "advanced"]))
    write("guide/advanced", _prose_page(grng, "Advanced use", []))
    write("guide/basics/index", _prose_page(grng, "Basics", ["install/index", "concepts"]))
    write("guide/basics/concepts", _prose_page(grng, "Concepts", []))
    write("guide/basics/install/index", _prose_page(grng, "Installing", ["leaf", "upgrade"]))
    write("guide/basics/install/leaf", _prose_page(grng, "Installing on Linux", []))
    write("guide/basics/install/upgrade", _prose_page(grng, "Upgrading", []))

    rng = random.Random(seed)
    # A tenth of the pages, up to 100 (2,000 signatures). Sphinx resolves each
    # annotation that names no documented object (int, str...) by scanning every
    # object of the Python domain, on every theme alike: with 500 API pages
    # (10,000 signatures) basic spent about 1.3 s writing each API page here (load
    # average 8 on 2 cores), and a 5,000-page build had not finished after 18 min.
    api_pages = max(2, min(pages // 10, 100))
    rest = max(len(SECTIONS) * 4, pages - len(written) - api_pages - 2)
    per_section = rest // len(SECTIONS)
    # Fan-out k at each of the three levels below a section: 1 + k + k^2 + k^3 >= per_section.
    fanout = max(2, math.ceil((per_section) ** (1 / 3)))
    for section in SECTIONS:
        budget = per_section - 1
        chapters: list[str] = []
        for c in range(fanout):
            if budget <= 0:
                break
            budget -= 1
            groups: list[str] = []
            for g in range(fanout):
                if budget <= 0:
                    break
                budget -= 1
                leaves: list[str] = []
                for p in range(fanout):
                    if budget <= 0:
                        break
                    budget -= 1
                    name = f"page{p}"
                    write(
                        f"{section}/c{c}/g{g}/{name}",
                        _prose_page(rng, f"{section.title()} {c}.{g}.{p}: {_sentence(rng, 3)[:-1]}", []),
                    )
                    leaves.append(name)
                write(f"{section}/c{c}/g{g}/index", _prose_page(rng, f"{section.title()} group {c}.{g}", leaves))
                groups.append(f"g{g}/index")
            write(f"{section}/c{c}/index", _prose_page(rng, f"{section.title()} chapter {c}", groups))
            chapters.append(f"c{c}/index")
        write(f"{section}/index", _prose_page(rng, section.title(), chapters))

    api_children = []
    for i in range(api_pages):
        (dest / "_code" / "benchapi" / f"mod{i:04d}.py").write_text(_api_module(rng, i), encoding="utf-8")
        write(f"api/mod{i:04d}", _api_page(i))
        api_children.append(f"mod{i:04d}")
    write(
        "api/index",
        _heading("API reference", "=")
        + "\n"
        + _paragraph(rng)
        + "\n\n.. toctree::\n   :maxdepth: 1\n\n"
        + "".join(f"   {c}\n" for c in api_children),
    )

    write(
        "index",
        _heading("Benchmark documentation", "=")
        + "\n"
        + _paragraph(rng)
        + "\n\n.. toctree::\n   :maxdepth: 2\n\n"
        + "".join(f"   {s}/index\n" for s in ("guide", *SECTIONS, "api")),
    )
    return {
        "pages": len(written),
        "api_pages": api_pages,
        "signatures": api_pages * 20,
        "leaf": "guide/basics/install/leaf",
        "api_page": "api/mod0000",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", type=int)
    parser.add_argument("dest", type=Path)
    args = parser.parse_args()
    print(generate(args.pages, args.dest))


if __name__ == "__main__":
    main()

"""Byte budgets and loading rules (issue #7).

Timings and Lighthouse scores are the benchmark's job (scripts/benchmark); these
tests hold the sizes and the loading behaviour that make those figures:

* the theme's own CSS + JS: at most 12 KiB gzipped together;
* web fonts: at most 80 KiB of woff2 in all, only faces the stylesheet uses are
  declared, the faces a page's article uses are preloaded with ``font="roboto"``
  and nothing font related is requested with ``font="system"``;
* the page frame (the left sidebar above all) does not grow with pages in
  unrelated sections;
* no render-blocking script in ``<head>`` but the inline mode script: Sphinx's
  and extensions' scripts are deferred, in order, unless an inline script that
  runs earlier may need them.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from docutils import frontend
from docutils.core import publish_doctree
from docutils.parsers.rst import Parser as RstParser
from docutils.utils import new_document
from sphinx import addnodes

from piccolo_theme import fonts
from pt_paths import CSS, FONTS

CSS_JS_BUDGET = 12 * 1024
WOFF2_BUDGET = 80 * 1024
SPHINX_SCRIPTS = ("documentation_options.js", "doctools.js", "sphinx_highlight.js")


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def font_faces(css: str) -> list[dict[str, str]]:
    faces = []
    for block in re.findall(r"@font-face\s*\{([^}]*)\}", css):
        props = dict((k.strip(), v.strip()) for k, v in (p.split(":", 1) for p in block.split(";") if ":" in p))
        props["file"] = re.search(r'url\("?([^")]+)"?\)', props["src"]).group(1)
        faces.append(props)
    return faces


def head_scripts(soup: BeautifulSoup) -> list:
    return soup.head.find_all("script")


def src_name(tag) -> str:
    return tag["src"].split("?")[0].rsplit("/", 1)[-1]


# -- bytes -------------------------------------------------------------------------


def test_theme_css_and_js_within_12_kib_gzipped(build):
    site = build("budget-site")
    static = site.outdir / "_static"
    # Everything the theme itself adds to a page's downloads; Sphinx's basic.css,
    # pygments.css and scripts are counted by the benchmark, not here.
    ours = ["piccolo_theme.css", "piccolo_theme.js"]
    sizes = {name: gzipped((static / name).read_bytes()) for name in ours}
    soup = site.soup("index")
    inline = "".join(t.decode_contents() for t in soup.head.find_all(["script", "style"]) if not t.get("src"))
    sizes["inline <head> script and style"] = gzipped(inline.encode())
    total = sum(sizes.values())
    assert total <= CSS_JS_BUDGET, f"theme CSS+JS is {total} bytes gzipped ({sizes}); budget {CSS_JS_BUDGET}"


def test_woff2_files_within_80_kib():
    files = sorted(FONTS.glob("*.woff2"))
    total = sum(f.stat().st_size for f in files)
    assert files
    assert total <= WOFF2_BUDGET, f"{total} bytes of woff2 ({[f.name for f in files]}); budget {WOFF2_BUDGET}"


def test_every_shipped_face_is_declared_and_used():
    css = CSS.read_text(encoding="utf-8")
    faces = font_faces(css)
    declared = {f["file"].rsplit("/", 1)[-1] for f in faces}
    shipped = {f.name for f in FONTS.glob("*.woff2")}
    assert declared == shipped, "a shipped font that no @font-face names, or one that is missing"
    # The rest of the stylesheet, where the faces get used.
    rules = re.sub(r"@font-face\s*\{[^}]*\}", "", css)
    for face in faces:
        family = face["font-family"].strip("\"'")
        assert re.search(rf"[\"']?{re.escape(family)}[\"']?\s*(,|;|\}})", rules), f"{family} is never used"
        assert "unicode-range" in face and face.get("font-display") == "swap"
        if face["font-weight"] not in ("400", "normal"):
            assert re.search(rf"font-weight:\s*({face['font-weight']}|bold)", rules)
        if face["font-style"] == "italic":
            assert re.search(r"font-style:\s*italic|\bem\b|\bi\b", rules)


# -- what a page asks for ---------------------------------------------------------


def _preloaded(soup) -> list[str]:
    return [p["href"].rsplit("/", 1)[-1] for p in soup.find_all("link", rel="preload")]


def test_roboto_preloads_the_faces_the_article_uses(build):
    site = build("budget-site")
    # Prose with bold: the body and heading faces, not italic or monospaced.
    soup = site.soup("index")
    assert _preloaded(soup) == ["roboto-latin-400-normal.woff2", "roboto-latin-700-normal.woff2"]
    for preload in soup.find_all("link", rel="preload"):
        assert preload["as"] == "font" and preload["type"] == "font/woff2" and preload.has_attr("crossorigin")
        assert (site.outdir / preload["href"]).is_file()
    # Emphasis and inline code: all four.
    assert sorted(_preloaded(site.soup("code"))) == sorted(
        [
            "roboto-latin-400-normal.woff2",
            "roboto-latin-700-normal.woff2",
            "roboto-latin-400-italic.woff2",
            "roboto-mono-latin-400-normal.woff2",
        ]
    )
    # Each preloaded file is the face the stylesheet declares under that name.
    css = (site.outdir / "_static" / "piccolo_theme.css").read_text(encoding="utf-8")
    declared = {f["file"].rsplit("/", 1)[-1]: (f["font-weight"], f["font-style"]) for f in font_faces(css)}
    assert declared["roboto-latin-400-normal.woff2"] == ("400", "normal")
    assert declared["roboto-latin-700-normal.woff2"] == ("700", "normal")
    assert declared["roboto-latin-400-italic.woff2"] == ("400", "italic")


def test_italic_in_monospace_does_not_preload_the_italic_face(build):
    # A parsed literal's emphasis and a signature's parameters are not sans italic.
    site = build("budget-site")
    preloads = _preloaded(site.soup("mono-italic"))
    assert "roboto-mono-latin-400-normal.woff2" in preloads
    assert "roboto-latin-400-italic.woff2" not in preloads


def _signature_doctree():
    # ``async f(x)``: an annotation and a parameter, both written in <em> by some
    # Sphinx versions, neither sans italic.
    document = new_document("page", frontend.get_default_settings(RstParser))
    signature = addnodes.desc_signature()
    signature += addnodes.desc_annotation("async ", "async ")
    signature += addnodes.desc_name("f", "f")
    params = addnodes.desc_parameterlist()
    params += addnodes.desc_parameter("x", "x")
    signature += params
    document += signature
    return document


@pytest.mark.parametrize(
    ("source", "italic"),
    [
        (".. parsed-literal::\n\n   a *x*\n\nb\n\n.. parsed-literal::\n   :class: c\n\n   d *y*\n", False),
        (".. parsed-literal::\n\n   a *x*\n\nb\n\n.. parsed-literal::\n\n   *y*\n\n*prose*\n", True),
        ("*before*\n\n.. parsed-literal::\n\n   a *x*\n", True),
        (None, False),
    ],
)
def test_italic_face_judged_outside_preformatted_blocks(source, italic):
    doctree = _signature_doctree() if source is None else publish_doctree(source)
    assert (fonts.ITALIC in fonts.preloads(doctree)) is italic


def test_system_font_option_asks_for_no_font(build):
    site = build("budget-site", confoverrides={"html_theme_options": {"font": "system"}})
    for page in ("index", "code"):
        html = site.html(page)
        soup = BeautifulSoup(html, "html.parser")
        assert soup.html.get("data-font") == "system"
        assert not soup.find_all("link", rel="preload")
        assert ".woff2" not in html and "fonts.googleapis" not in html


def test_no_render_blocking_script_in_head(build):
    site = build("budget-site")
    for page in ("index", "code", "genindex"):
        soup = site.soup(page)
        blocking = [t for t in head_scripts(soup) if t.get("src") and not (t.has_attr("defer") or t.has_attr("async"))]
        assert blocking == [], f"{page}: render-blocking {[t['src'] for t in blocking]}"
        inline = [t for t in head_scripts(soup) if not t.get("src")]
        # The one inline script is the colour-mode one, which must run before the first paint.
        assert len(inline) == 1 and "piccolo-mode" in inline[0].string and len(inline[0].string) < 400
        deferred = [src_name(t) for t in head_scripts(soup) if t.get("src")]
        assert deferred[:3] == list(SPHINX_SCRIPTS), "Sphinx's scripts keep their order"


def test_sphinx_scripts_stay_classic_where_a_script_needs_them_early(build):
    site = build("budget-site")
    # A page whose own inline script (raw HTML) may use DOCUMENTATION_OPTIONS.
    raw = site.soup("raw-script")
    # The search page: basic's search.html appends classic searchtools.js, which
    # calls doctools.js at once.
    search = site.soup("search")
    for soup in (raw, search):
        sphinx = [t for t in head_scripts(soup) if t.get("src") and src_name(t) in SPHINX_SCRIPTS]
        assert len(sphinx) == 3
        assert not any(t.has_attr("defer") for t in sphinx)


def test_classic_extension_scripts_are_deferred_with_sphinx_in_order(build):
    # Like sphinx-copybutton: a classic file that reads DOCUMENTATION_OPTIONS as it
    # loads. Deferred together, the scripts still run in document order.
    site = build("budget-classic-script")
    soup = site.soup("index")
    files = [t for t in head_scripts(soup) if t.get("src")]
    assert all(t.has_attr("defer") for t in files), [t["src"] for t in files]
    names = [src_name(t) for t in files]
    assert names.index("documentation_options.js") < names.index("needs-options.js")


def test_an_inline_extension_script_keeps_every_script_classic(build):
    # It runs where it stands, so what it uses must already have run.
    site = build("budget-inline-script")
    soup = site.soup("index")
    sphinx = [t for t in head_scripts(soup) if t.get("src") and src_name(t) in SPHINX_SCRIPTS]
    assert len(sphinx) == 3
    assert not any(t.has_attr("defer") or t.has_attr("async") for t in sphinx)


def test_deferred_and_data_scripts_of_extensions_allow_deferring(build):
    site = build("budget-deferred-script")
    soup = site.soup("index")
    by_name = {src_name(t): t for t in head_scripts(soup) if t.get("src")}
    assert all(by_name[name].has_attr("defer") for name in SPHINX_SCRIPTS)
    names = list(by_name)
    assert names.index("doctools.js") < names.index("later.js"), "deferred scripts run in document order"


# -- the frame does not grow with the site -------------------------------------------


def _write_site(src: Path, unrelated_pages: int) -> None:
    """A fixed ``guide`` section (the measured leaf is in it) beside three
    sections sharing ``unrelated_pages`` pages, nested three levels deep."""
    src.mkdir(parents=True)
    (src / "conf.py").write_text('project = "Growth"\nhtml_theme = "piccolo_theme"\n', encoding="utf-8")

    def page(name: str, title: str, children: list[str] = ()) -> None:
        path = src / f"{name}.rst"
        path.parent.mkdir(parents=True, exist_ok=True)
        toctree = ".. toctree::\n\n" + "".join(f"   {c}\n" for c in children) if children else ""
        path.write_text(f"{title}\n{'=' * len(title)}\n\nSome prose about {title}.\n\n{toctree}", encoding="utf-8")

    page("guide/index", "Guide", ["basics/index", "more"])
    page("guide/more", "More")
    page("guide/basics/index", "Basics", ["leaf", "other"])
    page("guide/basics/leaf", "The leaf")
    page("guide/basics/other", "Other")
    sections = ["alpha", "beta", "gamma"]
    per_section = max(1, unrelated_pages // len(sections))
    fanout = max(1, round(per_section**0.5))
    for section in sections:
        chapters = []
        made = 0
        c = 0
        while made < per_section:
            leaves = [f"p{i}" for i in range(min(fanout, per_section - made))]
            for leaf in leaves:
                page(f"{section}/c{c}/{leaf}", f"{section} {c} {leaf}")
            made += len(leaves)
            page(f"{section}/c{c}/index", f"{section} chapter {c}", leaves)
            chapters.append(f"c{c}/index")
            c += 1
        page(f"{section}/index", section.title(), chapters)
    page("index", "Growth", ["guide/index"] + [f"{s}/index" for s in sections])


@pytest.mark.slow
def test_leaf_page_frame_does_not_grow_with_unrelated_sections(build, tmp_path):
    leaves = {}
    for pages in (20, 400):
        src = tmp_path / f"site-{pages}"
        _write_site(src, pages)
        html = build(src).html("guide/basics/leaf")
        leaves[pages] = html
    small, large = leaves[20], leaves[400]
    nav = [str(BeautifulSoup(h, "html.parser").select_one("nav.pt-sidebar--left")) for h in (small, large)]
    assert nav[0] == nav[1], "the left sidebar of a page changed with pages in other sections"
    assert len(large.encode()) <= 1.02 * len(small.encode()), (len(small), len(large))


def test_the_banner_script_loads_only_on_sites_with_a_banner(build):
    def scripts(site) -> list[str]:
        return [src_name(t) for t in head_scripts(site.soup("index")) if t.get("src")]

    without = build("budget-site")
    assert "piccolo_theme_banner.js" not in scripts(without)
    with_banner = build(
        "budget-site", confoverrides={"html_theme_options": {"banner_text": "News."}}, name="with-banner"
    )
    tags = [t for t in head_scripts(with_banner.soup("index")) if t.get("src")]
    tag = next(t for t in tags if src_name(t) == "piccolo_theme_banner.js")
    assert tag.has_attr("defer")
    # Before the main script, which reads the sidebar's height the banner sets.
    assert scripts(with_banner).index("piccolo_theme_banner.js") < scripts(with_banner).index("piccolo_theme.js")

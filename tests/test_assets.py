"""The shipped stylesheet, script and fonts."""

from __future__ import annotations

import re
import sys

import pytest

from pt_paths import CSS, FONTS, JS, SASS, SCRIPTS

sys.path.insert(0, str(SCRIPTS))

import compile_sass  # noqa: E402


def test_committed_css_is_a_fresh_compile_of_the_scss():
    # The Sphinx-version venvs run this suite without the SCSS compiler; the
    # main venv (requirements/test.txt) always has it.
    if not hasattr(pytest.importorskip("sass"), "compile"):
        pytest.skip("libsass is not installed")
    assert compile_sass.TARGET.read_text(encoding="utf-8") == compile_sass.compile_css(), (
        "piccolo_theme/static/piccolo_theme.css is stale: run scripts/compile-sass"
    )
    notebooks = compile_sass.compile_css(source=compile_sass.NOTEBOOKS_SOURCE)
    assert compile_sass.NOTEBOOKS_TARGET.read_text(encoding="utf-8") == notebooks, (
        "piccolo_theme/static/piccolo_theme_notebooks.css is stale: run scripts/compile-sass"
    )


def test_css_is_minified_and_uses_no_remote_urls():
    css = CSS.read_text()
    assert css.count("\n") <= 2
    urls = re.findall(r"url\(([^)]+)\)", css)
    assert urls, "expected the @font-face urls"
    for url in urls:
        assert "//" not in url and "?" not in url, url


def test_colours_are_custom_properties():
    # Outside the mode palettes (and the generated Pygments colours), rules
    # refer to colours through var(--pt-...).
    partials = [p for p in SASS.glob("_*.scss") if p.name not in ("_modes.scss", "_code-dark.scss")]
    assert len(partials) > 10
    for partial in partials:
        literal = re.findall(r"(?<![\w-])#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?)\(", partial.read_text())
        assert literal == [], partial.name


def test_fonts_swap_and_are_latin_subsets_with_licence():
    css = CSS.read_text()
    faces = re.findall(r"@font-face\{[^}]+\}", css)
    assert len(faces) == 4
    for face in faces:
        assert "font-display:swap" in face
        assert "unicode-range" in face
    for name in re.findall(r"fonts/([\w-]+\.woff2)", css):
        assert (FONTS / name).exists()
    licence = (FONTS / "OFL.txt").read_text()
    assert "SIL Open Font License" in licence and "Roboto Mono" in licence


def test_print_styles_hide_the_chrome():
    css = CSS.read_text()
    # The first rules of each @media print block (other partials print-tune their own parts).
    print_rules = [rule for part in css.split("@media print{")[1:] for rule in part.split("}")[:3]]
    for selector in (".pt-header", ".pt-banner", ".pt-sidebar", ".pt-prev-next", ".pt-back-to-top"):
        assert any(selector in rule and "display:none" in rule for rule in print_rules), selector


def test_script_is_vanilla_and_quiet():
    js = JS.read_text()
    assert "console." not in js
    assert "http://" not in js and "https://" not in js
    assert "import " not in js and "require(" not in js


def test_pages_load_nothing_from_other_hosts(build):
    site = build("basic", confoverrides={"html_theme_options": {"source_url": "https://github.com/x/y"}})
    soup = site.soup()
    for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
        for element in soup.find_all(tag):
            url = element.get(attr)
            if not url or (tag == "link" and element.get("rel") in (["canonical"],)):
                continue
            assert "://" not in url, url
    # Our own assets carry no query string of ours (Sphinx adds ?v= itself).
    for link in soup.find_all(["link", "script"]):
        url = link.get("href") or link.get("src") or ""
        if "piccolo" in url and "?" in url:
            assert re.fullmatch(r"[^?]+\?v=[0-9a-f]{8}", url), url

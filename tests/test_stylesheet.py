"""The stylesheet and script read their facts from one owner, and the dark code
colours stay in the dark modes.

* ``sass/_facts.scss`` and ``sass/_code-dark.scss`` are generated, fresh, and
  the only place the facts are written in SCSS; the compiled CSS carries them.
* The script's one copy of the facts matches ``piccolo_theme/facts.py``.
* ``when-dark`` in ``_modes.scss`` is the one dark-mode selector, and every rule
  of the dark code colours sits inside it.
* On a real page, no rule of the dark code colours reaches a code block in a
  light mode (or with ``dark_mode_code_blocks`` off); in the dark ones they do.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import soupsieve
from bs4 import BeautifulSoup, Tag

from piccolo_theme import facts, highlighting
from pt_paths import CSS, JS, SASS, SCRIPTS

sys.path.insert(0, str(SCRIPTS))

import compile_sass  # noqa: E402

DARK_CODE_OFF = '[{}="{}"]'.format(*facts.DARK_CODE_OFF)
PREFERS_DARK = "screen and (prefers-color-scheme: dark)"


def _needs_libsass() -> None:
    # As in test_assets: the Sphinx-version venvs have no SCSS compiler.
    if not hasattr(pytest.importorskip("sass"), "compile"):
        pytest.skip("libsass is not installed")


# -- a reader for the compressed stylesheet ---------------------------------------


@dataclass(frozen=True)
class Rule:
    media: tuple[str, ...]  # the @media conditions it sits in, outermost first
    selectors: tuple[str, ...]
    declarations: tuple[tuple[str, str], ...]


def _split(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator`` outside strings, brackets and parentheses."""
    parts, depth, quote, start = [], 0, "", 0
    for i, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    return [*parts, text[start:]]


def _block_end(css: str, start: int) -> int:
    """The index of the brace closing the block opened at ``start``."""
    depth, quote = 0, ""
    for i in range(start, len(css)):
        char = css[i]
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return i
    raise ValueError("unbalanced braces")


def parse_css(css: str, media: tuple[str, ...] = ()) -> list[Rule]:
    rules: list[Rule] = []
    position = 0
    while css[position:].strip():
        brace = css.index("{", position)
        head = css[position:brace].strip()
        end = _block_end(css, brace)
        body = css[brace + 1 : end]
        if head.startswith("@media"):
            rules += parse_css(body, (*media, head.removeprefix("@media").strip()))
        else:
            declarations = tuple(
                (name.strip(), value.strip())
                for name, value in (d.split(":", 1) for d in _split(body, ";") if d.strip())
            )
            rules.append(Rule(media, tuple(s.strip() for s in _split(head, ",")), declarations))
        position = end + 1
    return rules


def test_the_css_reader_reads_media_selectors_and_declarations():
    rules = parse_css('a,b:not([x="1,2"]){color:red;content:"a;b"}@media screen{c{--v:1}}')
    assert rules == [
        Rule((), ("a", 'b:not([x="1,2"])'), (("color", "red"), ("content", '"a;b"'))),
        Rule(("screen",), ("c",), (("--v", "1"),)),
    ]


# -- one owner per fact -----------------------------------------------------------


def test_generated_partials_are_fresh():
    for name, text in compile_sass.generated().items():
        assert compile_sass.partial(name).read_text(encoding="utf-8") == text, (
            f"sass/_{name}.scss is stale: run scripts/compile-sass"
        )


def test_facts_are_written_in_scss_only_by_the_generated_partial():
    defined = re.compile(
        r"^\$(modes|dark-modes|narrow|wide|content-width|sidebar-width|header-height)\s*:", re.MULTILINE
    )
    owners = {p.name for p in SASS.glob("*.scss") if defined.search(p.read_text())}
    assert owners == {"_facts.scss"}
    modes = ", ".join(facts.MODES)
    assert [p.name for p in SASS.glob("*.scss") if modes in p.read_text()] == ["_facts.scss"]


def test_compiled_css_carries_the_facts():
    css = CSS.read_text()
    for prop, rem in (
        ("--pt-header-height", facts.HEADER_HEIGHT_REM),
        ("--pt-content-width", facts.CONTENT_WIDTH_REM),
        ("--pt-sidebar-width", facts.SIDEBAR_WIDTH_REM),
    ):
        assert re.search(rf"{prop}: ?{rem:g}rem[;}}]", css), prop
    for breakpoint in (facts.NARROW_REM, facts.WIDE_REM):
        assert f"@media (max-width: {breakpoint - 0.01:g}rem)" in css
    for mode in facts.MODES:
        assert f':root[data-mode="{mode}"] .pt-mode-toggle [data-mode-icon="{mode}"]' in css


#: The theme's scripts that keep a copy of facts: the main one and the banner's.
SCRIPTS = (JS, JS.with_name("piccolo_theme_banner.js"))


def _js_facts() -> dict[str, object]:
    """The scripts' marked copies of the facts: ``var NAME = <JSON>;`` lines."""
    found: dict[str, object] = {}
    for script in SCRIPTS:
        block = script.read_text().split("A copy of piccolo_theme/facts.py", 1)[1].split("\n\n", 1)[0]
        for name, value in re.findall(r"^\s*var (\w+) = (.+?);(?: /\*.*\*/)?$", block, re.MULTILINE):
            assert name not in found, name
            found[name] = json.loads(value)
    return found


def test_the_script_copy_of_the_facts_matches_facts_py():
    assert _js_facts() == {
        "MODES": list(facts.MODES),
        "MODE_KEY": facts.MODE_STORAGE_KEY,
        "BANNER_KEY": facts.BANNER_STORAGE_KEY,
        "SIDEBAR_KEY": facts.SIDEBAR_STORAGE_KEY,
        "SIDEBAR_ATTRIBUTE": facts.SIDEBAR_ATTRIBUTE,
        "SIDEBAR_STATES": list(facts.SIDEBAR_STATES),
        # Below the breakpoint exactly as the stylesheet's `below` mixin says it.
        "NARROW": f"(max-width: {facts.NARROW_REM - 0.01:g}rem)",
    }
    assert f"@media {_js_facts()['NARROW']}" in CSS.read_text()


def test_the_script_writes_each_fact_once():
    js = "".join(script.read_text() for script in SCRIPTS)
    for value in (
        facts.MODE_STORAGE_KEY,
        facts.BANNER_STORAGE_KEY,
        facts.SIDEBAR_STORAGE_KEY,
        facts.SIDEBAR_ATTRIBUTE,
        _js_facts()["NARROW"],
        *facts.MODES,
    ):
        assert js.count(f'"{value}"') == 1, value


# -- the dark-mode selector -------------------------------------------------------


def test_when_dark_is_the_one_dark_mode_selector():
    # Outside _modes.scss no partial names a dark mode or the system's scheme.
    named = re.compile(r"prefers-color-scheme|data-mode=\"?(?:{})\b".format("|".join(facts.DARK_MODES)))
    users = {p.name for p in SASS.glob("*.scss") if named.search(p.read_text())}
    assert users == {"_modes.scss"}
    assert "@include when-dark(" in (SASS / "_code-dark.scss").read_text()
    assert not named.search(Path(highlighting.__file__).read_text())


def _dark_code_rules() -> list[Rule]:
    """The rules the generated dark code colours add to the stylesheet."""
    _needs_libsass()
    partials = compile_sass.generated()
    without = set(parse_css(compile_sass.compile_css({**partials, "code-dark": ""})))
    return [rule for rule in parse_css(compile_sass.compile_css(partials)) if rule not in without]


def test_every_dark_code_rule_is_scoped_to_the_dark_modes():
    rules = _dark_code_rules()
    assert len(rules) > 50  # the block colours and the token colours
    chosen = tuple(f':root[data-mode="{mode}"]:not({DARK_CODE_OFF})' for mode in facts.DARK_MODES)
    auto = f':root[data-mode="auto"]:not({DARK_CODE_OFF})'
    for rule in rules:
        scopes = {("screen",): chosen, (PREFERS_DARK,): (auto,)}.get(rule.media)
        assert scopes, f"{rule} is outside the dark modes' media"
        for selector in rule.selectors:
            root = selector.split(" ", 1)[0]
            assert root in scopes, f"{selector} is not scoped to a dark mode"
    # The parts of Pygments' CSS that are no colours of the palette stay out.
    assert not any("linenos" in s or s.split(" ")[-1] == "pre" for r in rules for s in r.selectors)


def _applies(rule: Rule, os_dark: bool) -> bool:
    """Whether the rule's media holds on a wide screen with that system setting."""
    for condition in rule.media:
        if condition == "print" or "max-width" in condition:
            return False
        if "prefers-color-scheme: dark" in condition and not os_dark:
            return False
    return True


def _pygments_leaks(css: list[Rule], page: BeautifulSoup, os_dark: bool) -> set[str]:
    """The selectors of rules with Pygments' own values (a literal colour or its
    ``pre`` line height) that style an element of a code block on the page."""
    code = [tag for block in page.select("div.highlight") for tag in (block, *block.find_all(True))]
    literal = re.compile(r"#[0-9a-fA-F]{3,8}\b|^125%$")
    found = set()
    for rule in css:
        pygments_values = any(not name.startswith("--") and literal.search(value) for name, value in rule.declarations)
        if not pygments_values or not _applies(rule, os_dark):
            continue
        for selector in rule.selectors:
            if any(soupsieve.match(selector, tag) for tag in code):
                found.add(selector)
    return found


def test_light_modes_get_no_dark_code_colours(build):
    code = """:orphan:

Code
====

.. code-block:: python
   :linenos:
   :emphasize-lines: 2

   import os
   def f(x: int) -> str:  # a comment
       return "text %d" % x

::

   a literal block
"""
    site = build("basic", files={"code.rst": code})
    css = parse_css((site.outdir / "_static" / CSS.name).read_text())
    page = site.soup("code")
    html = page.html
    assert isinstance(html, Tag)
    assert page.select("span.linenos") and page.select(".highlight .k")

    def leaks(mode: str, os_dark: bool, code_off: bool = False) -> set[str]:
        html["data-mode"] = mode
        if code_off:
            html[facts.DARK_CODE_OFF[0]] = facts.DARK_CODE_OFF[1]
        else:
            html.attrs.pop(facts.DARK_CODE_OFF[0], None)
        return _pygments_leaks(css, page, os_dark)

    for os_dark in (False, True):
        assert leaks("light", os_dark) == set(), os_dark
        for mode in facts.MODES:
            assert leaks(mode, os_dark, code_off=True) == set(), (mode, os_dark)
    assert leaks("auto", os_dark=False) == set()
    # The check sees the dark colours where they belong.
    for mode, os_dark in (("dark", False), ("darkest", False), ("auto", True)):
        dark = leaks(mode, os_dark)
        assert any(s.endswith(".highlight .k") for s in dark), mode
        assert any(s.endswith(" .highlight") for s in dark), mode


# -- sizes ------------------------------------------------------------------------


def test_scss_partials_are_small():
    sizes = {p.name: len(p.read_text().splitlines()) for p in SASS.glob("*.scss")}
    assert max(sizes.values()) <= 300, sizes

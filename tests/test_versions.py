"""The Sphinx versions we declare are exactly the ones scripts/test-sphinx-versions
tests, and (run by that script) the demo's HTML has the theme's structure."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from packaging.requirements import Requirement
from packaging.version import Version

from pt_paths import REQUIREMENTS, ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - the matrix runs 3.11+
    tomllib = pytest.importorskip("tomli")

MATRIX = REQUIREMENTS / "sphinx-versions"


def _declared_sphinx() -> Requirement:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for dependency in project["dependencies"]:
        requirement = Requirement(dependency)
        if requirement.name.lower() == "sphinx":
            return requirement
    raise AssertionError("pyproject.toml does not depend on Sphinx")


def _matrix() -> dict[Version, Version]:
    """File minor -> the Sphinx version pinned in that file."""
    found = {}
    for path in MATRIX.glob("sphinx-*.txt"):
        minor = Version(path.stem.removeprefix("sphinx-"))
        pins = re.findall(r"(?im)^sphinx==(\S+)\s*$", path.read_text(encoding="utf-8"))
        assert len(pins) == 1, f"{path.name} must pin Sphinx exactly once"
        found[minor] = Version(pins[0])
    return dict(sorted(found.items()))


def _bounds(requirement: Requirement) -> tuple[Version, Version]:
    lower = [Version(s.version) for s in requirement.specifier if s.operator == ">="]
    upper = [Version(s.version) for s in requirement.specifier if s.operator == "<"]
    assert len(lower) == 1 and len(upper) == 1, (
        f"expected one >= and one < bound on Sphinx, got {requirement.specifier}"
    )
    return lower[0], upper[0]


def test_every_matrix_file_pins_its_own_minor_and_a_python():
    matrix = _matrix()
    assert matrix, "no requirement files under requirements/sphinx-versions/"
    for minor, pinned in matrix.items():
        assert (pinned.major, pinned.minor) == (minor.major, minor.minor)
        text = (MATRIX / f"sphinx-{minor}.txt").read_text(encoding="utf-8")
        assert re.search(r"(?m)^# python: 3\.\d+$", text), f"sphinx-{minor}.txt names no Python"


def test_declared_sphinx_range_is_exactly_the_tested_one():
    requirement = _declared_sphinx()
    lower, upper = _bounds(requirement)
    matrix = _matrix()
    minors = list(matrix)

    outside = [str(v) for v in matrix.values() if v not in requirement.specifier]
    assert not outside, f"tested outside the declared range {requirement.specifier}: {outside}"
    # The range starts at the oldest tested minor ...
    assert (minors[0].major, minors[0].minor) == (lower.major, lower.minor)
    # ... and ends just after the newest tested major: no untested major is claimed.
    assert upper == Version(f"{minors[-1].major + 1}"), (
        f"the range ends at {upper} but the newest tested major is {minors[-1].major}"
    )
    # No minor skipped inside the range: each major's minors run on from .0
    # (or from the lower bound) without gaps, and no major is missing.
    majors = sorted({m.major for m in minors})
    assert majors == list(range(lower.major, upper.major)), f"untested majors in {majors}"
    for major in majors:
        have = [m.minor for m in minors if m.major == major]
        first = lower.minor if major == lower.major else 0
        assert have == list(range(first, first + len(have))), f"a Sphinx {major}.x minor is missing: {have}"


# Needed only by the browser tests, which the matrix does not run.
_NOT_IN_MATRIX = {"playwright"}


def _names(path: Path) -> set[str]:
    names = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-"):
            names.add(Requirement(line).name.lower().replace("_", "-"))
    return names


def test_matrix_files_install_everything_the_demo_and_tests_need():
    needed = (_names(REQUIREMENTS / "demo.txt") | _names(REQUIREMENTS / "test.txt")) - _NOT_IN_MATRIX
    for path in sorted(MATRIX.glob("sphinx-*.txt")):
        missing = needed - _names(path)
        assert not missing, f"{path.name} lacks {sorted(missing)} (added to requirements/demo.txt or test.txt)"


# -- The demo's HTML, checked by scripts/test-sphinx-versions after each build --

DEMO_HTML = os.environ.get("PICCOLO_DEMO_HTML")
_SPECIAL_PAGES = {"genindex.html", "search.html", "py-modindex.html"}


def _pages(out: Path) -> dict[str, BeautifulSoup]:
    pages = {}
    for path in sorted(out.rglob("*.html")):
        rel = path.relative_to(out).as_posix()
        if rel.startswith(("_static/", "_sources/", "_images/")):
            continue
        pages[rel] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return pages


def _local_file(page: Path, href: str) -> Path:
    return (page.parent / href.split("?")[0].split("#")[0]).resolve()


@pytest.mark.skipif(not DEMO_HTML, reason="run by scripts/test-sphinx-versions on a demo build")
def test_demo_html():
    out = Path(DEMO_HTML).resolve()
    pages = _pages(out)
    assert "index.html" in pages
    problems: list[str] = []
    with_signatures = with_page_contents = 0
    for rel, soup in pages.items():
        page = out / rel

        def need(ok: object, what: str, rel: str = rel) -> None:
            if not ok:
                problems.append(f"{rel}: {what}")

        html = soup.find("html")
        need(html and html.get("data-mode") in ("auto", "light", "dark", "darkest"), "data-mode on <html>")
        header = soup.select_one("body > header.pt-header, header.pt-header")
        need(header, "header.pt-header")
        need(header and header.select_one(".pt-brand"), "brand in header")
        search = soup.select_one("header.pt-header search#pt-search form input[name=q]")
        need(search, "search box in the header")
        # Sphinx's own search box (the 7.3 regression) must not leak in.
        need(not soup.select("#searchbox"), "Sphinx's #searchbox is present")
        nav = soup.select_one("nav.pt-sidebar--left .pt-nav")
        need(nav and nav.select("a.pt-nav__link"), "left sidebar navigation")
        need(soup.select_one("main#pt-content .body"), "main content")
        # viewcode's _modules/ pages and the special pages are outside the toctree.
        if rel not in _SPECIAL_PAGES | {"index.html"} and not rel.startswith("_modules/"):
            need(soup.select_one("nav.pt-prev-next a[rel=prev]"), "previous link")
        if soup.select_one("aside.pt-sidebar--right nav.pt-toc a"):
            with_page_contents += 1
        if soup.select_one("dl.py dt.sig .sig-name"):
            with_signatures += 1
        stylesheets = [link["href"] for link in soup.select("link[rel=stylesheet]")]
        theme_css = [h for h in stylesheets if "piccolo_theme.css" in h]
        need(len(theme_css) == 1, "one link to piccolo_theme.css")
        for href in stylesheets + [s["src"] for s in soup.select("script[src]")]:
            if "://" not in href:
                need(_local_file(page, href).is_file(), f"asset {href} exists")
    css = (out / "_static" / "piccolo_theme.css").read_text(encoding="utf-8")
    for selector in (".pt-header", ".pt-search", ".pt-sidebar", ".pt-prev-next", ".pt-toc"):
        if selector not in css:
            problems.append(f"piccolo_theme.css does not style {selector}")
    if not with_signatures:
        problems.append("no page has a Python signature")
    if not with_page_contents:
        problems.append("no page has a right-hand page contents sidebar")
    assert not problems, "\n".join(problems)

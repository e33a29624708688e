"""Every builder and way of building: html, dirhtml, singlehtml, the non-HTML
builders, parallel builds and incremental rebuilds."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

BASEURL = "https://docs.example.org/en/"


def _local_assets_exist(page: Path, soup: BeautifulSoup) -> list[str]:
    missing = []
    # Files the page loads (not <link rel=index/search/next>: those are links).
    refs = [link["href"] for link in soup.select("link[rel~=stylesheet], link[rel~=icon], link[rel~=preload]")]
    refs += [tag["src"] for tag in soup.select("script[src], img[src]")]
    for ref in refs:
        if "://" in ref or ref.startswith(("data:", "#")):
            continue
        if not (page.parent / ref.split("?")[0].split("#")[0]).exists():
            missing.append(ref)
    return missing


def _check_page_shell(soup: BeautifulSoup) -> None:
    assert soup.select_one("header.pt-header .pt-brand")
    assert soup.select_one("nav.pt-sidebar--left .pt-nav a.pt-nav__link")
    assert soup.select_one("main#pt-content .body h1")


# -- html and dirhtml: one file per page -----------------------------------------

PAGES = {
    # page: (html path, dirhtml path, prev title, next title)
    "index": ("index.html", "index.html", None, "Chapter one"),
    "chapter1": ("chapter1.html", "chapter1/index.html", "Site Fixture", "Chapter two"),
    "chapter2/index": ("chapter2/index.html", "chapter2/index.html", "Chapter one", "Sub page"),
    "chapter2/sub": ("chapter2/sub.html", "chapter2/sub/index.html", "Chapter two", None),
}


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
def test_multi_page_builders(build, buildername):
    site = build("site", buildername=buildername)
    column = 0 if buildername == "html" else 1
    for docname, row in PAGES.items():
        path = site.path(row[column])
        soup = site.soup(row[column])
        _check_page_shell(soup)

        # Every link in the navigation resolves to a built page.
        for link in soup.select(".pt-nav a.pt-nav__link"):
            if link["href"] in ("", "#"):  # both mean "this page"
                assert link.get("aria-current") == "page"
                continue
            target = (path.parent / link["href"].split("#")[0]).resolve()
            if buildername == "dirhtml" and (target.is_dir() or not target.suffix):
                target = target / "index.html"
            assert target.is_file(), (docname, link["href"])
        current = [a.get_text() for a in soup.select(".pt-nav [aria-current=page]")]
        # The root page is the top of the tree, not an entry in it.
        assert current == ([] if docname == "index" else [soup.select_one("h1").get_text().rstrip("¶")])

        prev, next_ = row[2], row[3]
        for rel, title in (("prev", prev), ("next", next_)):
            link = soup.select_one(f"nav.pt-prev-next a[rel={rel}]")
            if title is None:
                assert link is None
                continue
            assert link.select_one(".pt-prev-next__title").get_text() == title
            target = (path.parent / link["href"]).resolve()
            assert (target / "index.html" if target.is_dir() else target).is_file()

        # Search: the form goes to the search page, which exists.
        form = soup.select_one("header search#pt-search form")
        action = (path.parent / form["action"]).resolve()
        assert (action / "index.html" if action.is_dir() else action).is_file(), form["action"]

        # Canonical link from html_baseurl, in the builder's own URL style.
        canonical = soup.select_one("link[rel=canonical]")["href"]
        if buildername == "html":
            assert canonical == BASEURL + docname + ".html"
        else:
            expected = BASEURL + ("" if docname == "index" else docname.removesuffix("/index") + "/")
            # Sphinx 7.4 and 8.0 would say "chapter1.html" (no such file): see compat.py.
            assert canonical == expected

        # Assets are relative to the page and exist.
        assert not _local_assets_exist(path, soup), docname
        depth = row[column].count("/")
        theme_css = soup.select_one("link[href*='piccolo_theme.css']")["href"]
        assert theme_css.startswith("../" * depth + "_static/piccolo_theme.css")
        logo = soup.select_one(".pt-brand img")["src"]
        assert logo == "../" * depth + "_static/logo.svg"
        assert soup.select_one("link[rel=icon]")["href"] == "../" * depth + "_static/favicon.svg"


def test_singlehtml(build):
    site = build("site", buildername="singlehtml")
    soup = site.soup("index")
    _check_page_shell(soup)
    # One page: the navigation jumps within it, and every target is on it.
    ids = {tag["id"] for tag in soup.select("[id]")}
    links = soup.select(".pt-nav a.pt-nav__link")
    assert len(links) >= 2
    for link in links:
        href = link["href"]
        assert href.startswith(("#", "index.html#")), href
        assert href.split("#", 1)[1] in ids, href
    # No search page in a single-page build: no search box either.
    assert soup.select_one("search, #pt-search, .pt-search-toggle") is None
    assert soup.select_one("nav.pt-prev-next") is None
    assert not _local_assets_exist(site.outdir / "index.html", soup)
    # Sphinx's own page URL for the single page is the root plus a fragment.
    assert soup.select_one("link[rel=canonical]")["href"].split("#")[0] in (BASEURL, BASEURL + "index.html")
    text = soup.select_one("main").get_text()
    for title in ("Chapter one", "Chapter two", "Sub page"):
        assert title in text


@pytest.mark.parametrize("buildername", ["epub", "latex", "text", "gettext", "man", "texinfo"])
@pytest.mark.parametrize("as_extension", [False, True], ids=["html_theme", "extension"])
def test_other_builders_still_work(build, buildername, as_extension):
    conf = {"version": "1.0", "copyright": "2026, Somebody"}
    if as_extension:
        conf["extensions"] = ["piccolo_theme"]
    site = build("site", buildername=buildername, confoverrides=conf)
    produced = [p for p in site.outdir.rglob("*") if p.is_file()]
    assert produced
    if buildername == "text":
        assert "Chapter one" in (site.outdir / "chapter1.txt").read_text(encoding="utf-8")


# -- parallel builds ---------------------------------------------------------------


def _html_files(outdir: Path) -> dict[str, str]:
    files = {}
    for path in sorted(outdir.rglob("*.html")):
        files[path.relative_to(outdir).as_posix()] = path.read_text(encoding="utf-8")
    return files


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
def test_parallel_build_gives_the_same_html(build, buildername):
    outputs = []
    for jobs in (1, 2):
        # No "is not safe for parallel reading" or any other warning: the factory checks.
        site = build("parallel", buildername=buildername, parallel=jobs, name=f"src-{jobs}")
        outputs.append(_html_files(site.outdir))
    serial, parallel = outputs
    assert len(serial) >= 13
    assert serial.keys() == parallel.keys()
    for name in serial:
        assert serial[name] == parallel[name], f"{name} differs between -j 1 and -j 2"
    # Section numbers (assigned after a parallel read) reached the pages.
    page = "page03.html" if buildername == "html" else "page03/index.html"
    assert "3.1. Section 03.1" in BeautifulSoup(parallel[page], "html.parser").select_one("nav.pt-toc").get_text()


# -- incremental rebuilds ------------------------------------------------------------


def test_incremental_rebuild_matches_a_clean_build(build, tmp_path):
    site = build("site")
    srcdir = site.srcdir
    before = {p: p.stat().st_mtime_ns for p in site.outdir.rglob("*.html")}

    page = srcdir / "chapter1.rst"
    page.write_text(
        page.read_text(encoding="utf-8").replace("Chapter one\n===========", "Chapter uno\n==========="),
        encoding="utf-8",
    )
    page.write_text(page.read_text(encoding="utf-8") + "\nThird part\n----------\n\nNew.\n", encoding="utf-8")
    again = build("site")  # same source and output folders: an incremental build
    rewritten = {p for p in again.outdir.rglob("*.html") if p.stat().st_mtime_ns != before.get(p)}
    assert again.outdir / "chapter1.html" in rewritten

    clean_src = tmp_path / "clean"
    shutil.copytree(srcdir, clean_src, ignore=shutil.ignore_patterns("_build"))
    clean_out = build(clean_src).outdir
    for path in rewritten:
        rel = path.relative_to(again.outdir)
        assert path.read_text(encoding="utf-8") == (clean_out / rel).read_text(encoding="utf-8"), (
            f"{rel} after an incremental build differs from a clean build"
        )
    # The edited page itself: new title in its own navigation and contents.
    soup = again.soup("chapter1")
    assert soup.select_one(".pt-nav [aria-current=page]").get_text() == "Chapter uno"
    assert "Third part" in soup.select_one("nav.pt-toc").get_text()
    # And the neighbour that links to it in prev/next, if Sphinx rewrote it.
    neighbour = again.outdir / "chapter2" / "index.html"
    if neighbour in rewritten:
        assert again.soup("chapter2/index").select_one("a[rel=prev] .pt-prev-next__title").get_text() == "Chapter uno"


def test_canonical_urls_absent_without_baseurl(build):
    site = build("site", confoverrides={"html_baseurl": ""})
    assert site.soup("index").select_one("link[rel=canonical]") is None
    assert re.search(r"docs\.example\.org", site.html("chapter1")) is None

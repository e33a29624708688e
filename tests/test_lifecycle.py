"""Deprecated objects: a badge in the signature and in the page contents
(piccolo_theme/lifecycle.py), on tests/roots/test-parameter-links/lifecycle.rst."""

from __future__ import annotations

import re

import pytest
import sphinx

ROOT = "parameter-links"
PAGE = "lifecycle"

pytestmark = pytest.mark.filterwarnings("ignore:The mapping interface for autodoc options")


@pytest.fixture(scope="module")
def site(build_once):
    return build_once(ROOT)


def signatures(soup) -> dict[str, object]:
    return {dt["id"]: dt for dt in soup.select("dt.sig[id]")}


def test_deprecated_objects_have_a_badge_before_their_name(site):
    found = signatures(site.soup(PAGE))
    for sig_id in ("retired", "Container.old_method", "c.old_c"):
        dt = found[sig_id]
        badges = dt.select(".pt-badge")
        assert [b.get_text() for b in badges] == ["Deprecated"], sig_id
        # Before the name, on the name's line.
        assert badges[0].find_next_sibling(class_="sig-name") is not None, sig_id
    for sig_id in ("current", "Container", "Container.new_method"):
        assert found[sig_id].select(".pt-badge") == [], sig_id


def test_a_page_level_deprecation_marks_no_object(site):
    soup = site.soup(PAGE)
    assert len(soup.select(".body .pt-badge")) == 3


def test_badge_is_not_part_of_the_signature_text(site, build_once):
    basic = signatures(build_once(ROOT, confoverrides={"html_theme": "basic"}).soup(PAGE))
    for sig_id, dt in signatures(site.soup(PAGE)).items():
        for badge in dt.select(".pt-badge"):
            badge.decompose()
        assert re.sub(r"\s+", "", dt.get_text()) == re.sub(r"\s+", "", basic[sig_id].get_text())
    # The text builder never sees it.
    text = build_once(ROOT, buildername="text").outdir / f"{PAGE}.txt"
    assert "retired(x)" in text.read_text(encoding="utf-8")
    assert "Deprecated retired" not in text.read_text(encoding="utf-8")


# Sphinx lists C objects in a page's table of contents from 9.0 on.
C_OBJECTS_IN_CONTENTS = sphinx.version_info >= (9, 0)


def test_page_contents_mark_deprecated_entries_in_words(site):
    toc = site.soup(PAGE).select_one("nav.pt-toc")
    entries = {a.code.get_text(): a for a in toc.select("a") if a.code}
    assert entries["retired()"].select_one(".pt-badge").get_text() == "Deprecated"
    assert entries["Container.old_method()"].select_one(".pt-badge").get_text() == "Deprecated"
    if C_OBJECTS_IN_CONTENTS:
        assert entries["old_c()"].select_one(".pt-badge") is not None
    else:
        assert "old_c()" not in entries
    for name in ("current()", "Container", "Container.new_method()"):
        assert entries[name].select_one(".pt-badge") is None, name
    # The accessible name says it.
    assert entries["retired()"].get_text(" ", strip=True) == "retired() Deprecated"


def test_badge_is_translated(build):
    soup = build(ROOT, confoverrides={"language": "fr"}).soup(PAGE)
    assert {b.get_text() for b in soup.select(".pt-badge")} == {"Obsolète"}
    assert soup.select_one("nav.pt-toc .pt-badge").get_text() == "Obsolète"


def test_parallel_reading_keeps_the_page_contents_mark(build):
    site = build(ROOT, parallel=2)
    # Each worker reads its pages into its own environment, merged after.
    assert site.app.parallel == 2 and site.app.is_parallel_allowed("read")
    soup = site.soup(PAGE)
    assert len(soup.select("nav.pt-toc .pt-badge")) == (3 if C_OBJECTS_IN_CONTENTS else 2)


def test_version_notes_keep_their_classes(site):
    soup = site.soup(PAGE)
    assert soup.select_one("div.versionadded span.versionmodified") is not None
    assert soup.select_one("div.versionchanged span.versionmodified") is not None

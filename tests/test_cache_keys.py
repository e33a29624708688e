"""Cache keys: every URL of a theme file carries ``?v=``, so a browser does not
keep an old copy after the theme (or the site's copy of a file) changes.

Sphinx keys the files it links itself (``add_js_file``/``add_css_file``: the
main script, the banner's, the version menu's, the notebook stylesheet). The
files the theme's scripts load by URL (``assets.LAZY_FILES``) get the theme's
key, written into the page where those scripts read their URLs.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from piccolo_theme import assets, versions

SWITCHER = {"json_url": "switcher.json", "version_match": "2.0"}


@pytest.fixture(autouse=True)
def _not_on_read_the_docs(monkeypatch):
    monkeypatch.delenv("READTHEDOCS", raising=False)
    monkeypatch.delenv("READTHEDOCS_VERSION", raising=False)


def served_key(outdir: Path) -> str:
    """What the key must be: a CRC-32 of the lazy files as served, in order."""
    crc = 0
    for name in assets.LAZY_FILES:
        crc = zlib.crc32((outdir / "_static" / name).read_bytes(), crc)
    return f"{crc:08x}"


def key_of(url: str) -> str:
    return parse_qs(urlsplit(url).query).get("v", [""])[0]


def path_of(url: str) -> str:
    return urlsplit(url).path


def _options(**more):
    return {"html_theme_options": {"version_switcher": SWITCHER, "banner_text": "Hello", **more}}


def test_lazy_urls_carry_the_key_of_the_served_files(build):
    site = build("search", confoverrides=_options())
    key = served_key(site.outdir)
    for page, up in (("index", ""), ("topics/deep", "../")):
        soup = site.soup(page)
        script = soup.select_one("search#pt-search")["data-script"]
        css = soup.select_one(".pt-versions")["data-css"]
        assert path_of(script) == f"{up}_static/piccolo_theme_search.js" and key_of(script) == key
        assert path_of(css) == f"{up}_static/piccolo_theme_versions.css" and key_of(css) == key
        # The files Sphinx links itself: its own key, the file's checksum.
        srcs = {path_of(t["src"]).rsplit("/", 1)[-1]: t["src"] for t in soup.find_all("script", src=True)}
        for name in ("piccolo_theme.js", assets.BANNER_SCRIPT, versions.SCRIPT):
            assert key_of(srcs[name]), f"{name} has no ?v= key: {srcs[name]}"
    # Every lazy file is shipped, and the search script's stylesheet is one of them.
    for name in assets.LAZY_FILES:
        assert (site.outdir / "_static" / name).is_file()
    assert "piccolo_theme_search.css" in assets.LAZY_FILES


def test_a_site_copy_of_a_lazy_file_changes_the_key(build):
    plain = build("search", confoverrides=_options())
    plain_key = key_of(plain.soup("index").select_one("search#pt-search")["data-script"])
    theirs = "/* the site's own panel */\n.pt-search-results{border:0}\n"
    site = build(
        "search",
        name="own-copy",
        files={"_static/piccolo_theme_search.css": theirs},
        confoverrides={**_options(), "html_static_path": ["_static"]},
    )
    assert (site.outdir / "_static" / "piccolo_theme_search.css").read_text(encoding="utf-8") == theirs
    key = key_of(site.soup("index").select_one("search#pt-search")["data-script"])
    assert key == served_key(site.outdir) and key != plain_key

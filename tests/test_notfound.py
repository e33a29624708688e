"""sphinx-notfound-page: its 404 page is served for missing URLs at any depth,
so every link the theme writes there is absolute, like the extension's own."""

from __future__ import annotations

import pytest

pytest.importorskip("notfound")

NOTFOUND = {"extensions": ["notfound.extension"]}


def urls(soup) -> list[str]:
    found = [a["href"] for a in soup.find_all(["a", "link"], href=True)]
    found += [t["src"] for t in soup.find_all(["script", "img"], src=True)]
    found += [f["action"] for f in soup.find_all("form", action=True)]
    return found


def local(url: str) -> bool:
    return not url.startswith(("#", "http://", "https://", "mailto:"))


@pytest.mark.parametrize(("prefix", "root"), [(None, "/en/latest/"), ("/docs/", "/docs/"), ("/", "/")])
def test_every_link_on_the_404_page_is_absolute(build, prefix, root):
    conf = dict(NOTFOUND)
    if prefix is not None:
        conf["notfound_urls_prefix"] = prefix
    site = build("basic", confoverrides=conf)
    soup = site.soup("404")
    assert soup.select_one("header.pt-header") and soup.select_one("form.pt-search__form")
    relative = [u for u in urls(soup) if local(u) and not u.startswith(root)]
    assert relative == []
    assert soup.html["data-content_root"] == root
    # The same site tree as the other pages, each link to the page's real file.
    nav = [a["href"] for a in soup.select("nav.pt-sidebar--left a.pt-nav__link")]
    index_nav = [a["href"] for a in site.soup("index").select("nav.pt-sidebar--left a.pt-nav__link")]
    assert len(nav) == len(index_nav) >= 4
    for href in nav:
        assert href.startswith(root)
        assert (site.outdir / href.removeprefix(root).split("#")[0]).is_file(), href
    assert soup.select_one("a.pt-brand")["href"] == root + "index.html"


def test_other_pages_keep_relative_links(build):
    site = build("basic", confoverrides=NOTFOUND)
    soup = site.soup("reference/index")
    nav = [a["href"] for a in soup.select("nav.pt-sidebar--left a.pt-nav__link")]
    assert nav and all(not h.startswith("/") for h in nav)
    assert soup.html["data-content_root"] == "../"

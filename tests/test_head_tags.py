"""The head's stylesheet and script tags, made once per depth or folder
(piccolo_theme/head_tags.py), are the ones Sphinx makes for each page: the same
as ``basic`` writes, at every depth and in every folder, with html and dirhtml."""

from __future__ import annotations

import re

import pytest

import pt_pages

FILES = {
    **pt_pages.FILES,
    "static/print.css": "body { color: black }\n",
    "static/extra.js": "/* extra */\n",
    "static/module.js": "/* module */\n",
}
CONF = {
    # Files with attributes of their own, besides Sphinx's and the theme's.
    "html_css_files": ["extra.css", ("print.css", {"media": "print"})],
    "html_js_files": [("extra.js", {"data-x": "a&b"}), ("module.js", {"type": "module"})],
}
PAGES = pt_pages.PAGES
TAG = re.compile(r"<(?:link [^>]*rel=\"stylesheet\"|script [^>]*src=)[^>]*>")


def _tags(html: str) -> dict[str, str]:
    """The head's stylesheet and script tags, by the file they load (no ``defer``:
    the theme defers Sphinx's scripts, on purpose)."""
    head = html.split("</head>")[0]
    found = {}
    for tag in TAG.findall(head):
        url = re.search(r'(?:href|src)="([^"]*)"', tag).group(1)
        found[url.split("?")[0].rsplit("/", 1)[-1]] = tag.replace("<script defer ", "<script ")
    return found


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
def test_tags_are_those_basic_writes_on_every_page(build, buildername):
    ours = build("site", buildername=buildername, files=FILES, confoverrides=CONF, name="ours")
    basic = build(
        "site", buildername=buildername, files=FILES, confoverrides={**CONF, "html_theme": "basic"}, name="basic"
    )
    # pygments.css differs: the theme has its own colours.
    shared_files = {"extra.css", "print.css", "documentation_options.js", "doctools.js", "extra.js"}
    shared_files.add("module.js")
    for page in PAGES:
        mine, theirs = _tags(ours.html(page)), _tags(basic.html(page))
        assert shared_files <= mine.keys() and shared_files <= theirs.keys(), page
        for name in shared_files:
            assert mine[name] == theirs[name], (page, name)
    # The tags differ between folders: the link is relative to the page.
    deep = _tags(ours.html("chapter2/deeper/page"))["extra.css"]
    top = _tags(ours.html("chapter1"))["extra.css"]
    assert deep != top
    up = "../../../" if buildername == "dirhtml" else "../../"  # dirhtml: chapter2/deeper/page/
    assert f'href="{up}_static/extra.css' in deep

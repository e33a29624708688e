"""The HTML fix-ups of piccolo_theme/fixups.py: one test per fix, on real builds
where the Sphinx in use writes the markup, and what a user's own
``html-page-context`` handler sees and keeps."""

from __future__ import annotations

import pytest

from piccolo_theme import fixups
from piccolo_theme.signatures import LIST_CLASS

CITATION_PAGE = """:orphan:

Citations
=========

As [Doe2020]_ shows.

.. [Doe2020] J. Doe, *A study*, 2020.
"""


def test_toctree_captions_get_a_heading_level(build):
    site = build("basic", files={"citations.rst": CITATION_PAGE})
    captions = site.soup().select(".body p.caption")
    assert captions and all(c["role"] == "heading" and c["aria-level"] == "2" for c in captions)
    # What Sphinx itself writes, and the function's answer to it.
    sphinx = '<p class="caption" role="heading"><span class="caption-text">Guide</span></p>'
    assert fixups.caption_heading_level(sphinx) == sphinx.replace('role="heading"', 'role="heading" aria-level="2"')


def test_citations_are_list_items_of_their_list(build):
    site = build("basic", files={"citations.rst": CITATION_PAGE})
    soup = site.soup("citations")
    citation = soup.select_one(".body div.citation")
    assert citation["role"] == "listitem"
    assert citation.parent["role"] == "list"
    assert "doc-biblioentry" not in site.html("citations")


def test_one_viewport_tag(build):
    site = build("basic")
    head = site.soup().head
    assert len(head.find_all("meta", attrs={"name": "viewport"})) == 1
    docutils_tag = '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'
    assert fixups.extra_viewport(f'<meta name="x" />\n{docutils_tag}') == '<meta name="x" />\n'


def test_broken_parameter_lists_are_presented_as_text(build_once):
    site = build_once("signatures")
    lists = [dl for page in ("python", "cpp") for dl in site.soup(page).select(f"dl.{LIST_CLASS}")]
    assert lists, "the fixture has broken parameter lists"
    assert all(dl.get("role") == "none" for dl in lists)
    # Both kinds: Sphinx's own lists (fixed as text) and our C++ template lists.
    opening = {dl.find_previous_sibling("span").get_text() for dl in lists}
    assert {"(", "<"} <= opening


# Sphinx 8.1's markup for a broken list (with the trailing comma it always wrote).
_SPHINX_81 = (
    f'<span class="sig-paren">(</span>\n\n<dl class="{LIST_CLASS}">\n'
    '<dd><em class="sig-param"><span class="n">a</span></em>,</dd>\n'
    '<dd><em class="sig-param"><span class="n">b</span></em>,</dd>\n'
    '</dl>\n\n<span class="sig-paren">)</span>'
)


def test_trailing_comma_of_sphinx_before_8_2_is_dropped():
    fixed = fixups.parameter_list_trailing_comma(_SPHINX_81)
    assert '<span class="n">a</span></em>,</dd>' in fixed
    assert '<span class="n">b</span></em></dd>' in fixed
    # Optional brackets stay after the last parameter, the comma goes.
    optional = _SPHINX_81.replace("</em>,</dd>\n</dl>", '</em>,<span class="optional">]</span></dd>\n</dl>')
    assert '</em><span class="optional">]</span></dd>' in fixups.parameter_list_trailing_comma(optional)
    # Lists the theme did not break are Sphinx's business.
    other = _SPHINX_81.replace(LIST_CLASS, "other")
    assert fixups.parameter_list_trailing_comma(other) == other


def test_trailing_comma_applied_only_before_sphinx_8_2(build_once):
    site = build_once("signatures")
    if "python_trailing_comma_in_multi_line_signatures" not in site.app.config:
        pytest.skip("Sphinx before 8.2: the matrix checks the output")
    for dl in site.soup("python").select(f"dl.{LIST_CLASS}"):
        assert not dl.find_all("dd")[-1].get_text().rstrip().endswith(","), dl


def test_defer_script_marks_only_script_tags():
    assert fixups.defer_script('<script src="a.js"></script>') == '<script defer src="a.js"></script>'
    assert fixups.defer_script("<link rel=x>") == "<link rel=x>"


# -- a user's own html-page-context handler ----------------------------------------

USER_CONF = """
project = "Fixture Project"
html_theme = "piccolo_theme"


def _mark(app, pagename, templatename, context, doctree):
    body = context.get("body")
    if pagename != "index":
        return
    assert isinstance(body, str) and "first paragraph" in body, body
    context["body"] = body + '<p id="user-mark">Added by the user.</p>'


def setup(app):
    app.connect("html-page-context", _mark, priority={priority})
"""


@pytest.mark.parametrize("priority", [100, 900])
def test_a_user_handler_sees_the_body_and_its_change_renders(build, priority):
    site = build("basic", files={"conf.py": USER_CONF.format(priority=priority)}, name=f"user-{priority}")
    soup = site.soup()
    assert soup.select_one(".body #user-mark").get_text() == "Added by the user."
    # The theme's own work is all there, whichever ran first.
    assert soup.select_one("nav#pt-sidebar-left .pt-nav")
    assert all(c.get("aria-level") == "2" for c in soup.select(".body p.caption"))
    assert soup.head.find("meta", attrs={"name": "description"})["content"].startswith("The fixture site")

"""Parameter names in signatures link to their entries (piccolo_theme/parameter_links.py).

tests/roots/test-parameter-links documents parameters every way Sphinx knows:
reST ``:param:``/``:type:`` fields, napoleon's Google and NumPy sections,
``*args``/``**kwargs`` with and without their stars, positional- and
keyword-only parameters, overloads, a parameter named like an attribute, one
object documented twice, C and C++ ``:param:`` and ``:tparam:``.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

ROOT = "parameter-links"

# Deprecations inside Sphinx's napoleon, not ours.
pytestmark = pytest.mark.filterwarnings("ignore:The mapping interface for autodoc options")


@pytest.fixture(scope="module")
def site(build_once):
    return build_once(ROOT)


@pytest.fixture(scope="module")
def basic(build_once):
    return build_once(ROOT, confoverrides={"html_theme": "basic"})


def signature(soup, sig_id: str, index: int = 0):
    found = [dt for dt in soup.select("dt.sig") if dt.get("id") == sig_id]
    return found[index]


def links(dt) -> dict[str, str]:
    """Linked parameter name -> the anchor it leads to."""
    return {a.get_text(): a["href"] for a in dt.select("a.pt-param-link")}


def entry(soup, anchor: str):
    return soup.find(id=anchor)


def flat(element) -> str:
    return re.sub(r"\s+", "", element.get_text())


def test_rest_fields_link_and_undocumented_parameters_stay_plain(site):
    soup = site.soup("index")
    dt = signature(soup, "plmod.restructured")
    assert links(dt) == {"first": "#plmod.restructured.first", "third": "#plmod.restructured.third"}
    # "second" has no entry: plain text, no link.
    assert "second" in dt.get_text() and "second" not in links(dt)
    target = entry(soup, "plmod.restructured.first")
    assert target.name == "p" and "pt-param" in target["class"]
    # The :type: field is part of the same entry.
    assert "int" in target.get_text()
    assert links(signature(soup, "plmod.undocumented")) == {}


def test_napoleon_google_and_numpy_sections(site):
    soup = site.soup("index")
    google = signature(soup, "plmod.google")
    assert links(google) == {name: f"#plmod.google.{name}" for name in ("band", "amount", "args", "cap", "kwargs")}
    assert entry(soup, "plmod.google.args").strong.get_text() == "*args"
    assert entry(soup, "plmod.google.kwargs").strong.get_text() == "**kwargs"
    numpy = signature(soup, "plmod.numpy")
    # old and new are positional-only.
    assert links(numpy) == {name: f"#plmod.numpy.{name}" for name in ("old", "new", "dry_run")}
    assert "The next name." in entry(soup, "plmod.numpy.new").get_text()


def test_star_parameters_with_and_without_stars_in_the_field(site):
    soup = site.soup("index")
    for name in ("star", "star_plain"):
        dt = signature(soup, f"plmod.{name}")
        assert links(dt) == {"args": f"#plmod.{name}.args", "kwargs": f"#plmod.{name}.kwargs"}
        # The stars stay outside the link, as operators.
        assert [o.get_text() for o in dt.select(".sig-param > .o")] == ["*", "**"]


def test_positional_and_keyword_only_markers(site):
    dt = signature(site.soup("index"), "plmod.markers")
    assert links(dt) == {"a": "#plmod.markers.a", "d": "#plmod.markers.d"}
    assert "/" in dt.get_text() and "*" in dt.get_text()


def test_each_overload_links_to_the_one_list(site):
    soup = site.soup("index")
    first, second = (
        dt
        for dt in soup.select("dt.sig")
        if dt.get("id") == "plmod.overloaded" or (dt.find_previous_sibling("dt") or {}).get("id") == "plmod.overloaded"
    )
    assert links(first) == {"value": "#plmod.overloaded.value"}
    assert links(second) == {"value": "#plmod.overloaded.value", "encoding": "#plmod.overloaded.encoding"}
    assert len(soup.select('[id="plmod.overloaded.value"]')) == 1


def test_anchors_are_unique_on_the_page(site):
    soup = site.soup("index")
    ids = Counter(e["id"] for e in soup.select("[id]"))
    assert [i for i, n in ids.items() if n > 1] == []
    # Point.x is the attribute; the constructor's parameter of that name gets a suffix.
    assert soup.find(id="plmod.Point.x").name == "dt"
    assert links(signature(soup, "plmod.Point")) == {"x": "#plmod.Point.x-2", "y": "#plmod.Point.y"}
    # The same parameter name in another object has its own anchor.
    assert links(signature(soup, "plmod.Point.move")) == {"x": "#plmod.Point.move.x", "y": "#plmod.Point.move.y"}
    # The same object documented twice (the second :no-index:).
    second = next(dt for dt in soup.select("dt.sig") if not dt.get("id") and "same_twice" in dt.get_text())
    assert links(second) == {"x": "#plmod.same_twice.x-2"}
    # Every link leads to an element of the page.
    for a in soup.select("a.pt-param-link"):
        assert soup.find(id=a["href"][1:]) is not None, a["href"]


def test_c_and_cpp_parameters(site):
    soup = site.soup("index")
    copy = signature(soup, "c.copy")
    assert links(copy) == {"dst": "#c.copy.dst", "n": "#c.copy.n"}
    # Every declared C name is marked for the stylesheet; an unnamed one has none.
    assert [n.get_text() for n in copy.select(".sig-param")] == ["dst", "src", "n"]
    subscribe = signature(soup, "c.subscribe")
    # A function pointer's own parameters are not the function's.
    assert links(subscribe) == {"callback": "#c.subscribe.callback", "data": "#c.subscribe.data"}
    assert len(subscribe.select("a.pt-param-link")) == 2
    push = signature(soup, "_CPPv4I0E4pushvRNSt6vectorI1TEERK1T")
    assert links(push) == {"T": "#cpp.push.T", "v": "#cpp.push.v", "value": "#cpp.push.value"}


def test_every_entry_has_a_permalink(site):
    soup = site.soup("index")
    entries = soup.select(".pt-param")
    assert len(entries) >= 25
    for target in entries:
        permalinks = target.find_all("a", class_="headerlink", recursive=False)
        assert [a["href"] for a in permalinks] == [f"#{target['id']}"]
        assert permalinks[0]["title"] == "Link to this parameter"
        # At the end of the entry's paragraph, as a heading's.
        assert permalinks[0] is target.contents[-1]


def test_signature_text_and_ids_match_basic(site, basic):
    ours, theirs = site.soup("index"), basic.soup("index")
    mine, plain = ours.select("dt.sig"), theirs.select("dt.sig")
    assert len(mine) == len(plain) > 15
    for a, b in zip(mine, plain, strict=True):
        assert flat(a) == flat(b)
        assert a.get("id") == b.get("id")
    # basic knows nothing of it.
    assert theirs.select(".pt-param-link, .pt-param") == []


def test_napoleon_without_param_fields(build):
    site = build(ROOT, confoverrides={"napoleon_use_param": False})
    soup = site.soup("index")
    # napoleon writes its own "Parameters" field, names in bold.
    assert links(signature(soup, "plmod.google"))["band"] == "#plmod.google.band"
    assert links(signature(soup, "plmod.numpy"))["dry_run"] == "#plmod.numpy.dry_run"


def test_permalink_title_is_translated(build):
    soup = build(ROOT, confoverrides={"language": "de"}).soup("index")
    assert soup.select_one(".pt-param > a.headerlink")["title"] == "Link zu diesem Parameter"


def test_other_builders_are_untouched(build):
    text = build(ROOT, buildername="text").path("index").with_suffix(".txt")
    written = text.read_text(encoding="utf-8")
    assert "¶" not in written
    assert (
        "plmod.google(band: str, amount: int = 1, *args: int, cap: int | None = None, **kwargs: str) -> int" in written
    )


def test_stored_doctree_is_untouched(site):
    from docutils import nodes

    doctree = site.app.env.get_doctree("index")
    assert not any("pt-param" in p["classes"] for p in doctree.findall(nodes.paragraph))

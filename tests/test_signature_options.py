"""``:single-line-parameter-list:`` and ``:single-line-type-parameter-list:``
are honoured wherever the directive is written (piccolo_theme/signatures.py).

The root tests/roots/test-signature-options writes each directive twice, with
the option (``*_kept``: one line) and without it (``*_broken``: one parameter
per line), in reST, an included file, MyST and a docstring read by autodoc, with
an extension of its own replacing ``py:function``.
"""

from __future__ import annotations

import sys

import pytest
from sphinx.domains.python import PyFunction

ROOT = "signature-options"
OPTION = "signature_parameters_per_line"
BROKEN = ["alpha: int,", "beta: int"]


def signature(site, page: str, name: str):
    """The ``<dt>`` of the object whose name (without module) is ``name``."""
    # C++ names template parameters with the same class: the last one is the object's.
    found = [
        dt for dt in site.soup(page).select("dt.sig") if [e.get_text() for e in dt.select(".sig-name")][-1:] == [name]
    ]
    assert len(found) == 1, (page, name)
    return found[0]


def lines(dt) -> list[str]:
    return [" ".join(dd.get_text().split()) for dd in dt.select("dl > dd")]


@pytest.fixture(scope="module")
def site(build_once):
    return build_once(ROOT)


@pytest.mark.parametrize(
    ("page", "prefix"),
    [
        ("index", "index"),
        ("rest", "rest"),
        ("rest", "included"),
        ("markdown", "myst"),
        ("autodoc", "from_docstring"),
    ],
)
def test_python_option_wherever_the_directive_is_written(site, page, prefix):
    assert lines(signature(site, page, f"{prefix}_kept")) == []
    assert lines(signature(site, page, f"{prefix}_broken")) == BROKEN


def test_autodoc_signatures_still_break(site):
    assert lines(signature(site, "autodoc", "documented")) == BROKEN


def test_c_and_cpp_options(site):
    assert lines(signature(site, "rest", "c_kept")) == []
    assert lines(signature(site, "rest", "c_broken")) == ["int alpha,", "int beta"]
    # C++: the one option also keeps the template parameters on one line.
    kept = signature(site, "rest", "cpp_kept")
    assert kept.select("dl") == []
    assert "template<typename A, typename B>" in " ".join(kept.get_text().split())
    assert lines(signature(site, "rest", "cpp_broken")) == [
        "typename A,",
        "typename B",
        "A alpha,",
        "B beta",
    ]


def test_type_parameter_option_keeps_only_the_type_parameters(site):
    dt = signature(site, "rest", "rest_types_kept")
    assert "[KeyType, ValueType]" in " ".join(dt.get_text().split())
    assert lines(dt) == ["alpha: KeyType,", "beta: ValueType"]


def test_a_nested_directive_has_its_own_options(site):
    assert lines(signature(site, "rest", "KeptClass")) == []
    assert lines(signature(site, "rest", "nested_broken")) == BROKEN


def test_an_extension_overriding_the_directive_keeps_working(site):
    registered = site.app.env.domains["py"].directives["function"]
    assert issubclass(registered, sys.modules["overriding_extension"].MarkedFunction)
    assert issubclass(registered, PyFunction)
    # The extension's own run() still runs...
    functions = site.soup("rest").select("dl.py.function")
    assert functions and all("by-extension" in dl["class"] for dl in functions)
    # ... and so does ours (rest_kept and rest_broken are py:function).
    assert lines(signature(site, "rest", "rest_kept")) == []


def test_options_are_kept_in_stored_doctrees(build):
    # The first build writes without breaking; the second changes only the
    # theme option (pages are written again, not read again) and one page.
    first = build(ROOT, confoverrides={"html_theme_options": {OPTION: False}})
    assert lines(signature(first, "rest", "rest_broken")) == []
    changed = (first.srcdir / "index.rst").read_text(encoding="utf-8") + (
        "\n.. py:function:: added_kept(alpha: int, beta: int) -> None\n"
        "   :single-line-parameter-list:\n"
        "\n.. py:function:: added_broken(alpha: int, beta: int) -> None\n"
    )
    site = build(ROOT, files={"index.rst": changed})
    assert "0 added, 1 changed, 0 removed" in site.app.status.getvalue()
    assert lines(signature(site, "rest", "rest_kept")) == []
    assert lines(signature(site, "rest", "rest_broken")) == BROKEN
    assert lines(signature(site, "index", "added_kept")) == []
    assert lines(signature(site, "index", "added_broken")) == BROKEN

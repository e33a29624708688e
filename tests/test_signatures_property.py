"""Generated signatures keep their text, ids and links, one parameter per line.

Each example is a page of many generated Python, C and C++ signatures, built
three times (basic theme; piccolo_theme by default; piccolo_theme with a length
threshold) rather than one site per signature.
"""

from __future__ import annotations

import ast
import copy
import re
import sys
from dataclasses import dataclass

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

THRESHOLD = 60


@dataclass
class Sig:
    directive: str
    text: str
    lines: int  # expected <dd> count with the default option
    python: bool = False
    type_params: bool = False
    documented: tuple[str, ...] = ()  # parameters with a :param: field
    deprecated: bool = False


@st.composite
def _body(draw, head: str, names: list[str]) -> tuple[str, tuple[str, ...], bool]:
    """The directive with some of its parameters documented, perhaps deprecated."""
    documented = tuple(draw(st.lists(st.sampled_from(names), unique=True))) if names else ()
    deprecated = draw(st.booleans())
    lines = [".. deprecated:: 1.0", ""] if deprecated else []
    lines += [f":param {name}: Documented." for name in documented]
    body = "".join(f"\n   {line}" if line else "\n" for line in lines)
    return (f"{head}\n{body}" if lines else head), documented, deprecated


# -- Python -----------------------------------------------------------------

ATOMS = ["int", "str", "bytes", "None", "float", "Any", "Path"]


def _annotation():
    return st.recursive(
        st.sampled_from(ATOMS),
        lambda inner: st.one_of(
            st.builds("list[{}]".format, inner),
            st.builds("dict[{}, {}]".format, inner, inner),
            st.builds("tuple[{}, ...]".format, inner),
            st.builds("{} | {}".format, inner, inner),
            st.builds("Callable[[{}, {}], {}]".format, inner, inner, inner),
        ),
        max_leaves=6,
    )


def _default(closing_bracket: bool):
    # Commas, brackets and quotes inside string defaults; no backslashes, which
    # reStructuredText would take for escapes. Sphinx splits "name[types](params)"
    # with a regular expression, which a "](" in a string default can fool.
    string = st.text(alphabet=",[](){}' ab=:*" if closing_bracket else ",[(){}' ab=:*", max_size=8)
    string = string.map(repr)
    return st.one_of(
        st.integers(-5, 500).map(str),
        string,
        st.tuples(st.integers(0, 9), string).map(lambda t: f"({t[0]}, {t[1]})"),
        st.lists(st.integers(0, 9), max_size=3).map(str),
        string.map(lambda s: "{" + s + ": [1, 2]}"),
    )


@st.composite
def _parameter(draw, name: str, default, with_default: bool):
    text = name
    if draw(st.booleans()):
        text += ": " + draw(_annotation())
    if with_default:
        text += (" = " if ":" in text else "=") + draw(default)
    return text


@st.composite
def python_signature(draw, index: int) -> Sig:
    params: list[str] = []
    counter = iter(range(100))
    type_params = draw(
        st.lists(st.sampled_from(["T", "U: int", "*Ts", "**P", "K: (int, str)"]), max_size=3, unique=True)
    )
    default = _default(closing_bracket=not type_params)

    names: list[str] = []

    def fresh() -> str:
        names.append(f"p{next(counter)}")
        return names[-1]

    positional_only = draw(st.integers(0, 2))
    positional = draw(st.integers(0, 3))
    defaults_from = draw(st.integers(0, positional_only + positional))
    for i in range(positional_only + positional):
        params.append(draw(_parameter(fresh(), default, i >= defaults_from)))
        if i == positional_only - 1:
            params.append("/")
    star = draw(st.sampled_from(["", "*", "*args"]))
    keyword_only = draw(st.integers(0, 2)) if star else 0
    if star == "*" and keyword_only == 0:
        star = ""
    if star == "*":
        params.append("*")
    elif star:
        params.append("*" + fresh() + (": " + draw(_annotation()) if draw(st.booleans()) else ""))
    for _ in range(keyword_only):
        params.append(draw(_parameter(fresh(), default, draw(st.booleans()))))
    if draw(st.booleans()):
        params.append("**" + fresh())
    name = f"func{index}"
    tp = f"[{', '.join(type_params)}]" if type_params else ""
    # Likewise a return annotation ending in "]" after type parameters.
    returns_strategy = st.sampled_from(ATOMS) if type_params else _annotation()
    returns = f" -> {draw(returns_strategy)}" if draw(st.booleans()) else ""
    text = f"{name}{tp}({', '.join(params)}){returns}"
    lines = len(params) + len(type_params)
    directive, documented, deprecated = draw(_body(f".. py:function:: {text}", names))
    return Sig(
        directive, text, lines, python=True, type_params=bool(type_params), documented=documented, deprecated=deprecated
    )


# -- C and C++ ----------------------------------------------------------------

C_TYPES = ["int", "char *", "const char *", "size_t", "void *", "double", "struct item *"]


@st.composite
def c_signature(draw, index: int) -> Sig:
    count = draw(st.integers(0, 4))
    params = [f"{draw(st.sampled_from(C_TYPES))} a{i}" for i in range(count)]
    names = [f"a{i}" for i in range(count)]
    if count and draw(st.booleans()):
        params[-1] = "void (*callback)(int code, void *data)"
        names[-1] = "callback"
    text = f"{draw(st.sampled_from(C_TYPES))} cfunc{index}({', '.join(params)})"
    directive, documented, deprecated = draw(_body(f".. c:function:: {text}", names))
    return Sig(directive, text, count, documented=documented, deprecated=deprecated)


TEMPLATE_PARAMS = ["typename T{i}", "class C{i} = std::vector<int>", "int N{i} = 3", "typename... Ts{i}"]
CPP_TYPES = ["int", "const std::string &", "std::map<int, std::vector<int>>", "double *", "bool"]


@st.composite
def cpp_signature(draw, index: int) -> Sig:
    tparams = [draw(st.sampled_from(TEMPLATE_PARAMS)).format(i=i) for i in range(draw(st.integers(0, 3)))]
    if any("..." in t for t in tparams[:-1]):
        tparams = [t for t in tparams if "..." not in t]
    count = draw(st.integers(0, 3))
    params = [f"{draw(st.sampled_from(CPP_TYPES))} x{i}" for i in range(count)]
    if count and draw(st.booleans()):
        params[-1] += " = {}"
    template = f"template<{', '.join(tparams)}> " if tparams else ""
    text = f"{template}void cppfunc{index}({', '.join(params)})"
    directive, documented, deprecated = draw(_body(f".. cpp:function:: {text}", [f"x{i}" for i in range(count)]))
    return Sig(directive, text, len(tparams) + count, documented=documented, deprecated=deprecated)


@st.composite
def pages(draw) -> list[Sig]:
    kinds = draw(st.lists(st.sampled_from([python_signature, c_signature, cpp_signature]), min_size=20, max_size=40))
    return [draw(kind(index)) for index, kind in enumerate(kinds)]


# -- Building and checking ----------------------------------------------------------


def _build(tmp_path_factory, signatures: list[Sig], **overrides) -> BeautifulSoup:
    src = tmp_path_factory.mktemp("generated")
    (src / "conf.py").write_text('html_theme = "piccolo_theme"\n', encoding="utf-8")
    body = "\n\n".join(sig.directive for sig in signatures)
    (src / "index.rst").write_text(f"Generated\n=========\n\n.. c:struct:: item\n\n{body}\n", encoding="utf-8")
    app = SphinxTestApp("html", srcdir=src, confoverrides=overrides, freshenv=True)
    try:
        app.build()
    finally:
        app.cleanup()
    # Our generated signatures must be valid for Sphinx: no warnings at all.
    assert app.warning.getvalue() == ""
    html = (src / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def _plain(dt):
    """The signature without parameter_links.py's links (unwrapped: their text
    stays) and lifecycle.py's badge (never copied: user-select none)."""
    dt = copy.copy(dt)
    for badge in dt.select(".pt-badge"):
        badge.decompose()
    for link in dt.select("a.pt-param-link"):
        link.unwrap()
    return dt


def _flat(dt) -> str:
    return re.sub(r"\s+", "", _plain(dt).get_text())


def _targets(dt) -> tuple[list[str], list[str]]:
    dt = _plain(dt)
    return [e["id"] for e in dt.select("[id]")] + [dt.get("id")], [a["href"] for a in dt.select("a[href]")]


def _one_line(dt) -> str:
    for link in dt.select(".headerlink"):
        link.decompose()
    return dt.get_text().strip().replace("→", "->")


# No shrinking: every step would cost three builds, and each assertion names
# the signature that failed.
@settings(
    max_examples=3,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(signatures=pages())
def test_generated_signatures(tmp_path_factory, signatures):
    basic = _build(tmp_path_factory, signatures, html_theme="basic").select("dt.sig")
    ours = _build(tmp_path_factory, signatures).select("dt.sig")
    threshold = _build(
        tmp_path_factory,
        signatures,
        html_theme_options={"signature_parameters_per_line": THRESHOLD},
    ).select("dt.sig")
    assert len(basic) == len(ours) == len(threshold) == len(signatures) + 1
    for sig, plain, mine, limited in zip(signatures, basic[1:], ours[1:], threshold[1:], strict=True):
        assert _flat(mine) == _flat(plain) == _flat(limited), sig.text
        assert _targets(mine) == _targets(plain) == _targets(limited), sig.text
        assert len(mine.select("dl > dd")) == sig.lines, sig.text
        # Each documented parameter's name, and only those, links to its entry.
        linked = [a.get_text() for a in mine.select("a.pt-param-link")]
        assert sorted(linked) == sorted(sig.documented), sig.text
        assert len(mine.select(".pt-badge")) == sig.deprecated, sig.text
        if sig.python and (not sig.type_params or sys.version_info >= (3, 12)):
            code = _plain(mine).get_text().replace("¶", "").replace("→", "->").strip()
            ast.parse(f"def {code}: pass")
        _check_threshold(sig, plain, limited)


def _check_threshold(sig: Sig, plain, limited) -> None:
    """Each list breaks when its line, less any other list on it, is longer than N."""
    broken = limited.find_all("dl")
    if sig.python:
        lists = plain.select(".sig-paren")
        text = _one_line(plain)
        parts = re.match(r"(\w+)(\[.*?\])?(\(.*\))(.*)$", text, re.DOTALL)
        assert parts is not None, text
        name, types, params, rest = parts.groups()
        expected = 0
        if params != "()" and len(text) - len(types or "") > THRESHOLD:
            expected += 1
        if types and len(text) - len(params) > THRESHOLD:
            expected += 1
        assert len(broken) == expected, (text, lists)
    else:
        # C and C++ lines are the parts between the <br>s Sphinx writes.
        for br in plain.find_all("br"):
            br.replace_with("\x00")
        expected = 0
        for line in _one_line(plain).split("\x00"):
            has_list = line.endswith(">") and "template<" in line and not line.endswith("<>")
            has_list = has_list or bool(re.search(r"\((?!\)).*\)$", line))
            if has_list and len(line) > THRESHOLD:
                expected += 1
        assert len(broken) == expected, _one_line(plain)

"""The roles of C and C++ signature tokens that Sphinx leaves unmarked.

Sphinx's C and C++ domains say what each token is (``desc_sig_name``,
``desc_sig_keyword``, ``desc_sig_literal_number``...) but not what it does: a
parameter's default value, a member's or an enumerator's value and a function's
return type are the same names, keywords and literals as a parameter's type,
written flat next to it (Sphinx 7.4 to 9.2 alike, and breathe, which uses the
C++ domain). Python's signatures mark those roles with ``default_value`` and
``sig-return-typehint`` spans; we wrap the same tokens of C and C++ signatures
in spans with the same classes, so one stylesheet rule serves every domain.

Done on the doctree being written (``page_walk``: HTML
with our theme only). Only wrappers are added: the text, the ids and the links
stay as Sphinx wrote them.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes

#: Brackets that open and close a nested level in a token sequence.
OPENING = frozenset("<([{")
CLOSING = frozenset(">)]}")

# Objects whose ``= value`` after the name is a value (a function's ``= 0`` and
# a type alias's ``= type`` are not).
_VALUE_OBJECTS = frozenset({"member", "var", "enumerator"})
# The keywords before a return type that are not part of it.
_SPECIFIERS = frozenset(
    {"static", "inline", "extern", "virtual", "explicit", "friend", "constexpr", "consteval", "constinit"}
)
# What may follow a trailing return type.
_AFTER_RETURN = frozenset({"override", "final"})


def mark_roles(desc: addnodes.desc) -> None:
    """Wrap the default values, values and return types of a C or C++ ``desc``."""
    if desc.get("domain") not in ("c", "cpp"):
        return
    objtype = desc.get("objtype")
    for signode in desc.children:
        if not isinstance(signode, addnodes.desc_signature):
            continue
        for parameter in list(signode.findall(addnodes.desc_parameter)):
            _wrap_values(parameter, 0)
        templates = template_lines(signode)
        for line in _lines(signode):
            if any(t is line for t in templates):
                _wrap_values(line, 2 if _starts_template(line) else 0)
            else:
                name_at = next((i for i, c in enumerate(line.children) if isinstance(c, addnodes.desc_name)), None)
                if name_at is None:
                    continue
                if objtype in _VALUE_OBJECTS:
                    _wrap_values(line, name_at + 1)
                elif objtype == "function":
                    _wrap_return_type(line, name_at)


def template_lines(signode: addnodes.desc_signature) -> list[nodes.Element]:
    """The lines of a C++ signature that hold template parameter lists.

    ``template<...>`` is one line, or with ``:tparam-line-spec:`` one line per
    parameter and one for the closing ``>``.
    """
    found: list[nodes.Element] = []
    depth = None  # inside ``template<``: the brackets open since
    for line in _lines(signode):
        start = 0
        if depth is None:
            if not _starts_template(line):
                continue
            depth, start = 0, 2
        found.append(line)
        for node in line.children[start:]:
            text = _punctuation(node)
            if text in OPENING:
                depth += 1
            elif text in CLOSING:
                depth -= 1
                if depth < 0:
                    depth = None
                    break
    return found


def _lines(signode: addnodes.desc_signature) -> list[nodes.Element]:
    return [c for c in signode.children if isinstance(c, addnodes.desc_signature_line)] or [signode]


def _starts_template(line: nodes.Element) -> bool:
    return (
        len(line.children) >= 2
        and isinstance(line[0], addnodes.desc_sig_keyword)
        and line[0].astext() == "template"
        and _punctuation(line[1]) == "<"
    )


def _punctuation(node: nodes.Node) -> str | None:
    return node.astext() if isinstance(node, addnodes.desc_sig_punctuation) else None


def _wrap_values(container: nodes.Element, start: int) -> bool:
    """Wrap what follows each ``=`` at the level of ``start``, up to its ``,``.

    True when a closing bracket at that level ended the sequence (the ``>`` of
    a template parameter list).
    """
    depth = 0
    value = None  # where the current value starts
    index = start
    while index < len(container.children):
        text = _punctuation(container[index])
        if text in OPENING:
            depth += 1
        elif text in CLOSING:
            if depth == 0:
                _wrap(container, value, index, "default_value")
                return True
            depth -= 1
        elif depth == 0 and text == ",":
            index = _wrap(container, value, index, "default_value")
            value = None
        elif depth == 0 and text == "=" and value is None:
            value = index + 1
        index += 1
    _wrap(container, value, index, "default_value")
    return False


def _wrap_return_type(line: nodes.Element, name_at: int) -> None:
    """The type before the (qualified) name, after ``static``, ``inline``...;
    and a trailing return type, after ``->``."""
    start = 0
    while start < name_at and (
        isinstance(line[start], addnodes.desc_sig_space)
        or (isinstance(line[start], addnodes.desc_sig_keyword) and line[start].astext() in _SPECIFIERS)
    ):
        start += 1
    end = name_at
    while end > start and isinstance(line[end - 1], addnodes.desc_addname):
        end -= 1
    shift = end - _wrap(line, start, end, "sig-return-typehint")
    for index in range(name_at - shift + 1, len(line.children)):
        node = line[index]
        if isinstance(node, addnodes.desc_sig_operator) and node.astext() == "->":
            stop = index + 1
            while stop < len(line.children) and not (
                _punctuation(line[stop]) == "="
                or (isinstance(line[stop], addnodes.desc_sig_keyword) and line[stop].astext() in _AFTER_RETURN)
            ):
                stop += 1
            _wrap(line, index + 1, stop, "sig-return-typehint")
            return


def _wrap(container: nodes.Element, start: int | None, end: int, role: str) -> int:
    """Wrap ``container[start:end]`` without its outer spaces in a span of class
    ``role``; the index just after what was ``container[end - 1]``."""
    if start is None:
        return end
    while start < end and isinstance(container[start], addnodes.desc_sig_space):
        start += 1
    stop = end
    while stop > start and isinstance(container[stop - 1], addnodes.desc_sig_space):
        stop -= 1
    if start >= stop:
        return end
    tokens = container.children[start:stop]
    container[start:stop] = [nodes.inline("", "", *tokens, classes=[role])]
    return end - (stop - start) + 1

"""One parameter per line in API signatures, at build time.

Since Sphinx 7.1 a parameter list marked ``multi_line_parameter_list`` is
written by Sphinx itself as a ``<dl>`` holding one ``<dd>`` per parameter. Once
a page's references are resolved we mark the Python, C and C++ parameter and
type-parameter lists that should break, so the HTML is already laid out when it
reaches the reader: no script, no layout shift. C++ template parameters are
plain punctuation in the doctree, so we regroup them between standard nodes
that write the same markup.

Whatever the user asked Sphinx for wins: a domain with a
``maximum_signature_line_length`` of its own (or the global one) is left to
Sphinx, and so is a directive with ``:single-line-parameter-list:`` or
``:single-line-type-parameter-list:``.

Sphinx keeps no trace of those options in the doctree, and the
``object-description-transform`` event is not given them. So at
``builder-inited`` each object directive of the three domains that has them is
replaced by a subclass of itself whose ``handle_signature`` (where Sphinx reads
them) notes them on the ``desc_signature``. reST, MyST's ``{py:function}``,
included files and autodoc's ``.. py:function::`` all reach that table; an
extension's override is subclassed in turn and keeps working. Not
``app.add_directive_to_domain``: a theme named only in ``html_theme`` is set up
as the builder starts, after Sphinx has copied the registry into the
environment's domains, so we extend each domain's ``directives`` table as Sphinx
does when it creates it. Limit: a directive registered after ``builder-inited``,
or one that never calls ``handle_signature``, is laid out as if without them.

The theme changes the layout, never the text: our lists get no trailing comma,
so a copied signature reads as it would on one line. For the same reason two
kinds of list stay on one line: the ``f(a[, b])`` bracket notation (Sphinx moves
its commas when it breaks it) and C's ``f(void)``, which has no parameters.

The length in ``signature_parameters_per_line = N`` is that of the signature's
line as displayed, without the other list of a Python signature (as Sphinx
measures ``maximum_signature_line_length``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.directives import ObjectDescription

from piccolo_theme import settings
from piccolo_theme.signature_roles import CLOSING, OPENING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: The class on every list this module breaks, as written on its ``<dl>``.
LIST_CLASS = "pt-sig-params"

# The domain's own length option, next to the global maximum_signature_line_length.
_LENGTH_OPTIONS = {
    "py": "python_maximum_signature_line_length",
    "c": "c_maximum_signature_line_length",
    "cpp": "cpp_maximum_signature_line_length",
}

_SINGLE_LINE = "single-line-parameter-list"
_SINGLE_LINE_TYPES = "single-line-type-parameter-list"

#: The ``desc_signature`` attribute holding its directive's single-line options,
#: space-separated (present only when the directive has one).
OPTIONS_ATTRIBUTE = "pt_single_line_options"


class _RecordsSingleLineOptions(ObjectDescription[Any]):
    """Mixed in before a domain's object directive: notes its single-line options."""

    def handle_signature(self, sig: str, signode: addnodes.desc_signature) -> Any:
        # Where Sphinx itself reads these options, once per signature.
        flags = [name for name in (_SINGLE_LINE, _SINGLE_LINE_TYPES) if name in self.options]
        if flags:
            signode[OPTIONS_ATTRIBUTE] = " ".join(flags)
        return super().handle_signature(sig, signode)


def record_single_line_options(app: Sphinx) -> None:
    """Let each object directive of our domains record its single-line options.

    Whatever class is registered (Sphinx's or an extension's override) is
    subclassed, so its behaviour stays. Always, whatever the theme options: the
    doctrees are stored and may be written again with other options.
    """
    for domain_name in _LENGTH_OPTIONS:
        domain = app.env.domains.get(domain_name)
        if domain is None:
            continue
        for name, directive in list(domain.directives.items()):
            if (
                isinstance(directive, type)
                and issubclass(directive, ObjectDescription)
                and not issubclass(directive, _RecordsSingleLineOptions)
                and _SINGLE_LINE in (directive.option_spec or {})
            ):
                domain.directives[name] = type(directive.__name__, (_RecordsSingleLineOptions, directive), {})


def _limit(app: Sphinx) -> int | None:
    """-1 to break every list, N to break lists on lines longer than N, None for never."""
    # Options exist only for HTML builders using the theme.
    options = settings.theme_options(app)
    if options is None:
        return None
    value = options.signature_parameters_per_line
    if value is False:
        return None
    return -1 if value is True else int(value)


def _domains(config: Config) -> set[str]:
    """The domains whose signatures are ours to lay out."""
    if config.maximum_signature_line_length is not None:
        return set()
    return {d for d, name in _LENGTH_OPTIONS.items() if getattr(config, name, None) is None}


def lay_out(app: Sphinx, signodes: list[addnodes.desc_signature]) -> None:
    """Break the parameter lists of a page's signatures (found by ``page_walk``)."""
    if not signodes:
        return
    limit = _limit(app)
    if limit is None:
        return
    domains = _domains(app.config)
    if not domains:
        return
    for signode in signodes:
        desc = signode.parent
        domain = desc.get("domain") if isinstance(desc, addnodes.desc) else None
        if domain not in domains:
            continue
        flags = frozenset(signode.get(OPTIONS_ATTRIBUTE, "").split())
        if domain == "py":
            _python_signature(signode, limit, flags)
        else:
            _c_signature(signode, limit, flags, cpp=domain == "cpp")


def _mark(parameter_list: nodes.Element) -> None:
    parameter_list["multi_line_parameter_list"] = True
    parameter_list["multi_line_trailing_comma"] = False
    parameter_list["classes"].append(LIST_CLASS)


def _breakable(parameter_list: nodes.Element, *, c: bool = False) -> bool:
    if not parameter_list.children or parameter_list.get("multi_line_parameter_list"):
        return False  # nothing to break, or Sphinx already did
    # ``f(a[, b])`` notation: Sphinx moves its commas around when it breaks it.
    if any(isinstance(c, addnodes.desc_optional) for c in parameter_list.children):
        return False
    # C's ``f(void)`` has no parameters.
    return not c or parameter_list.astext() != "(void)"


def _python_signature(signode: addnodes.desc_signature, limit: int, flags: frozenset[str]) -> None:
    params = types = None
    for child in signode.children:
        if isinstance(child, addnodes.desc_parameterlist):
            params = child
        elif isinstance(child, addnodes.desc_type_parameter_list):
            types = child
    if params is None and types is None:
        return
    length = len(signode.astext())
    # As Sphinx does, each list is measured on the signature without the other.
    if params is not None and _SINGLE_LINE not in flags and _breakable(params):
        if length - (len(types.astext()) if types is not None else 0) > limit:
            _mark(params)
    if types is not None and _SINGLE_LINE_TYPES not in flags and _breakable(types):
        if length - (len(params.astext()) if params is not None else 0) > limit:
            _mark(types)


def _c_signature(signode: addnodes.desc_signature, limit: int, flags: frozenset[str], *, cpp: bool) -> None:
    # C++ has no option for template parameters: the one flag keeps all on one line.
    if _SINGLE_LINE in flags:
        return
    for params in list(signode.findall(addnodes.desc_parameterlist)):
        if _inside_list(params) or not _breakable(params, c=True):
            continue
        if len(_line_of(params, signode).astext()) > limit:
            _mark(params)
    if cpp:
        for line in list(signode.findall(addnodes.desc_signature_line)):
            if len(line.astext()) > limit:
                _regroup_template_parameters(line)


def _inside_list(node: nodes.Element) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, addnodes.desc_parameterlist):
            return True
        parent = parent.parent
    return False


def _line_of(node: nodes.Element, signode: addnodes.desc_signature) -> nodes.Element:
    parent = node.parent
    while parent is not None and parent is not signode:
        if isinstance(parent, addnodes.desc_signature_line):
            return parent
        parent = parent.parent
    return signode


def _regroup_template_parameters(line: addnodes.desc_signature_line) -> None:
    """Turn ``template < a , b >`` punctuation into our template parameter nodes.

    Anything unexpected (an introducer, ``:tparam-line-spec:``'s one line per
    parameter, unbalanced brackets) leaves the line as it is.
    """
    children = line.children
    if (
        len(children) < 4
        or not isinstance(children[0], addnodes.desc_sig_keyword)
        or children[0].astext() != "template"
        or not isinstance(children[1], addnodes.desc_sig_punctuation)
        or children[1].astext() != "<"
    ):
        return
    groups: list[list[nodes.Node]] = [[]]
    depth = 0
    end = None
    for index in range(2, len(children)):
        node = children[index]
        text = node.astext() if isinstance(node, addnodes.desc_sig_punctuation) else ""
        if text in OPENING:
            depth += 1
        elif text in CLOSING:
            if depth == 0:
                if text != ">":
                    return
                end = index
                break
            depth -= 1
        elif text == "," and depth == 0:
            groups.append([])
            continue
        if not groups[-1] and isinstance(node, addnodes.desc_sig_space):
            continue  # the space after a comma: the line break replaces it
        groups[-1].append(node)
    if end is None or not all(groups):
        return
    # The markup Sphinx writes for a multi-line parameter list, from standard
    # nodes: a node class of ours with its own translator handler would make
    # every translator a reference cycle (Sphinx binds handlers to each one).
    # The framing is raw HTML without text, so the search index finds no word
    # in it; the brackets are Text, so no ``&lt;`` reaches the index either.
    framed: list[nodes.Node] = [
        nodes.inline("", "<", classes=["sig-paren"]),
        nodes.raw("", f'<dl class="{LIST_CLASS}" role="none">\n<dd>', format="html"),
    ]
    for index, group in enumerate(groups):
        if index:
            framed.append(nodes.raw("", ",</dd>\n<dd>", format="html"))
        framed.extend(group)
    framed += [nodes.raw("", "</dd>\n</dl>\n", format="html"), nodes.inline("", ">", classes=["sig-paren"])]
    line[1 : end + 1] = framed

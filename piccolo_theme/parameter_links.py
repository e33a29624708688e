"""From a parameter in a signature to the entry that documents it, and back.

When an object documents its parameters (``:param x:`` and ``:type x:`` fields,
napoleon's Google and NumPy sections, which napoleon turns into such fields
before Sphinx groups them, C and C++ ``:param:`` and ``:tparam:``), each entry
of the grouped "Parameters" list gets an id, ``<object>.<parameter>`` (for
example ``piccolo.table.Table.select.columns``), and a permalink shown on hover
and focus; each documented name in the object's signatures (every overload)
becomes a link to its entry. Parameters without an entry stay plain text.

Done on the doctree being written (``page_walk``), for
HTML builds with our theme only: no script, the stored doctree and other
builders untouched, the text of the signature unchanged (the link wraps the
name; the permalink is raw HTML in the entry, not the signature). Ids are made
unique on the page: an id already taken (an attribute of the same name, the
same object documented twice) gets a ``-2``, ``-3`` suffix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import escape

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import _

from piccolo_theme import signature_roles

#: The class of a parameter name that links to its entry.
LINK_CLASS = "pt-param-link"
#: The class of a documented parameter's entry.
ENTRY_CLASS = "pt-param"

_DOMAINS = frozenset({"py", "c", "cpp"})
# The labels Sphinx's doc fields and napoleon give parameter sections, in the
# site's language (``sphinx.locale._`` is Sphinx's own catalogue).
_PARAMETER_LABELS = ("Parameters", "Keyword Arguments", "Other Parameters")
_TEMPLATE_LABELS = ("Template Parameters",)
_NOT_IN_ID = re.compile(r"[^\w.~-]+")


def permalink(anchor: str, title: str) -> nodes.raw:
    """The ``¶`` after a documented parameter's name, as raw HTML.

    No node class of our own with a translator handler: Sphinx binds such
    handlers to each translator, which makes every translator a reference
    cycle. The search index strips the tags and finds no word in ``¶``.
    """
    return nodes.raw(
        "", f'<a class="headerlink" href="#{escape(anchor)}" title="{escape(title)}">\u00b6</a>', format="html"
    )


def link_parameters(desc: addnodes.desc, taken: set[str]) -> None:
    """Anchor and permalink ``desc``'s parameter entries; link its signatures' names.

    ``taken``: the ids already on the page; the new ones are added to it.
    """
    if desc.get("domain") not in _DOMAINS:
        return
    entries = _entries(desc)
    anchors: dict[tuple[bool, str], str] = {}
    if entries:
        base = _object_path(desc)
        title = _("Link to this parameter")
        for (template, name), (paragraph, _name) in entries.items():
            anchor = _unique(f"{base}.{name}", taken)
            paragraph["ids"].append(anchor)
            if ENTRY_CLASS not in paragraph["classes"]:
                # At the end, as a heading's: no gap between name and text.
                paragraph["classes"].append(ENTRY_CLASS)
                paragraph += permalink(anchor, title)
            anchors[template, name] = anchor
    if anchors or desc["domain"] != "py":  # C and C++ names get their class anyway
        _link_signatures(desc, anchors)


def _labels(names: tuple[str, ...]) -> set[str]:
    # English too: Sphinx keeps a directive's field types once made, so a second
    # build in one process (another language) may still write English labels.
    return {str(_(label)) for label in names} | set(names)


def _entries(desc: addnodes.desc) -> dict[tuple[bool, str], tuple[nodes.paragraph, nodes.Element]]:
    """(is a template parameter, name) -> (its entry's paragraph, the name's node).

    Only the object's own field lists count, not those of its members.
    """
    content = next((c for c in desc.children if isinstance(c, addnodes.desc_content)), None)
    if content is None:
        return {}
    found: dict[tuple[bool, str], tuple[nodes.paragraph, nodes.Element]] = {}
    field_lists = [c for c in content.children if isinstance(c, nodes.field_list)]
    if not field_lists:
        return found
    parameters, templates = _labels(_PARAMETER_LABELS), _labels(_TEMPLATE_LABELS)
    for field_list in field_lists:
        for field in field_list.children:
            if len(field.children) != 2:
                continue
            label = field[0].astext().strip()
            if label in parameters:
                template = False
            elif label in templates:
                template = True
            else:
                continue
            for paragraph in _field_paragraphs(field[1]):
                name_node = _name_node(paragraph)
                if name_node is None:
                    continue
                for name in name_node.astext().split(","):
                    name = name.strip().lstrip("*\\").strip()
                    if name and (template, name) not in found:
                        found[template, name] = (paragraph, name_node)
    return found


def _field_paragraphs(body: nodes.Element) -> Iterator[nodes.paragraph]:
    """The paragraph of each entry: one per list item, or the body's own (one entry)."""
    if not body.children:
        return
    first = body[0]
    if isinstance(first, nodes.paragraph):
        yield first
    elif isinstance(first, (nodes.bullet_list, nodes.enumerated_list)):
        for item in first.children:
            if item.children and isinstance(item[0], nodes.paragraph):
                yield item[0]


def _name_node(paragraph: nodes.paragraph) -> nodes.Element | None:
    """The name an entry starts with: Sphinx's ``literal_strong``, or the
    ``strong`` of napoleon with ``napoleon_use_param = False``."""
    if not paragraph.children:
        return None
    first = paragraph[0]
    if isinstance(first, (nodes.reference, addnodes.pending_xref)) and first.children:
        first = first[0]
    return first if isinstance(first, nodes.strong) else None  # literal_strong is one


def _object_path(desc: addnodes.desc) -> str:
    """A readable dotted path for the object: its Python or C id, else its names."""
    domain = desc["domain"]
    signode = next(c for c in desc.children if isinstance(c, addnodes.desc_signature))
    for node in desc.children:
        if isinstance(node, addnodes.desc_signature) and node["ids"] and domain != "cpp":
            return node["ids"][0]
    if domain == "py" and signode.get("fullname"):
        module = signode.get("module")
        path = f"{module}.{signode['fullname']}" if isinstance(module, str) and module else signode["fullname"]
    else:
        # C++ ids are mangled; its qualified name reads better.
        names = [
            n.astext()
            for n in signode.findall(lambda n: isinstance(n, (addnodes.desc_addname, addnodes.desc_name)))
            if not _in_template_line(n)
        ]
        path = f"{domain}." + "".join(names).replace("::", ".")
    return _NOT_IN_ID.sub("-", path).strip("-") or domain


def _unique(anchor: str, taken: set[str]) -> str:
    candidate, number = anchor, 2
    while candidate in taken:
        candidate = f"{anchor}-{number}"
        number += 1
    taken.add(candidate)
    return candidate


def _in_template_line(node: nodes.Node) -> bool:
    line = node.parent
    while line is not None and not isinstance(line, addnodes.desc_signature_line):
        line = line.parent
    if line is None or not isinstance(line.parent, addnodes.desc_signature):
        return False
    return any(t is line for t in signature_roles.template_lines(line.parent))


def _link_signatures(desc: addnodes.desc, anchors: dict[tuple[bool, str], str]) -> None:
    """Link each documented name in every signature (overload) of ``desc``."""
    domain = desc["domain"]
    macro = desc.get("objtype") == "macro"
    for signode in desc.children:
        if not isinstance(signode, addnodes.desc_signature):
            continue
        for template, node in list(_parameter_names(signode, domain, macro)):
            if domain != "py" and "sig-param" not in node["classes"]:
                # As the C++ domain marks its function parameters' names (not
                # C's, nor template parameters), for the stylesheet.
                node["classes"].append("sig-param")
            anchor = anchors.get((template, node.astext()))
            if anchor is None:
                continue
            link = nodes.reference("", "", *node.children, refid=anchor, internal=True, classes=[LINK_CLASS])
            node.children = []
            node += link


def _parameter_names(
    signode: addnodes.desc_signature, domain: str, macro: bool
) -> Iterator[tuple[bool, addnodes.desc_sig_name]]:
    """(is a template parameter, name node) for each parameter the signature declares."""
    for parameter in signode.findall(addnodes.desc_parameter):
        if _nested(parameter, signode):
            continue  # a function pointer's own parameters
        name = _declared_name(parameter, "py" if macro else domain)
        if name is not None:
            yield False, name
    if domain == "cpp":
        for desc_name in signode.findall(addnodes.desc_name):
            if _in_template_line(desc_name):
                for name in desc_name.findall(addnodes.desc_sig_name):
                    yield True, name


def _nested(parameter: addnodes.desc_parameter, signode: nodes.Element) -> bool:
    parent = parameter.parent.parent if parameter.parent is not None else None
    while parent is not None and parent is not signode:
        if isinstance(parent, addnodes.desc_parameter):
            return True
        parent = parent.parent
    return False


def _declared_name(parameter: addnodes.desc_parameter, domain: str) -> addnodes.desc_sig_name | None:
    if domain == "py":
        # Python and C macros: the name comes first, after a ``*`` or ``**``.
        for child in parameter.children:
            if isinstance(child, addnodes.desc_sig_name):
                return child
            if not isinstance(child, addnodes.desc_sig_operator):
                return None
        return None
    if domain == "cpp":
        return next(
            (
                n
                for n in _own_tokens(parameter)
                if isinstance(n, addnodes.desc_sig_name) and "sig-param" in n["classes"]
            ),
            None,
        )
    # C marks nothing: the declarator's name is the first name after the type
    # (``size_t n``, ``void (*callback)(int code)``); ``size_t`` alone has none.
    typed = False
    for token in _own_tokens(parameter):
        if isinstance(token, addnodes.desc_sig_name) and typed:
            return token
        if isinstance(
            token, (addnodes.desc_sig_name, addnodes.desc_sig_keyword_type, nodes.reference, addnodes.pending_xref)
        ):
            typed = True
    return None


def _own_tokens(parameter: nodes.Element) -> Iterator[nodes.Element]:
    """The parameter's tokens, not inside references or nested parameter lists."""
    for child in parameter.children:
        if isinstance(child, (nodes.reference, addnodes.pending_xref, addnodes.desc_parameterlist)):
            yield child
            continue
        if isinstance(child, addnodes.desc_sig_element):
            yield child
        elif isinstance(child, nodes.Element):
            yield from _own_tokens(child)

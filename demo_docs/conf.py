"""Sphinx configuration of the piccolo_theme demo: the Piccolo ORM's documentation.

The site must build with ``-W --keep-going -n`` on every Sphinx from 7.4 to 9.2,
and without network access: nothing here downloads anything, at build time or
when a reader opens a page.
"""

from __future__ import annotations

import sys
from importlib.metadata import version as _package_version
from pathlib import Path

from docutils import nodes

HERE = Path(__file__).resolve().parent
# The small example application documented on the extension pages.
sys.path.insert(0, str(HERE / "_code"))

# -- Project -------------------------------------------------------------------

project = "Piccolo"
author = "the Piccolo developers"
copyright = "2018-2026, the Piccolo developers"
release = _package_version("piccolo")
version = ".".join(release.split(".")[:2])
language = "en"

# -- General -------------------------------------------------------------------

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.doctest",
    "sphinx.ext.napoleon",
    "sphinx.ext.todo",
    "sphinx.ext.viewcode",
    # Markdown and Jupyter notebooks (myst-nb brings myst-parser with it).
    "myst_nb",
    "sphinx_copybutton",
    "sphinx_design",
    "sphinx_tabs.tabs",
]

source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".ipynb": "myst-nb"}
root_doc = "index"
exclude_patterns = ["_build", "_code", "Thumbs.db", ".DS_Store"]
templates_path: list[str] = []

nitpicky = True
# Names in piccolo's own annotations that this site does not document: the
# standard library and typing (no intersphinx: builds never touch the network),
# third-party types, and piccolo internals outside the public API pages.
nitpick_ignore_regex = [
    (
        r"py:(class|obj|data|exc|func|meth|attr)",
        r"(typing|typing_extensions|collections\.abc|types|enum|datetime|decimal|uuid|asyncio|contextvars|sqlite3|abc|inspect|pathlib)(\..+)?",
    ),
    (
        r"py:(class|obj|data)",
        r"(str|int|float|bool|bytes|dict|list|tuple|set|type|object|None|Any|Optional|Union|Callable|Sequence|Mapping|Iterable|Generator|Coroutine|Awaitable|Literal|TypeVar|Self|Unpack|TypedDict|NoneType|Ellipsis|\.\.\.)",
    ),
    (r"py:(class|obj|data|exc)", r"(asyncpg|pydantic|targ)(\..+)?"),
    # piccolo's internals: modules the API pages do not cover, and names its
    # annotations use unqualified.
    (
        r"py:(class|obj|func)",
        r"piccolo\.(apps|utils|custom_types|querystring|columns\.(base|combination|defaults|indexes|readable)|query\.(base|functions|methods|mixins)|engine\.(base|sqlite|postgres))\..+",
    ),
    (
        r"py:class",
        r"(ArrayType|CallbackType|ColumnKwargs|Combinable|Get|GetChildElement|GetOrCreate|LockStrength|OnConflictAction|QueryString|ReferencedTable|Selectable|Self|TableInstance|Transaction)",
    ),
]

# Sphinx's default "[source]" links and page source copies.
html_copy_source = False
html_show_sourcelink = False

todo_include_todos = True
numfig = True

# -- autodoc ---------------------------------------------------------------------

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_preserve_defaults = True
# viewcode pages only for modules documented under their own name (the example
# app and piccolo.table), not for every module piccolo re-exports from.
viewcode_follow_imported_members = False

napoleon_google_docstring = True
napoleon_numpy_docstring = True
napoleon_preprocess_types = True

# -- Extensions ------------------------------------------------------------------

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3
# Notebooks are shown with the outputs stored in them: builds stay offline and fast.
nb_execution_mode = "off"

copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True

# -- HTML ------------------------------------------------------------------------

html_theme = "piccolo_theme"
html_title = "Piccolo ORM"
html_short_title = "Piccolo"
html_static_path = ["_static"]
html_favicon = "_static/favicon.svg"
html_theme_options = {
    # An absolute link: the banner's HTML is the same on every page, at every depth.
    "banner_text": (
        "This site demonstrates piccolo_theme, the Sphinx theme it is built with. "
        '<a href="https://github.com/piccolo-orm/piccolo_theme">See the theme on GitHub</a>.'
    ),
    "source_url": "https://github.com/piccolo-orm/piccolo_theme",
    # The header's version menu, from switcher.json (copied to the site's root
    # by html_extra_path; the browser fetches it, the build does not). On Read
    # the Docs, Addons adds the languages and downloads to the same menu.
    "version_switcher": {"json_url": "switcher.json", "version_match": version},
    # Edit links: this folder of that repository; the branch is Read the Docs'
    # (READTHEDOCS_GIT_IDENTIFIER) or main.
    "source_directory": "demo_docs",
    "icon_links": [
        {"name": "piccolo_theme on PyPI", "url": "https://pypi.org/project/piccolo-theme/", "icon": "pypi"},
        {"name": "Piccolo discussions", "url": "https://github.com/piccolo-orm/piccolo/discussions", "icon": "chat"},
    ],
    "light_logo": "logo-light.svg",
    "dark_logo": "logo-dark.svg",
    "logo_only": False,
}
html_extra_path = ["switcher.json"]

# Mathematics as MathML, converted while building (see setup() below), so a page
# needs no script and no font from another site to show an equation.
html_math_renderer = "mathml"


# -- MathML rendering ------------------------------------------------------------


def _to_mathml(latex: str, display: str, node) -> str:
    from latex2mathml.converter import convert
    from markupsafe import escape
    from sphinx.util import logging

    try:
        return convert(latex, display=display)
    except Exception as error:  # latex2mathml raises several kinds
        logging.getLogger(__name__).warning("cannot convert this maths to MathML (%s): %s", error, latex, location=node)
        return f'<code class="math-source">{escape(latex)}</code>'


def _visit_math(self, node):
    self.body.append(self.starttag(node, "span", "", CLASS="math notranslate"))
    self.body.append(_to_mathml(node.astext(), "inline", node))
    self.body.append("</span>")
    raise nodes.SkipNode


def _visit_displaymath(self, node):
    from sphinx.locale import _

    self.body.append(self.starttag(node, "div", CLASS="math notranslate"))
    if node.get("number"):
        eqno = node["number"]
        self.body.append(f'<span class="eqno">({eqno})')
        self.add_permalink_ref(node, _("Link to this equation"))
        self.body.append("</span>")
    latex = node.astext()
    if node.get("nowrap"):
        blocks = [latex]
    else:
        blocks = [part for part in latex.split("\n\n") if part.strip()]
    for block in blocks:
        self.body.append(_to_mathml(block, "block", node))
    self.body.append("</div>\n")
    raise nodes.SkipNode


def _drop_unused_viewcode_modules(app, env):
    """Forget modules that viewcode looked at but links nothing to.

    viewcode notes every module an object is documented under, such as
    ``piccolo.columns``, which only re-exports its classes. A serial build
    drops such entries while reading; a parallel one (``-j``) keeps those of
    the last page each worker read, and would publish near-empty source pages.
    """
    modules = getattr(env, "_viewcode_modules", None) or {}
    for name, entry in list(modules.items()):
        if entry and not entry[2]:
            del modules[name]
    return []


def setup(app):
    try:
        import latex2mathml.converter  # noqa: F401
    except ImportError as error:
        from sphinx.errors import ConfigError

        raise ConfigError("demo_docs renders maths with latex2mathml: pip install -r requirements/demo.txt") from error
    app.connect("env-updated", _drop_unused_viewcode_modules)
    app.add_html_math_renderer(
        "mathml",
        inline_renderers=(_visit_math, None),
        block_renderers=(_visit_displaymath, None),
    )
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""demo_docs/: the Piccolo ORM's documentation, the theme's showcase and test bed.

The demo is built once per session the way Read the Docs and CI build it
(``-W --keep-going -n``: every warning is an error, references are nitpicked),
with every network connection refused, and the pages are then checked for the
constructs they exist to show. The last tests start the live preview
(sphinx-autobuild, as ``scripts/demo`` runs it) and edit a page under it.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from pt_paths import DEMO, ROOT, SCRIPTS

VENV_BIN = Path(sys.executable).parent

#: Loaded into the build's interpreter: any attempt to open a network
#: connection (or even resolve a host name) fails the build loudly.
NO_NETWORK = """
import os, socket

def _refuse(*args, **kwargs):
    raise OSError("piccolo_theme tests: network access during the demo build")

socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.getaddrinfo = _refuse
socket.create_connection = _refuse
with open(os.environ["PT_NO_NETWORK_MARKER"], "a") as marker:
    marker.write("loaded\\n")
"""

pytestmark = pytest.mark.slow


class BuiltDemo:
    def __init__(self, outdir: Path, stderr: str) -> None:
        self.outdir = outdir
        self.stderr = stderr
        self.pages = sorted(
            p.relative_to(outdir).as_posix()
            for p in outdir.rglob("*.html")
            if not p.relative_to(outdir).as_posix().startswith(("_static/", "_images/"))
        )

    def soup(self, page: str) -> BeautifulSoup:
        return BeautifulSoup((self.outdir / page).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory) -> BuiltDemo:
    work = tmp_path_factory.mktemp("demo-build")
    guard = work / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(NO_NETWORK, encoding="utf-8")
    marker = work / "guard-loaded"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(guard), os.environ.get("PYTHONPATH")])),
        "PT_NO_NETWORK_MARKER": str(marker),
        # The theme's deprecation warnings are errors here too (tests/test_deprecations.py).
        "PYTHONWARNINGS": subprocess.check_output(
            [sys.executable, str(SCRIPTS / "deprecation_filters.py")], text=True
        ).strip(),
    }
    outdir = work / "html"
    command = [
        sys.executable, "-m", "sphinx", "-b", "html",
        "-W", "--keep-going", "-n",
        "-d", str(work / "doctrees"),
        str(DEMO), str(outdir),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert marker.exists(), "the network guard was not loaded into the build"
    assert done.returncode == 0, f"the demo does not build cleanly:\n{done.stderr[-6000:]}"
    return BuiltDemo(outdir, done.stderr)


# -- the build itself ---------------------------------------------------------


def test_demo_builds_with_warnings_as_errors_and_no_network(demo_build):
    # The fixture already failed on any warning; also no stray output on stderr.
    assert "WARNING" not in demo_build.stderr
    assert (demo_build.outdir / "index.html").exists()


def test_parallel_build_makes_the_same_pages(demo_build, tmp_path):
    """The browser suite builds with ``-j auto``: same pages, same count."""
    outdir = tmp_path / "html"
    command = [
        sys.executable, "-m", "sphinx", "-b", "html", "-q", "-j", "2",
        "-W", "--keep-going", "-n", "-d", str(tmp_path / "doctrees"),
        str(DEMO), str(outdir),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-4000:]
    assert BuiltDemo(outdir, "").pages == demo_build.pages


def test_demo_size_fits_the_browser_suite(demo_build):
    # Every page is opened in 3 modes x 2 viewports by the browser tests.
    assert 35 <= len(demo_build.pages) <= 60, demo_build.pages


def test_conf_uses_only_the_agreed_extensions():
    tree = ast.parse((DEMO / "conf.py").read_text(encoding="utf-8"))
    extensions = next(
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "extensions"
    )
    allowed = {
        "sphinx.ext.autodoc", "sphinx.ext.autosummary", "sphinx.ext.doctest",
        "sphinx.ext.napoleon", "sphinx.ext.todo", "sphinx.ext.viewcode",
        "myst_parser", "myst_nb", "sphinx_copybutton", "sphinx_design", "sphinx_tabs.tabs",
    }  # fmt: skip
    assert set(extensions) <= allowed
    # No extension that downloads at build time, nor a CDN-loaded renderer.
    assert "sphinx.ext.intersphinx" not in extensions
    assert "sphinx.ext.mathjax" not in extensions


# -- no request to another host when a page is viewed -------------------------

_RESOURCE_ATTRIBUTES = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "embed": "src",
    "object": "data",
}


def _is_external(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.scheme in ("http", "https") or url.strip().startswith("//"))


def test_pages_load_nothing_from_other_hosts(demo_build):
    offenders = []
    for page in demo_build.pages:
        soup = demo_build.soup(page)
        for tag, attribute in _RESOURCE_ATTRIBUTES.items():
            for element in soup.find_all(tag):
                url = element.get(attribute, "")
                if url and _is_external(url):
                    offenders.append((page, tag, url))
        for link in soup.find_all("link"):
            rel = set(link.get("rel") or [])
            if rel & {"stylesheet", "preload", "icon", "modulepreload", "prefetch", "preconnect"}:
                if _is_external(link.get("href", "")):
                    offenders.append((page, "link", link["href"]))
    assert offenders == []


def test_static_files_reference_no_other_host(demo_build):
    pattern = re.compile(r"""(url\(\s*['"]?(https?:)?//|@import\s+['"]?(https?:)?//)""")
    offenders = [
        path.name
        for path in (demo_build.outdir / "_static").rglob("*.css")
        if pattern.search(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert offenders == []


def test_maths_is_mathml_rendered_at_build_time(demo_build):
    soup = demo_build.soup("kitchen-sink/math.html")
    blocks = soup.select("div.math")
    assert len(blocks) >= 4
    assert all(block.find("math") is not None for block in blocks)
    assert soup.select_one("div.math math[display=block]") is not None
    assert soup.select_one("span.math math") is not None  # inline maths
    assert soup.select_one("div.math span.eqno") is not None  # a numbered equation
    # No TeX is left for a script to typeset, and no MathJax is loaded.
    assert "\\frac" not in soup.select_one("main").get_text()
    assert not [s for s in soup.find_all("script", src=True) if "mathjax" in s["src"].lower()]


# -- the ORM guide and the API reference ---------------------------------------

ORM_PAGES = [
    "orm/index.html", "orm/getting-started.html", "orm/tables.html", "orm/columns.html",
    "orm/foreign-keys.html", "orm/queries/select.html", "orm/queries/objects.html",
    "orm/queries/insert-update-delete.html", "orm/queries/clauses.html",
    "orm/queries/frozen.html", "orm/queries/select-for-update.html",
    "orm/transactions.html", "orm/migrations.html", "orm/engines.html",
    "orm/m2m.html", "orm/admin.html",
]  # fmt: skip


def test_orm_guide_covers_the_topics(demo_build):
    for page in ORM_PAGES:
        assert page in demo_build.pages
    columns = demo_build.soup("orm/columns.html").get_text()
    for argument in ("null", "default", "unique", "index", "choices", "secret", "help_text"):
        assert f"{argument}" in columns
    assert "FOR UPDATE" in demo_build.soup("orm/queries/select-for-update.html").get_text()
    engines = demo_build.soup("orm/engines.html").get_text()
    for engine in ("SQLite", "Postgres", "CockroachDB"):
        assert engine in engines


def test_api_reference_is_generated_from_the_pinned_piccolo(demo_build):
    pins = dict(
        line.split("==", 1)
        for line in (ROOT / "requirements" / "demo.txt").read_text().splitlines()
        if "==" in line and not line.startswith("#")
    )
    assert pins["piccolo"] == version("piccolo")
    expected = {
        "api/table.html": ["piccolo.table.Table", "piccolo.table.Table.select"],
        "api/columns.html": [
            "piccolo.columns.Varchar", "piccolo.columns.ForeignKey",
            "piccolo.columns.Timestamptz", "piccolo.columns.M2M",
        ],
        "api/queries.html": ["piccolo.query.Select", "piccolo.query.Objects.get_or_create"],
        "api/engines.html": [
            "piccolo.engine.SQLiteEngine", "piccolo.engine.PostgresEngine",
            "piccolo.engine.CockroachEngine",
        ],
    }  # fmt: skip
    for page, ids in expected.items():
        soup = demo_build.soup(page)
        for anchor in ids:
            assert soup.find("dt", id=anchor) is not None, (page, anchor)


def test_api_has_long_annotated_signatures(demo_build):
    """The material the one-parameter-per-line layout is for."""
    soup = demo_build.soup("api/columns.html")
    signature = soup.find("dt", id="piccolo.columns.ForeignKey")
    parameters = signature.select("em.sig-param")
    assert len(parameters) >= 6
    annotated = [p for p in parameters if ":" in p.get_text()]
    assert len(annotated) >= 4
    assert len(signature.get_text(" ", strip=True)) > 150


# -- the theme's own documentation --------------------------------------------


def test_every_theme_option_is_documented_with_an_example(demo_build):
    from piccolo_theme.options import ThemeOptions

    soup = demo_build.soup("theme/options.html")
    headings = " ".join(h.get_text() for h in soup.select("section h2"))
    for field in ThemeOptions.__dataclass_fields__:
        assert field in headings, f"theme option {field!r} has no section"
    # Each option's section has an example and says what it looks like.
    for section in soup.select("section section"):
        if section.get("id") == "this-site-s-settings":
            continue
        title = section.find("h2").get_text()
        assert section.select("div.highlight"), f"no example for {title}"
        assert "What it looks like" in section.get_text(), f"no description for {title}"


def test_theme_documentation_pages(demo_build):
    for page in (
        "theme/installation.html", "theme/options.html", "theme/dark-modes.html",
        "theme/signatures.html", "theme/customising.html", "theme/hosting.html",
        "theme/changelog.html",
    ):  # fmt: skip
        assert page in demo_build.pages
    customising = demo_build.soup("theme/customising.html").get_text()
    assert "--pt-bg" in customising and "{% extends" in customising


# -- the kitchen sink ----------------------------------------------------------


def test_kitchen_sink_admonitions(demo_build):
    soup = demo_build.soup("kitchen-sink/admonitions.html")
    kinds = {"note", "tip", "hint", "important", "attention", "caution", "warning",
             "danger", "error", "seealso", "admonition-todo"}  # fmt: skip
    found = {c for a in soup.select("div.admonition, aside.admonition") for c in a["class"]}
    assert kinds <= found, kinds - found


def test_kitchen_sink_lists(demo_build):
    soup = demo_build.soup("kitchen-sink/lists.html")
    styles = {c for ol in soup.find_all("ol") for c in ol.get("class", [])}
    assert {"arabic", "loweralpha", "lowerroman", "upperalpha", "upperroman"} <= styles
    assert soup.select_one("ol[start='5']") is not None
    assert soup.select_one("ul ul ul") is not None
    assert soup.select_one("dl.field-list") is not None
    assert soup.select_one("table.option-list, dl.option-list") is not None
    assert soup.select_one("dl.simple, dl:not(.field-list)") is not None


def test_kitchen_sink_tables(demo_build):
    soup = demo_build.soup("kitchen-sink/tables.html")
    tables = soup.select("main table")
    assert len(tables) >= 6
    assert soup.select_one("td[rowspan], td[colspan]") is not None  # the grid table
    widest = max(len(t.select("thead th")) for t in tables)
    assert widest >= 9  # wider than a phone


def test_kitchen_sink_code(demo_build):
    soup = demo_build.soup("kitchen-sink/code.html")
    assert soup.select_one("div.literal-block-wrapper .code-block-caption") is not None
    assert soup.select_one(".linenos") is not None
    assert soup.select_one("span.hll") is not None
    assert soup.select_one("pre.literal-block, div.highlight-default, div.highlight-text")


def test_kitchen_sink_inline_notes_and_terms(demo_build):
    soup = demo_build.soup("kitchen-sink/inline.html")
    for selector in ("em", "strong", "code", "sub", "sup", "abbr", "kbd",
                     "aside.footnote, dl.footnote, div.footnote",
                     "div.citation, aside.citation, dl.citation",
                     "dl.glossary"):  # fmt: skip
        assert soup.select_one(selector) is not None, selector


def test_kitchen_sink_blocks_images_and_domains(demo_build):
    blocks = demo_build.soup("kitchen-sink/blocks.html")
    for selector in (".topic", ".sidebar", "p.rubric", ".versionadded", ".versionchanged",
                     ".deprecated", ".seealso", "blockquote"):  # fmt: skip
        assert blocks.select_one(selector) is not None, selector
    images = demo_build.soup("kitchen-sink/images.html")
    assert images.select_one("figure figcaption") is not None
    assert all(img.get("alt") for img in images.select("main img"))
    domains = demo_build.soup("kitchen-sink/c-cpp.html")
    assert domains.select_one("dl.c.function") is not None
    assert domains.select_one("dl.cpp.class") is not None


def test_kitchen_sink_depth_and_long_page(demo_build):
    chain = [
        "index.html",
        "kitchen-sink/index.html",
        "kitchen-sink/hierarchy/index.html",
        "kitchen-sink/hierarchy/level-4/index.html",
        "kitchen-sink/hierarchy/level-4/level-5.html",
    ]
    for parent, child in zip(chain, chain[1:], strict=False):
        base = (demo_build.outdir / parent).parent
        linked = {(base / a["href"].split("#")[0]).resolve() for a in demo_build.soup(parent).select("main a[href]")}
        assert (demo_build.outdir / child).resolve() in linked, (parent, child)
    many = demo_build.soup("kitchen-sink/many-sections.html")
    assert len(many.select("main section")) >= 20


# -- extensions ----------------------------------------------------------------


def test_extension_pages(demo_build):
    napoleon = demo_build.soup("extensions/napoleon-viewcode.html")
    fields = " ".join(dt.get_text() for dt in napoleon.select("dl.field-list dt"))
    assert "Parameters" in fields and "Returns" in fields and "Raises" in fields
    assert napoleon.select_one(".viewcode-link") is not None
    assert "_modules/band_app/services.html" in demo_build.pages

    copy = demo_build.soup("extensions/copybutton.html")
    assert any("copybutton" in s["src"] for s in copy.find_all("script", src=True))

    design = demo_build.soup("extensions/design.html")
    assert design.select_one(".sd-card") is not None
    assert design.select_one(".sd-tab-set") is not None
    assert design.select_one("details.sd-dropdown") is not None

    tabs = demo_build.soup("extensions/tabs.html")
    assert tabs.select_one(".sphinx-tabs") is not None

    markdown = demo_build.soup("extensions/markdown.html")
    assert markdown.find("h1").get_text(strip=True).startswith("A Markdown page")
    assert markdown.select_one("main table") is not None
    assert markdown.select_one("div.admonition.note, aside.admonition.note") is not None


# -- Read the Docs ---------------------------------------------------------------


def test_readthedocs_config_builds_the_demo():
    config = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    assert config["sphinx"]["configuration"] == "demo_docs/conf.py"
    assert config["sphinx"].get("fail_on_warning") is True
    installs = config["python"]["install"]
    assert {"requirements": "requirements/demo.txt"} in installs
    assert any(item.get("method") == "pip" and item.get("path") == "." for item in installs)
    assert config["build"]["os"] and config["build"]["tools"]["python"]


def test_demo_requirements_are_pinned():
    lines = [
        line.strip()
        for line in (ROOT / "requirements" / "demo.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[\w.]+", line) for line in lines), lines

    def normal(requirement: str) -> str:
        name, pin = requirement.split("==", 1)
        return re.sub(r"[-_.]+", "-", name).lower() + "==" + pin

    pins = [normal(line) for line in lines]
    names = {pin.split("==")[0] for pin in pins}
    assert {"sphinx", "piccolo", "sphinx-autobuild", "libsass", "latex2mathml"} <= names
    constraints = {
        normal(line.strip())
        for line in (ROOT / "requirements" / "constraints.txt").read_text().splitlines()
        if "==" in line
    }
    for pin in pins:
        assert pin in constraints, f"{pin} is not in constraints.txt"


# -- the live preview ------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def _wait_for(predicate, timeout: float, server: subprocess.Popen, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        if server.poll() is not None:
            pytest.fail(f"the preview server exited ({server.returncode}) before {what}")
        time.sleep(0.5)
    pytest.fail(f"timed out after {timeout:.0f}s waiting for {what}")


def _stop(server: subprocess.Popen) -> None:
    """End the server and the builds it started: its whole process group."""
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=15)
    else:
        # The server is gone; make sure no build it started outlives it.
        try:
            os.killpg(server.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def test_demo_script_runs_sphinx_autobuild_as_documented():
    """scripts/demo: loopback only, PORT, the three watched folders, SCSS first."""
    script = (ROOT / "scripts" / "demo").read_text(encoding="utf-8")
    assert "sphinx-autobuild" in script
    assert re.search(r"sphinx-autobuild\"?\s+demo_docs\s", script)
    assert "--host 127.0.0.1" in script
    assert '"${PORT:-8000}"' in script
    assert "--watch piccolo_theme" in script and "--watch sass" in script
    assert re.search(r"--pre-build\s+\"[^\"]*compile_sass\.py", script)


def test_live_preview_serves_an_edited_page(tmp_path):
    """Start the preview as scripts/demo does, edit a page, see the new text served.

    The sources are a copy of demo_docs/, so the repository is never modified;
    the SCSS is compiled before each build (into memory only, for the same
    reason), and the theme and sass folders are watched as in scripts/demo.
    """
    autobuild = VENV_BIN / "sphinx-autobuild"
    if not autobuild.exists():
        pytest.skip("sphinx-autobuild is not installed next to this Python")
    source = tmp_path / "demo_docs"
    shutil.copytree(DEMO, source, ignore=shutil.ignore_patterns("_build", "__pycache__"))
    # Pages include a few files from beside demo_docs/ (the Read the Docs config).
    shutil.copy(ROOT / ".readthedocs.yaml", tmp_path / ".readthedocs.yaml")
    outdir = tmp_path / "html"
    port = _free_port()
    compile_check = (
        f'{sys.executable} -c "import sys; sys.path.insert(0, {str(ROOT / "scripts")!r}); '
        'import compile_sass; compile_sass.compile_css()"'
    )
    command = [
        str(autobuild), str(source), str(outdir),
        "--host", "127.0.0.1", "--port", str(port),
        "--watch", str(ROOT / "piccolo_theme"), "--watch", str(ROOT / "sass"),
        "--re-ignore", r"piccolo_theme/static/piccolo_theme\.css$",
        "--re-ignore", r"__pycache__",
        "--pre-build", compile_check,
        "-q", "-d", str(tmp_path / "doctrees"),
    ]  # fmt: skip
    log = (tmp_path / "autobuild.log").open("w")
    server = subprocess.Popen(
        command,
        cwd=tmp_path,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/orm/queries/frozen.html"
    try:
        first = _wait_for(lambda: _fetch(url), 180, server, "the first page")
        assert "Frozen queries" in first
        # sphinx-autobuild's script, which reloads the browser after a rebuild.
        assert "websocket-reload" in first

        marker = f"Edited under the live preview {time.time_ns()}"
        page = source / "orm" / "queries" / "frozen.rst"
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("Frozen queries\n==============\n",
                                     f"Frozen queries\n==============\n\n{marker}.\n", 1),
                        encoding="utf-8")  # fmt: skip

        served = _wait_for(lambda: (_fetch(url) or "").count(marker), 120, server, "the edit")
        assert served >= 1
    finally:
        _stop(server)
        log.close()
    output = (tmp_path / "autobuild.log").read_text(encoding="utf-8", errors="replace")
    assert "WARNING" not in output and "Traceback" not in output, output[-4000:]
    assert server.poll() is not None
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()

"""Shared fixtures: small Sphinx sites under tests/roots/test-<name>/, built with
sphinx.testing and read back as a :class:`Site`.

``build`` is the one site factory. A build must finish without a single
warning unless the test says it expects some (``warnings=True``); the test then
checks ``site.warnings`` itself.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from pt_paths import ROOTS

pytest_plugins = ["sphinx.testing.fixtures"]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


class Site:
    """A built site: its app, warnings and pages."""

    def __init__(self, app: SphinxTestApp) -> None:
        self.app = app
        self.srcdir = Path(app.srcdir)
        self.outdir = Path(app.outdir)
        self.warnings: str = app.warning.getvalue()

    def path(self, page: str = "index") -> Path:
        """The file of a page: a docname (``"first"``) or a path (``"first/index.html"``)."""
        path = self.outdir / page
        if path.suffix != ".html":
            # html writes search.html even beside a folder named search/ (dirhtml: search/index.html).
            page_file = path.with_name(path.name + ".html")
            path = page_file if page_file.exists() or not path.is_dir() else path / "index.html"
        return path

    def html(self, page: str = "index") -> str:
        return self.path(page).read_text(encoding="utf-8")

    def soup(self, page: str = "index") -> BeautifulSoup:
        return BeautifulSoup(self.html(page), "html.parser")


def _source(root: str | Path, folder: Path, files: dict[str, str] | None) -> Path:
    """``tests/roots/test-<root>`` copied to ``folder`` (once: a second build there
    is an incremental one), or a folder of your own; then ``files`` written into it."""
    if isinstance(root, Path):
        folder = root
    elif not folder.exists():
        shutil.copytree(ROOTS / f"test-{root}", folder)
    for name, text in (files or {}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _finish(app: SphinxTestApp, warnings: bool) -> Site:
    app.build()
    site = Site(app)
    if warnings:
        assert site.warnings, "the test expects warnings and the build gave none"
    else:
        assert site.warnings == "", f"unexpected warnings (pass warnings=True to check them):\n{site.warnings}"
    return site


@pytest.fixture()
def build(make_app: Callable[..., SphinxTestApp], tmp_path: Path) -> Callable[..., Site]:
    """``build("basic", buildername="html", confoverrides={...})`` -> Site.

    - ``warnings=True``: the test expects warnings (at least one) and checks them;
      by default the build must give none.
    - ``files={"page.rst": "..."}``: written into the copied source first.
    - ``name``: the source folder, by default one per root and builder, so a
      second ``build`` of the same root in one test is an incremental build;
      give another name for a fresh copy.
    - ``root`` may be a folder (a ``Path``) a test wrote itself; it is built in place.
    - Anything else goes to sphinx.testing's ``make_app`` (``confoverrides``,
      ``parallel``, ``freshenv``, ...).
    """

    def _build(
        root: str | Path,
        *,
        buildername: str = "html",
        warnings: bool = False,
        files: dict[str, str] | None = None,
        name: str | None = None,
        **kwargs: Any,
    ) -> Site:
        src = _source(root, tmp_path / (name or f"src-{root}-{buildername}"), files)
        if built:
            # The previous app's docutils registrations go before the next app
            # makes its own (else: "node class ... is already registered").
            built[-1].cleanup()
        built.append(make_app(buildername, srcdir=src, **kwargs))
        return _finish(built[-1], warnings)

    built: list[SphinxTestApp] = []
    return _build


@pytest.fixture(scope="module")
def build_once(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Site]:
    """``build`` for slow sites many tests of a module read: the same arguments
    build once per module and return the same Site."""
    sites: dict[str, Site] = {}

    def _build(root: str, *, buildername: str = "html", warnings: bool = False, **kwargs: Any) -> Site:
        key = repr((root, buildername, warnings, sorted(kwargs.items())))
        if key not in sites:
            src = _source(root, tmp_path_factory.mktemp(f"src-{root}") / "src", None)
            app = SphinxTestApp(buildername, srcdir=src, **kwargs)
            try:
                sites[key] = _finish(app, warnings)
            finally:
                # Before the next app registers its nodes with docutils again.
                app.cleanup()
        return sites[key]

    return _build

"""Shared fixtures: small Sphinx sites under tests/roots/test-<name>/, built with
sphinx.testing's ``make_app``, their pages parsed with BeautifulSoup."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

pytest_plugins = ["sphinx.testing.fixtures"]

ROOTS = Path(__file__).resolve().parent / "roots"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


class Site:
    """A built fixture site: its app, warnings and pages."""

    def __init__(self, app) -> None:
        self.app = app
        self.outdir = Path(app.outdir)

    @property
    def warnings(self) -> str:
        return self.app.warning.getvalue()

    def html(self, page: str = "index") -> str:
        path = self.outdir / page
        if path.suffix != ".html":
            path = path.with_suffix(".html") if not path.is_dir() else path / "index.html"
        return path.read_text(encoding="utf-8")

    def soup(self, page: str = "index") -> BeautifulSoup:
        return BeautifulSoup(self.html(page), "html.parser")


@pytest.fixture()
def build(make_app, tmp_path) -> Callable[..., Site]:
    """``build("basic", confoverrides={...}, buildername="html")`` -> Site.

    The root is copied into a fresh folder, so tests never share an output.
    """
    import shutil

    def _build(root: str, *, buildername: str = "html", parallel: int = 0, **kwargs) -> Site:
        src = tmp_path / f"src-{root}-{buildername}"
        if not src.exists():
            shutil.copytree(ROOTS / f"test-{root}", src)
        app = make_app(buildername, srcdir=src, parallel=parallel, **kwargs)
        app.build()
        return Site(app)

    return _build

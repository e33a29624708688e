"""Notebook pages: myst-nb (the demo's extension) and nbsphinx build with the
theme, load the notebook stylesheet, and only they do."""

from __future__ import annotations

import shutil

import pytest

from piccolo_theme import notebooks
from pt_paths import DEMO

NOTEBOOK = (DEMO / "extensions" / "notebook.ipynb").read_text(encoding="utf-8")


def stylesheets(soup) -> list[str]:
    return [link["href"].split("?")[0].rsplit("/", 1)[-1] for link in soup.find_all("link", rel="stylesheet")]


def test_myst_nb_page_has_cells_and_the_notebook_stylesheet(build):
    pytest.importorskip("myst_nb")
    site = build("notebook", files={"notebook.ipynb": NOTEBOOK})
    soup = site.soup("notebook")
    assert soup.select(".cell .cell_input") and soup.select(".cell_output .output.stderr")
    assert soup.select_one(".cell_output img")["alt"].startswith("A bar chart")
    sheets = stylesheets(soup)
    assert notebooks.STYLESHEET in sheets
    # After myst-nb's own stylesheet, whose rules it adjusts.
    mystnb = next(i for i, name in enumerate(sheets) if name.startswith("mystnb"))
    assert sheets.index(notebooks.STYLESHEET) > mystnb
    assert (site.outdir / "_static" / notebooks.STYLESHEET).is_file()
    # Pages without cells do not load it.
    assert notebooks.STYLESHEET not in stylesheets(site.soup("index"))
    assert notebooks.STYLESHEET not in stylesheets(site.soup("genindex"))


def test_collapsed_cells_are_named_by_their_visible_text(build):
    pytest.importorskip("myst_nb")
    site = build("notebook", files={"notebook.ipynb": NOTEBOOK})
    summaries = site.soup("notebook").select("details.hide > summary")
    assert len(summaries) == 2
    for summary in summaries:
        assert not summary.has_attr("aria-label")
        assert summary.get_text(" ", strip=True).startswith(("Show code cell", "Hide code cell"))


def test_nbsphinx_page_loads_the_notebook_stylesheet(build):
    pytest.importorskip("nbsphinx")
    if shutil.which("pandoc") is None:
        pytest.skip("nbsphinx needs pandoc (Debian: apt-get install pandoc)")
    site = build("nbsphinx", files={"notebook.ipynb": NOTEBOOK})
    soup = site.soup("notebook")
    assert soup.select("div.nbinput div.input_area") and soup.select("div.nboutput div.output_area.stderr")
    assert notebooks.STYLESHEET in stylesheets(soup)
    assert notebooks.STYLESHEET not in stylesheets(site.soup("index"))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<div class="cell docutils container">', True),
        ('<div class="cell tag_hide-input docutils container">', True),
        ('<div class="nboutput nblast docutils container">', True),
        ('<div class="cellar">', False),
        ("<p>a cell</p>", False),
    ],
)
def test_cells_are_recognised(body, expected):
    assert notebooks.has_cells(body) is expected

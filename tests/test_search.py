"""Search as you type (issue 17): the markup, the options, and the ranking.

The ranking runs under node: the built site's own ``piccolo_theme_search.js``
against the ``searchindex.js`` and ``language_data.js`` that this Sphinx
version wrote, so the Sphinx matrix checks every version's index format.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from pt_paths import TESTS

RUNNER = TESTS / "js" / "search_engine.js"
NODE = shutil.which("node")


def run_queries(outdir: Path, *queries: str) -> dict[str, list[dict]]:
    done = subprocess.run([NODE, str(RUNNER), str(outdir), *queries], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["results"]


@pytest.fixture()
def site(build_once):
    # Built once per module: every ranking test reads the same index.
    return build_once("search")


needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed")


# -- markup and options -----------------------------------------------------------


def test_box_names_the_lazy_script_and_its_strings(site):
    box = site.soup("guide").select_one("search#pt-search")
    # With the theme's cache key (tests/test_cache_keys.py).
    script, _, key = box["data-script"].partition("?v=")
    assert script == "_static/piccolo_theme_search.js" and key
    assert (site.outdir / script).is_file()
    assert (site.outdir / "_static" / "piccolo_theme_search.css").is_file()
    assert box["data-all"] == "Show all results" and box["data-count"] == "Results: %s"
    # Without JavaScript it is a plain form submitting to the search page.
    form = box.find("form")
    assert form["action"] == "search.html" and form.find("input")["name"] == "q"
    assert not form.find("input").has_attr("role")


def test_nothing_search_related_is_loaded_by_the_page(site):
    for page in ("index", "api"):
        html = site.html(page)
        soup = site.soup(page)
        # What the browser fetches: scripts, stylesheets, preloads (not rel="search").
        kinds = {"stylesheet", "preload", "modulepreload", "prefetch"}
        fetched = [t.get("src", "") for t in soup.find_all("script")] + [
            t["href"] for t in soup.find_all("link") if kinds & set(t["rel"])
        ]
        assert not [t for t in fetched if "search" in t.rsplit("/", 1)[-1]], fetched
        assert "searchindex.js" not in html and "language_data.js" not in html


def test_nested_page_points_at_the_root(site):
    # The script finds the index from the content root, on every page.
    soup = site.soup("topics/deep")
    assert soup.select_one("search#pt-search")["data-script"].startswith("../_static/piccolo_theme_search.js?v=")
    assert soup.html["data-content_root"] == "../"


def test_search_as_you_type_off(build):
    site = build("search", confoverrides={"html_theme_options": {"search_as_you_type": False}})
    box = site.soup("index").select_one("search#pt-search")
    assert not box.has_attr("data-script") and not box.has_attr("data-provider")
    assert box.find("form")["action"] == "search.html"


def test_read_the_docs_provider(build):
    site = build("search", confoverrides={"html_theme_options": {"search_provider": "readthedocs"}})
    box = site.soup("index").select_one("search#pt-search")
    assert box["data-provider"] == "readthedocs"
    assert not box.has_attr("data-script")
    js = (site.outdir / "_static" / "piccolo_theme.js").read_text(encoding="utf-8")
    assert "readthedocs-search-show" in js


def test_a_bad_provider_keeps_the_built_in_search(build):
    # The warning itself is tests/test_bad_options.py's business.
    site = build("search", warnings=True, confoverrides={"html_theme_options": {"search_provider": "google"}})
    assert "'search_provider'" in site.warnings
    box = site.soup("index").select_one("search#pt-search")
    assert box["data-script"].startswith("_static/piccolo_theme_search.js?") and not box.has_attr("data-provider")


def test_strings_are_translated(build):
    site = build("search", confoverrides={"language": "de"})
    box = site.soup("index").select_one("search#pt-search")
    assert box["data-all"] != "Show all results"
    assert "%s" in box["data-count"] and box["data-count"] != "Results: %s"


# -- ranking, on this Sphinx version's index ------------------------------------------


@needs_node
def test_exact_object_name_comes_first(site):
    results = run_queries(site.outdir, "Table.select", "select", "tables.select_all", "drop")
    first = results["Table.select"][0]
    assert (first["kind"], first["title"], first["anchor"]) == ("object", "tables.Table.select", "tables.Table.select")
    assert "method" in first["type"] and first["page"] == "API reference"
    # A name's last part beats names it only begins.
    assert [r["title"] for r in results["select"][:3]] == [
        "tables.Table.select",
        "tables.select_all",
        "tables.Table.selection_size",
    ]
    assert results["tables.select_all"][0]["title"] == "tables.select_all"
    assert results["drop"][0]["title"] == "tables.drop"


@needs_node
def test_groups_come_in_order_objects_titles_text(site):
    order = {"object": 0, "title": 1, "index": 1, "text": 2}
    for query, kinds in run_queries(site.outdir, "table", "select", "engine", "install").items():
        ranks = [order[r["kind"]] for r in kinds]
        assert ranks == sorted(ranks), (query, kinds)


@needs_node
def test_section_titles_point_at_their_anchor(site):
    results = run_queries(site.outdir, "Configuring the engine", "migrations")
    first = results["Configuring the engine"][0]
    assert (first["kind"], first["docname"], first["anchor"]) == ("title", "guide", "configuring-the-engine")
    assert first["page"] == "User guide"
    assert results["migrations"][0]["anchor"] == "migrations"
    pooling = run_queries(site.outdir, "connection pool")["connection pool"][0]
    assert (pooling["docname"], pooling["anchor"]) == ("topics/deep", "connection-pooling")


@needs_node
def test_last_word_matches_as_a_prefix_while_typed(site):
    results = run_queries(site.outdir, "insta", "insta ", "nightl")
    assert results["insta"][0]["anchor"] == "installing-the-package"
    # A finished word (followed by a space) is no longer a prefix.
    assert not [r for r in results["insta "] if r["kind"] == "text"]
    assert "nightly" in [r["docname"] for r in results["nightl"]]


@needs_node
def test_stemmed_words_match(site):
    results = run_queries(site.outdir, "running", "failures", "runnin")
    assert [r["docname"] for r in results["running"]] == ["nightly"]
    assert "nightly" in [r["docname"] for r in results["failures"]]
    assert "nightly" in [r["docname"] for r in results["runnin"]]


@needs_node
def test_text_results_need_every_word(site):
    results = run_queries(site.outdir, "wheel pip", "wheel failure", "the", "")
    assert [r["docname"] for r in results["wheel pip"] if r["kind"] == "text"] == ["guide"]
    assert results["wheel failure"] == []
    # Stop words alone match no text.
    assert not [r for r in results["the"] if r["kind"] == "text"]
    assert results[""] == []


@needs_node
def test_index_entries_are_found(site):
    results = run_queries(site.outdir, "configuration file")
    entry = [r for r in results["configuration file"] if r["kind"] == "index"]
    assert entry and entry[0]["docname"] == "guide" and entry[0]["anchor"].startswith("index-")


@needs_node
def test_results_are_capped(site):
    results = run_queries(site.outdir, "a")
    assert len(results["a"]) <= 10

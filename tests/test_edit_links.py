"""A page's edit and view-source links: the exact URL per forge and per source of
repository data, for a nested .rst page, a MyST .md page and a path with a space
and a non-ASCII letter; tag builds; opt-outs; other builders."""

from __future__ import annotations

from pathlib import Path

import pytest

# docname -> (source file, its path in a URL)
PAGES = {
    "guide/deep/page": ("guide/deep/page.rst", "guide/deep/page.rst"),
    "guide/notes": ("guide/notes.md", "guide/notes.md"),
    "more pages/café": ("more pages/café.rst", "more%20pages/caf%C3%A9.rst"),
}


def write_site(src: Path, conf: str = "") -> Path:
    src.mkdir(parents=True)
    (src / "conf.py").write_text(
        'project = "Edits"\nhtml_theme = "piccolo_theme"\nextensions = ["myst_parser"]\n'
        'source_suffix = {".rst": "restructuredtext", ".md": "markdown"}\n' + conf,
        encoding="utf-8",
    )
    files = {
        "index.rst": (
            "Edits\n=====\n\n.. toctree::\n\n   guide/deep/page\n   guide/notes\n   more pages/café\n   hidden\n"
        ),
        "guide/deep/page.rst": "Page\n====\n\nText.\n",
        "guide/notes.md": "# Notes\n\nText.\n",
        "more pages/café.rst": "Café\n====\n\nText.\n",
        "hidden.rst": ":hide-edit-link:\n\nHidden\n======\n\nText.\n",
    }
    for name, text in files.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(text, encoding="utf-8")
    return src


def links(site, page: str) -> dict[str, str]:
    """The page's edit/view links by their visible label."""
    found = site.soup(page).select(".pt-edit-links a.pt-edit-link")
    return {a.get_text(strip=True): a["href"] for a in found}


@pytest.fixture(autouse=True)
def _no_read_the_docs(monkeypatch):
    for name in ("READTHEDOCS_GIT_IDENTIFIER", "READTHEDOCS_VERSION_TYPE"):
        monkeypatch.delenv(name, raising=False)


def _options(**options) -> str:
    return f"html_theme_options = {options!r}\n"


def _context(**context) -> str:
    return f"html_context = {context!r}\n"


# (id, conf.py lines, edit pattern, view pattern); {path} is the file's path in a URL.
CASES = [
    (
        "template",
        _options(
            source_edit_link="https://example.org/e/{filename}?x=1", source_view_link="https://example.org/v/{filename}"
        ),
        "https://example.org/e/{path}?x=1",
        "https://example.org/v/{path}",
    ),
    (
        "template-edit-only",
        _options(source_edit_link="https://example.org/e/{filename}"),
        "https://example.org/e/{path}",
        None,
    ),
    (
        "github",
        _options(source_url="https://github.com/org/proj", source_directory="docs"),
        "https://github.com/org/proj/edit/main/docs/{path}",
        "https://github.com/org/proj/blob/main/docs/{path}",
    ),
    (
        "github-branch",
        _options(source_url="https://github.com/org/proj/", source_branch="dev/2.x", source_directory="/docs/src/"),
        "https://github.com/org/proj/edit/dev/2.x/docs/src/{path}",
        "https://github.com/org/proj/blob/dev/2.x/docs/src/{path}",
    ),
    (
        "gitlab",
        _options(source_url="https://gitlab.com/group/sub/proj", source_branch="trunk"),
        "https://gitlab.com/group/sub/proj/-/edit/trunk/{path}",
        "https://gitlab.com/group/sub/proj/-/blob/trunk/{path}",
    ),
    (
        "gitlab-self-hosted",
        _options(source_url="https://git.example.org/team/proj", source_icon="gitlab"),
        "https://git.example.org/team/proj/-/edit/main/{path}",
        "https://git.example.org/team/proj/-/blob/main/{path}",
    ),
    (
        "bitbucket",
        _options(source_url="https://bitbucket.org/team/proj", source_directory="doc"),
        "https://bitbucket.org/team/proj/src/main/doc/{path}?mode=edit",
        "https://bitbucket.org/team/proj/src/main/doc/{path}",
    ),
    (
        "codeberg",
        _options(source_url="https://codeberg.org/team/proj"),
        "https://codeberg.org/team/proj/_edit/main/{path}",
        "https://codeberg.org/team/proj/src/branch/main/{path}",
    ),
    (
        "forgejo",
        _options(source_url="https://forge.example.org/team/proj", source_icon="forgejo"),
        "https://forge.example.org/team/proj/_edit/main/{path}",
        "https://forge.example.org/team/proj/src/branch/main/{path}",
    ),
    (
        "gitea",
        _options(source_url="https://gitea.example.org/team/proj.git", source_icon="gitea"),
        "https://gitea.example.org/team/proj/_edit/main/{path}",
        "https://gitea.example.org/team/proj/src/branch/main/{path}",
    ),
    (
        "context-rtd",
        _context(github_user="org", github_repo="proj", github_version="v2", conf_py_path="/docs/"),
        "https://github.com/org/proj/edit/v2/docs/{path}",
        "https://github.com/org/proj/blob/v2/docs/{path}",
    ),
    (
        "context-pydata",
        _context(github_user="org", github_repo="proj", doc_path="docs"),
        "https://github.com/org/proj/edit/main/docs/{path}",
        "https://github.com/org/proj/blob/main/docs/{path}",
    ),
    (
        "context-gitlab-host",
        _context(gitlab_user="team", gitlab_repo="proj", gitlab_version="stable", gitlab_host="gitlab.example.org"),
        "https://gitlab.example.org/team/proj/-/edit/stable/{path}",
        "https://gitlab.example.org/team/proj/-/blob/stable/{path}",
    ),
    (
        "context-bitbucket",
        _context(bitbucket_user="team", bitbucket_repo="proj", bitbucket_version="default", conf_py_path="/"),
        "https://bitbucket.org/team/proj/src/default/{path}?mode=edit",
        "https://bitbucket.org/team/proj/src/default/{path}",
    ),
    # The first source wins: the template over source_url over html_context.
    (
        "template-wins",
        _options(source_url="https://github.com/org/proj", source_view_link="https://example.org/v/{filename}")
        + _context(github_user="a", github_repo="b"),
        None,
        "https://example.org/v/{path}",
    ),
    (
        "source-url-wins",
        _options(source_url="https://gitlab.com/org/proj") + _context(github_user="a", github_repo="b"),
        "https://gitlab.com/org/proj/-/edit/main/{path}",
        "https://gitlab.com/org/proj/-/blob/main/{path}",
    ),
]


@pytest.mark.parametrize(("conf", "edit", "view"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_exact_urls_per_forge_and_source(build, tmp_path, conf, edit, view):
    site = build(write_site(tmp_path / "src", conf))
    for page, (_, path) in PAGES.items():
        expected = {}
        if edit:
            expected["Edit this page"] = edit.format(path=path)
        if view:
            expected["View source"] = view.format(path=path)
        assert links(site, page) == expected, page


def test_read_the_docs_branch_and_tag_builds(build, tmp_path, monkeypatch):
    conf = _options(source_url="https://github.com/org/proj", source_directory="docs")
    monkeypatch.setenv("READTHEDOCS_GIT_IDENTIFIER", "release-1")
    site = build(write_site(tmp_path / "a", conf))
    assert links(site, "guide/deep/page") == {
        "Edit this page": "https://github.com/org/proj/edit/release-1/docs/guide/deep/page.rst",
        "View source": "https://github.com/org/proj/blob/release-1/docs/guide/deep/page.rst",
    }
    # A tag: nothing to edit, the view of that tag.
    monkeypatch.setenv("READTHEDOCS_GIT_IDENTIFIER", "v1.0")
    monkeypatch.setenv("READTHEDOCS_VERSION_TYPE", "tag")
    site = build(write_site(tmp_path / "b", conf))
    assert links(site, "guide/deep/page") == {
        "View source": "https://github.com/org/proj/blob/v1.0/docs/guide/deep/page.rst"
    }


@pytest.mark.parametrize(
    ("source_url", "icon", "view"),
    [
        ("https://github.com/org/proj", "", "https://github.com/org/proj/blob/v3/page.rst"),
        ("https://codeberg.org/org/proj", "", "https://codeberg.org/org/proj/src/tag/v3/page.rst"),
        ("https://git.example.org/org/proj", "gitea", "https://git.example.org/org/proj/src/tag/v3/page.rst"),
    ],
)
def test_source_ref_is_tag_option(build, tmp_path, source_url, icon, view):
    options = {"source_url": source_url, "source_branch": "v3", "source_ref_is_tag": True}
    if icon:
        options["source_icon"] = icon
    site = build(write_site(tmp_path / "src", _options(**options)), files={"page.rst": ":orphan:\n\nP\n=\n"})
    assert links(site, "page") == {"View source": view}


def test_opt_outs_and_pages_without_a_source(build, tmp_path):
    site = build(write_site(tmp_path / "src", _options(source_url="https://github.com/org/proj")))
    assert links(site, "guide/deep/page")
    assert links(site, "hidden") == {}, ":hide-edit-link: metadata"
    for page in ("genindex", "search"):
        assert links(site, page) == {}, page
    off = build(write_site(tmp_path / "off", _options(source_url="https://github.com/org/proj", show_edit_link=False)))
    for page in PAGES:
        assert links(off, page) == {}
    # The repository link in the header stays.
    assert off.soup("index").select_one("header a.pt-source-link")["href"] == "https://github.com/org/proj"


@pytest.mark.parametrize("source_url", ["https://example.org/org/proj", ""])
def test_no_guessed_links(build, tmp_path, source_url):
    # An unknown host without a template, or no repository at all: no link.
    site = build(write_site(tmp_path / "src", _options(source_url=source_url)))
    for page in PAGES:
        assert links(site, page) == {}
    assert site.soup("guide/deep/page").select_one(".pt-edit-links") is None


def test_dirhtml_and_singlehtml(build, tmp_path):
    conf = _options(source_url="https://github.com/org/proj", source_directory="docs")
    src = write_site(tmp_path / "src", conf)
    site = build(src, buildername="dirhtml")
    assert links(site, "guide/deep/page/index.html") == {
        "Edit this page": "https://github.com/org/proj/edit/main/docs/guide/deep/page.rst",
        "View source": "https://github.com/org/proj/blob/main/docs/guide/deep/page.rst",
    }
    assert links(site, "more pages/café/index.html")["View source"].endswith("/docs/more%20pages/caf%C3%A9.rst")
    single = build(src, buildername="singlehtml")
    # One page made of them all: its links are those of the root document.
    assert links(single, "index") == {
        "Edit this page": "https://github.com/org/proj/edit/main/docs/index.rst",
        "View source": "https://github.com/org/proj/blob/main/docs/index.rst",
    }


def test_links_sit_above_the_title_in_the_article(build, tmp_path):
    # In the article, not the right sidebar: that folds below the page on a phone.
    site = build(write_site(tmp_path / "src", _options(source_url="https://github.com/org/proj")))
    main = site.soup("guide/deep/page").select_one("main#pt-content")
    top = main.select_one(".pt-page-top")
    assert top is not None and top.find_next("h1") is not None
    assert main.select_one("h1").find_previous(class_="pt-edit-links") is not None

"""A page's "Edit this page" and "View source" links.

Where the repository is comes from the first of these that gives one, worked
out once per build (:func:`resolve`):

1. the ``source_edit_link`` / ``source_view_link`` URL templates;
2. ``source_url`` on a forge of forges.py, with ``source_branch`` and
   ``source_directory``;
3. the ``html_context`` keys other themes read: ``github_user``, ``github_repo``,
   ``github_version``, ``conf_py_path`` or ``doc_path`` (and ``gitlab_*``,
   ``bitbucket_*``).

Per page, only the source file's name is added (:func:`page_links`). Built from
a tag, a forge cannot edit: only the view link is given.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit
from weakref import WeakKeyDictionary

from piccolo_theme import forges
from piccolo_theme.validation import warn_described

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from piccolo_theme.options import ThemeOptions

FILENAME = "{filename}"
#: File-wide metadata that turns the links off for one page.
HIDE_METADATA = ("hide-edit-link", "hide_edit_link")


def check_template(name: str, value: Any, default: str) -> str:
    """A ``source_edit_link`` / ``source_view_link`` template that yields an http(s) URL."""
    if value in ("", None):
        return default
    if not isinstance(value, str):
        warn_described(name, value, "no such link", "is not a string")
        return default
    text = value.strip()
    if FILENAME not in text:
        warn_described(name, value, "no such link", "has no {filename} in it")
        return default
    parts = urlsplit(text.replace(FILENAME, "x"))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        warn_described(name, value, "no such link", "does not give an http(s) URL")
        return default
    return text


def check_path(name: str, value: Any, default: str) -> str:
    """A branch, tag or folder: a string, slashes at the ends removed."""
    if value in ("", None):
        return default
    if not isinstance(value, str):
        warn_described(name, value, repr(default), "is not a string")
        return default
    text = value.strip().strip("/")
    if any(ch in text for ch in "\n\r\t\\") or ".." in text.split("/"):
        warn_described(name, value, repr(default), "is not a branch, tag or folder name")
        return default
    return text


@dataclasses.dataclass(frozen=True)
class Source:
    """Where the pages' source files are, for the whole build."""

    edit_template: str = ""
    view_template: str = ""
    forge: forges.Forge | None = None
    repo: str = ""  # the repository's URL, no trailing slash
    ref: str = ""  # branch or tag, URL-quoted
    directory: str = ""  # the docs folder in the repository, URL-quoted, ending in "/" (or empty)
    tag: bool = False

    def links(self, filename: str) -> tuple[str, str]:
        """The edit and view URLs of a source file (a path from the docs folder)."""
        quoted = quote(filename, safe="/")
        if self.forge is None:
            edit = self.edit_template.replace(FILENAME, quoted)
            view = self.view_template.replace(FILENAME, quoted)
        else:
            path = self.directory + quoted
            edit = self.forge.edit_url(self.repo, self.ref, path)
            view = self.forge.view_url(self.repo, self.ref, path, tag=self.tag)
        return ("" if self.tag else edit), view


def _ref(options: ThemeOptions, given: str = "") -> str:
    ref = options.source_branch or given or os.environ.get("READTHEDOCS_GIT_IDENTIFIER", "").strip() or "main"
    return quote(ref, safe="/")


def _folder(path: str) -> str:
    path = path.strip().strip("/")
    return quote(path, safe="/") + "/" if path else ""


# (prefix of the html_context keys, the forge, its public host)
_CONTEXT_FORGES = (
    ("github", "github", "github.com"),
    ("gitlab", "gitlab", "gitlab.com"),
    ("bitbucket", "bitbucket", "bitbucket.org"),
)


def _from_context(context: Mapping[str, Any], options: ThemeOptions, tag: bool) -> Source | None:
    for prefix, key, host in _CONTEXT_FORGES:
        user, repo = context.get(f"{prefix}_user"), context.get(f"{prefix}_repo")
        if not user and not repo:
            continue
        if not (isinstance(user, str) and user.strip() and isinstance(repo, str) and repo.strip()):
            warn_described(
                f"html_context[{prefix}_user/{prefix}_repo]",
                (user, repo),
                "no edit links from them",
                "are not both names",
            )
            continue
        # A self-hosted instance: pydata's <prefix>_url, or sphinx_rtd_theme's <prefix>_host.
        base = context.get(f"{prefix}_url") or "https://" + str(context.get(f"{prefix}_host") or host)
        base = str(base).strip().rstrip("/")
        if urlsplit(base).scheme not in ("http", "https") or not urlsplit(base).netloc:
            warn_described(f"html_context[{prefix}_url]", base, "no edit links", "is not an http(s) URL")
            continue
        version = context.get(f"{prefix}_version")
        folder = context.get("doc_path") or context.get("conf_py_path") or ""
        repo_url = f"{base}/{quote(user.strip(), safe='')}/{quote(repo.strip(), safe='')}"
        ref = _ref(options, version.strip() if isinstance(version, str) else "")
        return Source(forge=forges.BY_KEY[key], repo=repo_url, ref=ref, directory=_folder(str(folder)), tag=tag)
    return None


def resolve(app: Sphinx, options: ThemeOptions) -> Source | None:
    """Where the sources are, or ``None``: then no page gets a link."""
    tag = options.source_ref_is_tag or os.environ.get("READTHEDOCS_VERSION_TYPE", "").strip() == "tag"
    if options.source_edit_link or options.source_view_link:
        return Source(options.source_edit_link, options.source_view_link, tag=tag)
    forge = forges.BY_KEY.get(options.source_icon)
    if options.source_url and forge is not None and forge.view:
        repo = options.source_url.rstrip("/")
        repo = repo[:-4] if repo.endswith(".git") else repo
        return Source(forge=forge, repo=repo, ref=_ref(options), directory=_folder(options.source_directory), tag=tag)
    context = app.config.html_context
    if isinstance(context, Mapping):
        return _from_context(context, options, tag)
    return None


_SOURCES: WeakKeyDictionary[Builder, Source | None] = WeakKeyDictionary()


def load(app: Sphinx, options: ThemeOptions) -> None:
    _SOURCES[app.builder] = resolve(app, options) if options.show_edit_link else None


def forge(builder: Builder) -> forges.Forge:
    source = _SOURCES.get(builder)
    return source.forge if source is not None and source.forge is not None else forges.GENERIC


def page_links(builder: Builder, docname: str, metadata: Mapping[str, Any]) -> tuple[str, str]:
    """The edit and view URLs of a page built from a source file; empty strings otherwise."""
    source = _SOURCES.get(builder)
    env = builder.env
    if source is None or docname not in env.found_docs or any(k in metadata for k in HIDE_METADATA):
        return "", ""
    filename = env.doc2path(docname, False)
    return source.links(os.fspath(filename).replace(os.sep, "/"))

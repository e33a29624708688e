"""The code forges the theme knows: the one table of them.

``source_icon`` names a forge by its key; ``source_url`` names one by its host.
Each forge brings the label the source link reads ("Source code on GitHub") and
the icon it shows (``components/icons/<icon>.svg``), and the URL patterns of a
page's edit and view-source links. A forge without patterns gets no such link:
never a guessed one.
"""

from __future__ import annotations

import dataclasses
from urllib.parse import urlsplit


@dataclasses.dataclass(frozen=True)
class Forge:
    #: What ``source_icon`` is set to.
    key: str
    #: The forge's name as readers know it; empty for an unknown host.
    label: str
    #: Hosts whose repositories live on this forge (subdomains included).
    hosts: tuple[str, ...]
    #: ``components/icons/<icon>.svg``.
    icon: str
    #: Page links: ``{repo}`` (the repository URL, no trailing slash), ``{ref}``
    #: (branch or tag) and ``{path}`` (from the repository root) are URL-quoted
    #: already. Empty: the forge has no such page.
    edit: str = ""
    view: str = ""
    #: The view of a tag, where it differs from that of a branch.
    view_tag: str = ""

    def edit_url(self, repo: str, ref: str, path: str) -> str:
        return self.edit.format(repo=repo, ref=ref, path=path) if self.edit else ""

    def view_url(self, repo: str, ref: str, path: str, *, tag: bool = False) -> str:
        pattern = (self.view_tag or self.view) if tag else self.view
        return pattern.format(repo=repo, ref=ref, path=path) if pattern else ""


# Codeberg runs Forgejo, a fork of Gitea: one set of patterns for the three.
_GITEA = {
    "edit": "{repo}/_edit/{ref}/{path}",
    "view": "{repo}/src/branch/{ref}/{path}",
    "view_tag": "{repo}/src/tag/{ref}/{path}",
}


FORGES = (
    Forge("github", "GitHub", ("github.com",), "github", "{repo}/edit/{ref}/{path}", "{repo}/blob/{ref}/{path}"),
    Forge("gitlab", "GitLab", ("gitlab.com",), "gitlab", "{repo}/-/edit/{ref}/{path}", "{repo}/-/blob/{ref}/{path}"),
    Forge(
        "bitbucket",
        "Bitbucket",
        ("bitbucket.org",),
        "bitbucket",
        "{repo}/src/{ref}/{path}?mode=edit",
        "{repo}/src/{ref}/{path}",
    ),
    Forge("codeberg", "Codeberg", ("codeberg.org",), "codeberg", **_GITEA),
    # Self-hosted only: named by ``source_icon``.
    Forge("forgejo", "Forgejo", (), "forgejo", **_GITEA),
    Forge("gitea", "Gitea", (), "gitea", **_GITEA),
)
#: Any other host: a neutral icon and no forge name.
GENERIC = Forge("generic", "", (), "generic")

BY_KEY = {forge.key: forge for forge in (*FORGES, GENERIC)}
#: Every valid ``source_icon`` value.
KEYS = tuple(BY_KEY)


def for_url(url: str) -> Forge:
    """The forge hosting a repository URL, :data:`GENERIC` for unknown hosts."""
    host = (urlsplit(url).hostname or "").lower()
    for forge in FORGES:
        if any(host == h or host.endswith("." + h) for h in forge.hosts):
            return forge
    return GENERIC

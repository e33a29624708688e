"""The code forges the theme knows: the one table of them.

``source_icon`` names a forge by its key; ``source_url`` names one by its host.
Each forge brings the label the source link reads ("Source code on GitHub") and
the icon it shows (``components/icons/<icon>.svg``). Per-forge URL patterns
(edit and view links for a page) belong here too, as fields of :class:`Forge`.
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


FORGES = (
    Forge("github", "GitHub", ("github.com",), "github"),
    Forge("gitlab", "GitLab", ("gitlab.com",), "gitlab"),
    Forge("bitbucket", "Bitbucket", ("bitbucket.org",), "bitbucket"),
    Forge("codeberg", "Codeberg", ("codeberg.org",), "codeberg"),
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

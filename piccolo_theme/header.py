"""Values the header and the banner show that are not options as given."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.config import Config


def brand_title(config: Config) -> str:
    """``html_short_title`` when the user set one, else the project name."""
    short = config.html_short_title
    return short if short and short != config.html_title else config.project


def banner_id(text: str) -> str:
    """Changes whenever the banner text does, so a 'permanent' hide expires."""
    return hashlib.sha1(text.encode()).hexdigest()[:10]

"""One parameter per line in API signatures, at build time.

Placeholder until the signatures work lands: registers nothing yet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    """Register the signature post-transform."""

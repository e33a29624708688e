"""Print the PYTHONWARNINGS value that makes deprecation warnings raised from
the theme's own code errors, for builds run outside pytest (pytest has the
same rule in pyproject.toml's ``filterwarnings``).

Sphinx's ``RemovedInSphinxNNWarning`` classes subclass ``DeprecationWarning``
(the next major version) or ``PendingDeprecationWarning`` (the one after). A
``PYTHONWARNINGS`` entry names one module exactly, so there is one per module
of the package, found here rather than listed by hand.

    PYTHONWARNINGS="$(python scripts/deprecation_filters.py)" sphinx-build ...
"""

from __future__ import annotations

import sys
from pathlib import Path

# This checkout's package, whatever the venv has installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from piccolo_theme.facts import PACKAGE_DIR  # noqa: E402

CATEGORIES = ("DeprecationWarning", "PendingDeprecationWarning")


def modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE_DIR.glob("*.py")):
        names.append("piccolo_theme" if path.stem == "__init__" else f"piccolo_theme.{path.stem}")
    return names


def filters() -> str:
    return ",".join(f"error::{category}:{module}" for module in modules() for category in CATEGORIES)


if __name__ == "__main__":
    print(filters())

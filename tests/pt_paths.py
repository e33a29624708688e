"""Every path the tests use, defined once.

A module of its own rather than part of conftest.py: pytest imports conftest
files itself, and a second import of one from a test module is a different
module object. The package's own folders come from ``piccolo_theme.facts``.
"""

from __future__ import annotations

from pathlib import Path

from piccolo_theme.facts import ICONS_DIR, LOCALE_DIR, PACKAGE_DIR, STATIC_DIR

#: The repository.
ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
#: Fixture sites: ``ROOTS / "test-<name>"``, built by the ``build`` fixture as ``build("<name>")``.
ROOTS = TESTS / "roots"
DEMO = ROOT / "demo_docs"
SCRIPTS = ROOT / "scripts"
SASS = ROOT / "sass"
REQUIREMENTS = ROOT / "requirements"

#: The compiled stylesheet and the script the theme ships.
CSS = STATIC_DIR / "piccolo_theme.css"
JS = STATIC_DIR / "piccolo_theme.js"
FONTS = STATIC_DIR / "fonts"

__all__ = [
    "CSS",
    "DEMO",
    "FONTS",
    "ICONS_DIR",
    "JS",
    "LOCALE_DIR",
    "PACKAGE_DIR",
    "REQUIREMENTS",
    "ROOT",
    "ROOTS",
    "SASS",
    "SCRIPTS",
    "STATIC_DIR",
    "TESTS",
]
